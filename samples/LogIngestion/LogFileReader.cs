using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace LogIngestion
{
    /// <summary>
    /// Finds the log files a shipper drops into a folder and reads them entry by entry. Written as
    /// generators so a large file is never held in memory, but the waits inside them block: every
    /// <c>MoveNext</c> holds a thread until the disk (or the clock) answers.
    /// </summary>
    internal sealed class LogFileReader
    {
        private readonly string _directory;
        private readonly int _pollAttempts;
        private readonly TimeSpan _pollInterval;

        public LogFileReader(string directory, int pollAttempts, TimeSpan pollInterval)
        {
            _directory = directory;
            _pollAttempts = pollAttempts;
            _pollInterval = pollInterval;
        }

        /// <summary>The <c>*.log</c> files in the folder, waiting a little for the shipper when it is still empty.</summary>
        public IEnumerable<string> DiscoverFiles()
        {
            for (var attempt = 1; attempt <= _pollAttempts; attempt++)
            {
                var files = Directory.Exists(_directory) ? Directory.GetFiles(_directory, "*.log") : Array.Empty<string>();
                if (files.Length > 0)
                {
                    Array.Sort(files, StringComparer.Ordinal);
                    foreach (var file in files)
                    {
                        yield return file;
                    }

                    yield break;
                }

                // YA1001: Thread.Sleep inside a sync iterator.
                Thread.Sleep(_pollInterval);
            }
        }

        /// <summary>Every entry of every file, in order. Blocks only through <see cref="ReadEntries"/>,
        /// so converting that one to an async stream has to convert this caller as well.</summary>
        public IEnumerable<LogEntry> ReadAll(IEnumerable<string> paths)
        {
            foreach (var path in paths)
            {
                foreach (var entry in ReadEntries(path))
                {
                    yield return entry;
                }
            }
        }

        /// <summary>The parsable entries of one file; lines that are not log entries are skipped.</summary>
        public IEnumerable<LogEntry> ReadEntries(string path)
        {
            using var reader = new StreamReader(path);
            var source = Path.GetFileName(path);
            var lineNumber = 0L;
            string? line;

            // YA1001: .Result on the reader's task inside a sync iterator.
            while ((line = reader.ReadLineAsync().Result) is not null)
            {
                lineNumber++;
                if (LogEntry.TryParse(source, lineNumber, line, out var entry))
                {
                    yield return entry;
                }
            }
        }
    }
}
