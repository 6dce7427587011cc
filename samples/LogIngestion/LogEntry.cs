using System;
using System.Globalization;

namespace LogIngestion
{
    /// <summary>One parsed line of a log file: <c>2026-11-25T09:00:01Z INFO  message text</c>.</summary>
    internal sealed record LogEntry(string Source, long LineNumber, DateTimeOffset Timestamp, string Level, string Message)
    {
        public static bool TryParse(string source, long lineNumber, string line, out LogEntry entry)
        {
            entry = null!;
            var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3
                || !DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
            {
                return false;
            }

            entry = new LogEntry(source, lineNumber, timestamp, parts[1].ToUpperInvariant(), parts[2].Trim());
            return true;
        }
    }

    /// <summary>What is posted to the ingestion API in one request.</summary>
    internal sealed record LogBatch(string Id, LogEntry[] Entries);

    /// <summary>The API's answer to one accepted batch.</summary>
    internal sealed record IngestReceipt(string BatchId, int Accepted, int Attempts);

    /// <summary>How far the API has already ingested a source (a log file), in lines.</summary>
    internal sealed record SourceCursor(string Source, long LinesIngested);
}
