using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace YieldAwait.Analyzers.Tests.Catalog
{
    /// <summary>The checked-in files the catalog must agree with, read from the working tree (never from a copy in bin).</summary>
    internal static class RepositoryFiles
    {
        private static readonly Lazy<string> LazyRoot = new(FindRoot);

        public static string Root => LazyRoot.Value;

        public static string RulesDocsFolder => Path.Combine(Root, "docs", "rules");

        public static string ReadmePath => Path.Combine(Root, "README.md");

        public static string DocsPagePath(string id) => Path.Combine(RulesDocsFolder, id + ".md");

        public static string InRepo(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No Analyzers.sln above {AppContext.BaseDirectory}; the catalog tests read the repository's files.");
        }
    }

    /// <summary>Just enough Markdown to read pipe tables: one list of rows per table, separator rows dropped.</summary>
    internal static class MarkdownTables
    {
        public static List<List<string[]>> Parse(IEnumerable<string> lines)
        {
            var tables = new List<List<string[]>>();
            List<string[]>? current = null;
            var inFence = false;
            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    // Tables inside code samples are not the page's own.
                    inFence = !inFence;
                    current = null;
                    continue;
                }

                if (inFence || !line.StartsWith('|'))
                {
                    current = null;
                    continue;
                }

                if (current is null)
                {
                    current = new List<string[]>();
                    tables.Add(current);
                }

                var cells = Cells(line);
                if (!cells.All(IsSeparatorCell))
                {
                    current.Add(cells);
                }
            }

            return tables;
        }

        /// <summary>Two-column rows as name → value, the shape of a rule page's summary table.</summary>
        public static Dictionary<string, string> Properties(IEnumerable<string> lines)
        {
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in Parse(lines).SelectMany(table => table).Where(row => row.Length == 2))
            {
                properties.TryAdd(row[0], row[1]);
            }

            return properties;
        }

        private static string[] Cells(string line)
        {
            var inner = line.Substring(1);
            if (inner.EndsWith('|'))
            {
                inner = inner.Substring(0, inner.Length - 1);
            }

            return inner.Split('|').Select(cell => cell.Trim()).ToArray();
        }

        private static bool IsSeparatorCell(string cell) =>
            cell.Length > 0 && cell.All(c => c is '-' or ':');
    }

    /// <summary>A rule's most recent line in AnalyzerReleases.Unshipped.md, else the newest release of Shipped.md.</summary>
    internal sealed record ReleaseEntry(string FileName, string Section, string Category, string Severity)
    {
        public static ReleaseEntry? Find(string id)
        {
            var unshipped = Entries("AnalyzerReleases.Unshipped.md", id);
            var shipped = Entries("AnalyzerReleases.Shipped.md", id);
            return unshipped.LastOrDefault() ?? shipped.LastOrDefault();
        }

        private static List<ReleaseEntry> Entries(string fileName, string id)
        {
            var path = RepositoryFiles.InRepo("src", "YieldAwait.Analyzers", fileName);
            var entries = new List<ReleaseEntry>();
            var section = "";
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.StartsWith("###", StringComparison.Ordinal))
                {
                    section = line.TrimStart('#').Trim();
                    continue;
                }

                var cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
                if (cells.Length >= 3 && cells[0] == id)
                {
                    // New Rules and Changed Rules both put the current category and severity in columns 2 and 3.
                    entries.Add(new ReleaseEntry(fileName, section, cells[1], cells[2]));
                }
            }

            return entries;
        }
    }
}
