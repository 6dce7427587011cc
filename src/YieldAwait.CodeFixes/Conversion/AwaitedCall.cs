using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace YieldAwait.CodeFixes.Conversion
{
    /// <summary><c>await call</c>, parenthesised where its value is used (the simplifier drops the parentheses that are not needed).</summary>
    internal static class AwaitedCall
    {
        public static ExpressionSyntax Create(ExpressionSyntax call, bool resultUsed)
        {
            ExpressionSyntax awaited = SyntaxFactory.AwaitExpression(call.WithoutTrivia());
            return resultUsed ? SyntaxFactory.ParenthesizedExpression(awaited).WithAdditionalAnnotations(Simplifier.Annotation) : awaited;
        }
    }
}
