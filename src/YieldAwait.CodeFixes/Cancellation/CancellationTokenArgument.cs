using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.CodeFixes.Cancellation
{
    /// <summary>
    /// How a token reaches an awaited call: decided on the semantic model of the original code,
    /// applied to the (possibly already edited) syntax later. Null when the call has no token overload
    /// or already passes a token.
    /// </summary>
    internal sealed class CancellationTokenArgument
    {
        private CancellationTokenArgument(string? parameterName) => ParameterName = parameterName;

        /// <summary>Null for a positional argument; the parameter's name where earlier optional ones are skipped.</summary>
        public string? ParameterName { get; }

        public static CancellationTokenArgument? For(IInvocationOperation invocation, INamedTypeSymbol cancellationTokenType)
        {
            var method = invocation.TargetMethod;
            if (invocation.Syntax is not InvocationExpressionSyntax syntax
                || invocation.Arguments.Any(a => a.ArgumentKind != ArgumentKind.DefaultValue && IsToken(a.Parameter?.Type, cancellationTokenType)))
            {
                return null;
            }

            var omittedToken = invocation.Arguments.FirstOrDefault(a => a.ArgumentKind == ArgumentKind.DefaultValue && IsToken(a.Parameter?.Type, cancellationTokenType));
            if (omittedToken?.Parameter is { } omitted)
            {
                return new CancellationTokenArgument(omitted.Name);
            }

            var overload = method.ContainingType?.GetMembers(method.Name)
                .OfType<IMethodSymbol>()
                .FirstOrDefault(candidate => IsTokenOverload(method, candidate, cancellationTokenType));
            if (overload is null)
            {
                return null;
            }

            var allPositional = invocation.Arguments.All(a => a.ArgumentKind != ArgumentKind.DefaultValue)
                && syntax.ArgumentList.Arguments.All(a => a.NameColon is null)
                && invocation.Arguments.All(a => a.ArgumentKind != ArgumentKind.ParamArray);
            return new CancellationTokenArgument(allPositional ? null : overload.Parameters[overload.Parameters.Length - 1].Name);
        }

        public InvocationExpressionSyntax AddTo(InvocationExpressionSyntax invocation, ExpressionSyntax token)
        {
            var argument = SyntaxFactory.Argument(token);
            if (ParameterName is not null)
            {
                argument = argument.WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(ParameterName)));
            }

            return invocation.WithArgumentList(invocation.ArgumentList.AddArguments(argument));
        }

        private static bool IsTokenOverload(IMethodSymbol method, IMethodSymbol candidate, INamedTypeSymbol cancellationTokenType)
        {
            if (candidate.IsStatic != method.IsStatic
                || candidate.Parameters.Length != method.Parameters.Length + 1
                || candidate.TypeParameters.Length != method.TypeParameters.Length
                || !IsToken(candidate.Parameters[candidate.Parameters.Length - 1].Type, cancellationTokenType)
                || candidate.Parameters[candidate.Parameters.Length - 1].IsParams)
            {
                return false;
            }

            var original = method.OriginalDefinition;
            for (var i = 0; i < original.Parameters.Length; i++)
            {
                var expected = original.Parameters[i];
                var actual = candidate.Parameters[i];
                if (expected.RefKind != actual.RefKind || expected.IsParams || !SameType(expected.Type, actual.Type))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameType(ITypeSymbol expected, ITypeSymbol actual) =>
            expected is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } left
                ? actual is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } right && left.Ordinal == right.Ordinal
                : SymbolEqualityComparer.Default.Equals(expected, actual);

        private static bool IsToken(ITypeSymbol? type, INamedTypeSymbol cancellationTokenType) =>
            SymbolEqualityComparer.Default.Equals(type, cancellationTokenType);
    }
}
