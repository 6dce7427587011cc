using System.Threading;
using Microsoft.CodeAnalysis;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>
    /// Knows one family of synchronous forms (blocking waits, sync twins of async methods, blocking stream
    /// enumeration) and how each becomes an await. The conversion engine asks every source about every node
    /// of a body it makes async; a source answers null for nodes that are not its own.
    /// </summary>
    internal interface IAwaitRewriteSource
    {
        AwaitRewrite? TryCreate(SyntaxNode node, SemanticModel model, RewriteContext context, CancellationToken cancellationToken);
    }
}
