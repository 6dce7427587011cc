using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LogIngestion
{
    /// <summary>
    /// Follows a log file while the shipper is still appending to it, for the <c>--follow</c> admin command
    /// (not called by the default run). It stops once the file has stayed idle for a number of polls.
    /// </summary>
    internal sealed class LogTail
    {
        private readonly TimeSpan _pollInterval;
        private readonly int _maxIdlePolls;

        public LogTail(TimeSpan pollInterval, int maxIdlePolls)
        {
            _pollInterval = pollInterval;
            _maxIdlePolls = maxIdlePolls;
        }

        // YA4001: no [EnumeratorCancellation] token, so a consumer's WithCancellation(token) never reaches
        // the ReadLineAsync and Task.Delay below; Ctrl+C waits until the file has been idle long enough.
        public async IAsyncEnumerable<LogEntry> FollowAsync(string path)
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var source = Path.GetFileName(path);
            var lineNumber = 0L;
            var idlePolls = 0;
            while (idlePolls < _maxIdlePolls)
            {
                var line = await reader.ReadLineAsync().ConfigureAwait(false);
                if (line is null)
                {
                    idlePolls++;
                    await Task.Delay(_pollInterval).ConfigureAwait(false);
                    continue;
                }

                idlePolls = 0;
                lineNumber++;
                if (LogEntry.TryParse(source, lineNumber, line, out var entry))
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>Prints the errors of a followed log file as they arrive (the <c>--follow</c> admin command; not called by the default run).</summary>
    internal static class ErrorWatch
    {
        public static async Task<int> PrintErrorsAsync(LogTail tail, string path, TextWriter output, CancellationToken cancellationToken)
        {
            var errors = 0;

            // YA4002: cancellationToken stops the writes below, but not the wait inside FollowAsync; pass it with WithCancellation.
            await foreach (var entry in tail.FollowAsync(path).ConfigureAwait(false))
            {
                if (entry.Level == "ERROR")
                {
                    errors++;
                    await output.WriteLineAsync($"{entry.Timestamp:u} {entry.Message}".AsMemory(), cancellationToken).ConfigureAwait(false);
                }
            }

            return errors;
        }
    }
}
