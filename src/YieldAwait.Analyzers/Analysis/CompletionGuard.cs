using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Recognises a blocking access that the code has just made safe by proving the task complete:
    /// <c>if (t.IsCompleted) … t.Result</c>, <c>t.IsCompletedSuccessfully ? t.Result : …</c>,
    /// <c>t.IsCompleted &amp;&amp; t.Result</c>, an earlier <c>if (!t.IsCompleted) yield break;</c>,
    /// an earlier polling loop <c>while (!t.IsCompleted) yield return null;</c>, or an earlier
    /// <c>await t;</c> / <c>await Task.WhenAll(…, t, …);</c>. The check must prove completion on the
    /// path taken: <c>if (!t.IsCompleted) … t.Result</c> still blocks.
    /// </summary>
    internal static class CompletionGuard
    {
        public static bool IsGuarded(IOperation blocking, IOperation awaitable, AsyncTypes types)
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
                    case IConditionalOperation conditional when conditional.WhenTrue == child && ProvesCompleted(conditional.Condition, symbol, whenTrue: true):
                        return true;
                    case IConditionalOperation conditional when conditional.WhenFalse == child && ProvesCompleted(conditional.Condition, symbol, whenTrue: false):
                        return true;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction when conjunction.RightOperand == child && ProvesCompleted(conjunction.LeftOperand, symbol, whenTrue: true):
                        return true;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction when disjunction.RightOperand == child && ProvesCompleted(disjunction.LeftOperand, symbol, whenTrue: false):
                        return true;
                    case IBlockOperation block when HasEarlierGuard(block, child, symbol, types):
                        return true;
                }
            }

            return false;
        }

        private static bool HasEarlierGuard(IBlockOperation block, IOperation statement, ISymbol symbol, AsyncTypes types)
        {
            foreach (var earlier in block.Operations)
            {
                if (earlier == statement)
                {
                    return false;
                }

                if (IsExitUnlessCompleted(earlier, symbol)
                    || IsLoopUntilCompleted(earlier, symbol)
                    || AwaitsUnconditionally(earlier, symbol, types))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>if (!t.IsCompleted) yield break;</c>: the code after it runs only when the condition was false.</summary>
        private static bool IsExitUnlessCompleted(IOperation statement, ISymbol symbol) =>
            statement is IConditionalOperation { WhenFalse: null } check
            && ExitsUnconditionally(check.WhenTrue)
            && ProvesCompleted(check.Condition, symbol, whenTrue: false);

        /// <summary><c>while (!t.IsCompleted) yield return null;</c>: a loop with no <c>break</c> or <c>goto</c> ends only when its condition is false.</summary>
        private static bool IsLoopUntilCompleted(IOperation statement, ISymbol symbol)
        {
            var condition = statement switch
            {
                IWhileLoopOperation { ConditionIsUntil: false } whileLoop => whileLoop.Condition,
                IForLoopOperation forLoop => forLoop.Condition,
                _ => null,
            };
            if (condition is null || !ProvesCompleted(condition, symbol, whenTrue: false))
            {
                return false;
            }

            var loop = (ILoopOperation)statement;
            foreach (var node in loop.Body.DescendantsAndSelf())
            {
                if (node is IBranchOperation branch
                    && (branch.BranchKind == BranchKind.GoTo
                        || (branch.BranchKind == BranchKind.Break && SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel))))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ExitsUnconditionally(IOperation operation) => operation switch
        {
            IBlockOperation { Operations.Length: > 0 } block => ExitsUnconditionally(block.Operations[block.Operations.Length - 1]),
            // yield return is an IReturnOperation too, but execution resumes after it.
            IReturnOperation { Kind: OperationKind.YieldReturn } => false,
            IReturnOperation or IBranchOperation => true,
            IExpressionStatementOperation { Operation: IThrowOperation } => true,
            IThrowOperation => true,
            _ => false,
        };

        /// <summary>True when <paramref name="condition"/> evaluating to <paramref name="whenTrue"/> means the task has completed.</summary>
        private static bool ProvesCompleted(IOperation condition, ISymbol symbol, bool whenTrue)
        {
            switch (BlockingFormRecognizer.Unwrap(condition))
            {
                case IPropertyReferenceOperation { Property.Name: "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled" } check:
                    return whenTrue && RefersTo(check.Instance, symbol);

                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation:
                    return ProvesCompleted(negation.Operand, symbol, !whenTrue);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction:
                    return whenTrue
                        ? ProvesCompleted(conjunction.LeftOperand, symbol, true) || ProvesCompleted(conjunction.RightOperand, symbol, true)
                        : ProvesCompleted(conjunction.LeftOperand, symbol, false) && ProvesCompleted(conjunction.RightOperand, symbol, false);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction:
                    return whenTrue
                        ? ProvesCompleted(disjunction.LeftOperand, symbol, true) && ProvesCompleted(disjunction.RightOperand, symbol, true)
                        : ProvesCompleted(disjunction.LeftOperand, symbol, false) || ProvesCompleted(disjunction.RightOperand, symbol, false);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    var operandsEqual = (comparison.OperatorKind == BinaryOperatorKind.Equals) == whenTrue;
                    return ProvesByComparison(comparison.LeftOperand, comparison.RightOperand, symbol, operandsEqual)
                        || ProvesByComparison(comparison.RightOperand, comparison.LeftOperand, symbol, operandsEqual);

                case IIsPatternOperation { Pattern: IConstantPatternOperation constant } isPattern:
                    return ProvesByComparison(isPattern.Value, constant.Value, symbol, operandsEqual: whenTrue);

                default:
                    return false;
            }
        }

        /// <summary><c>t.IsCompleted == false</c>, <c>t.Status == TaskStatus.RanToCompletion</c>, <c>t.Status != TaskStatus.Faulted</c>…</summary>
        private static bool ProvesByComparison(IOperation value, IOperation constant, ISymbol symbol, bool operandsEqual)
        {
            constant = BlockingFormRecognizer.Unwrap(constant);
            if (constant.ConstantValue is { HasValue: true, Value: bool expected })
            {
                return ProvesCompleted(value, symbol, whenTrue: operandsEqual == expected);
            }

            // Only equality with a final status proves anything; "!= Running" still allows WaitingForActivation.
            return operandsEqual
                && constant is IFieldReferenceOperation { Field.Name: "RanToCompletion" or "Faulted" or "Canceled" }
                && BlockingFormRecognizer.Unwrap(value) is IPropertyReferenceOperation { Property.Name: "Status" } status
                && RefersTo(status.Instance, symbol);
        }

        /// <summary>
        /// <c>await t;</c>, <c>var x = await t.ConfigureAwait(false);</c>, <c>await Task.WhenAll(a, t);</c>: a statement that
        /// awaits the task on every path through it, so the task has completed by the next statement.
        /// </summary>
        private static bool AwaitsUnconditionally(IOperation statement, ISymbol symbol, AsyncTypes types) =>
            statement is IExpressionStatementOperation or IVariableDeclarationGroupOperation or IReturnOperation { Kind: OperationKind.YieldReturn }
            && ContainsUnconditionalAwait(statement, symbol, types);

        private static bool ContainsUnconditionalAwait(IOperation operation, ISymbol symbol, AsyncTypes types)
        {
            switch (operation)
            {
                case IAwaitOperation awaited when AwaitCompletes(awaited.Operation, symbol, types):
                    return true;
                case IAnonymousFunctionOperation or ILocalFunctionOperation or IConditionalOperation:
                    return false;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                    return ContainsUnconditionalAwait(logical.LeftOperand, symbol, types);
                case ICoalesceOperation coalesce:
                    return ContainsUnconditionalAwait(coalesce.Value, symbol, types);
                case IConditionalAccessOperation access:
                    return ContainsUnconditionalAwait(access.Operation, symbol, types);
                case ICoalesceAssignmentOperation coalesceAssignment:
                    return ContainsUnconditionalAwait(coalesceAssignment.Target, symbol, types);
                case ISwitchExpressionOperation switchExpression:
                    return ContainsUnconditionalAwait(switchExpression.Value, symbol, types);
            }

            foreach (var child in operation.ChildOperations)
            {
                if (ContainsUnconditionalAwait(child, symbol, types))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AwaitCompletes(IOperation awaited, ISymbol symbol, AsyncTypes types)
        {
            awaited = WithoutConfigureAwait(BlockingFormRecognizer.Unwrap(awaited), types);
            if (RefersTo(awaited, symbol))
            {
                return true;
            }

            if (awaited is not IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WhenAll" } whenAll } invocation
                || !SymbolEqualityComparer.Default.Equals(whenAll.ContainingType, types.Task))
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                var value = BlockingFormRecognizer.Unwrap(argument.Value);
                if (value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        if (RefersTo(element, symbol))
                        {
                            return true;
                        }
                    }
                }
                else if (RefersTo(value, symbol))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>t.ConfigureAwait(false)</c> completes when <c>t</c> does.</summary>
        public static IOperation WithoutConfigureAwait(IOperation operation, AsyncTypes types) =>
            operation is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance } && types.IsTaskLike(instance.Type)
                ? BlockingFormRecognizer.Unwrap(instance)
                : operation;

        private static bool RefersTo(IOperation? operation, ISymbol symbol) =>
            operation is not null
            && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(BlockingFormRecognizer.Unwrap(operation)), symbol);

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
