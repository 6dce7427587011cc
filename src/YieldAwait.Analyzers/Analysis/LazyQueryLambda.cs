using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The lambda whose own body runs an operation, when that lambda is given to a deferred <c>System.Linq.Enumerable</c>
    /// operator: the lambda then runs on the consumer's thread, once per element, each time the query is enumerated.
    /// </summary>
    internal static class LazyQueryLambda
    {
        /// <summary>
        /// Deferred operators that take a lambda run per element, <c>CountBy</c>/<c>AggregateBy</c> included: they return an
        /// iterator and run their selectors when it is enumerated.
        /// </summary>
        public static readonly ImmutableHashSet<string> Operators = LinqOperators.Named(LinqFacets.DeferredLambda);

        /// <summary>
        /// The innermost anonymous function around <paramref name="operation"/> and the deferred operator it is passed to.
        /// False when a local function or <c>nameof</c> comes first, or the lambda goes anywhere else (a non-LINQ method,
        /// <c>Queryable</c>, PLINQ, an eager operator such as <c>ToDictionary</c> or <c>First</c>, a delegate variable).
        /// </summary>
        public static bool TryFind(IOperation operation, INamedTypeSymbol enumerable, out IAnonymousFunctionOperation lambda, out IInvocationOperation query)
        {
            lambda = null!;
            query = null!;
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ILocalFunctionOperation or INameOfOperation:
                        return false;
                    case IAnonymousFunctionOperation anonymous:
                        lambda = anonymous;
                        return current.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation invocation } }
                            && IsDeferredOperator(invocation.TargetMethod, enumerable)
                            && (query = invocation) is not null;
                }
            }

            return false;
        }

        public static bool IsDeferredOperator(IMethodSymbol method, INamedTypeSymbol enumerable) =>
            Operators.Contains(method.Name) && SymbolEqualityComparer.Default.Equals(method.ContainingType, enumerable);

        /// <summary>The sequence an <c>Enumerable</c> extension is called on.</summary>
        public static IOperation? SourceOf(IInvocationOperation invocation)
        {
            if (!invocation.TargetMethod.IsExtensionMethod)
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return argument.Value.WithoutImplicitConversions();
                }
            }

            return null;
        }
    }
}
