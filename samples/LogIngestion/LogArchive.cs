using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LogIngestion
{
    /// <summary>
    /// The rotated logs a shipper compresses beside the live ones (<c>*.log.gz</c>), read line by line for a
    /// backfill. Not used by the default run. Written as generators over synchronous I/O: each <c>MoveNext</c>
    /// blocks on the disk where an async stream would await.
    /// </summary>
    internal sealed class LogArchive
    {
        private readonly string _directory;

        public LogArchive(string directory) => _directory = directory;

        /// <summary>The lines of every rotated file, oldest first.</summary>
        public IEnumerable<string> RotatedLines()
        {
            foreach (var path in Directory.GetFiles(_directory, "*.log.gz").OrderBy(p => p, StringComparer.Ordinal))
            {
                using var file = File.OpenRead(path);
                using var gzip = new GZipStream(file, CompressionMode.Decompress);
                using var reader = new StreamReader(gzip);
                string? line;

                // YA1002: ReadLine has an async counterpart, ReadLineAsync.
                while ((line = reader.ReadLine()) is not null)
                {
                    yield return line;
                }
            }
        }

        /// <summary>The file names the shipper lists in its manifest, one per line.</summary>
        public IEnumerable<string> Manifest()
        {
            var path = Path.Combine(_directory, "manifest.txt");
            if (!File.Exists(path))
            {
                yield break;
            }

            // YA1002: File.ReadAllLines has an async counterpart, File.ReadAllLinesAsync.
            foreach (var name in File.ReadAllLines(path))
            {
                yield return name.Trim();
            }
        }

        /// <summary>
        /// Ships the archived lines of the files in the manifest. This coroutine consumes both generators above, so their
        /// blocking reads hold a thread of the async caller: that is what YA1002 reports.
        /// </summary>
        public async Task<int> BackfillAsync(Func<string, CancellationToken, Task> ship, CancellationToken cancellationToken)
        {
            var wanted = new HashSet<string>(Manifest(), StringComparer.Ordinal);
            var shipped = 0;
            foreach (var line in RotatedLines())
            {
                if (wanted.Count == 0 || wanted.Contains(line))
                {
                    await ship(line, cancellationToken);
                    shipped++;
                }
            }

            return shipped;
        }
    }
}
