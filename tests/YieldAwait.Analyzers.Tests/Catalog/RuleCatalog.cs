using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace YieldAwait.Analyzers.Tests.Catalog
{
    /// <summary>One descriptor as an analyzer declares it.</summary>
    internal sealed record DeclaredRule(Type AnalyzerType, DiagnosticDescriptor Descriptor);

    /// <summary>What the two shipped assemblies declare, found by reflection rather than by a list someone must update.</summary>
    internal static class RuleCatalog
    {
        public static Assembly AnalyzerAssembly { get; } = typeof(DiagnosticIds).Assembly;

        /// <summary>
        /// Loaded by name because the assembly may hold no type the tests could name yet; the project
        /// reference puts it in the test's dependency graph either way.
        /// </summary>
        public static Assembly CodeFixAssembly { get; } = Assembly.Load(new AssemblyName("YieldAwait.CodeFixes"));

        /// <summary>Every concrete analyzer type, exported or not (the export is checked by a test).</summary>
        public static ImmutableArray<Type> AnalyzerTypes { get; } = AnalyzerAssembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .ToImmutableArray();

        /// <summary>The descriptors of the analyzers a host would load: those marked <c>[DiagnosticAnalyzer]</c>.</summary>
        public static ImmutableArray<DeclaredRule> Rules { get; } = AnalyzerTypes
            .Where(type => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics
                .Select(descriptor => new DeclaredRule(type, descriptor)))
            .ToImmutableArray();

        public static ImmutableArray<string> Ids { get; } = Rules
            .Select(rule => rule.Descriptor.Id)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToImmutableArray();

        /// <summary>
        /// The rules about code: every ID but those of the Configuration category (YA0001 reports a bad option value,
        /// which no source file can trip).
        /// </summary>
        public static ImmutableArray<string> CodeRuleIds { get; } = Rules
            .Where(rule => rule.Descriptor.Category != "Configuration")
            .Select(rule => rule.Descriptor.Id)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToImmutableArray();

        public static ImmutableArray<Type> FixProviderTypes { get; } = CodeFixAssembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .ToImmutableArray();

        /// <summary>The IDs some fix provider in the package declares it can fix.</summary>
        public static ImmutableHashSet<string> FixableIds { get; } = FixProviderTypes
            .SelectMany(type => CreateFixProvider(type).FixableDiagnosticIds)
            .ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>The descriptor for <paramref name="id"/>; when two analyzers declare the ID, another test reports it.</summary>
        public static DiagnosticDescriptor Descriptor(string id) => Rules.First(rule => rule.Descriptor.Id == id).Descriptor;

        public static IEnumerable<Type> AnalyzersDeclaring(string id) =>
            Rules.Where(rule => rule.Descriptor.Id == id).Select(rule => rule.AnalyzerType).Distinct();

        public static CodeFixProvider CreateFixProvider(Type type) => (CodeFixProvider)Activator.CreateInstance(type)!;
    }
}
