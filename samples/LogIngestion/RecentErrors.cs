using System.Collections.Generic;

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
