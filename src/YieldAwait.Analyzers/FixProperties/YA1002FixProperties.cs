using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.FixProperties
{
    /// <summary>What YA1002's analyzer tells its fix: whether sync functions enumerate the iterator besides the async ones.</summary>
    public readonly struct YA1002FixProperties
    {
        internal const string SyncConsumersKey = "SyncConsumers";

        public YA1002FixProperties(bool syncConsumers) => SyncConsumers = syncConsumers;

        /// <summary>
        /// Sync functions enumerate the iterator too: converting it would break them, so the fix only offers
        /// "Add async counterpart" (one click and Fix All alike).
        /// </summary>
        public bool SyncConsumers { get; }

        public ImmutableDictionary<string, string?> Write() =>
            ImmutableDictionary<string, string?>.Empty.AddFlag(SyncConsumersKey, SyncConsumers);

        /// <summary>Always succeeds: a diagnostic without the key has only async consumers.</summary>
        public static bool TryRead(Diagnostic diagnostic, out YA1002FixProperties properties)
        {
            properties = new YA1002FixProperties(FixPropertyValues.Flag(diagnostic, SyncConsumersKey));
            return true;
        }
    }
}
