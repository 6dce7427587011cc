using System;
using System.Collections.Immutable;
using System.Linq;

namespace YieldAwait.Analyzers.Options
{
    /// <summary>
    /// What an option accepts, so that a value the package would not understand is reported (YA0001) instead of
    /// quietly replaced by the default.
    /// </summary>
    internal sealed class OptionValues
    {
        private readonly Func<string, string?> _problem;

        private OptionValues(string description, Func<string, string?> problem)
        {
            Description = description;
            _problem = problem;
        }

        /// <summary>The accepted values as the configuration page and the diagnostic say them.</summary>
        public string Description { get; }

        /// <summary>Why <paramref name="value"/> (trimmed, not blank) is not accepted, or null when it is.</summary>
        public string? Problem(string value) => _problem(value);

        /// <summary>One of a few words, compared without regard to case (as the code that reads them does).</summary>
        public static OptionValues OneOf(params string[] choices)
        {
            var list = choices.Length == 1 ? choices[0] : string.Join(", ", choices.Take(choices.Length - 1)) + " or " + choices[choices.Length - 1];
            return new OptionValues(
                list,
                value => choices.Any(choice => string.Equals(choice, value, StringComparison.OrdinalIgnoreCase))
                    ? null
                    : "use " + list);
        }

        /// <summary>
        /// The CA rules' <c>api_surface</c> value: <c>all</c>, or accessibilities separated by commas (<c>friend</c> is
        /// Visual Basic's <c>internal</c>), compared without regard to case as <see cref="ApiSurface"/> reads them.
        /// </summary>
        public static OptionValues Accessibilities { get; } = WordList("all", "public", "internal", "friend", "private");

        private static OptionValues WordList(params string[] words)
        {
            var list = string.Join(", ", words.Take(words.Length - 1)) + " or " + words[words.Length - 1];
            return new OptionValues(
                list + ", separated by commas",
                value =>
                {
                    var wrong = value.Split(',')
                        .Select(part => part.Trim())
                        .Where(part => part.Length > 0 && !words.Any(word => string.Equals(word, part, StringComparison.OrdinalIgnoreCase)))
                        .ToImmutableArray();
                    return wrong.IsEmpty ? null : $"{string.Join(", ", wrong.Select(part => "'" + part + "'"))}: use " + list;
                });
        }

        /// <summary>
        /// Documentation comment IDs separated by commas, each with one of <paramref name="prefixes"/>. An entry without
        /// the prefix (a plain <c>System.IO.File.ReadAllText</c>) would never match anything.
        /// </summary>
        public static OptionValues DocumentationIds(string example, params string[] prefixes)
        {
            var prefixList = string.Join(" or ", prefixes);
            return new OptionValues(
                $"documentation IDs starting with {prefixList}, separated by commas (such as {example})",
                value =>
                {
                    var wrong = value.Split(',')
                        .Select(part => part.Trim())
                        .Where(part => part.Length > 0 && !IsDocumentationId(part, prefixes))
                        .ToImmutableArray();
                    return wrong.IsEmpty
                        ? null
                        : $"{string.Join(", ", wrong.Select(part => "'" + part + "'"))} {(wrong.Length == 1 ? "is not a documentation ID" : "are not documentation IDs")} "
                            + $"starting with {prefixList} (such as {example}), so {(wrong.Length == 1 ? "it matches" : "they match")} nothing";
                });
        }

        private static bool IsDocumentationId(string part, string[] prefixes) =>
            prefixes.Any(prefix => part.Length > prefix.Length && part.StartsWith(prefix, StringComparison.Ordinal))
            && !part.Any(char.IsWhiteSpace);
    }
}
