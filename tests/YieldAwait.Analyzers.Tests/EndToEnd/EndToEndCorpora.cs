using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using YieldAwait.Analyzers.Corpus;
using YieldAwait.Analyzers.Tests.Catalog;

namespace YieldAwait.Analyzers.Tests.EndToEnd
{
    /// <summary>The code the end-to-end tests run on: the samples as a user builds them, and a generated corpus holding every module once.</summary>
    internal static class EndToEndCorpora
    {
        public const string Samples = "samples";
        public const string Generated = "generated";

        /// <summary>The usings an SDK-style console project with <c>ImplicitUsings</c> adds, so the samples compile here as they do under dotnet build.</summary>
        private const string ImplicitUsings = """
            global using System;
            global using System.Collections.Generic;
            global using System.IO;
            global using System.Linq;
            global using System.Net.Http;
            global using System.Threading;
            global using System.Threading.Tasks;
            """;

        public static Project Load(string name) => name switch
        {
            Samples => LoadSamples(),
            _ => AnalysisHarness.CreateProject(CorpusGenerator.GenerateEveryModule()),
        };

        public static IReadOnlyList<SourceFile> SampleFiles() =>
            Directory.EnumerateFiles(RepositoryFiles.InRepo("samples"), "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .OrderBy(p => p, System.StringComparer.Ordinal)
                .Select(p => new SourceFile(p, File.ReadAllText(p)))
                .ToList();

        private static Project LoadSamples()
        {
            var files = SampleFiles().Append(new SourceFile("/samples/ImplicitUsings.g.cs", ImplicitUsings));
            var project = AnalysisHarness.CreateProject(files, "Samples");
            // As the samples' build sets them (Directory.Build.props: <Nullable>enable</Nullable>), so a fix is held to the warnings a user would see.
            return project.WithCompilationOptions(((CSharpCompilationOptions)project.CompilationOptions!)
                .WithOutputKind(OutputKind.ConsoleApplication)
                .WithNullableContextOptions(NullableContextOptions.Enable));
        }

        public static async System.Threading.Tasks.Task<IReadOnlyList<string>> CompilerErrorsAsync(Project project)
        {
            var compilation = await project.GetCompilationAsync();
            return compilation!.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.ToString())
                .ToList();
        }
    }
}
