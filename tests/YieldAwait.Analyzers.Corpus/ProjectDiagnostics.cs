using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace YieldAwait.Analyzers.Corpus
{
    /// <summary>
    /// Serves the package's diagnostics of a project to Fix All, the way an IDE or <c>dotnet format</c> does:
    /// computed by running the analyzers on the project's current compilation.
    /// </summary>
    public sealed class ProjectDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

        /// <summary>
        /// One analysis per project snapshot: a Fix All asks for the same project's diagnostics at each scope and again
        /// for its second run, and the analyzers are deterministic (DeterminismTests), so the answer is computed once.
        /// </summary>
        private readonly ConditionalWeakTable<Project, Task<ImmutableArray<Diagnostic>>> _byProject = new();

        public ProjectDiagnostics(ImmutableArray<DiagnosticAnalyzer> analyzers) => _analyzers = analyzers;

        public Task<ImmutableArray<Diagnostic>> ForProjectAsync(Project project, CancellationToken cancellationToken = default) =>
            _byProject.GetValue(project, AnalyzeAsync);

        // Not cancellable: a cancelled analysis must not be what later callers get.
        private async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
        {
            var compilation = await project.GetCompilationAsync().ConfigureAwait(false);
            var run = await AnalysisHarness.AnalyzeAsync(compilation!, _analyzers).ConfigureAwait(false);
            return run.Diagnostics;
        }

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            ForProjectAsync(project, cancellationToken).ContinueWith(t => (IEnumerable<Diagnostic>)t.Result, cancellationToken, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var all = await ForProjectAsync(document.Project, cancellationToken).ConfigureAwait(false);
            return all.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        /// <summary>The Fix All action of <paramref name="provider"/> for one ID at one scope, as the light bulb would offer it.</summary>
        public Task<CodeAction?> GetFixAllAsync(CodeFixProvider provider, Document document, FixAllScope scope, string diagnosticId, string? equivalenceKey, CancellationToken cancellationToken = default)
        {
            var fixAll = provider.GetFixAllProvider();
            if (fixAll is null)
            {
                return Task.FromResult<CodeAction?>(null);
            }

            var context = scope == FixAllScope.Document
                ? new FixAllContext(document, provider, scope, equivalenceKey, new[] { diagnosticId }, this, cancellationToken)
                : new FixAllContext(document.Project, provider, scope, equivalenceKey, new[] { diagnosticId }, this, cancellationToken);
            return fixAll.GetFixAsync(context);
        }
    }
}
