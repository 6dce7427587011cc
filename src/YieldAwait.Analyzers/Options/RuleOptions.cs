using System.Collections.Immutable;
using System.Linq;

namespace YieldAwait.Analyzers.Options
{
    /// <summary>Every option the package reads. Code reads a key only through these definitions.</summary>
    internal static class RuleOptions
    {
        /// <summary><c>true</c>, <c>false</c> or <c>auto</c>: whether a method converted to an async stream is renamed with the <c>Async</c> suffix.</summary>
        public static RuleOption AsyncSuffix { get; } = new(
            "yieldawait.async_suffix",
            "auto",
            OptionValues.OneOf("true", "false", "auto"),
            DiagnosticIds.BlockingWaitInIterator,
            DiagnosticIds.SyncCallWithAsyncCounterpartInIterator,
            DiagnosticIds.BlockingEnumerationOfAsyncStream,
            DiagnosticIds.IteratorOfTasksAwaitedOneByOne,
            DiagnosticIds.BufferedSequenceCouldStream);

        /// <summary>Documentation IDs of sync methods whose async twin is not a real replacement, comma separated.</summary>
        public static RuleOption BlockingCallExclusions { get; } = new(
            "yieldawait.blocking_call_exclusions",
            "",
            OptionValues.DocumentationIds("M:MyCompany.Storage.BlobStore.Open(System.String)", "M:", "T:"),
            // YA1002 is not reported for them; the async-iterator conversion (the fix of all three) leaves them synchronous.
            DiagnosticIds.BlockingWaitInIterator,
            DiagnosticIds.SyncCallWithAsyncCounterpartInIterator,
            DiagnosticIds.BlockingEnumerationOfAsyncStream);

        /// <summary>Documentation IDs of methods and properties that return sequences which never end, comma separated.</summary>
        public static RuleOption InfiniteMethods { get; } = new(
            "yieldawait.infinite_methods",
            "",
            OptionValues.DocumentationIds("M:Acme.Telemetry.ISensor.Samples", "M:", "P:"),
            DiagnosticIds.InfiniteSequenceMaterialised,
            DiagnosticIds.InfiniteSequenceEnumeratedWithoutExit,
            DiagnosticIds.SearchOverInfiniteSequence);

        /// <summary>
        /// The accessibilities a rule whose fix changes a signature analyses, as the CA rules read it: <c>all</c>, or a comma list of
        /// <c>public</c>, <c>internal</c> (<c>friend</c>), <c>private</c>. Unset: all of them, except public members where the
        /// compilation tracks its public API (PublicAPI.Shipped.txt or PublicAPI.Unshipped.txt among its additional files).
        /// YA1001-YA1003 still report every member (the blocking is a bug wherever it is); their conversion to an async iterator
        /// is not offered where it would change a signature outside the surface ("Add async counterpart" is).
        /// </summary>
        public static RuleOption ApiSurface { get; } = new(
            "dotnet_code_quality.api_surface",
            "all",
            OptionValues.Accessibilities,
            DiagnosticIds.BlockingWaitInIterator,
            DiagnosticIds.SyncCallWithAsyncCounterpartInIterator,
            DiagnosticIds.BlockingEnumerationOfAsyncStream,
            DiagnosticIds.IteratorOfTasksAwaitedOneByOne,
            DiagnosticIds.AsyncIteratorCannotBeCancelled,
            DiagnosticIds.BufferedSequenceCouldStream);

        /// <summary><see cref="ApiSurface"/> for one rule (<c>dotnet_code_quality.YAnnnn.api_surface</c>); it wins over the general key.</summary>
        public static ImmutableArray<RuleOption> RuleApiSurfaces { get; } = ApiSurface.RuleIds
            .Select(id => new RuleOption("dotnet_code_quality." + id + ".api_surface", "all", OptionValues.Accessibilities, id))
            .ToImmutableArray();

        public static RuleOption ApiSurfaceOf(string ruleId) =>
            RuleApiSurfaces.FirstOrDefault(option => option.RuleIds[0] == ruleId) ?? ApiSurface;

        public static ImmutableArray<RuleOption> All { get; } = ImmutableArray.Create(AsyncSuffix, BlockingCallExclusions, InfiniteMethods, ApiSurface)
            .AddRange(RuleApiSurfaces);
    }
}
