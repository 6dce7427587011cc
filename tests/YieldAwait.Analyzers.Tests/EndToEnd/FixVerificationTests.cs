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
    /// Every fix the package offers on the samples and on a generated corpus, applied for real. A single fix compiles with
    /// no new error or warning, removes the diagnostic it names and adds no diagnostic of another YA rule. A Fix All, at
    /// every scope, does the same and also removes every diagnostic in its scope that its equivalence key applies to
    /// (the diagnostics for which the provider offers an action with that key), unless <see cref="FixAllLeavesSome"/>
    /// names why not; run twice, it changes nothing the second time. On the generated corpus, which plants every rule,
    /// every fix provider of the package must be exercised by both.
    /// </summary>
    public class FixVerificationTests
    {
        private static readonly FixAllScope[] Scopes = { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        /// <summary>
        /// The one list of Fix All actions allowed to leave diagnostics their key applies to, by rule and equivalence key
        /// (its suffix after the rule ID), each with the reason.
        /// </summary>
        private static readonly (string Id, string KeySuffix, string Reason)[] FixAllLeavesSome =
        {
            ("YA1001", ".AddAsyncCounterpart", "keeps the sync original, and its diagnostic, for the callers that stay synchronous"),
            ("YA1002", ".AddAsyncCounterpart", "keeps the sync original, and its diagnostic, for the callers that stay synchronous"),
            ("YA1003", ".AddAsyncCounterpart", "keeps the sync original, and its diagnostic, for the callers that stay synchronous"),
        };

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
            var baseline = await Baseline.CreateAsync(project, diagnostics);
            Assert.NotEmpty(baseline.Diagnostics);
            var fixers = PackageComponents.CreateFixProviders();

            var failures = new List<string>();
            var exercised = new HashSet<string>(System.StringComparer.Ordinal);
            var applied = 0;
            foreach (var diagnostic in baseline.Diagnostics)
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    foreach (var action in await AnalysisHarness.GetFixesAsync(document, diagnostic, new[] { fixer }))
                    {
                        var fixedProject = (await AnalysisHarness.ApplyAsync(action, project.Solution)).GetProject(project.Id)!;
                        var mustRemove = LeavesSome(diagnostic.Id, action.EquivalenceKey) is null ? 1 : 0;
                        var failure = await CheckAsync(baseline, fixedProject, diagnostic.Id, mustRemove, diagnostics);
                        if (failure is not null)
                        {
                            failures.Add($"'{action.Title}' for {diagnostic}: {failure}");
                        }

                        exercised.Add(fixer.GetType().Name);
                        applied++;
                    }
                }
            }

            _output.WriteLine($"{corpus}: {baseline.Diagnostics.Length} diagnostics, {applied} fixes applied and verified by {exercised.Count} providers");
            Assert.True(applied > 0, "no fix was offered at all");
            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)) + $"\n({failures.Count} failures)");
            AssertEveryProviderExercised(corpus, exercised, "no fix applied");
        }

        [Theory]
        [MemberData(nameof(Corpora))]
        public async Task FixAll_AtEveryScope_RemovesEveryDiagnosticItAppliesTo_CompilesAndIsIdempotent(string corpus)
        {
            var project = EndToEndCorpora.Load(corpus);
            var diagnostics = new ProjectDiagnostics(PackageComponents.CreateAnalyzers());
            var baseline = await Baseline.CreateAsync(project, diagnostics);
            var failures = new List<string>();
            var exercised = new HashSet<string>(System.StringComparer.Ordinal);
            var verified = 0;
            foreach (var fixer in PackageComponents.CreateFixProviders())
            {
                foreach (var id in fixer.FixableDiagnosticIds)
                {
                    foreach (var entry in await FixAllEntryPointsAsync(project, fixer, baseline.Diagnostics.Where(d => d.Id == id)))
                    {
                        foreach (var scope in Scopes)
                        {
                            var failure = await VerifyFixAllAsync(project, entry, fixer, scope, id, diagnostics, baseline);
                            if (failure is not null)
                            {
                                failures.Add($"{fixer.GetType().Name} Fix All '{entry.EquivalenceKey}' in {scope}: {failure}");
                            }

                            exercised.Add(fixer.GetType().Name);
                            verified++;
                        }
                    }
                }
            }

            _output.WriteLine($"{corpus}: {verified} Fix All runs verified, of {exercised.Count} providers");
            Assert.True(verified > 0, "no Fix All was exercised");
            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(8)) + $"\n({failures.Count} failures)");
            AssertEveryProviderExercised(corpus, exercised, "no Fix All run");
        }

        /// <summary>The generated corpus plants every rule, so every provider must have had something to fix there.</summary>
        private static void AssertEveryProviderExercised(string corpus, IReadOnlySet<string> exercised, string what)
        {
            if (corpus != EndToEndCorpora.Generated)
            {
                return;
            }

            var idle = PackageComponents.CreateFixProviders().Select(p => p.GetType().Name).Where(name => !exercised.Contains(name)).ToList();
            Assert.True(idle.Count == 0, $"Fix providers with {what} on the generated corpus: {string.Join(", ", idle)}");
        }

        private static async Task<string?> VerifyFixAllAsync(Project project, FixAllEntry entry, CodeFixProvider fixer, FixAllScope scope, string id, ProjectDiagnostics diagnostics, Baseline baseline)
        {
            var action = await diagnostics.GetFixAllAsync(fixer, entry.Document, scope, id, entry.EquivalenceKey);
            if (action is null)
            {
                return "offered no action although a single fix exists";
            }

            // The diagnostics this key applies to within the scope: a one-project solution makes Project and Solution alike.
            var entryTree = await entry.Document.GetSyntaxTreeAsync();
            var inScope = scope == FixAllScope.Document ? entry.AppliesTo.Count(d => d.Location.SourceTree == entryTree) : entry.AppliesTo.Count;
            var mustRemove = LeavesSome(id, entry.EquivalenceKey) is null ? inScope : 0;
            var fixedProject = (await AnalysisHarness.ApplyAsync(action, project.Solution)).GetProject(project.Id)!;
            var failure = await CheckAsync(baseline, fixedProject, id, mustRemove, diagnostics);
            if (failure is not null)
            {
                return failure;
            }

            var again = await diagnostics.GetFixAllAsync(fixer, fixedProject.GetDocument(entry.Document.Id)!, scope, id, entry.EquivalenceKey);
            if (again is null)
            {
                return null;
            }

            var twiceFixed = (await AnalysisHarness.ApplyAsync(again, fixedProject.Solution)).GetProject(project.Id)!;
            var changed = ChangedDocuments(fixedProject, twiceFixed);
            return changed.Count == 0 ? null : $"a second Fix All changed {string.Join(", ", changed)}";
        }

        /// <summary>
        /// For each kind of action (equivalence key) the provider offers: a document where it is offered, and every
        /// diagnostic for which it is offered.
        /// </summary>
        private static async Task<IReadOnlyList<FixAllEntry>> FixAllEntryPointsAsync(Project project, CodeFixProvider fixer, IEnumerable<Diagnostic> candidates)
        {
            var entries = new Dictionary<string, FixAllEntry>(System.StringComparer.Ordinal);
            foreach (var diagnostic in candidates)
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                foreach (var key in (await AnalysisHarness.GetFixesAsync(document, diagnostic, new[] { fixer })).Select(a => a.EquivalenceKey).Distinct())
                {
                    if (!entries.TryGetValue(key ?? string.Empty, out var entry))
                    {
                        entry = new FixAllEntry(document, key, new List<Diagnostic>());
                        entries.Add(key ?? string.Empty, entry);
                    }

                    entry.AppliesTo.Add(diagnostic);
                }
            }

            return entries.Values.ToList();
        }

        /// <summary>Why a fix with this key may leave diagnostics it applies to, or null when it must remove them all.</summary>
        private static string? LeavesSome(string id, string? equivalenceKey) =>
            FixAllLeavesSome.Where(e => e.Id == id && equivalenceKey?.EndsWith(e.KeySuffix, System.StringComparison.Ordinal) == true)
                .Select(e => e.Reason)
                .FirstOrDefault();

        /// <summary>
        /// What a fixed project must satisfy against the original: something changed; no compiler error; no compiler warning
        /// beyond the original's (by ID and document); at least <paramref name="mustRemove"/> fewer <paramref name="id"/>
        /// diagnostics, and never more; no more diagnostics of any other YA rule in any document.
        /// </summary>
        private static async Task<string?> CheckAsync(Baseline baseline, Project fixedProject, string id, int mustRemove, ProjectDiagnostics diagnostics)
        {
            var original = baseline.Project;
            var changed = ChangedDocuments(original, fixedProject);
            if (changed.Count == 0)
            {
                return "the fix changed nothing";
            }

            var compilation = (await fixedProject.GetCompilationAsync())!;
            var compilerDiagnostics = compilation.GetDiagnostics();
            var errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var newWarnings = Increases(Baseline.Count(baseline.CompilerWarnings), Baseline.Count(compilerDiagnostics.Where(Baseline.IsWarning)));
            if (errors.Count > 0 || newWarnings.Count > 0)
            {
                var text = new StringBuilder().AppendLine(errors.Count > 0 ? "new compiler errors:" : "new compiler warnings: " + string.Join(", ", newWarnings));
                foreach (var diagnostic in errors.Concat(compilerDiagnostics.Where(Baseline.IsWarning).Where(w => newWarnings.Any(n => n.StartsWith(w.Id + " ", System.StringComparison.Ordinal)))).Take(10))
                {
                    text.AppendLine(diagnostic.ToString());
                }

                foreach (var documentId in fixedProject.GetChanges(original).GetChangedDocuments().Take(2))
                {
                    text.AppendLine($"--- {fixedProject.GetDocument(documentId)!.Name} ---")
                        .AppendLine((await fixedProject.GetDocument(documentId)!.GetTextAsync()).ToString());
                }

                return text.ToString();
            }

            var after = await diagnostics.ForProjectAsync(fixedProject);
            var remaining = after.Count(d => d.Id == id);
            var initially = baseline.Diagnostics.Count(d => d.Id == id);
            if (remaining > initially - mustRemove)
            {
                return mustRemove == 0
                    ? $"{id} diagnostics went up ({initially} before, {remaining} after)"
                    : $"{id} diagnostics did not go down by the {mustRemove} it applies to ({initially} before, {remaining} after): {string.Join("; ", after.Where(d => d.Id == id).Take(5))}";
            }

            var others = Increases(Baseline.Count(baseline.Diagnostics.Where(d => d.Id != id)), Baseline.Count(after.Where(d => d.Id != id)));
            return others.Count == 0
                ? null
                : $"new diagnostics of other rules: {string.Join(", ", others)}: {string.Join("; ", after.Where(d => d.Id != id && others.Any(o => o.StartsWith(d.Id + " ", System.StringComparison.Ordinal))).Take(5))}";
        }

        /// <summary>"ID document (before → after)" for every (ID, document) whose count went up.</summary>
        private static List<string> Increases(IReadOnlyDictionary<(string Id, string Document), int> before, IReadOnlyDictionary<(string Id, string Document), int> after) =>
            after.Where(pair => pair.Value > before.GetValueOrDefault(pair.Key))
                .Select(pair => $"{pair.Key.Id} {pair.Key.Document} ({before.GetValueOrDefault(pair.Key)} → {pair.Value})")
                .OrderBy(s => s, System.StringComparer.Ordinal)
                .ToList();

        private static List<string> ChangedDocuments(Project original, Project changed) =>
            changed.GetChanges(original).GetChangedDocuments(onlyGetDocumentsWithTextChanges: true)
                .Select(id => changed.GetDocument(id)!.Name)
                .ToList();

        /// <summary>A kind of Fix All action: where to start it, its key, and the diagnostics the key applies to.</summary>
        private sealed record FixAllEntry(Document Document, string? EquivalenceKey, List<Diagnostic> AppliesTo);

        /// <summary>The original project, its package diagnostics and its compiler warnings, computed once.</summary>
        private sealed record Baseline(Project Project, System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Diagnostic> CompilerWarnings)
        {
            public static async Task<Baseline> CreateAsync(Project project, ProjectDiagnostics diagnostics)
            {
                var compilation = (await project.GetCompilationAsync())!;
                return new Baseline(project, await diagnostics.ForProjectAsync(project), compilation.GetDiagnostics().Where(IsWarning).ToList());
            }

            public static bool IsWarning(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Warning;

            public static IReadOnlyDictionary<(string Id, string Document), int> Count(IEnumerable<Diagnostic> diagnostics) =>
                diagnostics.GroupBy(d => (d.Id, System.IO.Path.GetFileName(d.Location.SourceTree?.FilePath ?? "")))
                    .ToDictionary(g => g.Key, g => g.Count());
        }
    }
}
