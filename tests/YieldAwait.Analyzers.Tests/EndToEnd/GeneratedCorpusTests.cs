using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using YieldAwait.Analyzers.Corpus;
using YieldAwait.Analyzers.Tests.Catalog;

namespace YieldAwait.Analyzers.Tests.EndToEnd
{
    /// <summary>The generated corpus the end-to-end tests and benchmarks stand on: it compiles, and the rules fire where it plants mistakes.</summary>
    public class GeneratedCorpusTests
    {
        [Fact]
        public void Corpus_CompilesWithoutErrors()
        {
            var compilation = AnalysisHarness.Compile(CorpusGenerator.Generate(seed: 7, minimumLines: 3000));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        }

        [Fact]
        public async Task Corpus_TripsTheRulesOnlyWhereMistakesArePlanted()
        {
            var files = CorpusGenerator.Generate(seed: 17, minimumLines: 3000);
            var run = await AnalysisHarness.AnalyzeAsync(AnalysisHarness.Compile(files), PackageComponents.CreateAnalyzers());

            Assert.Empty(run.Crashes);
            var fired = run.Diagnostics.Select(d => d.Id).ToHashSet();
            var silent = RuleCatalog.CodeRuleIds.Where(id => !fired.Contains(id)).ToList();
            Assert.True(silent.Count == 0, $"Rules the corpus should trip but did not: {string.Join(", ", silent)}.");
            var inLookAlikes = run.Diagnostics.Where(d => d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan)
                .AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>()
                .Any(c => c.Identifier.ValueText.Contains("LookAlikes"))).ToList();
            Assert.True(inLookAlikes.Count == 0, "Reported in look-alikes:\n" + string.Join("\n", inLookAlikes));
        }

        /// <summary>
        /// The shapes planted for issue #12 and for the rules the older modules never reached, by the class that plants them
        /// (class name without its entity prefix and module number): each is reported there under each of these rules.
        /// </summary>
        [Theory]
        [InlineData("HelperReader", "YA1001,YA1003,YA1005,YA1006")]
        [InlineData("Requests", "YA1003,YA1004")]
        [InlineData("Registry", "YA3004,YA3005")]
        public async Task Corpus_ReportsEachPlantedShape(string plantingClass, string ids)
        {
            var files = CorpusGenerator.Generate(seed: 17, minimumLines: 3000);
            var run = await AnalysisHarness.AnalyzeAsync(AnalysisHarness.Compile(files), PackageComponents.CreateAnalyzers());
            var reported = run.Diagnostics
                .Where(d => d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan).AncestorsAndSelf()
                    .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>()
                    .Any(c => System.Text.RegularExpressions.Regex.IsMatch(c.Identifier.ValueText, $"^[A-Za-z]+?{plantingClass}[0-9]+$")))
                .Select(d => d.Id)
                .ToHashSet();
            var missing = ids.Split(',').Where(id => !reported.Contains(id)).ToList();
            Assert.True(missing.Count == 0, $"Not reported in the {plantingClass} plants: {string.Join(", ", missing)} (reported: {string.Join(", ", reported.OrderBy(x => x))}).");
        }
    }
}
