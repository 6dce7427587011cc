namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>The ways synchronous code blocks a thread on async work (catalog YA1001).</summary>
    public enum BlockingFormKind
    {
        /// <summary><c>task.Result</c> on <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
        Result,

        /// <summary><c>task.Wait(...)</c>, any overload.</summary>
        Wait,

        /// <summary><c>awaitable.GetAwaiter().GetResult()</c>, on any awaiter.</summary>
        GetResult,

        /// <summary><c>Task.WaitAll(...)</c>.</summary>
        WaitAll,

        /// <summary><c>Task.WaitAny(...)</c>.</summary>
        WaitAny,

        /// <summary><c>Thread.Sleep(...)</c>.</summary>
        Sleep,

        /// <summary>
        /// A call of a method that blocks on the awaitable (or the task-returning delegate) it is given: a helper of the
        /// compilation (<c>static T Wait&lt;T&gt;(ValueTask&lt;T&gt; t) =&gt; t.AsTask().GetAwaiter().GetResult();</c>) or a
        /// library's (<c>WaitAndUnwrapException</c>, <c>AsyncContext.Run</c>, <c>JoinableTaskFactory.Run</c>).
        /// </summary>
        Helper,
    }
}
