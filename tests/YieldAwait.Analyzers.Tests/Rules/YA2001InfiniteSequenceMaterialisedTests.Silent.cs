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
    }
}
