using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The types YA4003 needs, resolved once per compilation. Null when the target of the conversion
    /// (<c>IAsyncEnumerable&lt;T&gt;</c> with <c>[EnumeratorCancellation]</c>) does not exist, since then there is nothing to suggest.
    /// </summary>
    internal sealed class BufferedListTypes
    {
        private BufferedListTypes(Compilation compilation, INamedTypeSymbol taskOfT, INamedTypeSymbol listOfT, INamedTypeSymbol cancellationToken)
        {
            TaskOfT = taskOfT;
            ValueTaskOfT = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            ListOfT = listOfT;
            CancellationToken = cancellationToken;
            IEnumerableOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            ICollectionOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_ICollection_T);
            IListOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IList_T);
            IReadOnlyListOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IReadOnlyList_T);
            IReadOnlyCollectionOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IReadOnlyCollection_T);
        }

        public INamedTypeSymbol TaskOfT { get; }

        public INamedTypeSymbol? ValueTaskOfT { get; }

        public INamedTypeSymbol ListOfT { get; }

        public INamedTypeSymbol CancellationToken { get; }

        public INamedTypeSymbol IEnumerableOfT { get; }

        public INamedTypeSymbol ICollectionOfT { get; }

        public INamedTypeSymbol IListOfT { get; }

        public INamedTypeSymbol IReadOnlyListOfT { get; }

        public INamedTypeSymbol IReadOnlyCollectionOfT { get; }

        public static BufferedListTypes? TryCreate(Compilation compilation)
        {
            var taskOfT = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.Task`1");
            var listOfT = compilation.GetBestTypeByMetadataName("System.Collections.Generic.List`1");
            var token = compilation.GetBestTypeByMetadataName("System.Threading.CancellationToken");
            if (taskOfT is null || listOfT is null || token is null
                || compilation.GetBestTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1") is null
                || compilation.GetBestTypeByMetadataName("System.Runtime.CompilerServices.EnumeratorCancellationAttribute") is null)
            {
                return null;
            }

            return new BufferedListTypes(compilation, taskOfT, listOfT, token);
        }

        /// <summary>
        /// The element type of a buffered result: <c>Task&lt;X&gt;</c> or <c>ValueTask&lt;X&gt;</c> where X is <c>List&lt;T&gt;</c>, one of the
        /// read-only or mutable collection interfaces <c>List&lt;T&gt;</c> implements, or <c>T[]</c>. Null for anything else.
        /// </summary>
        public ITypeSymbol? ElementOfBufferedResult(ITypeSymbol returnType, out bool isArray)
        {
            isArray = false;
            if (returnType is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task
                || !(SymbolEqualityComparer.Default.Equals(task.OriginalDefinition, TaskOfT)
                    || SymbolEqualityComparer.Default.Equals(task.OriginalDefinition, ValueTaskOfT)))
            {
                return null;
            }

            switch (task.TypeArguments[0])
            {
                case IArrayTypeSymbol { Rank: 1 } array:
                    isArray = true;
                    return array.ElementType;
                case INamedTypeSymbol { TypeArguments.Length: 1 } collection when IsBufferShape(collection.OriginalDefinition):
                    return collection.TypeArguments[0];
                default:
                    return null;
            }
        }

        public bool IsList(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, ListOfT);

        public bool IsToken(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, CancellationToken);

        private bool IsBufferShape(ITypeSymbol definition) =>
            SymbolEqualityComparer.Default.Equals(definition, ListOfT)
            || SymbolEqualityComparer.Default.Equals(definition, IEnumerableOfT)
            || SymbolEqualityComparer.Default.Equals(definition, ICollectionOfT)
            || SymbolEqualityComparer.Default.Equals(definition, IListOfT)
            || SymbolEqualityComparer.Default.Equals(definition, IReadOnlyListOfT)
            || SymbolEqualityComparer.Default.Equals(definition, IReadOnlyCollectionOfT);
    }
}
