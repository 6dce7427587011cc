using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.CodeFixes.Editing
{
    /// <summary>
    /// <c>xs</c> → <c>xs.ToList()</c>, for the fixes that materialise a deferred sequence where it is bound or returned;
    /// <c>using System.Linq;</c> is added only when <c>ToList</c> does not bind without it.
    /// </summary>
    internal static class ToListMaterialisation
    {
        public static InvocationExpressionSyntax Materialise(ExpressionSyntax value)
        {
            var receiver = value is InvocationExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax or GenericNameSyntax or ElementAccessExpressionSyntax
                ? value.WithoutTrivia()
                : SyntaxFactory.ParenthesizedExpression(value.WithoutTrivia());
            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("ToList")))
                .WithTriviaFrom(value);
        }

        /// <summary>True when <paramref name="materialised"/>, placed where <paramref name="original"/> stands, finds no <c>ToList</c>.</summary>
        public static bool NeedsLinqImport(SemanticModel model, ExpressionSyntax original, ExpressionSyntax materialised) =>
            model.GetSpeculativeSymbolInfo(original.SpanStart, materialised, SpeculativeBindingOption.BindAsExpression).Symbol is null;

        public static CompilationUnitSyntax EnsureLinqImport(CompilationUnitSyntax unit)
        {
            var present = unit.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                .OfType<UsingDirectiveSyntax>()
                .Any(u => u.Alias is null && u.Name?.ToString() == "System.Linq");
            return present ? unit : DocumentCleanup.AddUsing(unit, "System.Linq");
        }
    }
}
