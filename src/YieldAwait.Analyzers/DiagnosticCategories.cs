namespace YieldAwait.Analyzers
{
    /// <summary>Categories follow the catalog's families, so a team can configure a family at once.</summary>
    public static class DiagnosticCategories
    {
        /// <summary>YA0xxx: the package's own configuration (option values), not the code.</summary>
        public const string Configuration = "Configuration";

        /// <summary>YA1xxx: coroutines (async work) inside generators (iterators).</summary>
        public const string AsyncInIterators = "AsyncInIterators";

        /// <summary>YA3xxx: deferred execution (a generator runs later than the code that made it).</summary>
        public const string DeferredExecution = "DeferredExecution";
        /// <summary>YA2xxx: infinite generators that are materialised, looped over without an exit, or searched.</summary>
        public const string InfiniteSequences = "InfiniteSequences";

        /// <summary>YA4xxx: async streams (cancellation, buffering).</summary>
        public const string AsyncStreams = "AsyncStreams";

        /// <summary>YA5xxx: code that could be lazy (or simply shorter) and is not: copies consumed at once, lists built to be returned.</summary>
        public const string LazyForms = "LazyForms";
    }
}
