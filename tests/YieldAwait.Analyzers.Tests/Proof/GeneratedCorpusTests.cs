using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using YieldAwait.Analyzers.Corpus;

namespace YieldAwait.Analyzers.Tests.Proof
{
    /// <summary>The generated corpus the proof tests and benchmarks stand on: it compiles, and the rules fire where it plants mistakes.</summary>
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
            var files = CorpusGenerator.Generate(seed: 11, minimumLines: 3000);
            var run = await AnalysisHarness.AnalyzeAsync(AnalysisHarness.Compile(files), PackageComponents.CreateAnalyzers());

            Assert.Empty(run.Crashes);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.BlockingWaitInIterator);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.BlockingWaitInAsyncIterator);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.ArgumentCheckInIterator);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.DeferredExecutionEscapesTry);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.LazySequenceOutlivesResource);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.DiscardedIteratorCall);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.InfiniteSequenceMaterialised);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.InfiniteSequenceEnumeratedWithoutExit);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.SearchOverInfiniteSequence);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.BufferedSequenceCouldStream);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.IteratorOfTasksAwaitedOneByOne);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.BlockingWaitInLazyQuery);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.AsyncIteratorCannotBeCancelled);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.CancellationTokenNotPassedToAwaitForEach);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.ListBuiltOnlyToReturnSequence);
            Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.MaterialisationConsumedAtOnce);
            var inLookAlikes = run.Diagnostics.Where(d => d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan)
                .AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>()
                .Any(c => c.Identifier.ValueText.Contains("LookAlikes"))).ToList();
            Assert.Empty(inLookAlikes);
        }
    }
}
