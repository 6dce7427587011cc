using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer, YieldAwait.CodeFixes.Rules.YA3003DeferredExecutionEscapesTryCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3003DeferredExecutionEscapesTryTests
    {
    }
}
