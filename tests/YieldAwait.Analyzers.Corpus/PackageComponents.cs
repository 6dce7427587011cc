using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace YieldAwait.Analyzers.Corpus
{
    /// <summary>Every analyzer and code fix the package ships, found by reflection so a new rule is covered without edits here.</summary>
    public static class PackageComponents
    {
        public static Assembly AnalyzerAssembly { get; } = typeof(DiagnosticIds).Assembly;

        public static Assembly CodeFixAssembly { get; } = typeof(YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix).Assembly;

        public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
            AnalyzerAssembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any())
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        public static ImmutableArray<CodeFixProvider> CreateFixProviders() =>
            CodeFixAssembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        /// <summary>The rule a diagnostic belongs to, if it is one of ours.</summary>
        public static bool IsPackageDiagnostic(Diagnostic diagnostic) =>
            diagnostic.Id.StartsWith("YA", StringComparison.Ordinal);
    }
}
