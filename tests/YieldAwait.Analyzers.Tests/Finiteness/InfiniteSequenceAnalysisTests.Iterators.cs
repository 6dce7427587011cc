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
    public partial class InfiniteSequenceAnalysisTests
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
    }
}
