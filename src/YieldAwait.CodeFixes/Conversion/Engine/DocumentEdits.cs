using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.CodeFixes.Conversion.Engine
{
    /// <summary>
    /// Edits keyed by original nodes, applied in one <c>ReplaceNodes</c> pass so that nested edits (a caller's loop inside a
    /// converted method's loop) compose. A removed statement leaves its comments to the statement after it.
    /// </summary>
    internal sealed class DocumentEdits
    {
        private readonly Dictionary<SyntaxNode, List<Func<SyntaxNode, SyntaxNode>>> _replacements = new();
        private readonly HashSet<StatementSyntax> _removals = new();

        public void Replace(SyntaxNode node, Func<SyntaxNode, SyntaxNode> edit)
        {
            if (!_replacements.TryGetValue(node, out var list))
            {
                _replacements[node] = list = new List<Func<SyntaxNode, SyntaxNode>>();
            }

            list.Add(edit);
        }

        public void Remove(StatementSyntax statement) => _removals.Add(statement);

        public void Merge(DocumentEdits other)
        {
            foreach (var pair in other._replacements)
            {
                foreach (var edit in pair.Value)
                {
                    Replace(pair.Key, edit);
                }
            }

            _removals.UnionWith(other._removals);
        }

        public SyntaxNode Apply(SyntaxNode root)
        {
            var blocks = _removals.Select(s => s.Parent).OfType<BlockSyntax>().Distinct().ToList();
            var nodes = _replacements.Keys.Concat(blocks).Distinct().ToList();
            return root.ReplaceNodes(nodes, (original, rewritten) =>
            {
                if (original is BlockSyntax block && rewritten is BlockSyntax current)
                {
                    rewritten = WithoutRemoved(block, current);
                }

                if (_replacements.TryGetValue(original, out var edits))
                {
                    foreach (var edit in edits)
                    {
                        rewritten = edit(rewritten);
                    }
                }

                return rewritten;
            });
        }

        private BlockSyntax WithoutRemoved(BlockSyntax original, BlockSyntax current)
        {
            var kept = new List<StatementSyntax>();
            var carried = SyntaxFactory.TriviaList();
            for (var i = 0; i < original.Statements.Count; i++)
            {
                var statement = current.Statements[i];
                if (_removals.Contains(original.Statements[i]))
                {
                    carried = carried.AddRange(Comments(statement.GetLeadingTrivia()));
                    continue;
                }

                kept.Add(carried.Count == 0 ? statement : statement.WithLeadingTrivia(carried.AddRange(statement.GetLeadingTrivia())));
                carried = SyntaxFactory.TriviaList();
            }

            var closeBrace = current.CloseBraceToken;
            if (carried.Count > 0)
            {
                closeBrace = closeBrace.WithLeadingTrivia(carried.AddRange(closeBrace.LeadingTrivia));
            }

            return current.WithStatements(SyntaxFactory.List(kept)).WithCloseBraceToken(closeBrace);
        }

        /// <summary>The leading trivia without its final indentation, or nothing when it holds no comment or directive.</summary>
        private static IEnumerable<SyntaxTrivia> Comments(SyntaxTriviaList trivia)
        {
            if (trivia.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                return Enumerable.Empty<SyntaxTrivia>();
            }

            var end = trivia.Count;
            while (end > 0 && trivia[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                end--;
            }

            return trivia.Take(end);
        }
    }
}
