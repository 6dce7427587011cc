using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Conversion.Engine
{
    /// <summary>
    /// The engine's last two steps: rewrite each changed document once, from its original root, then clean each up
    /// (names, imports, formatting) once every document is rewritten, so the clean-up sees the whole changed solution.
    /// </summary>
    internal static class SolutionEdits
    {
        /// <summary>Applies <paramref name="edits"/>, one <see cref="DocumentEdits"/> per document.</summary>
        public static Task<Solution> ApplyAsync(Solution original, IReadOnlyDictionary<DocumentId, DocumentEdits> edits, CancellationToken cancellationToken) =>
            ApplyAsync(original, edits.Keys, (id, root) => edits[id].Apply(root), cancellationToken);

        /// <summary>Rewrites each of <paramref name="documentIds"/> with <paramref name="edit"/> (given its original root), then cleans it up.</summary>
        public static async Task<Solution> ApplyAsync(Solution original, IEnumerable<DocumentId> documentIds, Func<DocumentId, SyntaxNode, SyntaxNode> edit, CancellationToken cancellationToken)
        {
            var changed = new List<DocumentId>();
            var solution = original;
            foreach (var documentId in documentIds.Distinct())
            {
                if (original.GetDocument(documentId) is not { } document
                    || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
                {
                    continue;
                }

                solution = solution.WithDocumentSyntaxRoot(documentId, edit(documentId, root));
                changed.Add(documentId);
            }

            foreach (var documentId in changed)
            {
                var cleaned = await DocumentCleanup.RunAsync(solution.GetDocument(documentId)!, original.GetDocument(documentId)!, cancellationToken).ConfigureAwait(false);
                solution = cleaned.Project.Solution;
            }

            return solution;
        }

        /// <summary>The renames of one document, as edits.</summary>
        public static void AddRenames(DocumentEdits edits, IEnumerable<RenameSite> renames)
        {
            foreach (var rename in renames)
            {
                edits.Replace(rename.Name, current => ReferenceRenaming.Renamed((Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax)current, rename.NewName));
            }
        }
    }
}
