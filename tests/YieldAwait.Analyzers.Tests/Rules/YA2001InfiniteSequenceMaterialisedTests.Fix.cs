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
    }
}
