using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LogIngestion
{
    /// <summary>An admin report of the dead-lettered batches and their sizes (not called by the default run).</summary>
    internal sealed class DeadLetterReport
    {
        private readonly DeadLetterQueue _queue;
        private readonly string _directory;

        public DeadLetterReport(DeadLetterQueue queue, string directory)
        {
            _queue = queue;
            _directory = directory;
        }

        // YA4003: every line is read and buffered before the report prints the first, and its only caller just loops over them.
        private async Task<List<string>> DescribePendingAsync(CancellationToken cancellationToken)
        {
            var lines = new List<string>();
            await foreach (var id in _queue.PendingAsync(cancellationToken).ConfigureAwait(false))
            {
                await using var file = File.OpenRead(Path.Combine(_directory, id + ".json"));
                var batch = await JsonSerializer.DeserializeAsync<LogBatch>(file, cancellationToken: cancellationToken).ConfigureAwait(false);
                lines.Add($"{id}: {batch?.Entries.Length ?? 0} entries");
            }

            return lines;
        }

        public async Task PrintAsync(TextWriter output, CancellationToken cancellationToken)
        {
            foreach (var line in await DescribePendingAsync(cancellationToken).ConfigureAwait(false))
            {
                await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
