using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using YieldAwait.CodeFixes.Conversion.Engine;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>
    /// Applies a <see cref="ConversionPlan"/> in one bottom-up pass per document: blocking forms, renames, caller
    /// loops and signatures, each edit computed from its node as the nested edits left it.
    /// </summary>
    internal static class AsyncIteratorConverter
    {
        public static Task<Solution> ApplyAsync(ConversionPlan plan, CancellationToken cancellationToken)
        {
            var functions = plan.Functions.ToDictionary(f => f.Declaration);
            var documentIds = plan.Functions.Select(f => f.DocumentId)
                .Concat(plan.Callers.Select(c => c.DocumentId))
                .Concat(plan.Renames.Select(r => r.DocumentId));
            return SolutionEdits.ApplyAsync(plan.Solution, documentIds, (documentId, root) => Edit(documentId, root, plan, functions), cancellationToken);
        }

        private static SyntaxNode Edit(DocumentId documentId, SyntaxNode root, ConversionPlan plan, IReadOnlyDictionary<SyntaxNode, ConvertedFunction> functions)
        {
            // One bottom-up pass: each edit receives its node with the nested edits already applied.
            var edited = EditsIn(documentId, plan, functions).Apply(root);
            foreach (var function in plan.Functions.Where(f => f.DocumentId == documentId && f.AsCounterpart))
            {
                var anchor = AnchorOf(function);
                var original = edited.GetAnnotatedNodes(anchor.Kind!).Single(n => n.GetAnnotations(anchor.Kind!).Any(a => a.Data == anchor.Data));
                edited = edited.InsertNodesAfter(original, new[] { Counterpart(function) });
            }

            return edited;
        }

        /// <summary>
        /// Marks the untouched original of an "Add async counterpart", so the copy can be placed after it (annotations
        /// compare by instance, so the mark is found again by kind and data).
        /// </summary>
        private static SyntaxAnnotation AnchorOf(ConvertedFunction function) =>
            new("YieldAwait.CounterpartAnchor", function.Declaration.SpanStart.ToString(System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>Every edit of one document, keyed by the node it replaces; two edits of one node compose.</summary>
        private static DocumentEdits EditsIn(DocumentId documentId, ConversionPlan plan, IReadOnlyDictionary<SyntaxNode, ConvertedFunction> functions)
        {
            var edits = new DocumentEdits();
            void Add(SyntaxNode node, Func<SyntaxNode, SyntaxNode> apply) => edits.Replace(node, apply);

            foreach (var function in plan.Functions.Where(f => f.DocumentId == documentId))
            {
                if (function.AsCounterpart)
                {
                    Add(function.Declaration, current => current.WithAdditionalAnnotations(AnchorOf(function)));
                    continue;
                }

                foreach (var rewrite in function.Rewrites)
                {
                    Add(rewrite.Node, current => rewrite.Apply(current, TokenOf(function)).WithAdditionalAnnotations(Formatter.Annotation));
                }

                Add(function.Declaration, current => AsyncSignature.Apply(current, function));
            }

            SolutionEdits.AddRenames(edits, plan.Renames.Where(r => r.DocumentId == documentId));

            foreach (var site in plan.Callers.Where(c => c.DocumentId == documentId))
            {
                if (TokenArgument(site, functions) is { } tokenArgument)
                {
                    Add(site.Invocation, current => ((InvocationExpressionSyntax)current).AddArgumentListArguments(tokenArgument));
                }

                if (site.Terminal is { } terminal)
                {
                    var needsParentheses = KnownNames.NeedsParentheses(terminal, binaryReplacement: false);
                    Add(terminal, current => AwaitTerminal((InvocationExpressionSyntax)current, needsParentheses));
                }

                if (site.ForEach is { } forEach)
                {
                    Add(forEach, current => AwaitForEach((CommonForEachStatementSyntax)current));
                }
            }

            return edits;
        }

        private static ExpressionSyntax? TokenOf(ConvertedFunction function) =>
            function.TokenName is null ? null : SyntaxFactory.IdentifierName(function.TokenName);

        /// <summary>"Add async counterpart": a converted copy of the untouched original, placed after it.</summary>
        private static SyntaxNode Counterpart(ConvertedFunction function)
        {
            var rewrites = function.Rewrites.ToDictionary(r => r.Node);
            var copy = function.Declaration.ReplaceNodes(
                rewrites.Keys,
                (original, current) => rewrites[original].Apply(current, TokenOf(function)).WithAdditionalAnnotations(Formatter.Annotation));
            var converted = AsyncSignature.Apply(copy, function);
            var endOfLine = function.Declaration.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var separator = endOfLine == default ? SyntaxFactory.ElasticCarriageReturnLineFeed : endOfLine;
            return converted.WithLeadingTrivia(WithoutLeadingBlankLines(converted.GetLeadingTrivia()).Insert(0, separator));
        }

        /// <summary>The original's blank lines before it would double the one blank line the copy gets.</summary>
        private static SyntaxTriviaList WithoutLeadingBlankLines(SyntaxTriviaList trivia)
        {
            var start = 0;
            for (var i = 0; i < trivia.Count; i++)
            {
                if (trivia[i].IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    start = i + 1;
                }
                else if (!trivia[i].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    break;
                }
            }

            return SyntaxFactory.TriviaList(trivia.Skip(start));
        }

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
