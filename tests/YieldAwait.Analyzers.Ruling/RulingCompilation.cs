using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace YieldAwait.Analyzers.Ruling
{
    /// <summary>A prepared repository, compiled as one compilation from the lists <c>prepare</c> wrote beside it.</summary>
    public sealed class RulingCompilation
    {
        /// <summary>What the SDK defines for a net10.0 build, so code behind #if NET… compiles the modern way.</summary>
        private static readonly string[] FrameworkDefines =
        {
            "TRACE", "RELEASE", "NET", "NET10_0", "NETCOREAPP",
            "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER",
            "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETSTANDARD2_1_OR_GREATER",
            "NETSTANDARD2_0_OR_GREATER", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER",
            "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
        };

        private RulingCompilation(string name, string root, ImmutableArray<SyntaxTree> trees, int lines, ImmutableArray<MetadataReference> references, ImmutableArray<string> generatorPaths)
        {
            Name = name;
            Root = root;
            Trees = trees;
            Lines = lines;
            References = references;
            GeneratorPaths = generatorPaths;
        }

        public string Name { get; }

        public string Root { get; }

        public ImmutableArray<SyntaxTree> Trees { get; }

        public int Lines { get; }

        public ImmutableArray<MetadataReference> References { get; }

        public ImmutableArray<string> GeneratorPaths { get; }

        public static RulingCompilation Load(string folder)
        {
            var name = Path.GetFileName(Path.GetFullPath(folder).TrimEnd('/'));
            var defines = ReadList(folder, SourceExport.DefinesList).Concat(FrameworkDefines).Distinct().ToArray();
            var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: defines);
            var lines = 0;
            var trees = ReadList(folder, SourceExport.FilesList)
                .Select(relative =>
                {
                    var text = SourceText.From(File.ReadAllText(Path.Combine(folder, relative)), System.Text.Encoding.UTF8);
                    lines += text.Lines.Count;
                    return CSharpSyntaxTree.ParseText(text, parseOptions, relative);
                })
                .ToImmutableArray();
            var references = ReadList(folder, SourceExport.ReferencesList)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
            var generators = ReadList(folder, SourceExport.GeneratorsList).ToImmutableArray();
            return new RulingCompilation(name, folder, trees, lines, references, generators);
        }

        /// <summary>Every YA rule at Info or above, Hidden ones included, so the ruling sees every report.</summary>
        public CSharpCompilation Create(IEnumerable<string> ruleIds)
        {
            var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false,
                specificDiagnosticOptions: ruleIds.ToDictionary(id => id, _ => ReportDiagnostic.Info));
            var compilation = CSharpCompilation.Create(Name, Trees, References, options);
            return RunGenerators(compilation);
        }

        /// <summary>
        /// Runs the framework's source generators (regex, logging, JSON): without their output the partial members they
        /// implement are compile errors, and a broken compile hides diagnostics.
        /// </summary>
        private CSharpCompilation RunGenerators(CSharpCompilation compilation)
        {
            if (GeneratorPaths.IsEmpty)
            {
                return compilation;
            }

            var loader = new GeneratorLoader();
            var generators = GeneratorPaths
                .SelectMany(p =>
                {
                    try
                    {
                        return new AnalyzerFileReference(p, loader).GetGenerators(LanguageNames.CSharp);
                    }
                    catch (Exception)
                    {
                        return ImmutableArray<ISourceGenerator>.Empty;
                    }
                })
                .ToImmutableArray();
            if (generators.IsEmpty)
            {
                return compilation;
            }

            var parseOptions = (CSharpParseOptions)Trees[0].Options;
            var driver = CSharpGeneratorDriver.Create(generators, parseOptions: parseOptions);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out _);
            return (CSharpCompilation)updated;
        }

        private static IEnumerable<string> ReadList(string folder, string file)
        {
            var path = Path.Combine(folder, file);
            return File.Exists(path)
                ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0)
                : Enumerable.Empty<string>();
        }

        private sealed class GeneratorLoader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
        }
    }
}
