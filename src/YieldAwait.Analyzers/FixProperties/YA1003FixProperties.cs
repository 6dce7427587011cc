using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.FixProperties
{
    /// <summary>Where a blocking enumeration stands, which decides YA1003's fix.</summary>
    public enum YA1003Context
    {
        /// <summary>An async method, local function, lambda or async iterator: the fix awaits in place.</summary>
        Async,

        /// <summary>A sync iterator: the fix converts it to an async iterator.</summary>
        SyncIterator,

        /// <summary>Any other sync function: no fix.</summary>
        Sync,
    }

    /// <summary>What YA1003's analyzer tells its fix.</summary>
    public readonly struct YA1003FixProperties
    {
        internal const string ContextKey = "Context";

        public YA1003FixProperties(YA1003Context context) => Context = context;

        public YA1003Context Context { get; }

        public ImmutableDictionary<string, string?> Write() =>
            ImmutableDictionary<string, string?>.Empty.Add(ContextKey, Context.ToString());

        public static bool TryRead(Diagnostic diagnostic, out YA1003FixProperties properties)
        {
            properties = default;
            if (!FixPropertyValues.TryEnum<YA1003Context>(diagnostic, ContextKey, out var context))
            {
                return false;
            }

            properties = new YA1003FixProperties(context);
            return true;
        }
    }
}
