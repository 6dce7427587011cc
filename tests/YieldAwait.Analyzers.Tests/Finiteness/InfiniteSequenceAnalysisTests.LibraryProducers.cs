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
    }
}
