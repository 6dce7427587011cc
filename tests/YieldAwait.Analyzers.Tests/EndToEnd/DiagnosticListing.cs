using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using YieldAwait.Analyzers.Corpus;

namespace YieldAwait.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// The package's diagnostics on a generated corpus, one line each, in an order that does not depend on how they were
    /// found: file, span, ID, message, properties (sorted by key) and additional locations. The determinism check compares
    /// these lines between runs and between processes.
    /// </summary>
    public static class DiagnosticListing
    {
        public const string ChildCommand = "list-diagnostics";

        public static async Task<IReadOnlyList<string>> OfCorpusAsync(int seed, int minimumLines, bool concurrent)
        {
            var compilation = AnalysisHarness.Compile(CorpusGenerator.Generate(seed, minimumLines));
            var run = await AnalysisHarness.AnalyzeAsync(compilation, PackageComponents.CreateAnalyzers(), concurrent);
            return run.Crashes.Select(c => "crash: " + c.Split('\n')[0]).Concat(Describe(run.Diagnostics)).ToList();
        }

        public static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics
                .Select(d => string.Join(
                    " | ",
                    $"{d.Location.SourceTree?.FilePath}:{d.Location.SourceSpan}",
                    d.Id,
                    d.GetMessage(CultureInfo.InvariantCulture),
                    string.Join(";", d.Properties.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
                    string.Join(";", d.AdditionalLocations.Select(l => $"{l.SourceTree?.FilePath}:{l.SourceSpan}"))))
                .OrderBy(s => s, System.StringComparer.Ordinal)
                .ToArray();
    }
}
