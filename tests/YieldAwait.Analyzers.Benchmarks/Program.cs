using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace YieldAwait.Analyzers.Benchmarks
{
    public static class Program
    {
        private const string Usage =
            "usage: report [--short] [--enforce] [--iterations N] [--lines N] [--seed N] [--rules YA1001,YA3002] [--probes] [--corpus DIR [--only repo,repo] [--by-repository]]\n"
            + "       conversion [--short] [--enforce]\n"
            + "       bdn [BenchmarkDotNet arguments, e.g. --filter * or --job dry --filter *]";

        public static async Task<int> Main(string[] args)
        {
            switch (args.FirstOrDefault())
            {
                case "report":
                    var settings = ReportSettings.Parse(args.Skip(1).ToList());
                    if (settings is null)
                    {
                        Console.Error.WriteLine(Usage);
                        return ExitCodes.Usage;
                    }

                    return await CostReport.RunAsync(settings).ConfigureAwait(false);
                case "conversion":
                    return await ConversionReport.RunAsync(quick: args.Contains("--short"), enforce: args.Contains("--enforce")).ConfigureAwait(false);
                case "bdn":
                    var bdnArgs = args.Skip(1).ToArray();
                    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(bdnArgs, CreateConfig(bdnArgs));
                    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
                default:
                    Console.Error.WriteLine(Usage);
                    return ExitCodes.Usage;
            }
        }

        /// <summary>
        /// One operation takes seconds, so by default measure each one once per iteration, a few times, rather than
        /// letting the pilot stage plan minutes of iterations; a job given on the command line replaces this one.
        /// </summary>
        private static IConfig CreateConfig(string[] args)
        {
            var config = DefaultConfig.Instance;
            if (args.Any(a => a is "--job" or "-j" or "--runtimes" or "-r"))
            {
                return config;
            }

            return config.AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .AsDefault());
        }
    }
}
