using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace YieldAwait.Analyzers.Ruling
{
    /// <summary>
    /// <c>prepare</c>: exports a repository's pinned commit from its fetched git snapshot into the ignored sources folder,
    /// and resolves the assemblies it compiles against by restoring a throw-away project that names its packages.
    /// Writes beside the sources the files a run reads: <c>ruling.files</c>, <c>ruling.references</c>,
    /// <c>ruling.defines</c> and <c>ruling.generators</c>.
    /// </summary>
    public static class SourceExport
    {
        public const string FilesList = "ruling.files";
        public const string ReferencesList = "ruling.references";
        public const string DefinesList = "ruling.defines";
        public const string GeneratorsList = "ruling.generators";
        public const string GlobalUsingsFile = "ruling.globalusings.cs";

        private static readonly string[] ImplicitUsings =
        {
            "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
            "System.Threading.Tasks",
        };

        private static readonly string[] WebUsings =
        {
            "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
            "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
            "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        };

        /// <summary>Always excluded: build output and the code of tests, benchmarks and samples, which is not the product.</summary>
        private static readonly string[] AlwaysExcluded = { "/obj/", "/bin/" };

        public static void Prepare(RulingSource source, string mirrorRoot, string sourcesRoot)
        {
            var gitDir = Path.Combine(mirrorRoot, source.MirrorFolderName, "repo");
            if (!Directory.Exists(gitDir))
            {
                throw new DirectoryNotFoundException(
                    $"{gitDir} is missing: bring {source.Repository} onto the machine first (the search tool's fetch)");
            }

            var target = Path.Combine(sourcesRoot, source.Name);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.CreateDirectory(target);
            var archive = Path.Combine(sourcesRoot, source.Name + ".tar");
            Run("git", new[] { "--git-dir", gitDir, "archive", "--format=tar", "-o", archive, source.Commit, "--" }.Concat(source.Folders), null);
            Run("tar", new[] { "-xf", archive, "-C", target }, null);
            File.Delete(archive);

            var files = Directory.EnumerateFiles(target, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(target, f).Replace('\\', '/'))
                .Where(f => !IsExcluded("/" + f, source.Excludes))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();

            var usings = source.Sdk.ToLowerInvariant() switch
            {
                "web" => ImplicitUsings.Concat(WebUsings).ToArray(),
                "implicit" => ImplicitUsings,
                _ => Array.Empty<string>(),
            };
            usings = usings.Concat(source.Usings).Distinct(StringComparer.Ordinal).ToArray();
            if (usings.Length > 0)
            {
                File.WriteAllLines(Path.Combine(target, GlobalUsingsFile), usings.Select(u => $"global using global::{u};"));
                files.Add(GlobalUsingsFile);
            }

            File.WriteAllLines(Path.Combine(target, FilesList), files);
            File.WriteAllLines(Path.Combine(target, DefinesList), source.Defines);

            var (references, generators) = ResolveReferences(source, Path.Combine(sourcesRoot, ".restore", source.Name));
            File.WriteAllLines(Path.Combine(target, ReferencesList), references);
            File.WriteAllLines(Path.Combine(target, GeneratorsList), generators);
            Console.WriteLine($"{source.Name}: {files.Count} files, {references.Count} references, {generators.Count} generators");
        }

        private static bool IsExcluded(string path, IReadOnlyList<string> excludes) =>
            AlwaysExcluded.Any(e => path.Contains(e, StringComparison.OrdinalIgnoreCase))
            || excludes.Any(e => path.Contains(e, StringComparison.OrdinalIgnoreCase));

        private static (List<string> References, List<string> Generators) ResolveReferences(RulingSource source, string folder)
        {
            Directory.CreateDirectory(folder);
            var project = new StringBuilder();
            project.AppendLine(source.IsWeb ? "<Project Sdk=\"Microsoft.NET.Sdk.Web\">" : "<Project Sdk=\"Microsoft.NET.Sdk\">");
            project.AppendLine("  <PropertyGroup>");
            project.AppendLine("    <TargetFramework>net10.0</TargetFramework>");
            project.AppendLine("    <EnableDefaultItems>false</EnableDefaultItems>");
            project.AppendLine("    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>");
            project.AppendLine("    <NoWarn>NU1603;NU1605;NU1608;NU1701;NU1900;NU1901;NU1902;NU1903;NU1904</NoWarn>");
            project.AppendLine("  </PropertyGroup>");
            project.AppendLine("  <ItemGroup>");
            foreach (var (id, version) in source.Packages)
            {
                project.AppendLine($"    <PackageReference Include=\"{id}\" Version=\"{version}\" />");
            }

            project.AppendLine("  </ItemGroup>");
            project.AppendLine("</Project>");
            var projectPath = Path.Combine(folder, "refs.csproj");
            File.WriteAllText(projectPath, project.ToString());

            var json = Run(
                "dotnet",
                new[]
                {
                    "msbuild", projectPath, "-restore", "-nologo", "-t:FindReferenceAssembliesForReferences",
                    "-getItem:ReferencePathWithRefAssemblies", "-getItem:Analyzer",
                    "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false",
                    "-p:ImportDirectoryPackagesProps=false",
                },
                folder);
            using var document = JsonDocument.Parse(json.Substring(json.IndexOf('{')));
            var items = document.RootElement.GetProperty("Items");
            var references = items.GetProperty("ReferencePathWithRefAssemblies").EnumerateArray()
                .Select(i => i.GetProperty("Identity").GetString()!)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
            // Only the source generators: the host's own analyzers would report on the third-party code.
            var generators = items.TryGetProperty("Analyzer", out var analyzers)
                ? analyzers.EnumerateArray()
                    .Select(i => i.GetProperty("Identity").GetString()!)
                    .Where(p => Path.GetFileName(p).Contains("Generator", StringComparison.OrdinalIgnoreCase)
                                || Path.GetFileName(p).Contains("SourceGeneration", StringComparison.OrdinalIgnoreCase))
                    .Distinct(StringComparer.Ordinal)
                    .OrderBy(p => p, StringComparer.Ordinal)
                    .ToList()
                : new List<string>();
            return (references, generators);
        }

        private static string Run(string program, IEnumerable<string> arguments, string? workingDirectory)
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var errorTask = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"{program} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{output}\n{errorTask.Result}");
            }

            return output;
        }
    }
}
