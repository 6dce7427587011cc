using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using YieldAwait.Analyzers;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.FixProperties;
using YieldAwait.CodeFixes.Conversion.Policies;
using YieldAwait.CodeFixes.Editing;
using YieldAwait.CodeFixes.FixAll;
using YieldAwait.CodeFixes.Rewrites;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA5001 "Convert to iterator": <c>list.Add(x);</c> → <c>yield return x;</c>, an early <c>return list;</c> →
    /// <c>yield break;</c>, the list's declaration and the final <c>return list;</c> go. Leading argument checks stay eager:
    /// the method checks and returns a local iterator (YA3001's split). Offered only when every caller in the solution
    /// reads the result once, at once, outside <c>try</c>/<c>catch</c>, <c>using</c> and <c>lock</c>, and the document
    /// compiles with no new errors.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA5001ListBuiltOnlyToReturnSequenceCodeFix)), Shared]
    public sealed class YA5001ListBuiltOnlyToReturnSequenceCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA5001.ConvertToIterator";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.ListBuiltOnlyToReturnSequence);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            (context, document, diagnostics) => FixAllInDocumentAsync(document, diagnostics, context.CancellationToken));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root is null || Target(root, diagnostic) is not { } target)
                {
                    continue;
                }

                var fixedDocument = await TryConvertAsync(context.Document, target.Function, target.List, CheckStatements(diagnostic), context.CancellationToken).ConfigureAwait(false);
                if (fixedDocument is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Convert to iterator (yield return each element)", _ => Task.FromResult(fixedDocument), EquivalenceKey),
                        diagnostic);
                }
            }
        }

        private static async Task<Document?> FixAllInDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                return document;
            }

            var targets = new List<(SyntaxNode Function, (string List, IReadOnlyCollection<int> Checks) State)>();
            foreach (var diagnostic in diagnostics)
            {
                if (Target(root, diagnostic) is { } target && !targets.Any(t => t.Function == target.Function))
                {
                    targets.Add((target.Function, (target.List, CheckStatements(diagnostic))));
                }
            }

            // Innermost first: a local function converted before the method that holds it.
            return await SequentialFixAll.ApplyInTurnAsync(
                document,
                root,
                targets.OrderByDescending(t => t.Function.Ancestors().Count()).ToList(),
                (current, function, state, ct) => TryConvertAsync(current, function, state.List, state.Checks, ct),
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The function (the diagnostic is on its name) and the list (its declaration is the additional location). A diagnostic
        /// placed on the list itself, as older builds did, is still understood.
        /// </summary>
        private static (SyntaxNode Function, string List)? Target(SyntaxNode root, Diagnostic diagnostic)
        {
            var listLocation = diagnostic.AdditionalLocations.FirstOrDefault() ?? diagnostic.Location;
            if (!listLocation.IsInSource || !root.FullSpan.Contains(listLocation.SourceSpan))
            {
                return null;
            }

            var declarator = root.FindToken(listLocation.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<VariableDeclaratorSyntax>().FirstOrDefault();
            var function = declarator?.Ancestors().FirstOrDefault(n => n is MethodDeclarationSyntax or LocalFunctionStatementSyntax || IteratorFacts.IsNestedFunction(n));
            var named = DiagnosticTargets.ReportedNode(root, diagnostic)?.AncestorsAndSelf().FirstOrDefault(n => n is MethodDeclarationSyntax or LocalFunctionStatementSyntax);
            return declarator is not null
                && function is MethodDeclarationSyntax or LocalFunctionStatementSyntax
                && (diagnostic.AdditionalLocations.Count == 0 || named == function)
                ? (function!, declarator.Identifier.ValueText)
                : null;
        }

        private static IReadOnlyCollection<int> CheckStatements(Diagnostic diagnostic) =>
            YA5001FixProperties.TryRead(diagnostic, out var properties) ? properties.CheckStatements : ImmutableArray<int>.Empty;

        private static async Task<Document?> TryConvertAsync(Document document, SyntaxNode function, string list, IReadOnlyCollection<int> checks, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || root is null
                || IteratorFacts.GetBody(function) is not { } body
                || model.GetDeclaredSymbol(function, cancellationToken) is not IMethodSymbol
                || !await LazyResultPolicy.AllCallersTolerateAsync(document, function, cancellationToken).ConfigureAwait(false)
                || Convert(body, list) is not { } iteratorBody)
            {
                return null;
            }

            var marker = new SyntaxAnnotation("YA5001.Converted");
            var converted = document.WithSyntaxRoot(root.ReplaceNode(function, function.ReplaceNode(body, iteratorBody).WithAdditionalAnnotations(marker)));
            if (checks.Count > 0)
            {
                // The checks must run when the method is called, not on the first MoveNext (YA3001).
                var convertedModel = await converted.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var convertedRoot = await converted.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (convertedModel is null
                    || convertedRoot?.GetAnnotatedNodes(marker).FirstOrDefault() is not { } convertedFunction
                    || EagerValidationSplit.Plan(convertedModel, convertedFunction, checks, cancellationToken) is not { } plan)
                {
                    return null;
                }

                converted = await EagerValidationSplit.ApplyAsync(converted, plan, cancellationToken).ConfigureAwait(false);
                converted = await DocumentCleanup.RunAsync(converted, document, cancellationToken).ConfigureAwait(false);
            }

            var after = await converted.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return after is not null && Errors(after, cancellationToken) <= Errors(model, cancellationToken) ? converted : null;
        }

        /// <summary>The body as an iterator; null when its shape is not the one the analyzer reported.</summary>
        private static BlockSyntax? Convert(BlockSyntax body, string list)
        {
            var declarationIndex = body.Statements.IndexOf(s => s is LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } && variables[0].Identifier.ValueText == list);
            if (declarationIndex < 0 || body.Statements.LastOrDefault() is not ReturnStatementSyntax finalReturn)
            {
                return null;
            }

            var own = body.DescendantNodes(descendIntoChildren: n => !IteratorFacts.IsNestedFunction(n)).ToList();
            var adds = own.OfType<ExpressionStatementSyntax>()
                .Where(s => s.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name.Identifier.ValueText: "Add" }, ArgumentList.Arguments.Count: 1 }
                    && receiver.Identifier.ValueText == list)
                .ToList<SyntaxNode>();
            var earlyReturns = own.OfType<ReturnStatementSyntax>().Where(r => r != finalReturn).ToList<SyntaxNode>();

            var rewritten = body.ReplaceNodes(adds.Concat(earlyReturns), (original, _) => original switch
            {
                ExpressionStatementSyntax { Expression: InvocationExpressionSyntax add } statement => SyntaxFactory.YieldStatement(
                        SyntaxKind.YieldReturnStatement,
                        SyntaxFactory.Token(SyntaxKind.YieldKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                        SyntaxFactory.Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                        add.ArgumentList.Arguments[0].Expression.WithoutTrivia(),
                        statement.SemicolonToken)
                    .WithLeadingTrivia(statement.GetLeadingTrivia()),
                ReturnStatementSyntax statement => SyntaxFactory.YieldStatement(
                        SyntaxKind.YieldBreakStatement,
                        SyntaxFactory.Token(SyntaxKind.YieldKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                        SyntaxFactory.Token(SyntaxKind.BreakKeyword),
                        expression: null!,
                        statement.SemicolonToken)
                    .WithLeadingTrivia(statement.GetLeadingTrivia()),
                _ => original,
            });

            var statements = rewritten.Statements.ToList();
            var declaration = statements[declarationIndex];
            var last = statements[statements.Count - 1];
            statements.RemoveAt(statements.Count - 1);
            statements.RemoveAt(declarationIndex);

            // The declaration's place (its blank line, its comments) passes to what follows it; the return's comments to the brace.
            if (declarationIndex < statements.Count)
            {
                var leading = declaration.GetLeadingTrivia().ToList();
                while (leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    leading.RemoveAt(leading.Count - 1);
                }

                statements[declarationIndex] = statements[declarationIndex].WithLeadingTrivia(leading.Concat(statements[declarationIndex].GetLeadingTrivia()));
            }

            var closeBrace = rewritten.CloseBraceToken;
            if (last.GetLeadingTrivia().Any(IsComment))
            {
                closeBrace = closeBrace.WithLeadingTrivia(last.GetLeadingTrivia().AddRange(closeBrace.LeadingTrivia));
            }

            return statements.Count == 0 ? null : rewritten.WithStatements(SyntaxFactory.List(statements)).WithCloseBraceToken(closeBrace);
        }

        private static bool IsComment(SyntaxTrivia trivia) =>
            trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);

        private static int Errors(SemanticModel model, CancellationToken cancellationToken) =>
            model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
    }
}
