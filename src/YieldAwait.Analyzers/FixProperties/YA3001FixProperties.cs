using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.FixProperties
{
    /// <summary>What YA3001's analyzer tells its fix: which of the iterator's statements may move out, and whether this check is in one.</summary>
    public readonly struct YA3001FixProperties
    {
        internal const string CheckStatementsKey = "CheckStatements";
        internal const string MovableKey = "Movable";

        public YA3001FixProperties(ImmutableArray<int> checkStatements, bool movable)
        {
            CheckStatements = checkStatements.IsDefault ? ImmutableArray<int>.Empty : checkStatements;
            Movable = movable;
        }

        /// <summary>The indices of the iterator's top-level statements that hold checks and can move out unchanged (the same on every diagnostic of one iterator).</summary>
        public ImmutableArray<int> CheckStatements { get; }

        /// <summary>This diagnostic's check is in one of <see cref="CheckStatements"/>.</summary>
        public bool Movable { get; }

        public ImmutableDictionary<string, string?> Write() =>
            ImmutableDictionary<string, string?>.Empty.AddIndices(CheckStatementsKey, CheckStatements).AddFlag(MovableKey, Movable);

        /// <summary>Always succeeds: a diagnostic without the keys has nothing that can move.</summary>
        public static bool TryRead(Diagnostic diagnostic, out YA3001FixProperties properties)
        {
            properties = new YA3001FixProperties(FixPropertyValues.Indices(diagnostic, CheckStatementsKey), FixPropertyValues.Flag(diagnostic, MovableKey));
            return true;
        }
    }
}
