using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using YieldAwait.CodeFixes.Conversion.Policies;
using YieldAwait.CodeFixes.Editing;
using YieldAwait.CodeFixes.Rewrites.AsyncIterator;

namespace YieldAwait.CodeFixes.FixAll
{
    /// <summary>
    /// Fix All for "Convert to async iterator": the flagged iterators of the scope and their callers change
    /// together in one plan, because one conversion's edits (callers, signatures) overlap another's.
    /// </summary>
    internal static class AsyncIteratorFixAllProvider
    {
        public static readonly FixAllProvider Instance = WholeScopeFixAllProvider.Create(PlanAsync);

        private static async Task<CodeAction?> PlanAsync(FixAllContext fixAllContext, IReadOnlyList<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> flagged)
        {
            var asCounterparts = fixAllContext.CodeActionEquivalenceKey?.EndsWith(ConvertToAsyncIteratorAction.CounterpartKeySuffix, System.StringComparison.Ordinal) == true;

            // A conversion skips the iterators that sync code enumerates too; only their counterparts can be added.
            var seeds = await WholeScopeFixAllProvider.SeedsAsync(
                flagged,
                (root, diagnostic) => asCounterparts || !ConvertToAsyncIteratorAction.CounterpartOnly(diagnostic) ? DiagnosticTargets.EnclosingFunction(root, diagnostic) : null,
                fixAllContext.CancellationToken).ConfigureAwait(false);

            var solution = fixAllContext.Solution;
            var plan = await AsyncIteratorPolicy.PlanManyAsync(solution, seeds, asCounterparts, RuleId(flagged), fixAllContext.CancellationToken).ConfigureAwait(false);
            return plan is null
                ? null
                : CodeAction.Create(
                    asCounterparts ? "Add async counterparts" : "Convert iterators to async iterators",
                    cancellationToken => AsyncIteratorConverter.ApplyAsync(plan, cancellationToken),
                    fixAllContext.CodeActionEquivalenceKey);
        }

        /// <summary>The rule whose diagnostics are fixed (one provider, one rule), for its <c>api_surface</c> key.</summary>
        private static string RuleId(IReadOnlyList<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> flagged) =>
            flagged.SelectMany(f => f.Diagnostics).Select(d => d.Id).FirstOrDefault() ?? string.Empty;
    }
}
