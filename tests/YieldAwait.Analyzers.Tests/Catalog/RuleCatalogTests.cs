using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using YieldAwait.Analyzers.Options;

namespace YieldAwait.Analyzers.Tests.Catalog
{
    /// <summary>
    /// The catalog is the product: every rule's descriptor, docs page, release line, README row and code
    /// fix must agree. These tests read the real files, so a rule added in one place and not the others fails here.
    /// </summary>
    public class RuleCatalogTests
    {
        /// <summary>A string literal that names a package option: <c>"yieldawait.async_suffix"</c>.</summary>
        private static readonly Regex OptionKeyLiteral = new(@"""(?<key>yieldawait\.[a-z_]+)""", RegexOptions.CultureInvariant);

        private static readonly Regex IdShape = new(@"^YA\d{4}$", RegexOptions.CultureInvariant);

        /// <summary>A README ID cell: <c>[YA1001](docs/rules/YA1001.md)</c>.</summary>
        private static readonly Regex ReadmeIdCell = new(@"^\[(?<id>[^\]]+)\]\((?<link>[^)]+)\)$", RegexOptions.CultureInvariant);

        /// <summary>How the README's Fix column and a page's "Code fix" row say a rule has no fix.</summary>
        private const string NoFixInReadme = "—";

        public static TheoryData<string> RuleIds { get; } = new(RuleCatalog.Ids);

        [Fact]
        public void Analyzers_AreExportedForCSharp_AndDeclareRules()
        {
            Assert.NotEmpty(RuleCatalog.AnalyzerTypes);
            foreach (var type in RuleCatalog.AnalyzerTypes)
            {
                var export = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
                Assert.True(export is not null, $"{type.Name} is not marked [DiagnosticAnalyzer]; no host will load it.");
                Assert.Contains(LanguageNames.CSharp, export!.Languages);
                Assert.True(RuleCatalog.Rules.Any(rule => rule.AnalyzerType == type), $"{type.Name} supports no diagnostics.");
            }
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Id_HasTheCatalogShape_AndOneAnalyzer(string id)
        {
            Assert.Matches(IdShape, id);
            var owners = RuleCatalog.AnalyzersDeclaring(id).Select(type => type.Name).ToList();
            Assert.True(owners.Count == 1, $"{id} is declared by {owners.Count} analyzers: {string.Join(", ", owners)}.");
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void AnalyzerName_StartsWithId(string id)
        {
            foreach (var type in RuleCatalog.AnalyzersDeclaring(id))
            {
                Assert.StartsWith(id, type.Name, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void DiagnosticIds_HoldsExactlyTheReportedIds()
        {
            var constants = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => (string)field.GetRawConstantValue()!)
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToList();

            Assert.Equal(constants.Distinct(StringComparer.Ordinal), constants);
            Assert.Equal(RuleCatalog.Ids, constants);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void HelpLink_IsTheDocsPage(string id)
        {
            Assert.Equal(RuleDescriptors.HelpLinkBase + id + ".md", RuleCatalog.Descriptor(id).HelpLinkUri);
        }

        [Fact]
        public void HelpLinkBase_ExtendsThePackageProjectUrl_AndEndsAtTheDocsFolder()
        {
            var props = XDocument.Load(RepositoryFiles.InRepo("Directory.Build.props"));
            var projectUrl = props.Descendants("PackageProjectUrl").Select(element => element.Value.Trim()).Single();

            Assert.StartsWith(projectUrl.TrimEnd('/') + "/", RuleDescriptors.HelpLinkBase, StringComparison.Ordinal);
            Assert.EndsWith("/docs/rules/", RuleDescriptors.HelpLinkBase, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void DocsPage_StartsWithIdAndTitle(string id)
        {
            var path = RepositoryFiles.DocsPagePath(id);
            Assert.True(File.Exists(path), $"{id} has no docs page at {path}; its help link would be a 404.");

            var descriptor = RuleCatalog.Descriptor(id);
            Assert.Equal($"# {id}: {descriptor.Title}", File.ReadLines(path).First());
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void DocsPage_TableAndOptions_MatchDescriptor(string id)
        {
            var lines = File.ReadAllLines(RepositoryFiles.DocsPagePath(id));
            var properties = MarkdownTables.Properties(lines);
            var descriptor = RuleCatalog.Descriptor(id);

            Assert.Equal(descriptor.DefaultSeverity.ToString(), Property(properties, id, "Severity"));
            Assert.Equal(descriptor.Category, Property(properties, id, "Category"));
            Assert.Equal(descriptor.IsEnabledByDefault ? "Yes" : "No", Property(properties, id, "Enabled by default"));
            Assert.Contains($"dotnet_diagnostic.{id}.severity", string.Join("\n", lines), StringComparison.Ordinal);
        }

        [Fact]
        public void Options_AreDocumentedOnThePageOfEveryRuleTheyChange()
        {
            Assert.NotEmpty(RuleOptions.All);
            foreach (var option in RuleOptions.All)
            {
                Assert.NotEmpty(option.RuleIds);
                foreach (var id in option.RuleIds)
                {
                    Assert.Contains(id, RuleCatalog.Ids);
                    var page = File.ReadAllText(RepositoryFiles.DocsPagePath(id));
                    Assert.True(page.Contains(option.Key, StringComparison.Ordinal), $"docs/rules/{id}.md does not document the option '{option.Key}' that changes the rule.");
                }
            }
        }

        [Fact]
        public void OptionKeys_InTheSources_AreAllDefinedInRuleOptions()
        {
            var defined = RuleOptions.All.Select(option => option.Key).ToHashSet(StringComparer.Ordinal);
            var definitions = Path.Combine("YieldAwait.Analyzers", "Options", "RuleOptions.cs");
            var sources = Directory.EnumerateFiles(RepositoryFiles.InRepo("src"), "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(sources);
            foreach (var path in sources)
            {
                foreach (Match literal in OptionKeyLiteral.Matches(File.ReadAllText(path)))
                {
                    var key = literal.Groups["key"].Value;
                    Assert.True(path.EndsWith(definitions, StringComparison.Ordinal),
                        $"{Path.GetFileName(path)} spells the option key '{key}' itself; read it through RuleOptions so the catalog knows about it.");
                    Assert.Contains(key, defined);
                }
            }
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void ReleaseTracking_ListsRule_WithSameCategoryAndSeverity(string id)
        {
            var entry = ReleaseEntry.Find(id);
            Assert.True(entry is not null, $"{id} is in neither AnalyzerReleases.Unshipped.md nor AnalyzerReleases.Shipped.md.");
            Assert.NotEqual("Removed Rules", entry!.Section);

            var descriptor = RuleCatalog.Descriptor(id);
            Assert.Equal(descriptor.Category, entry.Category);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), entry.Severity);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Readme_RuleTable_HasRow_LinkingDocsPage_WithSameTitleAndSeverity(string id)
        {
            var rows = ReadmeRuleRows();
            Assert.True(rows.ContainsKey(id), $"The README rule table has no row for {id}.");

            var (link, title, severity, _) = rows[id];
            var descriptor = RuleCatalog.Descriptor(id);
            Assert.Equal($"docs/rules/{id}.md", link);
            Assert.Equal(descriptor.Title.ToString(), title);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), severity);
        }

        [Fact]
        public void Readme_RuleTable_ListsOnlyReportedRules()
        {
            var listed = ReadmeRuleRows().Keys.OrderBy(id => id, StringComparer.Ordinal);
            Assert.Equal(RuleCatalog.Ids, listed);
        }

        [Fact]
        public void DocsRulesFolder_HoldsOnlyPagesOfReportedRules()
        {
            var pages = Directory.GetFiles(RepositoryFiles.RulesDocsFolder)
                .Select(Path.GetFileName)
                .OrderBy(name => name, StringComparer.Ordinal);

            Assert.Equal(RuleCatalog.Ids.Select(id => id + ".md"), pages);
        }

        /// <summary>The docs page and the README may only promise a fix the package ships, and must not hide one it does.</summary>
        [Theory]
        [MemberData(nameof(RuleIds))]
        public void DocsAndReadme_ClaimAFix_ExactlyWhenAFixProviderFixesTheRule(string id)
        {
            var hasFix = RuleCatalog.FixableIds.Contains(id);
            var pageSays = Property(MarkdownTables.Properties(File.ReadAllLines(RepositoryFiles.DocsPagePath(id))), id, "Code fix");
            Assert.True(
                pageSays == (hasFix ? "Yes" : "No"),
                $"docs/rules/{id}.md says 'Code fix: {pageSays}', but {(hasFix ? "a" : "no")} fix provider in YieldAwait.CodeFixes fixes {id}.");

            var rows = ReadmeRuleRows();
            Assert.True(rows.ContainsKey(id), $"The README rule table has no row for {id}.");
            var readmeSays = rows[id].Fix;
            Assert.True(
                (readmeSays != NoFixInReadme) == hasFix,
                $"The README's Fix cell for {id} is '{readmeSays}', but {(hasFix ? "a" : "no")} fix provider fixes {id} (write '{NoFixInReadme}' for none).");
        }

        /// <summary>
        /// Guards the fix checks below against passing on an empty assembly: the package ships fixes for YA1001 and YA1005,
        /// so a build with no provider at all is a broken build, not a vacuous pass.
        /// </summary>
        [Fact]
        public void FixProviders_Exist()
        {
            Assert.True(
                !RuleCatalog.FixProviderTypes.IsEmpty,
                $"{RuleCatalog.CodeFixAssembly.GetName().Name} contains no CodeFixProvider.");
        }

        [Fact]
        public void FixProviders_FixReportedRules_AreNamedForThem_AndFixAllEverywhere()
        {
            var failures = new List<string>();
            foreach (var type in RuleCatalog.FixProviderTypes)
            {
                var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
                if (export is null || !export.Languages.Contains(LanguageNames.CSharp))
                {
                    failures.Add($"{type.Name} is not exported with [ExportCodeFixProvider(LanguageNames.CSharp)]; no host will offer it.");
                }

                var provider = RuleCatalog.CreateFixProvider(type);
                var ids = provider.FixableDiagnosticIds;
                if (ids.IsEmpty)
                {
                    failures.Add($"{type.Name} fixes no diagnostic.");
                }

                failures.AddRange(ids.Where(id => !RuleCatalog.Ids.Contains(id))
                    .Select(id => $"{type.Name} fixes {id}, which no analyzer reports."));

                if (!ids.Any(id => type.Name.StartsWith(id, StringComparison.Ordinal)))
                {
                    failures.Add($"{type.Name} does not start with an ID it fixes ({string.Join(", ", ids)}).");
                }

                var fixAll = provider.GetFixAllProvider();
                if (fixAll is null)
                {
                    failures.Add($"{type.Name} has no Fix All provider.");
                    continue;
                }

                var scopes = fixAll.GetSupportedFixAllScopes().ToList();
                failures.AddRange(new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution }
                    .Where(scope => !scopes.Contains(scope))
                    .Select(scope => $"{type.Name}'s Fix All does not support {scope}."));
            }

            if (failures.Count > 0)
            {
                Assert.Fail(string.Join(Environment.NewLine, failures));
            }
        }

        private static string Property(Dictionary<string, string> properties, string id, string name)
        {
            Assert.True(properties.TryGetValue(name, out var value), $"docs/rules/{id}.md has no '| {name} | … |' row.");
            return value!;
        }

        /// <summary>The README's one table headed <c>| ID | Title | Severity | Fix |</c>, keyed by rule ID.</summary>
        private static Dictionary<string, (string Link, string Title, string Severity, string Fix)> ReadmeRuleRows()
        {
            var tables = MarkdownTables.Parse(File.ReadAllLines(RepositoryFiles.ReadmePath))
                .Where(table => table.Count > 0 && table[0].SequenceEqual(new[] { "ID", "Title", "Severity", "Fix" }))
                .ToList();
            Assert.True(tables.Count == 1, $"README.md should have exactly one '| ID | Title | Severity | Fix |' table; it has {tables.Count}.");

            var rows = new Dictionary<string, (string, string, string, string)>(StringComparer.Ordinal);
            foreach (var row in tables[0].Skip(1))
            {
                Assert.True(row.Length == 4, $"README rule table row '{string.Join(" | ", row)}' does not have four cells.");
                var idCell = ReadmeIdCell.Match(row[0]);
                Assert.True(idCell.Success, $"README rule table cell '{row[0]}' is not a link '[YAnnnn](docs/rules/YAnnnn.md)'.");
                var id = idCell.Groups["id"].Value;
                Assert.True(rows.TryAdd(id, (idCell.Groups["link"].Value, row[1], row[2], row[3])), $"The README rule table lists {id} twice.");
            }

            return rows;
        }
    }
}
