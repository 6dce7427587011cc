using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1005BlockingWaitInAsyncIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1005BlockingWaitInAsyncIteratorTests
    {
        #region Analyzer: reports blocking waits inside async iterators

        [Fact]
        public Task Reports_ResultOfTaskInsideAsyncIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Runtime.CompilerServices;
            using System.Threading;

            class FeedReader
            {
                private readonly HttpClient _http = new HttpClient();

                public async IAsyncEnumerable<string> Pages(
                    IEnumerable<string> urls,
                    [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var url in urls)
                    {
                        var head = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                        head.EnsureSuccessStatusCode();
                        yield return {|YA1005:_http.GetStringAsync(url, cancellationToken).Result|};
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_MessageNamingTheFormAndTheIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class LogReader
            {
                public async IAsyncEnumerable<string> ReadAll(IEnumerable<string> paths)
                {
                    foreach (var path in paths)
                    {
                        await Task.Yield();
                        yield return {|#0:File.ReadAllTextAsync(path).Result|};
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1005").WithLocation(0).WithArguments(".Result", "ReadAll"));

        [Theory]
        [InlineData("{|#0:upload.Wait()|};", ".Wait()")]
        [InlineData("{|#0:upload.Wait(TimeSpan.FromSeconds(5))|};", ".Wait()")]
        [InlineData("{|#0:upload.GetAwaiter().GetResult()|};", ".GetAwaiter().GetResult()")]
        [InlineData("{|#0:Task.WaitAll(upload, index)|};", "Task.WaitAll")]
        [InlineData("{|#0:Task.WaitAny(upload, index)|};", "Task.WaitAny")]
        [InlineData("{|#0:Thread.Sleep(100)|};", "Thread.Sleep")]
        public Task Reports_MessageNamingEachForm(string blocking, string display) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Publisher
            {
                public async IAsyncEnumerable<string> Publish(Task upload, Task<int> index)
                {
                    {{blocking}}
                    yield return "published";
                    await Task.Yield();
                }
            }
            """,
            Verify.Diagnostic("YA1005").WithLocation(0).WithArguments(display, "Publish"));

        [Fact]
        public Task Reports_ResultOfValueTaskInsideAsyncIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            interface ISettingsStore
            {
                ValueTask<string> GetAsync(string key);
            }

            class SettingsExporter
            {
                private readonly ISettingsStore _store;

                public SettingsExporter(ISettingsStore store) => _store = store;

                public async IAsyncEnumerable<string> Export(IAsyncEnumerable<string> keys)
                {
                    await foreach (var key in keys)
                    {
                        yield return key + "=" + {|YA1005:_store.GetAsync(key).Result|};
                    }
                }
            }
            """);

        [Theory]
        [InlineData("{|YA1005:request.Wait()|};")]
        [InlineData("{|YA1005:request.Wait(5000)|};")]
        [InlineData("{|YA1005:request.Wait(TimeSpan.FromSeconds(5))|};")]
        [InlineData("{|YA1005:request.Wait(cancellationToken)|};")]
        [InlineData("{|YA1005:request.Wait(5000, cancellationToken)|};")]
        [InlineData("if (!{|YA1005:request.Wait(TimeSpan.FromSeconds(5))|}) yield break;")]
        public Task Reports_WaitOverloadsInsideAsyncIterator(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Warmup
            {
                private readonly HttpClient _http = new HttpClient();

                public async IAsyncEnumerable<string> Ping(
                    IEnumerable<Uri> endpoints,
                    [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var endpoint in endpoints)
                    {
                        Task<HttpResponseMessage> request = _http.GetAsync(endpoint, cancellationToken);
                        {{statement}}
                        yield return endpoint.Host;
                        await Task.Delay(100, cancellationToken);
                    }
                }
            }
            """);

        [Theory]
        [InlineData("{|YA1005:_store.FlushAsync().GetAwaiter().GetResult()|};")]
        [InlineData("var count = {|YA1005:_store.CountAsync().GetAwaiter().GetResult()|};")]
        [InlineData("{|YA1005:_store.SaveAsync(line).GetAwaiter().GetResult()|};")]
        [InlineData("var size = {|YA1005:_store.SizeAsync().GetAwaiter().GetResult()|};")]
        [InlineData("{|YA1005:_store.FlushAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};")]
        [InlineData("var count = {|YA1005:_store.CountAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};")]
        [InlineData("{|YA1005:_store.SaveAsync(line).ConfigureAwait(false).GetAwaiter().GetResult()|};")]
        [InlineData("var size = {|YA1005:_store.SizeAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};")]
        public Task Reports_GetAwaiterGetResultOnEveryTaskType(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            interface IReportStore
            {
                Task FlushAsync();
                Task<int> CountAsync();
                ValueTask SaveAsync(string line);
                ValueTask<int> SizeAsync();
            }

            class ReportExporter
            {
                private readonly IReportStore _store;

                public ReportExporter(IReportStore store) => _store = store;

                public async IAsyncEnumerable<string> Export(IAsyncEnumerable<string> lines)
                {
                    await foreach (var line in lines)
                    {
                        {{statement}}
                        yield return line;
                    }
                }
            }
            """);

        [Theory]
        [InlineData("{|YA1005:Task.WaitAll(uploads)|};")]
        [InlineData("{|YA1005:Task.WaitAll(uploads, cancellationToken)|};")]
        [InlineData("{|YA1005:Task.WaitAll(uploads, TimeSpan.FromSeconds(30))|};")]
        [InlineData("var first = {|YA1005:Task.WaitAny(shards)|};")]
        [InlineData("var first = {|YA1005:Task.WaitAny(shards, 1000)|};")]
        [InlineData("{|YA1005:Thread.Sleep(250)|};")]
        [InlineData("{|YA1005:Thread.Sleep(TimeSpan.FromMilliseconds(250))|};")]
        public Task Reports_StaticBlockingCallsInsideAsyncIterator(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class BatchImporter
            {
                public async IAsyncEnumerable<int> Import(
                    Task[] uploads,
                    Task<int>[] shards,
                    [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await Task.Delay(10, cancellationToken);
                    {{statement}}
                    yield return uploads.Length;
                }
            }
            """);

        [Theory]
        [InlineData("IAsyncEnumerable<int>")]
        [InlineData("IAsyncEnumerator<int>")]
        public Task Reports_InAsyncIteratorOfEitherReturnType(string returnType) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Pager
            {
                public async {{returnType}} Pages(Task<int> total)
                {
                    for (var page = 1; page <= {|YA1005:total.Result|}; page++)
                    {
                        await Task.Yield();
                        yield return page;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InAsyncIteratorOfGenericType() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            interface IRepository<T>
            {
                Task<T> LoadAsync(int id);
            }

            class BatchLoader<T>
            {
                private readonly IRepository<T> _repository;

                public BatchLoader(IRepository<T> repository) => _repository = repository;

                public async IAsyncEnumerable<T> LoadMany(IAsyncEnumerable<int> ids)
                {
                    await foreach (var id in ids)
                    {
                        yield return {|YA1005:_repository.LoadAsync(id).Result|};
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InGenericAsyncIteratorMethod() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Streams
            {
                public static async IAsyncEnumerable<T> Flatten<T>(IEnumerable<Task<T>> pending)
                {
                    foreach (var task in pending)
                    {
                        await Task.Yield();
                        yield return {|YA1005:task.Result|};
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InAsyncIteratorOfPartialTypeDeclaredInTwoFiles()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("Catalog.cs", """
                using System.Net.Http;

                partial class Catalog
                {
                    private readonly HttpClient _http = new HttpClient();
                }
                """));
            test.TestState.Sources.Add(("Catalog.Products.cs", """
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Threading;

                partial class Catalog
                {
                    public async IAsyncEnumerable<string> ProductPages(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        for (var page = 0; page < count; page++)
                        {
                            var response = await _http.GetAsync("https://shop.example/products?page=" + page, cancellationToken);
                            yield return {|YA1005:response.Content.ReadAsStringAsync(cancellationToken).Result|};
                        }
                    }
                }
                """));
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task Reports_InLocalFunctionAsyncIteratorInsideOrdinaryMethod() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Tokenizer
            {
                public IAsyncEnumerable<string> Tokens(Task<string> source)
                {
                    if (source is null)
                    {
                        throw new ArgumentNullException(nameof(source));
                    }

                    return Iterate();

                    async IAsyncEnumerable<string> Iterate()
                    {
                        foreach (var token in {|#0:source.Result|}.Split(' '))
                        {
                            await Task.Yield();
                            yield return token;
                        }
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1005").WithLocation(0).WithArguments(".Result", "Iterate"));

        [Fact]
        public Task Reports_InStaticExtensionAsyncIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Net.Http;

            static class HttpClientLines
            {
                public static async IAsyncEnumerable<string> ReadLines(this HttpClient http, string url)
                {
                    using var reader = new StringReader({|YA1005:http.GetStringAsync(url).Result|});
                    string line;
                    while ((line = await reader.ReadLineAsync()) != null)
                    {
                        yield return line;
                    }
                }
            }
            """);

        [Theory]
        [InlineData("try { yield return {|YA1005:page.Result|}; } finally { await flush; }")]
        [InlineData("try { yield return \"start\"; } finally { {|YA1005:flush.Wait()|}; }")]
        [InlineData("await foreach (var line in lines) { yield return line + {|YA1005:page.Result|}; }")]
        [InlineData("await using (var stream = {|YA1005:upload.Result|}) { yield return stream.Length.ToString(); }")]
        [InlineData("using (var stream = {|YA1005:upload.Result|}) { yield return await new StreamReader(stream).ReadToEndAsync(); }")]
        [InlineData("lock (gate) { {|YA1005:flush.Wait()|}; } yield return \"flushed\";")]
        [InlineData("string text; try { text = await page; } catch (HttpRequestException) { text = {|YA1005:fallback.Result|}; } yield return text;")]
        [InlineData("if (gate != null) { yield return {|YA1005:page.Result|}; }")]
        [InlineData("while (true) { await Task.Delay(1000); yield return {|YA1005:page.Result|}; }")]
        public Task Reports_InsideNestedStatements(string body) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;

            class Importer
            {
                private readonly object gate = new object();

                public async IAsyncEnumerable<string> Import(
                    IAsyncEnumerable<string> lines,
                    Task<string> page,
                    Task<string> fallback,
                    Task<Stream> upload,
                    Task flush)
                {
                    {{body}}
                }
            }
            """);

        [Theory]
        [InlineData("yield return {|YA1005:download.Result|};")]
        [InlineData("{|YA1005:download.Wait()|}; yield return download.Url;")]
        [InlineData("yield return {|YA1005:download.GetAwaiter().GetResult()|};")]
        public Task Reports_OnSubclassOfTaskOfT(string statements) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            sealed class DownloadTask : Task<string>
            {
                public DownloadTask(string url, Func<string> download) : base(download) => Url = url;

                public string Url { get; }
            }

            class Mirror
            {
                public async IAsyncEnumerable<string> Fetch(IAsyncEnumerable<DownloadTask> downloads)
                {
                    await foreach (var download in downloads)
                    {
                        {{statements}}
                    }
                }
            }
            """);

        [Theory]
        [InlineData("yield return {|YA1005:new ValueTask<int>(pending).Result|};")]
        [InlineData("yield return {|YA1005:new ValueTask<int>(pending).GetAwaiter().GetResult()|};")]
        [InlineData("{|YA1005:new ValueTask(pending).GetAwaiter().GetResult()|}; yield return 0;")]
        public Task Reports_ValueTaskWrappingPendingTask(string statements) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Meter
            {
                public async IAsyncEnumerable<int> Read(Task<int> pending)
                {
                    await Task.Yield();
                    {{statements}}
                }
            }
            """);

        [Fact]
        public Task Reports_OnlyTheBlockingFormsBesideAwaits() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Sync
            {
                public async IAsyncEnumerable<int> Run(Task<Task<int>> nested, Task<int> count, Task flush)
                {
                    await flush.ConfigureAwait(false);
                    {|YA1005:Thread.Sleep(50)|};
                    await Task.Delay(50);
                    yield return await count;
                    yield return {|YA1005:{|YA1005:nested.Result|}.Result|};
                }
            }
            """);

        [Fact]
        public Task Reports_ResultUsedAsQuerySource() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Orders
            {
                public async IAsyncEnumerable<int> Large(Task<int[]> totals)
                {
                    foreach (var total in from t in {|YA1005:totals.Result|} where t > 1000 select t)
                    {
                        await Task.Yield();
                        yield return total;
                    }
                }
            }
            """);

        [Theory]
        [InlineData("if (header.IsCompleted) yield return {|YA1005:body.Result|};")]
        [InlineData("await header; yield return {|YA1005:body.Result|};")]
        [InlineData("await Task.WhenAny(header, body); yield return {|YA1005:body.Result|};")]
        [InlineData("if (body.Id > 0) await body; yield return {|YA1005:body.Result|};")]
        [InlineData("var text = quick ? await body : \"\"; yield return {|YA1005:body.Result|};")]
        [InlineData("Func<Task> later = async () => await body; yield return {|YA1005:body.Result|};")]
        [InlineData("if (!body.IsCompleted) { yield return {|YA1005:body.Result|}; }")]
        [InlineData("if (body.IsCompleted) yield break; yield return {|YA1005:body.Result|};")]
        [InlineData("yield return body.IsCompleted ? \"\" : {|YA1005:body.Result|};")]
        public Task Reports_WhenCompletionIsNotProven(string statements) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Response
            {
                public async IAsyncEnumerable<string> Parts(Task<string> header, Task<string> body, bool quick)
                {
                    {{statements}}
                    yield return await header;
                }
            }
            """);

        #endregion
    }
}
