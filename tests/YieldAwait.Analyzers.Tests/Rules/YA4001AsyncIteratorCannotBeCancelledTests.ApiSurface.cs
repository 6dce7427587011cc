using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA4001AsyncIteratorCannotBeCancelledAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA4001AsyncIteratorCannotBeCancelledAnalyzer, YieldAwait.CodeFixes.Rules.YA4001AsyncIteratorCannotBeCancelledCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    /// <summary>Which iterators are analysed: the api_surface option and public API tracking.</summary>
    public partial class YA4001AsyncIteratorCannotBeCancelledTests
    {
        #region api_surface

        private const string ThreeIterators = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public class Feeds
            {
                public async IAsyncEnumerable<int> {|#0:Public|}()
                {
                    await Task.Delay(1);
                    yield return 1;
                }

                internal async IAsyncEnumerable<int> {|#1:Internal|}(CancellationToken {|#3:token|})
                {
                    await Task.Delay(1, token);
                    yield return 1;
                }

                private async IAsyncEnumerable<int> {|#2:Private|}()
                {
                    await Task.Delay(1);
                    yield return 1;
                }

                public IAsyncEnumerable<int> All() => Private();
            }
            """;

        [Theory]
        [InlineData(null, false, new[] { 0, 1, 2 })]
        [InlineData(null, true, new[] { 1, 2 })]
        [InlineData("dotnet_code_quality.api_surface = all", true, new[] { 0, 1, 2 })]
        [InlineData("dotnet_code_quality.api_surface = public", false, new[] { 0 })]
        [InlineData("dotnet_code_quality.YA4001.api_surface = friend", true, new[] { 1 })]
        [InlineData("dotnet_code_quality.api_surface = private\ndotnet_code_quality.YA4001.api_surface = public, private", false, new[] { 0, 2 })]
        public Task ApiSurfaceOption_ChoosesTheAccessibilities(string? editorConfig, bool tracksPublicApi, int[] reported)
        {
            var test = new Verify.Test { TestCode = ThreeIterators };
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary;
            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
            }

            if (tracksPublicApi)
            {
                test.TestState.AdditionalFiles.Add(("/0/PublicAPI.Shipped.txt", "Feeds\n"));
            }

            foreach (var location in reported)
            {
                var expected = location switch
                {
                    0 => Verify.Diagnostic("YA4001").WithLocation(0).WithArguments("Public", "it takes no CancellationToken, so a consumer's token never reaches the awaits inside it"),
                    1 => Verify.Diagnostic("YA4001").WithLocation(1).WithLocation(3).WithArguments("Internal", "its CancellationToken parameter 'token' is not marked [EnumeratorCancellation], so a token given to WithCancellation never reaches it"),
                    _ => Verify.Diagnostic("YA4001").WithLocation(2).WithArguments("Private", "it takes no CancellationToken, so a consumer's token never reaches the awaits inside it"),
                };
                test.ExpectedDiagnostics.Add(expected);
            }

            test.CompilerDiagnostics = CompilerDiagnostics.None;
            return test.RunAsync(CancellationToken.None);
        }

        #endregion
    }
}
