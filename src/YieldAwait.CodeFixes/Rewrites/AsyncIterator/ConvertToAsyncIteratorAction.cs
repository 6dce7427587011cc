using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using YieldAwait.Analyzers;
using YieldAwait.Analyzers.FixProperties;
using YieldAwait.CodeFixes.Conversion.Policies;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>
    /// "Convert 'M' to async iterator" and "Add async counterpart", shared by every rule whose fix makes the
    /// enclosing sync iterator async (YA1001, YA1002, YA1003): plan from the diagnostic's enclosing function,
    /// register only plans that work.
    /// </summary>
    internal static class ConvertToAsyncIteratorAction
    {
        /// <summary>Appended to a rule's equivalence key for "Add async counterpart", so Fix All knows which of the two to apply.</summary>
        public const string CounterpartKeySuffix = ".AddAsyncCounterpart";

        public static async Task RegisterAsync(CodeFixContext context, string equivalenceKey)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var diagnostic = context.Diagnostics[0];
            if (root is null || DiagnosticTargets.EnclosingFunction(root, diagnostic) is not { } function)
            {
                return;
            }

            var (conversion, counterpart) = await AsyncIteratorPolicy.PlanAsync(context.Document.Project.Solution, context.Document, function, diagnostic.Id, context.CancellationToken).ConfigureAwait(false);
            if (conversion is not null && !CounterpartOnly(diagnostic))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title(conversion, function), cancellationToken => AsyncIteratorConverter.ApplyAsync(conversion, cancellationToken), equivalenceKey),
                    diagnostic);
            }

            if (counterpart is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(CounterpartTitle(counterpart), cancellationToken => AsyncIteratorConverter.ApplyAsync(counterpart, cancellationToken), equivalenceKey + CounterpartKeySuffix),
                    diagnostic);
            }
        }

        /// <summary>
        /// Sync functions enumerate the iterator too (YA1002 says so): converting it would break them, so only
        /// "Add async counterpart" is offered (one click and Fix All alike).
        /// </summary>
        public static bool CounterpartOnly(Diagnostic diagnostic) =>
            diagnostic.Id == DiagnosticIds.SyncCallWithAsyncCounterpartInIterator
            && YA1002FixProperties.TryRead(diagnostic, out var properties)
            && properties.SyncConsumers;

        private static string CounterpartTitle(ConversionPlan plan)
        {
            var title = $"Add async counterpart '{plan.Functions[0].NewName}'";
            var callers = plan.Callers.Count;
            return callers == 0 ? title : callers == 1 ? title + " (1 caller moves to it)" : title + $" ({callers} callers move to it)";
        }

        private static string Title(ConversionPlan plan, SyntaxNode function)
        {
            var converted = plan.Functions.First(f => f.Declaration == function);
            var name = converted.Name;
            var callers = plan.Callers.Count;
            var others = plan.Functions.Count(f => f.HasBody) - 1;
            var title = converted.NewName is null ? $"Convert '{name}' to async iterator" : $"Convert '{name}' to async iterator '{converted.NewName}'";
            if (callers > 0)
            {
                title += callers == 1 ? " (1 caller" : $" ({callers} callers";
                title += others == 0 ? ")" : others == 1 ? ", 1 more iterator)" : $", {others} more iterators)";
            }

            return title;
        }
    }
}
