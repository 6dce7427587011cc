using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using YieldAwait.Analyzers;
using YieldAwait.CodeFixes.Conversion;

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

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var diagnostic = context.Diagnostics[0];
            if (root is null || DiagnosticTargets.EnclosingFunction(root, diagnostic) is not { } function)
            {
                return;
            }

            var plan = await AsyncIteratorConversionPlanner.PlanAsync(context.Document.Project.Solution, context.Document, function, context.CancellationToken).ConfigureAwait(false);
            if (plan is null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title(plan, function), cancellationToken => AsyncIteratorConverter.ApplyAsync(plan, cancellationToken), EquivalenceKey),
                diagnostic);
        }

        private static string Title(ConversionPlan plan, SyntaxNode function)
        {
            var name = plan.Functions.First(f => f.Declaration == function).Name;
            var callers = plan.Callers.Count;
            var others = plan.Functions.Count - 1;
            var title = $"Convert '{name}' to async iterator";
            if (callers > 0)
            {
                title += callers == 1 ? " (1 caller" : $" ({callers} callers";
                title += others == 0 ? ")" : others == 1 ? ", 1 more iterator)" : $", {others} more iterators)";
            }

            return title;
        }
    }
}
