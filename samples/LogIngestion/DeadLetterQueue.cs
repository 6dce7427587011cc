using System;
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

        /// <summary>The dead-lettered batches waiting to be replayed, for a status line (not shown yet).</summary>
        public IEnumerable<string> PendingFiles()
        {
            try
            {
                // YA3003: EnumerateFiles lists lazily, so an access error while listing escapes this catch.
                return Directory.EnumerateFiles(_directory, "*.json");
            }
            catch (IOException)
            {
                return Array.Empty<string>();
            }
        }

        /// <summary>Deletes the dead letters older than <paramref name="age"/>, yielding each deleted path.</summary>
        public IEnumerable<string> PurgeOlderThan(TimeSpan age)
        {
            if (!Directory.Exists(_directory))
            {
                yield break;
            }

            foreach (var path in Directory.GetFiles(_directory, "*.json"))
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > age)
                {
                    File.Delete(path);
                    yield return path;
                }
            }
        }

        /// <summary>Housekeeping for a long-running host: drops dead letters nobody replayed within a week.</summary>
        public void Trim()
        {
            // YA3006: PurgeOlderThan is an iterator and its result is discarded, so nothing is ever deleted.
            PurgeOlderThan(TimeSpan.FromDays(7));
        }
    }
}
