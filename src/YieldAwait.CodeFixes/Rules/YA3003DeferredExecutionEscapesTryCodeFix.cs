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
using YieldAwait.Analyzers;
using YieldAwait.Analyzers.FixProperties;
using YieldAwait.Analyzers.Rules;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA3003 "Materialise inside the try": <c>return xs.Select(Parse);</c> becomes <c>return xs.Select(Parse).ToList();</c>, so the
    /// sequence runs while the catch still guards it. Offered only where a <c>List&lt;T&gt;</c> fits the return type or local
    /// (never for async streams, which have no synchronous materialisation).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA3003DeferredExecutionEscapesTryCodeFix)), Shared]
    public sealed class YA3003DeferredExecutionEscapesTryCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA3003.MaterialiseInsideTry";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.DeferredExecutionEscapesTry);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) => await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Target(root, diagnostic) is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Materialise with ToList() inside the try",
                        cancellationToken => ApplyAsync(context.Document, new[] { diagnostic }, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var targets = diagnostics.Select(d => Target(root, d)).OfType<ExpressionSyntax>().Distinct().ToList();
            if (targets.Count == 0)
            {
                return document;
            }

            var needsImport = targets.Any(t => ToListMaterialisation.NeedsLinqImport(model, t, ToListMaterialisation.Materialise(t)));
            var updated = root.ReplaceNodes(targets, (_, current) => ToListMaterialisation.Materialise(current));
            if (needsImport && updated is CompilationUnitSyntax unit)
            {
                updated = ToListMaterialisation.EnsureLinqImport(unit);
            }

            return await DocumentCleanup.RunAsync(document.WithSyntaxRoot(updated), document, cancellationToken).ConfigureAwait(false);
        }

        private static ExpressionSyntax? Target(SyntaxNode root, Diagnostic diagnostic) =>
            YA3003FixProperties.TryRead(diagnostic, out var properties) && properties.CanMaterialise
                && DiagnosticTargets.ReportedNode(root, diagnostic) is ExpressionSyntax expression
                && expression.Span == diagnostic.Location.SourceSpan
                ? expression
                : null;
    }
}
