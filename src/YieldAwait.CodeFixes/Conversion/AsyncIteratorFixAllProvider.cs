using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace YieldAwait.CodeFixes.Conversion
{
    /// <summary>
    /// Fix All for "Convert to async iterator": the flagged iterators of the scope and their callers change
    /// together in one plan, because one conversion's edits (callers, signatures) overlap another's.
    /// </summary>
    internal sealed class AsyncIteratorFixAllProvider : FixAllProvider
    {
        public static readonly AsyncIteratorFixAllProvider Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var asCounterparts = fixAllContext.CodeActionEquivalenceKey?.EndsWith(ConvertToAsyncIteratorAction.CounterpartKeySuffix, System.StringComparison.Ordinal) == true;
            var seeds = new List<(Document, SyntaxNode)>();
            foreach (var (document, diagnostics) in await FixAllScopeDocuments.CollectAsync(fixAllContext).ConfigureAwait(false))
            {
                var root = await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
                seeds.AddRange(diagnostics
                    .Where(d => asCounterparts || !d.Properties.ContainsKey(ConvertToAsyncIteratorAction.CounterpartOnlyProperty))
                    .Select(d => DiagnosticTargets.EnclosingFunction(root!, d))
                    .Where(n => n is not null)
                    .Distinct()
                    .Select(n => (document, n!)));
            }

            var solution = fixAllContext.Solution;
            var plan = await AsyncIteratorConversionPlanner.PlanManyAsync(solution, seeds, asCounterparts, fixAllContext.CancellationToken).ConfigureAwait(false);
            return plan is null
                ? null
                : CodeAction.Create(
                    asCounterparts ? "Add async counterparts" : "Convert iterators to async iterators",
                    cancellationToken => AsyncIteratorConverter.ApplyAsync(plan, cancellationToken),
                    fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
