using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace YieldAwait.CodeFixes.Conversion
{
    /// <summary>
    /// Applies a <see cref="ConversionPlan"/>: innermost edits first (blocking forms, then <c>foreach</c>
    /// loops), then signatures, each edit computed from the node as earlier edits left it.
    /// </summary>
    internal static class AsyncIteratorConverter
    {
        public static async Task<Solution> ApplyAsync(ConversionPlan plan, CancellationToken cancellationToken)
        {
            var editor = new SolutionEditor(plan.Solution);
            var functions = plan.Functions.ToDictionary(f => f.Declaration);
            var documentIds = plan.Functions.Select(f => f.DocumentId).Concat(plan.Callers.Select(c => c.DocumentId)).Distinct().ToList();

            foreach (var documentId in documentIds)
            {
                var documentEditor = await editor.GetDocumentEditorAsync(documentId, cancellationToken).ConfigureAwait(false);
                var documentFunctions = plan.Functions.Where(f => f.DocumentId == documentId).ToList();

                foreach (var (rewrite, function) in documentFunctions
                    .SelectMany(f => f.Rewrites.Select(r => (Rewrite: r, Function: f)))
                    .OrderBy(pair => pair.Rewrite.Node.Span.Length))
                {
                    var token = function.TokenName is null ? null : SyntaxFactory.IdentifierName(function.TokenName);
                    documentEditor.ReplaceNode(rewrite.Node, (current, _) => rewrite.Apply(current, token).WithAdditionalAnnotations(Formatter.Annotation));
                }

                foreach (var site in plan.Callers.Where(c => c.DocumentId == documentId).OrderBy(c => c.ForEach.Span.Length))
                {
                    var callee = functions[site.Callee];
                    var callerToken = site.ConvertedCaller is { } caller ? functions[caller].TokenName : site.CallerTokenName;
                    var tokenArgument = callee.AddsTokenParameter && callerToken is not null
                        ? SyntaxFactory.Argument(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(callee.TokenName!)), default, SyntaxFactory.IdentifierName(callerToken))
                        : null;
                    documentEditor.ReplaceNode(site.ForEach, (current, _) => AwaitForEach((CommonForEachStatementSyntax)current, tokenArgument));
                }

                foreach (var function in documentFunctions)
                {
                    documentEditor.ReplaceNode(function.Declaration, (current, _) => AsyncSignature.Apply(current, function));
                }
            }

            var solution = editor.GetChangedSolution();
            foreach (var documentId in documentIds)
            {
                solution = (await DocumentCleanup.RunAsync(solution.GetDocument(documentId)!, cancellationToken).ConfigureAwait(false)).Project.Solution;
            }

            return solution;
        }

        private static SyntaxNode AwaitForEach(CommonForEachStatementSyntax forEach, ArgumentSyntax? tokenArgument)
        {
            var foreachKeyword = forEach.ForEachKeyword;
            var awaitKeyword = SyntaxFactory.Token(foreachKeyword.LeadingTrivia, SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            var updated = forEach
                .WithForEachKeyword(foreachKeyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                .WithAwaitKeyword(awaitKeyword);
            if (tokenArgument is not null && updated.Expression is InvocationExpressionSyntax call)
            {
                updated = updated.WithExpression(call.WithArgumentList(call.ArgumentList.AddArguments(tokenArgument)));
            }

            return updated;
        }
    }
}
