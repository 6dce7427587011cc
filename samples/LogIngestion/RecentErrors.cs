using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LogIngestion
{
    /// <summary>
    /// The last few error entries seen, for a status page. Written to by the worker and read by whoever
    /// renders the page, so every access goes through one gate.
    /// </summary>
    internal sealed class RecentErrors
    {
        private readonly object _gate = new();
        private readonly Queue<LogEntry> _entries = new();
        private readonly int _capacity;

        public RecentErrors(int capacity) => _capacity = capacity;

        public void Add(LogEntry entry)
        {
            lock (_gate)
            {
                _entries.Enqueue(entry);
                while (_entries.Count > _capacity)
                {
                    _entries.Dequeue();
                }
            }
        }

        /// <summary>The entries from one source, oldest first.</summary>
        public IEnumerable<LogEntry> From(string source)
        {
            foreach (var entry in Entries())
            {
                if (entry.Source == source)
                {
                    yield return entry;
                }
            }
        }

        /// <summary>A short report for the status page.</summary>
        public string Report(string source)
        {
            var entries = From(source);
            var report = new StringBuilder();
            report.Append(source).Append(": ").Append(entries.Count()).AppendLine(" recent error(s)");

            // YA3005: the generator runs a second time (and takes the gate again) for the details.
            foreach (var entry in entries)
            {
                report.Append("  ").Append(entry.Timestamp.ToString("u")).Append(' ').AppendLine(entry.Message);
            }

            return report.ToString();
        }

        /// <summary>The entries, oldest first.</summary>
        public IEnumerable<LogEntry> Entries()
        {
            lock (_gate)
            {
                foreach (var entry in _entries)
                {
                    // YA3004: the gate stays held while the status page renders each entry.
                    yield return entry;
                }
            }
        }
    }
}
