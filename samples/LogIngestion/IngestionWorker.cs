using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LogIngestion
{
    /// <summary>What one run did.</summary>
    internal sealed record IngestionSummary(int Files, int Replayed, int Read, int AlreadyIngested, int Filtered, int Batches, int Accepted, int Retries);

    /// <summary>One pass: discover files, skip what the API already has, filter by level, batch, post.</summary>
    internal sealed class IngestionWorker
    {
        private readonly LogFileReader _reader;
        private readonly IngestionClient _client;
        private readonly LevelFilter _filter;
        private readonly DeadLetterQueue _deadLetters;
        private readonly int _batchSize;

        public IngestionWorker(LogFileReader reader, IngestionClient client, LevelFilter filter, DeadLetterQueue deadLetters, int batchSize)
        {
            _reader = reader;
            _client = client;
            _filter = filter;
            _deadLetters = deadLetters;
            _batchSize = batchSize;
        }

        public async Task<IngestionSummary> RunAsync(CancellationToken cancellationToken)
        {
            var files = new List<string>();
            foreach (var path in _reader.DiscoverFiles())
            {
                files.Add(path);
            }

            var sources = new List<string>(files.Count);
            foreach (var path in files)
            {
                sources.Add(Path.GetFileName(path));
            }

            var alreadyIngested = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var cursor in _client.GetCursors(sources))
            {
                alreadyIngested[cursor.Source] = cursor.LinesIngested;
            }

            var allowed = new HashSet<string>(_filter.AllowedLevels(), StringComparer.OrdinalIgnoreCase);

            var batches = new List<LogBatch>();
            var replayed = 0;
            await foreach (var batch in _deadLetters.ReplayAsync(cancellationToken).ConfigureAwait(false))
            {
                batches.Add(batch);
                replayed++;
            }

            int read = 0, skipped = 0, filtered = 0;
            var pending = new List<LogEntry>(_batchSize);
            foreach (var entry in _reader.ReadAll(files))
            {
                read++;
                if (entry.LineNumber <= alreadyIngested.GetValueOrDefault(entry.Source))
                {
                    skipped++;
                    continue;
                }

                if (!allowed.Contains(entry.Level))
                {
                    filtered++;
                    continue;
                }

                pending.Add(entry);
                if (pending.Count == _batchSize)
                {
                    batches.Add(new LogBatch(NewBatchId(), pending.ToArray()));
                    pending.Clear();
                }
            }

            if (pending.Count > 0)
            {
                batches.Add(new LogBatch(NewBatchId(), pending.ToArray()));
            }

            int posted = 0, accepted = 0, retries = 0;
            await foreach (var receipt in _client.PostAllAsync(batches, cancellationToken).ConfigureAwait(false))
            {
                posted++;
                accepted += receipt.Accepted;
                retries += receipt.Attempts - 1;
                Console.WriteLine($"  batch {receipt.BatchId}: {receipt.Accepted} entries accepted after {receipt.Attempts} attempt(s)");
            }

            return new IngestionSummary(files.Count, replayed, read, skipped, filtered, posted, accepted, retries);
        }

        /// <summary>Lists the batches waiting in the dead-letter queue (an admin command; not called by the default run).</summary>
        public async Task ListDeadLettersAsync(TextWriter output, CancellationToken cancellationToken)
        {
            // YA1003: ToBlockingEnumerable() inside an async method; the fix makes the loop 'await foreach'.
            foreach (var id in _deadLetters.PendingAsync(cancellationToken).ToBlockingEnumerable())
            {
                await output.WriteLineAsync(id.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Prints each dead-lettered batch with its size on disk (an admin command; not called by the default run).</summary>
        public async Task DescribeDeadLettersAsync(TextWriter output, CancellationToken cancellationToken)
        {
            // YA1006: the Select lambda blocks on a file read, once per file, while the loop enumerates the query;
            // the fix makes the pipeline an async stream (.NET 10's AsyncEnumerable) and the loop 'await foreach'.
            foreach (var line in _deadLetters.PendingFiles()
                .Where(path => path.EndsWith(".json", StringComparison.Ordinal))
                .Select(path => $"{Path.GetFileNameWithoutExtension(path)}: {File.ReadAllTextAsync(path, cancellationToken).Result.Length} characters"))
            {
                await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }

        private static string NewBatchId() => Guid.NewGuid().ToString("N").Substring(0, 12);
    }
}
