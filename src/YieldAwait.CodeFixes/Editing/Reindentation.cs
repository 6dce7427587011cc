using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace YieldAwait.CodeFixes.Editing
{
    /// <summary>
    /// Moves code one indentation level deeper without reformatting it: only the whitespace that starts a line
    /// grows, inactive <c>#if</c> branches included, and string literals are never touched.
    /// </summary>
    internal static class Reindentation
    {
        /// <summary>
        /// Indents <paramref name="node"/> by <paramref name="unit"/>. Line starts are judged in the node's own tree, so
        /// a detached node counts its first character as the start of a line.
        /// </summary>
        public static TNode Indent<TNode>(TNode node, string unit)
            where TNode : SyntaxNode
        {
            var text = node.SyntaxTree.GetText();
            return node.ReplaceTrivia(node.DescendantTrivia(descendIntoTrivia: false), (original, _) => Indent(original, unit, text));
        }

        /// <summary>
        /// Replaces the elastic trivia that <c>SyntaxFactory</c> tokens carry with plain trivia of the same text. Code
        /// actions format whatever is elastic; code built here already has its final layout and must keep it (a brace
        /// at the end of a signature line would otherwise move to a line of its own).
        /// </summary>
        public static TNode WithoutElasticTrivia<TNode>(TNode node)
            where TNode : SyntaxNode =>
            node.ReplaceTokens(
                node.DescendantTokens(descendIntoTrivia: false),
                (_, token) => token.WithLeadingTrivia(Plain(token.LeadingTrivia)).WithTrailingTrivia(Plain(token.TrailingTrivia)));

        private static IEnumerable<SyntaxTrivia> Plain(SyntaxTriviaList trivia)
        {
            foreach (var item in trivia)
            {
                if (!item.HasAnnotation(SyntaxAnnotation.ElasticAnnotation))
                {
                    yield return item;
                }
                else if (item.IsKind(SyntaxKind.EndOfLineTrivia) && item.ToString().Length > 0)
                {
                    yield return SyntaxFactory.EndOfLine(item.ToString());
                }
                else if (item.IsKind(SyntaxKind.WhitespaceTrivia) && item.ToString().Length > 0)
                {
                    yield return SyntaxFactory.Whitespace(item.ToString());
                }
            }
        }

        /// <summary>The indentation unit the code uses: the step from a block's brace to its statements, else four spaces.</summary>
        public static string Unit(string outer, string inner) =>
            inner.Length > outer.Length && inner.StartsWith(outer, System.StringComparison.Ordinal) ? inner.Substring(outer.Length) : "    ";

        /// <summary>The whitespace that starts the line <paramref name="token"/> is on (for a brace at the end of a signature, the signature's).</summary>
        public static string IndentationOf(SyntaxToken token)
        {
            var text = token.SyntaxTree?.GetText();
            if (text is null)
            {
                return "";
            }

            var line = text.Lines.GetLineFromPosition(token.SpanStart).ToString();
            return line.Substring(0, line.Length - line.TrimStart(' ', '\t').Length);
        }

        /// <summary>Drops the blank lines at the start of a leading-trivia list (the gap before moved-away code).</summary>
        public static SyntaxTriviaList WithoutLeadingBlankLines(SyntaxTriviaList trivia)
        {
            var list = trivia.ToList();
            while (true)
            {
                var lineEnd = list.FindIndex(t => !t.IsKind(SyntaxKind.WhitespaceTrivia));
                if (lineEnd < 0 || !list[lineEnd].IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return SyntaxFactory.TriviaList(list);
                }

                list.RemoveRange(0, lineEnd + 1);
            }
        }

        private static SyntaxTrivia Indent(SyntaxTrivia trivia, string unit, SourceText text)
        {
            if (trivia.IsKind(SyntaxKind.WhitespaceTrivia) && StartsLine(trivia.SpanStart, text) && !EndsLine(trivia.Span.End, text))
            {
                return SyntaxFactory.Whitespace(trivia.ToString() + unit);
            }

            if (trivia.IsKind(SyntaxKind.DisabledTextTrivia))
            {
                return SyntaxFactory.DisabledText(IndentLines(trivia.ToString(), unit));
            }

            return trivia;
        }

        private static bool StartsLine(int position, SourceText text) => text.Lines.GetLineFromPosition(position).Start == position;

        private static bool EndsLine(int position, SourceText text) => position >= text.Length || text[position] is '\r' or '\n';

        private static string IndentLines(string block, string unit)
        {
            var result = new StringBuilder();
            foreach (var line in Lines(block))
            {
                if (line.Trim().Length > 0)
                {
                    result.Append(unit);
                }

                result.Append(line);
            }

            return result.ToString();
        }

        private static IEnumerable<string> Lines(string block)
        {
            var start = 0;
            for (var i = 0; i < block.Length; i++)
            {
                if (block[i] == '\n')
                {
                    yield return block.Substring(start, i + 1 - start);
                    start = i + 1;
                }
            }

            if (start < block.Length)
            {
                yield return block.Substring(start);
            }
        }
    }
}
