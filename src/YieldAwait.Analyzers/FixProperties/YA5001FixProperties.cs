using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.FixProperties
{
    /// <summary>What YA5001's analyzer tells its fix: the leading argument checks it keeps eager (as YA3001's split does).</summary>
    public readonly struct YA5001FixProperties
    {
        internal const string CheckStatementsKey = "CheckStatements";

        public YA5001FixProperties(IEnumerable<int> checkStatements) => CheckStatements = checkStatements.ToImmutableArray();

        /// <summary>Indices, in the body without the list's declaration, of the leading argument-check statements.</summary>
        public ImmutableArray<int> CheckStatements { get; }

        public ImmutableDictionary<string, string?> Write() =>
            ImmutableDictionary<string, string?>.Empty.Add(CheckStatementsKey, string.Join(",", CheckStatements.IsDefault ? ImmutableArray<int>.Empty : CheckStatements));

        /// <summary>Always succeeds: a diagnostic without the key has no checks to keep.</summary>
        public static bool TryRead(Diagnostic diagnostic, out YA5001FixProperties properties)
        {
            properties = new YA5001FixProperties(FixPropertyValues.Indices(diagnostic, CheckStatementsKey));
            return true;
        }
    }
}
