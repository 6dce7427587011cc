using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The async twins of one synchronous method <c>M</c>: <c>MAsync</c> with the same parameters, and/or
    /// <c>MAsync</c> with a trailing <c>CancellationToken</c>. At least one of the two is set.
    /// </summary>
    internal sealed class AsyncCounterpart
    {
        public AsyncCounterpart(IMethodSymbol? withoutToken, IMethodSymbol? withToken, bool sameResultType)
        {
            WithoutToken = withoutToken;
            WithToken = withToken;
            SameResultType = sameResultType;
        }

        public IMethodSymbol? WithoutToken { get; }

        public IMethodSymbol? WithToken { get; }

        public string Name => (WithoutToken ?? WithToken)!.Name;

        /// <summary>False when awaiting the counterpart gives a more derived type than M returns (<c>Task&lt;FileStream&gt;</c> for <c>Stream</c>).</summary>
        public bool SameResultType { get; }
    }

    /// <summary>How one call site can call the counterpart: decided by binding the renamed call where it stands.</summary>
    internal readonly struct AsyncCounterpartCall
    {
        public AsyncCounterpartCall(string name, bool canCallWithoutToken, bool canCallWithToken, string? tokenParameterName, bool sameResultType)
        {
            Name = name;
            SameResultType = sameResultType;
            CanCallWithoutToken = canCallWithoutToken;
            CanCallWithToken = canCallWithToken;
            TokenParameterName = tokenParameterName;
        }

        /// <summary>The counterpart's name, <c>M</c> + <c>Async</c>.</summary>
        public string Name { get; }

        /// <summary>True when <c>MAsync(args)</c> binds to the counterpart.</summary>
        public bool CanCallWithoutToken { get; }

        /// <summary>True when <c>MAsync(args, token)</c> binds to the counterpart that takes a token.</summary>
        public bool CanCallWithToken { get; }

        /// <summary>Null when the token goes last positionally; the parameter's name when it must be named.</summary>
        public string? TokenParameterName { get; }

        /// <summary>See <see cref="AsyncCounterpart.SameResultType"/>.</summary>
        public bool SameResultType { get; }
    }
}
