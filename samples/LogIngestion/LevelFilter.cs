using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace LogIngestion
{
    /// <summary>
    /// Which levels are shipped. The list can come from a file that loads in the background; until it
    /// has loaded, the defaults apply.
    /// </summary>
    /// <remarks>
    /// Both blocking-looking accesses below are look-alikes that must NOT be reported: the analyzer
    /// knows they cannot block. .ci/run fails if they start firing (the counts in
    /// samples/expected-diagnostics.txt would no longer match).
    /// </remarks>
    internal sealed class LevelFilter
    {
        private static readonly string[] DefaultLevels = { "INFO", "WARN", "ERROR", "FATAL" };

        private readonly Task<string[]> _configuredLevels;

        public LevelFilter(Task<string[]> configuredLevels) => _configuredLevels = configuredLevels;

        public static async Task<string[]> LoadLevelsAsync(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return DefaultLevels;
            }

            var lines = await File.ReadAllLinesAsync(path).ConfigureAwait(false);
            return lines.Select(line => line.Trim().ToUpperInvariant()).Where(line => line.Length > 0).ToArray();
        }

        public IEnumerable<string> AllowedLevels()
        {
            if (_configuredLevels.IsCompletedSuccessfully)
            {
                // Look-alike, no YA1001: the task's completion was checked just above, so .Result returns at once.
                foreach (var level in _configuredLevels.Result)
                {
                    yield return level;
                }

                yield break;
            }

            // Look-alike, no YA1001: Task.FromResult is complete when it is created, so .Result cannot block.
            foreach (var level in Task.FromResult(DefaultLevels).Result)
            {
                yield return level;
            }
        }
    }
}
