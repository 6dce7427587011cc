using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// What an argument check in an iterator tests, and whether that is known when the iterator is called. Only a check of
    /// a parameter can move out of the generator; and only when it does not compare the parameter with data the iterator
    /// reads from its source (an element, <c>Current</c>, a count taken by enumerating, a line read from a reader) or with a
    /// callback's result, which exist only once the body runs. Locals are traced to the parameters and the reads they come
    /// from, once per iterator body.
    /// </summary>
    internal sealed class CheckSubject
    {
        private readonly Dictionary<ILocalSymbol, List<IOperation>> _sources = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _lateByLoop = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, (HashSet<IParameterSymbol> Parameters, bool Late)> _traced = new(SymbolEqualityComparer.Default);

        private CheckSubject(IOperation body)
        {
            foreach (var operation in OwnOperations.Of(body))
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                        Add(declarator.Symbol, initializer.Value, operation);
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        Add(target.Local, assignment.Value, operation);
                        break;
                    case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target }:
                        Add(target.Local, null, operation);
                        break;
                    case IForEachLoopOperation loop:
                        foreach (var local in loop.Locals)
                        {
                            Add(local, loop.Collection, operation);
                            if (IsLazySequence(loop.Collection))
                            {
                                _lateByLoop.Add(local);
                            }
                        }

                        break;
                    case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared } pattern when MatchedValue(pattern) is { } matched:
                        Add(declared, matched, operation);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref, Value: var value, Parent: { } call }:
                        if (Unwrap(value) is ILocalReferenceOperation written)
                        {
                            Add(written.Local, call, operation);
                        }

                        break;
                }
            }
        }

        /// <summary>The subject facts of one iterator body (the operation of its block).</summary>
        public static CheckSubject For(IOperation body) => new(body);

        /// <summary>
        /// The parameters <paramref name="check"/> tests, or an empty set when it tests something that is not an argument
        /// (a local, a field, a callback's result) or data read only once the sequence is enumerated.
        /// </summary>
        public IReadOnlyCollection<IParameterSymbol> CheckedParameters(IOperation check)
        {
            // The traces are filled in lazily, and the checks of one iterator may be analysed on several threads.
            lock (_traced)
            {
                var parameters = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
                foreach (var tested in Tested(check))
                {
                    if (Collect(tested, parameters))
                    {
                        return System.Array.Empty<IParameterSymbol>();
                    }
                }

                return parameters;
            }
        }

        /// <summary>What decides whether the check throws: the conditions and values it guards, not the exception it builds.</summary>
        internal static IEnumerable<IOperation> Tested(IOperation check)
        {
            if (check is IInvocationOperation invocation)
            {
                yield return invocation;
            }

            IOperation current = check;
            for (var parent = check.Parent; parent is not null; current = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when conditional.Condition != current:
                        yield return conditional.Condition;
                        break;
                    case ICoalesceOperation coalesce when coalesce.Value != current:
                        yield return coalesce.Value;
                        break;
                    case ISwitchOperation @switch when @switch.Value != current:
                        yield return @switch.Value;
                        break;
                    case ISwitchExpressionOperation switchExpression when switchExpression.Value != current:
                        yield return switchExpression.Value;
                        break;
                    case ICatchClauseOperation { Parent: ITryOperation @try }:
                        // A wrapped failure (catch (FormatException) { throw new ArgumentException(…) }) tests what the try did.
                        yield return @try.Body;
                        break;
                    case IWhileLoopOperation { Condition: { } condition } when condition != current:
                        yield return condition;
                        break;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        yield break;
                }
            }
        }

        /// <summary>Adds the parameters <paramref name="operation"/> reads; true when it reads data that exists only once the body runs.</summary>
        private bool Collect(IOperation operation, HashSet<IParameterSymbol> parameters)
        {
            foreach (var node in OwnOperations.Of(operation))
            {
                switch (node)
                {
                    case IParameterReferenceOperation parameter:
                        parameters.Add(parameter.Parameter);
                        break;
                    case ILocalReferenceOperation local:
                        var (roots, late) = Trace(local.Local);
                        if (late)
                        {
                            return true;
                        }

                        parameters.UnionWith(roots);
                        break;
                    default:
                        if (IsRead(node))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        private (HashSet<IParameterSymbol> Parameters, bool Late) Trace(ILocalSymbol local)
        {
            if (_traced.TryGetValue(local, out var known))
            {
                return known;
            }

            // Seeded before the walk, so a local that feeds itself (count = count + 1) ends the recursion.
            var parameters = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
            _traced[local] = (parameters, _lateByLoop.Contains(local));
            if (_lateByLoop.Contains(local))
            {
                return _traced[local];
            }

            var late = false;
            if (_sources.TryGetValue(local, out var sources))
            {
                foreach (var source in sources)
                {
                    if (source is null)
                    {
                        continue;
                    }

                    if (Collect(source, parameters) || InsideLateLoop(source))
                    {
                        late = true;
                        break;
                    }
                }
            }

            return _traced[local] = (parameters, late);
        }

        /// <summary>An assignment in a loop driven by the source (<c>while (e.MoveNext()) count++;</c>) counts what the source holds.</summary>
        private bool InsideLateLoop(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IWhileLoopOperation { Condition: { } condition } when Collect(condition, new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default)):
                    case IForLoopOperation { Condition: { } forCondition } when Collect(forCondition, new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default)):
                    case IForEachLoopOperation forEach when IsLazySequence(forEach.Collection):
                        return true;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        private void Add(ILocalSymbol local, IOperation? value, IOperation site)
        {
            if (!_sources.TryGetValue(local, out var list))
            {
                _sources[local] = list = new List<IOperation>(1);
            }

            // An increment has no value of its own: what makes it late is the loop around it.
            list.Add(value ?? site);
        }

        /// <summary>
        /// Data the iterator reads from its source: an element (<c>Current</c>, <c>MoveNext</c>), a count or copy taken by
        /// enumerating a lazy sequence, a read from a resource (a reader, a stream, a connection), a callback's result, an await.
        /// </summary>
        private static bool IsRead(IOperation operation) => operation switch
        {
            IPropertyReferenceOperation { Property.Name: "Current" } => true,
            IAwaitOperation => true,
            IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } => true,
            IInvocationOperation { TargetMethod.Name: "MoveNext" or "MoveNextAsync" or "GetEnumerator" or "GetAsyncEnumerator" } => true,
            IInvocationOperation invocation => ReadsSource(invocation),
            _ => false,
        };

        private static bool ReadsSource(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var receiver = method.IsExtensionMethod || method.ReducedFrom is not null
                ? invocation.Arguments.FirstOrDefault()?.Value
                : invocation.Instance;
            if (receiver is null || method.IsStatic && !method.IsExtensionMethod && method.ReducedFrom is null)
            {
                return false;
            }

            var type = Unwrap(receiver).Type;
            return IsLazySequence(receiver) || (type is not null && IsResource(type));
        }

        /// <summary>A reader, stream, connection or enumerator: what a call on it returns is read from outside.</summary>
        private static bool IsResource(ITypeSymbol type) =>
            type.SpecialType != SpecialType.System_String
            && type.AllInterfaces.Append(type as INamedTypeSymbol).Any(i => i is { Name: "IDisposable" or "IAsyncDisposable", ContainingNamespace.Name: "System" });

        /// <summary>A sequence that may be lazy: enumerable, but not an array, string or collection whose contents exist at the call.</summary>
        private static bool IsLazySequence(IOperation operation)
        {
            var type = Unwrap(operation).Type;
            if (type is null || type.TypeKind == TypeKind.Array || type.SpecialType == SpecialType.System_String)
            {
                return false;
            }

            var interfaces = type.TypeKind == TypeKind.Interface ? type.AllInterfaces.Add((INamedTypeSymbol)type) : type.AllInterfaces;
            var enumerable = false;
            foreach (var contract in interfaces)
            {
                switch (contract.OriginalDefinition.SpecialType)
                {
                    case SpecialType.System_Collections_Generic_ICollection_T:
                    case SpecialType.System_Collections_Generic_IReadOnlyCollection_T:
                        return false;
                    case SpecialType.System_Collections_IEnumerable:
                    case SpecialType.System_Collections_Generic_IEnumerable_T:
                        enumerable = true;
                        break;
                }

                if (contract.Name == "ICollection" && contract.ContainingNamespace?.ToDisplayString() == "System.Collections")
                {
                    return false;
                }
            }

            return enumerable;
        }

        private static IOperation? MatchedValue(IOperation pattern)
        {
            for (var parent = pattern.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IIsPatternOperation isPattern:
                        return isPattern.Value;
                    case ISwitchExpressionOperation switchExpression:
                        return switchExpression.Value;
                    case ISwitchOperation @switch:
                        return @switch.Value;
                    case IBlockOperation:
                        return null;
                }
            }

            return null;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation is IDeclarationExpressionOperation declaration ? declaration.Expression : operation;
        }
    }
}
