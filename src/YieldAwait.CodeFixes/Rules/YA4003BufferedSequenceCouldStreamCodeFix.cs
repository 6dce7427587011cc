using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.Analyzers;
using YieldAwait.CodeFixes.Editing;
using YieldAwait.CodeFixes.FixAll;
using YieldAwait.CodeFixes.Rewrites;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA4003 "Stream 'M' as IAsyncEnumerable&lt;T&gt;": the buffering method becomes an async iterator with an
    /// <c>[EnumeratorCancellation]</c> token, and its callers in every project of the solution become <c>await foreach</c>.
    /// Offered only when every reference can follow.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA4003BufferedSequenceCouldStreamCodeFix)), Shared]
    public sealed class YA4003BufferedSequenceCouldStreamCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA4003.StreamAsAsyncEnumerable";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.BufferedSequenceCouldStream);

        /// <summary>
        /// Fix All plans every flagged method on the original solution and applies the plans together, because one method's
        /// callers may sit inside another converted method.
        /// </summary>
        public override FixAllProvider GetFixAllProvider() => FixAll;

        private static readonly FixAllProvider FixAll = WholeScopeFixAllProvider.Create(async (fixAllContext, flagged) =>
        {
            var plans = new List<StreamingPlan>();
            foreach (var (document, diagnostics) in flagged)
            {
                foreach (var diagnostic in diagnostics)
                {
                    if (await PlanAsync(document, diagnostic, fixAllContext.CancellationToken).ConfigureAwait(false) is { } plan)
                    {
                        plans.Add(plan);
                    }
                }
            }

            return plans.Count == 0
                ? null
                : CodeAction.Create(
                    "Stream buffered sequences as IAsyncEnumerable",
                    cancellationToken => BufferedListStreaming.ApplyAsync(fixAllContext.Solution, plans, cancellationToken),
                    fixAllContext.CodeActionEquivalenceKey);
        });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var plan = await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (plan is null)
                {
                    continue;
                }

                var callers = plan.Callers == 1 ? "1 caller" : $"{plan.Callers} callers";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        plan.NewName is null
                            ? $"Stream '{plan.MethodName}' as IAsyncEnumerable<{plan.ElementType}> ({callers})"
                            : $"Stream '{plan.MethodName}' as IAsyncEnumerable<{plan.ElementType}> '{plan.NewName}' ({callers})",
                        cancellationToken => BufferedListStreaming.ApplyAsync(plan.Solution, new[] { plan }, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        internal static async Task<StreamingPlan?> PlanAsync(Document document, Diagnostic diagnostic, System.Threading.CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return root is not null && DiagnosticTargets.ReportedNode(root, diagnostic)?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method
                ? await BufferedListStreaming.PlanAsync(document, method, cancellationToken).ConfigureAwait(false)
                : null;
        }
    }
}
