using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.CodeFixes.Conversion.Engine
{
    /// <summary>What the <see cref="SolutionChangeEngine"/> found, all on the original solution.</summary>
    internal sealed class SolutionChange<TRewrite>
        where TRewrite : class
    {
        public SolutionChange(Solution solution, bool succeeded, bool blocked, IReadOnlyList<FamilyMember> members, IReadOnlyList<RenameSite> renames, IReadOnlyList<TRewrite> rewrites)
        {
            Solution = solution;
            Succeeded = succeeded;
            Blocked = blocked;
            Members = members;
            Renames = renames;
            Rewrites = rewrites;
        }

        /// <summary>True when every member accepted the change and every reference can follow it.</summary>
        public bool Succeeded { get; }

        /// <summary>True when a reference could not follow (as opposed to a member that cannot change at all).</summary>
        public bool Blocked { get; }

        public Solution Solution { get; }

        /// <summary>Every member that changes, in the order the walk reached it (the seed first).</summary>
        public IReadOnlyList<FamilyMember> Members { get; }

        public IReadOnlyList<RenameSite> Renames { get; }

        /// <summary>What the policy recorded for the references that need an edit, in the order they were found.</summary>
        public IReadOnlyList<TRewrite> Rewrites { get; }
    }

    /// <summary>A reference whose name changes with its member's (a call, a <c>cref</c>, a <c>nameof</c>).</summary>
    internal sealed class RenameSite
    {
        public RenameSite(DocumentId documentId, SimpleNameSyntax name, string newName)
        {
            DocumentId = documentId;
            Name = name;
            NewName = newName;
        }

        public DocumentId DocumentId { get; }

        public SimpleNameSyntax Name { get; }

        public string NewName { get; }
    }
}
