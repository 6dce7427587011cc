using Microsoft.CodeAnalysis;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.Analyzers.Cancellation
{
    /// <summary>The token, stream and attribute types the YA4xxx cancellation rules need, resolved once per compilation.</summary>
    internal sealed class CancellationTypes
    {
        private CancellationTypes(INamedTypeSymbol token, INamedTypeSymbol asyncEnumerable, INamedTypeSymbol? asyncEnumerator, INamedTypeSymbol? enumeratorCancellation)
        {
            CancellationToken = token;
            IAsyncEnumerableOfT = asyncEnumerable;
            IAsyncEnumeratorOfT = asyncEnumerator;
            EnumeratorCancellationAttribute = enumeratorCancellation;
        }

        public INamedTypeSymbol CancellationToken { get; }

        public INamedTypeSymbol IAsyncEnumerableOfT { get; }

        public INamedTypeSymbol? IAsyncEnumeratorOfT { get; }

        public INamedTypeSymbol? EnumeratorCancellationAttribute { get; }

        /// <summary>Null when the compilation has no async streams or no tokens: then there is nothing to cancel.</summary>
        public static CancellationTypes? TryCreate(Compilation compilation)
        {
            var token = compilation.GetBestTypeByMetadataName("System.Threading.CancellationToken");
            var asyncEnumerable = compilation.GetBestTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
            return token is null || asyncEnumerable is null
                ? null
                : new CancellationTypes(
                    token,
                    asyncEnumerable,
                    compilation.GetBestTypeByMetadataName("System.Collections.Generic.IAsyncEnumerator`1"),
                    compilation.GetBestTypeByMetadataName("System.Runtime.CompilerServices.EnumeratorCancellationAttribute"));
        }

        public bool IsToken(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, CancellationToken);

        public bool IsAsyncEnumerable(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, IAsyncEnumerableOfT);

        public bool IsAsyncEnumerator(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && IAsyncEnumeratorOfT is not null && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, IAsyncEnumeratorOfT);

        public bool HasEnumeratorCancellation(IParameterSymbol parameter)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, EnumeratorCancellationAttribute))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
