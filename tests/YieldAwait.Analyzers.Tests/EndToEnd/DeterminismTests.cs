using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Corpus;

namespace YieldAwait.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// Analyzers are shared by every compilation a host runs; the same compilation analysed many times at once,
    /// with concurrent execution and shared analyzer instances, must give the same diagnostics each time. And a build
    /// server, an IDE and <c>dotnet format</c> are separate processes: two fresh processes must give the same
    /// diagnostics, with the same properties (what the fixes read) and additional locations, as this one.
    /// </summary>
    public class DeterminismTests
    {
        private const int Seed = 23;
        private const int Lines = 6000;

        /// <summary>Smaller for the child processes: each pays for its own start, references and compilation.</summary>
        private const int ProcessLines = 3000;
        private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(5);

        [Fact]
        public async Task ParallelConcurrentRuns_GiveIdenticalDiagnostics()
        {
            var compilation = AnalysisHarness.Compile(CorpusGenerator.Generate(Seed, Lines));
            var shared = PackageComponents.CreateAnalyzers();

            var sequential = await AnalysisHarness.AnalyzeAsync(compilation, PackageComponents.CreateAnalyzers(), concurrent: false);
            var parallel = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
                AnalysisHarness.AnalyzeAsync(compilation, i % 2 == 0 ? shared : PackageComponents.CreateAnalyzers(), concurrent: true))));

            var expected = DiagnosticListing.Describe(sequential.Diagnostics);
            Assert.NotEmpty(sequential.Diagnostics);
            Assert.Empty(sequential.Crashes);
            foreach (var run in parallel)
            {
                Assert.Empty(run.Crashes);
                Assert.Equal(expected, DiagnosticListing.Describe(run.Diagnostics));
            }
        }

        [Fact]
        public async Task TwoSeparateProcesses_GiveIdenticalDiagnosticsAndProperties()
        {
            var children = await Task.WhenAll(ListInChildProcessAsync(), ListInChildProcessAsync());
            var here = await DiagnosticListing.OfCorpusAsync(Seed, ProcessLines, concurrent: false);

            Assert.NotEmpty(here);
            Assert.DoesNotContain(here, line => line.StartsWith("crash: ", StringComparison.Ordinal));
            Assert.Contains(here, line => line.Split(" | ")[3].Length > 0);
            foreach (var child in children)
            {
                var missing = here.Except(child).Take(5).ToList();
                var extra = child.Except(here).Take(5).ToList();
                Assert.True(
                    child.SequenceEqual(here),
                    $"A child process listed {child.Length} diagnostics, this one {here.Count}.\nOnly here:\n  {string.Join("\n  ", missing)}\nOnly in the child:\n  {string.Join("\n  ", extra)}");
            }
        }

        /// <summary>Runs this test assembly's entry point (<see cref="Program"/>) in a fresh <c>dotnet</c> process.</summary>
        private static async Task<string[]> ListInChildProcessAsync()
        {
            var assembly = typeof(DiagnosticListing).Assembly.Location;
            var start = new ProcessStartInfo(DotnetHost())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "exec", assembly, DiagnosticListing.ChildCommand, Seed.ToString(CultureInfo.InvariantCulture), ProcessLines.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            using var child = Process.Start(start)!;
            var output = child.StandardOutput.ReadToEndAsync();
            var errors = child.StandardError.ReadToEndAsync();
            var exited = child.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(ChildTimeout)) != exited)
            {
                child.Kill(entireProcessTree: true);
                throw new TimeoutException($"The child process did not finish within {ChildTimeout.TotalMinutes} minutes.");
            }

            Assert.True(child.ExitCode == 0, $"The child process exited with {child.ExitCode}:\n{await errors}");
            return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();
        }

        /// <summary>The <c>dotnet</c> that runs the tests (the SDK names it in <c>DOTNET_HOST_PATH</c>), else the one on the path.</summary>
        private static string DotnetHost() =>
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}
