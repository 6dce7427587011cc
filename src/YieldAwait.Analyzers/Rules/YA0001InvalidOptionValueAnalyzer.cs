using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using YieldAwait.Analyzers.Options;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA0001: a <c>yieldawait.*</c> option in an <c>.editorconfig</c> or <c>.globalconfig</c> has a value the package does
    /// not accept, or names no option at all. Without it, <c>yieldawait.async_suffix = yes</c> would silently mean the
    /// default, and a misspelt key would silently do nothing.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA0001InvalidOptionValueAnalyzer : DiagnosticAnalyzer
    {
        private const string KeyPrefix = "yieldawait.";

        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.InvalidOptionValue,
            title: "Invalid option value",
            messageFormat: "Option '{0} = {1}' is not understood: {2}",
            DiagnosticCategories.Configuration,
            DiagnosticSeverity.Warning,
            description: "An option of YieldAwait.Analyzers has a value it does not accept, or a yieldawait.* key is not one of its options. "
                + "The rules then behave as if the option were not set; the message names the accepted values.",
            WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            // Options belong to files, not to code: look at every file's options once, and report each wrong
            // key and value once per compilation (not once per file), with no source location.
            context.RegisterCompilationAction(Analyze);
        }

        private static void Analyze(CompilationAnalysisContext context)
        {
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            var seen = new HashSet<(string Key, string Value)>();
            Collect(provider.GlobalOptions, seen);
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                Collect(provider.GetOptions(tree), seen);
            }

            foreach (var (key, value) in seen.OrderBy(pair => pair.Key, StringComparer.Ordinal).ThenBy(pair => pair.Value, StringComparer.Ordinal))
            {
                if (Problem(key, value) is { } problem)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, key, value, problem));
                }
            }
        }

        private static void Collect(AnalyzerConfigOptions options, HashSet<(string Key, string Value)> seen)
        {
            foreach (var key in options.Keys)
            {
                // Keys are lower-cased by the compiler; only ours are looked at.
                if (key.StartsWith(KeyPrefix, StringComparison.Ordinal) && options.TryGetValue(key, out var value))
                {
                    seen.Add((key, value.Trim()));
                }
            }
        }

        /// <summary>What is wrong with the pair, or null when the package understands it.</summary>
        internal static string? Problem(string key, string value)
        {
            var option = RuleOptions.All.FirstOrDefault(candidate => candidate.Key == key);
            if (option is null)
            {
                return "YieldAwait.Analyzers has no such option; its options are "
                    + string.Join(", ", RuleOptions.All.Select(known => known.Key).Where(known => known.StartsWith(KeyPrefix, StringComparison.Ordinal)))
                    + " (see docs/configuration.md)";
            }

            if (value.Length == 0)
            {
                // Blank means "not set": the default applies, as documented.
                return null;
            }

            return option.Values.Problem(value) is { } problem
                ? problem + (option.DefaultValue.Length > 0 ? $"; until then the default '{option.DefaultValue}' applies" : "")
                : null;
        }
    }
}
