using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using YieldAwait.Analyzers.Corpus;

namespace YieldAwait.Analyzers.Ruling
{
    /// <summary>
    /// The ruling. <c>prepare</c> exports the manifest's repositories; <c>run</c> compiles each one, runs every rule,
    /// writes <c>out/&lt;name&gt;.tsv</c> and compares it with the judged ledger in <c>expected/</c>.
    /// </summary>
    public static class Program
    {
        private const string Usage = """
            usage: dotnet run --project tests/YieldAwait.Analyzers.Ruling -- <command> [options]
              prepare   export each repository of sources.md from its fetched snapshot and resolve its references
              run       compile each prepared repository, run every rule, compare with expected/<name>.tsv
            options:
              --only a,b        only these repositories (by name)
              --sources DIR     where the exported sources live (default: the ruling project's sources/ folder)
              --mirror DIR      where fetched snapshots live, as owner+name/repo (default: /work/.mirror)
              --update          run: rewrite the ledgers: keep verdicts, add new reports as 'unjudged', drop the gone
            exit status of run: 0 when every report is judged and no analyzer threw; 1 otherwise
            """;

        public static async Task<int> Main(string[] args)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help")
            {
                Console.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }

            var projectFolder = ProjectFolder();
            var only = Option(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var sourcesRoot = Path.GetFullPath(Option(args, "--sources") ?? Path.Combine(projectFolder, "sources"));
            var mirror = Option(args, "--mirror") ?? "/work/.mirror";
            var manifest = Manifest.Read(Path.Combine(projectFolder, "sources.md"))
                .Where(s => only is null || only.Contains(s.Name))
                .ToList();

            switch (args[0])
            {
                case "prepare":
                    Directory.CreateDirectory(sourcesRoot);
                    foreach (var source in manifest)
                    {
                        SourceExport.Prepare(source, mirror, sourcesRoot);
                    }

                    return 0;
                case "run":
                    return await RunAsync(manifest, sourcesRoot, projectFolder, args.Contains("--update")).ConfigureAwait(false);
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        private static async Task<int> RunAsync(IReadOnlyList<RulingSource> manifest, string sourcesRoot, string projectFolder, bool update)
        {
            var analyzers = PackageComponents.CreateAnalyzers();
            var ruleIds = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(i => i).ToList();
            var outFolder = Path.Combine(projectFolder, "out");
            Directory.CreateDirectory(outFolder);
            var failed = false;
            var rows = new List<SummaryRow>();

            foreach (var source in manifest)
            {
                var folder = Path.Combine(sourcesRoot, source.Name);
                if (!File.Exists(Path.Combine(folder, SourceExport.FilesList)))
                {
                    Console.Error.WriteLine($"{source.Name}: not prepared ({folder}); run 'prepare' first");
                    failed = true;
                    continue;
                }

                var result = await AnalyzeAsync(RulingCompilation.Load(folder), analyzers, ruleIds).ConfigureAwait(false);
                File.WriteAllLines(Path.Combine(outFolder, source.Name + ".tsv"), result.Reports.Select(r => r.ToTsv()));

                var ledgerPath = Path.Combine(projectFolder, "expected", source.Name + ".tsv");
                var ledger = Ledger.Read(ledgerPath);
                var comparison = Comparison.Of(result.Reports, ledger);
                PrintComparison(source.Name, comparison);
                if (update)
                {
                    Ledger.Write(
                        ledgerPath,
                        comparison.Kept
                            .Concat(comparison.MessageChanged.Select(c => c.Was with { Report = c.Now with { Message = Report.Clean(c.Now.Message) } }))
                            .Concat(comparison.New.Select(r => new Judged(r with { Message = Report.Clean(r.Message) }, Ledger.Unjudged, ""))));
                    ledger = Ledger.Read(ledgerPath);
                    comparison = Comparison.Of(result.Reports, ledger);
                }

                var unjudged = comparison.New.Count + ledger.Count(j => !Ledger.IsJudged(j));
                if (unjudged > 0 || result.Crashes.Count > 0)
                {
                    failed = true;
                }

                rows.Add(new SummaryRow(source, result, ledger.Where(j => result.Reports.Any(r => r.Key == j.Report.Key)).ToList(), unjudged));
            }

            PrintSummary(rows, ruleIds);
            return failed ? 1 : 0;
        }

        private static async Task<AnalysisResult> AnalyzeAsync(RulingCompilation source, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyList<string> ruleIds)
        {
            var compilation = source.Create(ruleIds);
            var clock = Stopwatch.StartNew();
            var compilerDiagnostics = compilation.GetDiagnostics();
            var compileTime = clock.Elapsed;
            var crashes = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => { lock (crashes) { crashes.Add($"{analyzer.GetType().Name}: {exception}"); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var analyzerDiagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            var analyzerTime = TimeSpan.Zero;
            foreach (var analyzer in analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
                analyzerTime += telemetry.ExecutionTime;
            }

            var all = compilerDiagnostics.AddRange(analyzerDiagnostics);
            var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("YA", StringComparison.Ordinal)).ToList();
            crashes.AddRange(all.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
            var reports = all
                .Where(d => d.Id.StartsWith("YA", StringComparison.Ordinal) && d.Location.IsInSource)
                .Select(d => new Report(
                    d.Location.SourceTree!.FilePath,
                    d.Location.GetLineSpan().StartLinePosition.Line + 1,
                    d.Id,
                    d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
                .OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line).ThenBy(r => r.Id, StringComparer.Ordinal)
                .ToList();

            Console.WriteLine();
            Console.WriteLine($"== {source.Name}: {source.Trees.Length:N0} files, {source.Lines:N0} lines; {reports.Count} reports; " +
                              $"{errors.Count} compiler errors; compile {compileTime.TotalMilliseconds:N0} ms, analyzers {analyzerTime.TotalMilliseconds:N0} ms " +
                              $"({100 * analyzerTime.TotalMilliseconds / Math.Max(1, compileTime.TotalMilliseconds):0.0}%)");
            foreach (var group in errors.GroupBy(e => e.Id).OrderByDescending(g => g.Count()).Take(6))
            {
                Console.WriteLine($"   {group.Key} x{group.Count()}: {group.First().GetMessage()} ({group.First().Location.GetLineSpan().Path})");
            }

            foreach (var crash in crashes.Take(5))
            {
                Console.WriteLine($"   CRASH {crash}");
            }

            return new AnalysisResult(reports, errors.Count, crashes, analyzerTime, compileTime, source.Lines);
        }

        private static void PrintComparison(string name, Comparison comparison)
        {
            foreach (var report in comparison.New)
            {
                Console.WriteLine($"   NEW      {report.File}:{report.Line} {report.Id} {report.Message}");
            }

            foreach (var judged in comparison.Disappeared)
            {
                Console.WriteLine($"   GONE     {judged.Report.File}:{judged.Report.Line} {judged.Report.Id} (was {judged.Verdict}: {judged.Reason})");
            }

            foreach (var (was, now) in comparison.MessageChanged)
            {
                Console.WriteLine($"   CHANGED  {now.File}:{now.Line} {now.Id} (was {was.Verdict}) {was.Report.Message} -> {now.Message}");
            }

            Console.WriteLine($"   {name}: {comparison.Kept.Count} as judged, {comparison.New.Count} new, {comparison.Disappeared.Count} gone, {comparison.MessageChanged.Count} changed");
        }

        private static void PrintSummary(IReadOnlyList<SummaryRow> rows, IReadOnlyList<string> ruleIds)
        {
            Console.WriteLine();
            Console.WriteLine("| Repository | Kind | Lines | Compiler errors | Reports | TP | FP | Debatable | Unjudged |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows)
            {
                Console.WriteLine($"| {row.Source.Repository} | {row.Source.Kind} | {row.Result.Lines:N0} | {row.Result.Errors} | {row.Result.Reports.Count} | " +
                                  $"{row.Count("TP")} | {row.Count("FP")} | {row.Count("debatable")} | {row.Unjudged} |");
            }

            var judged = rows.SelectMany(r => r.Judged).ToList();
            Console.WriteLine($"| **Total** | | {rows.Sum(r => r.Result.Lines):N0} | {rows.Sum(r => r.Result.Errors)} | {rows.Sum(r => r.Result.Reports.Count)} | " +
                              $"{judged.Count(j => j.Verdict == "TP")} | {judged.Count(j => j.Verdict == "FP")} | {judged.Count(j => j.Verdict == "debatable")} | {rows.Sum(r => r.Unjudged)} |");

            Console.WriteLine();
            Console.WriteLine("| Rule | Reports | TP | FP | Debatable | True share |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var id in ruleIds)
            {
                var ofRule = judged.Where(j => j.Report.Id == id).ToList();
                var reports = rows.Sum(r => r.Result.Reports.Count(x => x.Id == id));
                if (reports == 0)
                {
                    continue;
                }

                var tp = ofRule.Count(j => j.Verdict == "TP");
                Console.WriteLine($"| {id} | {reports} | {tp} | {ofRule.Count(j => j.Verdict == "FP")} | {ofRule.Count(j => j.Verdict == "debatable")} | {Share(tp, reports)} |");
            }

            var all = rows.Sum(r => r.Result.Reports.Count);
            Console.WriteLine($"| **All** | {all} | {judged.Count(j => j.Verdict == "TP")} | {judged.Count(j => j.Verdict == "FP")} | {judged.Count(j => j.Verdict == "debatable")} | {Share(judged.Count(j => j.Verdict == "TP"), all)} |");
            var analyzerMs = rows.Sum(r => r.Result.AnalyzerTime.TotalMilliseconds);
            var compileMs = rows.Sum(r => r.Result.CompileTime.TotalMilliseconds);
            Console.WriteLine($"Analyzers {analyzerMs:N0} ms against compile-only {compileMs:N0} ms ({100 * analyzerMs / Math.Max(1, compileMs):0.0}%), one run, no warm-up: " +
                              "for the cost, use the benchmark's report --corpus");
        }

        private static string Share(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:0}%";

        private static string? Option(string[] args, string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        /// <summary>The project's own folder (it holds sources.md), found from the build output upwards.</summary>
        private static string ProjectFolder()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "sources.md")) && folder.GetFiles("*.csproj").Length > 0)
                {
                    return folder.FullName;
                }
            }

            throw new DirectoryNotFoundException("the ruling project's folder (with sources.md) is not above " + AppContext.BaseDirectory);
        }

        private sealed record AnalysisResult(IReadOnlyList<Report> Reports, int Errors, IReadOnlyList<string> Crashes, TimeSpan AnalyzerTime, TimeSpan CompileTime, int Lines);

        private sealed record SummaryRow(RulingSource Source, AnalysisResult Result, IReadOnlyList<Judged> Judged, int Unjudged)
        {
            public int Count(string verdict) => Judged.Count(j => j.Verdict == verdict);
        }
    }
}
