using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace YieldAwait.Analyzers.Options
{
    /// <summary>
    /// One <c>.editorconfig</c> key the package reads: its default and the rules whose behaviour it changes, so that the
    /// catalog tests can check that each of those rules' pages documents it.
    /// </summary>
    internal sealed class RuleOption
    {
        public RuleOption(string key, string defaultValue, OptionValues values, params string[] ruleIds)
        {
            Key = key;
            DefaultValue = defaultValue;
            Values = values;
            RuleIds = ImmutableArray.Create(ruleIds);
        }

        public string Key { get; }

        /// <summary>The value in force when the key is absent or blank, as a user would write it.</summary>
        public string DefaultValue { get; }

        public ImmutableArray<string> RuleIds { get; }

        /// <summary>What the key accepts; YA0001 reports any other value.</summary>
        public OptionValues Values { get; }

        /// <summary>The trimmed value set for a file, or <see cref="DefaultValue"/>.</summary>
        public string ValueOrDefault(AnalyzerConfigOptions? options) =>
            options is not null && options.TryGetValue(Key, out var raw) && !string.IsNullOrWhiteSpace(raw)
                ? raw.Trim()
                : DefaultValue;
    }
}
