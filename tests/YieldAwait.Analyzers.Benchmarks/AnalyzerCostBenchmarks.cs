using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using YieldAwait.Analyzers.Corpus;

namespace YieldAwait.Analyzers.Benchmarks
{
    /// <summary>
    /// Wall time of the compiler's own diagnostics against the same compilation with the package's analyzers. The
    /// ratio includes the analyzer driver (compilation events, operation trees), which any host running any analyzer
    /// pays once; the per-rule share of analyzer time alone is what the <c>report</c> mode measures.
    /// </summary>
    public class AnalyzerCostBenchmarks
    {
        private BenchmarkCorpus corpus = null!;
        private ImmutableArray<DiagnosticAnalyzer> analyzers;

        [GlobalSetup]
        public void Setup()
        {
            corpus = BenchmarkCorpus.Generate(BenchmarkCorpus.Seed, BenchmarkCorpus.FullLines);
            analyzers = PackageComponents.CreateAnalyzers();
        }

        [Benchmark(Baseline = true)]
        public ImmutableArray<Diagnostic> CompilationDiagnostics() => corpus.CreateCompilation().GetDiagnostics();

        [Benchmark]
        public Task<ImmutableArray<Diagnostic>> PackageAnalyzers() => RuleCostBenchmarks.AnalyzeAsync(corpus, analyzers);
    }

    /// <summary>
    /// Each rule's analyzer alone on a fresh compilation. Subtract <see cref="AnalyzerCostBenchmarks.CompilationDiagnostics"/>
    /// for the rule's wall-time overhead; differences below about 1% are within the noise of a multi-second operation.
    /// </summary>
    public class RuleCostBenchmarks
    {
        private BenchmarkCorpus corpus = null!;
        private ImmutableArray<DiagnosticAnalyzer> analyzers;

        [ParamsSource(nameof(Rules))]
        public string Rule { get; set; } = "";

        public static IEnumerable<string> Rules() => PackageComponents.CreateAnalyzers().Select(BenchmarkCorpus.RuleOf);

        [GlobalSetup]
        public void Setup()
        {
            corpus = BenchmarkCorpus.Generate(BenchmarkCorpus.Seed, BenchmarkCorpus.FullLines);
            analyzers = PackageComponents.CreateAnalyzers().Where(a => BenchmarkCorpus.RuleOf(a) == Rule).ToImmutableArray();
        }

        [Benchmark]
        public Task<ImmutableArray<Diagnostic>> SingleRule() => AnalyzeAsync(corpus, analyzers);

        internal static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(BenchmarkCorpus corpus, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            return corpus.CreateCompilation().WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        }
    }
}
