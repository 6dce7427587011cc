using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.FindSymbols;

namespace YieldAwait.CodeFixes.Conversion.Engine
{
    /// <summary>
    /// One fix's decisions inside the <see cref="SolutionChangeEngine"/>: which members change with the seed, their new
    /// name, and what each reference in the solution does about the change. The engine does the finding; a policy only judges.
    /// </summary>
    /// <typeparam name="TRewrite">What the fix records for a reference that needs rewriting (a caller's loop, a consumer).</typeparam>
    internal abstract class ChangePolicy<TRewrite>
        where TRewrite : class
    {
        /// <summary>True when overrides, implementations and interface members change with the member (a new return type).</summary>
        public virtual bool ChangesFamily => false;

        /// <summary>
        /// Takes the members that change together (the seed's family, then each caller's the policy asked to change too);
        /// false gives the change up. The policy decides here what it needs of each member (its new signature, its name).
        /// </summary>
        public abstract Task<bool> AcceptAsync(IReadOnlyList<FamilyMember> family, CancellationToken cancellationToken);

        /// <summary>The member's name after the change; null to keep it (then no reference is renamed).</summary>
        public virtual string? NewNameOf(FamilyMember member) => null;

        /// <summary>Whether the references of <paramref name="referenced"/> (one of the symbols Roslyn cascades to) concern the change.</summary>
        public virtual bool Includes(ReferencedSymbol referenced, FamilyMember member) => true;

        /// <summary>What one reference does about the change.</summary>
        public abstract Task<ReferenceVerdict<TRewrite>> SortAsync(MemberReference reference, FamilyMember target, CancellationToken cancellationToken);
    }

    internal enum ReferenceFate
    {
        /// <summary>The reference keeps compiling and meaning the same with no edit but its rename.</summary>
        Follows,

        /// <summary>The reference needs an edit of its own (a caller's loop becomes <c>await foreach</c>).</summary>
        NeedsRewrite,

        /// <summary>The reference cannot follow: the change is not offered.</summary>
        Blocks,
    }

    /// <summary>A policy's answer for one reference.</summary>
    internal readonly struct ReferenceVerdict<TRewrite>
        where TRewrite : class
    {
        private ReferenceVerdict(ReferenceFate fate, TRewrite? rewrite, bool renamed, FamilyMember? alsoChanges)
        {
            Fate = fate;
            Rewrite = rewrite;
            Renamed = renamed;
            AlsoChanges = alsoChanges;
        }

        public ReferenceFate Fate { get; }

        public TRewrite? Rewrite { get; }

        /// <summary>Whether the reference's name follows the member's new name (false: it keeps calling the old member).</summary>
        public bool Renamed { get; }

        /// <summary>The function around the reference that must change too (the change walks up the call graph); null when none.</summary>
        public FamilyMember? AlsoChanges { get; }

        public static ReferenceVerdict<TRewrite> Blocks => new(ReferenceFate.Blocks, null, renamed: false, null);

        public static ReferenceVerdict<TRewrite> Follows(bool renamed = true) => new(ReferenceFate.Follows, null, renamed, null);

        public static ReferenceVerdict<TRewrite> NeedsRewrite(TRewrite rewrite, bool renamed = true, FamilyMember? alsoChanges = null) =>
            new(ReferenceFate.NeedsRewrite, rewrite, renamed, alsoChanges);
    }

    /// <summary>The rewrite of a policy that only judges: its references follow or block, none needs an edit.</summary>
    internal sealed class NoRewrite
    {
        private NoRewrite()
        {
        }
    }
}
