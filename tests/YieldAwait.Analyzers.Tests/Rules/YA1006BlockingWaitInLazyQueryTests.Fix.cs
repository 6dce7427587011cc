using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer, YieldAwait.CodeFixes.Rules.YA1006BlockingWaitInLazyQueryCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1006BlockingWaitInLazyQueryTests
    {
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
