using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Framework calls that cannot fail on well-formed values: they throw only when handed a null or an argument outside their
    /// contract, which is a programming error, not the failure a <c>catch</c> around I/O or parsing is written for.
    /// </summary>
    internal static class TotalCalls
    {
        /// <summary>How many calls deep a method of the compilation is read to decide it is made only of total calls.</summary>
        public const int MaxDepth = 2;

        private static readonly ImmutableHashSet<string> StringMembers = ImmutableHashSet.Create(
            "Join", "Concat", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Equals", "Compare", "CompareOrdinal",
            "StartsWith", "EndsWith", "Contains", "IndexOf", "LastIndexOf", "IndexOfAny",
            "Trim", "TrimStart", "TrimEnd", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant",
            "Replace", "Split", "PadLeft", "PadRight", "ToString", "GetHashCode", "op_Equality", "op_Inequality");

        private static readonly ImmutableHashSet<string> PathMembers = ImmutableHashSet.Create(
            "Combine", "Join", "GetFileName", "GetFileNameWithoutExtension", "GetExtension", "ChangeExtension", "HasExtension",
            "EndsInDirectorySeparator", "TrimEndingDirectorySeparator", "IsPathRooted");

        private static readonly ImmutableHashSet<string> DeferredOperators = LinqOperators.Named(LinqFacets.Deferred);

        public static bool IsKnownTotal(IMethodSymbol definition, INamedTypeSymbol? enumerable, INamedTypeSymbol? path)
        {
            var type = definition.ContainingType;
            if (type is null)
            {
                return false;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return StringMembers.Contains(definition.Name);
            }

            if (SymbolEqualityComparer.Default.Equals(type, path))
            {
                return PathMembers.Contains(definition.Name);
            }

            if (SymbolEqualityComparer.Default.Equals(type, enumerable))
            {
                return DeferredOperators.Contains(definition.Name) && definition.Name != "Cast";
            }

            // 42.ToString(), id.Equals(other): members of primitives that only format or compare.
            return type.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_Double
                && definition.Name is "ToString" or "Equals" or "GetHashCode" or "CompareTo" && definition.Parameters.Length <= 1
                && (definition.Name != "ToString" || definition.Parameters.IsEmpty);
        }
    }
}
