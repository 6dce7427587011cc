using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Finiteness;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA2001InfiniteSequenceMaterialisedAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA2001InfiniteSequenceMaterialisedAnalyzer, YieldAwait.CodeFixes.Rules.YA2001InfiniteSequenceMaterialisedCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    /// <summary>
    /// YA2001 on every materialiser of the catalog, and its fixes. How a sequence comes to be infinite (iterator shapes,
    /// library methods, propagation, the option and the attribute) is tested in <see cref="InfiniteSequenceAnalysisTests"/>.
    /// </summary>
    public partial class YA2001InfiniteSequenceMaterialisedTests
    {
        #region Analyzer: reports every materialiser

        /// <summary>Every LINQ materialiser of the catalog, as a call on the sequence.</summary>
        public static TheoryData<string> LinqMaterialisers { get; } = new()
        {
            "ToList()",
            "ToArray()",
            "ToDictionary(n => n)",
            "ToHashSet()",
            "ToLookup(n => n % 2)",
            "Count()",
            "Count(n => n > 3)",
            "LongCount()",
            "Last()",
            "LastOrDefault(n => n < 0)",
            "TakeLast(3)",
            "Sum()",
            "Min()",
            "Max(n => n * 2)",
            "MinBy(n => -n)",
            "MaxBy(n => n)",
            "Average()",
            "Aggregate((a, b) => a + b)",
            "Aggregate(0L, (a, b) => a + b)",
            "OrderBy(n => -n)",
            "OrderByDescending(n => n)",
            "Order()",
            "OrderDescending()",
            "Reverse()",
            "GroupBy(n => n % 3)",
            "ToImmutableArray()",
            "ToImmutableList()",
            "ToFrozenSet()",
        };


        [Fact]
        public Task Reports_ToListOnInfiniteIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;

            class Numbers
            {
                static IEnumerable<int> Naturals()
                {
                    var n = 0;
                    while (true)
                    {
                        yield return n++;
                    }
                }

                List<int> All() => Naturals().{|#0:ToList()|};
            }
            """,
            Verify.Diagnostic("YA2001").WithLocation(0).WithArguments("ToList", "Naturals"));

        [Theory]
        [MemberData(nameof(LinqMaterialisers))]
        public Task Reports_EveryLinqMaterialiser(string call) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Frozen;
            using System.Collections.Immutable;
            using System.Linq;

            class C
            {
                object M() => Gen.Naturals().{|YA2001:{{call}}|};
            }

            {{InfiniteSources.Generators}}
            """);

        [Theory]
        [InlineData("string.{|#0:Join(\", \", Gen.Naturals())|}", "Join")]
        [InlineData("string.{|#0:Join(\", \", Gen.Naturals().Select(n => n.ToString()))|}", "Join")]
        [InlineData("string.{|#0:Concat(Gen.Naturals())|}", "Concat")]
        [InlineData("{|#0:new List<int>(Gen.Naturals())|}", "new List")]
        [InlineData("{|#0:new HashSet<int>(Gen.Naturals(), EqualityComparer<int>.Default)|}", "new HashSet")]
        [InlineData("{|#0:new Queue<int>(Gen.Naturals())|}", "new Queue")]
        [InlineData("{|#0:new Stack<int>(Gen.Naturals())|}", "new Stack")]
        [InlineData("{|#0:new SortedSet<int>(Gen.Naturals())|}", "new SortedSet")]
        [InlineData("ImmutableArray.{|#0:CreateRange(Gen.Naturals())|}", "CreateRange")]
        [InlineData("ImmutableList.{|#0:CreateRange(Gen.Naturals())|}", "CreateRange")]
        public Task Reports_CollectionApisThatCopyTheSequence(string expression, string name) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Linq;

            class C
            {
                object M() => {{expression}};
            }

            {{InfiniteSources.Generators}}
            """,
            Verify.Diagnostic("YA2001").WithLocation(0).WithArguments(name, "Naturals"));

        [Fact]
        public Task Reports_AddRangeAndSetOperations() => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                void M(List<int> list, HashSet<int> set, int[] seen)
                {
                    list.{|YA2001:AddRange(Gen.Naturals())|};
                    list.{|YA2001:InsertRange(0, Gen.Naturals())|};
                    set.{|YA2001:UnionWith(Gen.Naturals())|};
                    var fresh = seen.{|YA2001:Except(Gen.Naturals())|};
                    var common = seen.{|YA2001:Intersect(Gen.Naturals())|};
                }
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Reports_JoinsInnerSide_NotItsOuterSide() => Verify.VerifyAnalyzerAsync($$"""
            using System.Linq;

            record Order(int Id, int CustomerId);

            class C
            {
                object Inner(Order[] orders) =>
                    orders.{|YA2001:Join(Gen.Naturals(), o => o.CustomerId, n => n, (o, n) => o.Id)|};

                object GroupInner(Order[] orders) =>
                    orders.{|YA2001:GroupJoin(Gen.Naturals(), o => o.CustomerId, n => n, (o, ns) => ns.Count())|};

                // The outer side is streamed: the join of an infinite outer side with a finite inner side is itself lazy.
                object Outer(Order[] orders) =>
                    Gen.Naturals().Join(orders, n => n, o => o.Id, (n, o) => o).Take(3);
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Reports_OnlyTheFirstMaterialiserOfAChain() => Verify.VerifyAnalyzerAsync($$"""
            using System.Linq;

            class C
            {
                // ToList never returns; the OrderBy and the second ToList then work on a finite list.
                object M() => Gen.Naturals().Select(n => n * 2).{|YA2001:ToList()|}.OrderBy(n => n).ToList();
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Reports_InQueryExpressionAndLambda() => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Linq;

            class C
            {
                object Query() => (from n in Gen.Naturals() where n % 2 == 0 select n * n).{|YA2001:ToArray()|};

                Func<int> Later => () => Gen.Naturals().{|YA2001:Sum()|};
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Reports_StaticCallForm() => Verify.VerifyAnalyzerAsync($$"""
            using System.Linq;

            class C
            {
                object M() => Enumerable.{|YA2001:ToList(Gen.Naturals())|};
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Reports_AsyncMaterialisers_OnAsyncStreams() => new Verify.Test
        {
            ReferenceAssemblies = TestReferences.Net10,
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                class Telemetry
                {
                    static async IAsyncEnumerable<double> Readings([EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        while (true)
                        {
                            await Task.Delay(1000, cancellationToken);
                            yield return 21.5;
                        }
                    }

                    async Task Report(CancellationToken token)
                    {
                        var all = await Readings().{|YA2001:ToListAsync(token)|};
                        var count = await Readings().Where(r => r > 20).{|YA2001:CountAsync(token)|};
                        var peak = await Readings().{|YA2001:MaxAsync(cancellationToken: token)|};
                        var average = await Readings().{|YA2001:AverageAsync(token)|};
                        var array = await Readings().Select(r => (int)r).{|YA2001:ToArrayAsync(token)|};
                        var sorted = Readings().{|YA2001:OrderBy(r => r)|};
                        var last = await AsyncEnumerable.InfiniteSequence(0, 1).{|YA2001:LastAsync(token)|};
                    }
                }
                """,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task Reports_ShuffleAndCountByOfNet10() => new Verify.Test
        {
            ReferenceAssemblies = TestReferences.Net10,
            TestCode = """
                using System.Linq;

                class C
                {
                    object Shuffled() => Enumerable.InfiniteSequence(0, 1).{|YA2001:Shuffle()|};

                    object Counted() => Enumerable.InfiniteSequence(0, 1).{|YA2001:CountBy(n => n % 2)|};
                }
                """,
        }.RunAsync(CancellationToken.None);

        #endregion
    }
}
