using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.FixProperties
{
    /// <summary>What YA4001's fix has to do.</summary>
    public enum YA4001Shape
    {
        /// <summary>The iterator has more than one token parameter: no fix (which one should WithCancellation reach?).</summary>
        AmbiguousToken,

        /// <summary>The iterator takes no token: add one.</summary>
        AddToken,

        /// <summary>Its one token parameter lacks <c>[EnumeratorCancellation]</c>: mark it.</summary>
        MarkToken,

        /// <summary>An interface, abstract or virtual member whose implementations need a token: not fixed.</summary>
        BaseSignature,
    }

    /// <summary>What YA4001's analyzer tells its fix.</summary>
    public readonly struct YA4001FixProperties
    {
        internal const string ShapeKey = "Shape";
        internal const string EndlessLoopKey = "EndlessLoop";

        public YA4001FixProperties(YA4001Shape shape, int? endlessLoop = null)
        {
            Shape = shape;
            EndlessLoop = endlessLoop;
        }

        public YA4001Shape Shape { get; }

        /// <summary>
        /// For an endless iterator that never really waits: the position of its endless loop, where the fix checks the added
        /// token (no awaited call in it could take one); null otherwise.
        /// </summary>
        public int? EndlessLoop { get; }

        public ImmutableDictionary<string, string?> Write() =>
            ImmutableDictionary<string, string?>.Empty
                .Add(ShapeKey, Shape.ToString())
                .AddPosition(EndlessLoopKey, EndlessLoop);

        public static bool TryRead(Diagnostic diagnostic, out YA4001FixProperties properties)
        {
            properties = default;
            if (!FixPropertyValues.TryEnum<YA4001Shape>(diagnostic, ShapeKey, out var shape))
            {
                return false;
            }

            properties = new YA4001FixProperties(shape, FixPropertyValues.Position(diagnostic, EndlessLoopKey));
            return true;
        }
    }
}
