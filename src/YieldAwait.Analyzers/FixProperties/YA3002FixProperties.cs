using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.FixProperties
{
    /// <summary>What YA3002's analyzer tells its fix: which of its fixes compile where the diagnostic stands.</summary>
    public readonly struct YA3002FixProperties
    {
        internal const string CanMaterialiseKey = "CanMaterialise";
        internal const string CanConvertToIteratorKey = "CanConvertToIterator";
        internal const string CanConvertToAsyncIteratorKey = "CanConvertToAsyncIterator";

        public YA3002FixProperties(bool canMaterialise, bool canConvertToIterator, bool canConvertToAsyncIterator)
        {
            CanMaterialise = canMaterialise;
            CanConvertToIterator = canConvertToIterator;
            CanConvertToAsyncIterator = canConvertToAsyncIterator;
        }

        /// <summary>Appending <c>.ToList()</c> to the reported expression compiles where it stands.</summary>
        public bool CanMaterialise { get; }

        /// <summary>The enclosing method can become an iterator (<c>foreach (…) yield return …;</c>).</summary>
        public bool CanConvertToIterator { get; }

        /// <summary>The enclosing method can become an async iterator (<c>await foreach (…) yield return …;</c>).</summary>
        public bool CanConvertToAsyncIterator { get; }

        public ImmutableDictionary<string, string?> Write() =>
            ImmutableDictionary<string, string?>.Empty
                .AddFlag(CanMaterialiseKey, CanMaterialise)
                .AddFlag(CanConvertToIteratorKey, CanConvertToIterator)
                .AddFlag(CanConvertToAsyncIteratorKey, CanConvertToAsyncIterator);

        /// <summary>Always succeeds: a diagnostic without the keys has no fix.</summary>
        public static bool TryRead(Diagnostic diagnostic, out YA3002FixProperties properties)
        {
            properties = new YA3002FixProperties(
                FixPropertyValues.Flag(diagnostic, CanMaterialiseKey),
                FixPropertyValues.Flag(diagnostic, CanConvertToIteratorKey),
                FixPropertyValues.Flag(diagnostic, CanConvertToAsyncIteratorKey));
            return true;
        }
    }
}
