using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using YieldAwait.Analyzers;
using YieldAwait.CodeFixes.FixAll;
using YieldAwait.CodeFixes.Rewrites.AsyncIterator;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA1001 "Convert to async iterator": the sync iterator becomes <c>async IAsyncEnumerable&lt;T&gt;</c>, its blocking
    /// forms become awaits with an <c>[EnumeratorCancellation]</c> token, and its callers follow
    /// (<c>await foreach</c>, sync-iterator callers converted too). Not offered when a caller cannot follow.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA1001BlockingWaitInIteratorCodeFix)), Shared]
    public sealed class YA1001BlockingWaitInIteratorCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA1001.ConvertToAsyncIterator";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.BlockingWaitInIterator);

        public override FixAllProvider GetFixAllProvider() => AsyncIteratorFixAllProvider.Instance;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
            ConvertToAsyncIteratorAction.RegisterAsync(context, EquivalenceKey);
    }
}
