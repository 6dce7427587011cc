using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;
using Xunit.Abstractions;
using YieldAwait.Analyzers.Corpus;

namespace YieldAwait.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// Every fix the package offers on the samples and on a generated corpus, applied for real: the result
    /// compiles with no new error, the diagnostic it names goes away, and Fix All run twice changes nothing the second time.
    /// </summary>
    public class FixVerificationTests
    {
        private static readonly FixAllScope[] Scopes = { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        private readonly ITestOutputHelper _output;

        public FixVerificationTests(ITestOutputHelper output) => _output = output;

        public static TheoryData<string> Corpora => new() { EndToEndCorpora.Samples, EndToEndCorpora.Generated };

        [Theory]
        [MemberData(nameof(Corpora))]
        public async Task EveryOfferedFix_CompilesAndRemovesItsDiagnostic(string corpus)
        {
            var project = EndToEndCorpora.Load(corpus);
            Assert.Empty(await EndToEndCorpora.CompilerErrorsAsync(project));
            var diagnostics = new ProjectDiagnostics(PackageComponents.CreateAnalyzers());
            var fixers = PackageComponents.CreateFixProviders();
            var before = await diagnostics.ForProjectAsync(project);
            Assert.NotEmpty(before);

            var failures = new List<string>();
            var applied = 0;
            foreach (var diagnostic in before)
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                foreach (var action in await AnalysisHarness.GetFixesAsync(document, diagnostic, fixers))
                {
                    var fixedProject = (await AnalysisHarness.ApplyAsync(action, project.Solution)).GetProject(project.Id)!;
                    var failure = await CheckAsync(project, fixedProject, diagnostic.Id, before, KeepsOriginal(action.EquivalenceKey));
                    if (failure is not null)
                    {
                        failures.Add($"'{action.Title}' for {diagnostic}: {failure}");
                    }

                    applied++;
                }
            }

            _output.WriteLine($"{corpus}: {before.Length} diagnostics, {applied} fixes applied and verified");
            Assert.True(applied > 0, "no fix was offered at all");
            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)) + $"\n({failures.Count} failures)");
        }

        [Theory]
        [MemberData(nameof(Corpora))]
        public async Task FixAll_AtEveryScope_CompilesRemovesDiagnosticsAndIsIdempotent(string corpus)
        {
            var project = EndToEndCorpora.Load(corpus);
            var diagnostics = new ProjectDiagnostics(PackageComponents.CreateAnalyzers());
            var before = await diagnostics.ForProjectAsync(project);
            var failures = new List<string>();
            var verified = 0;
            foreach (var fixer in PackageComponents.CreateFixProviders())
            {
                foreach (var id in fixer.FixableDiagnosticIds)
                {
                    foreach (var (document, equivalenceKey) in await FixAllEntryPointsAsync(project, fixer, before.Where(d => d.Id == id)))
                    {
                        foreach (var scope in Scopes)
                        {
                            var failure = await VerifyFixAllAsync(project, document, fixer, scope, id, equivalenceKey, diagnostics, before);
                            if (failure is not null)
                            {
                                failures.Add($"{fixer.GetType().Name} Fix All '{equivalenceKey}' in {scope}: {failure}");
                            }

                            verified++;
                        }
                    }
                }
            }

            _output.WriteLine($"{corpus}: {verified} Fix All runs verified");
            Assert.True(verified > 0, "no Fix All was exercised");
            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        }

        private static async Task<string?> VerifyFixAllAsync(Project project, Document document, CodeFixProvider fixer, FixAllScope scope, string id, string? equivalenceKey, ProjectDiagnostics diagnostics, IReadOnlyList<Diagnostic> before)
        {
            var action = await diagnostics.GetFixAllAsync(fixer, document, scope, id, equivalenceKey);
            if (action is null)
            {
                return "offered no action although a single fix exists";
            }

            var fixedProject = (await AnalysisHarness.ApplyAsync(action, project.Solution)).GetProject(project.Id)!;
            var failure = await CheckAsync(project, fixedProject, id, before, KeepsOriginal(equivalenceKey));
            if (failure is not null)
            {
                return failure;
            }

            var again = await diagnostics.GetFixAllAsync(fixer, fixedProject.GetDocument(document.Id)!, scope, id, equivalenceKey);
            if (again is null)
            {
                return null;
            }

            var twiceFixed = (await AnalysisHarness.ApplyAsync(again, fixedProject.Solution)).GetProject(project.Id)!;
            var changed = ChangedDocuments(fixedProject, twiceFixed);
            return changed.Count == 0 ? null : $"a second Fix All changed {string.Join(", ", changed)}";
        }

        /// <summary>For each kind of action (equivalence key) the provider offers, a document where it is offered.</summary>
        private static async Task<IReadOnlyList<(Document Document, string? EquivalenceKey)>> FixAllEntryPointsAsync(Project project, CodeFixProvider fixer, IEnumerable<Diagnostic> candidates)
        {
            var entryPoints = new Dictionary<string, (Document, string?)>();
            foreach (var diagnostic in candidates)
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                foreach (var action in await AnalysisHarness.GetFixesAsync(document, diagnostic, new[] { fixer }))
                {
                    entryPoints.TryAdd(action.EquivalenceKey ?? string.Empty, (document, action.EquivalenceKey));
                }
            }

            return entryPoints.Values.ToList();
        }

        /// <summary>"Add async counterpart" keeps the sync original, and its diagnostic, for callers that stay synchronous.</summary>
        private static bool KeepsOriginal(string? equivalenceKey) =>
            equivalenceKey?.EndsWith(".AddAsyncCounterpart", System.StringComparison.Ordinal) == true;

        private static async Task<string?> CheckAsync(Project original, Project fixedProject, string id, IReadOnlyList<Diagnostic> before, bool keepsOriginal)
        {
            var changed = ChangedDocuments(original, fixedProject);
            if (changed.Count == 0)
            {
                return "the fix changed nothing";
            }

            var errors = await EndToEndCorpora.CompilerErrorsAsync(fixedProject);
            if (errors.Count > 0)
            {
                var text = new StringBuilder().AppendLine("new compiler errors:");
                foreach (var error in errors.Take(10))
                {
                    text.AppendLine(error);
                }

                foreach (var documentId in fixedProject.GetChanges(original).GetChangedDocuments().Take(2))
                {
                    text.AppendLine($"--- {fixedProject.GetDocument(documentId)!.Name} ---")
                        .AppendLine((await fixedProject.GetDocument(documentId)!.GetTextAsync()).ToString());
                }

                return text.ToString();
            }

            var after = await new ProjectDiagnostics(PackageComponents.CreateAnalyzers()).ForProjectAsync(fixedProject);
            var remaining = after.Count(d => d.Id == id);
            var initially = before.Count(d => d.Id == id);
            if (keepsOriginal)
            {
                return remaining <= initially ? null : $"{id} diagnostics went up ({initially} before, {remaining} after)";
            }

            return remaining < initially ? null : $"{id} diagnostics did not go down ({initially} before, {remaining} after)";
        }

        private static List<string> ChangedDocuments(Project original, Project changed) =>
            changed.GetChanges(original).GetChangedDocuments(onlyGetDocumentsWithTextChanges: true)
                .Select(id => changed.GetDocument(id)!.Name)
                .ToList();
    }
}
