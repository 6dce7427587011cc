using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer, YieldAwait.CodeFixes.Rules.YA1006BlockingWaitInLazyQueryCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1006BlockingWaitInLazyQueryTests
    {
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

        [Fact]
        public Task NoDiagnostic_CapturedTaskAwaitedWithAnotherInWhenAll() => Verify.VerifyAnalyzerAsync("""
            #nullable enable
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            namespace Shop.Pricing;

            class Tariff { public int Level { get; set; } }
            class RegionalTariff : Tariff { }
            class Customer { public int Level { get; set; } }
            record Offer
            {
                public required Customer Customer { get; set; }
                public Tariff? Tariff { get; set; }
            }

            interface ICustomers { Task<IEnumerable<Customer>> LoadAsync(); }
            interface ITariffs { Task<List<RegionalTariff>> ListAsync(); }

            class Pricing(ICustomers customers, ITariffs tariffs)
            {
                public async Task<IEnumerable<Offer>> Match()
                {
                    var customersTask = customers.LoadAsync();
                    var tariffsTask = tariffs.ListAsync();

                    await Task.WhenAll(customersTask, tariffsTask);

                    return customersTask.Result.Select(c => new Offer
                    {
                        Customer = c,
                        Tariff = tariffsTask.Result.FirstOrDefault(t => t.Level == c.Level),
                    });
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_DictionaryOfTasksAwaitedThroughItsValues_ReadByKey() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Quotes
            {
                static Dictionary<string, Task<decimal>> StartAll(IEnumerable<string> symbols) =>
                    symbols.ToDictionary(s => s, s => Task.Run(() => (decimal)s.Length));

                async Task<decimal[]> Prices(HashSet<string> symbols)
                {
                    var pending = StartAll(symbols);
                    await Task.WhenAll(pending.Select(p => p.Value).ToArray());
                    var byValues = StartAll(symbols);
                    await Task.WhenAll(byValues.Values);
                    return symbols
                        .Select(s => pending[s].GetAwaiter().GetResult() + byValues[s].Result)
                        .Where(p => p > 0)
                        .ToArray();
                }
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
    }
}
