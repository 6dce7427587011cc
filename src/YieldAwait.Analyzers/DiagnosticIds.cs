namespace YieldAwait.Analyzers
{
    /// <summary>Every rule ID the package reports, named by what the rule catches.</summary>
    public static class DiagnosticIds
    {
        /// <summary>Not a rule about code: an <c>.editorconfig</c> option of the package has a value it does not accept.</summary>
        public const string InvalidOptionValue = "YA0001";
        public const string BlockingWaitInIterator = "YA1001";
        public const string SyncCallWithAsyncCounterpartInIterator = "YA1002";
        public const string BlockingEnumerationOfAsyncStream = "YA1003";
        public const string IteratorOfTasksAwaitedOneByOne = "YA1004";
        public const string BlockingWaitInAsyncIterator = "YA1005";
        public const string BlockingWaitInLazyQuery = "YA1006";
        public const string InfiniteSequenceMaterialised = "YA2001";
        public const string InfiniteSequenceEnumeratedWithoutExit = "YA2002";
        public const string SearchOverInfiniteSequence = "YA2003";
        public const string ArgumentCheckInIterator = "YA3001";
        public const string LazySequenceOutlivesResource = "YA3002";
        public const string DeferredExecutionEscapesTry = "YA3003";
        public const string LockHeldAcrossYield = "YA3004";
        public const string GeneratorEnumeratedMoreThanOnce = "YA3005";
        public const string DiscardedIteratorCall = "YA3006";
        public const string AsyncIteratorCannotBeCancelled = "YA4001";
        public const string CancellationTokenNotPassedToAwaitForEach = "YA4002";
        public const string BufferedSequenceCouldStream = "YA4003";
        public const string ListBuiltOnlyToReturnSequence = "YA5001";
        public const string MaterialisationConsumedAtOnce = "YA5002";
    }
}
