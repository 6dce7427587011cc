using System;
using System.Globalization;
using System.Threading.Tasks;
using YieldAwait.Analyzers.Tests.EndToEnd;

namespace YieldAwait.Analyzers.Tests
{
    /// <summary>
    /// The test assembly's entry point, for the child processes of <see cref="DeterminismTests"/>: run as
    /// <c>dotnet exec YieldAwait.Analyzers.Tests.dll list-diagnostics SEED LINES</c>, it prints the package's diagnostics on
    /// that generated corpus, one per line. The test host does not use it (the project sets <c>GenerateProgramFile</c> off
    /// so that this one is the entry point instead of the test SDK's empty one).
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length == 3 && args[0] == DiagnosticListing.ChildCommand
                && int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
                && int.TryParse(args[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var lines))
            {
                foreach (var line in await DiagnosticListing.OfCorpusAsync(seed, lines, concurrent: true))
                {
                    Console.Out.WriteLine(line);
                }

                return 0;
            }

            Console.Error.WriteLine($"usage: {DiagnosticListing.ChildCommand} SEED LINES");
            return 2;
        }
    }
}
