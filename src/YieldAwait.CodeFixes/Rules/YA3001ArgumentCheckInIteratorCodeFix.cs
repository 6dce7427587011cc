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
using YieldAwait.Analyzers.FixProperties;
using YieldAwait.CodeFixes.Editing;
using YieldAwait.CodeFixes.FixAll;
using YieldAwait.CodeFixes.Rewrites;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA3001 "Validate eagerly": the iterator becomes a method that runs its argument checks and returns a local
    /// iterator function holding the rest of the body (async iterators keep <c>async</c> and the
    /// <c>[EnumeratorCancellation]</c> token on the local function). Not offered where the checks cannot move unchanged.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA3001ArgumentCheckInIteratorCodeFix)), Shared]
    public sealed class YA3001ArgumentCheckInIteratorCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA3001.ValidateEagerly";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.ArgumentCheckInIterator);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) => await SplitAllAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!IsMovable(diagnostic)
                    || DiagnosticTargets.EnclosingFunction(root, diagnostic) is not { } function
                    || EagerValidationSplit.Plan(model, function, CheckStatements(diagnostic), context.CancellationToken) is not { } plan)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Validate arguments eagerly (the body moves to local iterator '{plan.IteratorName}')",
                        cancellationToken => SplitAsync(document, plan, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> SplitAsync(Document document, SplitPlan plan, CancellationToken cancellationToken)
        {
            var split = await EagerValidationSplit.ApplyAsync(document, plan, cancellationToken).ConfigureAwait(false);
            return await DocumentCleanup.RunAsync(split, document, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Splits every flagged iterator of the document, innermost first (a local iterator inside another iterator is
        /// split before its container), re-planning each one on the document as it stands by then.
        /// </summary>
        private static async Task<Document> SplitAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var original = document;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var targets = new Dictionary<SyntaxNode, HashSet<int>>();
            foreach (var diagnostic in diagnostics.Where(IsMovable))
            {
                if (DiagnosticTargets.EnclosingFunction(root, diagnostic) is { } function)
                {
                    if (!targets.TryGetValue(function, out var indices))
                    {
                        targets[function] = indices = new HashSet<int>();
                    }

                    indices.UnionWith(CheckStatements(diagnostic));
                }
            }

            if (targets.Count == 0)
            {
                return document;
            }

            var split = await SequentialFixAll.ApplyInTurnAsync(
                document,
                root,
                targets.OrderByDescending(t => t.Key.Ancestors().Count()).Select(t => (t.Key, (IReadOnlyCollection<int>)t.Value)).ToList(),
                SplitOneAsync,
                cancellationToken).ConfigureAwait(false);
            return await DocumentCleanup.RunAsync(split, original, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>One flagged iterator, re-planned on the document as the earlier splits left it; null when it no longer splits.</summary>
        private static async Task<Document?> SplitOneAsync(Document document, SyntaxNode function, IReadOnlyCollection<int> checks, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return model is not null && EagerValidationSplit.Plan(model, function, checks, cancellationToken) is { } plan
                ? await EagerValidationSplit.ApplyAsync(document, plan, cancellationToken).ConfigureAwait(false)
                : null;
        }

        private static bool IsMovable(Diagnostic diagnostic) =>
            YA3001FixProperties.TryRead(diagnostic, out var properties) && properties.Movable;

        private static IReadOnlyCollection<int> CheckStatements(Diagnostic diagnostic) =>
            YA3001FixProperties.TryRead(diagnostic, out var properties) ? properties.CheckStatements : ImmutableArray<int>.Empty;
    }
}
