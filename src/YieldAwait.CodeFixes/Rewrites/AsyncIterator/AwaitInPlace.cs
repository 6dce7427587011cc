using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>
    /// YA1005's fix: blocking forms inside a function that is already async become awaits where they
    /// stand, passing the function's token (the <c>[EnumeratorCancellation]</c> one first).
    /// </summary>
    internal static class AwaitInPlace
    {
        /// <summary>The rewrites for the reported nodes, each with the token of its function; unfixable ones are left out.</summary>
        public static async Task<IReadOnlyList<(AwaitRewrite Rewrite, string? Token)>> PlanAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var context = model is null ? null : RewriteContext.TryCreate(model.Compilation, document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider);
            var rewrites = new List<(AwaitRewrite, string?)>();
            if (root is null || model is null || context is null)
            {
                return rewrites;
            }

            foreach (var diagnostic in diagnostics)
            {
                var node = DiagnosticTargets.ReportedNode(root, diagnostic);
                var function = DiagnosticTargets.EnclosingFunction(root, diagnostic);
                if (node is null || function is null
                    || AwaitRewriteSources.TryCreate(node, model, context, cancellationToken) is not { } rewrite)
                {
                    continue;
                }

                rewrites.Add((rewrite, TokenOf(function, model, context.CancellationTokenType, cancellationToken)));
            }

            return rewrites;
        }

        public static async Task<Document> ApplyAsync(Document document, IReadOnlyList<(AwaitRewrite Rewrite, string? Token)> rewrites, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var (rewrite, token) in rewrites.OrderBy(r => r.Rewrite.Node.Span.Length))
            {
                var tokenExpression = token is null ? null : SyntaxFactory.IdentifierName(token);
                editor.ReplaceNode(rewrite.Node, (current, _) => rewrite.Apply(current, tokenExpression).WithAdditionalAnnotations(Formatter.Annotation));
            }

            return await DocumentCleanup.RunAsync(editor.GetChangedDocument(), document, cancellationToken).ConfigureAwait(false);
        }

        private static string? TokenOf(SyntaxNode function, SemanticModel model, INamedTypeSymbol cancellationTokenType, CancellationToken cancellationToken)
        {
            if (model.GetDeclaredSymbol(function, cancellationToken) is not IMethodSymbol method)
            {
                return null;
            }

            var tokens = method.Parameters.Where(p => SymbolEqualityComparer.Default.Equals(p.Type, cancellationTokenType)).ToList();
            var enumeratorCancellation = model.Compilation.GetBestTypeByMetadataName("System.Runtime.CompilerServices.EnumeratorCancellationAttribute");
            var marked = tokens.FirstOrDefault(p => p.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, enumeratorCancellation)));
            return marked?.Name ?? (tokens.Count == 1 ? tokens[0].Name : null);
        }
    }
}
