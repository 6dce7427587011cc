using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace YieldAwait.Analyzers.Tests.Robustness
{
    /// <summary>The ways <see cref="SourceMutator"/> breaks code: the states an editor holds mid-keystroke.</summary>
    public enum MutationKind
    {
        TruncateAtRandomPoint,
        DeleteToken,
        DuplicateLine,
        InsertBrace,
        DeleteBrace,
        DeleteSemicolon,

        /// <summary><c>yield return </c>, <c>await </c>, <c>await foreach (var x in </c>, … typed at a statement start (now and then at any token).</summary>
        InsertHalfEdit,

        /// <summary><c>.Result</c>, <c>.Wait()</c> or <c>.GetAwaiter().GetResult()</c> typed after a name, wherever the name stands.</summary>
        InsertBlockingAccess,

        /// <summary><c>IEnumerable&lt;</c> → <c>IAsyncEnumerable&lt;</c> with nothing else converted yet.</summary>
        MakeSequenceTypeAsync,

        /// <summary>The text ends right after a <c>yield</c>, <c>await</c> or <c>.Result</c>.</summary>
        CutAfterAsyncKeyword,
    }

    /// <summary>One mutated source: how to rebuild it (<see cref="Seed"/>, <see cref="Source"/>, <see cref="Mutations"/>) and its text.</summary>
    public sealed record Mutant(int Seed, string Source, IReadOnlyList<string> Mutations, string Text)
    {
        /// <summary>The variant's place in its run and the run's base seed, which replay it (set by the run, not the mutator).</summary>
        public int Index { get; init; }

        public int BaseSeed { get; init; }
    }

    /// <summary>
    /// Seeded mutations of C# text. The same seed on the same text always gives the same mutant, so a failure
    /// found in CI replays locally. Positions come from the lexer (<see cref="SyntaxFactory.ParseTokens"/>), so edits land on token boundaries as typing would.
    /// </summary>
    public static class SourceMutator
    {
        private static readonly string[] HalfEdits =
        {
            "yield return ", "await ", "await foreach (var x in ", "yield ", ".GetAwaiter().", "async ",
        };

        private static readonly string[] BlockingAccesses = { ".Result", ".Wait()", ".GetAwaiter().GetResult()" };

        private static readonly string[] AsyncKeywords = { "yield", "await", ".Result" };

        private static readonly MutationKind[] Kinds = (MutationKind[])Enum.GetValues(typeof(MutationKind));

        /// <summary>One to three mutations of <paramref name="text"/>, chosen by <paramref name="seed"/>.</summary>
        public static Mutant Mutate(string source, string text, int seed)
        {
            var random = new Random(seed);
            var applied = new List<string>();
            var count = 1 + random.Next(3);
            for (var i = 0; i < count; i++)
            {
                var candidates = Kinds.Where(kind => IsApplicable(kind, text)).ToList();
                if (candidates.Count == 0)
                {
                    break;
                }

                var kind = candidates[random.Next(candidates.Count)];
                var (mutated, description) = Apply(kind, text, random);
                text = mutated;
                applied.Add(description);
            }

            return new Mutant(seed, source, applied, text);
        }

        public static bool IsApplicable(MutationKind kind, string text) => kind switch
        {
            MutationKind.TruncateAtRandomPoint => text.Length > 1,
            MutationKind.DeleteToken => Tokens(text).Any(),
            MutationKind.DuplicateLine => text.Split('\n').Any(line => line.Trim().Length > 0),
            MutationKind.InsertBrace => true,
            MutationKind.DeleteBrace => Tokens(text).Any(IsBrace),
            MutationKind.DeleteSemicolon => Tokens(text).Any(t => t.IsKind(SyntaxKind.SemicolonToken)),
            MutationKind.InsertHalfEdit => true,
            MutationKind.InsertBlockingAccess => Tokens(text).Any(t => t.IsKind(SyntaxKind.IdentifierToken)),
            MutationKind.MakeSequenceTypeAsync => SequenceTypeOccurrences(text).Any(),
            MutationKind.CutAfterAsyncKeyword => AsyncKeywordEnds(text).Any(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        /// <summary>Applies one mutation of <paramref name="kind"/>; the description says what changed and where.</summary>
        public static (string Text, string Description) Apply(MutationKind kind, string text, Random random)
        {
            switch (kind)
            {
                case MutationKind.TruncateAtRandomPoint:
                    {
                        var at = 1 + random.Next(text.Length - 1);
                        return (text.Substring(0, at), $"{kind} at {at}");
                    }

                case MutationKind.DeleteToken:
                    return Delete(kind, text, Pick(Tokens(text), random));

                case MutationKind.DuplicateLine:
                    {
                        var lines = text.Split('\n').ToList();
                        var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].Trim().Length > 0).ToList();
                        var line = Pick(candidates, random);
                        lines.Insert(line, lines[line]);
                        return (string.Join("\n", lines), $"{kind} {line + 1}");
                    }

                case MutationKind.InsertBrace:
                    {
                        var brace = random.Next(2) == 0 ? "{" : "}";
                        var at = Pick(TokenStarts(text), random);
                        return (text.Insert(at, brace), $"{kind} '{brace}' at {at}");
                    }

                case MutationKind.DeleteBrace:
                    return Delete(kind, text, Pick(Tokens(text).Where(IsBrace), random));

                case MutationKind.DeleteSemicolon:
                    return Delete(kind, text, Pick(Tokens(text).Where(t => t.IsKind(SyntaxKind.SemicolonToken)), random));

                case MutationKind.InsertHalfEdit:
                    {
                        var edit = HalfEdits[random.Next(HalfEdits.Length)];
                        var at = Pick(random.Next(3) == 0 ? TokenStarts(text) : StatementStarts(text), random);
                        return (text.Insert(at, edit), $"{kind} '{edit}' at {at}");
                    }

                case MutationKind.InsertBlockingAccess:
                    {
                        var access = BlockingAccesses[random.Next(BlockingAccesses.Length)];
                        var at = Pick(Tokens(text).Where(t => t.IsKind(SyntaxKind.IdentifierToken)), random).Span.End;
                        return (text.Insert(at, access), $"{kind} '{access}' at {at}");
                    }

                case MutationKind.MakeSequenceTypeAsync:
                    {
                        var (at, length, replacement) = Pick(SequenceTypeOccurrences(text), random);
                        return (text.Remove(at, length).Insert(at, replacement), $"{kind} '{replacement}' at {at}");
                    }

                case MutationKind.CutAfterAsyncKeyword:
                    {
                        var end = Pick(AsyncKeywordEnds(text), random);
                        return (text.Substring(0, end), $"{kind} at {end}");
                    }

                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
            }
        }

        private static (string, string) Delete(MutationKind kind, string text, SyntaxToken token) =>
            (text.Remove(token.SpanStart, token.Span.Length), $"{kind} '{Shorten(token.Text)}' at {token.SpanStart}");

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";

        private static IEnumerable<SyntaxToken> Tokens(string text) =>
            SyntaxFactory.ParseTokens(text).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0);

        private static bool IsBrace(SyntaxToken token) =>
            token.IsKind(SyntaxKind.OpenBraceToken) || token.IsKind(SyntaxKind.CloseBraceToken);

        private static List<int> TokenStarts(string text) =>
            Tokens(text).Select(t => t.SpanStart).Append(text.Length).ToList();

        /// <summary>Where a statement (or member) begins: after <c>;</c>, <c>{</c> or <c>}</c>; any token start when there is none.</summary>
        private static List<int> StatementStarts(string text)
        {
            var tokens = Tokens(text).ToList();
            var starts = tokens.Zip(tokens.Skip(1), (previous, next) => (previous, next))
                .Where(pair => pair.previous.IsKind(SyntaxKind.SemicolonToken) || IsBrace(pair.previous))
                .Select(pair => pair.next.SpanStart)
                .ToList();
            return starts.Count > 0 ? starts : TokenStarts(text);
        }

        private static List<(int At, int Length, string Replacement)> SequenceTypeOccurrences(string text)
        {
            var found = new List<(int, int, string)>();
            foreach (var (from, to) in new[] { ("IEnumerable<", "IAsyncEnumerable<"), ("IEnumerator<", "IAsyncEnumerator<") })
            {
                for (var at = text.IndexOf(from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(from, at + 1, StringComparison.Ordinal))
                {
                    found.Add((at, from.Length, to));
                }
            }

            return found;
        }

        private static List<int> AsyncKeywordEnds(string text)
        {
            var ends = new List<int>();
            foreach (var keyword in AsyncKeywords)
            {
                for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = text.IndexOf(keyword, at + 1, StringComparison.Ordinal))
                {
                    if (at + keyword.Length < text.Length)
                    {
                        ends.Add(at + keyword.Length);
                    }
                }
            }

            return ends;
        }

        private static T Pick<T>(IEnumerable<T> items, Random random)
        {
            var list = items as IReadOnlyList<T> ?? items.ToList();
            return list[random.Next(list.Count)];
        }
    }
}
