using System;
using System.Collections.Generic;

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
    }
}
