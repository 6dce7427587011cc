using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Abstractions;
using YieldAwait.Analyzers.Corpus;
using YieldAwait.CodeFixes.Conversion.Policies;
using YieldAwait.CodeFixes.Rewrites.AsyncIterator;

namespace YieldAwait.Analyzers.Tests.EndToEnd
{
    /// <summary>The conversion walks a long caller chain across projects, and the result compiles everywhere.</summary>
    public class ConversionChainTests
    {
        private readonly ITestOutputHelper _output;

        public ConversionChainTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Conversion_WalksAChainAcrossProjects_AndEveryProjectStillCompiles()
        {
            var solution = ConversionChainGenerator.Create(projectCount: 5, chainLength: 60);
            var document = solution.Projects.Single(p => p.Name == "Chain0").Documents.Single();
            var root = await document.GetSyntaxRootAsync();
            var first = root!.DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == ConversionChainGenerator.FirstIteratorName);

            var watch = Stopwatch.StartNew();
            var (conversion, _) = await AsyncIteratorPolicy.PlanAsync(solution, document, first, DiagnosticIds.BlockingWaitInIterator, default);
            Assert.NotNull(conversion);
            var converted = await AsyncIteratorConverter.ApplyAsync(conversion!, default);
            _output.WriteLine($"planned and applied in {watch.ElapsedMilliseconds} ms");

            Assert.Equal(60, conversion!.Functions.Count);
            Assert.Equal(60, conversion.Callers.Count);
            foreach (var project in converted.Projects)
            {
                var errors = (await project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, project.Name + ": " + string.Join("\n", errors.Take(5)));
            }

            var last = converted.Projects.Single(p => p.Name == "Chain4").Documents.Single();
            var text = (await last.GetTextAsync()).ToString();
            Assert.Contains("await foreach (var value in Chain4.Steps4.Step59Async(seed", text);
        }
    }
}
