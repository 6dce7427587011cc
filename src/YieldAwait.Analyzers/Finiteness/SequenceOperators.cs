using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.Analyzers.Finiteness
{
    /// <summary>
    /// The catalog's operator tables, recognised by symbol: LINQ to Objects (<c>System.Linq.Enumerable</c>), async LINQ
    /// (<c>System.Linq.AsyncEnumerable</c> of .NET 10 and of System.Linq.Async), System.Interactive, MoreLINQ, and the
    /// collection APIs that read a whole sequence (<c>string.Join</c>, <c>List&lt;T&gt;.AddRange</c>,
    /// <c>ImmutableArray.CreateRange</c>…). Async names are matched by their sync stem: <c>ToListAsync</c>,
    /// <c>CountAwaitAsync</c> and <c>SelectAwait</c> are <c>ToList</c>, <c>Count</c> and <c>Select</c>.
    /// </summary>
    internal static class SequenceOperators
    {
        private static readonly ImmutableArray<int> First = ImmutableArray.Create(0);
        private static readonly ImmutableArray<int> Second = ImmutableArray.Create(1);

        /// <summary>Streaming operators whose result is infinite when their source is.</summary>
        private static readonly ImmutableHashSet<string> KeepsSource = LinqOperators.Named(LinqFacets.StreamsSource);

        /// <summary>Streaming operators over several sources, infinite when any of them is.</summary>
        private static readonly ImmutableHashSet<string> KeepsAnySource = LinqOperators.Named(LinqFacets.StreamsAnySource);

        /// <summary>Operators that read their source to the end (the catalog's YA2001 list).</summary>
        private static readonly ImmutableHashSet<string> MaterialisesSource = LinqOperators.Named(LinqFacets.ReadsToEnd);

        /// <summary>Operators that stream their first source and read their second one to the end first.</summary>
        private static readonly ImmutableHashSet<string> MaterialisesSecond = LinqOperators.Named(LinqFacets.ReadsSecondToEnd);

        /// <summary>Searches that finish only when they find their answer (some only with a predicate, <see cref="LinqFacets.SearchNeedsPredicate"/>).</summary>
        private static readonly ImmutableHashSet<string> Searches = LinqOperators.Named(LinqFacets.Searches);

        /// <summary>Collection methods that add a whole sequence.</summary>
        private static readonly HashSet<string> CollectionRangeMethods = new(StringComparer.Ordinal)
        {
            "AddRange", "InsertRange", "UnionWith", "EnqueueRange", "PushRange", "CreateRange",
        };

        /// <summary>
        /// Every method name the tables know, with its async decorations: one hash lookup rejects the ordinary calls
        /// (most of a program) before any symbol is inspected.
        /// </summary>
        private static readonly HashSet<string> KnownNames = AllNames();

        public static SequenceOperator Classify(IMethodSymbol method)
        {
            var name = method.Name;
            if (!KnownNames.Contains(name) && !name.StartsWith("ToImmutable", StringComparison.Ordinal))
            {
                return default;
            }

            method = method.ReducedFrom ?? method;
            var type = method.ContainingType;
            if (type is null)
            {
                return default;
            }

            if (!method.IsStatic)
            {
                // Instance calls: only the collections' AddRange, UnionWith… (LINQ operators are all static).
                return CollectionRangeMethods.Contains(name) && IsInNamespace(type, "System", "Collections") ? Materialiser(method, name) : default;
            }

            if (IsLinqType(type))
            {
                return ClassifyLinq(method);
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return method.Name is "Join" or "Concat" && method.IsStatic
                    ? Materialiser(method, method.Name)
                    : default;
            }

            var copiesSequence = CollectionRangeMethods.Contains(method.Name)
                || method.Name.StartsWith("ToImmutable", StringComparison.Ordinal)
                || method.Name is "ToFrozenSet" or "ToFrozenDictionary";
            return copiesSequence && IsInNamespace(type, "System", "Collections") ? Materialiser(method, method.Name) : default;
        }

        /// <summary>A constructor that copies a sequence: <c>new List&lt;T&gt;(xs)</c>, <c>new HashSet&lt;T&gt;(xs, comparer)</c>, <c>new Queue&lt;T&gt;(xs)</c>…</summary>
        public static SequenceOperator ClassifyConstructor(IMethodSymbol constructor)
        {
            if (constructor.Parameters.IsEmpty || !constructor.Parameters.Any(p => IsSequenceType(p.Type)))
            {
                return default;
            }

            var type = constructor.ContainingType;
            return type is not null
                && IsInNamespace(type, "System", "Collections")
                ? Materialiser(constructor, "new " + type.Name)
                : default;
        }

        /// <summary>The argument passed for parameter <paramref name="ordinal"/>, or null when it was left to its default.</summary>
        public static IOperation? ArgumentFor(ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.ArgumentKind == ArgumentKind.Explicit ? argument.Value : null;
                }
            }

            return null;
        }

        public static bool IsSequenceType(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (type.SpecialType == SpecialType.System_Collections_IEnumerable
                || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return true;
            }

            return type is INamedTypeSymbol { Name: "IAsyncEnumerable", Arity: 1 } named
                && IsInNamespace(named, "System", "Collections", "Generic");
        }

        /// <summary>
        /// The name a user wrote minus the async decorations, so one table serves both worlds:
        /// <c>ToListAsync</c> → <c>ToList</c>, <c>AnyAwaitWithCancellationAsync</c> → <c>Any</c>, <c>SelectAwait</c> → <c>Select</c>.
        /// </summary>
        public static string SyncStem(string name)
        {
            if (name == "ConfigureAwait")
            {
                return name;
            }

            if (name.EndsWith("Async", StringComparison.Ordinal) && name.Length > "Async".Length)
            {
                name = name.Substring(0, name.Length - "Async".Length);
            }

            foreach (var suffix in new[] { "AwaitWithCancellation", "Await" })
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
                {
                    return name.Substring(0, name.Length - suffix.Length);
                }
            }

            return name;
        }

        private static SequenceOperator ClassifyLinq(IMethodSymbol method)
        {
            var stem = SyncStem(method.Name);

            // Shapes are read from the definition: Enumerable.Repeat(xs, 3) has a sequence argument, not a sequence parameter.
            var parameters = method.OriginalDefinition.Parameters;
            if (parameters.Length == 0 || !IsSequenceType(parameters[0].Type))
            {
                return default;
            }

            if (MaterialisesSecond.Contains(stem) && parameters.Length > 1 && IsSequenceType(parameters[1].Type))
            {
                return new SequenceOperator(SequenceOperatorRole.Materialises, method.Name, Second, First);
            }

            if (KeepsSource.Contains(stem))
            {
                return new SequenceOperator(SequenceOperatorRole.Keeps, method.Name, First);
            }

            if (KeepsAnySource.Contains(stem))
            {
                return new SequenceOperator(SequenceOperatorRole.Keeps, method.Name, SequenceParameters(method));
            }

            if (stem == "Zip")
            {
                return new SequenceOperator(SequenceOperatorRole.KeepsIfAll, method.Name, SequenceParameters(method));
            }

            if (stem == "Repeat" && parameters.Length == 2)
            {
                // System.Interactive's Repeat(source, count): an infinite source repeated is still infinite.
                return new SequenceOperator(SequenceOperatorRole.Keeps, method.Name, First);
            }

            if (MaterialisesSource.Contains(stem)
                || stem.StartsWith("ToImmutable", StringComparison.Ordinal)
                || stem is "ToFrozenSet" or "ToFrozenDictionary")
            {
                return new SequenceOperator(SequenceOperatorRole.Materialises, method.Name, First);
            }

            if (stem == "SequenceEqual" && parameters.Length > 1 && IsSequenceType(parameters[1].Type))
            {
                return new SequenceOperator(SequenceOperatorRole.Searches, method.Name, ImmutableArray.Create(0, 1));
            }

            if (Searches.Contains(stem) && ((LinqOperators.Facets(stem) & LinqFacets.SearchNeedsPredicate) == 0 || HasPredicate(method)))
            {
                return new SequenceOperator(SequenceOperatorRole.Searches, method.Name, First);
            }

            return default;
        }

        private static HashSet<string> AllNames()
        {
            var stems = new HashSet<string>(StringComparer.Ordinal) { "Zip", "Repeat", "SequenceEqual", "Join", "Concat", "ToFrozenSet", "ToFrozenDictionary" };
            stems.UnionWith(KeepsSource);
            stems.UnionWith(KeepsAnySource);
            stems.UnionWith(MaterialisesSource);
            stems.UnionWith(MaterialisesSecond);
            stems.UnionWith(Searches);
            stems.UnionWith(CollectionRangeMethods);

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var stem in stems)
            {
                foreach (var suffix in new[] { "", "Async", "Await", "AwaitAsync", "AwaitWithCancellation", "AwaitWithCancellationAsync" })
                {
                    names.Add(stem + suffix);
                }
            }

            return names;
        }

        private static SequenceOperator Materialiser(IMethodSymbol method, string name)
        {
            var ordinals = SequenceParameters(method);
            return ordinals.IsEmpty ? default : new SequenceOperator(SequenceOperatorRole.Materialises, name, ordinals);
        }

        private static ImmutableArray<int> SequenceParameters(IMethodSymbol method) =>
            method.OriginalDefinition.Parameters.Where(p => IsSequenceType(p.Type) && !p.IsParams).Select(p => p.Ordinal).ToImmutableArray();

        private static bool HasPredicate(IMethodSymbol method) =>
            method.Parameters.Skip(1).Any(p => p.Type.TypeKind == TypeKind.Delegate);

        private static bool IsLinqType(INamedTypeSymbol type) => type.Name switch
        {
            "Enumerable" or "AsyncEnumerable" or "EnumerableEx" or "AsyncEnumerableEx" => IsInNamespace(type, "System", "Linq"),
            "MoreEnumerable" => IsInNamespace(type, "MoreLinq"),
            "TaskAsyncEnumerableExtensions" => IsInNamespace(type, "System", "Threading", "Tasks"),
            _ => false,
        };

        /// <summary>True when <paramref name="symbol"/> is declared in the namespace <paramref name="parts"/> or one nested in it.</summary>
        public static bool IsInNamespace(ISymbol symbol, params string[] parts)
        {
            var depth = 0;
            for (var ns = symbol.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                depth++;
            }

            if (depth < parts.Length)
            {
                return false;
            }

            var at = symbol.ContainingNamespace;
            for (var i = depth; i > parts.Length; i--)
            {
                at = at.ContainingNamespace;
            }

            for (var i = parts.Length - 1; i >= 0; i--, at = at.ContainingNamespace)
            {
                if (at.Name != parts[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when <paramref name="symbol"/> is declared directly in the namespace <paramref name="parts"/>.</summary>
        public static bool IsDirectlyInNamespace(ISymbol symbol, params string[] parts)
        {
            var ns = symbol.ContainingNamespace;
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                if (ns is null || ns.IsGlobalNamespace || ns.Name != parts[i])
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
            }

            return ns is null || ns.IsGlobalNamespace;
        }
    }
}
