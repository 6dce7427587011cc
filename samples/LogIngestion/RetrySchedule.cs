using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace LogIngestion
{
    /// <summary>
    /// The delays between attempts to reach the ingestion API: 50 ms, doubling, capped at 30 s. The schedule is an
    /// infinite generator on purpose, because the caller decides how many attempts it makes.
    /// </summary>
    /// <remarks>
    /// The members below trip the YA2xxx rules on purpose (see the <c>// YA2001</c>, <c>// YA2002</c> and
    /// <c>// YA2003</c> comments). The run never calls them, so the sample's output does not change.
    /// <see cref="Delays"/> itself is fine: a generator may be infinite.
    /// </remarks>
    internal static class RetrySchedule
    {
        private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

        public static IEnumerable<TimeSpan> Delays()
        {
            var delay = TimeSpan.FromMilliseconds(50);
            while (true)
            {
                yield return delay;
                delay = delay * 2 < Cap ? delay * 2 : Cap;
            }
        }

        /// <summary>Look-alike, no YA2001: bounded by Take before it is materialised.</summary>
        public static TimeSpan[] FirstDelays(int attempts) => Delays().Take(attempts).ToArray();

        /// <summary>For the startup log line. YA2001: string.Join reads the whole schedule, which never ends.</summary>
        public static string Describe() => string.Join(", ", Delays().Select(d => $"{d.TotalMilliseconds:0} ms"));

        /// <summary>YA2001: the list is built before Take can bound it (the fix moves Take before ToList).</summary>
        public static IEnumerable<TimeSpan> Budget(int attempts) => Delays().ToList().Take(attempts);

        /// <summary>YA2003: First(p) returns only if some delay exceeds the budget; the cap means none may.</summary>
        public static TimeSpan FirstDelayOver(TimeSpan budget) => Delays().First(d => d > budget);

        /// <summary>
        /// Pings the API between delays, to keep an idle connection warm. YA2002: the loop over the schedule has no
        /// exit and no cancellation token, so nothing can stop it.
        /// </summary>
        public static async Task KeepAliveAsync(HttpClient http)
        {
            foreach (var delay in Delays())
            {
                await Task.Delay(delay).ConfigureAwait(false);
                using var response = await http.GetAsync("v1/ping").ConfigureAwait(false);
            }
        }
    }
}
