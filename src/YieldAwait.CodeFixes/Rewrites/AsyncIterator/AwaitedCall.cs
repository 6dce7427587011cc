using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary><c>await call</c> in place of a synchronous expression, parenthesised only where what follows it needs it.</summary>
    internal static class AwaitedCall
    {
        public static ExpressionSyntax Create(SyntaxNode original, ExpressionSyntax call)
        {
            ExpressionSyntax awaited = SyntaxFactory.AwaitExpression(call.WithoutTrivia());
            return KnownNames.NeedsParentheses(original, binaryReplacement: false) ? KnownNames.Parenthesized(awaited) : awaited;
        }

        /// <summary><paramref name="expression"/> as the receiver of a member access: parenthesised unless it is a primary expression.</summary>
        public static ExpressionSyntax AsReceiver(ExpressionSyntax expression) =>
            expression is SimpleNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
                or ParenthesizedExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax or ObjectCreationExpressionSyntax
                ? expression
                : KnownNames.Parenthesized(expression);
    }
}
