using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Xunit;
using Xunit.Abstractions;

namespace YieldAwait.Analyzers.IdeTests
{
    /// <summary>
    /// The path an editor takes: the sample project opened from its project file by MSBuildWorkspace, the package's
    /// analyzers and fixes taken from the project's own analyzer references, every offered fix applied, then Fix All for
    /// each rule applied to the workspace one after another (as a user clicking through the light bulb), and the result
    /// compiled. A copy of the sample in a temporary folder is edited, never samples/ itself.
    /// </summary>
    public sealed class SampleProjectInWorkspaceTests : IDisposable
    {
        private static readonly Lazy<bool> Locator = new(() =>
        {
            MSBuildLocator.RegisterDefaults();
            return true;
        });

        private readonly ITestOutputHelper _output;
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "yieldawait-ide-" + Guid.NewGuid().ToString("N"));

        public SampleProjectInWorkspaceTests(ITestOutputHelper output) => _output = output;

        public void Dispose()
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is not a test failure.
            }
        }

        [Fact]
        public async Task SampleProject_EveryRuleReports_EveryFixAndFixAllCompiles()
        {
            _ = Locator.Value;
            var projectPath = CopySample();
            using var workspace = MSBuildWorkspace.Create();
            var failures = new List<string>();
            workspace.RegisterWorkspaceFailedHandler(e => _output.WriteLine($"workspace: {e.Diagnostic}"));
            var project = await workspace.OpenProjectAsync(projectPath);
            Assert.Empty(await ErrorsAsync(project));

            var (analyzers, fixers) = PackageFromAnalyzerReferences(project);
            var before = await DiagnosticsAsync(project, analyzers);
            var expected = ExpectedIds();
            Assert.Equal(expected, before.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));

            // Every offered fix, one at a time, on the unchanged solution.
            var applied = 0;
            foreach (var diagnostic in before)
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                foreach (var action in await FixesAsync(document, diagnostic, fixers))
                {
                    var changed = await ApplyAsync(action, project.Solution);
                    var errors = await ErrorsAsync(changed.GetProject(project.Id)!);
                    if (changed == project.Solution || errors.Count > 0)
                    {
                        failures.Add($"'{action.Title}' for {diagnostic.Id} at {diagnostic.Location.GetLineSpan()}: {(errors.Count > 0 ? string.Join("; ", errors.Take(3)) : "changed nothing")}");
                    }

                    applied++;
                }
            }

            // Fix All, rule after rule, applied to the workspace (which writes the files) as an editor does.
            var fixedAll = new List<string>();
            foreach (var id in expected)
            {
                var current = workspace.CurrentSolution.GetProject(project.Id)!;
                var diagnostics = await DiagnosticsAsync(current, analyzers);
                var first = diagnostics.FirstOrDefault(d => d.Id == id);
                var fixer = fixers.FirstOrDefault(f => f.FixableDiagnosticIds.Contains(id));
                if (first is null || fixer?.GetFixAllProvider() is not { } fixAll)
                {
                    continue;
                }

                var document = current.GetDocument(first.Location.SourceTree)!;
                var offered = await FixesAsync(document, first, new[] { fixer });
                if (offered.Count == 0)
                {
                    continue;
                }

                var context = new FixAllContext(current, fixer, FixAllScope.Solution, offered[0].EquivalenceKey, new[] { id }, new Diagnostics(analyzers), CancellationToken.None);
                var action = await fixAll.GetFixAsync(context);
                if (action is null)
                {
                    failures.Add($"Fix All for {id} offered no action");
                    continue;
                }

                var solution = await ApplyAsync(action, workspace.CurrentSolution);
                Assert.True(workspace.TryApplyChanges(solution), $"the workspace refused the Fix All changes for {id}");
                fixedAll.Add(id);
            }

            var final = workspace.CurrentSolution.GetProject(project.Id)!;
            var finalErrors = await ErrorsAsync(final);
            if (finalErrors.Count > 0)
            {
                failures.Add("after Fix All for every rule: " + string.Join("; ", finalErrors.Take(5)));
            }

            var after = await DiagnosticsAsync(final, analyzers);
            _output.WriteLine($"{before.Length} diagnostics, {applied} fixes applied; Fix All applied for {string.Join(", ", fixedAll)}; {after.Length} diagnostics left: "
                + string.Join(", ", after.GroupBy(d => d.Id).Select(g => $"{g.Key} {g.Count()}")));
            Assert.True(applied > 0, "no fix was offered");
            Assert.NotEmpty(fixedAll);
            Assert.True(after.Length < before.Length, "Fix All removed no diagnostic");
            Assert.True(File.ReadAllText(Path.Combine(_folder, "LogFileReader.cs")).Contains("async IAsyncEnumerable", StringComparison.Ordinal), "the workspace did not write the converted iterator to disk");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        /// <summary>The sample's sources in a project that gets the package the way a PackageReference gives it: analyzer DLLs.</summary>
        private string CopySample()
        {
            var root = RepositoryRoot();
            var sample = Path.Combine(root, "samples", "LogIngestion");
            Directory.CreateDirectory(_folder);
            foreach (var file in Directory.EnumerateFiles(sample, "*.cs"))
            {
                File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
            }

            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            string Dll(string name) => Path.Combine(root, "src", name, "bin", configuration, "netstandard2.0", name + ".dll");
            var project = Path.Combine(_folder, "LogIngestion.csproj");
            File.WriteAllText(project, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <Analyzer Include="{Dll("YieldAwait.Analyzers")}" />
                    <Analyzer Include="{Dll("YieldAwait.CodeFixes")}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(_folder, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.YA5001.severity = suggestion\n");
            return project;
        }

        private static (ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableArray<CodeFixProvider> Fixers) PackageFromAnalyzerReferences(Project project)
        {
            var references = project.AnalyzerReferences.OfType<AnalyzerFileReference>()
                .Where(reference => Path.GetFileName(reference.FullPath).StartsWith("YieldAwait.", StringComparison.Ordinal))
                .ToList();
            Assert.Equal(2, references.Count);
            var analyzers = references.SelectMany(reference => reference.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
            // An editor finds fixes by their export attribute in the same assemblies.
            var fixers = references.Select(reference => reference.GetAssembly())
                .SelectMany(assembly => assembly.GetTypes())
                .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
                .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
                .ToImmutableArray();
            Assert.NotEmpty(analyzers);
            Assert.NotEmpty(fixers);
            return (analyzers, fixers);
        }

        private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var compilation = (await project.GetCompilationAsync())!;
            var diagnostics = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
            return diagnostics.Where(d => d.Id.StartsWith("YA", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden)
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ToImmutableArray();
        }

        private static async Task<IReadOnlyList<string>> ErrorsAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync())!;
            return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        }

        private static async Task<IReadOnlyList<CodeAction>> FixesAsync(Document document, Diagnostic diagnostic, IEnumerable<CodeFixProvider> fixers)
        {
            var actions = new List<CodeAction>();
            foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            }

            return actions.SelectMany(action => action.NestedActions.IsDefaultOrEmpty ? new[] { action } : action.NestedActions.ToArray()).ToList();
        }

        private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            return operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution ?? solution;
        }

        /// <summary>The IDs samples/expected-diagnostics.txt promises (it lists one line per diagnostic: "YAnnnn path:line").</summary>
        private static IReadOnlyList<string> ExpectedIds() =>
            File.ReadAllLines(Path.Combine(RepositoryRoot(), "samples", "expected-diagnostics.txt"))
                .Select(line => line.Trim())
                .Where(line => line.StartsWith("YA", StringComparison.Ordinal))
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0])
                .Distinct(StringComparer.Ordinal)
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToList();

        private static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("No Analyzers.sln above " + AppContext.BaseDirectory);
        }

        /// <summary>The diagnostics Fix All asks for, computed on the project's current state, as the IDE's diagnostic service does.</summary>
        private sealed class Diagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

            public Diagnostics(ImmutableArray<DiagnosticAnalyzer> analyzers) => _analyzers = analyzers;

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                await DiagnosticsAsync(project, _analyzers);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken);
                return (await DiagnosticsAsync(document.Project, _analyzers)).Where(d => d.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult(Enumerable.Empty<Diagnostic>());
        }
    }
}
