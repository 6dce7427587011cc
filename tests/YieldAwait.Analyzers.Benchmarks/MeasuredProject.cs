using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
        private readonly ImmutableArray<MetadataReference> references;

        private MeasuredProject(string name, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, int lines)
        {
            Name = name;
            Trees = trees;
            this.references = references;
            Lines = lines;
        }

        public string Name { get; }

        public ImmutableArray<SyntaxTree> Trees { get; }

        public int Lines { get; }

        public int Files => Trees.Length;

        /// <summary>A new compilation over the parsed trees: nothing bound yet.</summary>
        public CSharpCompilation CreateCompilation() =>
            CSharpCompilation.Create(Name, Trees, references, AnalysisHarness.CompilationOptions);

        public static MeasuredProject FromGenerated(BenchmarkCorpus corpus) =>
            new("Corpus", corpus.Trees, AnalysisHarness.References, corpus.Lines);

        /// <summary>
        /// The repositories of a corpus folder, as the ruling exports them: the folder is one repository, or holds one
        /// repository per subfolder. A repository folder lists what to compile in <c>ruling.files</c> (paths relative to
        /// it), its reference assemblies in <c>ruling.references</c> (absolute paths; the running .NET's own when absent),
        /// its preprocessor symbols in <c>ruling.defines</c> and, optionally, its language version in <c>ruling.langversion</c>.
        /// </summary>
        public static IReadOnlyList<MeasuredProject> LoadFolder(string folder)
        {
            if (IsRepository(folder))
            {
                return new[] { LoadRepository(folder) };
            }

            return Directory.EnumerateDirectories(folder)
                .Where(IsRepository)
                .OrderBy(d => d, StringComparer.Ordinal)
                .Select(LoadRepository)
                .ToList();
        }

        private static bool IsRepository(string folder) => File.Exists(Path.Combine(folder, "ruling.files"));

        private static MeasuredProject LoadRepository(string folder)
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
            var defines = ReadList(folder, "ruling.defines");
            var version = LanguageVersion.Latest;
            var versionText = ReadList(folder, "ruling.langversion").FirstOrDefault();
            if (versionText is not null && !LanguageVersionFacts.TryParse(versionText, out version))
            {
                Console.Error.WriteLine($"{name}: unknown language version '{versionText}' in ruling.langversion; using the latest.");
                version = LanguageVersion.Latest;
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

            return new MeasuredProject(name, trees.ToImmutableArray(), references, lines);
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
