using System.Linq;
using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Corpus;

namespace YieldAwait.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// Analyzers are shared by every compilation a host runs; the same compilation analysed many times at once,
    /// with concurrent execution and shared analyzer instances, must give the same diagnostics each time.
    /// </summary>
    public class DeterminismTests
    {
        [Fact]
        public async Task ParallelConcurrentRuns_GiveIdenticalDiagnostics()
        {
            var compilation = AnalysisHarness.Compile(CorpusGenerator.Generate(seed: 23, minimumLines: 6000));
            var shared = PackageComponents.CreateAnalyzers();

            var sequential = await AnalysisHarness.AnalyzeAsync(compilation, PackageComponents.CreateAnalyzers(), concurrent: false);
            var parallel = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
                AnalysisHarness.AnalyzeAsync(compilation, i % 2 == 0 ? shared : PackageComponents.CreateAnalyzers(), concurrent: true))));

            var expected = Describe(sequential);
            Assert.NotEmpty(sequential.Diagnostics);
            Assert.Empty(sequential.Crashes);
            foreach (var run in parallel)
            {
                Assert.Empty(run.Crashes);
                Assert.Equal(expected, Describe(run));
            }
        }

        private static string[] Describe(AnalysisRun run) =>
            run.Diagnostics
                .Select(d => $"{d.Location.SourceTree?.FilePath}:{d.Location.SourceSpan}:{d.Id}:{d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
                .OrderBy(s => s, System.StringComparer.Ordinal)
                .ToArray();
    }
}
