using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>YA1001/YA1005's forms: <c>.Result</c>, <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>, <c>WaitAll/WaitAny</c>, <c>Thread.Sleep</c>.</summary>
    internal sealed class BlockingFormRewriteSource : IAwaitRewriteSource
    {
        public AwaitRewrite? TryCreate(SyntaxNode node, SemanticModel model, RewriteContext context, CancellationToken cancellationToken) =>
            node is InvocationExpressionSyntax or MemberAccessExpressionSyntax
            && model.GetOperation(node, cancellationToken) is { } operation
            && context.Recognizer.TryRecognize(operation, out var form)
                ? BlockingRewrite.TryCreate(form, context.Types, context.CancellationTokenType)
                : null;
    }
}
