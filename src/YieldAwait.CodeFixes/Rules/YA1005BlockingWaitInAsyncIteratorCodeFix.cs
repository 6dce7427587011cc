using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using YieldAwait.Analyzers;
using YieldAwait.CodeFixes.Rewrites.AsyncIterator;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA1005 "Await instead of blocking": inside an async iterator, <c>t.Result</c> becomes <c>await t</c>,
    /// <c>Thread.Sleep(n)</c> becomes <c>await Task.Delay(n, token)</c>, and so on, passing the enumerator's token.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA1005BlockingWaitInAsyncIteratorCodeFix)), Shared]
    public sealed class YA1005BlockingWaitInAsyncIteratorCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA1005.AwaitInsteadOfBlocking";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.BlockingWaitInAsyncIterator);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) =>
            {
                var rewrites = await AwaitInPlace.PlanAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);
                return rewrites.Count == 0 ? document : await AwaitInPlace.ApplyAsync(document, rewrites, context.CancellationToken).ConfigureAwait(false);
            });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            foreach (var diagnostic in context.Diagnostics)
            {
                var rewrites = await AwaitInPlace.PlanAsync(document, new[] { diagnostic }, context.CancellationToken).ConfigureAwait(false);
                if (rewrites.Count == 0)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Await instead of blocking", cancellationToken => AwaitInPlace.ApplyAsync(document, rewrites, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
