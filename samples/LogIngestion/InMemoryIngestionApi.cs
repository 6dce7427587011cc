using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LogIngestion
{
    /// <summary>
    /// A stand-in for the ingestion API, so the sample runs without a network: it already holds the
    /// first two lines of api-gateway.log, answers the first POST with 503 (to show the retry) and
    /// refuses batches larger than <see cref="MaxBatchEntries"/> with 413.
    /// </summary>
    internal sealed class InMemoryIngestionApi : HttpMessageHandler
    {
        public const int MaxBatchEntries = 100;

        private readonly Dictionary<string, long> _cursors = new(StringComparer.Ordinal) { ["api-gateway.log"] = 2 };
        private int _posts;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            var path = request.RequestUri!.AbsolutePath;

            if (request.Method == HttpMethod.Get && path.StartsWith("/v1/cursors/", StringComparison.Ordinal))
            {
                var source = Uri.UnescapeDataString(path.Substring("/v1/cursors/".Length));
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(_cursors.GetValueOrDefault(source).ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            }

            if (request.Method == HttpMethod.Post && path == "/v1/batches" && request.Content is not null)
            {
                if (Interlocked.Increment(ref _posts) == 1)
                {
                    return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
                }

                var batch = await request.Content.ReadFromJsonAsync<LogBatch>(cancellationToken).ConfigureAwait(false);
                if (batch is null || batch.Entries.Length > MaxBatchEntries)
                {
                    return new HttpResponseMessage(HttpStatusCode.RequestEntityTooLarge);
                }

                return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = JsonContent.Create(new { accepted = batch.Entries.Length }) };
            }

            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }
}
