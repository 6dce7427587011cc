using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace YieldAwait.CodeFixes.FixAll
{
    /// <summary>
    /// The per-document Fix All of fixes whose rewrites are planned on compiled code and may touch each other (a copy nested in
    /// another, a local function inside the method being converted): each target is fixed in turn on the document the previous
    /// fixes produced, found again there through an annotation, and re-planned on the recompiled document.
    /// </summary>
    internal static class SequentialFixAll
    {
        /// <param name="targets">The distinct nodes to fix, in the order to fix them, each with what its fix needs from the diagnostic.</param>
        /// <param name="fixOne">Fixes one target in the current document; null when that target no longer fixes.</param>
        public static async Task<Document> ApplyInTurnAsync<TState>(
            Document document,
            SyntaxNode root,
            IReadOnlyList<(SyntaxNode Target, TState State)> targets,
            Func<Document, SyntaxNode, TState, CancellationToken, Task<Document?>> fixOne,
            CancellationToken cancellationToken)
        {
            var annotations = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var (target, _) in targets)
            {
                if (!annotations.ContainsKey(target))
                {
                    annotations.Add(target, new SyntaxAnnotation("YieldAwait.FixAllTarget"));
                }
            }

            if (annotations.Count == 0)
            {
                return document;
            }

            var current = document.WithSyntaxRoot(root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original])));
            var changed = false;
            foreach (var (target, state) in targets)
            {
                var currentRoot = await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (currentRoot?.GetAnnotatedNodes(annotations[target]).FirstOrDefault() is { } node
                    && await fixOne(current, node, state, cancellationToken).ConfigureAwait(false) is { } next)
                {
                    current = next;
                    changed = true;
                }
            }

            // The annotations alone must not count as a change (Fix All run again must leave the document alone).
            return changed ? current : document;
        }
    }
}
