using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace YieldAwait.Analyzers.Options
{
    /// <summary>
    /// Which members a rule whose fix changes a signature may report, by their effective accessibility, following the CA rules'
    /// <c>api_surface</c> option (<see cref="RuleOptions.ApiSurface"/>). The rule's own key wins over the general one. Left unset,
    /// every member is analysed, except public ones in a compilation that tracks its public API: a published library, whose
    /// callers (and whose compatibility promises) the compilation cannot see.
    /// </summary>
    internal static class ApiSurface
    {
        [Flags]
        private enum Visibility
        {
            None = 0,
            Public = 1,
            Internal = 2,
            Private = 4,
            All = Public | Internal | Private,
        }

        public static bool Includes(AnalyzerOptions options, SyntaxTree tree, ISymbol symbol, string ruleId)
        {
            var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            var allowed = Parse(Read(config, RuleOptions.ApiSurfaceOf(ruleId).Key))
                ?? Parse(Read(config, RuleOptions.ApiSurface.Key))
                ?? (TracksPublicApi(options) ? Visibility.Internal | Visibility.Private : Visibility.All);
            return (allowed & EffectiveVisibility(symbol)) != 0;
        }

        /// <summary>The public-API analyzers' convention: the shipped and unshipped lists are additional files of the project.</summary>
        public static bool TracksPublicApi(AnalyzerOptions options)
        {
            foreach (var file in options.AdditionalFiles)
            {
                var name = Path.GetFileName(file.Path);
                if (string.Equals(name, "PublicAPI.Shipped.txt", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, "PublicAPI.Unshipped.txt", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? Read(AnalyzerConfigOptions config, string key)
        {
            // Keys written with the rule ID in capitals are found whether or not the host lower-cased them.
            if (config.TryGetValue(key, out var value) || config.TryGetValue(key.ToLowerInvariant(), out value))
            {
                return value;
            }

            return null;
        }

        /// <summary>Null when the value names no accessibility (unset, blank, or misspelt): the next key or the default decides.</summary>
        private static Visibility? Parse(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var result = Visibility.None;
            foreach (var part in value!.Split(','))
            {
                switch (part.Trim().ToLowerInvariant())
                {
                    case "all":
                        result |= Visibility.All;
                        break;
                    case "public":
                        result |= Visibility.Public;
                        break;
                    case "internal":
                    case "friend":
                        result |= Visibility.Internal;
                        break;
                    case "private":
                        result |= Visibility.Private;
                        break;
                }
            }

            return result == Visibility.None ? null : result;
        }

        /// <summary>
        /// Who outside the declaring type can reach the member: the narrowest accessibility along its containing types. A
        /// protected member of a public type is public API (derived types in other assemblies call it); a local function is private.
        /// </summary>
        private static Visibility EffectiveVisibility(ISymbol symbol)
        {
            var result = Visibility.Public;
            for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (current is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
                {
                    return Visibility.Private;
                }

                switch (current.DeclaredAccessibility)
                {
                    case Accessibility.Private:
                        return Visibility.Private;
                    case Accessibility.Internal:
                    case Accessibility.ProtectedAndInternal:
                        result = Visibility.Internal;
                        break;
                }
            }

            return result;
        }
    }
}
