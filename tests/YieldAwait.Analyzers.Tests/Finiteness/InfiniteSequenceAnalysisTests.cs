using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA2001InfiniteSequenceMaterialisedAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Finiteness
{
    /// <summary>
    /// The finiteness analysis behind YA2001–YA2003, observed through YA2001 (<c>ToList()</c> on the sequence): which
    /// iterators are infinite, which library methods, how infiniteness flows through operators, methods, locals, fields
    /// and properties, and what bounds it.
    /// </summary>
    public class InfiniteSequenceAnalysisTests
    {
        #region Iterators: infinite when the end and every yield break are unreachable

        [Theory]
        [InlineData("while (true) { yield return n++; }")]
        [InlineData("for (;;) { yield return n++; }")]
        [InlineData("for (var i = 0; ; i++) { yield return i; }")]
        [InlineData("do { yield return n++; } while (true);")]
        [InlineData("start: yield return n++; goto start;")]
        [InlineData("while (Forever) { yield return n++; }")]
        [InlineData("while (1 + 1 == 2) { yield return n++; }")]
        [InlineData("while (true) { if (n > 1_000_000) throw new System.OverflowException(); yield return n++; }")]
        [InlineData("while (true) { if (n < 0) continue; yield return n++; }")]
        [InlineData("if (n > 10) yield return -1; while (true) { yield return n++; }")]
        [InlineData("try { while (true) { yield return n++; } } finally { n = 0; }")]
        [InlineData("while (true) { foreach (var d in Gen.Digits()) { if (d == 3) break; yield return d; } }")]
        [InlineData("while (true) { switch (n % 3) { case 0: yield return n; break; default: n++; break; } }")]
        [InlineData("using (var _ = new System.IO.MemoryStream()) { while (true) { yield return n++; } }")]
        [InlineData("if (false) { yield break; } while (true) { yield return n++; }")]
        public Task Reports_InfiniteIteratorShapes(string body) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                const bool Forever = true;

                static IEnumerable<int> Numbers()
                {
                    var n = 0;
                    {{body}}
                }

                object M() => Numbers().{|YA2001:ToList()|};
            }

            {{InfiniteSources.Generators}}
            """);

        [Theory]
        [InlineData("while (running) { yield return n++; }")]
        [InlineData("while (!token.IsCancellationRequested) { yield return n++; }")]
        [InlineData("while (true) { if (n > 100) yield break; yield return n++; }")]
        [InlineData("while (true) { if (n > 100) break; yield return n++; }")]
        [InlineData("for (;;) { yield return n++; if (n == 10) { yield break; } }")]
        [InlineData("do { yield return n++; } while (n < 10);")]
        [InlineData("start: yield return n++; if (n < 10) goto start;")]
        [InlineData("foreach (var d in Gen.Digits()) { yield return d; } throw new System.InvalidOperationException();")]
        [InlineData("yield return 1; throw new System.NotSupportedException();")]
        [InlineData("while (true) { switch (n) { case 5: yield break; default: yield return n++; break; } }")]
        [InlineData("while (true) { try { yield return n++; } finally { } if (n > 3) break; }")]
        [InlineData("foreach (var x in Gen.Naturals()) { if (x > 5) break; yield return x; }")]
        [InlineData("foreach (var x in Gen.Naturals()) { yield return x; if (x > 5) yield break; }")]
        [InlineData("var more = true; while (more) { yield return n++; more = n < 5; }")]
        public Task NoDiagnostic_OnIteratorsThatCanEnd(string body) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;

            class C
            {
                bool running = true;
                CancellationToken token;

                IEnumerable<int> Numbers()
                {
                    var n = 0;
                    {{body}}
                }

                object M() => Numbers().ToList();
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Reports_LocalFunctionPropertyAndGenericIterators() => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                static IEnumerable<int> Powers
                {
                    get
                    {
                        for (var p = 1; ; p *= 2) yield return p;
                    }
                }

                static IEnumerable<T> Cycle<T>(T[] items)
                {
                    for (var i = 0; ; i = (i + 1) % items.Length) yield return items[i];
                }

                object Local()
                {
                    IEnumerable<long> Ticks()
                    {
                        while (true) yield return DateTime.UtcNow.Ticks;
                    }

                    return Ticks().{|#0:ToArray()|};
                }

                object Property() => Powers.{|#1:Sum()|};

                object Generic() => Cycle(new[] { "a", "b" }).{|#2:ToList()|};
            }
            """,
            Verify.Diagnostic("YA2001").WithLocation(0).WithArguments("ToArray", "Ticks"),
            Verify.Diagnostic("YA2001").WithLocation(1).WithArguments("Sum", "Powers"),
            Verify.Diagnostic("YA2001").WithLocation(2).WithArguments("ToList", "Cycle"));

        [Fact]
        public Task Reports_IteratorThatLoopsOverAnInfiniteSequence() => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class C
            {
                static IEnumerable<int> Evens()
                {
                    foreach (var n in Gen.Naturals())
                    {
                        if (n % 2 == 0) yield return n;
                    }
                }

                static IEnumerable<T> Echo<T>(IEnumerable<T> source)
                {
                    foreach (var item in source) yield return item;
                }

                object A() => Evens().{|YA2001:ToList()|};

                object B() => Echo(Gen.Naturals()).{|YA2001:ToList()|};

                object NotInfinite() => Echo(Gen.Digits()).ToList();
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Reports_EnumerableClassWithInfiniteGetEnumerator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections;
            using System.Collections.Generic;
            using System.Linq;

            sealed class Fibonacci : IEnumerable<long>
            {
                public IEnumerator<long> GetEnumerator()
                {
                    long a = 0, b = 1;
                    while (true)
                    {
                        yield return a;
                        (a, b) = (b, a + b);
                    }
                }

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }

            class C
            {
                object M() => new Fibonacci().{|#0:ToList()|};
            }
            """,
            Verify.Diagnostic("YA2001").WithLocation(0).WithArguments("ToList", "Fibonacci"));

        [Fact]
        public Task NoDiagnostic_WhenTheIteratorMayBeOverridden() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;

            interface IClock { IEnumerable<long> Ticks(); }

            abstract class Source
            {
                public abstract IEnumerable<int> Abstract();

                public virtual IEnumerable<int> Virtual()
                {
                    while (true) yield return 1;
                }
            }

            sealed class Bounded : Source
            {
                public override IEnumerable<int> Abstract() => new[] { 1 };

                public override IEnumerable<int> Virtual()
                {
                    yield return 2;
                }
            }

            class C
            {
                object A(Source s) => s.Virtual().ToList();

                object B(Source s) => s.Abstract().ToList();

                object D(IClock clock) => clock.Ticks().ToList();
            }
            """);

        [Fact]
        public Task Reports_SealedOverrideThatIsInfinite() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;

            abstract class Source
            {
                public abstract IEnumerable<int> Read();
            }

            sealed class Endless : Source
            {
                public override IEnumerable<int> Read()
                {
                    while (true) yield return 1;
                }
            }

            class C
            {
                object M(Endless e) => e.Read().{|YA2001:ToList()|};
            }
            """);

        #endregion

        #region Library producers, the option and the attribute

        [Theory]
        [InlineData("MoreEnumerable.Generate(1, n => n * 2)", "Generate")]
        [InlineData("MoreEnumerable.GenerateByIndex(i => i * i)", "GenerateByIndex")]
        [InlineData("MoreEnumerable.Repeat(new[] { 1, 2 })", "Repeat")]
        [InlineData("MoreEnumerable.Random()", "Random")]
        [InlineData("EnumerableEx.Repeat(42)", "Repeat")]
        [InlineData("EnumerableEx.Repeat(new[] { 1, 2 }.AsEnumerable())", "Repeat")]
        [InlineData("MoreEnumerable.Generate(1, n => n + 1).Batch(10).Select(b => b.Count)", "Generate")]
        [InlineData("EnumerableEx.Repeat(42).Do(n => { })", "Repeat")]
        [InlineData("EnumerableEx.Repeat(EnumerableEx.Repeat(1), 3)", "Repeat")]
        public Task Reports_KnownInfiniteLibraryMethods(string expression, string origin) => Verify.VerifyAnalyzerAsync($$"""
            using System.Linq;
            using MoreLinq;

            class C
            {
                object M() => {{expression}}.{|#0:ToList()|};
            }

            {{InfiniteSources.LibraryStandIns}}
            """,
            Verify.Diagnostic("YA2001").WithLocation(0).WithArguments("ToList", origin));

        [Theory]
        [InlineData("MoreEnumerable.Repeat(new[] { 1, 2 }, 3)")]
        [InlineData("EnumerableEx.Repeat(new[] { 1 }, 3)")]
        [InlineData("MoreEnumerable.Generate(1, n => n * 2).TakeUntil(n => n > 100)")]
        [InlineData("MoreEnumerable.Generate(1, n => n * 2).Take(10)")]
        [InlineData("Enumerable.Repeat(7, 3)")]
        public Task NoDiagnostic_OnBoundedLibraryCalls(string expression) => Verify.VerifyAnalyzerAsync($$"""
            using System.Linq;
            using MoreLinq;

            class C
            {
                object M() => {{expression}}.ToList();
            }

            {{InfiniteSources.LibraryStandIns}}
            """);

        [Fact]
        public Task Reports_InfiniteSequenceOfNet10() => new Verify.Test
        {
            ReferenceAssemblies = TestReferences.Net10,
            TestCode = """
                using System.Linq;
                using System.Threading.Tasks;

                class Numbers
                {
                    int[] All() => Enumerable.InfiniteSequence(0, 1).Where(n => n % 2 == 0).{|#0:ToArray()|};

                    async Task<int> CountAsync() => await AsyncEnumerable.InfiniteSequence(0, 1).{|#1:CountAsync()|};

                    object Bounded() => Enumerable.Sequence(0, 10, 1).ToList();

                    object Indexed() => Enumerable.InfiniteSequence(0, 1).Index().{|#2:ToList()|};
                }
                """,
            ExpectedDiagnostics =
            {
                Verify.Diagnostic("YA2001").WithLocation(0).WithArguments("ToArray", "InfiniteSequence"),
                Verify.Diagnostic("YA2001").WithLocation(1).WithArguments("CountAsync", "InfiniteSequence"),
                Verify.Diagnostic("YA2001").WithLocation(2).WithArguments("ToList", "InfiniteSequence"),
            },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task Reports_MethodsListedInTheOption() => new Verify.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;

                namespace Feeds
                {
                    public interface IClock
                    {
                        IEnumerable<long> Ticks();
                        IEnumerable<long> Bounded(int count);
                        IEnumerable<long> Pulses { get; }
                    }

                    class C
                    {
                        object A(IClock clock) => clock.Ticks().{|#0:ToList()|};
                        object B(IClock clock) => clock.Bounded(3).ToList();
                        object D(IClock clock) => clock.Pulses.Select(p => p * 2).{|#1:Count()|};
                    }
                }
                """,
            TestState =
            {
                AnalyzerConfigFiles =
                {
                    ("/.editorconfig", """
                        root = true

                        [*]
                        yieldawait.infinite_methods = M:Feeds.IClock.Ticks , P:Feeds.IClock.Pulses,M:Does.Not.Exist
                        """),
                },
            },
            ExpectedDiagnostics =
            {
                Verify.Diagnostic("YA2001").WithLocation(0).WithArguments("ToList", "Ticks"),
                Verify.Diagnostic("YA2001").WithLocation(1).WithArguments("Count", "Pulses"),
            },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task NoDiagnostic_WhenTheOptionListsNothingOrOtherFiles() => new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/src/A.cs", """
                        using System.Collections.Generic;
                        using System.Linq;

                        namespace Feeds
                        {
                            public interface IClock { IEnumerable<long> Ticks(); }

                            class A
                            {
                                object M(IClock clock) => clock.Ticks().ToList();
                            }
                        }
                        """),
                    ("/other/B.cs", """
                        using System.Linq;

                        namespace Feeds
                        {
                            class B
                            {
                                object M(IClock clock) => clock.Ticks().{|YA2001:ToList()|};
                            }
                        }
                        """),
                },
                AnalyzerConfigFiles =
                {
                    ("/.editorconfig", "root = true\n\n[*]\nyieldawait.infinite_methods =\n"),
                    ("/other/.editorconfig", "[*.cs]\nyieldawait.infinite_methods = M:Feeds.IClock.Ticks\n"),
                },
            },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task Reports_MembersMarkedWithAnInfiniteSequenceAttribute() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            namespace Acme.Annotations
            {
                [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
                sealed class InfiniteSequenceAttribute : Attribute { }
            }

            namespace Acme
            {
                using Acme.Annotations;

                interface ISensor
                {
                    [InfiniteSequence]
                    IEnumerable<double> Samples();

                    [InfiniteSequence]
                    IEnumerable<double> Live { get; }

                    IEnumerable<double> History();
                }

                class C
                {
                    object A(ISensor s) => s.Samples().{|#0:Average()|};
                    object B(ISensor s) => s.Live.{|#1:ToArray()|};
                    object D(ISensor s) => s.History().ToArray();
                }
            }
            """,
            Verify.Diagnostic("YA2001").WithLocation(0).WithArguments("Average", "Samples"),
            Verify.Diagnostic("YA2001").WithLocation(1).WithArguments("ToArray", "Live"));

        [Fact]
        public Task NoDiagnostic_ForOtherAttributes() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            sealed class InfiniteAttribute : Attribute { }
            sealed class SequenceAttribute : Attribute { }

            interface ISensor
            {
                [Infinite] IEnumerable<double> A();
                [Sequence] IEnumerable<double> B();
            }

            class C
            {
                object M(ISensor s) => s.A().Concat(s.B()).ToList();
            }
            """);

        #endregion

        #region Propagation through operators

        /// <summary>Deferred operators that keep infiniteness: infinite on <c>Naturals()</c>, finite on <c>Digits()</c>.</summary>
        public static TheoryData<string> KeepingChains { get; } = new()
        {
            "Select(n => n * 2)",
            "Select((n, i) => n + i)",
            "Where(n => n % 2 == 0)",
            "SelectMany(n => new[] { n, -n })",
            "Cast<object>()",
            "OfType<int>()",
            "Skip(10)",
            "SkipWhile(n => n < 10)",
            "SkipLast(2)",
            "Append(-1)",
            "Prepend(-1)",
            "Concat(Gen.Digits())",
            "Union(Gen.Digits())",
            "Zip(Gen.Naturals())",
            "Zip(Gen.Naturals(), (a, b) => a * b)",
            "Distinct()",
            "DistinctBy(n => n % 5)",
            "Chunk(4)",
            "DefaultIfEmpty()",
            "AsEnumerable()",
            "Except(Gen.Digits())",
            "Join(Gen.Digits(), a => a, b => b, (a, b) => a)",
            "Select(n => n).Where(n => n > 0).Skip(1).Select(n => n.ToString())",
        };

        [Theory]
        [MemberData(nameof(KeepingChains))]
        public Task Reports_ThroughOperatorsThatKeepInfiniteness(string chain) => Verify.VerifyAnalyzerAsync($$"""
            using System.Linq;

            class C
            {
                object M() => Gen.Naturals().{{chain}}.{|YA2001:ToList()|};
            }

            {{InfiniteSources.Generators}}
            """);

        [Theory]
        [MemberData(nameof(KeepingChains))]
        public Task NoDiagnostic_ThroughTheSameOperatorsOnAFiniteSource(string chain) => Verify.VerifyAnalyzerAsync($$"""
            using System.Linq;

            class C
            {
                object M() => Gen.Digits().{{chain}}.ToList();
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task NoDiagnostic_OnLookAlikeLibraryNames() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;

            namespace Acme.Linq
            {
                static class Enumerable
                {
                    public static IEnumerable<int> InfiniteSequence(int start, int step) => new[] { start, start + step };
                }

                static class MoreEnumerable
                {
                    public static IEnumerable<int> Generate(int seed) => new[] { seed };
                }

                static class EnumerableEx
                {
                    public static IEnumerable<T> Repeat<T>(T value) => new[] { value };
                }

                class C
                {
                    object A() => Enumerable.InfiniteSequence(0, 1).ToList();
                    object B() => MoreEnumerable.Generate(1).ToList();
                    object D() => EnumerableEx.Repeat(1).ToList();
                }
            }
            """);

        [Fact]
        public Task Reports_ConcatWithAnInfiniteSecondPart_AndTernaryOfTwoInfinite() => Verify.VerifyAnalyzerAsync($$"""
            using System.Linq;

            class C
            {
                object A() => Gen.Digits().Concat(Gen.Naturals()).{|YA2001:ToList()|};

                object B(bool even) => (even ? Gen.Naturals().Where(n => n % 2 == 0) : Gen.Naturals()).{|YA2001:ToList()|};

                object NotBoth(bool even) => (even ? Gen.Naturals() : Gen.Digits()).ToList();
            }

            {{InfiniteSources.Generators}}
            """);

        [Theory]
        [InlineData("Take(5)")]
        [InlineData("TakeWhile(n => n < 5)")]
        [InlineData("TakeWhile((n, i) => i < 5)")]
        [InlineData("Zip(Gen.Digits())")]
        [InlineData("Zip(new[] { 1, 2, 3 }, (a, b) => a + b)")]
        [InlineData("Select(n => n * 2).Take(5).Select(n => n + 1)")]
        [InlineData("Skip(3).Take(5).Concat(Gen.Digits())")]
        public Task NoDiagnostic_WhenBounded(string chain) => Verify.VerifyAnalyzerAsync($$"""
            using System.Linq;

            class C
            {
                object M() => Gen.Naturals().{{chain}}.ToList();
            }

            {{InfiniteSources.Generators}}
            """);

        #endregion

        #region Propagation through methods, locals, fields and properties

        [Fact]
        public Task Reports_ThroughNonIteratorMethods() => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            static class Sequences
            {
                public static IEnumerable<int> Evens() => Gen.Naturals().Where(n => n % 2 == 0);

                public static IEnumerable<int> Squares()
                {
                    var numbers = Gen.Naturals();
                    return numbers.Select(n => n * n);
                }

                public static IEnumerable<string> Labels(bool upper)
                {
                    if (upper)
                    {
                        return Evens().Select(n => "N" + n);
                    }

                    return Squares().Select(n => "n" + n);
                }

                public static IEnumerable<T> Shuffled<T>(this IEnumerable<T> source) => source.Where(x => x is not null);

                public static IEnumerable<int> Bounded() => Gen.Naturals().Take(3);
            }

            class C
            {
                object A() => Sequences.Evens().{|#0:ToList()|};
                object B() => Sequences.Squares().{|#1:ToList()|};
                object D() => Sequences.Labels(true).{|#2:ToList()|};
                object E() => Gen.Naturals().Shuffled().{|#3:ToList()|};
                object F() => Gen.Digits().Shuffled().ToList();
                object G() => Sequences.Bounded().ToList();
            }

            {{InfiniteSources.Generators}}
            """,
            Verify.Diagnostic("YA2001").WithLocation(0).WithArguments("ToList", "Evens"),
            Verify.Diagnostic("YA2001").WithLocation(1).WithArguments("ToList", "Squares"),
            Verify.Diagnostic("YA2001").WithLocation(2).WithArguments("ToList", "Labels"),
            Verify.Diagnostic("YA2001").WithLocation(3).WithArguments("ToList", "Naturals"));

        [Fact]
        public Task NoDiagnostic_WhenSomeReturnIsFinite() => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            static class Sequences
            {
                public static IEnumerable<int> Maybe(bool endless)
                {
                    if (endless)
                    {
                        return Gen.Naturals();
                    }

                    return Gen.Digits();
                }

                public static IEnumerable<int> Either(bool endless) => endless ? Gen.Naturals() : Enumerable.Empty<int>();
            }

            class C
            {
                object A() => Sequences.Maybe(true).ToList();
                object B() => Sequences.Either(true).ToList();
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Reports_ThroughLocalsFieldsAndProperties() => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                private static readonly IEnumerable<int> Pool = Gen.Naturals().Select(n => n + 1);
                private readonly IEnumerable<int> _fromConstructor;
                private readonly IEnumerable<int> _fromEither;

                public Ids(bool odd)
                {
                    _fromConstructor = Gen.Naturals();
                    _fromEither = odd ? Gen.Naturals().Where(n => n % 2 == 1) : Gen.Naturals();
                }

                public IEnumerable<int> Auto { get; } = Gen.Naturals();

                public IEnumerable<int> Computed => Pool.Skip(1);

                public IEnumerable<int> Block
                {
                    get { return Gen.Naturals(); }
                }

                object A()
                {
                    var all = Gen.Naturals();
                    var squares = all.Select(n => n * n);
                    return squares.{|#0:ToList()|};
                }

                object B() => Pool.{|#1:ToList()|};
                object D() => _fromConstructor.{|#2:ToList()|};
                object E() => _fromEither.{|#3:ToList()|};
                object F() => Auto.{|#4:ToList()|};
                object G() => Computed.{|#5:ToList()|};
                object H() => this.Block.{|#6:ToList()|};
            }

            {{InfiniteSources.Generators}}
            """,
            Verify.Diagnostic("YA2001").WithLocation(0).WithArguments("ToList", "Naturals"),
            Verify.Diagnostic("YA2001").WithLocation(1).WithArguments("ToList", "Naturals"),
            Verify.Diagnostic("YA2001").WithLocation(2).WithArguments("ToList", "Naturals"),
            Verify.Diagnostic("YA2001").WithLocation(3).WithArguments("ToList", "Naturals"),
            Verify.Diagnostic("YA2001").WithLocation(4).WithArguments("ToList", "Auto"),
            Verify.Diagnostic("YA2001").WithLocation(5).WithArguments("ToList", "Computed"),
            Verify.Diagnostic("YA2001").WithLocation(6).WithArguments("ToList", "Block"));

        [Fact]
        public Task NoDiagnostic_WhenAFieldOrPropertyIsAlsoGivenAFiniteValue() => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                private readonly IEnumerable<int> _either = Gen.Naturals();
                private readonly IEnumerable<int> _unset;

                public Ids(bool small)
                {
                    if (small)
                    {
                        _either = Gen.Digits();
                    }
                }

                public IEnumerable<int> Init { get; init; } = Gen.Naturals();

                public IEnumerable<int> Reset { get; } = Gen.Naturals();

                public Ids() => Reset = new[] { 1 };

                object A() => _either.ToList();
                object B() => _unset.ToList();
                object D() => Init.ToList();
                object E() => Reset.ToList();
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task NoHang_OnMutualRecursion() => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            static class Loops
            {
                public static IEnumerable<int> Ping() => Pong().Select(n => n + 1);

                public static IEnumerable<int> Pong() => Ping().Where(n => n > 0);

                public static IEnumerable<int> Self(int depth) => depth == 0 ? Gen.Digits() : Self(depth - 1);

                public static IEnumerable<int> Ones()
                {
                    yield return 1;
                    foreach (var one in Ones()) yield return one;
                }

                public static IEnumerable<int> Tick() => Gen.Naturals().Concat(Tock());

                public static IEnumerable<int> Tock() => Tick().Skip(1);

                private static readonly IEnumerable<int> A = B.Select(n => n);
                private static readonly IEnumerable<int> B = A.Select(n => n);
            }

            class C
            {
                object P() => Loops.Ping().ToList();
                object S() => Loops.Self(3).ToList();
                object O() => Loops.Ones().ToList();
                object T() => Loops.Tick().{|YA2001:ToList()|};
                object U() => Loops.Tock().{|YA2001:ToList()|};
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task NoCrash_OnHalfTypedIterators() => new Verify.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;

                class C
                {
                    IEnumerable<int> A()
                    {
                        while (true
                    }

                    IEnumerable<int> B()
                    {
                        for (;;) { yield return }

                    IEnumerable<int> D() => A().Concat(B()).Select(;

                    object E() => A().ToList() + B().Where(x =>
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync(CancellationToken.None);

        #endregion
    }
}
