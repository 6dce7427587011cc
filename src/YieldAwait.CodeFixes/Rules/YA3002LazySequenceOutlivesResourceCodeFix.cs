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
        public const string ConvertToAsyncIteratorKey = "YA3002.ConvertToAsyncIterator";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.LazySequenceOutlivesResource);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) => context.CodeActionEquivalenceKey switch
            {
                ConvertToIteratorKey => await ConvertToIteratorAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false),
                ConvertToAsyncIteratorKey => await ConvertToAsyncIteratorAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false),
                _ => await MaterialiseAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false),
            });

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

                if ((YA3002FixProperties.TryRead(diagnostic, out var asyncProperties) && asyncProperties.CanConvertToAsyncIterator)
                    && Expression(root, diagnostic)?.Parent is ReturnStatementSyntax)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Convert to async iterator", ct => ConvertToAsyncIteratorAsync(document, new[] { diagnostic }, ct), ConvertToAsyncIteratorKey),
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

        /// <summary>
        /// <c>return stream;</c> → <c>await foreach (var item in stream) { yield return item; }</c> and the method becomes
        /// <c>async</c>: an async iterator owns its <c>using</c>, so the resource stays open until the consumer has finished.
        /// A token parameter is marked <c>[EnumeratorCancellation]</c> so a consumer's <c>WithCancellation</c> reaches it.
        /// </summary>
        private static async Task<Document> ConvertToAsyncIteratorAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var functions = diagnostics
                .Where(d => YA3002FixProperties.TryRead(d, out var properties) && properties.CanConvertToAsyncIterator)
                .Select(d => Expression(root, d)?.Parent)
                .OfType<ReturnStatementSyntax>()
                .Select(r => (Return: r, Function: r.Ancestors().FirstOrDefault(a => a is MethodDeclarationSyntax or LocalFunctionStatementSyntax)))
                .Where(pair => pair.Function is not null)
                .GroupBy(pair => pair.Function!)
                .ToList();
            if (functions.Count == 0)
            {
                return document;
            }

            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var group in functions)
            {
                var function = group.Key;
                var returnStatement = group.First().Return;
                var name = ItemName(model, function, returnStatement);
                var loop = SyntaxFactory.ForEachStatement(
                        SyntaxFactory.IdentifierName("var"),
                        SyntaxFactory.Identifier(name),
                        returnStatement.Expression!.WithoutTrivia(),
                        SyntaxFactory.Block(SyntaxFactory.YieldStatement(SyntaxKind.YieldReturnStatement, SyntaxFactory.IdentifierName(name))))
                    .WithAwaitKeyword(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                    .WithTriviaFrom(returnStatement)
                    .WithAdditionalAnnotations(Formatter.Annotation);
                var parameters = function switch
                {
                    MethodDeclarationSyntax method => MarkToken(model, method.ParameterList),
                    LocalFunctionStatementSyntax local => MarkToken(model, local.ParameterList),
                    _ => null,
                };
                var changed = function.ReplaceNode(returnStatement, loop);
                replacements[function] = changed switch
                {
                    MethodDeclarationSyntax method => method
                        .WithModifiers(AddAsync(method.Modifiers, method.ReturnType))
                        .WithReturnType(method.Modifiers.Count == 0 ? method.ReturnType.WithoutLeadingTrivia() : method.ReturnType)
                        .WithParameterList(parameters!),
                    LocalFunctionStatementSyntax local => local
                        .WithModifiers(AddAsync(local.Modifiers, local.ReturnType))
                        .WithReturnType(local.Modifiers.Count == 0 ? local.ReturnType.WithoutLeadingTrivia() : local.ReturnType)
                        .WithParameterList(parameters!),
                    _ => changed,
                };
            }

            var newRoot = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            return await DocumentCleanup.RunAsync(document.WithSyntaxRoot(newRoot), document, cancellationToken).ConfigureAwait(false);
        }

        private static string ItemName(SemanticModel model, SyntaxNode function, StatementSyntax at)
        {
            var taken = new HashSet<string>(function.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            var name = "item";
            for (var i = 2; taken.Contains(name) || !model.LookupSymbols(at.SpanStart, name: name).IsEmpty; i++)
            {
                name = "item" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }

        /// <summary>The modifiers with <c>async</c> last (before the return type); the return type's leading trivia moves onto the first modifier when there was none.</summary>
        private static SyntaxTokenList AddAsync(SyntaxTokenList modifiers, TypeSyntax returnType)
        {
            var asyncKeyword = SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            return modifiers.Count == 0
                ? SyntaxFactory.TokenList(asyncKeyword.WithLeadingTrivia(returnType.GetLeadingTrivia()))
                : modifiers.Add(asyncKeyword);
        }

        /// <summary>Marks the first <c>CancellationToken</c> parameter <c>[EnumeratorCancellation]</c> when none is marked yet.</summary>
        private static ParameterListSyntax MarkToken(SemanticModel model, ParameterListSyntax list)
        {
            var tokens = list.Parameters
                .Where(p => p.Type is not null && model.GetTypeInfo(p.Type).Type is { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } })
                .ToList();
            if (tokens.Count == 0 || tokens.Any(p => p.AttributeLists.SelectMany(a => a.Attributes).Any(a => a.Name.ToString().Contains("EnumeratorCancellation"))))
            {
                return list;
            }

            return list.ReplaceNode(tokens[0], Cancellation.TokenParameter.Mark(tokens[0]));
        }
    }
}
