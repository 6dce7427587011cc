using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>One blocking expression: its kind, the whole operation, and the awaitable it blocks on, if it has one.</summary>
    internal readonly struct BlockingForm
    {
        public BlockingForm(BlockingFormKind kind, IOperation operation, IOperation? awaitable)
            : this(kind, operation, awaitable, null)
        {
        }

        public BlockingForm(BlockingFormKind kind, IOperation operation, IOperation? awaitable, string? helperName)
        {
            Kind = kind;
            Operation = operation;
            Awaitable = awaitable;
            HelperName = helperName;
        }

        public BlockingFormKind Kind { get; }

        public IOperation Operation { get; }

        /// <summary>
        /// The task or awaitable for <c>Result</c>, <c>Wait</c> and <c>GetResult</c>; null for the static forms. For a
        /// <see cref="BlockingFormKind.Helper"/> call, the argument it blocks on, or the task a lambda argument returns
        /// (<c>FetchAsync()</c> in <c>AsyncContext.Run(() =&gt; FetchAsync())</c>); null when that is not visible.
        /// </summary>
        public IOperation? Awaitable { get; }

        /// <summary>How a <see cref="BlockingFormKind.Helper"/> call is named in messages: <c>Sync.Wait</c>, <c>.WaitAndUnwrapException()</c>.</summary>
        public string? HelperName { get; }

        public string Display => Kind switch
        {
            BlockingFormKind.Result => ".Result",
            BlockingFormKind.Wait => ".Wait()",
            BlockingFormKind.GetResult => ".GetAwaiter().GetResult()",
            BlockingFormKind.WaitAll => "Task.WaitAll",
            BlockingFormKind.WaitAny => "Task.WaitAny",
            BlockingFormKind.Helper => HelperName ?? "",
            _ => "Thread.Sleep",
        };
    }
}
