using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Corpus;
using YieldAwait.Analyzers.Tests.Catalog;

namespace YieldAwait.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// The samples trip every rule exactly where <c>samples/expected-diagnostics.txt</c> says, one line per diagnostic
    /// (<c>YAnnnn path:line</c>, the path under samples/): a rule that moves, disappears or appears twice fails here,
    /// not only one whose count changes.
    /// </summary>
    public class SampleDiagnosticsTests
    {
        [Fact]
        public async Task Samples_ReportExactlyTheExpectedDiagnostics()
        {
            var project = EndToEndCorpora.Load(EndToEndCorpora.Samples);
            var compilation = await project.GetCompilationAsync();
            var run = await AnalysisHarness.AnalyzeAsync(compilation!, PackageComponents.CreateAnalyzers());
            Assert.Empty(run.Crashes);

            var samples = RepositoryFiles.InRepo("samples");
            var actual = run.Diagnostics
                .Select(d => (d.Id, Span: d.Location.GetLineSpan()))
                .Select(d => $"{d.Id} {Path.GetRelativePath(samples, d.Span.Path).Replace('\\', '/')}:{d.Span.StartLinePosition.Line + 1}")
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToList();
            var expected = ExpectedLines();

            var missing = expected.Except(actual).ToList();
            var unexpected = actual.Except(expected).ToList();
            Assert.True(
                missing.Count == 0 && unexpected.Count == 0 && actual.Count == expected.Count,
                $"samples/expected-diagnostics.txt does not match.\nMissing:\n  {string.Join("\n  ", missing)}\nUnexpected:\n  {string.Join("\n  ", unexpected)}\n"
                    + $"All reported:\n{string.Join("\n", actual)}");
        }

        [Fact]
        public void Samples_TripEveryRule()
        {
            var tripped = ExpectedLines().Select(line => line.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
            Assert.Empty(RuleCatalog.CodeRuleIds.Where(id => !tripped.Contains(id)));
        }

        private static System.Collections.Generic.List<string> ExpectedLines() =>
            File.ReadAllLines(RepositoryFiles.InRepo("samples", "expected-diagnostics.txt"))
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToList();
    }
}
