using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace YieldAwait.Analyzers.Corpus
{
    /// <summary>
    /// Plants for the rules and shapes the modules in <c>CorpusGenerator.cs</c> never reach: blocking through a helper
    /// (YA1001, YA1003, YA1005, YA1006), YA1004 with the producer's result stored first, YA1003's blocking enumeration,
    /// YA3004 and YA3005. One of them is appended to every file, in turn, without drawing from the seeded sequence, so
    /// the modules picked before these existed are picked as they were.
    /// </summary>
    public static partial class CorpusGenerator
    {
        private static readonly Func<string, int, string>[] Plants =
        {
            BlockingHelpers,
            StoredTasksAndBlockedStreams,
            LocksAndReplays,
        };

        /// <summary>How many modules <see cref="GenerateEveryModule"/> puts in one file.</summary>
        private const int ModulesPerFile = 4;

        /// <summary>
        /// The smallest corpus that holds every module once (the seeded picks, the later modules, the resource escapes and
        /// the plants), four to a file, so that a test applying every fix reaches every planted shape without the thousands
        /// of lines a seeded corpus needs to draw them all. The same call always gives the same files.
        /// </summary>
        public static IReadOnlyList<SourceFile> GenerateEveryModule()
        {
            var modules = new List<Func<string, int, string>>(Modules.Skip(1));
            modules.AddRange(LaterModules);
            modules.Add(ResourceEscapes);
            modules.AddRange(Plants);
            var files = new List<SourceFile>();
            for (var file = 0; file * ModulesPerFile < modules.Count; file++)
            {
                var entity = Entities[file % Entities.Length];
                var text = new StringBuilder(FileHeader(file)).Append(RecordsAndRepository(entity, file));
                for (var i = 0; i < ModulesPerFile && file * ModulesPerFile + i < modules.Count; i++)
                {
                    text.Append(modules[file * ModulesPerFile + i](entity, file * 10 + i));
                }

                text.AppendLine("}");
                files.Add(new SourceFile($"/corpus/Every{file}.cs", text.ToString()));
            }

            return files;
        }

        /// <summary>
        /// A helper that blocks on the task it is given, called from a sync iterator (YA1001), an async iterator (YA1005),
        /// a <c>Select</c> lambda (YA1006) and on <c>MoveNextAsync()</c> in a sync method (YA1003); the look-alikes call a
        /// helper that reads only completed tasks, or the blocking one on a task proven complete or outside any iterator.
        /// </summary>
        private static string BlockingHelpers(string e, int n) => $$"""
                public static class {{e}}Sync{{n}}
                {
                    public static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

                    public static T Block<T>(Task<T> task) => task.IsCompleted ? task.Result : task.GetAwaiter().GetResult();

                    public static T OrDefault<T>(Task<T> task) => task.IsCompletedSuccessfully ? task.Result : default;
                }

                public sealed class {{e}}HelperReader{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}HelperReader{{n}}(I{{e}}Store store) => _store = store;

                    public IEnumerable<{{e}}> Drain(IAsyncEnumerator<{{e}}> cursor)
                    {
                        while ({{e}}Sync{{n}}.Wait(cursor.MoveNextAsync()))
                        {
                            yield return cursor.Current;
                        }
                    }

                    public async IAsyncEnumerable<{{e}}> Stream(IReadOnlyList<int> ids, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        foreach (var id in ids)
                        {
                            await Task.Yield();
                            yield return {{e}}Sync{{n}}.Block(_store.LoadAsync(id, cancellationToken));
                        }
                    }

                    public async Task<decimal> TotalAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
                    {
                        var total = 0m;
                        foreach (var item in ids.Select(id => {{e}}Sync{{n}}.Block(_store.LoadAsync(id, cancellationToken))))
                        {
                            total += item.Amount;
                            await Task.Yield();
                        }

                        return total;
                    }

                    public bool Advance(IAsyncEnumerator<{{e}}> cursor) => {{e}}Sync{{n}}.Wait(cursor.MoveNextAsync());

                    public async Task<int> CountAsync(IAsyncEnumerator<{{e}}> cursor)
                    {
                        var count = 0;
                        foreach (var item in Drain(cursor))
                        {
                            count++;
                        }

                        await Task.Yield();
                        return count + (Advance(cursor) ? 1 : 0);
                    }
                }

                public sealed class {{e}}HelperLookAlikes{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}HelperLookAlikes{{n}}(I{{e}}Store store) => _store = store;

                    public IEnumerable<{{e}}> Ready(IEnumerable<Task<{{e}}>> pending)
                    {
                        foreach (var task in pending)
                        {
                            yield return {{e}}Sync{{n}}.OrDefault(task);
                        }
                    }

                    public IEnumerable<int> Constants(IEnumerable<int> ids)
                    {
                        foreach (var id in ids)
                        {
                            yield return {{e}}Sync{{n}}.Block(Task.FromResult(id));
                        }
                    }

                    public {{e}} LoadNow(int id) => {{e}}Sync{{n}}.Block(_store.LoadAsync(id));

                    public async Task<decimal> TotalAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
                    {
                        var total = 0m;
                        foreach (var id in ids)
                        {
                            total += (await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false)).Amount;
                        }

                        return total;
                    }
                }

            """;

        /// <summary>
        /// YA1004 where the consumer stores the producer's result in a local first, and YA1003 on an async stream enumerated
        /// with <c>ToBlockingEnumerable()</c> inside an async method; the look-alikes await the tasks together, enumerate the
        /// stream with <c>await foreach</c>, and call a <c>ToBlockingEnumerable()</c> of their own.
        /// </summary>
        private static string StoredTasksAndBlockedStreams(string e, int n) => $$"""
                public sealed class {{e}}Requests{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}Requests{{n}}(I{{e}}Store store) => _store = store;

                    public IEnumerable<Task<{{e}}>> Requests(IReadOnlyList<int> ids)
                    {
                        foreach (var id in ids)
                        {
                            yield return _store.LoadAsync(id);
                        }
                    }

                    public async Task<int> CountActiveAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
                    {
                        var count = 0;
                        var tasks = Requests(ids);
                        foreach (var task in tasks)
                        {
                            var item = await task.ConfigureAwait(false);
                            if (item.IsActive)
                            {
                                count++;
                            }
                        }

                        return count;
                    }

                    public static async IAsyncEnumerable<{{e}}> Feed(I{{e}}Store store, IReadOnlyList<int> ids, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        foreach (var id in ids)
                        {
                            yield return await store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    public async Task<decimal> LargeTotalAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
                    {
                        await Task.Yield();
                        var total = 0m;
                        foreach (var item in Feed(_store, ids, cancellationToken).ToBlockingEnumerable())
                        {
                            if (item.Amount > 100m)
                            {
                                total += item.Amount;
                            }
                        }

                        return total;
                    }
                }

                public sealed class {{e}}RequestsLookAlikes{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}RequestsLookAlikes{{n}}(I{{e}}Store store) => _store = store;

                    public IEnumerable<Task<{{e}}>> Requests(IReadOnlyList<int> ids)
                    {
                        foreach (var id in ids)
                        {
                            yield return _store.LoadAsync(id);
                        }
                    }

                    public async Task<int> CountActiveAsync(IReadOnlyList<int> ids)
                    {
                        var tasks = Requests(ids);
                        var loaded = await Task.WhenAll(tasks).ConfigureAwait(false);
                        return loaded.Count(x => x.IsActive);
                    }

                    public async Task<decimal> LargeTotalAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
                    {
                        var total = 0m;
                        await foreach (var item in {{e}}Requests{{n}}.Feed(_store, ids, cancellationToken).ConfigureAwait(false))
                        {
                            if (item.Amount > 100m)
                            {
                                total += item.Amount;
                            }
                        }

                        return total;
                    }

                    public int Rows(IReadOnlyList<int> ids) => new {{e}}Rows{{n}}(ids).ToBlockingEnumerable().Count();
                }

                public sealed class {{e}}Rows{{n}}
                {
                    private readonly IReadOnlyList<int> _ids;

                    public {{e}}Rows{{n}}(IReadOnlyList<int> ids) => _ids = ids;

                    public IEnumerable<int> ToBlockingEnumerable() => _ids;
                }

            """;

        /// <summary>
        /// YA3004 (a <c>yield return</c> inside <c>lock</c>) and YA3005 (an iterator's result enumerated twice); the look-alikes
        /// yield from a snapshot, leave the lock with <c>yield break</c>, materialise once, or enumerate in exclusive branches.
        /// </summary>
        private static string LocksAndReplays(string e, int n) => $$"""
                public sealed class {{e}}Registry{{n}}
                {
                    private readonly object _gate = new object();
                    private readonly List<{{e}}> _items = new List<{{e}}>();

                    public void Add({{e}} item)
                    {
                        lock (_gate)
                        {
                            _items.Add(item);
                        }
                    }

                    public IEnumerable<{{e}}> Live()
                    {
                        lock (_gate)
                        {
                            foreach (var item in _items)
                            {
                                yield return item;
                            }
                        }
                    }

                    public static IEnumerable<{{e}}> Valid(IEnumerable<{{e}}> items)
                    {
                        foreach (var item in items)
                        {
                            if (item.Amount >= 0m)
                            {
                                yield return item;
                            }
                        }
                    }

                    public static string Summary(IEnumerable<{{e}}> items)
                    {
                        var valid = Valid(items);
                        var count = valid.Count();
                        var names = new List<string>();
                        foreach (var item in valid)
                        {
                            names.Add(item.Name);
                        }

                        return count + ": " + string.Join(", ", names);
                    }
                }

                public sealed class {{e}}RegistryLookAlikes{{n}}
                {
                    private readonly object _gate = new object();
                    private readonly List<{{e}}> _items = new List<{{e}}>();

                    public IEnumerable<{{e}}> Live()
                    {
                        List<{{e}}> snapshot;
                        lock (_gate)
                        {
                            snapshot = new List<{{e}}>(_items);
                        }

                        foreach (var item in snapshot)
                        {
                            yield return item;
                        }
                    }

                    public IEnumerable<{{e}}> First()
                    {
                        {{e}} first;
                        lock (_gate)
                        {
                            if (_items.Count == 0)
                            {
                                yield break;
                            }

                            first = _items[0];
                        }

                        yield return first;
                    }

                    public static string Summary(IEnumerable<{{e}}> items)
                    {
                        var valid = {{e}}Registry{{n}}.Valid(items).ToList();
                        var names = new List<string>();
                        foreach (var item in valid)
                        {
                            names.Add(item.Name);
                        }

                        return valid.Count + ": " + string.Join(", ", names);
                    }

                    public static decimal Either(IEnumerable<{{e}}> items, bool count)
                    {
                        var valid = {{e}}Registry{{n}}.Valid(items);
                        return count ? valid.Count() : valid.Sum(x => x.Amount);
                    }
                }

            """;
    }
}
