using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.Cancellation;
using YieldAwait.CodeFixes.Rewrites.AsyncIterator;

namespace YieldAwait.CodeFixes.Cancellation
{
    /// <summary>One place a token goes: an awaited call gains a token argument, or a stream gains <c>.WithCancellation(token)</c>.</summary>
    internal sealed class TokenEdit
    {
        private readonly Func<SyntaxNode, ExpressionSyntax, SyntaxNode> _apply;

        private TokenEdit(SyntaxNode node, bool addsWithCancellation, Func<SyntaxNode, ExpressionSyntax, SyntaxNode> apply)
        {
            Node = node;
            AddsWithCancellation = addsWithCancellation;
            _apply = apply;
        }

        public SyntaxNode Node { get; }

        public bool AddsWithCancellation { get; }

        public static TokenEdit Argument(InvocationExpressionSyntax call, CancellationTokenArgument argument) =>
            new(call, false, (current, token) => current is InvocationExpressionSyntax invocation ? argument.AddTo(invocation, token) : current);

        public static TokenEdit WithCancellation(ExpressionSyntax stream) =>
            new(stream, true, (current, token) => current is ExpressionSyntax expression ? TokenFlow.WithCancellation(expression, token) : current);

        public void ApplyTo(DocumentEditor editor, string token) =>
            editor.ReplaceNode(Node, (current, _) => _apply(current, SyntaxFactory.IdentifierName(token)));
    }

    /// <summary>
    /// Passing a function's token on: to every awaited call in its body that has an overload (or an omitted optional parameter)
    /// taking one, and to every <c>await foreach</c> over a stream no token reaches yet. Nested lambdas and local functions are
    /// functions of their own and are left alone.
    /// </summary>
    internal static class TokenFlow
    {
        public static List<TokenEdit> Find(BlockSyntax body, SemanticModel model, CancellationTypes types, CancellationToken cancellationToken)
        {
            var edits = new List<TokenEdit>();
            foreach (var node in body.DescendantNodes(node => !IteratorFacts.IsNestedFunction(node)))
            {
                switch (node)
                {
                    case AwaitExpressionSyntax await when CallAwaitedBy(await.Expression) is { } call
                        && model.GetOperation(call, cancellationToken) is IInvocationOperation invocation
                        && CancellationTokenArgument.For(invocation, types.CancellationToken) is { } argument:
                        edits.Add(TokenEdit.Argument(call, argument));
                        break;
                    case CommonForEachStatementSyntax forEach when forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword)
                        && model.GetOperation(forEach, cancellationToken) is IForEachLoopOperation loop
                        && CancellableStreams.UncancelledStream(loop, types)?.Syntax is ExpressionSyntax stream:
                        edits.Add(TokenEdit.WithCancellation(stream));
                        break;
                }
            }

            return edits;
        }

        /// <summary>Applies the edits innermost first, so an edited call inside another edited call is kept.</summary>
        public static void Apply(DocumentEditor editor, IEnumerable<TokenEdit> edits, string token)
        {
            foreach (var edit in edits.OrderBy(e => e.Node.Span.Length))
            {
                edit.ApplyTo(editor, token);
            }
        }

        public static ExpressionSyntax WithCancellation(ExpressionSyntax stream, ExpressionSyntax token) =>
            SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        AwaitedCallReceiver(stream.WithoutTrivia()),
                        SyntaxFactory.IdentifierName("WithCancellation")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(token))))
                .WithTriviaFrom(stream);

        /// <summary>
        /// Whether <c>stream.WithCancellation(token)</c> binds at <paramref name="position"/> as written: the extension lives in
        /// <c>System.Threading.Tasks</c>, which a file may not import.
        /// </summary>
        public static bool WithCancellationBinds(ExpressionSyntax stream, int position, SemanticModel model)
        {
            var call = WithCancellation(stream, SyntaxFactory.DefaultExpression(SyntaxFactory.ParseTypeName("global::System.Threading.CancellationToken")));
            return model.GetSpeculativeSymbolInfo(position, call, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol;
        }

        /// <summary>The call an <c>await</c> waits for, looking through <c>.ConfigureAwait(…)</c> and parentheses.</summary>
        private static InvocationExpressionSyntax? CallAwaitedBy(ExpressionSyntax awaited)
        {
            while (awaited is ParenthesizedExpressionSyntax parenthesized)
            {
                awaited = parenthesized.Expression;
            }

            if (awaited is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: InvocationExpressionSyntax inner } })
            {
                return inner;
            }

            return awaited as InvocationExpressionSyntax;
        }

        private static ExpressionSyntax AwaitedCallReceiver(ExpressionSyntax expression) =>
            AwaitedCall.AsReceiver(expression);
    }
}
