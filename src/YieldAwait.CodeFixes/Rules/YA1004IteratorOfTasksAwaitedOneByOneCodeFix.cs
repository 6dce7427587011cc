using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using YieldAwait.Analyzers;
using YieldAwait.CodeFixes.Conversion.Policies;
using YieldAwait.CodeFixes.FixAll;
using YieldAwait.CodeFixes.Rewrites;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA1004 "Convert to async stream": the iterator of tasks becomes <c>async IAsyncEnumerable&lt;T&gt;</c> that yields
    /// <c>await</c>ed results (with an <c>[EnumeratorCancellation]</c> token and the <c>Async</c> suffix per
    /// <c>yieldawait.async_suffix</c>), and every consuming loop in the solution becomes <c>await foreach</c> over the
    /// results. Not offered when any reference in the solution is not such a loop.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA1004IteratorOfTasksAwaitedOneByOneCodeFix)), Shared]
    public sealed class YA1004IteratorOfTasksAwaitedOneByOneCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA1004.ConvertToAsyncStream";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.IteratorOfTasksAwaitedOneByOne);

        /// <summary>Fix All: every flagged producer of the scope, with its consumers, in one plan.</summary>
        public override FixAllProvider GetFixAllProvider() => FixAll;

        private static readonly FixAllProvider FixAll = WholeScopeFixAllProvider.Create(async (fixAllContext, flagged) =>
        {
            var seeds = await WholeScopeFixAllProvider.SeedsAsync(flagged, ProducerAt, fixAllContext.CancellationToken).ConfigureAwait(false);
            var plan = await TaskStreamPolicy.PlanManyAsync(fixAllContext.Solution, seeds, fixAllContext.CancellationToken).ConfigureAwait(false);
            return plan is null
                ? null
                : CodeAction.Create(
                    "Convert iterators of tasks to async streams",
                    cancellationToken => TaskStreamConverter.ApplyAsync(plan, cancellationToken),
                    fixAllContext.CodeActionEquivalenceKey);
        });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var diagnostic = context.Diagnostics[0];
            if (root is null || ProducerAt(root, diagnostic) is not { } declaration
                || await TaskStreamPolicy.PlanAsync(context.Document.Project.Solution, context.Document, declaration, context.CancellationToken).ConfigureAwait(false) is not { } plan)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title(plan), cancellationToken => TaskStreamConverter.ApplyAsync(plan, cancellationToken), EquivalenceKey),
                diagnostic);
        }

        /// <summary>The method or local function whose name the diagnostic is on.</summary>
        internal static SyntaxNode? ProducerAt(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Location.IsInSource || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
            return token.Parent is MethodDeclarationSyntax or LocalFunctionStatementSyntax ? token.Parent : null;
        }

        private static string Title(TaskStreamPlan plan)
        {
            var signature = plan.Producers[0].Signature;
            var consumers = plan.Consumers.Count;
            var target = signature.NewName is null ? "async stream" : $"async stream '{signature.NewName}'";
            return $"Convert '{signature.Name}' to {target} ({consumers} {(consumers == 1 ? "consumer" : "consumers")})";
        }
    }
}
