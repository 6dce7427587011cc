using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Whether a source text spells a word, searched in chunks through one small buffer per thread. A search of the text is
    /// far cheaper than a walk of the tree's tokens (which builds the nodes of every documentation comment), and
    /// <c>SourceText.ToString()</c> would put every large file on the large object heap.
    /// </summary>
    internal static class TextSearch
    {
        private const int BufferLength = 16 * 1024;

        [ThreadStatic]
        private static char[]? t_buffer;

        /// <summary>
        /// True when <paramref name="word"/> occurs in <paramref name="text"/> with no identifier character right before or
        /// after it: every identifier token of that value text does (in code, comments or strings alike), except one spelled
        /// with a Unicode escape, which C# code does not use for names in practice.
        /// </summary>
        public static bool SpellsWord(SourceText text, string word) => Find(text, new TextSpan(0, text.Length), word, positions: null);

        /// <summary>True when <paramref name="word"/> occurs as a word (see <see cref="SpellsWord"/>) inside <paramref name="span"/>.</summary>
        public static bool SpellsWordWithin(SourceText text, TextSpan span, string word) => Find(text, span, word, positions: null);

        /// <summary>Where <paramref name="word"/> occurs as a word (see <see cref="SpellsWord"/>), in order; empty when nowhere.</summary>
        public static List<int> WordPositions(SourceText text, string word)
        {
            var positions = new List<int>();
            Find(text, new TextSpan(0, text.Length), word, positions);
            return positions;
        }

        /// <summary>Stops at the first match when <paramref name="positions"/> is null; otherwise collects every match.</summary>
        private static bool Find(SourceText text, TextSpan span, string word, List<int>? positions)
        {
            if (word.Length == 0)
            {
                return false;
            }

            var buffer = t_buffer ??= new char[BufferLength];
            if (word.Length >= buffer.Length)
            {
                return SpellsWordIn(text.ToString(span), word, span.Start, positions);
            }

            var found = false;

            var length = text.Length;
            var end = span.End;
            for (var start = span.Start; start < end;)
            {
                var count = Math.Min(buffer.Length, end - start);
                text.CopyTo(start, buffer, 0, count);
                var chunk = new ReadOnlySpan<char>(buffer, 0, count);
                for (var from = 0; from <= count - word.Length;)
                {
                    var next = chunk.Slice(from).IndexOf(word.AsSpan());
                    if (next < 0)
                    {
                        break;
                    }

                    var at = from + next;
                    var before = start + at - 1;
                    var after = start + at + word.Length;
                    if ((before < 0 || !IsIdentifierCharacter(at > 0 ? buffer[at - 1] : text[before]))
                        && (after >= length || !IsIdentifierCharacter(at + word.Length < count ? buffer[at + word.Length] : text[after])))
                    {
                        if (positions is null)
                        {
                            return true;
                        }

                        // A match in the overlap with the previous chunk was counted there.
                        if (positions.Count == 0 || positions[positions.Count - 1] < start + at)
                        {
                            positions.Add(start + at);
                        }

                        found = true;
                    }

                    from = at + 1;
                }

                if (start + count >= end)
                {
                    break;
                }

                // The next chunk starts early enough to hold a match that straddles this one's end.
                start += count - (word.Length - 1);
            }

            return found;
        }

        /// <summary>
        /// Where any of <paramref name="words"/> occurs as a word, in order: one pass over the text that looks up each
        /// identifier-like run by its length and characters, instead of one search per word (a compilation has hundreds of
        /// iterator names).
        /// </summary>
        public static List<int> AnyWordPositions(SourceText text, WordSet words)
        {
            var positions = new List<int>();
            if (words.IsEmpty)
            {
                return positions;
            }

            var buffer = t_buffer ??= new char[BufferLength];
            var identifierCharacters = IdentifierCharacters;
            var length = text.Length;
            for (var start = 0; start < length;)
            {
                var count = Math.Min(buffer.Length, length - start);
                text.CopyTo(start, buffer, 0, count);

                // A run that touches the end of the chunk is read again from its start by the next chunk.
                var limit = count;
                if (start + count < length)
                {
                    while (limit > 0 && identifierCharacters[buffer[limit - 1]])
                    {
                        limit--;
                    }

                    if (limit == 0)
                    {
                        limit = count; // one run longer than the buffer: no word is that long
                    }
                }

                // Every character is looked at, so the loop reads a span (no bounds checks) and a table of all 65,536 chars.
                var chunk = new ReadOnlySpan<char>(buffer, 0, limit);
                var i = 0;
                while ((uint)i < (uint)chunk.Length)
                {
                    if (!identifierCharacters[chunk[i]])
                    {
                        i++;
                        continue;
                    }

                    var end = i + 1;
                    while ((uint)end < (uint)chunk.Length && identifierCharacters[chunk[end]])
                    {
                        end++;
                    }

                    if (words.MayContain(chunk[i], end - i) && words.Contains(chunk.Slice(i, end - i)))
                    {
                        positions.Add(start + i);
                    }

                    i = end;
                }

                start += limit;
            }

            return positions;
        }

        private static bool SpellsWordIn(string text, string word, int offset, List<int>? positions)
        {
            var found = false;
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                var end = at + word.Length;
                if ((at == 0 || !IsIdentifierCharacter(text[at - 1])) && (end >= text.Length || !IsIdentifierCharacter(text[end])))
                {
                    if (positions is null)
                    {
                        return true;
                    }

                    positions.Add(offset + at);
                    found = true;
                }
            }

            return found;
        }

        private static bool IsIdentifierCharacter(char c) => IdentifierCharacters[c];

        /// <summary>Indexed by every char: 64 KB once per process, so that the scans never call into the Unicode tables.</summary>
        private static readonly bool[] IdentifierCharacters = CreateIdentifierCharacters();

        private static bool[] CreateIdentifierCharacters()
        {
            var table = new bool[char.MaxValue + 1];
            for (var c = 0; c <= char.MaxValue; c++)
            {
                table[c] = ClassifyIdentifierCharacter((char)c);
            }

            return table;
        }

        private static bool ClassifyIdentifierCharacter(char c) => char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.ConnectorPunctuation
            or System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.Format;
    }

    /// <summary>A set of words looked up by a span of characters without allocating: by length, then by the characters.</summary>
    internal sealed class WordSet
    {
        private readonly Dictionary<int, List<string>> _byKey = new();

        /// <summary>The lengths of the words, as bits (a length of 63 or more sets the last), and their first characters.</summary>
        private ulong _lengths;
        private readonly bool[] _asciiFirsts = new bool[128];
        private bool _nonAsciiFirst;

        public WordSet(IEnumerable<string> words)
        {
            foreach (var word in words)
            {
                if (word.Length == 0)
                {
                    continue;
                }

                _lengths |= 1UL << Math.Min(word.Length, 63);
                if (word[0] < 128)
                {
                    _asciiFirsts[word[0]] = true;
                }
                else
                {
                    _nonAsciiFirst = true;
                }

                var key = Key(word.AsSpan());
                if (!_byKey.TryGetValue(key, out var list))
                {
                    _byKey[key] = list = new List<string>(1);
                }

                if (!list.Contains(word))
                {
                    list.Add(word);
                }
            }
        }

        public bool IsEmpty => _byKey.Count == 0;

        /// <summary>A first look that rejects most identifiers of a text without hashing them.</summary>
        public bool MayContain(char first, int length) =>
            (_lengths & (1UL << Math.Min(length, 63))) != 0 && (first < 128 ? _asciiFirsts[first] : _nonAsciiFirst);

        public bool Contains(ReadOnlySpan<char> word)
        {
            if (!_byKey.TryGetValue(Key(word), out var list))
            {
                return false;
            }

            foreach (var candidate in list)
            {
                if (word.SequenceEqual(candidate.AsSpan()))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The length, the first and the last character: enough to tell most identifiers apart at once.</summary>
        private static int Key(ReadOnlySpan<char> word) => (word.Length << 16) ^ (word[0] << 8) ^ word[word.Length - 1];
    }
}
