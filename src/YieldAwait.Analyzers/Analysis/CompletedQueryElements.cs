using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Tasks a query lambda blocks on that are already complete when the query runs, so the blocking form reads a result:
    /// <c>await Task.WhenAll(tasks); tasks.Select(t => t.Result)</c>, <c>Task.WaitAll(tasks)</c> before it (that wait is the
    /// blocking one), <c>tasks.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result)</c>,
    /// <c>Task.WhenAll(tasks).ContinueWith(_ => tasks.Select(t => t.Result))</c>, and a captured task guarded before the query.
    /// Completion is permanent, so a guard that holds where the query is built still holds when it is enumerated.
    /// </summary>
    internal static class CompletedQueryElements
    {
        /// <summary>Operators whose elements are their source's elements, so a guard on the source carries through.</summary>
        private static readonly ImmutableHashSet<string> KeepElements = LinqOperators.Named(LinqFacets.KeepsElements);

        /// <summary><paramref name="awaited"/>, read in <paramref name="lambda"/> given to <paramref name="query"/>, is proven complete.</summary>
        public static bool AreComplete(IOperation awaited, IAnonymousFunctionOperation lambda, IInvocationOperation query, AsyncTypes types)
        {
            switch (awaited)
            {
                case IParameterReferenceOperation { Parameter: var parameter }
                    when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, lambda.Symbol) && parameter.Ordinal == 0:
                    return SourceIsComplete(query, LazyQueryLambda.SourceOf(query), types);

                // jobs.Select(j => j.Task.Result) after await Task.WhenAll(jobs.Select(j => j.Task)): a task held by each element.
                case IMemberReferenceOperation { Instance: IParameterReferenceOperation { Parameter: var owner } }
                    when SymbolEqualityComparer.Default.Equals(owner.ContainingSymbol, lambda.Symbol) && owner.Ordinal == 0:
                    return RootSymbol(LazyQueryLambda.SourceOf(query)) is { } root && AwaitedAllBefore(query, root, types);

                // pending[key].Result after await Task.WhenAll(pending.Values): each value of the dictionary was awaited.
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } collection }
                    when RootSymbol(collection) is { } keyed && AwaitedAllBefore(query, keyed, types):
                    return true;

                case ILocalReferenceOperation { Local: var local } when !IsDeclaredIn(local, lambda):
                    return CompletionGuard.IsGuarded(query, awaited, types) || WaitedBefore(query, local, types);

                case IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation:
                    return CompletionGuard.IsGuarded(query, awaited, types);

                default:
                    return false;
            }
        }

        private static bool IsDeclaredIn(ILocalSymbol local, IAnonymousFunctionOperation lambda) =>
            !local.DeclaringSyntaxReferences.IsEmpty && lambda.Syntax.Span.Contains(local.DeclaringSyntaxReferences[0].Span);

        /// <summary>
        /// The elements of <paramref name="source"/> are tasks proven complete where <paramref name="anchor"/> (the query, or
        /// the <c>foreach</c> over the source) runs.
        /// </summary>
        public static bool SourceIsComplete(IOperation anchor, IOperation? source, AsyncTypes types)
        {
            var query = anchor;
            while (source is IInvocationOperation link && link.TargetMethod.ContainingType?.Name == "Enumerable" && KeepElements.Contains(link.TargetMethod.Name))
            {
                if (link.TargetMethod.Name == "Where" && FiltersToCompleted(link))
                {
                    return true;
                }

                source = LazyQueryLambda.SourceOf(link);
            }

            if (source is null || ReferencedSymbol(source) is not { } symbol)
            {
                return false;
            }

            return CompletionGuard.IsGuarded(query, source, types)
                || WaitedBefore(query, symbol, types)
                || InContinuationOf(query, symbol, types)
                || (RootSymbol(source) is { } root && AwaitedAllBefore(query, root, types));
        }

        /// <summary>
        /// An earlier statement awaits <c>Task.WhenAll</c> over a sequence drawn from the same collection:
        /// <c>await Task.WhenAll(jobs.Select(j => j.Task))</c>, <c>var all = await Task.WhenAll(byId.Values)</c>.
        /// </summary>
        private static bool AwaitedAllBefore(IOperation query, ISymbol root, AsyncTypes types)
        {
            var child = query;
            for (var parent = query.Parent; parent is not null and not IAnonymousFunctionOperation and not ILocalFunctionOperation; child = parent, parent = parent.Parent)
            {
                if (parent is not IBlockOperation block)
                {
                    continue;
                }

                foreach (var statement in block.Operations)
                {
                    if (statement == child)
                    {
                        break;
                    }

                    if (AwaitedValue(FirstOfTry(statement)) is { } awaited
                        && CompletionGuard.WithoutConfigureAwait(BlockingFormRecognizer.Unwrap(awaited), types) is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WhenAll" } whenAll } call
                        && SymbolEqualityComparer.Default.Equals(whenAll.ContainingType, types.Task)
                        && call.Arguments.Length == 1
                        && SymbolEqualityComparer.Default.Equals(RootSymbol(call.Arguments[0].Value), root))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// <c>try { await Task.WhenAll(tasks); } catch { … }</c>: when the try starts with the await, whatever the catch swallowed,
        /// WhenAll finished only after every task had completed (faulted ones included), so the tasks are complete after it.
        /// </summary>
        private static IOperation FirstOfTry(IOperation statement) =>
            statement is ITryOperation { Body.Operations: { Length: > 0 } body } ? body[0] : statement;

        /// <summary>What <c>await x;</c>, <c>var y = await x;</c> or <c>y = await x;</c> awaits.</summary>
        private static IOperation? AwaitedValue(IOperation statement)
        {
            var value = statement switch
            {
                IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment } => assignment.Value,
                IExpressionStatementOperation expression => expression.Operation,
                IVariableDeclarationGroupOperation { Declarations.Length: 1 } group
                    when group.Declarations[0].Declarators.Length == 1 => group.Declarations[0].Declarators[0].Initializer?.Value,
                _ => null,
            };
            return value?.WithoutImplicitConversions() is IAwaitOperation await ? await.Operation : null;
        }

        /// <summary>The collection a sequence is drawn from: <c>jobs</c> in <c>jobs.Where(…).Select(…)</c> and in <c>jobs.Values</c>.</summary>
        private static ISymbol? RootSymbol(IOperation? operation)
        {
            while (operation is not null)
            {
                operation = operation.WithoutImplicitConversions();
                switch (operation)
                {
                    case IInvocationOperation { TargetMethod.ContainingType.Name: "Enumerable" } link:
                        operation = LazyQueryLambda.SourceOf(link);
                        continue;
                    case IPropertyReferenceOperation { Property.Name: "Values" or "Keys", Instance: { } instance }:
                        operation = instance;
                        continue;
                    default:
                        return ReferencedSymbol(operation);
                }
            }

            return null;
        }

        /// <summary><c>Where(t => t.IsCompleted)</c>, <c>Where(t => t.IsCompletedSuccessfully &amp;&amp; …)</c>.</summary>
        private static bool FiltersToCompleted(IInvocationOperation where)
        {
            foreach (var argument in where.Arguments)
            {
                if (argument.Value.WithoutImplicitConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation filter }
                    && filter.Symbol.Parameters.Length == 1
                    && ReturnedValue(filter) is { } condition
                    && ProvesCompleted(condition, filter.Symbol.Parameters[0]))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? ReturnedValue(IAnonymousFunctionOperation function) =>
            function.Body.Operations.Length == 1 && function.Body.Operations[0] is IReturnOperation { ReturnedValue: { } value }
                ? value.WithoutImplicitConversions()
                : null;

        private static bool ProvesCompleted(IOperation condition, IParameterSymbol parameter) => condition switch
        {
            IPropertyReferenceOperation { Property.Name: "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled", Instance: { } instance } =>
                instance.WithoutImplicitConversions() is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals, LeftOperand: var left, RightOperand: var right }
                when right.WithoutImplicitConversions() is IFieldReferenceOperation { Field.Name: "RanToCompletion" } =>
                left.WithoutImplicitConversions() is IPropertyReferenceOperation { Property.Name: "Status", Instance: { } status }
                && status.WithoutImplicitConversions() is IParameterReferenceOperation statusOf
                && SymbolEqualityComparer.Default.Equals(statusOf.Parameter, parameter),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both =>
                ProvesCompleted(both.LeftOperand.WithoutImplicitConversions(), parameter) || ProvesCompleted(both.RightOperand.WithoutImplicitConversions(), parameter),
            _ => false,
        };

        /// <summary>An earlier statement <c>Task.WaitAll(tasks)</c>, <c>Task.WhenAll(tasks).Wait()</c> or <c>….GetAwaiter().GetResult()</c>.</summary>
        private static bool WaitedBefore(IOperation query, ISymbol symbol, AsyncTypes types)
        {
            var child = query;
            for (var parent = query.Parent; parent is not null and not IAnonymousFunctionOperation and not ILocalFunctionOperation; child = parent, parent = parent.Parent)
            {
                if (parent is not IBlockOperation block)
                {
                    continue;
                }

                foreach (var statement in block.Operations)
                {
                    if (statement == child)
                    {
                        break;
                    }

                    if (statement is IExpressionStatementOperation { Operation: IInvocationOperation call } && WaitsFor(call, symbol, types))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool WaitsFor(IInvocationOperation call, ISymbol symbol, AsyncTypes types)
        {
            var method = call.TargetMethod;
            if (method.IsStatic && method.Name == "WaitAll" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Task))
            {
                return call.Arguments.Length == 1 && Mentions(call.Arguments[0].Value, symbol);
            }

            var waited = method.Name switch
            {
                "Wait" when method.Parameters.IsEmpty => call.Instance,
                "GetResult" => BlockingFormRecognizer.AwaitableOf(call.Instance),
                _ => null,
            };
            return waited is not null && IsWhenAllOf(CompletionGuard.WithoutConfigureAwait(BlockingFormRecognizer.Unwrap(waited), types), symbol, types);
        }

        /// <summary>The query is built inside <c>Task.WhenAll(tasks).ContinueWith(…)</c>.</summary>
        private static bool InContinuationOf(IOperation query, ISymbol symbol, AsyncTypes types)
        {
            for (var parent = query.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation)
                {
                    return parent.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "ContinueWith", Instance: { } antecedent } } }
                        && IsWhenAllOf(BlockingFormRecognizer.Unwrap(antecedent), symbol, types);
                }

                if (parent is ILocalFunctionOperation)
                {
                    return false;
                }
            }

            return false;
        }

        private static bool IsWhenAllOf(IOperation operation, ISymbol symbol, AsyncTypes types) =>
            operation is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WhenAll" } whenAll } invocation
            && SymbolEqualityComparer.Default.Equals(whenAll.ContainingType, types.Task)
            && invocation.Arguments.Length == 1
            && Mentions(invocation.Arguments[0].Value, symbol);

        private static bool Mentions(IOperation value, ISymbol symbol) =>
            SymbolEqualityComparer.Default.Equals(ReferencedSymbol(value.WithoutImplicitConversions()), symbol);

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
