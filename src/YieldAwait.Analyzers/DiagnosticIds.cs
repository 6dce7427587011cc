namespace YieldAwait.Analyzers
{
    /// <summary>Every rule ID the package reports, named by what the rule catches.</summary>
    public static class DiagnosticIds
    {
        public const string BlockingWaitInIterator = "YA1001";
        public const string BlockingWaitInAsyncIterator = "YA1005";
        public const string ArgumentCheckInIterator = "YA3001";
        public const string DeferredExecutionEscapesTry = "YA3003";
        public const string DiscardedIteratorCall = "YA3006";
    }
}
