using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Finiteness;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA2001InfiniteSequenceMaterialisedAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA2001InfiniteSequenceMaterialisedAnalyzer, YieldAwait.CodeFixes.Rules.YA2001InfiniteSequenceMaterialisedCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    /// <summary>
    /// YA2001 on every materialiser of the catalog, and its fixes. How a sequence comes to be infinite (iterator shapes,
    /// library methods, propagation, the option and the attribute) is tested in <see cref="InfiniteSequenceAnalysisTests"/>.
    /// </summary>
    public partial class YA2001InfiniteSequenceMaterialisedTests
    {
    }
}
