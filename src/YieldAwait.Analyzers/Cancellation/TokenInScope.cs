using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Cancellation
{
    /// <summary>
    /// The token a person would pass at an operation, as source text: the closest enclosing function's token parameter
    /// (a lambda's before its method's; the <c>[EnumeratorCancellation]</c> one when there are several), else the
    /// latest token local declared before it, else <c>source.Token</c> of a local <c>CancellationTokenSource</c>.
    /// Fields and properties do not count: a stored token is the object's lifetime, not this call's.
    /// </summary>
    internal static class TokenInScope
    {
        public static string? Find(IOperation operation, ISymbol containingSymbol, CancellationTypes types, INamedTypeSymbol? tokenSource)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                var function = current switch
                {
                    IAnonymousFunctionOperation lambda => lambda.Symbol,
                    ILocalFunctionOperation local => local.Symbol,
                    _ => null,
                };
                if (function is null)
                {
                    continue;
                }

                if (HasToken(function, types))
                {
                    return Parameter(function, types);
                }

                if (function.IsStatic)
                {
                    // A static lambda or local function cannot capture the outer function's token.
                    return Local(operation, types, tokenSource);
                }
            }

            return containingSymbol is IMethodSymbol method && HasToken(method, types) ? Parameter(method, types) : Local(operation, types, tokenSource);
        }

        private static bool HasToken(IMethodSymbol function, CancellationTypes types) => function.Parameters.Any(p => types.IsToken(p.Type));

        /// <summary>The function's token; null when it has several and none is marked, since which one the loop should honour is unknown.</summary>
        private static string? Parameter(IMethodSymbol function, CancellationTypes types)
        {
            var tokens = function.Parameters.Where(p => types.IsToken(p.Type)).ToList();
            var marked = tokens.FirstOrDefault(types.HasEnumeratorCancellation);
            return marked?.Name ?? (tokens.Count == 1 ? tokens[0].Name : null);
        }

        private static string? Local(IOperation operation, CancellationTypes types, INamedTypeSymbol? tokenSource)
        {
            // The locals in scope are those of the enclosing blocks, loops, usings, switches and catches; walking up the
            // operation tree finds them without a LookupSymbols, which lists every type and member in scope as well.
            var position = operation.Syntax.SpanStart;
            ILocalSymbol? token = null, source = null;
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation { Symbol.IsStatic: true } or ILocalFunctionOperation { Symbol.IsStatic: true })
                {
                    break;
                }

                foreach (var local in LocalsOf(current))
                {
                    var declaredAt = local.DeclaringSyntaxReferences.FirstOrDefault();
                    if (declaredAt is null || declaredAt.SyntaxTree != operation.Syntax.SyntaxTree || declaredAt.Span.End > position || local.IsConst)
                    {
                        continue;
                    }

                    if (types.IsToken(local.Type) && (token is null || Later(local, token)))
                    {
                        token = local;
                    }
                    else if (tokenSource is not null && SymbolEqualityComparer.Default.Equals(local.Type, tokenSource) && (source is null || Later(local, source)))
                    {
                        source = local;
                    }
                }
            }

            return token?.Name ?? (source is null ? null : source.Name + ".Token");
        }

        private static ImmutableArray<ILocalSymbol> LocalsOf(IOperation operation) => operation switch
        {
            IBlockOperation block => block.Locals,
            ILoopOperation loop => loop.Locals,
            IUsingOperation usingOperation => usingOperation.Locals,
            ISwitchOperation switchOperation => switchOperation.Locals,
            ISwitchCaseOperation switchCase => switchCase.Locals,
            ICatchClauseOperation catchClause => catchClause.Locals,
            _ => ImmutableArray<ILocalSymbol>.Empty,
        };

        private static bool Later(ILocalSymbol local, ILocalSymbol than) =>
            local.DeclaringSyntaxReferences[0].Span.Start > than.DeclaringSyntaxReferences[0].Span.Start;
    }
}
