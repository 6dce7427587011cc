namespace YieldAwait.Analyzers
{
    /// <summary>Every rule ID the package reports, named by what the rule catches.</summary>
    public static class DiagnosticIds
    {
        public const string BlockingWaitInIterator = "YA1001";
        public const string BlockingWaitInAsyncIterator = "YA1005";
        public const string SyncCallWithAsyncCounterpartInIterator = "YA1002";
        public const string BlockingEnumerationOfAsyncStream = "YA1003";
    }
}
