using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>
    /// <c>foreach (var x in s.ToBlockingEnumerable(token))</c> → <c>await foreach (var x in s.WithCancellation(token))</c>; without
    /// a token of its own the loop gets the function's, unless the stream's producer was already given one.
    /// </summary>
    internal sealed class AwaitForEachRewrite : AwaitRewrite
    {
        private readonly int _streamIndex;
        private readonly int _tokenIndex;
        private readonly bool _mayAddToken;

        /// <param name="streamIndex">The stream's argument index in a static call; -1 for <c>s.ToBlockingEnumerable()</c>.</param>
        /// <param name="tokenIndex">The token's argument index; -1 when none is passed.</param>
        public AwaitForEachRewrite(CommonForEachStatementSyntax node, int streamIndex, int tokenIndex, bool mayAddToken)
            : base(node)
        {
            _streamIndex = streamIndex;
            _tokenIndex = tokenIndex;
            _mayAddToken = mayAddToken;
        }

        public override SyntaxNode Apply(SyntaxNode current, ExpressionSyntax? token)
        {
            if (current is not CommonForEachStatementSyntax { Expression: InvocationExpressionSyntax invocation } forEach)
            {
                return current;
            }

            var arguments = invocation.ArgumentList.Arguments;
            var stream = _streamIndex < 0
                ? ((MemberAccessExpressionSyntax)invocation.Expression).Expression
                : arguments[_streamIndex].Expression;
            var cancellation = _tokenIndex >= 0 ? arguments[_tokenIndex].Expression : _mayAddToken ? token : null;

            ExpressionSyntax expression = stream.WithoutTrivia();
            if (cancellation is not null)
            {
                expression = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        AwaitedCall.AsReceiver(expression),
                        SyntaxFactory.IdentifierName("WithCancellation")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(cancellation.WithoutTrivia()))));
            }

            var foreachKeyword = forEach.ForEachKeyword;
            return forEach
                .WithForEachKeyword(foreachKeyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                .WithAwaitKeyword(SyntaxFactory.Token(foreachKeyword.LeadingTrivia, SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)))
                .WithExpression(expression.WithTriviaFrom(invocation));
        }
    }
}
