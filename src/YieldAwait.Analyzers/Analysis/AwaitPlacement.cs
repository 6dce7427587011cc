using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Where the language lets an <c>await</c> stand once the enclosing function is async. One fact for the rules that report
    /// "this could be awaited" (YA1002) and for the conversion that writes the await, so that a diagnostic never lacks its fix
    /// for want of a place to await.
    /// </summary>
    internal static class AwaitPlacement
    {
        /// <summary>
        /// False inside <c>lock</c> (the Monitor is released by whichever thread resumes), a <c>catch</c> filter, an <c>unsafe</c>
        /// block or function, a query clause that compiles to a lambda (every one but the first <c>from</c> and a <c>join</c>'s
        /// source), and outside any function.
        /// </summary>
        public static bool IsAllowedAt(SyntaxNode node)
        {
            JoinClauseSyntax? joinSource = null;
            var child = node;
            for (var current = node.Parent; current is not null; child = current, current = current.Parent)
            {
                if (IteratorFacts.IsFunctionDeclaration(current) || IteratorFacts.IsNestedFunction(current))
                {
                    return !current.ChildTokens().Any(t => t.IsKind(SyntaxKind.UnsafeKeyword));
                }

                switch (current)
                {
                    case LockStatementSyntax or CatchFilterClauseSyntax or UnsafeStatementSyntax:
                        return false;
                    case JoinClauseSyntax join when join.InExpression == child:
                        joinSource = join;
                        break;
                    case QueryBodySyntax body when joinSource?.Parent != body:
                        return false;
                }
            }

            return false;
        }
    }
}
