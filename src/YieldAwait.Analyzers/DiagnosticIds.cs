namespace YieldAwait.Analyzers
{
    /// <summary>Every rule ID the package reports, named by what the rule catches.</summary>
    public static class DiagnosticIds
    {
        public const string BlockingWaitInIterator = "YA1001";
        public const string BlockingWaitInAsyncIterator = "YA1005";
        public const string InfiniteSequenceMaterialised = "YA2001";
        public const string InfiniteSequenceEnumeratedWithoutExit = "YA2002";
        public const string SearchOverInfiniteSequence = "YA2003";
    }
}
