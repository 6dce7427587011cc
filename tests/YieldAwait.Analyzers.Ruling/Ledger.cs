using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace YieldAwait.Analyzers.Ruling
{
    /// <summary>One report of a run: where, which rule, what it said.</summary>
    public sealed record Report(string File, int Line, string Id, string Message)
    {
        public (string, int, string) Key => (File, Line, Id);

        public string ToTsv() => $"{File}\t{Line}\t{Id}\t{Clean(Message)}";

        public static string Clean(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
    }

    /// <summary>A judged report: TP (a real problem), FP (wrong), debatable (real issue, wrong advice or a deliberate trade-off).</summary>
    public sealed record Judged(Report Report, string Verdict, string Reason);

    /// <summary>
    /// The committed ledger of a repository, <c>expected/&lt;name&gt;.tsv</c>: file, line, ID, message, verdict, reason.
    /// </summary>
    public static class Ledger
    {
        public const string Unjudged = "unjudged";

        public static readonly string[] Verdicts = { "TP", "FP", "debatable" };

        public const string Header = "# file\tline\tid\tmessage\tverdict\treason";

        public static List<Judged> Read(string path)
        {
            if (!File.Exists(path))
            {
                return new List<Judged>();
            }

            return File.ReadAllLines(path)
                .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
                .Select(l => l.Split('\t'))
                .Select(c => new Judged(
                    new Report(c[0], int.Parse(c[1]), c[2], c.Length > 3 ? c[3] : ""),
                    c.Length > 4 ? c[4] : Unjudged,
                    c.Length > 5 ? c[5] : ""))
                .ToList();
        }

        public static void Write(string path, IEnumerable<Judged> rows)
        {
            var lines = new List<string> { Header };
            lines.AddRange(rows
                .OrderBy(r => r.Report.File, StringComparer.Ordinal)
                .ThenBy(r => r.Report.Line)
                .ThenBy(r => r.Report.Id, StringComparer.Ordinal)
                .Select(r => $"{r.Report.ToTsv()}\t{r.Verdict}\t{Report.Clean(r.Reason)}"));
            File.WriteAllLines(path, lines);
        }

        public static bool IsJudged(Judged row) => Verdicts.Contains(row.Verdict) && row.Reason.Trim().Length > 0;
    }

    /// <summary>What a run changed against the ledger.</summary>
    public sealed class Comparison
    {
        public List<Report> New { get; } = new();

        public List<Judged> Disappeared { get; } = new();

        public List<(Judged Was, Report Now)> MessageChanged { get; } = new();

        public List<Judged> Kept { get; } = new();

        public static Comparison Of(IReadOnlyList<Report> run, IReadOnlyList<Judged> ledger)
        {
            var comparison = new Comparison();
            var byKey = ledger.GroupBy(j => j.Report.Key).ToDictionary(g => g.Key, g => g.First());
            var seen = new HashSet<(string, int, string)>();
            foreach (var report in run)
            {
                if (!seen.Add(report.Key))
                {
                    continue;
                }

                if (!byKey.TryGetValue(report.Key, out var judged))
                {
                    comparison.New.Add(report);
                }
                else if (judged.Report.Message != Report.Clean(report.Message))
                {
                    comparison.MessageChanged.Add((judged, report));
                }
                else
                {
                    comparison.Kept.Add(judged);
                }
            }

            comparison.Disappeared.AddRange(ledger.Where(j => !seen.Contains(j.Report.Key)));
            return comparison;
        }
    }
}
