using System.Collections.Concurrent;
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
        private readonly ConcurrentDictionary<SyntaxNode, bool> _containsYield = new();

        private BlockingWaitDetection(BlockingFormRecognizer recognizer, IteratorKind target, DiagnosticDescriptor rule)
        {
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

                var detection = new BlockingWaitDetection(new BlockingFormRecognizer(types, start.Compilation), target, rule);
                start.RegisterOperationAction(detection.Analyze, OperationKind.Invocation, OperationKind.PropertyReference);
            });
        }

        private void Analyze(OperationAnalysisContext context)
        {
            if (!_recognizer.TryMatch(context.Operation, out var form)
                || !EnclosingFunction.TryFind(context.Operation, context.ContainingSymbol, out var function, out var declaration)
                || IteratorFacts.Classify(function, _recognizer.Types) != _target
                || !_containsYield.GetOrAdd(declaration, IteratorFacts.ContainsYield)
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
