using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.FixProperties
{
    /// <summary>What YA2001's analyzer tells its fix: the materialiser it found (<c>ToList</c>, <c>new List</c>, …).</summary>
    public readonly struct YA2001FixProperties
    {
        internal const string OperatorKey = "Operator";

        public YA2001FixProperties(string @operator) => Operator = @operator;

        /// <summary>The operator's name; the fix rewrites only <c>ToList</c> and <c>ToArray</c>.</summary>
        public string Operator { get; }

        public ImmutableDictionary<string, string?> Write() =>
            ImmutableDictionary<string, string?>.Empty.Add(OperatorKey, Operator);

        public static bool TryRead(Diagnostic diagnostic, out YA2001FixProperties properties)
        {
            properties = default;
            if (!diagnostic.Properties.TryGetValue(OperatorKey, out var name) || string.IsNullOrEmpty(name))
            {
                return false;
            }

            properties = new YA2001FixProperties(name!);
            return true;
        }
    }
}
