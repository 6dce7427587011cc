using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer, YieldAwait.CodeFixes.Rules.YA1006BlockingWaitInLazyQueryCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA1006BlockingWaitInLazyQueryTests
    {
        #region Analyzer: reports blocking forms in lambdas given to deferred operators

        [Fact]
        public Task Reports_ResultInsideSelect() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;

            class PageFetcher
            {
                private readonly HttpClient _http = new HttpClient();

                public IEnumerable<string> Bodies(IEnumerable<string> urls) =>
                    urls.Select(url => {|#0:_http.GetStringAsync(url).Result|});
            }
            """,
            Verify.Diagnostic("YA1006").WithLocation(0).WithArguments(".Result", "Select"));

        [Theory]
        [InlineData("ids.Where(id => {|YA1006:Exists(id).Result|})")]
        [InlineData("ids.Where(id => {|YA1006:Exists(id).GetAwaiter().GetResult()|})")]
        [InlineData("ids.Where(id => {|YA1006:Exists(id).ConfigureAwait(false).GetAwaiter().GetResult()|})")]
        [InlineData("ids.TakeWhile(id => {|YA1006:Exists(id).Result|})")]
        [InlineData("ids.SkipWhile(id => {|YA1006:Exists(id).Result|})")]
        [InlineData("ids.OrderBy(id => {|YA1006:Rank(id).Result|})")]
        [InlineData("ids.OrderBy(id => id).ThenByDescending(id => {|YA1006:Rank(id).Result|})")]
        [InlineData("ids.GroupBy(id => {|YA1006:Rank(id).Result|}).Select(g => g.Key)")]
        [InlineData("ids.SelectMany(id => {|YA1006:Children(id).Result|})")]
        [InlineData("ids.DistinctBy(id => {|YA1006:Rank(id).Result|})")]
        [InlineData("ids.Zip(ids, (a, b) => a + {|YA1006:Rank(b).Result|})")]
        [InlineData("ids.Select(id => { {|YA1006:Thread.Sleep(10)|}; return id; })")]
        [InlineData("ids.Select(id => { {|YA1006:Ping(id).Wait()|}; return id; })")]
        [InlineData("ids.Select(id => { {|YA1006:Task.WaitAll(Ping(id), Ping(id + 1))|}; return id; })")]
        [InlineData("ids.Select(id => {|YA1006:Task.WaitAny(Ping(id), Ping(id + 1))|})")]
        [InlineData("ids.Select(id => {|YA1006:Lookup(id).Result|})")]
        [InlineData("ids.Select(delegate (int id) { return {|YA1006:Rank(id).Result|}; })")]
        [InlineData("from id in ids where {|YA1006:Exists(id).Result|} select id")]
        public Task Reports_EachFormAndOperator(string query) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Catalog
            {
                static Task<bool> Exists(int id) => Task.Run(() => id > 0);
                static Task<int> Rank(int id) => Task.Run(() => -id);
                static Task<int[]> Children(int id) => Task.Run(() => new[] { id });
                static Task Ping(int id) => Task.Delay(id);
                static ValueTask<int> Lookup(int id) => new ValueTask<int>(Rank(id));

                object Query(IEnumerable<int> ids) => {{query}};
            }
            """);

        [Fact]
        public Task Reports_EachFormOnce_InALambdaWithTwo() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Prices
            {
                static Task<decimal> Net(string sku) => Task.FromResult(1m).ContinueWith(t => t.Result);
                static Task<decimal> Tax(string sku) => Task.Run(() => 0.2m);

                IEnumerable<decimal> Gross(IEnumerable<string> skus) =>
                    skus.Select(sku => {|YA1006:Net(sku).Result|} * (1 + {|YA1006:Tax(sku).Result|}));
            }
            """);

        [Fact]
        public Task Reports_QueryInsideIterator_OnlyOnce() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Batches
            {
                static Task<string> Load(int id) => Task.Run(() => id.ToString());

                IEnumerable<string> All(IEnumerable<int[]> batches)
                {
                    foreach (var batch in batches)
                    {
                        foreach (var item in batch.Select(id => {|YA1006:Load(id).Result|}))
                        {
                            yield return item;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_NestedLambda_GetsItsOwnVerdict() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Nested
            {
                static Task<int> Score(int x) => Task.Run(() => x);

                IEnumerable<int[]> Run(IEnumerable<int[]> groups) =>
                    groups.Select(g => g.Where(x => {|YA1006:Score(x).Result|} > 0).ToArray());
            }
            """);

        [Fact]
        public Task Reports_CapturedTaskWithoutGuard() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Rates
            {
                IEnumerable<decimal> Convert(IEnumerable<decimal> amounts, Task<decimal> rate) =>
                    amounts.Select(a => a * {|YA1006:rate.Result|});
            }
            """);

        [Fact]
        public Task Reports_WhenAllOfAnotherCollection() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Mixed
            {
                async Task<int[]> Run(List<Task<int>> first, List<Task<int>> second)
                {
                    await Task.WhenAll(first);
                    return second.Select(t => {|YA1006:t.Result|}).ToArray();
                }
            }
            """);

        [Fact]
        public Task Reports_SelectBeforeTheCompletedFilter_DoesNotCarryTheGuard() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Filtered
            {
                IEnumerable<int> Run(IEnumerable<Task<Task<int>>> tasks) =>
                    tasks.Where(t => t.IsCompleted).Select(t => {|YA1006:t.Result.Result|});
            }
            """);

        [Fact]
        public Task Reports_CallOfABlockingHelperInsideSelect_NamingIt() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
            }

            class PageFetcher
            {
                private readonly HttpClient _http = new HttpClient();

                public IEnumerable<string> Bodies(IEnumerable<string> urls) =>
                    urls.Select(url => {|#0:Sync.Wait(_http.GetStringAsync(url))|});
            }
            """,
            Verify.Diagnostic("YA1006").WithLocation(0).WithArguments("Sync.Wait", "Select"));

        [Fact]
        public Task NoDiagnostic_HelperOnTasksProvenComplete() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
            }

            class Downloads
            {
                static Task<string> Fetch(int id) => Task.Run(() => id.ToString());

                async Task<List<string>> All(IEnumerable<int> ids)
                {
                    var tasks = ids.Select(Fetch).ToList();
                    await Task.WhenAll(tasks);
                    return tasks.Select(t => Sync.Wait(t)).ToList();
                }

                IEnumerable<string> Finished(List<Task<string>> tasks) =>
                    tasks.Where(t => t.IsCompletedSuccessfully).Select(t => Sync.Wait(t));

                IEnumerable<int> Constant(IEnumerable<int> ids) => ids.Select(id => Sync.Wait(Task.FromResult(id)));
            }
            """);

        #endregion

        #region Analyzer: look-alikes stay silent

        [Fact]
        public Task NoDiagnostic_AfterAwaitWhenAll() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Downloads
            {
                static Task<string> Fetch(int id) => Task.Run(() => id.ToString());

                async Task<List<string>> All(IEnumerable<int> ids)
                {
                    var tasks = ids.Select(Fetch).ToList();
                    await Task.WhenAll(tasks);
                    return tasks.Select(t => t.Result).ToList();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AfterAwaitWhenAllConfigured_ThroughOrdering() => Verify.VerifyAnalyzerAsync("""
            using System.Linq;
            using System.Threading.Tasks;

            class Downloads
            {
                async Task<string[]> All(Task<string>[] tasks)
                {
                    await Task.WhenAll(tasks).ConfigureAwait(false);
                    return tasks.OrderBy(t => t.Id).Select(t => t.GetAwaiter().GetResult()).ToArray();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ElementsHoldTasksAwaitedTogether() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Jobs
            {
                static Task<int> Process(string item) => Task.Run(() => item.Length);

                async Task<Dictionary<string, int>> RunAll(IEnumerable<string> items)
                {
                    var jobs = items.Select(item => (Item: item, Task: Process(item))).ToList();
                    await Task.WhenAll(jobs.Select(j => j.Task));
                    return jobs.Select(j => (j.Item, j.Task.Result)).ToDictionary(p => p.Item, p => p.Result);
                }

                async Task<List<int>> ByKey(Dictionary<string, Task<int>> byId)
                {
                    var all = await Task.WhenAll(byId.Values);
                    return byId.Where(kv => kv.Key.Length > 0).Select(kv => kv.Value.Result).ToList();
                }

                async Task<int[]> Declared(List<Task<int>> tasks)
                {
                    int[] results = await Task.WhenAll(tasks);
                    return tasks.Select(t => t.Result).ToArray();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AfterWhenAllInsideTryCatch() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Uploads
            {
                async Task<List<string>> Outcomes(List<Task<string>> uploads)
                {
                    try
                    {
                        await Task.WhenAll(uploads);
                    }
                    catch (Exception)
                    {
                        // Each upload's own outcome is read below.
                    }

                    return uploads.Select(u => u.IsFaulted ? "failed" : u.Result).ToList();
                }

                async Task<int[]> Values(List<Task<int>> tasks)
                {
                    try
                    {
                        await Task.WhenAll(tasks);
                    }
                    catch (InvalidOperationException)
                    {
                    }

                    return tasks.Where(t => !t.IsFaulted).Select(t => t.GetAwaiter().GetResult()).ToArray();
                }
            }
            """);

        [Fact]
        public Task Reports_ElementTaskWhenAnotherCollectionWasAwaited() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Jobs
            {
                async Task<List<int>> Run(List<(string Item, Task<int> Task)> jobs, List<Task<int>> others)
                {
                    await Task.WhenAll(others);
                    return jobs.Select(j => {|YA1006:j.Task.Result|}).ToList();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AfterWaitAll() => Verify.VerifyAnalyzerAsync("""
            using System.Linq;
            using System.Threading.Tasks;

            class Legacy
            {
                int Sum(Task<int>[] tasks)
                {
                    Task.WaitAll(tasks);
                    return tasks.Select(t => t.Result).Sum();
                }

                int Sum2(Task<int>[] tasks)
                {
                    Task.WhenAll(tasks).GetAwaiter().GetResult();
                    return tasks.Select(t => t.Result).Sum();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InContinuationOfWhenAll() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Continuations
            {
                Task<List<int>> Collect(List<Task<int>> tasks) =>
                    Task.WhenAll(tasks).ContinueWith(_ => tasks.Select(t => t.Result).ToList());
            }
            """);

        [Theory]
        [InlineData("tasks.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result)")]
        [InlineData("tasks.Where(t => t.IsCompleted && t.Id > 0).Select(t => t.Result)")]
        [InlineData("tasks.Select(t => t.IsCompleted ? t.Result : -1)")]
        [InlineData("tasks.Where(t => t.IsCompletedSuccessfully && t.Result > 0)")]
        [InlineData("tasks.Where(t => t.Status == TaskStatus.RanToCompletion).Select(t => t.Result)")]
        [InlineData("tasks.Select(t => t.Status == TaskStatus.RanToCompletion ? t.Result : 0)")]
        public Task NoDiagnostic_CompletionCheckedInTheQuery(string query) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Finished
            {
                IEnumerable<object> Done(List<Task<int>> tasks) => (IEnumerable<object>){{query}};
            }
            """.Replace("(IEnumerable<object>)", "(IEnumerable<object>)(object)"));

        [Theory]
        [InlineData("ids.Select(id => Task.FromResult(id).Result)")]
        [InlineData("ids.Select(id => new ValueTask<int>(id).Result)")]
        [InlineData("ids.Where(id => { Task.CompletedTask.Wait(); return true; })")]
        [InlineData("ids.Select(async id => await Rank(id))")]
        [InlineData("ids.Select(id => Rank(id))")]
        [InlineData("ids.Select(Rank)")]
        [InlineData("ids.Select(id => Rank(id).GetAwaiter())")]
        public Task NoDiagnostic_NothingBlocks(string query) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Catalog
            {
                static Task<int> Rank(int id) => Task.Run(() => -id);

                object Query(IEnumerable<int> ids) => {{query}};
            }
            """);

        [Theory]
        [InlineData("ids.ToDictionary(id => id, id => Rank(id).Result)")]
        [InlineData("ids.ToLookup(id => Rank(id).Result)")]
        [InlineData("ids.First(id => Rank(id).Result > 0)")]
        [InlineData("ids.Any(id => Rank(id).Result > 0)")]
        [InlineData("ids.Count(id => Rank(id).Result > 0)")]
        [InlineData("ids.Sum(id => Rank(id).Result)")]
        [InlineData("ids.Aggregate(0, (sum, id) => sum + Rank(id).Result)")]
        [InlineData("ids.ToList().ConvertAll(id => Rank(id).Result)")]
        [InlineData("ids.AsParallel().Select(id => Rank(id).Result).ToList()")]
        [InlineData("ids.AsQueryable().Select(id => id * 2)")]
        [InlineData("Task.Run(() => Rank(1).Result)")]
        [InlineData("new Lazy<int>(() => Rank(1).Result)")]
        [InlineData("Parallel.ForEach(ids, id => Rank(id).Wait())")]
        [InlineData("ids.MySelect(id => Rank(id).Result)")]
        public Task NoDiagnostic_EagerOrNonLinqReceivers(string call) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            static class MyLinq
            {
                public static IEnumerable<R> MySelect<T, R>(this IEnumerable<T> source, Func<T, R> f) { foreach (var x in source) yield return f(x); }
            }

            class Catalog
            {
                static Task<int> Rank(int id) => Task.Run(() => -id);

                object Query(IEnumerable<int> ids) => {{call}};
            }
            """);

        [Fact]
        public Task NoDiagnostic_ForEachExtensionOnList() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Uploader
            {
                static Task Upload(string file) => Task.Delay(1);

                void All(List<string> files) => files.ForEach(f => Upload(f).Wait());
            }
            """);

        [Fact]
        public Task NoDiagnostic_BlockingInLocalFunctionCalledFromLambda() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Helpers
            {
                static Task<int> Rank(int id) => Task.Run(() => -id);

                IEnumerable<int> Ranks(IEnumerable<int> ids)
                {
                    return ids.Select(id => RankOf(id));

                    static int RankOf(int id) => Rank(id).Result;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_NestedLambdaGivenToTaskRun() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Offload
            {
                static Task<int> Rank(int id) => Task.Run(() => -id);

                IEnumerable<Task<int>> Ranks(IEnumerable<int> ids) => ids.Select(id => Task.Run(() => Rank(id).Result));
            }
            """);

        [Fact]
        public Task NoDiagnostic_CapturedTaskAwaitedBeforeTheQuery() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Rates
            {
                static Task<decimal> Rate() => Task.Run(() => 1.1m);

                async Task<List<decimal>> Convert(IEnumerable<decimal> amounts)
                {
                    var rate = Rate();
                    await rate;
                    return amounts.Select(a => a * rate.Result).ToList();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_BlockingInIteratorOutsideLambda_IsYA1001s() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Feed
            {
                static Task<string> Next() => Task.Run(() => "x");

                IEnumerable<string> Items()
                {
                    yield return Next().Result;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_QueryableOperators() => Verify.VerifyAnalyzerAsync("""
            using System.Linq;
            using System.Threading.Tasks;

            class Orders
            {
                static Task<int> Limit() => Task.Run(() => 5);

                IQueryable<int> Big(IQueryable<int> orders) => orders.Where(o => o > 3);
            }
            """);

        [Theory]
        [InlineData("ids.Select(id => Rank(id).")]
        [InlineData("ids.Select(id => Rank(id).Result")]
        [InlineData("ids.Select(id => Rank(.Result)")]
        [InlineData("ids.Where(x => x.Result).Select(")]
        [InlineData("from id in ids select Rank(id).Result")]
        [InlineData("ids.Select((id, ct) => Rank(id).Result)")]
        public Task NoCrash_HalfTypedQuery(string expression) => HalfTypedCode.AssertNoCrashAsync<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer>($$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Typing
            {
                static Task<int> Rank(int id) => Task.Run(() => -id);

                async Task Run(IEnumerable<int> ids)
                {
                    foreach (var x in {{expression}})
                    {
                    }
                }
            }
            """);

        #endregion

        #region Fix: make the query an async stream

        private static VerifyFix.Test FixTest(string source, string fixedSource, Microsoft.CodeAnalysis.Testing.ReferenceAssemblies references) => new()
        {
            ReferenceAssemblies = references,
            TestCode = source,
            FixedCode = fixedSource,
        };

        [Fact]
        public Task Fix_ForEachBecomesAwaitForEach_Net10() => FixTest("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Threading.Tasks;

            class Mirror
            {
                private readonly HttpClient _http = new HttpClient();

                public async Task Copy(IEnumerable<string> urls, List<string> sink)
                {
                    foreach (var body in urls.Where(u => u.Length > 0).Select(url => {|YA1006:_http.GetStringAsync(url).Result|}))
                    {
                        sink.Add(body);
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Threading.Tasks;

            class Mirror
            {
                private readonly HttpClient _http = new HttpClient();

                public async Task Copy(IEnumerable<string> urls, List<string> sink)
                {
                    await foreach (var body in urls.Where(u => u.Length > 0).ToAsyncEnumerable().Select(async (url, ct) => await _http.GetStringAsync(url, ct)))
                    {
                        sink.Add(body);
                    }
                }
            }
            """, TestReferences.Net10).RunAsync();

        [Fact]
        public Task Fix_TerminalOperatorIsAwaited_AndLaterOperatorsFollow_Net10() => FixTest("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Scores
            {
                static Task<int> Score(string name, CancellationToken cancellationToken = default) => Task.FromResult(name.Length).WaitAsync(cancellationToken);

                public async Task<int> Best(IEnumerable<string> names)
                {
                    var top = names
                        .Where(n => {|YA1006:Score(n).Result|} > 2)
                        .OrderBy(n => n)
                        .Take(3)
                        .ToList();
                    return top.Count;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Scores
            {
                static Task<int> Score(string name, CancellationToken cancellationToken = default) => Task.FromResult(name.Length).WaitAsync(cancellationToken);

                public async Task<int> Best(IEnumerable<string> names)
                {
                    var top = await names.ToAsyncEnumerable()
                        .Where(async (n, ct) => await Score(n, cancellationToken: ct) > 2)
                        .OrderBy(n => n)
                        .Take(3)
                        .ToListAsync();
                    return top.Count;
                }
            }
            """, TestReferences.Net10).RunAsync();

        [Fact]
        public Task Fix_OrderByKeyBecomesAwaitedKey_NotATask_Net10() => FixTest("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Ranking
            {
                static Task<int> Rank(string name) => Task.Run(() => name.Length);

                public async Task<string> First(IEnumerable<string> names) =>
                    names.OrderBy(n => {|YA1006:Rank(n).Result|}).First();
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Ranking
            {
                static Task<int> Rank(string name) => Task.Run(() => name.Length);

                public async Task<string> First(IEnumerable<string> names) =>
                    await names.ToAsyncEnumerable().OrderBy(async (n, ct) => await Rank(n)).FirstAsync();
            }
            """, TestReferences.Net10).RunAsync();

        [Fact]
        public Task Fix_SleepBecomesDelayWithTheLambdasToken_Net10() => FixTest("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Throttle
            {
                public async Task<int> Count(IEnumerable<int> ids) =>
                    ids.Select(id => { {|YA1006:Thread.Sleep(10)|}; return id; }).Count();
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Throttle
            {
                public async Task<int> Count(IEnumerable<int> ids) =>
                    await ids.ToAsyncEnumerable().Select(async (id, ct) => { await Task.Delay(10, ct); return id; }).CountAsync();
            }
            """, TestReferences.Net10).RunAsync();

        [Fact]
        public Task Fix_LinqAsync_UsesTheAwaitOperators() => FixTest("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Inventory
            {
                static Task<bool> InStock(string sku) => Task.Run(() => sku.Length > 2);
                static Task<decimal> Price(string sku) => Task.Run(() => 1m);

                public async Task<decimal[]> Prices(IEnumerable<string> skus) =>
                    skus.Where(s => {|YA1006:InStock(s).Result|}).Select(s => {|YA1006:Price(s).GetAwaiter().GetResult()|}).ToArray();
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Inventory
            {
                static Task<bool> InStock(string sku) => Task.Run(() => sku.Length > 2);
                static Task<decimal> Price(string sku) => Task.Run(() => 1m);

                public async Task<decimal[]> Prices(IEnumerable<string> skus) =>
                    await skus.ToAsyncEnumerable().WhereAwait(async s => await InStock(s)).SelectAwait(async s => await Price(s)).ToArrayAsync();
            }
            """, TestReferences.Net80WithLinqAsync).RunAsync();

        [Fact]
        public Task Fix_All_ConvertsEveryPipelineInTheDocument_Net10() => FixTest("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Reports
            {
                static Task<string> Load(int id) => Task.Run(() => id.ToString());

                public async Task Print(IEnumerable<int> ids, List<string> output)
                {
                    foreach (var line in ids.Select(id => {|YA1006:Load(id).Result|}))
                    {
                        output.Add(line);
                    }

                    var first = ids.Where(id => {|YA1006:Load(id).Result|}.Length > 1).Select(id => {|YA1006:Load(id).Result|}).FirstOrDefault();
                    output.Add(first ?? "");
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Reports
            {
                static Task<string> Load(int id) => Task.Run(() => id.ToString());

                public async Task Print(IEnumerable<int> ids, List<string> output)
                {
                    await foreach (var line in ids.ToAsyncEnumerable().Select(async (int id, CancellationToken ct) => await Load(id)))
                    {
                        output.Add(line);
                    }

                    var first = await ids.ToAsyncEnumerable().Where(async (int id, CancellationToken ct) => (await Load(id)).Length > 1).Select(async (int id, CancellationToken ct) => await Load(id)).FirstOrDefaultAsync();
                    output.Add(first ?? "");
                }
            }
            """, TestReferences.Net10).RunAsync();

        [Fact]
        public Task NoFix_InASyncMethod() => FixTest(SyncConsumer, SyncConsumer, TestReferences.Net10).RunAsync();

        private const string SyncConsumer = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Reports
            {
                static Task<string> Load(int id) => Task.Run(() => id.ToString());

                public List<string> All(IEnumerable<int> ids) => ids.Select(id => {|YA1006:Load(id).Result|}).ToList();
            }
            """;

        [Theory]
        [InlineData("return ids.Select(id => {|YA1006:Load(id).Result|});")]
        [InlineData("var q = ids.Select(id => {|YA1006:Load(id).Result|}); return q;")]
        [InlineData("_cache = ids.Select(id => {|YA1006:Load(id).Result|}); return _cache;")]
        [InlineData("return string.Join(\",\", ids.Select(id => {|YA1006:Load(id).Result|})).Split(',');")]
        [InlineData("return ids.Select(id => {|YA1006:Load(id).Result|}).AsParallel().ToArray();")]
        [InlineData("lock (_gate) { return ids.Select(id => {|YA1006:Load(id).Result|}).ToList(); }")]
        [InlineData("return (from id in ids select {|YA1006:Load(id).Result|}).ToList();")]
        [InlineData("return ids.Select(delegate (int id) { return {|YA1006:Load(id).Result|}; }).ToList();")]
        public Task NoFix_WhenTheQueryEscapesOrCannotAwait(string body)
        {
            var source = $$"""
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;

                class Reports
                {
                    private readonly object _gate = new object();
                    private IEnumerable<string> _cache;

                    static Task<string> Load(int id) => Task.Run(() => id.ToString());

                    public async Task<IEnumerable<string>> All(IEnumerable<int> ids)
                    {
                        await Task.Yield();
                        {{body}}
                    }
                }
                """;
            return FixTest(source, source, TestReferences.Net10).RunAsync();
        }

        [Fact]
        public Task NoFix_WithoutAsyncLinq_DiagnosticStays() => FixTest(Net8Source, Net8Source, TestReferences.Default).RunAsync();

        private const string Net8Source = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Reports
            {
                static Task<string> Load(int id) => Task.Run(() => id.ToString());

                public async Task<List<string>> All(IEnumerable<int> ids) => ids.Select(id => {|YA1006:Load(id).Result|}).ToList();
            }
            """;

        [Fact]
        public Task NoFix_WhenALaterOperatorHasNoAsyncForm() => FixTest(NoAsyncForm, NoAsyncForm, TestReferences.Net10).RunAsync();

        private const string NoAsyncForm = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Reports
            {
                static Task<string> Load(int id) => Task.Run(() => id.ToString());

                public async Task<int> Count(IEnumerable<int> ids) => ids.Select(id => {|YA1006:Load(id).Result|}).Chunk(2).AsQueryable().Count();
            }
            """;

        [Theory]
        [InlineData("ids.Select(id => Load(id).")]
        [InlineData("ids.Select(id => Load(id).Result")]
        [InlineData("ids.Select(id => Load(id).Result).ToList(")]
        [InlineData("ids.Select((id, ) => Load(id).Result)")]
        public Task NoCrash_HalfTypedQueryWithFix(string expression) => HalfTypedCode.AssertNoCrashAsync<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer, YieldAwait.CodeFixes.Rules.YA1006BlockingWaitInLazyQueryCodeFix>($$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Typing
            {
                static Task<int> Load(int id) => Task.Run(() => -id);

                async Task Run(IEnumerable<int> ids)
                {
                    foreach (var x in {{expression}})
                    {
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_MultiLineChainWithCapturedToken_TypesTheLambda_Net10() => FixTest("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Ingestion
            {
                internal sealed record Summary(int Files);

                internal sealed class Worker
                {
                    public async Task Describe(IEnumerable<string> files, TextWriter output, CancellationToken cancellationToken)
                    {
                        foreach (var line in files
                            .Where(path => path.EndsWith(".json", StringComparison.Ordinal))
                            .Select(path => $"{path}: {{|YA1006:File.ReadAllTextAsync(path, cancellationToken).Result|}.Length}"))
                        {
                            await output.WriteLineAsync(line.AsMemory(), cancellationToken);
                        }
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Ingestion
            {
                internal sealed record Summary(int Files);

                internal sealed class Worker
                {
                    public async Task Describe(IEnumerable<string> files, TextWriter output, CancellationToken cancellationToken)
                    {
                        await foreach (var line in files
                            .Where(path => path.EndsWith(".json", StringComparison.Ordinal)).ToAsyncEnumerable()
                            .Select(async (string path, CancellationToken ct) => $"{path}: {(await File.ReadAllTextAsync(path, cancellationToken)).Length}").WithCancellation(cancellationToken))
                        {
                            await output.WriteLineAsync(line.AsMemory(), cancellationToken);
                        }
                    }
                }
            }
            """, TestReferences.Net10).RunAsync();

        [Fact]
        public Task Fix_TerminalInsideAnExpression_IsParenthesised_AndStaticTypedLambdasKeepTheirShape_Net10() => FixTest("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Sizes
            {
                static Task<int> Size(string name, CancellationToken cancellationToken) => Task.FromResult(name.Length);

                public async Task<int> Total(IEnumerable<string> names) =>
                    names.Select(static (string n) => {|YA1006:Size(n, CancellationToken.None).Result|}).ToList().Count + 1;
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Sizes
            {
                static Task<int> Size(string name, CancellationToken cancellationToken) => Task.FromResult(name.Length);

                public async Task<int> Total(IEnumerable<string> names) =>
                    (await names.ToAsyncEnumerable().Select(static async (string n, CancellationToken ct) => await Size(n, CancellationToken.None)).ToListAsync()).Count + 1;
            }
            """, TestReferences.Net10).RunAsync();

        [Fact]
        public Task Fix_LinqAsync_SleepBecomesDelay_InAnAsyncLambdaConsumer() => FixTest("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Poller
            {
                public Func<IEnumerable<int>, Task<int>> Counter = async ids =>
                {
                    await Task.Yield();
                    return ids.Where(id => { {|YA1006:Thread.Sleep(5)|}; return id > 0; }).Count();
                };
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Poller
            {
                public Func<IEnumerable<int>, Task<int>> Counter = async ids =>
                {
                    await Task.Yield();
                    return await ids.ToAsyncEnumerable().WhereAwait(async id => { await Task.Delay(5); return id > 0; }).CountAsync();
                };
            }
            """, TestReferences.Net80WithLinqAsync).RunAsync();

        [Fact]
        public Task NoFix_InASyncIterator() => FixTest(InIterator, InIterator, TestReferences.Net10).RunAsync();

        private const string InIterator = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Feed
            {
                static Task<string> Load(int id) => Task.Run(() => id.ToString());

                public IEnumerable<string> All(IEnumerable<int> ids)
                {
                    foreach (var item in ids.Select(id => {|YA1006:Load(id).Result|}))
                    {
                        yield return item;
                    }
                }
            }
            """;

        [Fact]
        public Task NoFix_InnerPipelineConsumedInASynchronousLambda() => FixTest(InnerPipeline, InnerPipeline, TestReferences.Net10).RunAsync();

        private const string InnerPipeline = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Groups
            {
                static Task<int> Score(int x) => Task.Run(() => x);

                public async Task<int> Best(IEnumerable<int[]> groups) =>
                    groups.Select(g => g.Where(x => {|YA1006:Score(x).Result|} > 0).Count()).Max();
            }
            """;

        [Fact]
        public Task Fix_TerminalGetsTheMethodsToken_Net10() => FixTest("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class Pages
            {
                private readonly HttpClient _http = new HttpClient();

                public async Task<List<string>> All(IEnumerable<string> urls, CancellationToken cancellationToken) =>
                    urls.Select(url => {|YA1006:_http.GetStringAsync(url).Result|}).ToList();
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class Pages
            {
                private readonly HttpClient _http = new HttpClient();

                public async Task<List<string>> All(IEnumerable<string> urls, CancellationToken cancellationToken) =>
                    await urls.ToAsyncEnumerable().Select(async (url, ct) => await _http.GetStringAsync(url, ct)).ToListAsync(cancellationToken);
            }
            """, TestReferences.Net10).RunAsync();

        #endregion

    }
}
