using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace YieldAwait.CodeFixes.Conversion
{
    /// <summary>
    /// Adds the usings that annotated names need, reduces the fully qualified names and parentheses the
    /// rewrites introduced, and formats only the annotated nodes, so the user's own formatting is kept.
    /// </summary>
    internal static class DocumentCleanup
    {
        public static async Task<Document> RunAsync(Document document, CancellationToken cancellationToken)
        {
            document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
