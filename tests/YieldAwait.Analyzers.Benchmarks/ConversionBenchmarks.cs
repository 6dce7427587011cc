using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.Analyzers.Corpus;
using YieldAwait.CodeFixes.Conversion.Policies;
using YieldAwait.CodeFixes.Rewrites.AsyncIterator;

namespace YieldAwait.Analyzers.Benchmarks
{
    /// <summary>
    /// "Convert to async iterator" on a generated solution of 20 projects whose sync iterators form a chain of
    /// 500 callers: planning (every caller found and classified) and applying (every document rewritten).
    /// The solution's compilations are built once in setup, as they are in an IDE that has the solution open.
    /// </summary>
    [MemoryDiagnoser]
    public class ConversionBenchmarks
    {
        public const int Projects = 20;
        public const int ChainLength = 500;

        private Solution _solution = null!;
        private Document _document = null!;
        private SyntaxNode _declaration = null!;

        [GlobalSetup]
        public void Setup() => (_solution, _document, _declaration) = CreateAsync(Projects, ChainLength).GetAwaiter().GetResult();

        [Benchmark]
        public async Task<Solution> PlanAndApply()
        {
            var (conversion, _) = await AsyncIteratorPolicy.PlanAsync(_solution, _document, _declaration, DiagnosticIds.BlockingWaitInIterator, CancellationToken.None).ConfigureAwait(false);
            return await AsyncIteratorConverter.ApplyAsync(conversion!, CancellationToken.None).ConfigureAwait(false);
        }

        public static async Task<(Solution Solution, Document Document, SyntaxNode Declaration)> CreateAsync(int projects, int chainLength)
        {
            var solution = ConversionChainGenerator.Create(projects, chainLength);
            foreach (var project in solution.Projects)
            {
                await project.GetCompilationAsync().ConfigureAwait(false);
            }

            var document = solution.Projects.Single(p => p.Name == "Chain0").Documents.Single();
            var root = await document.GetSyntaxRootAsync().ConfigureAwait(false);
            var declaration = root!.DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Single(m => m.Identifier.ValueText == ConversionChainGenerator.FirstIteratorName);
            return (solution, document, declaration);
        }
    }

    /// <summary>The conversion benchmark without BenchmarkDotNet: median wall time of planning and applying, against the 1 s target.</summary>
    public static class ConversionReport
    {
        private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

        public static async Task<int> RunAsync(bool quick, bool enforce)
        {
            var (projects, chain, iterations) = quick ? (5, 60, 1) : (ConversionBenchmarks.Projects, ConversionBenchmarks.ChainLength, 5);
            var (solution, document, declaration) = await ConversionBenchmarks.CreateAsync(projects, chain).ConfigureAwait(false);
            var plans = new double[iterations];
            var totals = new double[iterations];
            var converted = 0;
            for (var i = -1; i < iterations; i++)
            {
                var watch = Stopwatch.StartNew();
                var (conversion, _) = await AsyncIteratorPolicy.PlanAsync(solution, document, declaration, DiagnosticIds.BlockingWaitInIterator, CancellationToken.None).ConfigureAwait(false);
                if (conversion is null)
                {
                    Console.Error.WriteLine("The conversion was not offered on the generated chain.");
                    return ExitCodes.Broken;
                }

                var planned = watch.Elapsed.TotalMilliseconds;
                await AsyncIteratorConverter.ApplyAsync(conversion, CancellationToken.None).ConfigureAwait(false);
                if (i >= 0)
                {
                    plans[i] = planned;
                    totals[i] = watch.Elapsed.TotalMilliseconds;
                }

                converted = conversion.Functions.Count;
            }

            var plan = Median(plans);
            var total = Median(totals);
            Console.WriteLine($"Convert to async iterator: {projects} projects, a chain of {chain} callers ({converted} iterators converted), {iterations} timed run(s) after one warm-up, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Console.WriteLine();
            Console.WriteLine("| Phase | Median (ms) |");
            Console.WriteLine("|---|---:|");
            Console.WriteLine($"| Plan (find and classify every caller) | {plan:0} |");
            Console.WriteLine($"| Apply (rewrite every document) | {total - plan:0} |");
            Console.WriteLine($"| **Total** | {total:0} |");
            var over = !quick && total > Target.TotalMilliseconds;
            Console.WriteLine();
            Console.WriteLine(quick ? "Short mode: no target applies." : over ? $"OVER the target of {Target.TotalMilliseconds:0} ms." : $"Within the target of {Target.TotalMilliseconds:0} ms.");
            return enforce && over ? ExitCodes.OverTarget : ExitCodes.Success;
        }

        private static double Median(double[] values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
