using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The part of an iterator body that runs before its first <c>yield return</c>: code no path reaches through a
    /// <c>yield return</c>. A loop body that yields is not part of it (its second pass follows a yield), nor is a
    /// <c>finally</c> after a yielding <c>try</c>. This code runs on the first <c>MoveNext</c>, not when the iterator is called.
    /// </summary>
    internal static class PreYieldRegion
    {
        /// <summary>True when <paramref name="node"/>, inside <paramref name="body"/> and not in a nested function, runs before any <c>yield return</c>.</summary>
        public static bool RunsBeforeFirstYield(SyntaxNode node, BlockSyntax body)
        {
            var child = node;
            for (var parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (IteratorFacts.IsNestedFunction(parent))
                {
                    return false;
                }

                if (!RunsBeforeYieldWithin(parent, child))
                {
                    return false;
                }

                if (parent == body)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The index of the top-level statement of <paramref name="body"/> that holds <paramref name="node"/> when neither it
        /// nor any statement before it contains a <c>yield</c> (return or break), so the statement can move out of the iterator
        /// unchanged; otherwise -1.
        /// </summary>
        public static int MovableStatementIndex(SyntaxNode node, BlockSyntax body)
        {
            var statement = node.AncestorsAndSelf().FirstOrDefault(n => n.Parent == body) as StatementSyntax;
            if (statement is null)
            {
                return -1;
            }

            var index = body.Statements.IndexOf(statement);
            return index >= 0 && index < FirstYieldingStatement(body) ? index : -1;
        }

        /// <summary>The index of the first top-level statement that contains a <c>yield</c> of either kind; the count when none does.</summary>
        public static int FirstYieldingStatement(BlockSyntax body)
        {
            for (var i = 0; i < body.Statements.Count; i++)
            {
                if (YieldsIn(body.Statements[i], returnOnly: false))
                {
                    return i;
                }
            }

            return body.Statements.Count;
        }

        /// <summary><c>goto</c> can jump back over a yield; bodies that use it are left alone.</summary>
        public static bool HasGoto(BlockSyntax body) =>
            body.DescendantNodes(descendIntoChildren: n => !IteratorFacts.IsNestedFunction(n)).Any(n => n is GotoStatementSyntax);

        private static bool RunsBeforeYieldWithin(SyntaxNode parent, SyntaxNode child)
        {
            switch (parent)
            {
                case BlockSyntax block:
                    return NoYieldBefore(block.Statements, child);
                case SwitchSectionSyntax section:
                    return NoYieldBefore(section.Statements, child);
                case WhileStatementSyntax loop:
                    return child != loop.Statement || !YieldsIn(loop.Statement, returnOnly: true);
                case DoStatementSyntax loop:
                    return !YieldsIn(loop.Statement, returnOnly: true);
                case ForStatementSyntax loop:
                    return !YieldsIn(loop.Statement, returnOnly: true)
                        || (child != loop.Statement && !loop.Incrementors.Contains(child));
                case CommonForEachStatementSyntax loop:
                    return child != loop.Statement || !YieldsIn(loop.Statement, returnOnly: true);
                case TryStatementSyntax tryStatement:
                    return child is not FinallyClauseSyntax || !YieldsIn(tryStatement.Block, returnOnly: true);
                default:
                    return true;
            }
        }

        private static bool NoYieldBefore(SyntaxList<StatementSyntax> statements, SyntaxNode child)
        {
            foreach (var statement in statements)
            {
                if (statement == child)
                {
                    return true;
                }

                if (YieldsIn(statement, returnOnly: true))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool YieldsIn(SyntaxNode node, bool returnOnly) =>
            node.DescendantNodesAndSelf(descendIntoChildren: n => !IteratorFacts.IsNestedFunction(n))
                .Any(n => n is YieldStatementSyntax yield && (!returnOnly || yield.IsKind(SyntaxKind.YieldReturnStatement)));
    }
}
