using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using YieldAwait.Analyzers;
using YieldAwait.CodeFixes.Editing;
using YieldAwait.CodeFixes.Rewrites;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA1006: "Make the query an async stream". The pipeline moves to async LINQ from its first blocking lambda on
    /// (<c>.ToAsyncEnumerable()</c>, then .NET 10's <c>Select(async (x, ct) => await …)</c> or System.Linq.Async's
    /// <c>SelectAwait(async x => await …)</c>), and its consumer awaits (<c>await foreach</c>, <c>await ….ToListAsync()</c>).
    /// Offered only in async functions, where async LINQ is referenced, and when the result compiles; see
    /// <see cref="LazyQueryToAsyncStream"/>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA1006BlockingWaitInLazyQueryCodeFix)), Shared]
    public sealed class YA1006BlockingWaitInLazyQueryCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA1006.MakeQueryAsyncStream";

        private const string Title = "Make the query an async stream";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.BlockingWaitInLazyQuery);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            (context, document, diagnostics) => FixAllInDocumentAsync(document, diagnostics, context.CancellationToken));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var fixedDocument = await TryFixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (fixedDocument is not null)
                {
                    context.RegisterCodeFix(CodeAction.Create(Title, _ => Task.FromResult(fixedDocument), EquivalenceKey), diagnostic);
                }
            }
        }

        /// <summary>
        /// Each pipeline is planned once (several reported forms can share it) and checked on its own; the ones that pass are applied
        /// together. A pipeline nested inside another's lambda is left for a second run.
        /// </summary>
        private static async Task<Document?> FixAllInDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var sound = new List<LazyQueryToAsyncStream>();
            foreach (var diagnostic in diagnostics)
            {
                if (await SoundPlanAsync(document, root, model, diagnostic, cancellationToken).ConfigureAwait(false) is { } found
                    && found.Plan is var plan
                    && !sound.Any(p => p.Consumer == plan.Consumer))
                {
                    sound.Add(plan);
                }
            }

            var outermost = sound.Where(plan => !sound.Any(other => other != plan && other.Consumer.Span.Contains(plan.Consumer.Span))).ToList();
            return outermost.Count == 0
                ? document
                : await DocumentCleanup.RunAsync(document.WithSyntaxRoot(LazyQueryToAsyncStream.Apply(root, outermost)), document, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<Document?> TryFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return root is null || model is null
                ? null
                : (await SoundPlanAsync(document, root, model, diagnostic, cancellationToken).ConfigureAwait(false))?.Fixed;
        }

        /// <summary>The plan with untyped lambda parameters if that binds as intended, else with typed ones, else null.</summary>
        private static async Task<(LazyQueryToAsyncStream Plan, Document Fixed)?> SoundPlanAsync(
            Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            foreach (var typed in new[] { false, true })
            {
                if (LazyQueryToAsyncStream.TryPlan(root, model, diagnostic, typed, cancellationToken) is { } plan
                    && await TryApplyAsync(document, root, model, new[] { plan }, cancellationToken).ConfigureAwait(false) is { } fixedDocument)
                {
                    return (plan, fixedDocument);
                }
            }

            return null;
        }

        /// <summary>The rewritten document, or null when it would add a compiler error or bind a converted lambda synchronously.</summary>
        private static async Task<Document?> TryApplyAsync(
            Document document, SyntaxNode root, SemanticModel model, IReadOnlyList<LazyQueryToAsyncStream> plans, CancellationToken cancellationToken)
        {
            var changed = document.WithSyntaxRoot(LazyQueryToAsyncStream.Apply(root, plans));
            if (!await LazyQueryToAsyncStream.IsSoundAsync(model, changed, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return await DocumentCleanup.RunAsync(changed, document, cancellationToken).ConfigureAwait(false);
        }
    }
}
