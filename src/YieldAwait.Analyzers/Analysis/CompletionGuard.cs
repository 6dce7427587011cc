using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Recognises a blocking access that the code has just made safe by proving the task complete:
    /// <c>if (t.IsCompleted) … t.Result</c>, <c>t.IsCompletedSuccessfully ? t.Result : …</c>,
    /// <c>t.IsCompleted &amp;&amp; t.Result</c>, an earlier <c>if (!t.IsCompleted) yield break;</c>,
    /// an earlier polling loop <c>while (!t.IsCompleted) yield return null;</c>, or an earlier
    /// <c>await t;</c> / <c>await Task.WhenAll(…, t, …);</c>, or an earlier <c>if (!t.IsCompleted) { await Task.WhenAny(t, delay); … }</c>
    /// whose other paths leave. The check must prove completion on the path taken: <c>if (!t.IsCompleted) … t.Result</c> still
    /// blocks. Part of <see cref="CompletionProof"/>.
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

        private static bool HasEarlierGuard(IBlockOperation block, IOperation statement, ISymbol symbol, AsyncTypes types) =>
            EstablishesCompletion(block.Operations.TakeWhile(earlier => earlier != statement), symbol, types);

        /// <summary><c>if (!t.IsCompleted) yield break;</c>: the code after it runs only when the condition was false.</summary>
        private static bool IsExitUnlessCompleted(IOperation statement, ISymbol symbol) =>
            statement is IConditionalOperation { WhenFalse: null } check
            && ExitsUnconditionally(check.WhenTrue)
            && ProvesCompleted(check.Condition, symbol, whenTrue: false);

        /// <summary>
        /// <c>if (!t.IsCompleted) { var winner = await Task.WhenAny(t.AsTask(), delay); if (winner == delay) throw …; }</c>: the
        /// code after it runs because the task had completed, or because the body made sure it has (its other paths leave).
        /// </summary>
        private static bool IsWaitedForUnlessCompleted(IOperation statement, ISymbol symbol, AsyncTypes types) =>
            statement is IConditionalOperation { WhenFalse: null } check
            && ProvesCompleted(check.Condition, symbol, whenTrue: false)
            && EstablishesCompletion(check.WhenTrue, symbol, types);

        /// <summary>
        /// Running <paramref name="body"/> to its end leaves the task complete: it awaits it, exits unless it completed, or awaits
        /// <c>Task.WhenAny</c> of the task (or a local holding <c>t.AsTask()</c>) and one other, then exits when the other won.
        /// </summary>
        private static bool EstablishesCompletion(IOperation body, ISymbol symbol, AsyncTypes types) =>
            EstablishesCompletion(body is IBlockOperation block ? block.Operations : ImmutableArray.Create(body), symbol, types);

        /// <summary>
        /// Running <paramref name="statements"/> in turn leaves the task complete: one awaits it, exits unless it completed,
        /// polls until it has, waits for it unless it had (<see cref="IsWaitedForUnlessCompleted"/>), or races it with one other
        /// task in <c>Task.WhenAny</c> and a later one exits unless it won. A local holding <c>t.AsTask()</c> stands for <c>t</c>.
        /// </summary>
        private static bool EstablishesCompletion(IEnumerable<IOperation> statements, ISymbol symbol, AsyncTypes types)
        {
            var aliases = new List<ISymbol> { symbol };
            ISymbol? winner = null;
            IOperation? rival = null;
            foreach (var statement in statements)
            {
                foreach (var alias in aliases)
                {
                    if (IsExitUnlessCompleted(statement, alias) || IsLoopUntilCompleted(statement, alias) || AwaitsUnconditionally(statement, alias, types)
                        || IsWaitedForUnlessCompleted(statement, alias, types))
                    {
                        return true;
                    }
                }

                if (statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation assigned, Value: var assignedValue } }
                    && RaceOf(assignedValue, aliases, types) is { } assignedRace)
                {
                    winner = assigned.Local;
                    rival = assignedRace;
                }
                else if (statement is IVariableDeclarationGroupOperation group)
                {
                    foreach (var declarator in group.Declarations.SelectMany(d => d.Declarators))
                    {
                        if (declarator.Initializer?.Value is not { } initial)
                        {
                            continue;
                        }

                        if (aliases.Any(alias => RefersTo(CompletionProof.Stripped(initial, types), alias)))
                        {
                            aliases.Add(declarator.Symbol);
                        }
                        else if (RaceOf(initial, aliases, types) is { } race)
                        {
                            winner = declarator.Symbol;
                            rival = race;
                        }
                    }
                }
                else if (statement is IConditionalOperation { WhenFalse: null } exit
                    && ExitsUnconditionally(exit.WhenTrue)
                    && LeavesWhenRivalWins(exit.Condition, winner, rival, aliases, types))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The other task of <c>await Task.WhenAny(t, other)</c>, when one of the two is the task (or an alias).</summary>
        private static IOperation? RaceOf(IOperation value, List<ISymbol> aliases, AsyncTypes types)
        {
            if (BlockingFormRecognizer.Unwrap(value) is not IAwaitOperation await
                || WithoutConfigureAwait(BlockingFormRecognizer.Unwrap(await.Operation), types) is not IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WhenAny" } whenAny } call
                || !SymbolEqualityComparer.Default.Equals(whenAny.ContainingType, types.Task))
            {
                return null;
            }

            var tasks = TaskArguments.Listed(call, types);
            if (tasks.Length != 2)
            {
                return null;
            }

            bool IsTheTask(IOperation task) => aliases.Any(alias => RefersTo(CompletionProof.Stripped(task, types), alias));
            return IsTheTask(tasks[0]) && !IsTheTask(tasks[1]) ? tasks[1]
                : IsTheTask(tasks[1]) && !IsTheTask(tasks[0]) ? tasks[0]
                : null;
        }

        /// <summary>
        /// <c>winner == delay</c>, <c>winner != next</c>, or the same with the <c>await Task.WhenAny(…)</c> written in place; also as one
        /// side of an <c>||</c> (the code after the exit runs only when every side was false).
        /// </summary>
        private static bool LeavesWhenRivalWins(IOperation condition, ISymbol? winner, IOperation? rival, List<ISymbol> aliases, AsyncTypes types)
        {
            var unwrapped = BlockingFormRecognizer.Unwrap(condition);
            if (unwrapped is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either)
            {
                return LeavesWhenRivalWins(either.LeftOperand, winner, rival, aliases, types)
                    || LeavesWhenRivalWins(either.RightOperand, winner, rival, aliases, types);
            }

            if (unwrapped is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison)
            {
                return false;
            }

            foreach (var (first, second) in new[] { (comparison.LeftOperand, comparison.RightOperand), (comparison.RightOperand, comparison.LeftOperand) })
            {
                var race = winner is not null && RefersTo(first, winner) ? rival : RaceOf(first, aliases, types);
                if (race is null)
                {
                    continue;
                }

                var compared = BlockingFormRecognizer.Unwrap(second);
                if (comparison.OperatorKind == BinaryOperatorKind.Equals
                    ? ReferencedSymbol(BlockingFormRecognizer.Unwrap(race)) is { } rivalSymbol && RefersTo(compared, rivalSymbol)
                    : aliases.Any(alias => RefersTo(compared, alias)))
                {
                    return true;
                }
            }

            return false;
        }

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

            foreach (var task in TaskArguments.Listed(invocation, types))
            {
                if (RefersTo(task, symbol))
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
