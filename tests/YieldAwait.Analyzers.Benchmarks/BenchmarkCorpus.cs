using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using YieldAwait.Analyzers.Corpus;

namespace YieldAwait.Analyzers.Benchmarks
{
    /// <summary>
    /// A generated corpus parsed once, from which every measurement builds a fresh compilation, so that parsing is
    /// never timed and no run profits from the binding another run did.
    /// </summary>
    public sealed class BenchmarkCorpus
    {
        /// <summary>The corpus every figure in the README was measured on.</summary>
        public const int Seed = 2024;

        public const int FullLines = 200_000;

        private BenchmarkCorpus(ImmutableArray<SyntaxTree> trees, int lines)
        {
            Trees = trees;
            Lines = lines;
        }

        public ImmutableArray<SyntaxTree> Trees { get; }

        public int Lines { get; }

        public int Files => Trees.Length;

        public static BenchmarkCorpus Generate(int seed, int minimumLines)
        {
            var files = CorpusGenerator.Generate(seed, minimumLines);
            var trees = files
                .Select(f => CSharpSyntaxTree.ParseText(f.Text, AnalysisHarness.ParseOptions, f.Path))
                .ToImmutableArray();
            return new BenchmarkCorpus(trees, files.Sum(f => CorpusGenerator.CountLines(f.Text)));
        }

        /// <summary>A new compilation over the parsed trees: nothing bound yet.</summary>
        public CSharpCompilation CreateCompilation() =>
            CSharpCompilation.Create("Corpus", Trees, AnalysisHarness.References, AnalysisHarness.CompilationOptions);

        /// <summary>The rule an analyzer reports: its class name starts with the rule ID (YA1001BlockingWaitInIteratorAnalyzer).</summary>
        public static string RuleOf(DiagnosticAnalyzer analyzer)
        {
            if (analyzer is ProbeAnalyzers.Probe probe)
            {
                return probe.Name;
            }

            var name = analyzer.GetType().Name;
            var match = Regex.Match(name, @"^YA\d{4}");
            return match.Success ? match.Value : name;
        }
    }
}
