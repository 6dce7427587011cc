using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Finds the async counterpart of a synchronous method by symbol (catalog YA1002): <c>MAsync</c> on the same
    /// type or its bases (the same static class for an extension method), with M's parameters by type and ref-kind,
    /// optionally plus a trailing <c>CancellationToken</c>, returning <c>Task</c>/<c>ValueTask</c> for a void M and
    /// <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c> of M's result (or of a type convertible to it by reference) otherwise.
    /// The search is cached per compilation; each call site is then checked by binding the renamed call where it stands.
    /// </summary>
    internal sealed class AsyncCounterparts
    {
        private const string Suffix = "Async";

        private readonly Compilation _compilation;
        private readonly AsyncTypes _types;
        private readonly INamedTypeSymbol _cancellationToken;
        private readonly INamedTypeSymbol? _obsolete;
        private readonly ConcurrentDictionary<IMethodSymbol, AsyncCounterpart?> _cache = new(SymbolEqualityComparer.Default);
        private readonly System.Func<IMethodSymbol, AsyncCounterpart?> _search;

        private AsyncCounterparts(Compilation compilation, AsyncTypes types, INamedTypeSymbol cancellationToken)
        {
            _compilation = compilation;
            _types = types;
            _cancellationToken = cancellationToken;
            _obsolete = compilation.GetBestTypeByMetadataName("System.ObsoleteAttribute");
            Exclusions = new AsyncCounterpartExclusions(compilation);
            _search = Search;
        }

        public AsyncTypes Types => _types;

        public AsyncCounterpartExclusions Exclusions { get; }

        /// <summary>Null when the compilation has no tasks or no <c>CancellationToken</c>.</summary>
        public static AsyncCounterparts? TryCreate(Compilation compilation)
        {
            var types = AsyncTypes.TryCreate(compilation);
            var token = compilation.GetBestTypeByMetadataName("System.Threading.CancellationToken");
            return types is null || token is null ? null : new AsyncCounterparts(compilation, types, token);
        }

        /// <summary>The counterpart of <paramref name="method"/>'s definition, searched once per compilation.</summary>
        public AsyncCounterpart? Find(IMethodSymbol method) => _cache.GetOrAdd((method.ReducedFrom ?? method).OriginalDefinition, _search);

        /// <summary>
        /// The analyzer's check, cheaper than binding: a counterpart exists that is accessible where the call stands and
        /// takes the call's named arguments, and the call has a shape the fix can rename. The fix binds the renamed call
        /// (<see cref="TryResolveCall"/>) before it rewrites it, and leaves the rare call whose binding disagrees as it is.
        /// </summary>
        public bool IsCallableAt(IInvocationOperation invocation, ISymbol within, out AsyncCounterpart counterpart)
        {
            counterpart = Find(invocation.TargetMethod)!;
            if (counterpart is null
                || invocation.Syntax is not InvocationExpressionSyntax { ContainsDiagnostics: false } syntax
                || Rename(syntax.Expression, counterpart.Name) is null)
            {
                return false;
            }

            var withinType = within as INamedTypeSymbol ?? within.ContainingType;
            var throughType = invocation.Instance?.Type;
            return IsCallable(counterpart.WithoutToken) || IsCallable(counterpart.WithToken);

            bool IsCallable(IMethodSymbol? twin) =>
                twin is not null
                && (withinType is null ? _compilation.IsSymbolAccessibleWithin(twin, _compilation.Assembly) : _compilation.IsSymbolAccessibleWithin(twin, withinType, throughType))
                && syntax.ArgumentList.Arguments.All(a => a.NameColon is null || twin.Parameters.Any(p => p.Name == a.NameColon.Name.Identifier.ValueText));
        }

        /// <summary>
        /// True when this call of a method with a counterpart can call the counterpart instead: the renamed call binds
        /// to it where it stands (accessible, not shadowed, overload resolution agrees), with or without a token.
        /// </summary>
        public bool TryResolveCall(IInvocationOperation invocation, out AsyncCounterpartCall call)
        {
            call = default;
            if (Find(invocation.TargetMethod) is not { } counterpart
                || invocation.Syntax is not InvocationExpressionSyntax { ContainsDiagnostics: false } syntax
                || Rename(syntax.Expression, counterpart.Name) is not { } renamed
                || invocation.SemanticModel is not { } model)
            {
                return false;
            }

            var renamedCall = syntax.WithExpression(renamed);
            var withoutToken = counterpart.WithoutToken is { } plain && Binds(model, syntax, renamedCall, plain);

            var withToken = false;
            string? tokenParameterName = null;
            if (counterpart.WithToken is { } tokenTaking)
            {
                var allPositional = invocation.Arguments.All(a => a.ArgumentKind == ArgumentKind.Explicit)
                    && syntax.ArgumentList.Arguments.All(a => a.NameColon is null);
                tokenParameterName = allPositional ? null : tokenTaking.Parameters[tokenTaking.Parameters.Length - 1].Name;
                withToken = Binds(model, syntax, AddArgument(renamedCall, DefaultToken(), tokenParameterName), tokenTaking);
            }

            if (!withoutToken && !withToken)
            {
                return false;
            }

            call = new AsyncCounterpartCall(counterpart.Name, withoutToken, withToken, tokenParameterName, counterpart.SameResultType);
            return true;
        }

        /// <summary><c>M</c>, <c>M&lt;T&gt;</c>, <c>x.M</c>, <c>x.M&lt;T&gt;</c> renamed, keeping the receiver and type arguments; null for other shapes.</summary>
        public static ExpressionSyntax? Rename(ExpressionSyntax expression, string name) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.WithIdentifier(Renamed(identifier.Identifier, name)),
            GenericNameSyntax generic => generic.WithIdentifier(Renamed(generic.Identifier, name)),
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax or GenericNameSyntax } access =>
                access.WithName((SimpleNameSyntax)Rename(access.Name, name)!),
            _ => null,
        };

        public static InvocationExpressionSyntax AddArgument(InvocationExpressionSyntax invocation, ExpressionSyntax value, string? parameterName)
        {
            var argument = SyntaxFactory.Argument(value);
            if (parameterName is not null)
            {
                argument = argument.WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameterName)));
            }

            return invocation.WithArgumentList(invocation.ArgumentList.AddArguments(argument));
        }

        private static SyntaxToken Renamed(SyntaxToken identifier, string name) =>
            SyntaxFactory.Identifier(identifier.LeadingTrivia, name, identifier.TrailingTrivia);

        private static ExpressionSyntax DefaultToken() =>
            SyntaxFactory.DefaultExpression(SyntaxFactory.ParseTypeName("global::System.Threading.CancellationToken"));

        private static bool Binds(SemanticModel model, InvocationExpressionSyntax original, InvocationExpressionSyntax candidate, IMethodSymbol expected)
        {
            if (model.GetSpeculativeSymbolInfo(original.SpanStart, candidate, SpeculativeBindingOption.BindAsExpression).Symbol is not IMethodSymbol bound)
            {
                return false;
            }

            var target = expected.OriginalDefinition;
            for (var current = (bound.ReducedFrom ?? bound).OriginalDefinition; current is not null; current = current.OverriddenMethod?.OriginalDefinition)
            {
                if (SymbolEqualityComparer.Default.Equals(current, target))
                {
                    return true;
                }
            }

            return false;
        }

        private AsyncCounterpart? Search(IMethodSymbol method)
        {
            if (!MayHaveCounterpart(method))
            {
                return null;
            }

            var name = method.Name + Suffix;
            IMethodSymbol? withoutToken = null;
            IMethodSymbol? withToken = null;
            foreach (var type in TypesToSearch(method.ContainingType))
            {
                foreach (var member in type.GetMembers(name))
                {
                    if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } candidate || IsObsolete(candidate))
                    {
                        continue;
                    }

                    switch (Match(method, candidate))
                    {
                        case Shape.SameParameters:
                            withoutToken ??= candidate;
                            break;
                        case Shape.TrailingToken:
                            withToken ??= candidate;
                            break;
                    }
                }
            }

            return withoutToken is null && withToken is null
                ? null
                : new AsyncCounterpart(withoutToken, withToken, ReturnsSameResult(withoutToken, method) && ReturnsSameResult(withToken, method));
        }

        /// <summary>
        /// Methods of tasks and awaiters are YA1001's forms (<c>Task.Wait</c> has <c>WaitAsync</c>; YA1001 reports it, once);
        /// a method that already returns an awaitable, or a reference, has no sync result to await.
        /// </summary>
        private bool MayHaveCounterpart(IMethodSymbol method) =>
            method.MethodKind == MethodKind.Ordinary
            && !method.ReturnsByRef && !method.ReturnsByRefReadonly
            && !method.Name.EndsWith(Suffix, System.StringComparison.Ordinal)
            && !_types.IsTaskLike(method.ReturnType)
            && !_types.IsTaskLike(method.ContainingType)
            && !(_types.NotifyCompletion is { } notifyCompletion && method.ContainingType.AllInterfaces.Contains(notifyCompletion, SymbolEqualityComparer.Default));

        private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> TypesToSearch(INamedTypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Interface)
            {
                yield return type;
                foreach (var inherited in type.AllInterfaces)
                {
                    yield return inherited;
                }

                yield break;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                yield return current;
            }
        }

        private enum Shape
        {
            None,
            SameParameters,
            TrailingToken,
        }

        private Shape Match(IMethodSymbol method, IMethodSymbol candidate)
        {
            if (candidate.IsStatic != method.IsStatic
                || candidate.IsExtensionMethod != method.IsExtensionMethod
                || candidate.Arity != method.Arity)
            {
                return Shape.None;
            }

            var constructed = InTypeParametersOf(method, candidate);
            var count = method.Parameters.Length;
            var extra = constructed.Parameters.Length - count;
            if (extra is not (0 or 1))
            {
                return Shape.None;
            }

            if (extra == 1)
            {
                var token = constructed.Parameters[count];
                if (token.IsParams || !SymbolEqualityComparer.Default.Equals(token.Type, _cancellationToken))
                {
                    return Shape.None;
                }
            }

            for (var i = 0; i < count; i++)
            {
                var expected = method.Parameters[i];
                var actual = constructed.Parameters[i];
                if (expected.RefKind != actual.RefKind
                    || expected.IsParams != actual.IsParams
                    || (expected.IsOptional && !actual.IsOptional)
                    || !SymbolEqualityComparer.Default.Equals(expected.Type, actual.Type))
                {
                    return Shape.None;
                }
            }

            if (!ReturnsAwaitableOf(constructed.ReturnType, method))
            {
                return Shape.None;
            }

            return extra == 0 ? Shape.SameParameters : Shape.TrailingToken;
        }

        /// <summary>True when awaiting <paramref name="counterpart"/> gives exactly M's result type (not a more derived one).</summary>
        private static bool ReturnsSameResult(IMethodSymbol? counterpart, IMethodSymbol method) =>
            counterpart is null
            || method.ReturnsVoid
            || (InTypeParametersOf(method, counterpart).ReturnType is INamedTypeSymbol { Arity: 1 } returned
                && SymbolEqualityComparer.Default.Equals(returned.TypeArguments[0], method.ReturnType));

        /// <summary>The candidate in M's own type parameters, so that <c>Deserialize&lt;T&gt;(…) : T</c> and <c>DeserializeAsync&lt;T&gt;(…) : ValueTask&lt;T&gt;</c> compare.</summary>
        private static IMethodSymbol InTypeParametersOf(IMethodSymbol method, IMethodSymbol candidate) =>
            candidate.Arity == 0 ? candidate : candidate.Construct(method.TypeParameters.Cast<ITypeSymbol>().ToArray());

        private bool ReturnsAwaitableOf(ITypeSymbol returnType, IMethodSymbol method)
        {
            if (returnType is not INamedTypeSymbol named)
            {
                return false;
            }

            var definition = named.OriginalDefinition;
            if (method.ReturnsVoid)
            {
                return SymbolEqualityComparer.Default.Equals(definition, _types.Task)
                    || SymbolEqualityComparer.Default.Equals(definition, _types.ValueTask);
            }

            if (named.Arity != 1
                || !(SymbolEqualityComparer.Default.Equals(definition, _types.TaskOfT) || SymbolEqualityComparer.Default.Equals(definition, _types.ValueTaskOfT)))
            {
                return false;
            }

            var awaited = named.TypeArguments[0];
            if (SymbolEqualityComparer.Default.Equals(awaited, method.ReturnType))
            {
                return true;
            }

            // A more derived result still fits where M's did (SqlCommand.ExecuteReaderAsync : Task<SqlDataReader>).
            var conversion = _compilation.ClassifyCommonConversion(awaited, method.ReturnType);
            return conversion.IsImplicit && conversion.IsReference;
        }

        private bool IsObsolete(ISymbol symbol) =>
            _obsolete is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _obsolete));
    }
}
