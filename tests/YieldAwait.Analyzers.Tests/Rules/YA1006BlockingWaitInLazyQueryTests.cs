using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer, YieldAwait.CodeFixes.Rules.YA1006BlockingWaitInLazyQueryCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1006BlockingWaitInLazyQueryTests
    {
    }
}
