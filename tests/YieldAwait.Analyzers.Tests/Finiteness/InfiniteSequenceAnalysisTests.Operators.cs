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
    }
}
