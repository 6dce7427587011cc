using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace YieldAwait.CodeFixes.Conversion
{
    /// <summary>
    /// The documents a Fix All covers, with the diagnostics to fix in each, for the fixes that plan one change for the whole
    /// scope (their edits overlap: a converted method's callers may sit in another converted method).
    /// </summary>
    internal static class FixAllScopeDocuments
    {
        public static async Task<List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)>> CollectAsync(FixAllContext context)
        {
            var documents = context.Scope switch
            {
                FixAllScope.Document when context.Document is not null => new[] { context.Document },
                FixAllScope.Project => context.Project.Documents.ToArray(),
                FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                _ => System.Array.Empty<Document>(),
            };

            var flagged = new List<(Document, ImmutableArray<Diagnostic>)>();
            foreach (var document in documents)
            {
                var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                if (!diagnostics.IsEmpty)
                {
                    flagged.Add((document, diagnostics));
                }
            }

            return flagged;
        }
    }
}
