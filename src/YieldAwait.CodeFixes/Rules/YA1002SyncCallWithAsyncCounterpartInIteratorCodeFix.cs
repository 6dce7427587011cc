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
    /// YA1002 "Convert to async iterator": the sync iterator becomes <c>async IAsyncEnumerable&lt;T&gt;</c> and calls
    /// <c>await MAsync(args, cancellationToken)</c> where it called <c>M(args)</c> (its blocking waits become awaits too),
    /// and its callers follow. Not offered when a caller cannot follow.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA1002SyncCallWithAsyncCounterpartInIteratorCodeFix)), Shared]
    public sealed class YA1002SyncCallWithAsyncCounterpartInIteratorCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA1002.ConvertToAsyncIterator";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.SyncCallWithAsyncCounterpartInIterator);

        public override FixAllProvider GetFixAllProvider() => AsyncIteratorFixAllProvider.Instance;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
            ConvertToAsyncIteratorAction.RegisterAsync(context, EquivalenceKey);
    }
}
