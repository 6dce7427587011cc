using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Shared by YA1001 (sync iterators) and YA1005 (async iterators): a blocking form whose enclosing
    /// function is an iterator of the given kind.
    /// </summary>
    internal sealed class BlockingWaitDetection
    {
        private readonly BlockingFormRecognizer _recognizer;
        private readonly IteratorKind _target;
        private readonly DiagnosticDescriptor _rule;
        private readonly SourceIndex _index;

        private BlockingWaitDetection(BlockingFormRecognizer recognizer, IteratorKind target, DiagnosticDescriptor rule, SourceIndex index)
        {
            _index = index;
            _recognizer = recognizer;
            _target = target;
            _rule = rule;
        }

        public static void Register(AnalysisContext context, IteratorKind target, DiagnosticDescriptor rule)
        {
            context.RegisterCompilationStartAction(start =>
            {
                var types = AsyncTypes.TryCreate(start.Compilation);
                if (types is null || (target == IteratorKind.Async && types.IAsyncEnumerableOfT is null))
                {
                    return;
                }

                var index = SourceIndex.For(start.Compilation);
                if (index.HasNoIterators)
                {
                    return;
                }

                var detection = new BlockingWaitDetection(new BlockingFormRecognizer(types, start.Compilation), target, rule, index);

                // Only members that are or hold an iterator get the per-operation callbacks: most members have none.
                GatedRegistration.ForMembers(
                    start,
                    index.OverlapsIterator,
                    block => block.RegisterOperationAction(detection.Analyze, OperationKind.Invocation, OperationKind.PropertyReference));
            });
        }

        private void Analyze(OperationAnalysisContext context)
        {
            // Gate: only code in an iterator's own body can block one; most code has no iterator around it.
            if (!_index.IsInIterator(context.Operation.Syntax))
            {
                return;
            }

            _index.Passed(_rule.Id);
            if (!_recognizer.TryMatch(context.Operation, out var form)
                || !EnclosingFunction.TryFind(context.Operation, context.ContainingSymbol, out var function, out _)
                || IteratorFacts.Classify(function, _recognizer.Types) != _target
                || _recognizer.CannotBlock(form))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                _rule,
                form.Operation.Syntax.GetLocation(),
                form.Display,
                EnclosingFunction.DisplayName(function)));
        }
    }
}
