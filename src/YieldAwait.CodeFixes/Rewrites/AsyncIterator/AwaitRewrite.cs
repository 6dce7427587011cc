using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>
    /// One piece of synchronous code made to await. Decided on the semantic model of the original code by an
    /// <see cref="IAwaitRewriteSource"/>; <see cref="Apply"/> rewrites the node as earlier edits left it, so nested
    /// rewrites and the enclosing signature change can be applied in any order by a <c>SyntaxEditor</c>.
    /// </summary>
    internal abstract class AwaitRewrite
    {
        protected AwaitRewrite(SyntaxNode node) => Node = node;

        /// <summary>The node to replace, in the original tree.</summary>
        public SyntaxNode Node { get; }

        /// <summary>The replacement for <paramref name="current"/>; <paramref name="token"/> is the enclosing function's token, if it has one.</summary>
        public abstract SyntaxNode Apply(SyntaxNode current, ExpressionSyntax? token);
    }
}
