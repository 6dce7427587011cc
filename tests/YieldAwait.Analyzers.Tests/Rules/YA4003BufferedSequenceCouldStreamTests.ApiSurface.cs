using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA4003BufferedSequenceCouldStreamAnalyzer, YieldAwait.CodeFixes.Rules.YA4003BufferedSequenceCouldStreamCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    /// <summary>Which methods are analysed: the api_surface option and public API tracking.</summary>
    public partial class YA4003BufferedSequenceCouldStreamTests
    {
        #region api_surface

        /// <summary>A public, an internal and a private producer, each with one enumerating caller, in a library.</summary>
        private const string ThreeAccessibilities = """
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Tests")]

            public class Orders
            {
                private readonly Store _store = new Store();

                public async Task<List<int>> {|#0:PublicAsync|}()
                {
                    var ids = new List<int>();
                    while (await _store.ReadAsync())
                        ids.Add(_store.Current.Id);
                    return ids;
                }

                internal async Task<List<int>> {|#1:InternalAsync|}()
                {
                    var ids = new List<int>();
                    while (await _store.ReadAsync())
                        ids.Add(_store.Current.Id);
                    return ids;
                }

                private async Task<List<int>> {|#2:PrivateAsync|}()
                {
                    var ids = new List<int>();
                    while (await _store.ReadAsync())
                        ids.Add(_store.Current.Id);
                    return ids;
                }

                async Task PrintAsync()
                {
                    foreach (var id in await PublicAsync()) System.Console.WriteLine(id);
                    foreach (var id in await InternalAsync()) System.Console.WriteLine(id);
                    foreach (var id in await PrivateAsync()) System.Console.WriteLine(id);
                }
            }
            """;

        /// <summary>Runs <see cref="ThreeAccessibilities"/> as a library, with an optional .editorconfig and public-API files.</summary>
        private static Task VerifyApiSurfaceAsync(string? editorConfig, bool tracksPublicApi, params int[] reported)
        {
            var test = new Verify.Test { TestCode = Usings + ThreeAccessibilities + Store };
            test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
            }

            if (tracksPublicApi)
            {
                test.TestState.AdditionalFiles.Add(("/0/PublicAPI.Shipped.txt", "#nullable enable\nOrders\nOrders.Orders() -> void\n"));
                test.TestState.AdditionalFiles.Add(("/0/PublicAPI.Unshipped.txt", ""));
            }

            foreach (var location in reported)
            {
                var name = location switch { 0 => "PublicAsync", 1 => "InternalAsync", _ => "PrivateAsync" };
                test.ExpectedDiagnostics.Add(Verify.Diagnostic("YA4003").WithLocation(location).WithArguments(name, "int"));
            }

            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task Reports_EveryAccessibility_ByDefault_EvenInALibraryThatShowsItsInternals() =>
            VerifyApiSurfaceAsync(null, tracksPublicApi: false, 0, 1, 2);

        [Fact]
        public Task NoDiagnostic_OnPublicMembers_WhenTheLibraryTracksItsPublicApi() =>
            VerifyApiSurfaceAsync(null, tracksPublicApi: true, 1, 2);

        [Theory]
        [InlineData("dotnet_code_quality.api_surface = private", false, new[] { 2 })]
        [InlineData("dotnet_code_quality.api_surface = internal, private", false, new[] { 1, 2 })]
        [InlineData("dotnet_code_quality.api_surface = friend", false, new[] { 1 })]
        [InlineData("dotnet_code_quality.api_surface = all", true, new[] { 0, 1, 2 })]
        [InlineData("dotnet_code_quality.api_surface = public", true, new[] { 0 })]
        [InlineData("dotnet_code_quality.YA4003.api_surface = public", false, new[] { 0 })]
        [InlineData("dotnet_code_quality.api_surface = private\ndotnet_code_quality.YA4003.api_surface = public, internal", false, new[] { 0, 1 })]
        [InlineData("dotnet_code_quality.YA4001.api_surface = private", false, new[] { 0, 1, 2 })]
        [InlineData("dotnet_code_quality.api_surface = everything", true, new[] { 1, 2 })]
        [InlineData("dotnet_code_quality.api_surface =", false, new[] { 0, 1, 2 })]
        public Task ApiSurfaceOption_ChoosesTheAccessibilities(string editorConfig, bool tracksPublicApi, int[] reported) =>
            VerifyApiSurfaceAsync(editorConfig, tracksPublicApi, reported);

        #endregion
    }
}
