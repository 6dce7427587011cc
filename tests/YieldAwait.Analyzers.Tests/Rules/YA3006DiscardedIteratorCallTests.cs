using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3006DiscardedIteratorCallAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3006DiscardedIteratorCallTests
    {
    }
}
