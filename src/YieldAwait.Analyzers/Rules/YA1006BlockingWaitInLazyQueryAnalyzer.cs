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

                // The rule starts from the query operator and reads its lambdas, rather than asking of every call and every
                // property read whether a query's lambda is around it: one callback per call, none per property read. (A gate
                // on members that spell a lambda cost more than it saved: most members spell one.)
                start.RegisterOperationAction(
                    operationContext => AnalyzeQuery(operationContext, recognizer, enumerable),
                    OperationKind.Invocation);
            });
        }

        private static void AnalyzeQuery(OperationAnalysisContext context, BlockingFormRecognizer recognizer, INamedTypeSymbol enumerable)
        {
            var query = (IInvocationOperation)context.Operation;
            if (!LazyQueryLambda.IsDeferredOperator(query.TargetMethod, enumerable))
            {
                return;
            }

            foreach (var argument in query.Arguments)
            {
                if (argument.Value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                {
                    // What runs in the lambda's own body: the innermost lambda is the one a blocking form is charged to
                    // (LazyQueryLambda.TryFind), so nested lambdas are read from their own operator.
                    foreach (var operation in OwnOperations.Of(lambda.Body))
                    {
                        if (operation is IInvocationOperation or IPropertyReferenceOperation)
                        {
                            Analyze(context, operation, query, recognizer);
                        }
                    }
                }
            }
        }

        private static void Analyze(OperationAnalysisContext context, IOperation operation, IInvocationOperation query, BlockingFormRecognizer recognizer)
        {
            if (!recognizer.TryMatch(operation, out var form))
            {
                return;
            }

            SourceIndex.For(context.Compilation).Passed(Rule.Id);
            if (recognizer.CannotBlock(form))
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
