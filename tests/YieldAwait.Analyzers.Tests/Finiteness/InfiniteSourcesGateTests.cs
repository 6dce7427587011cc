using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using YieldAwait.Analyzers.Corpus;
using Gate = YieldAwait.Analyzers.Finiteness.InfiniteSources;

namespace YieldAwait.Analyzers.Tests.Finiteness
{
    /// <summary>
    /// The compilation-wide gate of the YA2xxx rules: it must stay open wherever an infinite sequence can start (else the
    /// rules would go silent), and it closes for the ordinary code that has none, where the rules then register nothing.
    /// </summary>
    public class InfiniteSourcesGateTests
    {
        [Theory]
        [InlineData("while (true) { yield return 1; }")]
        [InlineData("for (;;) { yield return 1; }")]
        [InlineData("do { yield return 1; } while (true);")]
        [InlineData("while (Forever) { yield return 1; }")]
        [InlineData("while (true) { yield return 1; if (false) { break; } }")]
        [InlineData("start: yield return 1; goto start;")]
        [InlineData("while (true) { yield return 1; try { } finally { } }")]
        public void Open_ForAnIteratorThatMayNeverEnd(string body) =>
            Assert.True(MayExist(Iterator(body)));

        [Theory]
        [InlineData("yield return 1;")]
        [InlineData("foreach (var x in new[] { 1, 2 }) { yield return x; }")]
        [InlineData("for (var i = 0; i < 3; i++) { yield return i; }")]
        [InlineData("while (Next()) { yield return 1; }")]
        [InlineData("while (true) { yield return 1; if (Next()) { break; } }")]
        [InlineData("while (Never) { yield return 1; }")]
        [InlineData("while (true) { if (Next()) { yield break; } yield return 1; if (!Next()) break; }")]
        public void Closed_ForIteratorsThatEnd(string body) =>
            Assert.False(MayExist(Iterator(body)));

        [Fact]
        public void Closed_ForALoopThatNeverEndsOutsideAnIterator() =>
            Assert.False(MayExist("class C { void Serve() { while (true) { System.Console.ReadLine(); } } }"));

        [Fact]
        public void Open_WhenTheCodeCallsInfiniteSequence() =>
            Assert.True(MayExist("class C { object M() => System.Linq.Enumerable.InfiniteSequence(0, 1); }"));

        [Fact]
        public void Closed_WhenTheNameIsSpelledButNoEnumerableDeclaresIt() =>
            Assert.False(MayExistWithCoreLibraryOnly(
                "namespace System.Linq { static class Enumerable { } } class C { string M() => \"InfiniteSequence\"; }"));

        [Fact]
        public void Open_WhenTheNameIsSpelledAndAnEnumerableDeclaresIt() =>
            Assert.True(MayExistWithCoreLibraryOnly(
                "namespace System.Linq { static class Enumerable { public static object InfiniteSequence(int a, int b) => null; } } class C { object M() => System.Linq.Enumerable.InfiniteSequence(0, 1); }"));

        [Fact]
        public void Open_WhenAMethodIsMarked() =>
            Assert.True(MayExist("class InfiniteSequenceAttribute : System.Attribute { } class C { [InfiniteSequence] System.Collections.Generic.IEnumerable<int> M() => null!; }"));

        [Fact]
        public void Open_WhenTheCompilationDeclaresALibraryProducer() =>
            Assert.True(MayExist(InfiniteSources.LibraryStandIns));

        [Fact]
        public void Closed_ForAnInternalProducerOfAnotherName() =>
            Assert.False(MayExist("namespace Other { static class MoreEnumerable { } }"));

        [Fact]
        public void Open_WhenAnOptionListsAMethod() =>
            Assert.True(MayExist("class C { }", new Dictionary<string, string> { ["yieldawait.infinite_methods"] = "M:Acme.Sensor.Samples" }));

        [Fact]
        public void Closed_WhenTheOptionIsBlank() =>
            Assert.False(MayExist("class C { }", new Dictionary<string, string> { ["yieldawait.infinite_methods"] = " , " }));

        private static string Iterator(string body) => $$"""
            using System.Collections.Generic;

            class C
            {
                const bool Forever = true;
                const bool Never = false;

                static bool Next() => true;

                IEnumerable<int> Values()
                {
                    {{body}}
                }
            }
            """;

        private static bool MayExist(string source, IReadOnlyDictionary<string, string>? options = null)
        {
            var compilation = AnalysisHarness.Compile(new[] { new SourceFile("Test.cs", source) });
            return Gate.MayExist(compilation, new Options(options ?? new Dictionary<string, string>()), default);
        }

        /// <summary>Without System.Linq.dll: the compilation's own Enumerable, if any, is the only one.</summary>
        private static bool MayExistWithCoreLibraryOnly(string source)
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "CoreOnly",
                new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source) },
                new[] { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
            return Gate.MayExist(compilation, new Options(new Dictionary<string, string>()), default);
        }

        /// <summary>The same options for every file, as an .editorconfig section for all files would give.</summary>
        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            private readonly FileOptions _options;

            public Options(IReadOnlyDictionary<string, string> values) => _options = new FileOptions(values);

            public override AnalyzerConfigOptions GlobalOptions => _options;

            public override AnalyzerConfigOptions GetOptions(Microsoft.CodeAnalysis.SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(Microsoft.CodeAnalysis.AdditionalText textFile) => _options;
        }

        private sealed class FileOptions : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> _values;

            public FileOptions(IReadOnlyDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
