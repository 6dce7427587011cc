using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using YieldAwait.Analyzers;
using YieldAwait.CodeFixes.Cancellation;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA4001 "Make the async iterator cancellable": adds <c>[EnumeratorCancellation] CancellationToken cancellationToken = default</c>
    /// (or marks the token it already has) and passes the token to the awaited calls and <c>await foreach</c> loops in its body.
    /// Not offered for a base or interface member, nor where a longer signature would break a caller.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA4001AsyncIteratorCannotBeCancelledCodeFix)), Shared]
    public sealed class YA4001AsyncIteratorCannotBeCancelledCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA4001.MakeCancellable";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.AsyncIteratorCannotBeCancelled);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) =>
            {
                var plans = new List<CancellableIteratorPlan>();
                foreach (var diagnostic in diagnostics)
                {
                    if (await CancellableIteratorPlan.TryCreateAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
                    {
                        plans.Add(plan);
                    }
                }

                return plans.Count == 0 ? document : await ApplyAsync(document, plans, context.CancellationToken).ConfigureAwait(false);
            });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await CancellableIteratorPlan.TryCreateAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } plan)
                {
                    continue;
                }

                var title = plan.Marked is null ? "Add a cancellation token" : $"Mark '{plan.Token}' with [EnumeratorCancellation]";
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => ApplyAsync(context.Document, new[] { plan }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, IReadOnlyList<CancellableIteratorPlan> plans, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var plan in plans)
            {
                plan.ApplyTo(editor);
            }

            var changed = editor.GetChangedDocument();
            var streams = plans.SelectMany(p => p.Flow).Where(e => e.AddsWithCancellation).ToList();
            if (streams.Count > 0)
            {
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var stream = (ExpressionSyntax)streams[0].Node;
                if (model is not null && !TokenFlow.WithCancellationBinds(stream, stream.SpanStart, model)
                    && await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax unit)
                {
                    changed = changed.WithSyntaxRoot(DocumentCleanup.AddUsing(unit, "System.Threading.Tasks"));
                }
            }

            return await DocumentCleanup.RunAsync(changed, document, cancellationToken).ConfigureAwait(false);
        }
    }
}
