using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>Every family of synchronous forms the conversion engine turns into awaits.</summary>
    internal static class AwaitRewriteSources
    {
        public static ImmutableArray<IAwaitRewriteSource> All { get; } = ImmutableArray.Create<IAwaitRewriteSource>(
            // First: it takes the blocking waits on a stream's ValueTask (e.MoveNextAsync().AsTask().Result) from the next one.
            new AsyncStreamRewriteSource(),
            new BlockingFormRewriteSource(),
            new AsyncTwinRewriteSource());

        /// <summary>The first source's rewrite for <paramref name="node"/>, or null.</summary>
        public static AwaitRewrite? TryCreate(SyntaxNode node, SemanticModel model, RewriteContext context, CancellationToken cancellationToken)
        {
            foreach (var source in All)
            {
                if (source.TryCreate(node, model, context, cancellationToken) is { } rewrite)
                {
                    return rewrite;
                }
            }

            return null;
        }
    }
}
