using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LogIngestion
{
    /// <summary>Batches the API refused, one JSON file each, replayed at the start of the next run.</summary>
    internal sealed class DeadLetterQueue
    {
        private readonly string _directory;

        public DeadLetterQueue(string directory) => _directory = directory;

        public async Task AddAsync(LogBatch batch, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(_directory);
            await using var file = File.Create(Path.Combine(_directory, batch.Id + ".json"));
            await JsonSerializer.SerializeAsync(file, batch, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The IDs of the batches waiting for the next run, without reading or removing them.</summary>
        public async IAsyncEnumerable<string> PendingAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (!Directory.Exists(_directory))
            {
                yield break;
            }

            foreach (var path in Directory.EnumerateFiles(_directory, "*.json"))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Path.GetFileNameWithoutExtension(path);
                await Task.Yield();
            }
        }

        /// <summary>How many batches wait for the next run, for a synchronous status line. Not called by the default run.</summary>
        public int CountPending()
        {
            // YA1003: ToBlockingEnumerable() blocks on the async stream (no fix in a sync method).
            return PendingAsync().ToBlockingEnumerable().Count();
        }

        public async IAsyncEnumerable<LogBatch> ReplayAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (!Directory.Exists(_directory))
            {
                yield break;
            }

            foreach (var path in Directory.GetFiles(_directory, "*.json"))
            {
                // YA1005: .GetAwaiter().GetResult() inside an async iterator.
                var json = File.ReadAllTextAsync(path, cancellationToken).GetAwaiter().GetResult();
                var batch = JsonSerializer.Deserialize<LogBatch>(json);
                File.Delete(path);
                if (batch is not null)
                {
                    yield return batch;
                }

                await Task.Yield();
            }
        }
    }
}
