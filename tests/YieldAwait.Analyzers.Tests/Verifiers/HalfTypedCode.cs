using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using YieldAwait.Analyzers.Corpus;

namespace YieldAwait.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Code being typed does not compile; whatever a rule reports there, its analyzer and its fix must not throw
    /// (an analyzer exception shows up in the IDE as AD0001 and turns the rule off for the session).
    /// </summary>
    public static class HalfTypedCode
    {
        public static Task AssertNoCrashAsync<TAnalyzer>(string source)
            where TAnalyzer : DiagnosticAnalyzer, new() => AssertNoCrashAsync(source, new TAnalyzer(), null);

        public static Task AssertNoCrashAsync<TAnalyzer, TCodeFix>(string source)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new() => AssertNoCrashAsync(source, new TAnalyzer(), new TCodeFix());

        private static async Task AssertNoCrashAsync(string source, DiagnosticAnalyzer analyzer, CodeFixProvider? fix)
        {
            var project = AnalysisHarness.CreateProject(new[] { new SourceFile("/typing/HalfTyped.cs", source) });
            var compilation = await project.GetCompilationAsync();
            var run = await AnalysisHarness.AnalyzeAsync(compilation!, ImmutableArray.Create(analyzer));
            Assert.Empty(run.Crashes);
            if (fix is null)
            {
                return;
            }

            var document = project.Documents.Single();
            foreach (var diagnostic in run.Diagnostics)
            {
                foreach (var action in await AnalysisHarness.GetFixesAsync(document, diagnostic, new[] { fix }))
                {
                    await AnalysisHarness.ApplyAsync(action, project.Solution);
                }
            }
        }
    }
}
