using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// What makes a function a generator. Roslyn 4.8 has no <c>IMethodSymbol.IsIterator</c>, so the body
    /// is searched for <c>yield</c>, skipping nested lambdas and local functions, which are functions of their own.
    /// </summary>
    internal static class IteratorFacts
    {
        /// <summary>The body of a method, local function, accessor or operator; null for other nodes.</summary>
        public static BlockSyntax? GetBody(SyntaxNode declaration) => declaration switch
        {
            BaseMethodDeclarationSyntax method => method.Body,
            LocalFunctionStatementSyntax local => local.Body,
            AccessorDeclarationSyntax accessor => accessor.Body,
            _ => null,
        };

        public static bool ContainsYield(SyntaxNode declaration)
        {
            var body = GetBody(declaration);
            return body is not null && YieldStatements(body).Any();
        }

        /// <summary>The <c>yield</c> statements that belong to this body or statement, not to functions nested in it.</summary>
        public static System.Collections.Generic.IEnumerable<YieldStatementSyntax> YieldStatements(SyntaxNode body) =>
            body.DescendantNodesAndSelf(descendIntoChildren: node => !IsNestedFunction(node))
                .OfType<YieldStatementSyntax>();

        public static bool IsNestedFunction(SyntaxNode node) =>
            node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

        public static bool IsFunctionDeclaration(SyntaxNode node) =>
            node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax;

        /// <summary>Classifies a function by its return type, given that its body contains <c>yield</c>.</summary>
        public static IteratorKind Classify(IMethodSymbol method, AsyncTypes types)
        {
            var returnType = method.ReturnType;
            if (method.IsAsync)
            {
                var definition = returnType.OriginalDefinition;
                return SymbolEqualityComparer.Default.Equals(definition, types.IAsyncEnumerableOfT)
                    || SymbolEqualityComparer.Default.Equals(definition, types.IAsyncEnumeratorOfT)
                    ? IteratorKind.Async
                    : IteratorKind.None;
            }

            return returnType.OriginalDefinition.SpecialType switch
            {
                SpecialType.System_Collections_Generic_IEnumerable_T => IteratorKind.Sync,
                SpecialType.System_Collections_Generic_IEnumerator_T => IteratorKind.Sync,
                SpecialType.System_Collections_IEnumerable => IteratorKind.Sync,
                SpecialType.System_Collections_IEnumerator => IteratorKind.Sync,
                _ => IteratorKind.None,
            };
        }

        /// <summary>The declaration of <paramref name="method"/> whose span holds <paramref name="node"/> (partial methods have two).</summary>
        public static SyntaxNode? FindDeclaration(IMethodSymbol method, SyntaxNode node)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == node.SyntaxTree && reference.Span.Contains(node.Span))
                {
                    var declaration = reference.GetSyntax();
                    return declaration.IsKind(SyntaxKind.ArrowExpressionClause) ? declaration.Parent : declaration;
                }
            }

            return null;
        }
    }
}
