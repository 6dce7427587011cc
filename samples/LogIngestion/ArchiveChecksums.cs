using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace LogIngestion
{
    /// <summary>A rotated archive and the SHA-256 of its bytes, as the shipper's manifest records it.</summary>
    internal sealed record ArchiveChecksum(string Path, string Sha256);

    /// <summary>
    /// Checks the rotated archives (<c>*.log.gz</c>) before a backfill, so a truncated upload is caught before its lines
    /// are ingested twice. An admin command; not called by the default run.
    /// </summary>
    internal sealed class ArchiveChecksums
    {
        private readonly string _directory;

        public ArchiveChecksums(string directory) => _directory = directory;

        /// <summary>One hashing task per archive, oldest first.</summary>
        // YA1004: an iterator of tasks that its only caller awaits one at a time; it is an async stream of checksums.
        public IEnumerable<Task<ArchiveChecksum>> Compute(CancellationToken cancellationToken)
        {
            foreach (var path in Directory.GetFiles(_directory, "*.log.gz").OrderBy(p => p, StringComparer.Ordinal))
            {
                yield return HashAsync(path, cancellationToken);
            }
        }

        /// <summary>Writes each archive that is missing from <paramref name="expected"/> or whose bytes changed; returns how many.</summary>
        public async Task<int> ReportMismatchesAsync(IReadOnlyDictionary<string, string> expected, TextWriter output, CancellationToken cancellationToken)
        {
            var mismatches = 0;
            foreach (var pending in Compute(cancellationToken))
            {
                var checksum = await pending.ConfigureAwait(false);
                var name = Path.GetFileName(checksum.Path);
                if (!expected.TryGetValue(name, out var sha) || !string.Equals(sha, checksum.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    mismatches++;
                    await output.WriteLineAsync($"{name}: {checksum.Sha256}".AsMemory(), cancellationToken).ConfigureAwait(false);
                }
            }

            return mismatches;
        }

        private static async Task<ArchiveChecksum> HashAsync(string path, CancellationToken cancellationToken)
        {
            await using var file = File.OpenRead(path);
            var hash = await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false);
            return new ArchiveChecksum(path, Convert.ToHexString(hash));
        }
    }
}
