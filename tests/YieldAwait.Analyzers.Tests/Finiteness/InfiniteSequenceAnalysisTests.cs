using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA2001InfiniteSequenceMaterialisedAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Finiteness
{
    /// <summary>
    /// The finiteness analysis behind YA2001–YA2003, observed through YA2001 (<c>ToList()</c> on the sequence): which
    /// iterators are infinite, which library methods, how infiniteness flows through operators, methods, locals, fields
    /// and properties, and what bounds it.
    /// </summary>
    public partial class InfiniteSequenceAnalysisTests
    {
    }
}
