using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace YieldAwait.Analyzers.Benchmarks
{
    /// <summary>
    /// Reports, without analysing anything, the diagnostics a rule reported on the corpus, at the same places. Its
    /// execution time is what the analyzer host charges for accepting those diagnostics: for an analyzer that skips
    /// generated code, the first diagnostic in each file makes the host scan that file for generated-code markers.
    /// A rule's time minus this floor is what its own logic costs.
    /// </summary>
    // Runs only inside this tool, through CompilationWithAnalyzers, never loaded by a compiler: the rules for shipped
    // compiler extensions (netstandard2.0, no Workspaces reference, extended analyzer rules) do not apply.
#pragma warning disable RS1036, RS1038, RS1041
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReportingFloorAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1036, RS1038, RS1041
    {
        private readonly ImmutableArray<DiagnosticDescriptor> supported;
        private readonly ILookup<SyntaxTree, Diagnostic> diagnosticsByTree;

        public ReportingFloorAnalyzer()
            : this(ImmutableArray<DiagnosticDescriptor>.Empty, Enumerable.Empty<Diagnostic>())
        {
        }

        public ReportingFloorAnalyzer(ImmutableArray<DiagnosticDescriptor> supported, IEnumerable<Diagnostic> diagnostics)
        {
            this.supported = supported;
            diagnosticsByTree = diagnostics
                .Where(d => d.Location.SourceTree is not null)
                .ToLookup(d => d.Location.SourceTree!);
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => supported;

        /// <summary>False when none of the trees has a diagnostic to report: then a run would measure nothing.</summary>
        public bool ReportsIn(IEnumerable<SyntaxTree> trees) => trees.Any(t => diagnosticsByTree.Contains(t));

        public override void Initialize(AnalysisContext context)
        {
            // The same settings as the package's analyzers, so the host treats the diagnostics the same way.
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxTreeAction(tree =>
            {
                foreach (var diagnostic in diagnosticsByTree[tree.Tree])
                {
                    tree.ReportDiagnostic(diagnostic);
                }
            });
        }
    }
}
