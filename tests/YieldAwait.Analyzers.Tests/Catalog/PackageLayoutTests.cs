using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;

namespace YieldAwait.Analyzers.Tests.Catalog
{
    /// <summary>
    /// The NuGet package, packed from the working tree: both assemblies under <c>analyzers/dotnet/cs/</c>, nothing under
    /// <c>lib/</c>, and a development dependency, so that referencing it adds analyzers and never an assembly reference.
    /// </summary>
    public class PackageLayoutTests
    {
        [Fact]
        public void Package_HoldsOnlyTheTwoAnalyzerAssemblies_AndIsADevelopmentDependency()
        {
            var output = Directory.CreateTempSubdirectory("yieldawait-pack-");
            try
            {
                var package = Pack(output.FullName);
                using var archive = ZipFile.OpenRead(package);
                var entries = archive.Entries.Select(e => e.FullName).OrderBy(e => e, StringComparer.Ordinal).ToList();

                Assert.Equal(
                    new[] { "analyzers/dotnet/cs/YieldAwait.Analyzers.dll", "analyzers/dotnet/cs/YieldAwait.CodeFixes.dll" },
                    entries.Where(e => e.EndsWith(".dll", StringComparison.Ordinal)));
                Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

                using var nuspec = new StreamReader(archive.GetEntry("YieldAwait.Analyzers.nuspec")!.Open());
                Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec.ReadToEnd(), StringComparison.Ordinal);
            }
            finally
            {
                output.Delete(recursive: true);
            }
        }

        /// <summary>Packs nuget/ in the configuration the tests were built in, so the referenced projects are up to date already.</summary>
        private static string Pack(string output)
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { "pack", RepositoryFiles.InRepo("nuget", "YieldAwait.Analyzers.Package.csproj"), "-c", configuration, "-o", output, "-p:PackageVersion=0.0.0-layout", "-nodeReuse:false" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryFiles.Root,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet pack did not finish in 5 minutes.");
            Assert.True(process.ExitCode == 0, $"dotnet pack exited with {process.ExitCode}:\n{stdout.Result}\n{stderr}");

            var package = Path.Combine(output, "YieldAwait.Analyzers.0.0.0-layout.nupkg");
            Assert.True(File.Exists(package), $"dotnet pack made no {package}:\n{stdout.Result}");
            return package;
        }
    }
}
