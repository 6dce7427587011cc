using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace YieldAwait.CodeFixes.FixAll
{
    /// <summary>
    /// Fix All for the fixes that plan one change for the whole scope (the async-iterator conversion, task streams, buffered
    /// lists): their edits overlap, because a converted method's callers may sit in another converted method, so the flagged
    /// documents of the scope go to one plan instead of one fix per document.
    /// </summary>
    internal sealed class WholeScopeFixAllProvider : FixAllProvider
    {
        private readonly Func<FixAllContext, IReadOnlyList<(Document Document, ImmutableArray<Diagnostic> Diagnostics)>, Task<CodeAction?>> _plan;

        private WholeScopeFixAllProvider(Func<FixAllContext, IReadOnlyList<(Document Document, ImmutableArray<Diagnostic> Diagnostics)>, Task<CodeAction?>> plan) =>
            _plan = plan;

        /// <summary>A provider whose <paramref name="plan"/> gets the scope's flagged documents, each with its diagnostics.</summary>
        public static WholeScopeFixAllProvider Create(
            Func<FixAllContext, IReadOnlyList<(Document Document, ImmutableArray<Diagnostic> Diagnostics)>, Task<CodeAction?>> plan) => new(plan);

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            await _plan(fixAllContext, await FlaggedDocumentsAsync(fixAllContext).ConfigureAwait(false)).ConfigureAwait(false);

        /// <summary>The distinct declarations the diagnostics point at (<paramref name="seedOf"/>), with their documents, in scope order.</summary>
        public static async Task<List<(Document Document, SyntaxNode Seed)>> SeedsAsync(
            IEnumerable<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> flagged,
            Func<SyntaxNode, Diagnostic, SyntaxNode?> seedOf,
            System.Threading.CancellationToken cancellationToken)
        {
            var seeds = new List<(Document, SyntaxNode)>();
            foreach (var (document, diagnostics) in flagged)
            {
                if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
                {
                    continue;
                }

                seeds.AddRange(diagnostics
                    .Select(d => seedOf(root, d))
                    .Where(n => n is not null)
                    .Distinct()
                    .Select(n => (document, n!)));
            }

            return seeds;
        }

        private static async Task<List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)>> FlaggedDocumentsAsync(FixAllContext context)
        {
            var documents = context.Scope switch
            {
                FixAllScope.Document when context.Document is not null => new[] { context.Document },
                FixAllScope.Project => context.Project.Documents.ToArray(),
                FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                _ => Array.Empty<Document>(),
            };

            var flagged = new List<(Document, ImmutableArray<Diagnostic>)>();
            foreach (var document in documents)
            {
                var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                if (!diagnostics.IsEmpty)
                {
                    flagged.Add((document, diagnostics));
                }
            }

            return flagged;
        }
    }
}
