using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.Finiteness
{
    /// <summary>What a library method does with the sequences it is given.</summary>
    internal enum SequenceOperatorRole
    {
        /// <summary>Not a sequence operator the analysis knows: its result is not known to be infinite.</summary>
        None,

        /// <summary>Deferred and streaming (<c>Select</c>, <c>Where</c>, <c>Skip</c>…): the result is infinite when any source is.</summary>
        Keeps,

        /// <summary>Deferred, ends with its shortest source (<c>Zip</c>): infinite only when every source is.</summary>
        KeepsIfAll,

        /// <summary>Reads a sequence to its end before it returns or yields (<c>ToList</c>, <c>Count</c>, <c>OrderBy</c>…).</summary>
        Materialises,

        /// <summary>Reads until it finds an answer (<c>Contains</c>, <c>Any(p)</c>, <c>First(p)</c>…): on an infinite sequence it may never finish.</summary>
        Searches,
    }

    /// <summary>
    /// One recognised call: its role, the name a message shows (<c>ToListAsync</c>), and the parameter ordinals
    /// (of the static, unreduced method) that carry the sequences the role applies to.
    /// </summary>
    internal readonly struct SequenceOperator
    {
        public SequenceOperator(SequenceOperatorRole role, string name, ImmutableArray<int> sequenceOrdinals, ImmutableArray<int> keptOrdinals = default)
        {
            Role = role;
            Name = name;
            SequenceOrdinals = sequenceOrdinals;
            KeptOrdinals = keptOrdinals.IsDefault ? ImmutableArray<int>.Empty : keptOrdinals;
        }

        public SequenceOperatorRole Role { get; }

        public string Name { get; }

        /// <summary>The sequences the role applies to: materialised, searched, or kept.</summary>
        public ImmutableArray<int> SequenceOrdinals { get; }

        /// <summary>
        /// For a materialiser that also streams another source (<c>Join</c> streams its outer side and materialises
        /// its inner side): the streamed ones, whose infiniteness the result keeps.
        /// </summary>
        public ImmutableArray<int> KeptOrdinals { get; }

        public bool IsNone => Role == SequenceOperatorRole.None;
    }
}
