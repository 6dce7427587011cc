using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>What the package knows about a LINQ operator, by name; one operator can have several facets.</summary>
    [Flags]
    internal enum LinqFacets
    {
        None = 0,

        /// <summary>An <c>Enumerable</c>/<c>Queryable</c> operator that enumerates nothing until its result is enumerated.</summary>
        Deferred = 1 << 0,

        /// <summary>An <c>Enumerable</c> operator that enumerates its source when called (wholly or until it has an answer); its async form is <c>…Async</c>.</summary>
        Enumerates = 1 << 1,

        /// <summary>A deferred <c>Enumerable</c> operator whose lambda runs once per element, each time the result is enumerated.</summary>
        DeferredLambda = 1 << 2,

        /// <summary>Its elements are its source's elements (filtered, reordered or copied), so a fact about the source's elements carries through.</summary>
        KeepsElements = 1 << 3,

        /// <summary>Streams its first source: the result is infinite when the source is (here also async, System.Interactive and MoreLINQ operators).</summary>
        StreamsSource = 1 << 4,

        /// <summary>Streams several sources, infinite when any of them is.</summary>
        StreamsAnySource = 1 << 5,

        /// <summary>Reads its source to the end, when called or on the first <c>MoveNext</c> of its result (it buffers or terminates).</summary>
        ReadsToEnd = 1 << 6,

        /// <summary>Streams its first source after reading its second one to the end.</summary>
        ReadsSecondToEnd = 1 << 7,

        /// <summary>A search that stops at its answer, so it finishes over an infinite source only if the answer comes.</summary>
        Searches = 1 << 8,

        /// <summary>With <see cref="Searches"/>: only the overload with a predicate is a search (<c>First()</c> stops at once).</summary>
        SearchNeedsPredicate = 1 << 9,

        /// <summary>Ends on an infinite sequence without a predicate (<c>First()</c>, <c>ElementAt(i)</c>), so it can take the sequence itself instead of a copy.</summary>
        Terminates = 1 << 10,

        /// <summary>Returns a finite sequence over any source (<c>Take</c>, <c>TakeWhile</c>).</summary>
        Bounds = 1 << 11,
    }

    /// <summary>
    /// One table of the LINQ operators the rules reason about, with a facet per fact (deferred or enumerating, takes a
    /// per-element lambda, keeps elements, streams, reads to the end, searches). Every rule derives its name set from here, so
    /// two rules cannot give two answers about the same operator. Names are sync stems: the async form of an enumerating
    /// operator adds <c>Async</c> (<c>ToListAsync</c>), a deferred one keeps its name on <c>AsyncEnumerable</c>.
    /// </summary>
    internal static class LinqOperators
    {
        private const LinqFacets Deferred = LinqFacets.Deferred;
        private const LinqFacets Enumerates = LinqFacets.Enumerates;
        private const LinqFacets Lambda = LinqFacets.DeferredLambda;
        private const LinqFacets Keeps = LinqFacets.KeepsElements;
        private const LinqFacets Streams = LinqFacets.StreamsSource;
        private const LinqFacets StreamsAny = LinqFacets.StreamsAnySource;
        private const LinqFacets ReadsToEnd = LinqFacets.ReadsToEnd;
        private const LinqFacets ReadsSecond = LinqFacets.ReadsSecondToEnd;
        private const LinqFacets Search = LinqFacets.Searches;
        private const LinqFacets SearchWithPredicate = LinqFacets.Searches | LinqFacets.SearchNeedsPredicate;

        private static readonly Dictionary<string, LinqFacets> Table = new(StringComparer.Ordinal)
        {
            // Deferred System.Linq.Enumerable operators.
            ["Select"] = Deferred | Lambda | Streams,
            ["Where"] = Deferred | Lambda | Keeps | Streams,
            ["SelectMany"] = Deferred | Lambda | Streams,
            ["Skip"] = Deferred | Keeps | Streams,
            ["SkipWhile"] = Deferred | Lambda | Keeps | Streams,
            ["SkipLast"] = Deferred | Keeps | Streams,
            ["Take"] = Deferred | Keeps | LinqFacets.Bounds,
            ["TakeWhile"] = Deferred | Lambda | Keeps | LinqFacets.Bounds,
            ["TakeLast"] = Deferred | Keeps | ReadsToEnd,
            ["Concat"] = Deferred | StreamsAny,
            ["Append"] = Deferred | Streams,
            ["Prepend"] = Deferred | Streams,
            ["Distinct"] = Deferred | Keeps | Streams,
            ["DistinctBy"] = Deferred | Lambda | Keeps | Streams,
            ["Cast"] = Deferred | Keeps | Streams,
            ["OfType"] = Deferred | Keeps | Streams,
            ["Zip"] = Deferred | Lambda,
            ["OrderBy"] = Deferred | Lambda | Keeps | ReadsToEnd,
            ["OrderByDescending"] = Deferred | Lambda | Keeps | ReadsToEnd,
            ["ThenBy"] = Deferred | Lambda | Keeps,
            ["ThenByDescending"] = Deferred | Lambda | Keeps,
            ["Order"] = Deferred | Keeps | ReadsToEnd,
            ["OrderDescending"] = Deferred | Keeps | ReadsToEnd,
            ["Reverse"] = Deferred | Keeps | ReadsToEnd,
            ["GroupBy"] = Deferred | Lambda | ReadsToEnd,
            ["Union"] = Deferred | StreamsAny,
            ["UnionBy"] = Deferred | Lambda | StreamsAny,
            ["Intersect"] = Deferred | ReadsSecond,
            ["IntersectBy"] = Deferred | Lambda | ReadsSecond,
            ["Except"] = Deferred | ReadsSecond,
            ["ExceptBy"] = Deferred | Lambda | ReadsSecond,
            ["Chunk"] = Deferred | Streams,
            ["DefaultIfEmpty"] = Deferred | Streams,
            ["AsEnumerable"] = Deferred | Keeps | Streams,
            ["AsQueryable"] = Deferred,
            ["Index"] = Deferred | Streams,
            ["Join"] = Deferred | Lambda | ReadsSecond,
            ["GroupJoin"] = Deferred | Lambda | ReadsSecond,

            // .NET 9 and 10: each returns an iterator and reads its source only when that is enumerated (then to the end).
            ["CountBy"] = Deferred | Lambda | ReadsToEnd,
            ["AggregateBy"] = Deferred | Lambda | ReadsToEnd,
            ["LeftJoin"] = Deferred | Lambda | ReadsSecond,
            ["RightJoin"] = Deferred | Lambda,
            ["Shuffle"] = Deferred | ReadsToEnd,

            // Enumerating System.Linq.Enumerable operators.
            ["ToList"] = Enumerates | Keeps | ReadsToEnd,
            ["ToArray"] = Enumerates | Keeps | ReadsToEnd,
            ["ToDictionary"] = Enumerates | ReadsToEnd,
            ["ToHashSet"] = Enumerates | ReadsToEnd,
            ["ToLookup"] = Enumerates | ReadsToEnd,
            ["Count"] = Enumerates | ReadsToEnd,
            ["LongCount"] = Enumerates | ReadsToEnd,
            ["Any"] = Enumerates | SearchWithPredicate | LinqFacets.Terminates,
            ["All"] = Enumerates | SearchWithPredicate,
            ["First"] = Enumerates | SearchWithPredicate | LinqFacets.Terminates,
            ["FirstOrDefault"] = Enumerates | SearchWithPredicate | LinqFacets.Terminates,
            ["Last"] = Enumerates | ReadsToEnd,
            ["LastOrDefault"] = Enumerates | ReadsToEnd,
            ["Single"] = Enumerates | SearchWithPredicate,
            ["SingleOrDefault"] = Enumerates | SearchWithPredicate,
            ["ElementAt"] = Enumerates | LinqFacets.Terminates,
            ["ElementAtOrDefault"] = Enumerates | LinqFacets.Terminates,
            ["Contains"] = Enumerates | Search,
            ["Sum"] = Enumerates | ReadsToEnd,
            ["Min"] = Enumerates | ReadsToEnd,
            ["Max"] = Enumerates | ReadsToEnd,
            ["MinBy"] = Enumerates | ReadsToEnd,
            ["MaxBy"] = Enumerates | ReadsToEnd,
            ["Average"] = Enumerates | ReadsToEnd,
            ["Aggregate"] = Enumerates | ReadsToEnd,
            ["SequenceEqual"] = Enumerates,

            // Async LINQ and task-stream adapters.
            ["AsAsyncEnumerable"] = Streams,
            ["ToAsyncEnumerable"] = Streams,
            ["ToBlockingEnumerable"] = Streams,
            ["WithCancellation"] = Streams,
            ["ConfigureAwait"] = Streams,

            // System.Interactive.
            ["Do"] = Streams,
            ["StartWith"] = Streams,
            ["DistinctUntilChanged"] = Streams,
            ["Memoize"] = Streams,
            ["Share"] = Streams,
            ["Publish"] = Streams,
            ["Hide"] = Streams,
            ["Finally"] = Streams,
            ["IgnoreElements"] = Streams,
            ["Scan"] = Streams,

            // MoreLINQ.
            ["Batch"] = Streams,
            ["Pairwise"] = Streams,
            ["Pipe"] = Streams,
            ["Window"] = Streams,
            ["TakeEvery"] = Streams,
            ["Lag"] = Streams,
            ["Lead"] = Streams,
            ["Choose"] = Streams,
            ["Interleave"] = StreamsAny,
        };

        /// <summary>The facets of the operator named <paramref name="name"/> (its sync stem); none for a name the table does not know.</summary>
        public static LinqFacets Facets(string name) => Table.TryGetValue(name, out var facets) ? facets : LinqFacets.None;

        /// <summary>The names of the operators that have every facet in <paramref name="facets"/>.</summary>
        public static ImmutableHashSet<string> Named(LinqFacets facets) =>
            Table.Where(entry => (entry.Value & facets) == facets).Select(entry => entry.Key).ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>The async form's name: <c>ToListAsync</c> for an enumerating operator; a deferred one keeps its name on <c>AsyncEnumerable</c>.</summary>
        public static string AsyncName(string name) => (Facets(name) & LinqFacets.Enumerates) != 0 ? name + "Async" : name;
    }
}
