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
            var documentIds = plan.Functions.Select(f => f.DocumentId)
                .Concat(plan.Callers.Select(c => c.DocumentId))
                .Concat(plan.Renames.Select(r => r.DocumentId))
                .Distinct()
                .ToList();

            foreach (var documentId in documentIds)
            {
                var documentEditor = await editor.GetDocumentEditorAsync(documentId, cancellationToken).ConfigureAwait(false);
                var documentFunctions = plan.Functions.Where(f => f.DocumentId == documentId).ToList();

                // Innermost first: each later edit is computed from the node as the earlier ones left it.
                var innerEdits = documentFunctions
                    .Where(f => !f.AsCounterpart)
                    .SelectMany(f => f.Rewrites.Select(r => (Node: r.Node, Apply: (System.Func<SyntaxNode, SyntaxNode>)(current => r.Apply(current, TokenOf(f)).WithAdditionalAnnotations(Formatter.Annotation)))))
                    .Concat(plan.Renames.Where(r => r.DocumentId == documentId).Select(r => (Node: (SyntaxNode)r.Name, Apply: (System.Func<SyntaxNode, SyntaxNode>)(current => Renamed((SimpleNameSyntax)current, r.NewName)))))
                    .OrderBy(edit => edit.Node.Span.Length);
                foreach (var (node, apply) in innerEdits)
                {
                    documentEditor.ReplaceNode(node, (current, _) => apply(current));
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
                    if (function.AsCounterpart)
                    {
                        documentEditor.InsertAfter(function.Declaration, Counterpart(function));
                    }
                    else
                    {
                        documentEditor.ReplaceNode(function.Declaration, (current, _) => AsyncSignature.Apply(current, function));
                    }
                }
            }

            var solution = editor.GetChangedSolution();
            foreach (var documentId in documentIds)
            {
                solution = (await DocumentCleanup.RunAsync(solution.GetDocument(documentId)!, cancellationToken).ConfigureAwait(false)).Project.Solution;
            }

            return solution;
        }

        private static ExpressionSyntax? TokenOf(ConvertedFunction function) =>
            function.TokenName is null ? null : SyntaxFactory.IdentifierName(function.TokenName);

        private static SimpleNameSyntax Renamed(SimpleNameSyntax name, string newName) =>
            name.WithIdentifier(SyntaxFactory.Identifier(name.Identifier.LeadingTrivia, newName, name.Identifier.TrailingTrivia));

        /// <summary>"Add async counterpart": a converted copy of the untouched original, placed after it.</summary>
        private static SyntaxNode Counterpart(ConvertedFunction function)
        {
            var rewrites = function.Rewrites.ToDictionary(r => r.Node);
            var copy = function.Declaration.ReplaceNodes(
                rewrites.Keys,
                (original, current) => rewrites[original].Apply(current, TokenOf(function)).WithAdditionalAnnotations(Formatter.Annotation));
            var converted = AsyncSignature.Apply(copy, function);
            var endOfLine = function.Declaration.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return converted.WithLeadingTrivia(converted.GetLeadingTrivia().Insert(0, endOfLine == default ? SyntaxFactory.ElasticCarriageReturnLineFeed : endOfLine));
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
