using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace LogIngestion
{
    /// <summary>
    /// Reads the compressed logs (<c>*.log.gz</c>) the shipper archives after a day. Used by the support tool to
    /// look for errors in old days; the ingestion run itself does not call it.
    /// </summary>
    internal static class ArchivedErrorLog
    {
        /// <summary>The error lines of one archived log.</summary>
        public static IEnumerable<string> ErrorLines(string path)
        {
            using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var reader = new StreamReader(stream);

            // YA3002: the reader is disposed when this method returns, before anyone enumerates the lines.
            return Lines(reader).Where(line => line.Contains(" ERROR "));
        }

        private static IEnumerable<string> Lines(TextReader reader)
        {
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                yield return line;
            }
        }
    }
}
