using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1004IteratorOfTasksAwaitedOneByOneAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1004IteratorOfTasksAwaitedOneByOneAnalyzer, YieldAwait.CodeFixes.Rules.YA1004IteratorOfTasksAwaitedOneByOneCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    /// <summary>Which producers are analysed: the api_surface option and public API tracking.</summary>
    public partial class YA1004IteratorOfTasksAwaitedOneByOneTests
    {
        #region Analyzer: api_surface

        /// <summary>The page reader made public, in a library; the producer public too.</summary>
        private static Task VerifyPublicProducerAsync(string? editorConfig, bool tracksPublicApi, bool reported)
        {
            var source = PageSource("foreach (var task in FetchPages(3)) total += (await task).Length;")
                .Replace("class PageReader", "public class PageReader")
                .Replace("IEnumerable<Task<string>> {|#0:FetchPages|}", "public IEnumerable<Task<string>> {|#0:FetchPages|}");
            var test = new Verify.Test { TestCode = source };
            test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
            }

            if (tracksPublicApi)
            {
                test.TestState.AdditionalFiles.Add(("/0/PublicAPI.Unshipped.txt", "PageReader\n"));
            }

            if (reported)
            {
                test.ExpectedDiagnostics.Add(Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("FetchPages", "string"));
            }

            return test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData(null, false, true)]
        [InlineData(null, true, false)]
        [InlineData("dotnet_code_quality.api_surface = all", true, true)]
        [InlineData("dotnet_code_quality.YA1004.api_surface = public", true, true)]
        [InlineData("dotnet_code_quality.api_surface = internal, private", false, false)]
        [InlineData("dotnet_code_quality.api_surface = public\ndotnet_code_quality.YA1004.api_surface = private", false, false)]
        [InlineData("dotnet_code_quality.YA4003.api_surface = private", false, true)]
        public Task PublicProducer_FollowsApiSurface(string? editorConfig, bool tracksPublicApi, bool reported) =>
            VerifyPublicProducerAsync(editorConfig, tracksPublicApi, reported);

        #endregion
    }
}
