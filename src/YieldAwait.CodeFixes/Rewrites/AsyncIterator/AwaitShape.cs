namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>The awaiting form a blocking form becomes; each keeps the value the blocking form produced.</summary>
    internal enum AwaitShape
    {
        /// <summary><c>t.Result</c>, <c>t.Wait()</c>, <c>x.GetAwaiter().GetResult()</c> → <c>await t</c>.</summary>
        AwaitReceiver,

        /// <summary><c>t.Wait(token)</c> → <c>await t.WaitAsync(token)</c>.</summary>
        WaitAsyncWithToken,

        /// <summary><c>t.Wait(timeout)</c> → <c>await Task.WhenAny(t, Task.Delay(timeout)) == t</c> (the comparison only where the bool is used).</summary>
        WhenAnyWithDelay,

        /// <summary><c>Task.WaitAll(a, b)</c> → <c>await Task.WhenAll(a, b)</c>.</summary>
        WhenAll,

        /// <summary><c>Task.WaitAll(ts, token)</c> → <c>await Task.WhenAll(ts).WaitAsync(token)</c>.</summary>
        WhenAllWaitAsync,

        /// <summary><c>Task.WaitAny(ts);</c> as a statement → <c>await Task.WhenAny(ts);</c>.</summary>
        WhenAny,

        /// <summary><c>Task.WaitAny(ts)</c> used as an index → <c>Array.IndexOf(ts, await Task.WhenAny(ts))</c>.</summary>
        WhenAnyIndex,

        /// <summary><c>Task.WaitAny(a, b)</c> used as an index → <c>Array.IndexOf(new Task[] { a, b }, await Task.WhenAny(a, b))</c>.</summary>
        WhenAnyIndexOfArguments,

        /// <summary><c>Thread.Sleep(n)</c> → <c>await Task.Delay(n, token)</c>.</summary>
        Delay,

        /// <summary><c>Sync.Wait(LoadAsync())</c>, <c>AsyncContext.Run(() =&gt; LoadAsync())</c> → <c>await LoadAsync()</c>.</summary>
        AwaitHelperArgument,
    }
}
