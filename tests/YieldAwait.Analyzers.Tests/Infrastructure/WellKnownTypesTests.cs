using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.Corpus;
using YieldAwait.Analyzers.Rules;

namespace YieldAwait.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// A referenced assembly that carries its own copy of a framework type (a polyfill) makes the raw
    /// <c>GetTypeByMetadataName</c> return null; the rules' lookup must still find the type the code uses.
    /// </summary>
    public class WellKnownTypesTests
    {
        private const string AsyncEnumerable = "System.Collections.Generic.IAsyncEnumerable`1";

        private const string Enumerable = "System.Linq.Enumerable";

        /// <summary>What LINQ back-ports for old frameworks carry, kept internal to the assembly that uses it.</summary>
        private const string InternalEnumerablePolyfill = """
            namespace System.Linq
            {
                internal static class Enumerable { }
            }
            """;

        private const string PublicEnumerablePolyfill = """
            namespace System.Linq
            {
                public static class Enumerable { }
            }
            """;

        private const string BlockingLazyQuery = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;

            public class PageFetcher
            {
                private readonly HttpClient _http = new HttpClient();

                public IEnumerable<string> Bodies(IEnumerable<string> urls) => urls.Select(url => _http.GetStringAsync(url).Result);
            }
            """;

        private const string InternalPolyfill = """
            namespace System.Collections.Generic
            {
                internal interface IAsyncEnumerable<out T> { }
            }
            """;

        private const string PublicPolyfill = """
            namespace System.Collections.Generic
            {
                public interface IAsyncEnumerable<out T> { }
            }
            """;

        private const string BlockingAsyncIterator = """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            public class Pages
            {
                public async IAsyncEnumerable<string> ReadAsync(HttpClient http)
                {
                    await Task.Yield();
                    yield return http.GetStringAsync("https://example.org").Result;
                }
            }
            """;

        [Fact]
        public void Lookup_FindsTheAccessibleType_WhenAReferenceHasAnInternalCopy()
        {
            // System.Linq.Enumerable lives outside the core library, so the raw lookup has no tie-break and gives up.
            var compilation = Compile("class C { }", Polyfill(InternalEnumerablePolyfill));

            Assert.Null(compilation.GetTypeByMetadataName(Enumerable));
            var found = compilation.GetBestTypeByMetadataName(Enumerable);
            Assert.NotNull(found);
            Assert.Equal("System.Linq", found!.ContainingAssembly.Name);
        }

        [Fact]
        public void Lookup_ReturnsNull_WhenTwoReferencesMakeTheTypeAmbiguous()
        {
            var compilation = Compile("class C { }", Polyfill(PublicEnumerablePolyfill));

            Assert.Null(compilation.GetBestTypeByMetadataName(Enumerable));
        }

        [Fact]
        public void Lookup_PrefersTheCoreLibrary_WhenAReferenceHasACopy()
        {
            var compilation = Compile("class C { }", Polyfill(PublicPolyfill), Polyfill(InternalPolyfill, "Polyfill2"));

            var found = compilation.GetBestTypeByMetadataName(AsyncEnumerable);
            Assert.Equal(compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly, found!.ContainingAssembly, SymbolEqualityComparer.Default);
        }

        [Fact]
        public void Lookup_PrefersTheCompilationsOwnCopy()
        {
            var compilation = Compile(PublicPolyfill + "\nclass C { }", Polyfill(PublicPolyfill));

            var found = compilation.GetBestTypeByMetadataName(AsyncEnumerable);
            Assert.Equal(compilation.Assembly, found!.ContainingAssembly, SymbolEqualityComparer.Default);
        }

        [Fact]
        public void Lookup_ReturnsNull_ForATypeNobodyDefines()
        {
            var compilation = Compile("class C { }");

            Assert.Null(compilation.GetBestTypeByMetadataName("System.Threading.NoSuchType"));
        }

        [Fact]
        public void Lookup_IsResolvedOncePerCompilation()
        {
            var compilation = Compile("class C { }");

            Assert.Same(WellKnownTypes.For(compilation), WellKnownTypes.For(compilation));
            Assert.Same(compilation.GetBestTypeByMetadataName(AsyncEnumerable), compilation.GetBestTypeByMetadataName(AsyncEnumerable));
        }

        [Fact]
        public async Task Rule_StillReports_WhenAReferenceDefinesTheAsyncInterfacesAgain()
        {
            var compilation = Compile(BlockingAsyncIterator, Polyfill(InternalPolyfill));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var run = await AnalysisHarness.AnalyzeAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new YA1005BlockingWaitInAsyncIteratorAnalyzer()));

            Assert.Empty(run.Crashes);
            Assert.Single(run.Diagnostics, d => d.Id == DiagnosticIds.BlockingWaitInAsyncIterator);
        }

        /// <summary>YA1006 needs System.Linq.Enumerable; with the raw lookup a LINQ back-port in a reference switched it off.</summary>
        [Fact]
        public async Task Rule_StillReports_WhenAReferenceCarriesAnInternalLinqCopy()
        {
            var compilation = Compile(BlockingLazyQuery, Polyfill(InternalEnumerablePolyfill));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            Assert.Null(compilation.GetTypeByMetadataName(Enumerable));

            var run = await AnalysisHarness.AnalyzeAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new YA1006BlockingWaitInLazyQueryAnalyzer()));

            Assert.Empty(run.Crashes);
            Assert.Single(run.Diagnostics, d => d.Id == DiagnosticIds.BlockingWaitInLazyQuery);
        }

        private static MetadataReference Polyfill(string source, string name = "Polyfill")
        {
            var polyfill = CSharpCompilation.Create(
                name,
                new[] { CSharpSyntaxTree.ParseText(source, AnalysisHarness.ParseOptions) },
                AnalysisHarness.References,
                AnalysisHarness.CompilationOptions);
            return polyfill.ToMetadataReference();
        }

        private static CSharpCompilation Compile(string source, params MetadataReference[] extra) =>
            CSharpCompilation.Create(
                "User",
                new[] { CSharpSyntaxTree.ParseText(source, AnalysisHarness.ParseOptions) },
                AnalysisHarness.References.AddRange(extra),
                AnalysisHarness.CompilationOptions);
    }
}
