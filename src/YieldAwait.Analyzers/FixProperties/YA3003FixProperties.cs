using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.FixProperties
{
    /// <summary>What YA3003's analyzer tells its fix: whether materialising with <c>.ToList()</c> keeps the code compiling (the fix is offered only then).</summary>
    public readonly struct YA3003FixProperties
    {
        internal const string CanMaterialiseKey = "CanMaterialise";

        public YA3003FixProperties(bool canMaterialise) => CanMaterialise = canMaterialise;

        public bool CanMaterialise { get; }

        public ImmutableDictionary<string, string?> Write() =>
            ImmutableDictionary<string, string?>.Empty.AddFlag(CanMaterialiseKey, CanMaterialise);

        /// <summary>Always succeeds: a diagnostic without the key has no fix.</summary>
        public static bool TryRead(Diagnostic diagnostic, out YA3003FixProperties properties)
        {
            properties = new YA3003FixProperties(FixPropertyValues.Flag(diagnostic, CanMaterialiseKey));
            return true;
        }
    }
}
