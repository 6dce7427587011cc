using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.FixProperties
{
    /// <summary>
    /// The few value shapes the fix contracts use, written and parsed in one place so that a flag, a list or an
    /// enum value reads back exactly as the analyzer wrote it.
    /// </summary>
    internal static class FixPropertyValues
    {
        public const string True = "true";

        public static ImmutableDictionary<string, string?> AddFlag(this ImmutableDictionary<string, string?> properties, string key, bool value) =>
            value ? properties.Add(key, True) : properties;

        public static bool Flag(Diagnostic diagnostic, string key) =>
            diagnostic.Properties.TryGetValue(key, out var value) && value == True;

        public static ImmutableDictionary<string, string?> AddIndices(this ImmutableDictionary<string, string?> properties, string key, IReadOnlyCollection<int> indices) =>
            indices.Count == 0 ? properties : properties.Add(key, string.Join(",", indices));

        public static ImmutableArray<int> Indices(Diagnostic diagnostic, string key)
        {
            if (!diagnostic.Properties.TryGetValue(key, out var list) || string.IsNullOrEmpty(list))
            {
                return ImmutableArray<int>.Empty;
            }

            var indices = ImmutableArray.CreateBuilder<int>();
            foreach (var part in list!.Split(','))
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    indices.Add(index);
                }
            }

            return indices.ToImmutable();
        }

        public static ImmutableDictionary<string, string?> AddPosition(this ImmutableDictionary<string, string?> properties, string key, int? position) =>
            position is { } value ? properties.Add(key, value.ToString(CultureInfo.InvariantCulture)) : properties;

        public static int? Position(Diagnostic diagnostic, string key) =>
            diagnostic.Properties.TryGetValue(key, out var text)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                ? position
                : null;

        public static bool TryEnum<T>(Diagnostic diagnostic, string key, out T value)
            where T : struct, Enum
        {
            value = default;
            return diagnostic.Properties.TryGetValue(key, out var text)
                && text is not null
                && Enum.TryParse(text, ignoreCase: false, out value)
                && Enum.IsDefined(typeof(T), value);
        }
    }
}
