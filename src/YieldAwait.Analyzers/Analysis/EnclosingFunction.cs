using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>Finds the function whose body runs an operation: the innermost local function, or the member itself.</summary>
    internal static class EnclosingFunction
    {
        /// <summary>
        /// False for operations that run in a lambda (its body is not the iterator's) or inside <c>nameof</c>
        /// (which runs nothing).
        /// </summary>
        public static bool TryFind(IOperation operation, ISymbol containingSymbol, out IMethodSymbol function, out SyntaxNode declaration)
        {
            function = null!;
            declaration = null!;
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation or INameOfOperation:
                        return false;
                    case ILocalFunctionOperation localFunction:
                        function = localFunction.Symbol;
                        declaration = localFunction.Syntax;
                        return true;
                }
            }

            if (containingSymbol is not IMethodSymbol method || IteratorFacts.FindDeclaration(method, operation.Syntax) is not { } found)
            {
                return false;
            }

            function = method;
            declaration = found;
            return true;
        }

        /// <summary>The name a reader knows the function by: the property for an accessor, <c>operator +</c> for an operator.</summary>
        public static string DisplayName(IMethodSymbol function)
        {
            if (function.MethodKind is MethodKind.UserDefinedOperator or MethodKind.Conversion
                && SyntaxFacts.GetOperatorKind(function.Name) is var kind and not SyntaxKind.None)
            {
                return "operator " + SyntaxFacts.GetText(kind);
            }

            return function.AssociatedSymbol?.Name ?? function.Name;
        }
    }
}
