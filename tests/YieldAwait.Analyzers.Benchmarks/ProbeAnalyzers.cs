using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace YieldAwait.Analyzers.Benchmarks
{
    /// <summary>
    /// Analyzers that do nothing in their callbacks (<c>report --probes</c>): their telemetry is what the host charges for
    /// the callbacks alone, per kind of registration, on the same code. A rule's time above its probe's is its own work.
    /// </summary>
    public static class ProbeAnalyzers
    {
        public static ImmutableArray<DiagnosticAnalyzer> Create() => ImmutableArray.Create<DiagnosticAnalyzer>(
            new Probe("ProbeInvocation", c => c.RegisterOperationAction(_ => { }, OperationKind.Invocation)),
            new Probe("ProbeExpressionStatement", c => c.RegisterOperationAction(_ => { }, OperationKind.ExpressionStatement)),
            new Probe("ProbeMethodBody", c => c.RegisterOperationAction(_ => { }, OperationKind.MethodBody)),
            new Probe("ProbeOperationBlock", c => c.RegisterOperationBlockAction(_ => { })),
            new Probe("ProbeTypeStart", c => c.RegisterSymbolStartAction(_ => { }, SymbolKind.NamedType)),
            new Probe("ProbeLookupEnumerable", c => c.Compilation.GetTypeByMetadataName("System.Linq.Enumerable")),
            new Probe("ProbeLookupMissing", c => c.Compilation.GetTypeByMetadataName("System.Linq.NoSuchType")),
            new Probe("ProbeTypeStartBlockStart", c => c.RegisterSymbolStartAction(s => s.RegisterOperationBlockStartAction(_ => { }), SymbolKind.NamedType)),
            new Probe("ProbeBlockStart", c => c.RegisterOperationBlockStartAction(_ => { })),
            new Probe("ProbeBlockStartInvocation", c => c.RegisterOperationBlockStartAction(b => b.RegisterOperationAction(_ => { }, OperationKind.Invocation))),
            new Probe("ProbeTypeStartBlockStartInvocation", c => c.RegisterSymbolStartAction(s => s.RegisterOperationBlockStartAction(b => b.RegisterOperationAction(_ => { }, OperationKind.Invocation)), SymbolKind.NamedType)));

        // Built only inside this tool, never loaded by a compiler (see ReportingFloorAnalyzer).
#pragma warning disable RS1001, RS1036, RS1038, RS1041, RS2008
        public sealed class Probe : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Descriptor = new("PROBE", "probe", "probe", "probe", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
            private readonly System.Action<CompilationStartAnalysisContext> _register;

            public Probe(string name, System.Action<CompilationStartAnalysisContext> register)
            {
                Name = name;
                _register = register;
            }

            public string Name { get; }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(_register);
            }
        }
#pragma warning restore RS1001, RS1036, RS1038, RS1041, RS2008
    }
}
