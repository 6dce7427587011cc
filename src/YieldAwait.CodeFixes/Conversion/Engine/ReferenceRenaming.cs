using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.CodeFixes.Conversion.Engine
{
    /// <summary>What the conversions do to a reference whose target is renamed: shared by every planner and converter.</summary>
    internal static class ReferenceRenaming
    {
        /// <summary>The name with another identifier, keeping its trivia (and its type arguments, for a generic name).</summary>
        public static SimpleNameSyntax Renamed(SimpleNameSyntax name, string newName) =>
            name.WithIdentifier(SyntaxFactory.Identifier(name.Identifier.LeadingTrivia, newName, name.Identifier.TrailingTrivia));

        /// <summary>A reference inside <c>nameof(…)</c>: only its name may change, nothing there runs.</summary>
        public static bool IsInsideNameOf(SyntaxNode node) => YieldAwait.Analyzers.Analysis.SyntacticGates.IsInNameOf(node);
    }
}
