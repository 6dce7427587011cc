using System;
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

                // Innermost first: each edit is computed from the node as the earlier (nested) ones left it.
                var edits = new List<(SyntaxNode Node, Func<SyntaxNode, SyntaxNode> Apply)>();
                foreach (var function in documentFunctions.Where(f => !f.AsCounterpart))
                {
                    edits.AddRange(function.Rewrites.Select(r => (r.Node, Edit(current => r.Apply(current, TokenOf(function)).WithAdditionalAnnotations(Formatter.Annotation)))));
                }

                edits.AddRange(plan.Renames.Where(r => r.DocumentId == documentId)
                    .Select(r => ((SyntaxNode)r.Name, Edit(current => Renamed((SimpleNameSyntax)current, r.NewName)))));
                foreach (var site in plan.Callers.Where(c => c.DocumentId == documentId))
                {
                    if (TokenArgument(site, functions) is { } tokenArgument)
                    {
                        edits.Add((site.Invocation, Edit(current => ((InvocationExpressionSyntax)current).AddArgumentListArguments(tokenArgument))));
                    }

                    if (site.Terminal is { } terminal)
                    {
                        var needsParentheses = KnownNames.NeedsParentheses(terminal, binaryReplacement: false);
                        edits.Add((terminal, Edit(current => AwaitTerminal((InvocationExpressionSyntax)current, needsParentheses))));
                    }

                    if (site.ForEach is { } forEach)
                    {
                        edits.Add((forEach, Edit(current => AwaitForEach((CommonForEachStatementSyntax)current))));
                    }
                }

                foreach (var (node, apply) in edits.OrderBy(edit => edit.Node.Span.Length))
                {
                    documentEditor.ReplaceNode(node, (current, _) => apply(current));
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
                var cleaned = await DocumentCleanup.RunAsync(solution.GetDocument(documentId)!, plan.Solution.GetDocument(documentId)!, cancellationToken).ConfigureAwait(false);
                solution = cleaned.Project.Solution;
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

        private static Func<SyntaxNode, SyntaxNode> Edit(Func<SyntaxNode, SyntaxNode> apply) => apply;

        /// <summary>The caller's token for a callee that gains a token parameter, passed by name so optional parameters stay in place.</summary>
        private static ArgumentSyntax? TokenArgument(CallerSite site, IReadOnlyDictionary<SyntaxNode, ConvertedFunction> functions)
        {
            var callee = functions[site.Callee];
            var callerToken = site.ConvertedCaller is { } caller ? functions[caller].TokenName : site.CallerTokenName;
            return callee.AddsTokenParameter && callerToken is not null
                ? SyntaxFactory.Argument(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(callee.TokenName!)), default, SyntaxFactory.IdentifierName(callerToken))
                : null;
        }

        private static SyntaxNode AwaitForEach(CommonForEachStatementSyntax forEach)
        {
            var foreachKeyword = forEach.ForEachKeyword;
            var awaitKeyword = SyntaxFactory.Token(foreachKeyword.LeadingTrivia, SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return forEach
                .WithForEachKeyword(foreachKeyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                .WithAwaitKeyword(awaitKeyword);
        }

        /// <summary><c>….ToList()</c> → <c>await ….ToListAsync()</c>, parenthesized where a member access follows.</summary>
        private static SyntaxNode AwaitTerminal(InvocationExpressionSyntax terminal, bool needsParentheses)
        {
            var access = (MemberAccessExpressionSyntax)terminal.Expression;
            var name = access.Name;
            var asyncName = name.WithIdentifier(SyntaxFactory.Identifier(name.Identifier.LeadingTrivia, name.Identifier.ValueText + "Async", name.Identifier.TrailingTrivia));
            var awaited = SyntaxFactory.AwaitExpression(terminal.WithExpression(access.WithName(asyncName)).WithoutTrivia());
            var replacement = needsParentheses ? KnownNames.Parenthesized(awaited) : awaited;
            return replacement.WithTriviaFrom(terminal).WithAdditionalAnnotations(Formatter.Annotation);
        }
    }
}
