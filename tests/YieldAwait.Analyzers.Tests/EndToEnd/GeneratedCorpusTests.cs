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
        /// <summary>The rules the generator plants no mistake for yet, so neither these tests nor the benchmarks reach them.</summary>
        private static readonly string[] NotPlantedYet =
        {
            DiagnosticIds.BlockingEnumerationOfAsyncStream,
            DiagnosticIds.LockHeldAcrossYield,
            DiagnosticIds.GeneratorEnumeratedMoreThanOnce,
        };

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
            var files = CorpusGenerator.Generate(seed: 11, minimumLines: 3000);
            var run = await AnalysisHarness.AnalyzeAsync(AnalysisHarness.Compile(files), PackageComponents.CreateAnalyzers());

            Assert.Empty(run.Crashes);
            var fired = run.Diagnostics.Select(d => d.Id).ToHashSet();
            var silent = RuleCatalog.CodeRuleIds.Where(id => !fired.Contains(id)).ToList();
            Assert.True(
                silent.SequenceEqual(NotPlantedYet),
                $"Rules the corpus should trip but did not: {string.Join(", ", silent.Except(NotPlantedYet))}; "
                    + $"rules it now trips, to take off {nameof(NotPlantedYet)}: {string.Join(", ", NotPlantedYet.Except(silent))}.");
            var inLookAlikes = run.Diagnostics.Where(d => d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan)
                .AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>()
                .Any(c => c.Identifier.ValueText.Contains("LookAlikes"))).ToList();
            Assert.Empty(inLookAlikes);
        }
    }
}
