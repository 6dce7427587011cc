using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using YieldAwait.Analyzers.Corpus;
using YieldAwait.Analyzers.Rules;
using YieldAwait.CodeFixes.Rules;

namespace YieldAwait.Analyzers.Tests.Rules
{
    /// <summary>Half-typed signatures the robustness run found the fix breaking further (it must offer nothing there).</summary>
    public partial class YA4001AsyncIteratorCannotBeCancelledTests
    {
        [Theory]
        [InlineData("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Importer
            {
                public async IAsyncEnumerable<string> Import(
                    IAsyncEnumerable<string{> lines,
                    Task<string> page)
                {
                    while (true) { await Task.Delay(1000); yield return page.Result; }
                }
            }
            """)]
        [InlineData("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            interface ISource
            {
                IAsyncEnumerable<intawait > ReadAsync();
            }

            class Second : ISource
            {
                public async IAsyncEnumerable<int> ReadAsync()
                {
                    await Task.Delay(2);
                    yield return 2;
                }
            }
            """)]
        public async Task NoFix_OnAHalfTypedParameterListOrInterfaceMember(string code)
        {
            var project = AnalysisHarness.CreateProject(new[] { new SourceFile("/0/Test.cs", code) });
            var compilation = await project.GetCompilationAsync();
            var run = await AnalysisHarness.AnalyzeAsync(compilation!, ImmutableArray.Create<DiagnosticAnalyzer>(new YA4001AsyncIteratorCannotBeCancelledAnalyzer()));
            Assert.Empty(run.Crashes);
            Assert.NotEmpty(run.Diagnostics);
            foreach (var diagnostic in run.Diagnostics)
            {
                Assert.Empty(await AnalysisHarness.GetFixesAsync(project.Documents.Single(), diagnostic, new[] { new YA4001AsyncIteratorCannotBeCancelledCodeFix() }));
            }
        }
    }
}
