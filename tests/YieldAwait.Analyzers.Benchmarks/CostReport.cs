using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using YieldAwait.Analyzers.Corpus;

namespace YieldAwait.Analyzers.Benchmarks
{
    /// <summary>
    /// The <c>report</c> mode: the time each analyzer spends in its callbacks (analyzer telemetry) as a share of the
    /// time the compiler takes for its own <c>GetDiagnostics()</c> on the same corpus, in one process, as medians.
    /// Both sides run on one thread (no concurrent build, no concurrent analysis), so the shares are comparable.
    /// </summary>
    public static class CostReport
    {
        public const double TotalTargetPercent = 2.0;

        public const double RuleTargetPercent = 0.5;

        /// <summary>On real code a build should barely notice the package; the generated corpus, far denser in mistakes, keeps the older target.</summary>
        public const double RealCodeTotalTargetPercent = 3.0;

        public static async Task<int> RunAsync(ReportSettings settings)
        {
            var clock = Stopwatch.StartNew();
            var loadAtStart = LoadAverage();
            IReadOnlyList<MeasuredProject> projects;
            if (settings.Corpus is null)
            {
                Console.Error.WriteLine($"Generating a corpus of at least {settings.Lines:N0} lines (seed {settings.Seed})...");
                projects = new[] { MeasuredProject.FromGenerated(BenchmarkCorpus.Generate(settings.Seed, settings.Lines)) };
            }
            else
            {
                Console.Error.WriteLine($"Loading the repositories of {settings.Corpus}...");
                projects = MeasuredProject.LoadFolder(settings.Corpus, settings.Only);
                if (projects.Count == 0)
                {
                    Console.Error.WriteLine($"'{settings.Corpus}' holds no repository (a folder with a ruling.files list).");
                    return ExitCodes.Usage;
                }
            }

            var package = PackageComponents.CreateAnalyzers()
                .Where(a => settings.Rules is null || settings.Rules.Contains(BenchmarkCorpus.RuleOf(a), StringComparer.OrdinalIgnoreCase))
                .ToImmutableArray();
            var analyzers = settings.Probes ? package.AddRange(ProbeAnalyzers.Create()) : package;
            var lines = projects.Sum(p => p.Lines);
            var files = projects.Sum(p => p.Files);
            Console.Error.WriteLine($"Warming up on {projects.Count} compilation(s), {files:N0} files, {lines:N0} lines...");
            var compileErrors = new Dictionary<MeasuredProject, int>();
            foreach (var project in projects)
            {
                compileErrors[project] = project.CreateCompilation().GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                if (compileErrors[project] > 0)
                {
                    Console.Error.WriteLine($"{project}: {compileErrors[project]} compiler errors.");
                }
            }

            if (settings.Corpus is null && compileErrors.Values.Sum() > 0)
            {
                Console.Error.WriteLine("The generated corpus does not compile: the figures would not mean anything.");
                return ExitCodes.Broken;
            }

            var warmUp = await MeasureAnalyzersAsync(projects, analyzers).ConfigureAwait(false);
            var floorAnalyzers = analyzers.ToDictionary(a => a, a => CreateFloor(a, warmUp.Diagnostics));

            // Each floor run compiles a repository again; real code reports little, so there one run of each is enough.
            var floorsOnce = settings.Corpus is null ? null : await MeasureFloorsAsync(projects, floorAnalyzers).ConfigureAwait(false);
            if (floorsOnce is null)
            {
                await MeasureFloorsAsync(projects, floorAnalyzers).ConfigureAwait(false);
            }

            var compileTimes = new List<TimeSpan>();
            var compileTimesPerProject = projects.ToDictionary(p => p, _ => new List<TimeSpan>());
            var analyzerTimesPerProject = projects.ToDictionary(p => p, _ => new List<TimeSpan>());
            var ruleTimesPerProject = projects.ToDictionary(p => p, _ => analyzers.ToDictionary(a => a, _ => new List<TimeSpan>()));
            var analyzerTimes = analyzers.ToDictionary(a => a, _ => new List<TimeSpan>());
            var floorTimes = analyzers.ToDictionary(a => a, _ => new List<TimeSpan>());
            var analysisWallTimes = new List<TimeSpan>();
            AnalyzerMeasurement? last = null;
            for (var i = 0; i < settings.Iterations; i++)
            {
                Console.Error.WriteLine($"Iteration {i + 1} of {settings.Iterations}...");
                var compileTotal = TimeSpan.Zero;
                foreach (var project in projects)
                {
                    var compileTime = MeasureCompilation(project);
                    compileTimesPerProject[project].Add(compileTime);
                    compileTotal += compileTime;
                }

                compileTimes.Add(compileTotal);
                last = await MeasureAnalyzersAsync(projects, analyzers).ConfigureAwait(false);
                analysisWallTimes.Add(last.WallTime);
                foreach (var project in projects)
                {
                    analyzerTimesPerProject[project].Add(last.TimesPerProject[project]);
                    foreach (var analyzer in analyzers)
                    {
                        ruleTimesPerProject[project][analyzer].Add(last.RuleTimesPerProject[(project, analyzer)]);
                    }
                }

                var floors = floorsOnce ?? await MeasureFloorsAsync(projects, floorAnalyzers).ConfigureAwait(false);
                foreach (var analyzer in analyzers)
                {
                    analyzerTimes[analyzer].Add(last.ExecutionTimes[analyzer]);
                    floorTimes[analyzer].Add(floors[analyzer]);
                }
            }

            if (last!.Crashes.Length > 0)
            {
                Console.Error.WriteLine("Analyzers crashed on the corpus:");
                foreach (var crash in last.Crashes.Take(10))
                {
                    Console.Error.WriteLine(crash);
                }

                return ExitCodes.Broken;
            }

            if (settings.Corpus is null && last.Diagnostics.Length == 0)
            {
                Console.Error.WriteLine("The analyzers reported nothing on a corpus with planted mistakes: they did not run.");
                return ExitCodes.Broken;
            }

            var rows = analyzers
                .Select(a => new Row(BenchmarkCorpus.RuleOf(a), analyzerTimes[a], compileTimes, RuleTargetPercent, CountReported(a, last.Diagnostics), floorTimes[a]))
                .OrderBy(r => r.Rule, StringComparer.Ordinal)
                .ToList();
            var total = new Row(
                "Total",
                SumPerRun(package.Select(a => analyzerTimes[a]), settings.Iterations),
                compileTimes,
                settings.Corpus is null ? TotalTargetPercent : RealCodeTotalTargetPercent,
                last.Diagnostics.Length,
                SumPerRun(package.Select(a => floorTimes[a]), settings.Iterations));
            var projectRows = projects
                .Select(p => new ProjectRow(p, compileErrors[p], compileTimesPerProject[p], analyzerTimesPerProject[p]))
                .ToList();

            var corpusDescription = settings.Corpus is null
                ? Invariant($"a generated corpus of {lines:N0} lines in {files:N0} files (seed {settings.Seed})")
                : Invariant($"{projects.Count} repositories of {settings.Corpus}, {lines:N0} lines in {files:N0} files, each compiled on its own");
            Console.WriteLine(Render(settings, corpusDescription, lines, files, rows, total, projectRows, compileTimes, analysisWallTimes, last.Diagnostics.Select(d => d.Location.SourceTree).Distinct().Count(), loadAtStart));
            if (settings.ByRepository && projects.Count > 1)
            {
                Console.WriteLine(RenderByRepository(projects, analyzers, compileTimesPerProject, ruleTimesPerProject));
            }

            Console.Error.WriteLine($"Report took {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s.");

            var over = rows.Where(r => !r.WithinTarget).Select(r => r.Rule).ToList();
            if (!total.WithinTarget)
            {
                over.Add("Total");
            }

            if (over.Count == 0)
            {
                return ExitCodes.Success;
            }

            Console.Error.WriteLine($"Over target: {string.Join(", ", over)}.");
            return settings.Enforce ? ExitCodes.OverTarget : ExitCodes.Success;
        }

        private static TimeSpan MeasureCompilation(MeasuredProject project)
        {
            var compilation = project.CreateCompilation();
            Collect();
            var stopwatch = Stopwatch.StartNew();
            compilation.GetDiagnostics();
            return stopwatch.Elapsed;
        }

        /// <summary>Each project in its own fresh compilation, the times summed over the projects.</summary>
        private static async Task<AnalyzerMeasurement> MeasureAnalyzersAsync(IReadOnlyList<MeasuredProject> projects, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var times = analyzers.ToDictionary(a => a, _ => TimeSpan.Zero);
            var timesPerProject = new Dictionary<MeasuredProject, TimeSpan>();
            var ruleTimesPerProject = new Dictionary<(MeasuredProject, DiagnosticAnalyzer), TimeSpan>();
            var wallTime = TimeSpan.Zero;
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
            var crashes = ImmutableArray.CreateBuilder<string>();
            foreach (var project in projects)
            {
                var compilation = project.CreateCompilation();

                // The compiler binds the references (reads every referenced assembly) before it binds a declaration, and the
                // driver's copy of the compilation reuses that binding. Done here, it is not charged to whichever rule first
                // looks a type up: 20 to 40 ms per repository, compiler work that the compile-only time already holds.
                _ = compilation.Assembly;

                // Likewise the merged declarations of every file (which types each namespace holds), shared with the driver's copy:
                // the first lookup of any source or namespace type builds them, 5 to 10 ms per repository that the compiler spends
                // before it binds anything. (Measured with per-type timings: the first type a rule resolved took all of it.)
                _ = compilation.Assembly.GlobalNamespace.GetNamespaceMembers().Count();
                Collect();
                var stopwatch = Stopwatch.StartNew();
                var run = await AnalysisHarness.AnalyzeAsync(compilation, analyzers, concurrent: false, measureTime: true).ConfigureAwait(false);
                wallTime += stopwatch.Elapsed;
                var projectTime = TimeSpan.Zero;
                foreach (var analyzer in analyzers)
                {
                    var telemetry = await run.Analysis.GetAnalyzerTelemetryInfoAsync(analyzer, default).ConfigureAwait(false);
                    times[analyzer] += telemetry.ExecutionTime;
                    ruleTimesPerProject[(project, analyzer)] = telemetry.ExecutionTime;
                    projectTime += telemetry.ExecutionTime;
                }

                timesPerProject[project] = projectTime;
                diagnostics.AddRange(run.Diagnostics);
                crashes.AddRange(run.Crashes);
            }

            return new AnalyzerMeasurement(times, timesPerProject, ruleTimesPerProject, wallTime, diagnostics.ToImmutable(), crashes.ToImmutable());
        }

        private static ReportingFloorAnalyzer CreateFloor(DiagnosticAnalyzer analyzer, ImmutableArray<Diagnostic> diagnostics)
        {
            var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet();
            return new ReportingFloorAnalyzer(analyzer.SupportedDiagnostics, diagnostics.Where(d => ids.Contains(d.Id)));
        }

        /// <summary>Each floor analyzer in its own analysis, as the host charges the per-file cost to the first analyzer that reports in a file.</summary>
        private static async Task<Dictionary<DiagnosticAnalyzer, TimeSpan>> MeasureFloorsAsync(
            IReadOnlyList<MeasuredProject> projects,
            IReadOnlyDictionary<DiagnosticAnalyzer, ReportingFloorAnalyzer> floors)
        {
            var times = new Dictionary<DiagnosticAnalyzer, TimeSpan>();
            foreach (var (analyzer, floor) in floors)
            {
                var time = TimeSpan.Zero;
                foreach (var project in projects.Where(p => floor.ReportsIn(p.Trees)))
                {
                    var run = await AnalysisHarness.AnalyzeAsync(
                        project.CreateCompilation(),
                        ImmutableArray.Create<DiagnosticAnalyzer>(floor),
                        concurrent: false,
                        measureTime: true).ConfigureAwait(false);
                    time += (await run.Analysis.GetAnalyzerTelemetryInfoAsync(floor, default).ConfigureAwait(false)).ExecutionTime;
                }

                times[analyzer] = time;
            }

            return times;
        }

        private static int CountReported(DiagnosticAnalyzer analyzer, ImmutableArray<Diagnostic> diagnostics)
        {
            var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet();
            return diagnostics.Count(d => ids.Contains(d.Id));
        }

        private static void Collect()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        private static List<TimeSpan> SumPerRun(IEnumerable<List<TimeSpan>> timesPerAnalyzer, int runs)
        {
            var all = timesPerAnalyzer.ToList();
            return Enumerable.Range(0, runs).Select(i => TimeSpan.FromTicks(all.Sum(times => times[i].Ticks))).ToList();
        }

        private static TimeSpan Median(IReadOnlyCollection<TimeSpan> values) => TimeSpan.FromTicks((long)Median(values.Select(v => (double)v.Ticks)));

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        private static string Render(
            ReportSettings settings,
            string corpusDescription,
            int lines,
            int files,
            IReadOnlyList<Row> rows,
            Row total,
            IReadOnlyList<ProjectRow> projects,
            IReadOnlyList<TimeSpan> compileTimes,
            IReadOnlyList<TimeSpan> analysisWallTimes,
            int filesWithDiagnostics,
            string? loadAtStart)
        {
            var text = new StringBuilder();
            text.AppendLine(Invariant($"Analyzer cost on {corpusDescription}, median of {settings.Iterations} run(s) after a warm-up{(settings.Short ? "; short mode, not a measurement" : "")}."));
            text.AppendLine();
            text.AppendLine("| Rule | Analyzer time (ms) | % of compilation diagnostics time | Target | Diagnostics reported | Reporting floor (ms) | Above the floor (%) |");
            text.AppendLine("|---|---:|---:|---|---:|---:|---:|");
            foreach (var row in rows.Append(total))
            {
                var rule = row.Rule == "Total" ? "**Total**" : row.Rule;
                text.AppendLine(Invariant($"| {rule} | {row.Time.TotalMilliseconds:F1} | {row.Percent:F3}% | {(row.WithinTarget ? "ok" : "OVER")} (< {row.TargetPercent}%) | {row.Diagnostics} | {row.ReportingFloor.TotalMilliseconds:F1} | {row.PercentAboveFloor:F3}% |"));
            }

            if (projects.Count > 1)
            {
                text.AppendLine();
                text.AppendLine("| Repository | Lines | Files | Compiler errors | Compilation diagnostics (ms) | Analyzer time (ms) | % |");
                text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
                foreach (var project in projects)
                {
                    text.AppendLine(Invariant($"| {project.Project.Name} | {project.Project.Lines:N0} | {project.Project.Files:N0} | {project.CompileErrors} | {Median(project.CompileTimes).TotalMilliseconds:F0} | {Median(project.AnalyzerTimes).TotalMilliseconds:F1} | {project.Percent:F2}% |"));
                }
            }

            text.AppendLine();
            text.AppendLine(Invariant($"- Total share per run: {string.Join(", ", total.PercentPerRun.Select(p => p.ToString("F2", CultureInfo.InvariantCulture)))}%; the table gives the median of each run's share."));
            text.AppendLine(Invariant($"- Compilation `GetDiagnostics()`{(projects.Count > 1 ? ", summed over the repositories" : "")}: median {Median(compileTimes).TotalMilliseconds:F0} ms (runs: {Join(compileTimes)} ms)."));
            text.AppendLine(Invariant($"- `GetAnalyzerDiagnosticsAsync()` on a fresh compilation (compiler, analyzer driver and analyzers): median {Median(analysisWallTimes).TotalMilliseconds:F0} ms (runs: {Join(analysisWallTimes)} ms)."));
            text.AppendLine(Invariant($"- Diagnostics: {total.Diagnostics:N0} in {filesWithDiagnostics:N0} of the {files:N0} files, one every {(double)lines / Math.Max(1, total.Diagnostics):F0} lines."));
            text.AppendLine("- Reporting floor: the time an analyzer that analyses nothing takes to report the same diagnostics at the same places (each rule on its own); the rest of the analyzer time is the rule's own logic. 'Above the floor' is the share of that rest.");
            text.AppendLine(Invariant($"- Machine: {Environment.ProcessorCount} logical processors{ProcessorName()}, {RuntimeInformation.OSDescription.Trim()} ({RuntimeInformation.OSArchitecture}), {RuntimeInformation.FrameworkDescription}, Roslyn {RoslynVersion()}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} garbage collector, {DateTime.UtcNow:yyyy-MM-dd}{(loadAtStart is null ? "" : $"; load average {loadAtStart} at the start, {LoadAverage()} at the end")}."));
            return text.ToString();
        }

        /// <summary>Each rule's share of each repository's compilation time (median over the runs): where a rule's time goes.</summary>
        private static string RenderByRepository(
            IReadOnlyList<MeasuredProject> projects,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            IReadOnlyDictionary<MeasuredProject, List<TimeSpan>> compileTimes,
            IReadOnlyDictionary<MeasuredProject, Dictionary<DiagnosticAnalyzer, List<TimeSpan>>> ruleTimes)
        {
            var text = new StringBuilder();
            text.AppendLine(Invariant($"| Rule | {string.Join(" | ", projects.Select(p => p.Name + " (%)"))} |"));
            text.AppendLine(Invariant($"|---|{string.Join("", projects.Select(_ => "---:|"))}"));
            foreach (var analyzer in analyzers.OrderBy(BenchmarkCorpus.RuleOf, StringComparer.Ordinal))
            {
                var cells = projects.Select(p => Median(ruleTimes[p][analyzer].Select((time, i) => 100.0 * time.Ticks / compileTimes[p][i].Ticks)));
                text.AppendLine(Invariant($"| {BenchmarkCorpus.RuleOf(analyzer)} | {string.Join(" | ", cells.Select(c => c.ToString("F3", CultureInfo.InvariantCulture)))} |"));
            }

            return text.ToString();
        }

        private static string Join(IEnumerable<TimeSpan> times) =>
            string.Join(", ", times.Select(t => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)));

        private static string RoslynVersion()
        {
            var assembly = typeof(Compilation).Assembly;
            var informational = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
                .Select(a => a.InformationalVersion.Split('+')[0])
                .FirstOrDefault();
            return informational ?? assembly.GetName().Version?.ToString() ?? "unknown";
        }

        /// <summary>The 1-minute load average on Linux: on a shared machine it says how far to trust the figures.</summary>
        private static string? LoadAverage()
        {
            const string loadAverage = "/proc/loadavg";
            return File.Exists(loadAverage) ? File.ReadAllText(loadAverage).Split(' ')[0] : null;
        }

        private static string ProcessorName()
        {
            const string cpuInfo = "/proc/cpuinfo";
            if (!File.Exists(cpuInfo))
            {
                return "";
            }

            var model = File.ReadLines(cpuInfo)
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?
                .Split(':', 2)[1]
                .Trim();
            return model is null ? "" : $" ({model})";
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        private sealed record AnalyzerMeasurement(
            IReadOnlyDictionary<DiagnosticAnalyzer, TimeSpan> ExecutionTimes,
            IReadOnlyDictionary<MeasuredProject, TimeSpan> TimesPerProject,
            IReadOnlyDictionary<(MeasuredProject, DiagnosticAnalyzer), TimeSpan> RuleTimesPerProject,
            TimeSpan WallTime,
            ImmutableArray<Diagnostic> Diagnostics,
            ImmutableArray<string> Crashes);

        /// <summary>
        /// One line of the table. The share is the median of each run's own share (that run's analyzer time over the
        /// compilation time measured just before it), which drifts less than a ratio of medians when the machine's load changes.
        /// </summary>
        private sealed record Row(string Rule, IReadOnlyList<TimeSpan> Times, IReadOnlyList<TimeSpan> CompileTimes, double TargetPercent, int Diagnostics, IReadOnlyList<TimeSpan> FloorTimes)
        {
            public TimeSpan Time => Median(Times);

            public TimeSpan ReportingFloor => Median(FloorTimes);

            /// <summary>The rule's own logic: each run's time less that run's floor, as a share of that run's compilation time.</summary>
            public double PercentAboveFloor => Median(Times.Select((time, i) => 100.0 * Math.Max(0, time.Ticks - FloorTimes[i].Ticks) / CompileTimes[i].Ticks));

            public double Percent => Median(Times.Select((time, i) => 100.0 * time.Ticks / CompileTimes[i].Ticks));

            public IEnumerable<double> PercentPerRun => Times.Select((time, i) => 100.0 * time.Ticks / CompileTimes[i].Ticks);

            public bool WithinTarget => Percent < TargetPercent;
        }

        /// <summary>One compilation's share: its analyzers' time over its own compilation time, median over the runs.</summary>
        private sealed record ProjectRow(MeasuredProject Project, int CompileErrors, IReadOnlyList<TimeSpan> CompileTimes, IReadOnlyList<TimeSpan> AnalyzerTimes)
        {
            public double Percent => Median(AnalyzerTimes.Select((time, i) => 100.0 * time.Ticks / CompileTimes[i].Ticks));
        }
    }

    /// <summary>How the report runs: <c>report [--short] [--enforce] [--iterations N] [--lines N] [--seed N] [--corpus DIR [--only a,b] [--by-repository]]</c>.</summary>
    public sealed record ReportSettings(int Lines, int Iterations, int Seed, bool Short, bool Enforce, string? Corpus = null, IReadOnlyList<string>? Only = null, bool ByRepository = false, bool Probes = false, IReadOnlyList<string>? Rules = null)
    {
        public static ReportSettings? Parse(IReadOnlyList<string> args)
        {
            var isShort = args.Contains("--short");
            var settings = new ReportSettings(
                Lines: isShort ? 20_000 : BenchmarkCorpus.FullLines,
                Iterations: isShort ? 1 : 5,
                Seed: BenchmarkCorpus.Seed,
                Short: isShort,
                Enforce: args.Contains("--enforce"));
            for (var i = 0; i < args.Count; i++)
            {
                switch (args[i])
                {
                    case "--short":
                    case "--enforce":
                        break;
                    case "--iterations" when TryPositive(args, i + 1, out var iterations):
                        settings = settings with { Iterations = iterations };
                        i++;
                        break;
                    case "--lines" when TryPositive(args, i + 1, out var lines):
                        settings = settings with { Lines = lines };
                        i++;
                        break;
                    case "--corpus" when i + 1 < args.Count && Directory.Exists(args[i + 1]):
                        settings = settings with { Corpus = args[i + 1] };
                        i++;
                        break;
                    case "--only" when i + 1 < args.Count:
                        settings = settings with { Only = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
                        i++;
                        break;
                    case "--rules" when i + 1 < args.Count:
                        settings = settings with { Rules = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
                        i++;
                        break;
                    case "--probes":
                        settings = settings with { Probes = true };
                        break;
                    case "--by-repository":
                        settings = settings with { ByRepository = true };
                        break;
                    case "--seed" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                        settings = settings with { Seed = seed };
                        i++;
                        break;
                    default:
                        Console.Error.WriteLine($"Unknown or incomplete report option '{args[i]}'.");
                        return null;
                }
            }

            return settings;
        }

        private static bool TryPositive(IReadOnlyList<string> args, int index, out int value) =>
            int.TryParse(index < args.Count ? args[index] : "", NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0;
    }
}
