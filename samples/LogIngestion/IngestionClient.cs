using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Threading;

namespace LogIngestion
{
    /// <summary>Talks to the ingestion API: <c>GET v1/cursors/{source}</c> and <c>POST v1/batches</c>.</summary>
    internal sealed class IngestionClient
    {
        private static readonly TimeSpan[] RetryDelays = { TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1) };

        private readonly HttpClient _http;
        private readonly DeadLetterQueue _deadLetters;

        public IngestionClient(HttpClient http, DeadLetterQueue deadLetters)
        {
            _http = http;
            _deadLetters = deadLetters;
        }

        /// <summary>How many lines of each source the API already holds, so a restart does not ship them twice.</summary>
        public IEnumerable<SourceCursor> GetCursors(IEnumerable<string> sources)
        {
            foreach (var source in sources)
            {
                // YA1001: .GetAwaiter().GetResult() on an HTTP call inside a sync iterator.
                var body = _http.GetStringAsync("v1/cursors/" + Uri.EscapeDataString(source)).GetAwaiter().GetResult();
                yield return new SourceCursor(source, long.Parse(body, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        /// <summary>
        /// Posts the batches one by one and yields the API's receipt for each. Retries while the API is
        /// unavailable; a batch it refuses goes to the dead-letter queue. Someone made this an async
        /// stream but left the old blocking calls in place.
        /// </summary>
        public async IAsyncEnumerable<IngestReceipt> PostAllAsync(
            IEnumerable<LogBatch> batches,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var batch in batches)
            {
                for (var attempt = 1; ; attempt++)
                {
                    // YA1005: .Result inside an async iterator.
                    using var response = _http.PostAsync("v1/batches", JsonContent.Create(batch), cancellationToken).Result;

                    if (response.IsSuccessStatusCode)
                    {
                        var accepted = await response.Content.ReadFromJsonAsync<AcceptedBody>(cancellationToken).ConfigureAwait(false);
                        yield return new IngestReceipt(batch.Id, accepted?.Accepted ?? 0, attempt);
                        break;
                    }

                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt <= RetryDelays.Length)
                    {
                        // YA1005: Thread.Sleep inside an async iterator.
                        Thread.Sleep(RetryDelays[attempt - 1]);
                        continue;
                    }

                    // YA1005: .Wait() inside an async iterator.
                    _deadLetters.AddAsync(batch, cancellationToken).Wait(cancellationToken);
                    break;
                }
            }
        }

        private sealed record AcceptedBody(int Accepted);
    }
}
