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
    public class YA2001InfiniteSequenceMaterialisedTests
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

        #region Analyzer: stays silent on look-alikes

        [Theory]
        [MemberData(nameof(LinqMaterialisers))]
        public Task NoDiagnostic_EveryLinqMaterialiser_OnceBoundedByTake(string call) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Frozen;
            using System.Collections.Immutable;
            using System.Linq;

            class C
            {
                object M() => Gen.Naturals().Take(50).{{call}};
            }

            {{InfiniteSources.Generators}}
            """);

        [Theory]
        [InlineData("string.Join(\", \", Gen.Naturals().Take(3))")]
        [InlineData("string.Join(\", \", Gen.Naturals().TakeWhile(n => n < 5).Select(n => n.ToString()))")]
        [InlineData("string.Concat(Gen.Digits())")]
        [InlineData("new List<int>(Gen.Naturals().Take(4))")]
        [InlineData("new HashSet<int>(Gen.Digits(), EqualityComparer<int>.Default)")]
        [InlineData("new Queue<int>(Gen.Naturals().Zip(Gen.Digits(), (a, b) => a + b))")]
        [InlineData("new Stack<int>(new[] { 1, 2 })")]
        [InlineData("new SortedSet<int>(Gen.Naturals().Take(2))")]
        [InlineData("ImmutableArray.CreateRange(Gen.Digits())")]
        [InlineData("ImmutableList.CreateRange(Gen.Naturals().Skip(3).Take(3))")]
        public Task NoDiagnostic_CollectionApisOnFiniteSequences(string expression) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Linq;

            class C
            {
                object M() => {{expression}};
            }

            {{InfiniteSources.Generators}}
            """);

        [Theory]
        [InlineData("Take(10).ToList()")]
        [InlineData("TakeWhile(n => n < 10).ToArray()")]
        [InlineData("Where(n => n % 7 == 0).Take(3).Sum()")]
        [InlineData("Select(n => n * n).TakeWhile(n => n < 1000).Count()")]
        [InlineData("Skip(5).Take(5).OrderBy(n => -n).ToList()")]
        [InlineData("Zip(Gen.Digits()).ToList()")]
        [InlineData("Zip(new[] { 'a', 'b' }, (n, c) => c).ToArray()")]
        [InlineData("First()")]
        [InlineData("ElementAt(3)")]
        [InlineData("Take(3).Last()")]
        [InlineData("Chunk(3).First().Sum()")]
        public Task NoDiagnostic_WhenBoundedBeforeMaterialising(string chain) => Verify.VerifyAnalyzerAsync($$"""
            using System.Linq;

            class C
            {
                object M() => Gen.Naturals().{{chain}};
            }

            {{InfiniteSources.Generators}}
            """);

        [Theory]
        [InlineData("Gen.Digits().ToList()")]
        [InlineData("Enumerable.Range(0, 10).ToList()")]
        [InlineData("Enumerable.Repeat(1, 10).Sum()")]
        [InlineData("Enumerable.Repeat(Gen.Naturals(), 3).ToList()")]
        [InlineData("Gen.Digits().Concat(Gen.Digits()).ToArray()")]
        [InlineData("new List<int>(Gen.Digits())")]
        [InlineData("string.Join(\",\", Gen.Digits())")]
        [InlineData("Gen.Digits().Join(Gen.Digits(), a => a, b => b, (a, b) => a).ToList()")]
        [InlineData("new List<int>(16)")]
        [InlineData("string.Concat(\"a\", \"b\")")]
        public Task NoDiagnostic_OnFiniteSequences(string expression) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                object M() => {{expression}};
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task NoDiagnostic_OnParametersAndMutableState() => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                private IEnumerable<int> _mutable = Gen.Naturals();

                public IEnumerable<int> Settable { get; set; } = Gen.Naturals();

                object FromParameter(IEnumerable<int> source) => source.ToList();

                object FromMutableField() => _mutable.ToList();

                object FromSettableProperty() => Settable.ToList();

                object FromReassignedLocal()
                {
                    var numbers = Gen.Naturals();
                    numbers = numbers.Take(5);
                    return numbers.ToList();
                }

                object FromLocalPassedByRef()
                {
                    var numbers = Gen.Naturals();
                    Bound(ref numbers);
                    return numbers.ToList();
                }

                static void Bound(ref IEnumerable<int> numbers) => numbers = numbers.Take(5);
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheMaterialisedSequenceIsAlreadyFinite() => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                object Added(List<int> list)
                {
                    list.AddRange(Gen.Naturals().Take(5));
                    return list.OrderBy(n => n).ToList();
                }

                object Sorted() => Gen.Naturals().Take(10).ToList().OrderBy(n => -n).ToArray();
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task NoCrash_WhenCodeDoesNotCompile() => new Verify.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;

                class C
                {
                    static IEnumerable<int> Naturals()
                    {
                        while (true)
                        {
                            yield return
                    }

                    object M() => Naturals().{|YA2001:ToList(|}
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task NoDiagnostic_WhenMethodsAreMissing() => new Verify.Test
        {
            TestCode = """
                using System.Linq;

                class C
                {
                    object M() => Missing().ToList();

                    object N() => Gen.Naturals().ToLis();

                    object O() => new System.Collections.Generic.List<int>(Undefined);
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync(CancellationToken.None);

        #endregion

        #region Code fix

        [Fact]
        public Task Fix_MovesTakeBeforeToList() => VerifyFix.VerifyCodeFixAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                IEnumerable<int> FirstTen() => Gen.Naturals().{|YA2001:ToList()|}.Take(10);

                IEnumerable<int> Small() =>
                    Gen.Naturals()
                        .Where(n => n % 3 == 0)
                        .{|YA2001:ToArray()|}
                        .TakeWhile(n => n < 100); // keep the layout
            }

            {{InfiniteSources.Generators}}
            """, $$"""
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                IEnumerable<int> FirstTen() => Gen.Naturals().Take(10).ToList();

                IEnumerable<int> Small() =>
                    Gen.Naturals()
                        .Where(n => n % 3 == 0)
                        .TakeWhile(n => n < 100)
                        .ToArray(); // keep the layout
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Fix_RemovesMaterialisationBeforeFirstAndElementAt() => VerifyFix.VerifyCodeFixAsync($$"""
            using System.Linq;

            class C
            {
                int FirstBig() => Gen.Naturals().{|YA2001:ToArray()|}.First(n => n > 1000);

                int Fourth() => Gen.Naturals().{|YA2001:ToList()|}.ElementAt(3);

                bool Any() => Gen.Naturals().{|YA2001:ToList()|}.Any();

                int Tenth() => Gen.Naturals().{|YA2001:ToList()|}[9];

                int Square(int i) => Gen.Naturals().Select(n => n * n).{|YA2001:ToArray()|}[i];
            }

            {{InfiniteSources.Generators}}
            """, $$"""
            using System.Linq;

            class C
            {
                int FirstBig() => Gen.Naturals().First(n => n > 1000);

                int Fourth() => Gen.Naturals().ElementAt(3);

                bool Any() => Gen.Naturals().Any();

                int Tenth() => Gen.Naturals().ElementAt(9);

                int Square(int i) => Gen.Naturals().Select(n => n * n).ElementAt(i);
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Fix_KeepsLocalLazy_WhenItIsOnlyEnumerated() => VerifyFix.VerifyCodeFixAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                void Print()
                {
                    // Every id the service will ever hand out.
                    var ids = Gen.Naturals().Select(n => n + 1000).{|YA2001:ToList()|};
                    foreach (var id in ids)
                    {
                        if (id > 1010) break;
                        Console.WriteLine(id);
                    }

                    Console.WriteLine(ids.First(id => id % 7 == 0));
                    Console.WriteLine(string.Join(",", ids.Take(3)));
                }

                void Typed()
                {
                    IEnumerable<int> squares = Gen.Naturals().Select(n => n * n).{|YA2001:ToArray()|};
                    Console.WriteLine(squares.ElementAt(4));
                }
            }

            {{InfiniteSources.Generators}}
            """, $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                void Print()
                {
                    // Every id the service will ever hand out.
                    var ids = Gen.Naturals().Select(n => n + 1000);
                    foreach (var id in ids)
                    {
                        if (id > 1010) break;
                        Console.WriteLine(id);
                    }

                    Console.WriteLine(ids.First(id => id % 7 == 0));
                    Console.WriteLine(string.Join(",", ids.Take(3)));
                }

                void Typed()
                {
                    IEnumerable<int> squares = Gen.Naturals().Select(n => n * n);
                    Console.WriteLine(squares.ElementAt(4));
                }
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task NoFix_WhenTheLocalIsUsedAsAList() => VerifyNoFix($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                void Indexed()
                {
                    var ids = Gen.Naturals().{|YA2001:ToList()|};
                    Console.WriteLine(ids.Count);
                }

                void Typed()
                {
                    List<int> ids = Gen.Naturals().{|YA2001:ToList()|};
                    foreach (var id in ids) Console.WriteLine(id);
                }

                void Materialised()
                {
                    var ids = Gen.Naturals().{|YA2001:ToList()|};
                    Console.WriteLine(ids.Sum());
                }

                void Returned(out IEnumerable<int> result)
                {
                    var ids = Gen.Naturals().{|YA2001:ToArray()|};
                    result = ids;
                }
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task NoFix_WhenTheSwapWouldNotCompile() => VerifyNoFix($$"""
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                IEnumerable<int> M(bool more)
                {
                    // After the swap 'window' would be a List<int>, and the assignment below would not compile.
                    var window = Gen.Naturals().{|YA2001:ToList()|}.Take(10);
                    if (more)
                    {
                        window = window.Concat(Gen.Digits());
                    }

                    return window;
                }
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task NoFix_ForOtherMaterialisersAndShapes() => VerifyNoFix($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                object Sorted() => Gen.Naturals().{|YA2001:OrderBy(n => n)|}.Take(3);

                object Joined() => string.{|YA2001:Join(",", Gen.Naturals())|};

                object Copied() => {|YA2001:new List<int>(Gen.Naturals())|};

                object FromEnd() => Gen.Naturals().{|YA2001:ToArray()|}[^1];

                object Range() => Gen.Naturals().{|YA2001:ToList()|}.Take(2..5);

                object Counted() => Gen.Naturals().{|YA2001:ToList()|}.Count;

                void Assigned() => Gen.Naturals().{|YA2001:ToArray()|}[0] = 1;
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task NoFix_ForAsyncForms() => new VerifyFix.Test
        {
            ReferenceAssemblies = TestReferences.Net10,
            TestCode = """
                using System.Linq;
                using System.Threading.Tasks;

                class C
                {
                    async Task<int> M() => (await AsyncEnumerable.InfiniteSequence(0, 1).{|YA2001:ToListAsync()|}).First();
                }
                """,
            FixedCode = """
                using System.Linq;
                using System.Threading.Tasks;

                class C
                {
                    async Task<int> M() => (await AsyncEnumerable.InfiniteSequence(0, 1).{|YA2001:ToListAsync()|}).First();
                }
                """,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public async Task FixAll_BoundsEveryMaterialisationInTheDocument()
        {
            var test = new VerifyFix.Test
            {
                TestCode = $$"""
                    using System.Collections.Generic;
                    using System.Linq;

                    class C
                    {
                        IEnumerable<int> A() => Gen.Naturals().{|YA2001:ToList()|}.Take(1);
                        IEnumerable<int> B() => Gen.Naturals().{|YA2001:ToArray()|}.TakeWhile(n => n < 2);
                        int D() => Gen.Naturals().{|YA2001:ToList()|}[3];
                        int E() => Gen.Naturals().{|YA2001:ToList()|}.First(n => n > 4);
                    }

                    {{InfiniteSources.Generators}}
                    """,
                FixedCode = $$"""
                    using System.Collections.Generic;
                    using System.Linq;

                    class C
                    {
                        IEnumerable<int> A() => Gen.Naturals().Take(1).ToList();
                        IEnumerable<int> B() => Gen.Naturals().TakeWhile(n => n < 2).ToArray();
                        int D() => Gen.Naturals().ElementAt(3);
                        int E() => Gen.Naturals().First(n => n > 4);
                    }

                    {{InfiniteSources.Generators}}
                    """,
                CodeActionEquivalenceKey = YieldAwait.CodeFixes.Rules.YA2001InfiniteSequenceMaterialisedCodeFix.BoundEquivalenceKey,
            };
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixAll_KeepsEveryLocalLazyAcrossDocuments() => new VerifyFix.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System;
                    using System.Linq;

                    class A
                    {
                        void M()
                        {
                            var xs = Gen.Naturals().{|YA2001:ToList()|};
                            Console.WriteLine(xs.First());
                        }
                    }
                    """,
                    """
                    using System;
                    using System.Linq;

                    class B
                    {
                        void M()
                        {
                            var ys = Gen.Naturals().Where(n => n > 2).{|YA2001:ToArray()|};
                            foreach (var y in ys.Take(2)) Console.WriteLine(y);
                        }
                    }
                    """,
                    InfiniteSources.Generators,
                },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using System;
                    using System.Linq;

                    class A
                    {
                        void M()
                        {
                            var xs = Gen.Naturals();
                            Console.WriteLine(xs.First());
                        }
                    }
                    """,
                    """
                    using System;
                    using System.Linq;

                    class B
                    {
                        void M()
                        {
                            var ys = Gen.Naturals().Where(n => n > 2);
                            foreach (var y in ys.Take(2)) Console.WriteLine(y);
                        }
                    }
                    """,
                    InfiniteSources.Generators,
                },
            },
            CodeActionEquivalenceKey = YieldAwait.CodeFixes.Rules.YA2001InfiniteSequenceMaterialisedCodeFix.LazyEquivalenceKey,
        }.RunAsync(CancellationToken.None);

        private static Task VerifyNoFix(string source) => VerifyFix.VerifyCodeFixAsync(source, source);

        #endregion

        #region Review of real-code look-alikes

        [Fact]
        public Task NoDiagnostic_RealCodeLookAlikes() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading;

            static class Sequences
            {
                public static IEnumerable<int> Naturals()
                {
                    var i = 0;
                    while (true) yield return i++;
                }

                public static IEnumerable<string> Lines(TextReader reader)
                {
                    while (true)
                    {
                        var line = reader.ReadLine();
                        if (line == null) yield break;
                        yield return line;
                    }
                }

                public static IEnumerable<byte[]> Blocks(Stream stream)
                {
                    for (;;)
                    {
                        var buffer = new byte[4096];
                        var read = stream.Read(buffer, 0, buffer.Length);
                        if (read == 0) break;
                        yield return buffer[..read];
                    }
                }

                public static IEnumerable<int> Polls(CancellationToken token)
                {
                    var n = 0;
                    while (true)
                    {
                        if (token.IsCancellationRequested) yield break;
                        yield return n++;
                    }
                }

                public static IEnumerable<int> Retries(int max)
                {
                    var attempt = 0;
                    while (true)
                    {
                        switch (attempt)
                        {
                            case 0: break;
                            default: if (attempt >= max) yield break; break;
                        }

                        yield return attempt++;
                    }
                }

                public static void Use(TextReader reader, Stream stream, CancellationToken token)
                {
                    var zeros = Enumerable.Repeat(0, 16).ToList();
                    var lines = Lines(reader).ToList();
                    var blocks = Blocks(stream).ToArray();
                    var polls = Polls(token).ToList();
                    var retries = Retries(3).ToList();
                    var firstTen = Naturals().Take(10).ToList();
                    var page = Naturals().Skip(20).Take(10).ToArray();
                    var small = Naturals().TakeWhile(n => n < 100).Sum();
                    var pairs = Naturals().Zip(new[] { "a", "b" }).ToList();
                    var csv = string.Join(",", Naturals().Take(5));
                    var set = new HashSet<int>(Naturals().Take(5));
                    var fifth = Naturals().ElementAt(5);
                    var any = Naturals().Any(n => n > 10);
                    var chunk = Naturals().Chunk(10).First();
                    var bounded = Naturals().Take(10);
                    var list = bounded.ToList();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_GeneratorsThatEndOnAConditionOrAToken() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;

            static class Sequences
            {
                public static IEnumerable<long> Fibonacci(long limit)
                {
                    long a = 0, b = 1;
                    while (true)
                    {
                        if (a > limit) yield break;
                        yield return a;
                        (a, b) = (b, a + b);
                    }
                }

                public static IEnumerable<int> Until(CancellationToken token)
                {
                    var n = 0;
                    while (!token.IsCancellationRequested) yield return n++;
                }

                public static IEnumerable<T> Walk<T>(T start, Func<T, T?> next) where T : class
                {
                    for (var node = start; node != null; node = next(node)!) yield return node;
                }

                public static IEnumerable<string> Cycle(IReadOnlyList<string> items)
                {
                    while (true) foreach (var item in items) yield return item;
                }

                public static void Use(CancellationToken token)
                {
                    var fib = Fibonacci(1000).ToList();
                    var ticks = Until(token).ToArray();
                    var chain = Walk("a", s => s.Length < 3 ? s + "a" : null).ToList();
                    var colours = Cycle(new[] { "red", "green" }).Take(6).ToList();
                    var repeated = Enumerable.Repeat("x", 3).ToArray();
                }
            }
            """);

        /// <summary>
        /// A throw inside the endless loop does not make the generator finite for this rule (see InfiniteSequenceAnalysisTests:
        /// an overflow guard): materialising it can only end in the exception. Bounded first, it is fine.
        /// </summary>
        [Fact]
        public Task LoopThatEndsOnlyByThrowing_ReportedUnbounded_SilentWhenBounded() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            static class Frames
            {
                public static IEnumerable<byte> Bytes(Stream stream)
                {
                    while (true)
                    {
                        var b = stream.ReadByte();
                        if (b < 0) throw new EndOfStreamException();
                        yield return (byte)b;
                    }
                }

                public static byte[] Header(Stream stream) => Bytes(stream).Take(8).ToArray();

                public static List<byte> All(Stream stream) => Bytes(stream).{|YA2001:ToList()|};
            }
            """);

        #endregion
    }
}
