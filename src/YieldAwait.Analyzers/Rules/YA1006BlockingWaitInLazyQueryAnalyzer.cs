using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA1006: a lambda given to a deferred LINQ operator (<c>Select</c>, <c>Where</c>, <c>SelectMany</c>, <c>TakeWhile</c>…)
    /// blocks on async work. The lambda runs inside the query's generator, once per element, on whichever thread enumerates
    /// it, so the query is a sync generator blocking on a coroutine (YA1001) in disguise. YA1001/YA1005 leave lambdas to this rule.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA1006BlockingWaitInLazyQueryAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.BlockingWaitInLazyQuery,
            title: "Blocking on async work inside a lazy query",
            messageFormat: "'{0}' blocks the thread inside the lambda given to '{1}', once per element each time the query is enumerated; make the pipeline an async stream",
            DiagnosticCategories.AsyncInIterators,
            DiagnosticSeverity.Warning,
            description: "A lambda given to a deferred LINQ operator runs when the query is enumerated, once per element. Blocking on a "
                + "task there ties up the enumerating thread for every element and can deadlock under a synchronization context. "
                + "An async stream (IAsyncEnumerable<T> with async LINQ) awaits the same work instead.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = AsyncTypes.TryCreate(start.Compilation);
                var enumerable = start.Compilation.GetBestTypeByMetadataName("System.Linq.Enumerable");
                if (types is null || enumerable is null)
                {
                    return;
                }

                var recognizer = new BlockingFormRecognizer(types, start.Compilation);

                // A gate on members that spell a lambda (=>, delegate, from) cost more than it saved on real code: most members
                // spell one, and the text search and per-type callbacks came on top (0.38% → 0.68% of the compile).
                start.RegisterOperationAction(
                    operationContext => Analyze(operationContext, recognizer, enumerable),
                    OperationKind.Invocation,
                    OperationKind.PropertyReference);
            });
        }

        private static void Analyze(OperationAnalysisContext context, BlockingFormRecognizer recognizer, INamedTypeSymbol enumerable)
        {
            if (!recognizer.TryMatch(context.Operation, out var form))
            {
                return;
            }

            SourceIndex.For(context.Compilation).Passed(Rule.Id);
            if (!LazyQueryLambda.TryFind(context.Operation, enumerable, out _, out var query)
                || recognizer.CannotBlock(form))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                form.Operation.Syntax.GetLocation(),
                form.Display,
                query.TargetMethod.Name));
        }
    }
}
