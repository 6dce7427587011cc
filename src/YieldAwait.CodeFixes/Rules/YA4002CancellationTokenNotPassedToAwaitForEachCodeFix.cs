using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using YieldAwait.Analyzers;
using YieldAwait.Analyzers.FixProperties;
using YieldAwait.Analyzers.Rules;
using YieldAwait.CodeFixes.Cancellation;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA4002 "Pass the token with WithCancellation": <c>await foreach (var x in stream)</c> becomes
    /// <c>await foreach (var x in stream.WithCancellation(token))</c>, before any <c>.ConfigureAwait(…)</c>, with the token the analyzer chose.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA4002CancellationTokenNotPassedToAwaitForEachCodeFix)), Shared]
    public sealed class YA4002CancellationTokenNotPassedToAwaitForEachCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA4002.WithCancellation";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.CancellationTokenNotPassedToAwaitForEach);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) =>
            {
                var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                var targets = root is null ? new List<(ExpressionSyntax, ExpressionSyntax)>() : diagnostics.Select(d => Target(root, d)).OfType<(ExpressionSyntax, ExpressionSyntax)>().ToList();
                return targets.Count == 0 ? document : await ApplyAsync(document, targets, context.CancellationToken).ConfigureAwait(false);
            });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Target(root, diagnostic) is not { } target)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Pass '{target.Token}' with WithCancellation",
                        cancellationToken => ApplyAsync(context.Document, new[] { target }, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The reported stream expression and the token to pass; null when the diagnostic no longer matches the code.</summary>
        private static (ExpressionSyntax Stream, ExpressionSyntax Token)? Target(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!YA4002FixProperties.TryRead(diagnostic, out var properties)
                || DiagnosticTargets.ReportedNode(root, diagnostic) is not ExpressionSyntax stream
                || SyntaxFactory.ParseExpression(properties.Token) is not { ContainsDiagnostics: false } token)
            {
                return null;
            }

            while (stream.Parent is ExpressionSyntax parent && parent.Span == stream.Span)
            {
                stream = parent;
            }

            return stream.FirstAncestorOrSelf<CommonForEachStatementSyntax>() is { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword } ? (stream, token) : null;
        }

        private static async Task<Document> ApplyAsync(Document document, IReadOnlyList<(ExpressionSyntax Stream, ExpressionSyntax Token)> targets, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var (stream, token) in targets.OrderBy(t => t.Stream.Span.Length))
            {
                editor.ReplaceNode(stream, (current, _) => TokenFlow.WithCancellation((ExpressionSyntax)current, token));
            }

            var changed = editor.GetChangedDocument();
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var first = targets[0].Stream;
            if (model is not null && !TokenFlow.WithCancellationBinds(first, first.SpanStart, model)
                && await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax unit)
            {
                changed = changed.WithSyntaxRoot(DocumentCleanup.AddUsing(unit, "System.Threading.Tasks"));
            }

            return await DocumentCleanup.RunAsync(changed, document, cancellationToken).ConfigureAwait(false);
        }
    }
}
