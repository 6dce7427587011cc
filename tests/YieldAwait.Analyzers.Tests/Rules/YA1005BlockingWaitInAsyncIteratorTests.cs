using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1005BlockingWaitInAsyncIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1005BlockingWaitInAsyncIteratorTests
    {
        #region Analyzer: helpers

        private static Task VerifyNoDiagnosticDespiteCompilerErrorsAsync(string source) => new Verify.Test
        {
            TestCode = source,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync(CancellationToken.None);

        #endregion
    }
}
