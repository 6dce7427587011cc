using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace YieldAwait.CodeFixes.Conversion
{
    /// <summary>
    /// "Convert 'M' to async iterator", shared by every rule whose fix makes the enclosing sync iterator async
    /// (YA1001, YA1002, YA1003): plan from the diagnostic's enclosing function, register only a plan that works.
    /// </summary>
    internal static class ConvertToAsyncIteratorAction
    {
        public static async Task RegisterAsync(CodeFixContext context, string equivalenceKey)
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
                CodeAction.Create(Title(plan, function), cancellationToken => AsyncIteratorConverter.ApplyAsync(plan, cancellationToken), equivalenceKey),
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
