using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Finiteness;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA2003SearchOverInfiniteSequenceAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA2003SearchOverInfiniteSequenceTests
    {
        #region Analyzer: reports searches that may never finish

        [Fact]
        public Task Reports_ContainsOnInfiniteIterator() => Verify.VerifyAnalyzerAsync($$"""
            using System.Linq;

            class C
            {
                bool HasAnswer() => Gen.Naturals().{|#0:Contains(42)|};
            }

            {{InfiniteSources.Generators}}
            """,
            Verify.Diagnostic("YA2003").WithLocation(0).WithArguments("Contains", "Naturals"));

        [Theory]
        [InlineData("Contains(-1)")]
        [InlineData("Contains(7, EqualityComparer<int>.Default)")]
        [InlineData("Any(n => n < 0)")]
        [InlineData("All(n => n >= 0)")]
        [InlineData("First(n => n > 1_000)")]
        [InlineData("FirstOrDefault(n => n > 1_000)")]
        [InlineData("FirstOrDefault(n => n > 1_000, -1)")]
        [InlineData("Single(n => n == 3)")]
        [InlineData("SingleOrDefault(n => n == 3)")]
        [InlineData("SequenceEqual(Gen.Naturals())")]
        [InlineData("SequenceEqual(Gen.Naturals().Select(n => n), EqualityComparer<int>.Default)")]
        public Task Reports_EverySearch(string call) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                object M() => Gen.Naturals().{|YA2003:{{call}}|};
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Reports_AfterOperatorsThatKeepInfiniteness() => Verify.VerifyAnalyzerAsync($$"""
            using System.Linq;

            class C
            {
                bool Odd() => Gen.Naturals().Where(n => n % 2 == 0).{|YA2003:Any(n => n % 2 == 1)|};

                bool Text() => Gen.Naturals().Select(n => n.ToString()).{|YA2003:Contains("x")|};

                bool Local()
                {
                    var squares = Gen.Naturals().Select(n => n * n);
                    return squares.{|YA2003:Contains(50)|};
                }
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Reports_AsyncSearches() => new Verify.Test
        {
            ReferenceAssemblies = TestReferences.Net10,
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;

                class Telemetry
                {
                    static async IAsyncEnumerable<int> Readings()
                    {
                        var n = 0;
                        while (true)
                        {
                            await Task.Yield();
                            yield return n++;
                        }
                    }

                    async Task Search(CancellationToken token)
                    {
                        var spike = await Readings().{|YA2003:FirstAsync(r => r > 90, token)|};
                        var any = await Readings().{|YA2003:AnyAsync(r => r < 0, token)|};
                        var all = await Readings().{|YA2003:AllAsync(r => r >= 0, token)|};
                        var has = await Readings().{|YA2003:ContainsAsync(42, cancellationToken: token)|};
                        var one = await AsyncEnumerable.InfiniteSequence(0, 1).{|YA2003:SingleAsync(n => n == 5, token)|};
                    }
                }
                """,
        }.RunAsync(CancellationToken.None);

        #endregion

        #region Analyzer: stays silent on look-alikes

        [Theory]
        [InlineData("First()")]
        [InlineData("FirstOrDefault()")]
        [InlineData("FirstOrDefault(-1)")]
        [InlineData("Any()")]
        [InlineData("ElementAt(3)")]
        [InlineData("ElementAtOrDefault(3)")]
        [InlineData("Single()")]
        [InlineData("Take(100).Contains(42)")]
        [InlineData("TakeWhile(n => n < 100).Any(n => n == 42)")]
        [InlineData("Take(10).All(n => n >= 0)")]
        [InlineData("Take(10).First(n => n > 5)")]
        [InlineData("SequenceEqual(Gen.Digits())")]
        [InlineData("Zip(Gen.Digits()).Any(p => p.First == p.Second)")]
        [InlineData("Select(n => n * 2).Take(5).Single(n => n == 4)")]
        [InlineData("Where(n => n > 3).Take(2).Any(n => n == 5)")]
        [InlineData("Skip(2).First()")]
        [InlineData("Select(n => n * n).ElementAt(2)")]
        [InlineData("Take(3).SequenceEqual(Gen.Naturals())")]
        [InlineData("TakeWhile(n => n < 10).Contains(4)")]
        [InlineData("Chunk(2).First().Contains(1)")]
        public Task NoDiagnostic_WhenTheSearchIsBoundedOrNeedsNoMatch(string call) => Verify.VerifyAnalyzerAsync($$"""
            using System.Linq;

            class C
            {
                object M() => Gen.Naturals().{{call}};
            }

            {{InfiniteSources.Generators}}
            """);

        [Theory]
        [InlineData("Gen.Digits().Contains(3)")]
        [InlineData("Gen.Digits().Any(d => d > 5)")]
        [InlineData("Gen.Digits().First(d => d > 5)")]
        [InlineData("new List<int> { 1 }.Contains(1)")]
        [InlineData("\"infinite\".Contains('i')")]
        [InlineData("Gen.Digits().SequenceEqual(Gen.Naturals())")]
        public Task NoDiagnostic_OnFiniteSequencesAndOtherContains(string expression) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                object M() => {{expression}};
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task NoCrash_OnHalfTypedSearches() => new Verify.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;

                class C
                {
                    static IEnumerable<int> Naturals() { while (true) yield return 1; }

                    bool A() => Naturals().Any(n =>
                    bool B() => Naturals().Contains(;
                    bool D() => Naturals().SequenceEqual(
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync(CancellationToken.None);

        #endregion
    }
}
