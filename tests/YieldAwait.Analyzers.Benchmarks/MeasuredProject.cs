using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using YieldAwait.Analyzers.Corpus;

namespace YieldAwait.Analyzers.Benchmarks
{
    /// <summary>
    /// One compilation the report measures: the generated corpus, or one repository of a real-code corpus folder. Its
    /// sources are parsed once; every measurement builds a fresh compilation from them, so that parsing is never timed
    /// and no run profits from the binding another run did.
    /// </summary>
    public sealed class MeasuredProject
    {
        /// <summary>What the SDK defines for a net10.0 build (as the ruling compiles them), so code behind #if NET… compiles the modern way.</summary>
        private static readonly string[] FrameworkDefines =
        {
            "TRACE", "RELEASE", "NET", "NET10_0", "NETCOREAPP",
            "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER",
            "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETSTANDARD2_1_OR_GREATER",
            "NETSTANDARD2_0_OR_GREATER", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER",
            "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
        };

        /// <summary>Real repositories: unsafe code allowed, nullable analysis on (as their builds run it), one thread.</summary>
        private static readonly CSharpCompilationOptions RealCodeOptions = new(
            OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: true,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: false);

        private readonly ImmutableArray<MetadataReference> references;
        private readonly CSharpCompilationOptions options;

        private MeasuredProject(string name, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, int lines, CSharpCompilationOptions options)
        {
            Name = name;
            Trees = trees;
            this.references = references;
            Lines = lines;
            this.options = options;
        }

        public string Name { get; }

        public ImmutableArray<SyntaxTree> Trees { get; }

        public int Lines { get; }

        public int Files => Trees.Length;

        /// <summary>A new compilation over the parsed trees: nothing bound yet.</summary>
        public CSharpCompilation CreateCompilation() =>
            CSharpCompilation.Create(Name, Trees, references, options);

        public static MeasuredProject FromGenerated(BenchmarkCorpus corpus) =>
            new("Corpus", corpus.Trees, AnalysisHarness.References, corpus.Lines, AnalysisHarness.CompilationOptions);

        /// <summary>
        /// The repositories of a corpus folder, as the ruling exports them: the folder is one repository, or holds one
        /// repository per subfolder. A repository folder lists what to compile in <c>ruling.files</c> (paths relative to
        /// it), its reference assemblies in <c>ruling.references</c> (absolute paths; the running .NET's own when absent),
        /// its preprocessor symbols in <c>ruling.defines</c>, its source generators in <c>ruling.generators</c> and, optionally, its
        /// language version in <c>ruling.langversion</c>. The generators run once, here: their output is compiled in every
        /// measurement, as a build compiles it, but generating it is not timed. <paramref name="only"/>, when given, keeps
        /// the subfolders of those names.
        /// </summary>
        public static IReadOnlyList<MeasuredProject> LoadFolder(string folder, IReadOnlyList<string>? only = null)
        {
            if (IsRepository(folder))
            {
                return new[] { LoadRepository(folder) };
            }

            return Directory.EnumerateDirectories(folder)
                .Where(IsRepository)
                .Where(d => only is null || only.Contains(Path.GetFileName(d), StringComparer.OrdinalIgnoreCase))
                .OrderBy(d => d, StringComparer.Ordinal)
                .Select(LoadRepository)
                .ToList();
        }

        private static bool IsRepository(string folder) => File.Exists(Path.Combine(folder, "ruling.files"));

        private static MeasuredProject LoadRepository(string folder)
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
            var defines = ReadList(folder, "ruling.defines").Concat(FrameworkDefines).Distinct().ToArray();
            var version = LanguageVersion.Preview;
            var versionText = ReadList(folder, "ruling.langversion").FirstOrDefault();
            if (versionText is not null && !LanguageVersionFacts.TryParse(versionText, out version))
            {
                Console.Error.WriteLine($"{name}: unknown language version '{versionText}' in ruling.langversion; using preview.");
                version = LanguageVersion.Preview;
            }

            var parseOptions = new CSharpParseOptions(version, preprocessorSymbols: defines);
            var lines = 0;
            var trees = new List<SyntaxTree>();
            foreach (var relative in ReadList(folder, "ruling.files"))
            {
                var path = Path.Combine(folder, relative);
                if (!File.Exists(path))
                {
                    Console.Error.WriteLine($"{name}: '{relative}' is listed in ruling.files but does not exist; skipped.");
                    continue;
                }

                var text = File.ReadAllText(path);
                lines += CorpusGenerator.CountLines(text);
                trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, path));
            }

            var referencePaths = ReadList(folder, "ruling.references");
            var references = referencePaths.Count == 0
                ? AnalysisHarness.References
                : referencePaths.Where(File.Exists).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
            foreach (var missing in referencePaths.Where(p => !File.Exists(p)))
            {
                Console.Error.WriteLine($"{name}: reference '{missing}' does not exist; skipped.");
            }

            var project = new MeasuredProject(name, trees.ToImmutableArray(), references, lines, RealCodeOptions);
            return project.WithGeneratedSources(ReadList(folder, "ruling.generators"), parseOptions);
        }

        /// <summary>
        /// The framework's source generators (regex, logging, JSON) implement partial members: without their output those are
        /// compile errors, and a broken compile hides diagnostics and binds less than a build does.
        /// </summary>
        private MeasuredProject WithGeneratedSources(IReadOnlyList<string> generatorPaths, CSharpParseOptions parseOptions)
        {
            var loader = new GeneratorLoader();
            var generators = generatorPaths
                .Where(File.Exists)
                .SelectMany(p =>
                {
                    try
                    {
                        return new AnalyzerFileReference(p, loader).GetGenerators(LanguageNames.CSharp);
                    }
                    catch (Exception exception) when (exception is IOException or BadImageFormatException or System.Reflection.ReflectionTypeLoadException)
                    {
                        return ImmutableArray<ISourceGenerator>.Empty;
                    }
                })
                .ToImmutableArray();
            if (generators.IsEmpty)
            {
                return this;
            }

            var driver = CSharpGeneratorDriver.Create(generators, parseOptions: parseOptions);
            driver.RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var updated, out _);
            var generated = updated.SyntaxTrees.Skip(Trees.Length).ToImmutableArray();
            return new MeasuredProject(Name, Trees.AddRange(generated), references, Lines, options);
        }

        private sealed class GeneratorLoader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
        }

        private static IReadOnlyList<string> ReadList(string folder, string file)
        {
            var path = Path.Combine(folder, file);
            return File.Exists(path)
                ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList()
                : Array.Empty<string>();
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Name} ({Lines:N0} lines, {Files:N0} files)");
    }
}
