using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.FixProperties
{
    /// <summary>What YA3004's analyzer tells its fix: whether the lock has the shape the snapshot fix rewrites.</summary>
    public readonly struct YA3004FixProperties
    {
        internal const string SnapshotShapeKey = "SnapshotShape";

        public YA3004FixProperties(bool snapshotShape) => SnapshotShape = snapshotShape;

        /// <summary>The lock is <c>lock (g) { foreach (var x in xs) yield return x; }</c>.</summary>
        public bool SnapshotShape { get; }

        public ImmutableDictionary<string, string?> Write() =>
            ImmutableDictionary<string, string?>.Empty.AddFlag(SnapshotShapeKey, SnapshotShape);

        /// <summary>Always succeeds: a diagnostic without the key has no fix.</summary>
        public static bool TryRead(Diagnostic diagnostic, out YA3004FixProperties properties)
        {
            properties = new YA3004FixProperties(FixPropertyValues.Flag(diagnostic, SnapshotShapeKey));
            return true;
        }
    }
}
