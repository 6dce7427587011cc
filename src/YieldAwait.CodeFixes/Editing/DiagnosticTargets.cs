using System.Linq;
using Microsoft.CodeAnalysis;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.CodeFixes.Editing
{
    /// <summary>Maps a diagnostic back to the syntax it is about.</summary>
    internal static class DiagnosticTargets
    {
        /// <summary>The reported expression itself.</summary>
        public static SyntaxNode? ReportedNode(SyntaxNode root, Diagnostic diagnostic) =>
            diagnostic.Location.IsInSource && root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                ? root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                : null;

        /// <summary>The function whose body holds the reported expression.</summary>
        public static SyntaxNode? EnclosingFunction(SyntaxNode root, Diagnostic diagnostic) =>
            ReportedNode(root, diagnostic)?.Ancestors()
                .FirstOrDefault(n => IteratorFacts.IsFunctionDeclaration(n) || IteratorFacts.IsNestedFunction(n));
    }
}
