using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace YieldAwait.Analyzers.Corpus
{
    /// <summary>
    /// A solution that stresses "Convert to async iterator": a chain of sync iterators spread over many projects,
    /// each project referencing the previous one. Only the first iterator blocks; each later one enumerates its
    /// predecessor, and an async method at the end enumerates the last, so converting the first walks the whole chain.
    /// </summary>
    public static class ConversionChainGenerator
    {
        public const string FirstIteratorName = "Step0";

        public static Solution Create(int projectCount, int chainLength)
        {
            var workspace = new AdhocWorkspace();
            var solution = workspace.CurrentSolution;
            ProjectId? previous = null;
            var perProject = (chainLength + projectCount - 1) / projectCount;
            for (var p = 0; p < projectCount; p++)
            {
                var projectId = ProjectId.CreateNewId($"Chain{p}");
                solution = solution.AddProject(ProjectInfo.Create(
                    projectId,
                    VersionStamp.Create(),
                    $"Chain{p}",
                    $"Chain{p}",
                    LanguageNames.CSharp,
                    compilationOptions: AnalysisHarness.CompilationOptions,
                    parseOptions: AnalysisHarness.ParseOptions,
                    metadataReferences: AnalysisHarness.References));
                if (previous is not null)
                {
                    solution = solution.AddProjectReference(projectId, new ProjectReference(previous));
                }

                var first = p * perProject;
                var last = System.Math.Min(chainLength, first + perProject);
                var text = new StringBuilder()
                    .AppendLine("using System.Collections.Generic;")
                    .AppendLine("using System.Threading.Tasks;")
                    .AppendLine()
                    .AppendLine($"namespace Chain{p}")
                    .AppendLine("{")
                    .AppendLine($"    public static class Steps{p}")
                    .AppendLine("    {");
                for (var i = first; i < last; i++)
                {
                    text.AppendLine($"        public static IEnumerable<int> Step{i}(Task<int> seed)")
                        .AppendLine("        {");
                    if (i == 0)
                    {
                        text.AppendLine("            yield return seed.Result;");
                    }
                    else
                    {
                        var owner = (i - 1) / perProject;
                        text.AppendLine($"            foreach (var value in Chain{owner}.Steps{owner}.Step{i - 1}(seed))")
                            .AppendLine("            {")
                            .AppendLine("                yield return value + 1;")
                            .AppendLine("            }");
                    }

                    text.AppendLine("        }").AppendLine();
                }

                if (p == projectCount - 1)
                {
                    var owner = (chainLength - 1) / perProject;
                    text.AppendLine("        public static async Task<int> SumAsync(Task<int> seed)")
                        .AppendLine("        {")
                        .AppendLine("            var sum = 0;")
                        .AppendLine($"            foreach (var value in Chain{owner}.Steps{owner}.Step{chainLength - 1}(seed))")
                        .AppendLine("            {")
                        .AppendLine("                sum += value;")
                        .AppendLine("            }")
                        .AppendLine()
                        .AppendLine("            await Task.Yield();")
                        .AppendLine("            return sum;")
                        .AppendLine("        }");
                }

                text.AppendLine("    }").AppendLine("}");
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"Steps{p}.cs", SourceText.From(text.ToString()), filePath: $"/chain/{p}/Steps{p}.cs");
                previous = projectId;
            }

            return solution;
        }
    }
}
