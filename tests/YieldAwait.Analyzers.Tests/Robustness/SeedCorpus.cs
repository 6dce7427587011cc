using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.Analyzers.Corpus;
using YieldAwait.Analyzers.Tests.Catalog;

namespace YieldAwait.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The code the mutants start from: every C# snippet the test files hold as a string literal (markup removed),
    /// every file under <c>samples/</c>, and a small generated corpus. Each seed is named by where it came from.
    /// </summary>
    public sealed class SeedCorpus
    {
        private const int GeneratedCorpusSeed = 4242;
        private const int GeneratedCorpusLines = 1200;

        /// <summary>Test markup (<c>{|YA1001:</c>, <c>{|#0:</c>, <c>|}</c>, <c>[|</c>, <c>|]</c>), which is not C#.</summary>
        private static readonly Regex Markup = new(@"\{\|[^:{}|\s]*:|\|\}|\[\||\|\]", RegexOptions.CultureInvariant);

        private static readonly string[] CodeMarkers = { "class ", "struct ", "record ", "interface ", "yield", "await " };

        private SeedCorpus(IReadOnlyList<SourceFile> all, IReadOnlyList<SourceFile> reported)
        {
            All = all;
            Reported = reported;
        }

        /// <summary>Every seed, in a stable order (paths sorted ordinally, duplicates dropped).</summary>
        public IReadOnlyList<SourceFile> All { get; }

        /// <summary>The seeds the package reports on as they stand: their mutants keep the fixes busy.</summary>
        public IReadOnlyList<SourceFile> Reported { get; }

        public static async Task<SeedCorpus> CollectAsync()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var all = SnippetsInTests()
                .Concat(Samples())
                .Concat(CorpusGenerator.Generate(GeneratedCorpusSeed, GeneratedCorpusLines))
                .Where(seed => seen.Add(seed.Text))
                .ToList();

            var analyzers = PackageComponents.CreateAnalyzers();
            var reported = new bool[all.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, all.Count), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, cancellationToken) =>
            {
                var run = await AnalysisHarness.AnalyzeAsync(AnalysisHarness.Compile(new[] { all[i] }), analyzers, concurrent: false, cancellationToken: cancellationToken).ConfigureAwait(false);
                reported[i] = !run.Diagnostics.IsEmpty;
            }).ConfigureAwait(false);

            return new SeedCorpus(all, all.Where((_, i) => reported[i]).ToList());
        }

        /// <summary>
        /// The seed source of variant <paramref name="index"/> of a run: the first <see cref="All"/>.Count variants take every
        /// source once, in order from a point the run's base seed picks, and the variants after them the sources the package
        /// reports on, so that fixes meet broken code as often as the analyzers do. The index and the base seed give it back.
        /// </summary>
        public SourceFile ForVariant(int index, int baseSeed)
        {
            var start = (int)((uint)baseSeed % (uint)All.Count);
            if (index < All.Count || Reported.Count == 0)
            {
                return All[(start + index) % All.Count];
            }

            return Reported[(start + index - All.Count) % Reported.Count];
        }

        /// <summary>Whether a string literal's value reads as C# rather than a message or a file name.</summary>
        public static bool LooksLikeCode(string value) =>
            value.Length >= 20 && CodeMarkers.Any(marker => value.Contains(marker, StringComparison.Ordinal));

        public static string RemoveMarkup(string snippet) => Markup.Replace(snippet, "");

        private static IEnumerable<SourceFile> SnippetsInTests()
        {
            foreach (var path in CSharpFilesUnder("tests"))
            {
                var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path);
                var relative = Relative(path);
                foreach (var (value, position) in StringValues(tree.GetRoot()))
                {
                    if (LooksLikeCode(value))
                    {
                        var line = tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(position, 0)).StartLinePosition.Line + 1;
                        yield return new SourceFile($"{relative}:{line}", RemoveMarkup(value));
                    }
                }
            }
        }

        private static IEnumerable<SourceFile> Samples() =>
            CSharpFilesUnder("samples").Select(path => new SourceFile(Relative(path), File.ReadAllText(path)));

        /// <summary>
        /// Regular, verbatim and raw literals by value. An interpolated one gives a value per <c>[InlineData]</c> row of its
        /// theory, each hole naming a parameter filled with that row's argument; any other hole becomes its expression's text.
        /// </summary>
        private static IEnumerable<(string Value, int Position)> StringValues(SyntaxNode root)
        {
            foreach (var node in root.DescendantNodes())
            {
                switch (node)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        yield return (literal.Token.ValueText, literal.SpanStart);
                        break;

                    case InterpolatedStringExpressionSyntax interpolated:
                        foreach (var row in InlineDataRows(interpolated))
                        {
                            yield return (Fill(interpolated, row), interpolated.SpanStart);
                        }

                        break;
                }
            }
        }

        private static string Fill(InterpolatedStringExpressionSyntax interpolated, IReadOnlyDictionary<string, string> arguments)
        {
            var value = new StringBuilder();
            foreach (var content in interpolated.Contents)
            {
                value.Append(content switch
                {
                    InterpolatedStringTextSyntax text => text.TextToken.ValueText,
                    InterpolationSyntax { Expression: IdentifierNameSyntax name } when arguments.TryGetValue(name.Identifier.ValueText, out var argument) => argument,
                    InterpolationSyntax hole => hole.Expression.ToString(),
                    _ => "",
                });
            }

            return value.ToString();
        }

        /// <summary>Parameter name → argument text for each <c>[InlineData]</c> of the enclosing method; one empty row when it has none.</summary>
        private static List<Dictionary<string, string>> InlineDataRows(SyntaxNode node)
        {
            var method = node.FirstAncestorOrSelf<MethodDeclarationSyntax>();
            var rows = new List<Dictionary<string, string>>();
            if (method is not null)
            {
                var parameters = method.ParameterList.Parameters.Select(p => p.Identifier.ValueText).ToList();
                foreach (var attribute in method.AttributeLists.SelectMany(list => list.Attributes).Where(a => a.Name.ToString() is "InlineData" or "InlineDataAttribute"))
                {
                    var arguments = attribute.ArgumentList?.Arguments.Select(a => a.Expression is LiteralExpressionSyntax literal ? literal.Token.ValueText : a.Expression.ToString()).ToList() ?? new List<string>();
                    rows.Add(parameters.Zip(arguments, (parameter, argument) => (parameter, argument)).ToDictionary(pair => pair.parameter, pair => pair.argument, StringComparer.Ordinal));
                }
            }

            if (rows.Count == 0)
            {
                rows.Add(new Dictionary<string, string>(StringComparer.Ordinal));
            }

            return rows;
        }

        /// <summary>Checked-in C# files under a top-level folder (none when it does not exist), build output excluded.</summary>
        private static IEnumerable<string> CSharpFilesUnder(string folder)
        {
            var root = RepositoryFiles.InRepo(folder);
            if (!Directory.Exists(root))
            {
                return Enumerable.Empty<string>();
            }

            return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(path => !Relative(path).Split('/').Any(part => part is "bin" or "obj"))
                .OrderBy(Relative, StringComparer.Ordinal);
        }

        private static string Relative(string path) =>
            Path.GetRelativePath(RepositoryFiles.Root, path).Replace(Path.DirectorySeparatorChar, '/');
    }
}
