using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace YieldAwait.Analyzers.Tests.Catalog
{
    /// <summary>
    /// The files the package ships besides the assemblies agree with the catalog: every preset sets every rule, and
    /// the package page's rule table is the README's, with links that work on the package page.
    /// </summary>
    public class PackageFilesTests
    {
        private static readonly Regex SeverityLine = new(@"^dotnet_diagnostic\.(?<id>YA\d{4})\.severity\s*=\s*(?<severity>\w+)\s*$", RegexOptions.CultureInvariant);

        private static readonly string[] PresetNames = { "none", "recommended", "all", "allsuggestions" };

        public static TheoryData<string> Presets { get; } = new(PresetNames);

        [Theory]
        [MemberData(nameof(Presets))]
        public void Preset_SetsEveryRule_OnceBelowTheUsersLevel(string preset)
        {
            var path = RepositoryFiles.InRepo("nuget", "config", $"yieldawait_{preset}.globalconfig");
            var lines = File.ReadAllLines(path).Select(line => line.Trim()).ToList();

            Assert.Contains("is_global = true", lines);
            // Below 0, the level of any global config a user writes without a level: the user's always wins.
            Assert.Contains("global_level = -100", lines);

            var ids = lines.Select(line => SeverityLine.Match(line)).Where(match => match.Success).Select(match => match.Groups["id"].Value).ToList();
            Assert.Equal(RuleCatalog.Ids, ids.OrderBy(id => id, StringComparer.Ordinal));
            Assert.Equal(ids.Distinct().Count(), ids.Count);
        }

        [Fact]
        public void Presets_AreEachMappedByTheBuildProps()
        {
            var props = File.ReadAllText(RepositoryFiles.InRepo("nuget", "build", "YieldAwait.Analyzers.props"));
            foreach (var preset in PresetNames)
            {
                Assert.Contains($"yieldawait_{preset}.globalconfig", props, StringComparison.Ordinal);
            }

            var transitive = File.ReadAllText(RepositoryFiles.InRepo("nuget", "buildTransitive", "YieldAwait.Analyzers.props"));
            Assert.Contains("../build/YieldAwait.Analyzers.props", transitive, StringComparison.Ordinal);
        }

        [Fact]
        public void PackageReadme_RuleTable_IsTheReadmes_WithAbsoluteLinks()
        {
            var linkBase = RuleDescriptors.HelpLinkBase.Substring(0, RuleDescriptors.HelpLinkBase.Length - "docs/rules/".Length);
            var readme = RuleRows(File.ReadAllLines(RepositoryFiles.ReadmePath))
                .Select(row => row.Replace("](docs/", "](" + linkBase + "docs/", StringComparison.Ordinal));
            var package = RuleRows(File.ReadAllLines(RepositoryFiles.InRepo("nuget", "README.md")));

            Assert.Equal(readme, package);
        }

        [Fact]
        public void PackageReadme_HasNoRelativeLinks()
        {
            // NuGet shows the readme away from the repository: a relative link would lead nowhere.
            var text = File.ReadAllText(RepositoryFiles.InRepo("nuget", "README.md"));
            var relative = Regex.Matches(text, @"\]\((?<target>[^)]+)\)").Select(match => match.Groups["target"].Value)
                .Where(target => !target.StartsWith("https://", StringComparison.Ordinal))
                .ToList();
            Assert.Empty(relative);
        }

        [Fact]
        public void ConfigurationPage_ListsEveryOption_WithItsValuesDefaultAndRules()
        {
            var page = File.ReadAllLines(RepositoryFiles.InRepo("docs", "configuration.md"));
            foreach (var option in Options.RuleOptions.All)
            {
                var row = page.FirstOrDefault(line => line.StartsWith($"| `{option.Key}` |", StringComparison.Ordinal));
                Assert.True(row is not null, $"docs/configuration.md has no table row for {option.Key}.");
                var cells = row!.Split('|').Select(cell => cell.Trim()).ToArray();
                Assert.Equal(option.DefaultValue.Length == 0 ? "none" : $"`{option.DefaultValue}`", cells[3]);
                foreach (var id in option.RuleIds)
                {
                    Assert.True(cells[4].Contains(id, StringComparison.Ordinal), $"docs/configuration.md does not say that {option.Key} changes {id}.");
                }
            }
        }

        private static string[] RuleRows(string[] lines) =>
            lines.Where(line => line.StartsWith("| [YA", StringComparison.Ordinal)).ToArray();
    }
}
