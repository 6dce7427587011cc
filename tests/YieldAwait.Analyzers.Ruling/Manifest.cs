using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace YieldAwait.Analyzers.Ruling
{
    /// <summary>One repository of the ruling: where it comes from and how its sources are compiled.</summary>
    public sealed record RulingSource(
        string Name,
        string Repository,
        string Commit,
        string Kind,
        IReadOnlyList<string> Folders,
        IReadOnlyList<string> Excludes,
        IReadOnlyList<(string Id, string Version)> Packages,
        IReadOnlyList<string> Defines,
        string Sdk,
        IReadOnlyList<string> Usings)
    {
        /// <summary>The Web SDK (ASP.NET Core shared framework): <c>web</c> with its implicit usings, <c>aspnet</c> without.</summary>
        public bool IsWeb => Sdk.Equals("web", StringComparison.OrdinalIgnoreCase) || Sdk.Equals("aspnet", StringComparison.OrdinalIgnoreCase);

        /// <summary>Where `fetch` leaves the repository's bare git directory: owner+name/repo.</summary>
        public string MirrorFolderName => Repository.Replace('/', '+');
    }

    /// <summary>
    /// Reads <c>sources.md</c>: a Markdown table whose rows are the repositories, one column per setting. Lists inside a
    /// cell are separated by spaces; packages are written <c>Id@Version</c>.
    /// </summary>
    public static class Manifest
    {
        private static readonly string[] Columns =
            { "name", "repository", "commit", "kind", "folders", "excludes", "packages", "defines", "sdk", "usings" };

        public static IReadOnlyList<RulingSource> Read(string path)
        {
            var rows = File.ReadAllLines(path)
                .Select(l => l.Trim())
                .Where(l => l.StartsWith("|", StringComparison.Ordinal))
                .Select(SplitRow)
                .ToList();
            if (rows.Count < 2)
            {
                throw new InvalidDataException($"{path} has no table");
            }

            var header = rows[0].Select(c => c.ToLowerInvariant()).ToList();
            var missing = Columns.Where(c => !header.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidDataException($"{path}: the table lacks the column(s) {string.Join(", ", missing)}");
            }

            string Cell(IReadOnlyList<string> row, string column)
            {
                var index = header.IndexOf(column);
                var value = index < row.Count ? row[index] : "";
                return value.Trim('`', ' ');
            }

            return rows.Skip(1)
                .Where(r => !r.All(c => c.Trim('-', ':', ' ').Length == 0))
                .Select(r => new RulingSource(
                    Cell(r, "name"),
                    Cell(r, "repository"),
                    Cell(r, "commit"),
                    Cell(r, "kind"),
                    List(Cell(r, "folders")),
                    List(Cell(r, "excludes")),
                    List(Cell(r, "packages")).Select(ParsePackage).ToList(),
                    List(Cell(r, "defines")),
                    Cell(r, "sdk"),
                    List(Cell(r, "usings"))))
                .ToList();
        }

        private static List<string> SplitRow(string line) =>
            line.Trim('|').Split('|').Select(c => c.Trim()).ToList();

        private static List<string> List(string cell) =>
            cell.Length == 0 || cell == "-"
                ? new List<string>()
                : cell.Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim('`')).ToList();

        private static (string, string) ParsePackage(string text)
        {
            var at = text.IndexOf('@');
            if (at <= 0)
            {
                throw new InvalidDataException($"package '{text}' is not written Id@Version");
            }

            return (text.Substring(0, at), text.Substring(at + 1));
        }
    }
}
