using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>One blocking expression: its kind, the whole operation, and the awaitable it blocks on, if it has one.</summary>
    internal readonly struct BlockingForm
    {
        public BlockingForm(BlockingFormKind kind, IOperation operation, IOperation? awaitable)
        {
            Kind = kind;
            Operation = operation;
            Awaitable = awaitable;
        }

        public BlockingFormKind Kind { get; }

        public IOperation Operation { get; }

        /// <summary>The task or awaitable for <c>Result</c>, <c>Wait</c> and <c>GetResult</c>; null for the static forms.</summary>
        public IOperation? Awaitable { get; }

        public string Display => Kind switch
        {
            BlockingFormKind.Result => ".Result",
            BlockingFormKind.Wait => ".Wait()",
            BlockingFormKind.GetResult => ".GetAwaiter().GetResult()",
            BlockingFormKind.WaitAll => "Task.WaitAll",
            BlockingFormKind.WaitAny => "Task.WaitAny",
            _ => "Thread.Sleep",
        };
    }
}
