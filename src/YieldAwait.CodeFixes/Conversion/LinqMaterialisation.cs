using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.CodeFixes.Conversion
{
    /// <summary>
    /// Appends <c>.ToList()</c> to lazy sequences so they run where they stand, adding <c>using System.Linq;</c>
    /// when the extension is not in scope there.
    /// </summary>
    internal static class LinqMaterialisation
    {
        public static async Task<Document> ToListAsync(Document document, IReadOnlyCollection<ExpressionSyntax> sequences, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is not CompilationUnitSyntax compilationUnit || model is null || sequences.Count == 0)
            {
                return document;
            }

            var needsImport = sequences.Any(sequence => !ToListInScope(model, sequence, cancellationToken));
            var updated = compilationUnit.ReplaceNodes(sequences, (_, current) => AppendToList(current));
            if (needsImport)
            {
                updated = UsingDirectives.Add(updated, "System.Linq");
            }

            return document.WithSyntaxRoot(updated);
        }

        public static ExpressionSyntax AppendToList(ExpressionSyntax expression)
        {
            var receiver = expression.WithoutTrivia();
            if (!IsPrimary(receiver))
            {
                receiver = SyntaxFactory.ParenthesizedExpression(receiver);
            }

            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("ToList")))
                .WithTriviaFrom(expression);
        }

        private static bool IsPrimary(ExpressionSyntax expression) =>
            expression is InvocationExpressionSyntax or MemberAccessExpressionSyntax or SimpleNameSyntax or ElementAccessExpressionSyntax
                or ParenthesizedExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax
                or ArrayCreationExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax;

        private static bool ToListInScope(SemanticModel model, ExpressionSyntax sequence, CancellationToken cancellationToken)
        {
            var type = model.GetTypeInfo(sequence, cancellationToken).Type;
            return type is not null
                && model.LookupSymbols(sequence.SpanStart, type, "ToList", includeReducedExtensionMethods: true)
                    .Any(symbol => symbol is IMethodSymbol { ReducedFrom: not null } method && method.ContainingType.ToDisplayString() == "System.Linq.Enumerable");
        }
    }
}
