using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer, YieldAwait.CodeFixes.Rules.YA1006BlockingWaitInLazyQueryCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1006BlockingWaitInLazyQueryTests
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
        public Task Reports_DictionaryOfTasksReadByKey_WhenAnotherDictionaryWasAwaited() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Quotes
            {
                async Task<decimal[]> Prices(string[] symbols, Dictionary<string, Task<decimal>> awaited, Dictionary<string, Task<decimal>> pending)
                {
                    await Task.WhenAll(awaited.Values);
                    return symbols.Select(s => {|YA1006:pending[s].Result|}).ToArray();
                }
            }
            """);

        [Fact]
        public Task Reports_CapturedTaskLeftOutOfWhenAll() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Pricing
            {
                async Task<IEnumerable<int>> Match(Task<List<int>> levels, Task<int> bonus, Task<int> other)
                {
                    await Task.WhenAll(levels, other);
                    return levels.Result.Select(l => l + {|YA1006:bonus.Result|});
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

        #endregion
    }
}
