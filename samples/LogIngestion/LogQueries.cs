using System;
using System.Collections.Generic;
using System.Linq;

namespace LogIngestion
{
    /// <summary>
    /// Ad-hoc queries over parsed entries, for a planned <c>--tail</c> option of the worker (not wired into
    /// a run yet). Written as a generator so a large file is filtered as it is read.
    /// </summary>
    internal static class LogQueries
    {
        private static readonly string[] Levels = { "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL" };

        /// <summary>The first <paramref name="limit"/> entries at <paramref name="minimumLevel"/> or above.</summary>
        public static IEnumerable<LogEntry> AtLeast(IEnumerable<LogEntry> entries, string minimumLevel, int limit)
        {
            // YA3001 (twice): an iterator's checks run on the first MoveNext, not when AtLeast is called.
            ArgumentNullException.ThrowIfNull(entries);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

            var minimum = Array.IndexOf(Levels, minimumLevel.ToUpperInvariant());
            var count = 0;
            foreach (var entry in entries)
            {
                if (Array.IndexOf(Levels, entry.Level) >= minimum)
                {
                    yield return entry;
                    if (++count == limit)
                    {
                        yield break;
                    }
                }
            }
        }

        /// <summary>The messages of the error entries, for the summary line of the planned <c>--tail</c> option.</summary>
        public static IEnumerable<string> ErrorMessages(IEnumerable<LogEntry> entries)
        {
            // YA5001 (a light bulb by default): the list only collects what an iterator could yield as it finds it.
            var messages = new List<string>();
            foreach (var entry in entries)
            {
                if (entry.Level is "ERROR" or "FATAL")
                {
                    messages.Add(entry.Source + ": " + entry.Message);
                }
            }

            return messages;
        }

        /// <summary>Whether any entry is an error, for the exit code of the planned <c>--tail</c> option.</summary>
        public static bool HasErrors(IEnumerable<LogEntry> entries) =>
            // YA5002: the list is built only for Any to read it once; Any on the sequence stops at the first error.
            entries.Where(e => e.Level is "ERROR" or "FATAL").ToList().Any();

        /// <summary>Error counts per source, once the sources and the counts have both loaded.</summary>
        public static async System.Threading.Tasks.Task<IEnumerable<string>> ErrorCountsAsync(
            System.Threading.Tasks.Task<List<string>> sources, System.Threading.Tasks.Task<Dictionary<string, int>> counts)
        {
            // Not YA1006: both tasks complete before the query reads them. On .NET 9 and later this call binds to
            // Task.WhenAll(params ReadOnlySpan<Task>), so the proof must read a params collection as well as an array.
            await System.Threading.Tasks.Task.WhenAll(sources, counts).ConfigureAwait(false);
            return sources.Result.Select(source => $"{source}: {counts.Result.GetValueOrDefault(source)}");
        }
    }
}
