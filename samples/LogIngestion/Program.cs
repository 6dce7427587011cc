using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LogIngestion
{
    /// <summary>
    /// A log-ingestion worker: reads the log files in a folder and posts them in batches to an
    /// ingestion API. Usage: <c>LogIngestion [log-folder] [--endpoint https://host/] [--batch-size N]</c>.
    /// Without <c>--endpoint</c> it talks to an in-memory stand-in of the API, so it runs offline.
    /// </summary>
    /// <remarks>
    /// This sample trips YieldAwait.Analyzers on purpose (see the <c>// YAnnnn</c>
    /// comments; the counts are in samples/expected-diagnostics.txt). It still works, it just blocks threads.
    /// </remarks>
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            var directory = Path.Combine(AppContext.BaseDirectory, "logs");
            Uri? endpoint = null;
            var batchSize = 4;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--endpoint" when i + 1 < args.Length:
                        endpoint = new Uri(args[++i]);
                        break;
                    case "--batch-size" when i + 1 < args.Length:
                        batchSize = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    default:
                        directory = args[i];
                        break;
                }
            }

            using var cancellation = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancellation.Cancel();
            };

            using var http = endpoint is null
                ? new HttpClient(new InMemoryIngestionApi()) { BaseAddress = new Uri("https://ingest.invalid/") }
                : new HttpClient { BaseAddress = endpoint };

            var deadLetters = new DeadLetterQueue(Path.Combine(Path.GetTempPath(), "LogIngestion", "dead-letters"));
            var worker = new IngestionWorker(
                new LogFileReader(directory, pollAttempts: 3, pollInterval: TimeSpan.FromMilliseconds(200)),
                new IngestionClient(http, deadLetters),
                new LevelFilter(LevelFilter.LoadLevelsAsync(Environment.GetEnvironmentVariable("LOG_LEVELS_FILE"))),
                deadLetters,
                batchSize);

            Console.WriteLine($"Ingesting {directory} -> {http.BaseAddress}");
            var summary = await worker.RunAsync(cancellation.Token).ConfigureAwait(false);
            Console.WriteLine(
                $"{summary.Files} file(s), {summary.Replayed} dead-lettered batch(es) replayed, {summary.Read} entries read, {summary.AlreadyIngested} already ingested, "
                + $"{summary.Filtered} filtered out, {summary.Batches} batch(es) posted, {summary.Accepted} entries accepted, "
                + $"{summary.Retries} retry(ies).");
            return summary.Files == 0 ? 1 : 0;
        }
    }
}
