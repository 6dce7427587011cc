using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The tokens found from where a file's text spells a word (<see cref="TextSearch.WordPositions"/>), without a walk of
    /// the tree: a match in a comment, a string or a longer token does not start a token there and is left out.
    /// </summary>
    internal static class WordTokens
    {
        public static IEnumerable<SyntaxToken> At(SyntaxNode root, IEnumerable<int> positions)
        {
            foreach (var position in positions)
            {
                var token = root.FindToken(position);
                if (token.SpanStart == position)
                {
                    yield return token;
                }
            }
        }
    }
}
