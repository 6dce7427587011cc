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
using Microsoft.CodeAnalysis.Formatting;
using YieldAwait.Analyzers;
using YieldAwait.Analyzers.FixProperties;
using YieldAwait.Analyzers.Rules;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA3002 "Materialise before disposal": <c>return xs;</c> → <c>return xs.ToList();</c> inside the <c>using</c>; and
    /// "Convert to iterator": <c>return xs;</c> → <c>foreach (var item in xs) yield return item;</c>, so the resource stays
    /// open until the consumer has finished.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA3002LazySequenceOutlivesResourceCodeFix)), Shared]
    public sealed class YA3002LazySequenceOutlivesResourceCodeFix : CodeFixProvider
    {
        public const string MaterialiseKey = "YA3002.MaterialiseBeforeDisposal";
        public const string ConvertToIteratorKey = "YA3002.ConvertToIterator";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.LazySequenceOutlivesResource);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) => context.CodeActionEquivalenceKey == ConvertToIteratorKey
                ? await ConvertToIteratorAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false)
                : await MaterialiseAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            var document = context.Document;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (Expression(root, diagnostic) is null)
                {
                    continue;
                }

                if (CanMaterialise(diagnostic))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Materialise before disposal", ct => MaterialiseAsync(document, new[] { diagnostic }, ct), MaterialiseKey),
                        diagnostic);
                }

                if (CanConvertToIterator(diagnostic)
                    && Expression(root, diagnostic)?.Parent is ReturnStatementSyntax)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Convert to iterator", ct => ConvertToIteratorAsync(document, new[] { diagnostic }, ct), ConvertToIteratorKey),
                        diagnostic);
                }
            }
        }

        private static bool CanMaterialise(Diagnostic diagnostic) =>
            YA3002FixProperties.TryRead(diagnostic, out var properties) && properties.CanMaterialise;

        private static bool CanConvertToIterator(Diagnostic diagnostic) =>
            YA3002FixProperties.TryRead(diagnostic, out var properties) && properties.CanConvertToIterator;

        private static ExpressionSyntax? Expression(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax expression
                && expression.Span == diagnostic.Location.SourceSpan
                ? expression
                : null;

        private static async Task<Document> MaterialiseAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is not CompilationUnitSyntax unit || model is null)
            {
                return document;
            }

            var expressions = diagnostics
                .Where(CanMaterialise)
                .Select(d => Expression(root, d))
                .OfType<ExpressionSyntax>()
                .Distinct()
                .ToList();
            if (expressions.Count == 0)
            {
                return document;
            }

            var needsLinq = false;
            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var expression in expressions)
            {
                var materialised = ToListMaterialisation.Materialise(expression);
                needsLinq |= ToListMaterialisation.NeedsLinqImport(model, expression, materialised);
                replacements[expression] = materialised;
            }

            var newRoot = (CompilationUnitSyntax)unit.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            if (needsLinq)
            {
                newRoot = ToListMaterialisation.EnsureLinqImport(newRoot);
            }

            return await Formatter.FormatAsync(document.WithSyntaxRoot(newRoot), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        private static async Task<Document> ConvertToIteratorAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var returns = diagnostics
                .Where(CanConvertToIterator)
                .Select(d => Expression(root, d)?.Parent)
                .OfType<ReturnStatementSyntax>()
                .Distinct()
                .ToList();
            if (returns.Count == 0)
            {
                return document;
            }

            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var returnStatement in returns)
            {
                var function = returnStatement.Ancestors().First(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax);
                var taken = new HashSet<string>(function.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
                var name = "item";
                for (var i = 2; taken.Contains(name) || !model.LookupSymbols(returnStatement.SpanStart, name: name).IsEmpty; i++)
                {
                    name = "item" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var loop = SyntaxFactory.ForEachStatement(
                        SyntaxFactory.IdentifierName("var"),
                        SyntaxFactory.Identifier(name),
                        returnStatement.Expression!.WithoutTrivia(),
                        SyntaxFactory.Block(SyntaxFactory.YieldStatement(SyntaxKind.YieldReturnStatement, SyntaxFactory.IdentifierName(name))))
                    .WithTriviaFrom(returnStatement)
                    .WithAdditionalAnnotations(Formatter.Annotation);
                replacements[returnStatement] = loop;
            }

            var newRoot = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            return await Formatter.FormatAsync(document.WithSyntaxRoot(newRoot), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
