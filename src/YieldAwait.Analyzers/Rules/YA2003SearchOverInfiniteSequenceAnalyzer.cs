using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.Finiteness;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA2003: a search over an infinite sequence (<c>Contains</c>, <c>Any(p)</c>, <c>All(p)</c>, <c>First(p)</c>,
    /// <c>Single(p)</c>, <c>SequenceEqual</c> of two infinite sequences, and their async forms) returns only if it finds its
    /// answer; when nothing matches, it enumerates the generator forever.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA2003SearchOverInfiniteSequenceAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.SearchOverInfiniteSequence,
            title: "Search over an infinite sequence may never finish",
            messageFormat: "'{0}' over the infinite sequence from '{1}' returns only if it finds its answer; otherwise it never finishes",
            DiagnosticCategories.InfiniteSequences,
            DiagnosticSeverity.Info,
            description: "A search over a generator that never ends stops only when it finds what it looks for: Contains when the value "
                + "appears, Any(p)/First(p) when an element matches, All(p) when one does not, Single(p) never (it must see every element), "
                + "SequenceEqual of two infinite sequences when they differ. Bound the sequence (Take, TakeWhile) unless the answer is certain.");

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
                if (shape.Role != SequenceOperatorRole.Searches)
                {
                    return;
                }

                SourceIndex.For(context.Compilation).Passed(Rule.Id);

                // Every searched sequence must be infinite: SequenceEqual with a finite side stops when that side ends.
                var searched = _analysis.EvaluateSequenceArguments(shape, invocation.Arguments, context.ContainingSymbol, every: true, context.CancellationToken);
                if (!searched.IsInfinite)
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(Rule, OperatorLocation.Of(invocation.Syntax), shape.Name, searched.Origin));
            }
        }
    }
}
