using System;
using System.Collections.Generic;
using System.Text;

namespace YieldAwait.Analyzers.Corpus
{
    /// <summary>
    /// Generates a compiling corpus of realistic application code: records, repositories, LINQ reports,
    /// async services, clean iterators and async streams, and a seeded share of the mistakes the package
    /// reports, each in its own namespace so modules never collide. The same seed gives the same corpus.
    /// </summary>
    public static partial class CorpusGenerator
    {
        private static readonly string[] Entities =
        {
            "Order", "Invoice", "Customer", "Shipment", "LogEntry", "Metric", "Ticket", "Payment",
            "Product", "Account", "Session", "Report", "Device", "Alert", "Booking", "Document",
        };

        private static readonly Func<string, int, string>[] Modules =
        {
            RecordsAndRepository,
            LinqReports,
            AsyncService,
            CleanIterators,
            BlockingIteratorWithAsyncCaller,
            AsyncStreams,
            LookAlikes,
            PipelineWithErrors,
            ExtensionsAndGenerics,
            SleepingPoller,
            DeferredExecution,
            InfiniteFeed,
            InfiniteAsyncTicker,
            BufferedPages,
        };

        /// <summary>
        /// The later rules' modules (YA1004, YA1006, YA4001, YA4002, YA5001, YA5002). Each file gets one, in turn, drawn
        /// without touching the seeded sequence, so the modules above are picked as they were before these existed.
        /// </summary>
        private static readonly Func<string, int, string>[] LaterModules =
        {
            TaskFeed,
            LazyLookups,
            UncancellableTail,
            UnpassedToken,
            ListBuilders,
            MaterialisedChecks,
        };

        /// <summary>One file in this many gets <see cref="ResourceEscapes"/> (YA3002, and YA3003's bare queries and throwing projections).</summary>
        private const int ResourceEscapesEvery = 3;

        /// <summary>Files totalling at least <paramref name="minimumLines"/> lines.</summary>
        public static IReadOnlyList<SourceFile> Generate(int seed, int minimumLines)
        {
            var random = new Random(seed);
            var files = new List<SourceFile>();
            var lines = 0;
            for (var module = 0; lines < minimumLines; module++)
            {
                var entity = Entities[random.Next(Entities.Length)];
                var text = new StringBuilder(FileHeader(module))
                    .Append(RecordsAndRepository(entity, module));
                var extra = 1 + random.Next(3);
                for (var i = 0; i < extra; i++)
                {
                    text.Append(Modules[1 + random.Next(Modules.Length - 1)](entity, module * 10 + i));
                }

                text.Append(LaterModules[module % LaterModules.Length](entity, module * 10 + 5));

                // Appended without drawing from the seeded sequence, so the picks above stay as they were.
                if (module % ResourceEscapesEvery == 1)
                {
                    text.Append(ResourceEscapes(entity, module * 10 + 7));
                }

                text.Append(Plants[module % Plants.Length](entity, module * 10 + 8));

                text.AppendLine("}");
                var content = text.ToString();
                lines += CountLines(content);
                files.Add(new SourceFile($"/corpus/Module{module}.cs", content));
            }

            return files;
        }

        /// <summary>The usings and the opening of the file's own namespace.</summary>
        private static string FileHeader(int module) => new StringBuilder()
            .AppendLine("using System;")
            .AppendLine("using System.Collections.Generic;")
            .AppendLine("using System.IO;")
            .AppendLine("using System.Linq;")
            .AppendLine("using System.Runtime.CompilerServices;")
            .AppendLine("using System.Threading;")
            .AppendLine("using System.Threading.Tasks;")
            .AppendLine()
            .AppendLine($"namespace Corpus.Module{module}")
            .AppendLine("{")
            .ToString();

        public static int CountLines(string text)
        {
            var count = 1;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    count++;
                }
            }

            return count;
        }

        private static string RecordsAndRepository(string e, int n) => $$"""
                public sealed record {{e}}(int Id, string Name, bool IsActive, decimal Amount, DateTime CreatedAt);

                public interface I{{e}}Store
                {
                    Task<{{e}}> LoadAsync(int id, CancellationToken cancellationToken = default);
                    Task SaveAsync({{e}} item, CancellationToken cancellationToken = default);
                }

                public sealed class {{e}}Repository : I{{e}}Store
                {
                    private readonly Dictionary<int, {{e}}> _items = new Dictionary<int, {{e}}>();

                    public async Task<{{e}}> LoadAsync(int id, CancellationToken cancellationToken = default)
                    {
                        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                        return _items.TryGetValue(id, out var item) ? item : new {{e}}(id, "unknown", false, 0m, DateTime.UnixEpoch);
                    }

                    public Task SaveAsync({{e}} item, CancellationToken cancellationToken = default)
                    {
                        _items[item.Id] = item;
                        return Task.CompletedTask;
                    }

                    public IEnumerable<{{e}}> Active() => _items.Values.Where(x => x.IsActive).OrderBy(x => x.Name);

                    public IReadOnlyList<{{e}}> Snapshot() => _items.Values.ToList();
                }

            """;

        private static string LinqReports(string e, int n) => $$"""
                public static class {{e}}Report{{n}}
                {
                    public static IReadOnlyDictionary<bool, decimal> TotalsByState(IEnumerable<{{e}}> items) =>
                        items.GroupBy(x => x.IsActive).ToDictionary(g => g.Key, g => g.Sum(x => x.Amount));

                    public static string Describe(IEnumerable<{{e}}> items)
                    {
                        var top = items.OrderByDescending(x => x.Amount).Take(5).Select(x => $"{x.Name}={x.Amount:0.00}");
                        return string.Join(", ", top);
                    }

                    public static IEnumerable<(string Name, int Count)> NamesByFrequency(IEnumerable<{{e}}> items) =>
                        from item in items
                        group item by item.Name into g
                        orderby g.Count() descending
                        select (g.Key, g.Count());

                    public static decimal Average(IReadOnlyCollection<{{e}}> items) =>
                        items.Count == 0 ? 0m : items.Average(x => x.Amount);
                }

            """;

        private static string AsyncService(string e, int n) => $$"""
                public sealed class {{e}}Service{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}Service{{n}}(I{{e}}Store store) => _store = store;

                    public async Task<decimal> TotalAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
                    {
                        var total = 0m;
                        foreach (var id in ids)
                        {
                            var item = await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
                            total += item.Amount;
                        }

                        return total;
                    }

                    public async Task<IReadOnlyList<{{e}}>> LoadManyAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
                    {
                        var tasks = ids.Select(id => _store.LoadAsync(id, cancellationToken));
                        var loaded = await Task.WhenAll(tasks).ConfigureAwait(false);
                        return loaded.Where(x => x.IsActive).ToList();
                    }

                    public async Task RenameAsync(int id, string name, CancellationToken cancellationToken)
                    {
                        var item = await _store.LoadAsync(id, cancellationToken);
                        await _store.SaveAsync(item with { Name = name }, cancellationToken);
                    }
                }

            """;

        private static string CleanIterators(string e, int n) => $$"""
                public static class {{e}}Sequences{{n}}
                {
                    public static IEnumerable<{{e}}> Recent(IEnumerable<{{e}}> items, DateTime since)
                    {
                        foreach (var item in items)
                        {
                            if (item.CreatedAt >= since)
                            {
                                yield return item;
                            }
                        }
                    }

                    public static IEnumerable<IReadOnlyList<T>> Batches<T>(IEnumerable<T> source, int size)
                    {
                        var batch = new List<T>(size);
                        foreach (var item in source)
                        {
                            batch.Add(item);
                            if (batch.Count == size)
                            {
                                yield return batch;
                                batch = new List<T>(size);
                            }
                        }

                        if (batch.Count > 0)
                        {
                            yield return batch;
                        }
                    }

                    public static IEnumerable<long> Ids()
                    {
                        long next = 1;
                        while (true)
                        {
                            yield return next++;
                        }
                    }

                    public static IReadOnlyList<long> FirstIds(int count) => Ids().Take(count).ToList();
                }

            """;

        private static string BlockingIteratorWithAsyncCaller(string e, int n) => $$"""
                public sealed class {{e}}PageReader{{n}}
                {
                    private readonly Func<int, Task<string>> _fetch;

                    public {{e}}PageReader{{n}}(Func<int, Task<string>> fetch) => _fetch = fetch;

                    public IEnumerable<string> ReadPages(int count)
                    {
                        for (var page = 0; page < count; page++)
                        {
                            var body = _fetch(page).Result;
                            if (body.Length == 0)
                            {
                                yield break;
                            }

                            yield return body;
                        }
                    }

                    public async Task<int> CountCharactersAsync(int count)
                    {
                        var total = 0;
                        foreach (var body in ReadPages(count))
                        {
                            total += body.Length;
                        }

                        await Task.Yield();
                        return total;
                    }
                }

            """;

        private static string AsyncStreams(string e, int n) => $$"""
                public sealed class {{e}}Stream{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}Stream{{n}}(I{{e}}Store store) => _store = store;

                    public async IAsyncEnumerable<{{e}}> LoadAll(IEnumerable<int> ids, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        foreach (var id in ids)
                        {
                            yield return await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    public async IAsyncEnumerable<{{e}}> LoadSlowly(IEnumerable<int> ids, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        foreach (var id in ids)
                        {
                            Thread.Sleep(10);
                            yield return await _store.LoadAsync(id, cancellationToken);
                        }
                    }

                    public async Task<decimal> SumAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
                    {
                        var sum = 0m;
                        await foreach (var item in LoadAll(ids, cancellationToken))
                        {
                            sum += item.Amount;
                        }

                        return sum;
                    }
                }

            """;

        private static string LookAlikes(string e, int n) => $$"""
                public static class {{e}}LookAlikes{{n}}
                {
                    public static IEnumerable<Func<int>> Deferred(Task<int> pending)
                    {
                        yield return () => pending.Result;
                    }

                    public static IEnumerable<int> Completed()
                    {
                        yield return Task.FromResult(42).Result;
                    }

                    public static IEnumerable<int> Guarded(Task<int> pending)
                    {
                        if (pending.IsCompletedSuccessfully)
                        {
                            yield return pending.Result;
                        }
                    }

                    public static int NotAnIterator(Task<int> pending) => pending.Result;

                    public static string Name(Task<int> pending) => nameof(pending.Result);
                }

            """;

        private static string PipelineWithErrors(string e, int n) => $$"""
                public sealed class {{e}}Import{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}Import{{n}}(I{{e}}Store store) => _store = store;

                    public async Task<int> ImportAsync(TextReader reader, CancellationToken cancellationToken)
                    {
                        var imported = 0;
                        string line;
                        while ((line = await reader.ReadLineAsync()) != null)
                        {
                            try
                            {
                                var parts = line.Split(';');
                                var item = new {{e}}(int.Parse(parts[0]), parts[1], parts.Length > 2, parts.Length > 3 ? decimal.Parse(parts[3]) : 0m, DateTime.UtcNow);
                                await _store.SaveAsync(item, cancellationToken);
                                imported++;
                            }
                            catch (FormatException)
                            {
                                continue;
                            }
                        }

                        return imported;
                    }

                    // Consumes the blocking generator below in a coroutine, which is where YA1002 reports it.
                    public async Task<int> ImportNamesAsync(TextReader reader, CancellationToken cancellationToken)
                    {
                        var imported = 0;
                        foreach (var name in Lines(reader))
                        {
                            await _store.SaveAsync(new {{e}}(imported, name, true, 0m, DateTime.UtcNow), cancellationToken);
                            imported++;
                        }

                        return imported;
                    }

                    public static IEnumerable<string> Lines(TextReader reader)
                    {
                        string line;
                        while ((line = reader.ReadLine()) != null)
                        {
                            if (!string.IsNullOrWhiteSpace(line))
                            {
                                yield return line.Trim();
                            }
                        }
                    }
                }

            """;

        private static string ExtensionsAndGenerics(string e, int n) => $$"""
                public static class {{e}}Extensions{{n}}
                {
                    public static IEnumerable<TResult> SelectNotNull<T, TResult>(this IEnumerable<T> source, Func<T, TResult> selector)
                        where TResult : class
                    {
                        foreach (var item in source)
                        {
                            var result = selector(item);
                            if (result != null)
                            {
                                yield return result;
                            }
                        }
                    }

                    public static string Classify(this {{e}} item) => item switch
                    {
                        { IsActive: false } => "inactive",
                        { Amount: > 1000m } => "large",
                        { Amount: > 100m } => "medium",
                        _ => "small",
                    };

                    public static async Task<T[]> WhenAllSucceeded<T>(this IEnumerable<Task<T>> tasks)
                    {
                        var all = tasks.ToArray();
                        await Task.WhenAll(all);
                        return all.Select(t => t.Result).ToArray();
                    }
                }

            """;

        private static string SleepingPoller(string e, int n) => $$"""
                public sealed class {{e}}Poller{{n}}
                {
                    private readonly Func<Task<bool>> _probe;

                    public {{e}}Poller{{n}}(Func<Task<bool>> probe) => _probe = probe;

                    public IEnumerable<bool> Poll(int attempts)
                    {
                        for (var i = 0; i < attempts; i++)
                        {
                            var task = _probe();
                            task.Wait();
                            yield return task.Result;
                            Thread.Sleep(50);
                        }
                    }

                    public int CountUp(int attempts)
                    {
                        var up = 0;
                        foreach (var ok in Poll(attempts))
                        {
                            if (ok)
                            {
                                up++;
                            }
                        }

                        return up;
                    }
                }

            """;

        /// <summary>YA3001 (sync and async iterators), YA3003 and YA3006, with their look-alikes beside them.</summary>
        private static string DeferredExecution(string e, int n) => $$"""
                public static class {{e}}Deferred{{n}}
                {
                    public static IEnumerable<{{e}}> Page(IEnumerable<{{e}}> items, int page, int size)
                    {
                        ArgumentNullException.ThrowIfNull(items);
                        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size));

                        foreach (var item in items.Skip(page * size).Take(size))
                        {
                            yield return item;
                        }
                    }

                    public static async IAsyncEnumerable<{{e}}> LoadAsync(I{{e}}Store store, IEnumerable<int> ids, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        ArgumentNullException.ThrowIfNull(store);
                        foreach (var id in ids)
                        {
                            yield return await store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    public static IEnumerable<decimal> Amounts(string[] cells)
                    {
                        try
                        {
                            return cells.Select(decimal.Parse);
                        }
                        catch (FormatException)
                        {
                            return Array.Empty<decimal>();
                        }
                    }

                    public static IEnumerable<string> Export(IEnumerable<{{e}}> items, TextWriter writer)
                    {
                        foreach (var item in items)
                        {
                            writer.WriteLine(item.Name);
                            yield return item.Name;
                        }
                    }

                    public static void Flush(IEnumerable<{{e}}> items, TextWriter writer)
                    {
                        Export(items, writer);
                    }
                }

                public static class {{e}}DeferredLookAlikes{{n}}
                {
                    public static IEnumerable<{{e}}> Checked(IEnumerable<{{e}}> items)
                    {
                        ArgumentNullException.ThrowIfNull(items);
                        return Iterate(items);

                        static IEnumerable<{{e}}> Iterate(IEnumerable<{{e}}> items)
                        {
                            foreach (var item in items)
                            {
                                yield return item;
                            }
                        }
                    }

                    public static IEnumerable<{{e}}> PerItem(IEnumerable<{{e}}> items)
                    {
                        foreach (var item in items)
                        {
                            if (item is null) throw new ArgumentException("A null item.", nameof(items));
                            yield return item;
                        }
                    }

                    public static IEnumerable<decimal> Amounts(string[] cells)
                    {
                        try
                        {
                            return cells.Select(decimal.Parse).ToList();
                        }
                        catch (FormatException)
                        {
                            return Array.Empty<decimal>();
                        }
                    }

                    public static IEnumerable<string> Names(List<{{e}}> items)
                    {
                        try
                        {
                            return items.Where(i => i.IsActive).Select(i => i.Name);
                        }
                        catch (Exception)
                        {
                            return Array.Empty<string>();
                        }
                    }

                    public static int Written(IEnumerable<{{e}}> items, TextWriter writer) => {{e}}Deferred{{n}}.Export(items, writer).Count();
                }

            """;

        /// <summary>An infinite generator used well (bounded, cancellable) and badly (YA2001 fixable and not, YA2002, YA2003).</summary>
        private static string InfiniteFeed(string e, int n) => $$"""
                public static class {{e}}Feed{{n}}
                {
                    public static IEnumerable<long> Sequence()
                    {
                        long next = 1;
                        while (true)
                        {
                            yield return next++;
                        }
                    }

                    public static IEnumerable<long> Evens() => Sequence().Where(id => id % 2 == 0);

                    public static IEnumerable<long> Window(int size) => Evens().ToList().Take(size);

                    public static long FirstAbove(long limit)
                    {
                        var ids = Sequence().Select(id => id * 3).ToArray();
                        foreach (var id in ids)
                        {
                            if (id > limit)
                            {
                                return id;
                            }
                        }

                        return -1;
                    }

                    public static long Tenth() => Evens().ToList()[9];

                    public static int Total() => Sequence().Count();

                    public static bool Issued(long id) => Sequence().Contains(id);

                    public static void Pump(Action<long> sink)
                    {
                        foreach (var id in Evens())
                        {
                            sink(id);
                        }
                    }
                }

                public static class {{e}}InfiniteLookAlikes{{n}}
                {
                    public static IEnumerable<int> Countdown(int from)
                    {
                        while (true)
                        {
                            if (from < 0)
                            {
                                yield break;
                            }

                            yield return from--;
                        }
                    }

                    public static IEnumerable<int> WhileRunning(Func<bool> running)
                    {
                        var i = 0;
                        while (running())
                        {
                            yield return i++;
                        }
                    }

                    public static List<long> FirstTen() => {{e}}Feed{{n}}.Sequence().Take(10).ToList();

                    public static long SmallSum() => {{e}}Feed{{n}}.Evens().TakeWhile(x => x < 100).Sum();

                    public static long First() => {{e}}Feed{{n}}.Sequence().First();

                    public static List<int> Bounded() => Countdown(5).ToList();

                    public static List<int> Running() => WhileRunning(() => false).ToList();

                    public static int Drain(CancellationToken token)
                    {
                        var count = 0;
                        foreach (var id in {{e}}Feed{{n}}.Sequence())
                        {
                            token.ThrowIfCancellationRequested();
                            count++;
                        }

                        return count;
                    }
                }

            """;

        /// <summary>An infinite async stream: cancellable consumers are fine, counting it is YA2001.</summary>
        private static string InfiniteAsyncTicker(string e, int n) => $$"""
                public sealed class {{e}}Ticker{{n}}
                {
                    public async IAsyncEnumerable<DateTime> Ticks([EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        while (true)
                        {
                            await Task.Delay(1000, cancellationToken);
                            yield return DateTime.UtcNow;
                        }
                    }

                    public async Task<int> CountAsync() => await Ticks().CountAsync();

                    public async Task RunAsync(Action<DateTime> onTick, CancellationToken cancellationToken)
                    {
                        await foreach (var tick in Ticks(cancellationToken))
                        {
                            onTick(tick);
                        }
                    }

                    public async Task<DateTime> NextAsync(CancellationToken cancellationToken) =>
                        await Ticks(cancellationToken).FirstAsync(cancellationToken);
                }

            """;

        /// <summary>YA4003: an internal method that awaits each item into a list its only caller just loops over; the look-alike's caller counts it.</summary>
        private static string BufferedPages(string e, int n) => $$"""
                internal sealed class {{e}}PageReader{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}PageReader{{n}}(I{{e}}Store store) => _store = store;

                    internal async Task<List<{{e}}>> LoadEachAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
                    {
                        var items = new List<{{e}}>(ids.Count);
                        foreach (var id in ids)
                        {
                            items.Add(await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false));
                        }

                        return items;
                    }

                    internal async Task<decimal> SumAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
                    {
                        var sum = 0m;
                        foreach (var item in await LoadEachAsync(ids, cancellationToken).ConfigureAwait(false))
                        {
                            sum += item.Amount;
                        }

                        return sum;
                    }
                }

                internal sealed class {{e}}PageLookAlikes{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}PageLookAlikes{{n}}(I{{e}}Store store) => _store = store;

                    internal async Task<List<{{e}}>> LoadEachAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
                    {
                        var items = new List<{{e}}>(ids.Count);
                        foreach (var id in ids)
                        {
                            items.Add(await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false));
                        }

                        return items;
                    }

                    internal async Task<int> CountActiveAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
                    {
                        var items = await LoadEachAsync(ids, cancellationToken).ConfigureAwait(false);
                        return items.Count(x => x.IsActive);
                    }
                }

            """;
        /// <summary>YA1004: tasks yielded one by one and awaited in turn by every consumer; the look-alike's consumer awaits them together.</summary>
        private static string TaskFeed(string e, int n) => $$"""
                public sealed class {{e}}TaskFeed{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}TaskFeed{{n}}(I{{e}}Store store) => _store = store;

                    public IEnumerable<Task<{{e}}>> Pending(IReadOnlyList<int> ids)
                    {
                        foreach (var id in ids)
                        {
                            yield return _store.LoadAsync(id);
                        }
                    }

                    public async Task<decimal> ActiveTotalAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
                    {
                        var total = 0m;
                        foreach (var pending in Pending(ids))
                        {
                            var item = await pending.ConfigureAwait(false);
                            if (item.IsActive)
                            {
                                total += item.Amount;
                            }
                        }

                        return total;
                    }

                    public async Task<int> CountLargeAsync(IReadOnlyList<int> ids)
                    {
                        var count = 0;
                        foreach (var pending in Pending(ids))
                        {
                            var amount = (await pending).Amount;
                            if (amount > 100m)
                            {
                                count++;
                            }
                        }

                        return count;
                    }
                }

                public sealed class {{e}}TaskFeedLookAlikes{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}TaskFeedLookAlikes{{n}}(I{{e}}Store store) => _store = store;

                    public IEnumerable<Task<{{e}}>> Pending(IReadOnlyList<int> ids)
                    {
                        foreach (var id in ids)
                        {
                            yield return _store.LoadAsync(id);
                        }
                    }

                    public async Task<decimal> ActiveTotalAsync(IReadOnlyList<int> ids)
                    {
                        var loaded = await Task.WhenAll(Pending(ids)).ConfigureAwait(false);
                        return loaded.Where(x => x.IsActive).Sum(x => x.Amount);
                    }
                }

            """;

        /// <summary>YA1006: a store read blocked on inside Select, consumed by an async loop (fixable) and by string.Join (not).</summary>
        private static string LazyLookups(string e, int n) => $$"""
                public sealed class {{e}}Lookup{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}Lookup{{n}}(I{{e}}Store store) => _store = store;

                    public async Task<int> ArchiveActiveAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
                    {
                        var archived = 0;
                        foreach (var item in ids.Where(id => id > 0).Select(id => _store.LoadAsync(id, cancellationToken).Result))
                        {
                            if (item.IsActive)
                            {
                                await _store.SaveAsync(item with { IsActive = false }, cancellationToken).ConfigureAwait(false);
                                archived++;
                            }
                        }

                        return archived;
                    }

                    public async Task<int> CountLargeAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
                    {
                        await Task.Yield();
                        return ids.Where(id => _store.LoadAsync(id, cancellationToken).Result.Amount > 100m).Count();
                    }

                    public string Names(IEnumerable<int> ids) =>
                        string.Join(", ", ids.Select(id => _store.LoadAsync(id).GetAwaiter().GetResult().Name));
                }

                public sealed class {{e}}LookupLookAlikes{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}LookupLookAlikes{{n}}(I{{e}}Store store) => _store = store;

                    public async Task<int> ArchiveActiveAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
                    {
                        var archived = 0;
                        foreach (var id in ids.Where(id => id > 0))
                        {
                            var item = await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
                            if (item.IsActive)
                            {
                                await _store.SaveAsync(item with { IsActive = false }, cancellationToken).ConfigureAwait(false);
                                archived++;
                            }
                        }

                        return archived;
                    }

                    public async Task<string> NamesAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
                    {
                        var loaded = await Task.WhenAll(ids.Select(id => _store.LoadAsync(id, cancellationToken))).ConfigureAwait(false);
                        return string.Join(", ", loaded.Select(x => x.Name));
                    }

                    public IEnumerable<Func<Task<{{e}}>>> Loaders(IEnumerable<int> ids) => ids.Select(id => (Func<Task<{{e}}>>)(() => _store.LoadAsync(id)));
                }

            """;

        /// <summary>YA4001: an async iterator that polls with no way to cancel it; the look-alike takes an [EnumeratorCancellation] token.</summary>
        private static string UncancellableTail(string e, int n) => $$"""
                public sealed class {{e}}Tail{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}Tail{{n}}(I{{e}}Store store) => _store = store;

                    public async IAsyncEnumerable<{{e}}> Follow(IReadOnlyList<int> ids, int pollMs = 5)
                    {
                        foreach (var id in ids)
                        {
                            await Task.Delay(pollMs).ConfigureAwait(false);
                            yield return await _store.LoadAsync(id).ConfigureAwait(false);
                        }
                    }

                    public async Task<int> CountActiveAsync(IReadOnlyList<int> ids)
                    {
                        var count = 0;
                        await foreach (var item in Follow(ids))
                        {
                            if (item.IsActive)
                            {
                                count++;
                            }
                        }

                        return count;
                    }

                    public async IAsyncEnumerable<{{e}}> FollowActive(IReadOnlyList<int> ids)
                    {
                        await foreach (var item in Follow(ids).ConfigureAwait(false))
                        {
                            if (item.IsActive)
                            {
                                yield return item;
                            }
                        }
                    }
                }

                public sealed class {{e}}TailLookAlikes{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}TailLookAlikes{{n}}(I{{e}}Store store) => _store = store;

                    public async IAsyncEnumerable<{{e}}> Follow(IReadOnlyList<int> ids, int pollMs = 5, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        foreach (var id in ids)
                        {
                            await Task.Delay(pollMs, cancellationToken).ConfigureAwait(false);
                            yield return await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    public IAsyncEnumerable<{{e}}> FollowAll(IReadOnlyList<int> ids, CancellationToken cancellationToken) => Follow(ids, 5, cancellationToken);
                }

            """;

        /// <summary>YA4002: a cancellable stream looped over without the caller's token; the look-alikes pass it, or say they will not.</summary>
        private static string UnpassedToken(string e, int n) => $$"""
                public sealed class {{e}}Export{{n}}
                {
                    private readonly I{{e}}Store _store;

                    public {{e}}Export{{n}}(I{{e}}Store store) => _store = store;

                    public async IAsyncEnumerable<{{e}}> Read(IEnumerable<int> ids, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        foreach (var id in ids)
                        {
                            yield return await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    public async Task<int> WriteAsync(IEnumerable<int> ids, TextWriter writer, CancellationToken cancellationToken)
                    {
                        var written = 0;
                        await foreach (var item in Read(ids).ConfigureAwait(false))
                        {
                            await writer.WriteLineAsync(item.Name).ConfigureAwait(false);
                            written++;
                        }

                        return written;
                    }
                }

                public sealed class {{e}}ExportLookAlikes{{n}}
                {
                    private readonly {{e}}Export{{n}} _export;

                    public {{e}}ExportLookAlikes{{n}}({{e}}Export{{n}} export) => _export = export;

                    public async Task<int> WriteAsync(IEnumerable<int> ids, TextWriter writer, CancellationToken cancellationToken)
                    {
                        var written = 0;
                        await foreach (var item in _export.Read(ids, cancellationToken).ConfigureAwait(false))
                        {
                            await writer.WriteLineAsync(item.Name).ConfigureAwait(false);
                            written++;
                        }

                        return written;
                    }

                    public async Task<decimal> SumAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
                    {
                        var sum = 0m;
                        await foreach (var item in _export.Read(ids).WithCancellation(cancellationToken))
                        {
                            sum += item.Amount;
                        }

                        return sum;
                    }

                    public async Task<int> DrainAsync(IEnumerable<int> ids, CancellationToken shutdownToken)
                    {
                        // Runs to the end during shutdown on purpose.
                        var drained = 0;
                        await foreach (var item in _export.Read(ids, CancellationToken.None))
                        {
                            drained++;
                        }

                        return drained;
                    }

                    public async Task<int> CountAsync(IEnumerable<int> ids)
                    {
                        var count = 0;
                        await foreach (var item in _export.Read(ids))
                        {
                            count++;
                        }

                        return count;
                    }
                }

            """;

        /// <summary>YA5001: lists filled in a loop only to be returned as sequences; the look-alikes promise a list or do more with it.</summary>
        private static string ListBuilders(string e, int n) => $$"""
                public static class {{e}}Labels{{n}}
                {
                    public static IEnumerable<string> Labels(IEnumerable<{{e}}> items, string prefix)
                    {
                        ArgumentNullException.ThrowIfNull(items);

                        var labels = new List<string>();
                        foreach (var item in items)
                        {
                            if (item.IsActive)
                            {
                                labels.Add(prefix + item.Name);
                            }
                        }

                        return labels;
                    }

                    public static IEnumerable<int> Ids(int count)
                    {
                        var ids = new List<int>(count);
                        for (var i = 1; i <= count; i++)
                        {
                            ids.Add(i);
                        }

                        return ids;
                    }

                    public static int Width(IEnumerable<{{e}}> items)
                    {
                        var width = 0;
                        foreach (var label in Labels(items, "#"))
                        {
                            width = Math.Max(width, label.Length);
                        }

                        return width + Ids(3).Sum();
                    }
                }

                public static class {{e}}LabelsLookAlikes{{n}}
                {
                    public static IReadOnlyList<string> Labels(IEnumerable<{{e}}> items, string prefix)
                    {
                        var labels = new List<string>();
                        foreach (var item in items)
                        {
                            if (item.IsActive)
                            {
                                labels.Add(prefix + item.Name);
                            }
                        }

                        return labels;
                    }

                    public static IEnumerable<string> Sorted(IEnumerable<{{e}}> items)
                    {
                        var names = new List<string>();
                        foreach (var item in items)
                        {
                            names.Add(item.Name);
                        }

                        names.Sort(StringComparer.Ordinal);
                        return names;
                    }

                    public static IEnumerable<string> Written(IEnumerable<{{e}}> items, TextWriter writer)
                    {
                        var names = new List<string>();
                        foreach (var item in items)
                        {
                            writer.WriteLine(item.Name);
                            names.Add(item.Name);
                        }

                        return names;
                    }
                }

            """;

        /// <summary>YA5002: copies read once, at once; the look-alikes' copies are snapshots of a list the loop changes, or read twice.</summary>
        private static string MaterialisedChecks(string e, int n) => $$"""
                public sealed class {{e}}Checks{{n}}
                {
                    public bool AnyLarge(IEnumerable<{{e}}> items) => items.Where(x => x.Amount > 1000m).ToList().Any();

                    public int ActiveCount(IEnumerable<{{e}}> items) => items.Where(x => x.IsActive).ToList().Count;

                    public string FirstName(IEnumerable<{{e}}> items) => items.Select(x => x.Name).ToArray().First();

                    public int LargeCount(IEnumerable<{{e}}> items) => items.ToList().Count(x => x.Amount > 100m); // the copy is not needed

                    public void Print(IEnumerable<{{e}}> items, TextWriter writer)
                    {
                        foreach (var item in items.OrderBy(x => x.CreatedAt).ToArray())
                        {
                            writer.WriteLine($"{item.CreatedAt:u} {item.Name}");
                        }
                    }
                }

                public sealed class {{e}}ChecksLookAlikes{{n}}
                {
                    private readonly List<{{e}}> _pending = new List<{{e}}>();

                    public int Flush(Func<{{e}}, bool> send)
                    {
                        var sent = 0;
                        foreach (var item in _pending.ToList())
                        {
                            if (send(item))
                            {
                                _pending.Remove(item);
                                sent++;
                            }
                        }

                        return sent;
                    }

                    public decimal Average(IEnumerable<{{e}}> items)
                    {
                        var active = items.Where(x => x.IsActive).ToList();
                        return active.Count == 0 ? 0m : active.Sum(x => x.Amount) / active.Count;
                    }

                    public bool AnyLarge(IEnumerable<{{e}}> items) => items.Any(x => x.Amount > 1000m);
                }

            """;

        /// <summary>
        /// YA3002 (a lazy branch, an async stream, a stored query over a disposed resource) and YA3003 (a bare query, a
        /// projection calling a method that throws what the catch catches), each with look-alikes that stay silent.
        /// </summary>
        private static string ResourceEscapes(string e, int n) => $$"""
                public sealed class {{e}}Cursor{{n}} : IDisposable
                {
                    private readonly Queue<string> _lines = new Queue<string>(new[] { "1", "2", "3" });

                    public static {{e}}Cursor{{n}} Open(string path) => new {{e}}Cursor{{n}}();

                    public IEnumerable<string> Rows()
                    {
                        while (_lines.Count > 0)
                        {
                            yield return _lines.Dequeue();
                        }
                    }

                    public IAsyncEnumerable<string> RowsAsync(CancellationToken cancellationToken = default) => Pump(Rows(), cancellationToken);

                    private static async IAsyncEnumerable<string> Pump(IEnumerable<string> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        foreach (var row in rows)
                        {
                            await Task.Yield();
                            cancellationToken.ThrowIfCancellationRequested();
                            yield return row;
                        }
                    }

                    public void Dispose() => _lines.Clear();
                }

                public sealed class {{e}}Context{{n}}
                {
                    public {{e}}Context{{n}}(IEnumerable<{{e}}> items) => Items = items.ToList().AsQueryable().Where(x => x.Id >= 0);

                    public IQueryable<{{e}}> Items { get; }
                }

                public sealed class {{e}}Queries{{n}}
                {
                    private readonly List<IEnumerable<string>> _pending = new List<IEnumerable<string>>();
                    private readonly Dictionary<string, int> _codes = new Dictionary<string, int>();

                    public IEnumerable<string> Query(string path, bool buffered)
                    {
                        using var cursor = {{e}}Cursor{{n}}.Open(path);
                        var rows = cursor.Rows();
                        return buffered ? rows.ToList() : rows;
                    }

                    public IAsyncEnumerable<string> Tail(string path, CancellationToken cancellationToken)
                    {
                        using var cursor = {{e}}Cursor{{n}}.Open(path);
                        return cursor.RowsAsync(cancellationToken);
                    }

                    public void Plan(string path)
                    {
                        using var cursor = {{e}}Cursor{{n}}.Open(path);
                        _pending.Add(cursor.Rows().Where(r => r.Length > 0));
                    }

                    public IQueryable<{{e}}> All({{e}}Context{{n}} db)
                    {
                        try
                        {
                            return db.Items;
                        }
                        catch (InvalidOperationException)
                        {
                            return Enumerable.Empty<{{e}}>().AsQueryable();
                        }
                    }

                    public async Task<IEnumerable<int>> CodesAsync(string path)
                    {
                        try
                        {
                            var lines = await File.ReadAllLinesAsync(path).ConfigureAwait(false);
                            return lines.Select(Code);
                        }
                        catch (KeyNotFoundException)
                        {
                            return Array.Empty<int>();
                        }
                    }

                    private int Code(string line) => _codes.TryGetValue(line, out var code) ? code : throw new KeyNotFoundException(line);
                }

                public sealed class {{e}}QueriesLookAlikes{{n}}
                {
                    private readonly List<IEnumerable<string>> _pending = new List<IEnumerable<string>>();

                    public IEnumerable<string> Query(string path, bool buffered)
                    {
                        using var cursor = {{e}}Cursor{{n}}.Open(path);
                        var rows = cursor.Rows();
                        return buffered ? rows.ToList() : rows.ToArray();
                    }

                    public IEnumerable<string> Borrowed({{e}}Cursor{{n}} cursor, bool buffered) => buffered ? cursor.Rows().ToList() : cursor.Rows();

                    public async Task<int> CountAsync(string path, CancellationToken cancellationToken)
                    {
                        var count = 0;
                        using var cursor = {{e}}Cursor{{n}}.Open(path);
                        await foreach (var row in cursor.RowsAsync(cancellationToken).ConfigureAwait(false))
                        {
                            count += row.Length;
                        }

                        return count;
                    }

                    public void Plan(string path)
                    {
                        using var cursor = {{e}}Cursor{{n}}.Open(path);
                        _pending.Add(cursor.Rows().Where(r => r.Length > 0).ToList());
                    }

                    public List<{{e}}> All({{e}}Context{{n}} db)
                    {
                        try
                        {
                            return db.Items.ToList();
                        }
                        catch (InvalidOperationException)
                        {
                            return new List<{{e}}>();
                        }
                    }

                    public async Task<IEnumerable<{{e}}>> NamesAsync(string path)
                    {
                        try
                        {
                            var lines = await File.ReadAllLinesAsync(path).ConfigureAwait(false);
                            return lines.Select((line, i) => new {{e}}(i, line, true, 0m, DateTime.UnixEpoch));
                        }
                        catch (Exception)
                        {
                            return Array.Empty<{{e}}>();
                        }
                    }
                }

            """;
    }
}
