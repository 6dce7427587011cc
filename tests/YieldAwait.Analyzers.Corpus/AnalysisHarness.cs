using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace YieldAwait.Analyzers.Corpus
{
    /// <summary>
    /// Compiles corpus files against the running .NET's own assemblies (no download needed) and runs the
    /// package's analyzers and fixes on them, collecting every exception instead of letting the host swallow it.
    /// </summary>
    public static class AnalysisHarness
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadFrameworkReferences);

        public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

        public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

        public static CSharpCompilationOptions CompilationOptions { get; } = new(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Disable,
            concurrentBuild: false);

        public static CSharpCompilation Compile(IEnumerable<SourceFile> files, string assemblyName = "Corpus") =>
            CSharpCompilation.Create(
                assemblyName,
                files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path)),
                References,
                CompilationOptions);

        public static async Task<AnalysisRun> AnalyzeAsync(
            Compilation compilation,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            bool concurrent = true,
            bool measureTime = false,
            CancellationToken cancellationToken = default)
        {
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: measureTime,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()).Concat(exceptions).ToImmutableArray();
            return new AnalysisRun(withAnalyzers, diagnostics.Where(PackageComponents.IsPackageDiagnostic).ToImmutableArray(), crashes);
        }

        /// <summary>A one-project solution in an ad-hoc workspace, for asking fix providers for their actions.</summary>
        public static Project CreateProject(IEnumerable<SourceFile> files, string name = "Corpus")
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId(name);
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                name,
                name,
                LanguageNames.CSharp,
                compilationOptions: CompilationOptions,
                parseOptions: ParseOptions,
                metadataReferences: References));
            foreach (var file in files)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId, file.Path), Path.GetFileName(file.Path), SourceText.From(file.Text), filePath: file.Path);
            }

            return solution.GetProject(projectId)!;
        }

        /// <summary>Every action every provider registers for <paramref name="diagnostic"/>.</summary>
        public static async Task<IReadOnlyList<CodeAction>> GetFixesAsync(Document document, Diagnostic diagnostic, IEnumerable<CodeFixProvider> providers, CancellationToken cancellationToken = default)
        {
            var actions = new List<CodeAction>();
            foreach (var provider in providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            }

            return actions;
        }

        /// <summary>The solution an action produces, or the original one when it changes nothing.</summary>
        public static async Task<Solution> ApplyAsync(CodeAction action, Solution solution, CancellationToken cancellationToken = default)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            return operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution ?? solution;
        }

        private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
        {
            var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            return Directory.EnumerateFiles(frameworkDirectory, "*.dll")
                .Where(IsManagedAssembly)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }

        private static bool IsManagedAssembly(string path)
        {
            try
            {
                System.Reflection.AssemblyName.GetAssemblyName(path);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }

    /// <summary>The package's diagnostics from one analysis, and every analyzer crash (AD0001 or an exception) it caused.</summary>
    public sealed record AnalysisRun(CompilationWithAnalyzers Analysis, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Crashes);
}
