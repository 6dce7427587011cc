using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.FixProperties
{
    /// <summary>How the copy YA5002 reports is read.</summary>
    public enum YA5002Consumer
    {
        /// <summary>A <c>foreach</c> over the copy.</summary>
        Loop,

        /// <summary>A LINQ operator called on the copy.</summary>
        Operator,

        /// <summary>The copy's <c>Count</c> or <c>Length</c>.</summary>
        Count,
    }

    /// <summary>What YA5002's analyzer tells its fix.</summary>
    public readonly struct YA5002FixProperties
    {
        internal const string ConsumerKey = "Consumer";

        public YA5002FixProperties(YA5002Consumer consumer) => Consumer = consumer;

        public YA5002Consumer Consumer { get; }

        public ImmutableDictionary<string, string?> Write() =>
            ImmutableDictionary<string, string?>.Empty.Add(ConsumerKey, Consumer.ToString());

        public static bool TryRead(Diagnostic diagnostic, out YA5002FixProperties properties)
        {
            properties = default;
            if (!FixPropertyValues.TryEnum<YA5002Consumer>(diagnostic, ConsumerKey, out var consumer))
            {
                return false;
            }

            properties = new YA5002FixProperties(consumer);
            return true;
        }
    }
}
