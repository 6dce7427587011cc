using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using YieldAwait.Analyzers.Options;

namespace YieldAwait.Analyzers.Finiteness
{
    /// <summary>
    /// Producers that never end although no iterator in the compilation shows it: the library methods the catalog
    /// names, any method or property marked with an attribute named <c>InfiniteSequenceAttribute</c> (in any
    /// namespace, so users declare their own), and the documentation IDs listed in <c>yieldawait.infinite_methods</c>.
    /// </summary>
    internal sealed class KnownInfiniteMethods
    {
        public const string AttributeName = "InfiniteSequenceAttribute";

        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly ConcurrentDictionary<SyntaxTree, ImmutableHashSet<string>> _listedByTree = new();
        private readonly ConcurrentDictionary<string, ImmutableHashSet<string>> _parsed = new(StringComparer.Ordinal);

        public KnownInfiniteMethods(AnalyzerConfigOptionsProvider options) => _options = options;

        /// <summary>True when calling <paramref name="method"/> (from code in <paramref name="tree"/>) returns a sequence that never ends.</summary>
        public bool IsInfinite(IMethodSymbol method, SyntaxTree tree)
        {
            method = method.ReducedFrom ?? method;
            return IsLibraryInfinite(method)
                || IsMarked(method)
                || IsListed(method.AssociatedSymbol is IPropertySymbol p ? p : method, tree);
        }

        private static bool IsMarked(IMethodSymbol method) =>
            HasAttribute(method) || (method.AssociatedSymbol is IPropertySymbol property && HasAttribute(property));

        private static bool IsLibraryInfinite(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return false;
            }

            var parameterCount = method.Parameters.Length;
            switch (type.Name)
            {
                case "Enumerable" or "AsyncEnumerable" when method.Name == "InfiniteSequence":
                    // .NET 10: InfiniteSequence(start, step).
                    return SequenceOperators.IsDirectlyInNamespace(type, "System", "Linq");

                case "EnumerableEx" or "AsyncEnumerableEx" when method.Name == "Repeat" && parameterCount == 1:
                    // System.Interactive: Repeat(value) and Repeat(source), both without a count.
                    return SequenceOperators.IsDirectlyInNamespace(type, "System", "Linq");

                case "MoreEnumerable":
                    // MoreLINQ: Generate(initial, next), GenerateByIndex(selector), Repeat(sequence) without a count,
                    // and the random streams Random(…) and RandomDouble(…) (RandomSubset is finite).
                    return SequenceOperators.IsDirectlyInNamespace(type, "MoreLinq")
                        && (method.Name is "Generate" or "GenerateByIndex" or "Random" or "RandomDouble"
                            || (method.Name == "Repeat" && parameterCount == 1));

                default:
                    return false;
            }
        }

        private static bool HasAttribute(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == AttributeName)
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsListed(ISymbol symbol, SyntaxTree tree)
        {
            if (!_listedByTree.TryGetValue(tree, out var listed))
            {
                listed = _listedByTree.GetOrAdd(tree, ReadOption(tree));
            }

            if (listed.IsEmpty)
            {
                return false;
            }

            var id = symbol.OriginalDefinition.GetDocumentationCommentId();
            return id is not null && listed.Contains(id);
        }

        private ImmutableHashSet<string> ReadOption(SyntaxTree tree)
        {
            var value = RuleOptions.InfiniteMethods.ValueOrDefault(_options.GetOptions(tree));
            if (value.Length == 0)
            {
                return ImmutableHashSet<string>.Empty;
            }

            return _parsed.GetOrAdd(value, Parse);
        }

        private static ImmutableHashSet<string> Parse(string value)
        {
            var builder = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var part in value.Split(','))
            {
                var id = part.Trim();
                if (id.Length > 0)
                {
                    builder.Add(id);
                }
            }

            return builder.ToImmutable();
        }
    }
}
