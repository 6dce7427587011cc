using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    /// <summary>The conversion changes signatures: it honours api_surface as the rules whose fix changes a signature do.</summary>
    public partial class YA1001BlockingWaitInIteratorTests
    {
        #region Code fix: api_surface

        private const string ConvertKey = YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix.EquivalenceKey;

        /// <summary>A public iterator and an async caller that could follow the conversion.</summary>
        private const string PublicFeed = """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public class Feed
            {
                public IEnumerable<int> Items(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                internal async Task<int> SumAsync(Task<int> t)
                {
                    var sum = 0;
                    foreach (var x in Items(t)) sum += x;
                    await Task.Yield();
                    return sum;
                }
            }
            """;

        private const string PublicFeedConverted = """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            public class Feed
            {
                public async IAsyncEnumerable<int> Items(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                internal async Task<int> SumAsync(Task<int> t)
                {
                    var sum = 0;
                    await foreach (var x in Items(t)) sum += x;
                    await Task.Yield();
                    return sum;
                }
            }
            """;

        [Theory]
        [InlineData("dotnet_code_quality.YA1001.api_surface = internal, private")]
        [InlineData("dotnet_code_quality.api_surface = internal")]
        [InlineData("dotnet_code_quality.api_surface = all\ndotnet_code_quality.YA1001.api_surface = private")]
        public Task NoConversion_WhenThePublicIteratorIsOutsideTheApiSurface(string option) =>
            VerifyApiSurfaceAsync(PublicFeed, PublicFeed, option, tracksPublicApi: false, ConvertKey);

        [Fact]
        public Task NoConversion_WhenTheLibraryTracksItsPublicApi() =>
            VerifyApiSurfaceAsync(PublicFeed, PublicFeed, editorConfig: null, tracksPublicApi: true, ConvertKey);

        [Theory]
        [InlineData(null)]
        [InlineData("dotnet_code_quality.api_surface = public")]
        [InlineData("dotnet_code_quality.api_surface = private\ndotnet_code_quality.YA1001.api_surface = all")]
        [InlineData("dotnet_code_quality.YA1004.api_surface = private")]
        public Task Fix_ConvertsThePublicIterator_WhenTheApiSurfaceIncludesIt(string? option) =>
            VerifyApiSurfaceAsync(PublicFeed, PublicFeedConverted, option, tracksPublicApi: false, ConvertKey);

        [Fact]
        public Task Fix_ConvertsThePublicIterator_WhenTheRuleKeyWidensATrackedLibrary() =>
            VerifyApiSurfaceAsync(PublicFeed, PublicFeedConverted, "dotnet_code_quality.YA1001.api_surface = all", tracksPublicApi: true, ConvertKey);

        [Fact]
        public Task Counterpart_WhenThePublicIteratorIsOutsideTheApiSurface() => VerifyApiSurfaceAsync(PublicFeed, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            public class Feed
            {
                public IEnumerable<int> Items(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                public async IAsyncEnumerable<int> ItemsAsync(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                internal async Task<int> SumAsync(Task<int> t)
                {
                    var sum = 0;
                    await foreach (var x in ItemsAsync(t)) sum += x;
                    await Task.Yield();
                    return sum;
                }
            }
            """, "dotnet_code_quality.YA1001.api_surface = internal, private", tracksPublicApi: false, ConvertKey + ".AddAsyncCounterpart");

        /// <summary>An internal iterator is converted although its public sync-iterator caller, converted with it, is outside the surface: no.</summary>
        [Fact]
        public Task NoConversion_WhenAConvertedCallerIsOutsideTheApiSurface()
        {
            const string source = """
                using System.Collections.Generic;
                using System.Threading.Tasks;

                public class Feed
                {
                    internal IEnumerable<int> Items(Task<int> t)
                    {
                        yield return {|YA1001:t.Result|};
                    }

                    public IEnumerable<int> Doubled(Task<int> t)
                    {
                        foreach (var x in Items(t)) yield return x * 2;
                    }
                }
                """;
            return VerifyApiSurfaceAsync(source, source, "dotnet_code_quality.api_surface = internal, private", tracksPublicApi: false, ConvertKey);
        }

        [Fact]
        public Task Fix_ConvertsAnInternalIterator_WhenOnlyPublicMembersAreExcluded() => VerifyApiSurfaceAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public class Feed
            {
                internal IEnumerable<int> Items(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            public class Feed
            {
                internal async IAsyncEnumerable<int> Items(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }
            }
            """, "dotnet_code_quality.YA1001.api_surface = internal, private", tracksPublicApi: true, ConvertKey);

        /// <summary>
        /// Runs the fix of <paramref name="key"/> on a library, with an .editorconfig (the suffix off, so names stay) and optional
        /// public-API files; <paramref name="fixedSource"/> equal to <paramref name="source"/> means that action is not offered.
        /// </summary>
        private static Task VerifyApiSurfaceAsync(string source, string fixedSource, string? editorConfig, bool tracksPublicApi, string key)
        {
            var test = new VerifyFix.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = key,
            };
            if (fixedSource != source)
            {
                test.NumberOfIncrementalIterations = 1;
                test.NumberOfFixAllIterations = 1;
            }

            test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\nyieldawait.async_suffix = false\n" + (editorConfig ?? string.Empty) + "\n"));
            if (tracksPublicApi)
            {
                test.TestState.AdditionalFiles.Add(("/0/PublicAPI.Shipped.txt", "#nullable enable\nFeed\nFeed.Feed() -> void\n"));
                test.TestState.AdditionalFiles.Add(("/0/PublicAPI.Unshipped.txt", ""));
            }

            return test.RunAsync(CancellationToken.None);
        }

        #endregion
    }
}
