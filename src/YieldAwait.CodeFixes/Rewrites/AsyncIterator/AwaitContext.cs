using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>Where the language forbids <c>await</c> even inside an async function.</summary>
    internal static class AwaitContext
    {
        public static bool IsAllowedAt(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                if (IteratorFacts.IsFunctionDeclaration(current) || IteratorFacts.IsNestedFunction(current))
                {
                    return !current.ChildTokens().Any(t => t.IsKind(SyntaxKind.UnsafeKeyword));
                }

                if (current is LockStatementSyntax or CatchFilterClauseSyntax or UnsafeStatementSyntax or QueryBodySyntax)
                {
                    return false;
                }
            }

            return false;
        }
    }
}
