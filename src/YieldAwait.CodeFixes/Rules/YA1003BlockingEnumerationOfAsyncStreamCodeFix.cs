using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using YieldAwait.Analyzers;
using YieldAwait.Analyzers.FixProperties;
using YieldAwait.CodeFixes.FixAll;
using YieldAwait.CodeFixes.Rewrites.AsyncIterator;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA1003: in an async function, "Await the async stream" (<c>foreach (var x in s.ToBlockingEnumerable())</c> →
    /// <c>await foreach (var x in s)</c>, <c>s.ToListAsync().Result</c> → <c>await s.ToListAsync()</c>); in a sync
    /// iterator, "Convert to async iterator" (or "Add async counterpart") with the same rewrites; in any other sync
    /// function, no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA1003BlockingEnumerationOfAsyncStreamCodeFix)), Shared]
    public sealed class YA1003BlockingEnumerationOfAsyncStreamCodeFix : CodeFixProvider
    {
        public const string AwaitEquivalenceKey = "YA1003.AwaitAsyncStream";
        public const string ConvertEquivalenceKey = "YA1003.ConvertToAsyncIterator";

        private const string AwaitTitle = "Await the async stream";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.BlockingEnumerationOfAsyncStream);

        public override FixAllProvider GetFixAllProvider() => ByEquivalenceKey.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                switch (ContextOf(diagnostic))
                {
                    case YA1003Context.SyncIterator:
                        var single = new CodeFixContext(context.Document, diagnostic, (action, _) => context.RegisterCodeFix(action, diagnostic), context.CancellationToken);
                        await ConvertToAsyncIteratorAction.RegisterAsync(single, ConvertEquivalenceKey).ConfigureAwait(false);
                        break;

                    case YA1003Context.Async:
                        var document = context.Document;
                        var rewrites = await AwaitInPlace.PlanAsync(document, new[] { diagnostic }, context.CancellationToken).ConfigureAwait(false);
                        if (rewrites.Count > 0)
                        {
                            context.RegisterCodeFix(
                                CodeAction.Create(AwaitTitle, cancellationToken => AwaitInPlace.ApplyAsync(document, rewrites, cancellationToken), AwaitEquivalenceKey),
                                diagnostic);
                        }

                        break;
                }
            }
        }

        private static YA1003Context? ContextOf(Diagnostic diagnostic) =>
            YA1003FixProperties.TryRead(diagnostic, out var properties) ? properties.Context : null;

        /// <summary>Fix All for the action it was started from: the conversion's for sync iterators, awaits in place for async functions.</summary>
        private sealed class ByEquivalenceKey : FixAllProvider
        {
            public static readonly ByEquivalenceKey Instance = new();

            private static readonly FixAllProvider AwaitInPlaceFixAll = FixAllProvider.Create(
                async (context, document, diagnostics) =>
                {
                    var inAsyncFunctions = diagnostics.Where(d => ContextOf(d) == YA1003Context.Async);
                    var rewrites = await AwaitInPlace.PlanAsync(document, inAsyncFunctions, context.CancellationToken).ConfigureAwait(false);
                    return rewrites.Count == 0 ? document : await AwaitInPlace.ApplyAsync(document, rewrites, context.CancellationToken).ConfigureAwait(false);
                });

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
                new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            /// <summary>The conversion's key, and its "Add async counterpart" key (the conversion's plus a suffix), go to the conversion's Fix All.</summary>
            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
                fixAllContext.CodeActionEquivalenceKey?.StartsWith(ConvertEquivalenceKey, System.StringComparison.Ordinal) == true
                    ? AsyncIteratorFixAllProvider.Instance.GetFixAsync(fixAllContext)
                    : AwaitInPlaceFixAll.GetFixAsync(fixAllContext);
        }
    }
}
