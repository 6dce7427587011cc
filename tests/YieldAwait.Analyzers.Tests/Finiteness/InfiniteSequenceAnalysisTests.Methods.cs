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
