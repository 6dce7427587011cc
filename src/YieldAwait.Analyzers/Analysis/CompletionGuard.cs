using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Recognises a blocking access that the code has just made safe by checking the task's state:
    /// <c>if (t.IsCompleted) … t.Result</c>, <c>t.IsCompletedSuccessfully ? t.Result : …</c>,
    /// <c>t.IsCompleted &amp;&amp; t.Result</c>, or an earlier <c>if (!t.IsCompleted) yield break;</c>.
    /// </summary>
    internal static class CompletionGuard
    {
        public static bool IsGuarded(IOperation blocking, IOperation awaitable)
        {
            var symbol = ReferencedSymbol(BlockingFormRecognizer.Unwrap(awaitable));
            if (symbol is null)
            {
                return false;
            }

            var child = blocking;
            for (var parent = blocking.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                    case IConditionalOperation conditional when conditional.WhenTrue == child && ChecksState(conditional.Condition, symbol, whenTrue: true):
                        return true;
                    case IConditionalOperation conditional when conditional.WhenFalse == child && ChecksState(conditional.Condition, symbol, whenTrue: false):
                        return true;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction when conjunction.RightOperand == child && ChecksState(conjunction.LeftOperand, symbol, whenTrue: true):
                        return true;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction when disjunction.RightOperand == child && ChecksState(disjunction.LeftOperand, symbol, whenTrue: false):
                        return true;
                    case IBlockOperation block when HasEarlierExitGuard(block, child, symbol):
                        return true;
                }
            }

            return false;
        }

        private static bool HasEarlierExitGuard(IBlockOperation block, IOperation statement, ISymbol symbol)
        {
            foreach (var earlier in block.Operations)
            {
                if (earlier == statement)
                {
                    return false;
                }

                if (earlier is IConditionalOperation { WhenFalse: null } check
                    && ExitsUnconditionally(check.WhenTrue)
                    && ChecksState(check.Condition, symbol, whenTrue: false))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ExitsUnconditionally(IOperation operation) => operation switch
        {
            IBlockOperation { Operations.Length: > 0 } block => ExitsUnconditionally(block.Operations[block.Operations.Length - 1]),
            IReturnOperation or IBranchOperation => true,
            IExpressionStatementOperation { Operation: IThrowOperation } => true,
            IThrowOperation => true,
            _ => false,
        };

        /// <summary>
        /// True when <paramref name="condition"/> tests the task's state, and that test holds on the branch taken
        /// (<paramref name="whenTrue"/>): <c>!t.IsCompleted</c> guards the else branch, not the then branch.
        /// </summary>
        private static bool ChecksState(IOperation condition, ISymbol symbol, bool whenTrue)
        {
            foreach (var node in condition.DescendantsAndSelf())
            {
                if (node is IPropertyReferenceOperation { Property.Name: "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled" or "Status" } check
                    && check.Instance is not null
                    && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(BlockingFormRecognizer.Unwrap(check.Instance)), symbol)
                    && IsAffirmed(check, condition) == whenTrue)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the condition being true means the check itself is true (an even number of negations).</summary>
        private static bool IsAffirmed(IOperation check, IOperation condition)
        {
            var affirmed = true;
            for (var current = check; current != condition && current.Parent is { } parent; current = parent)
            {
                switch (parent)
                {
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals }:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } comparison when IsFalse(comparison.LeftOperand) || IsFalse(comparison.RightOperand):
                        affirmed = !affirmed;
                        break;
                }
            }

            return affirmed;
        }

        private static bool IsFalse(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: false };

        private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property,
            _ => null,
        };
    }
}
