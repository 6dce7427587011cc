using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.Finiteness;
using YieldAwait.Analyzers.FixProperties;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA2001: an infinite sequence is read to its end (<c>ToList</c>, <c>Count</c>, <c>OrderBy</c>, <c>string.Join</c>,
    /// <c>new List&lt;T&gt;(…)</c>, <c>ToListAsync</c>…). A generator that never ends only works on demand; the call never
    /// returns, and it fills memory until the process dies.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA2001InfiniteSequenceMaterialisedAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.InfiniteSequenceMaterialised,
            title: "Infinite sequence is materialised",
            messageFormat: "'{0}' never returns: it reads to the end of the infinite sequence from '{1}'; bound it first with Take or TakeWhile",
            DiagnosticCategories.InfiniteSequences,
            DiagnosticSeverity.Warning,
            description: "A generator that never ends is only usable on demand. Materialising it (ToList, ToArray, Count, Sum, OrderBy, "
                + "string.Join, new List<T>(…), ToListAsync…) never returns and grows memory until the process fails. Bound the sequence "
                + "first (Take, TakeWhile, First) or keep it lazy.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (InfiniteSequenceAnalysis.TryCreate(start.Compilation, start.Options) is not { } analysis
                    || !analysis.MayHaveInfiniteSources(start.CancellationToken))
                {
                    return;
                }

                var state = new State(analysis);
                start.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
                start.RegisterOperationAction(state.AnalyzeObjectCreation, OperationKind.ObjectCreation);
            });
        }

        private sealed class State
        {
            private readonly InfiniteSequenceAnalysis _analysis;

            public State(InfiniteSequenceAnalysis analysis) => _analysis = analysis;

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var shape = SequenceOperators.Classify(invocation.TargetMethod);
                if (shape.Role == SequenceOperatorRole.Materialises)
                {
                    SourceIndex.For(context.Compilation).Passed(Rule.Id);
                    Report(context, shape, invocation.Arguments);
                }
            }

            public void AnalyzeObjectCreation(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (creation.Constructor is { } constructor)
                {
                    var shape = SequenceOperators.ClassifyConstructor(constructor);
                    if (shape.Role == SequenceOperatorRole.Materialises)
                    {
                        SourceIndex.For(context.Compilation).Passed(Rule.Id);
                        Report(context, shape, creation.Arguments);
                    }
                }
            }

            private void Report(OperationAnalysisContext context, SequenceOperator shape, ImmutableArray<IArgumentOperation> arguments)
            {
                var source = _analysis.EvaluateSequenceArguments(shape, arguments, context.ContainingSymbol, every: false, context.CancellationToken);
                if (source.IsInfinite)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rule,
                        OperatorLocation.Of(context.Operation.Syntax),
                        new YA2001FixProperties(shape.Name).Write(),
                        shape.Name,
                        source.Origin));
                }
            }
        }
    }
}
