namespace YieldAwait.Analyzers.Analysis
{
    internal enum IteratorKind
    {
        /// <summary>Not an iterator, or an iterator whose return type does not compile.</summary>
        None,

        /// <summary>Contains <c>yield</c> and returns <c>IEnumerable</c>/<c>IEnumerator</c> (generic or not).</summary>
        Sync,

        /// <summary>An <c>async</c> method with <c>yield</c> returning <c>IAsyncEnumerable&lt;T&gt;</c>/<c>IAsyncEnumerator&lt;T&gt;</c>.</summary>
        Async,
    }
}
