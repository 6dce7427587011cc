using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1005BlockingWaitInAsyncIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA1005BlockingWaitInAsyncIteratorTests
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

        #region Analyzer: stays silent on look-alikes

        [Theory]
        [InlineData("yield return await page;")]
        [InlineData("yield return await page.ConfigureAwait(false);")]
        [InlineData("await flush;")]
        [InlineData("await flush.ConfigureAwait(false);")]
        [InlineData("await Task.WhenAll(flush, page);")]
        [InlineData("await Task.WhenAny(flush, page);")]
        [InlineData("await Task.Delay(250, cancellationToken);")]
        [InlineData("await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);")]
        [InlineData("yield return await page.WaitAsync(cancellationToken);")]
        [InlineData("yield return (await size).ToString();")]
        [InlineData("await save;")]
        public Task NoDiagnostic_WhenAwaited(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Uploader
            {
                public async IAsyncEnumerable<string> Upload(
                    Task flush,
                    Task<string> page,
                    ValueTask save,
                    ValueTask<int> size,
                    [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    {{statement}}
                    yield return "done";
                }
            }
            """);

        [Theory]
        [InlineData("await body; yield return body.Result;")]
        [InlineData("await body.ConfigureAwait(false); yield return body.Result;")]
        [InlineData("var text = await body; yield return text + body.Result;")]
        [InlineData("yield return await body; yield return body.GetAwaiter().GetResult();")]
        [InlineData("await Task.WhenAll(header, body); yield return header.Result + body.Result;")]
        [InlineData("await Task.WhenAll(new[] { header, body }); yield return header.Result + body.Result;")]
        [InlineData("await Task.WhenAll(header, body).ConfigureAwait(false); yield return body.Result;")]
        [InlineData("await body; foreach (var line in body.Result.Split('\\n')) yield return line;")]
        [InlineData("Console.WriteLine(await body); yield return body.Result;")]
        public Task NoDiagnostic_ResultAfterTheTaskWasAwaited(string statements) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Response
            {
                public async IAsyncEnumerable<string> Parts(Task<string> header, Task<string> body)
                {
                    {{statements}}
                }
            }
            """);

        [Theory]
        [InlineData("if (pending.IsCompleted) yield return pending.Result;")]
        [InlineData("yield return pending.IsCompletedSuccessfully ? pending.Result : await pending;")]
        [InlineData("if (pending.IsCompleted && pending.Result > 0) yield return 1;")]
        [InlineData("if (!pending.IsCompleted) yield break; yield return pending.Result;")]
        [InlineData("if (!pending.IsCompleted) { await Task.Yield(); yield break; } yield return pending.GetAwaiter().GetResult();")]
        [InlineData("while (!pending.IsCompleted) await Task.Delay(10); yield return pending.Result;")]
        [InlineData("if (quick.IsCompleted) yield return quick.Result; else yield return await quick;")]
        public Task NoDiagnostic_GuardedByCompletionCheck(string statements) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Poller
            {
                public async IAsyncEnumerable<int> Drain(Task<int> pending, ValueTask<int> quick)
                {
                    {{statements}}
                    yield return -1;
                }
            }
            """);

        [Theory]
        [InlineData("yield return Task.FromResult(1).Result;")]
        [InlineData("yield return Task.FromResult(1).GetAwaiter().GetResult();")]
        [InlineData("Task.CompletedTask.Wait();")]
        [InlineData("Task.CompletedTask.GetAwaiter().GetResult();")]
        [InlineData("yield return new ValueTask<int>(5).Result;")]
        [InlineData("yield return ValueTask.FromResult(5).Result;")]
        [InlineData("ValueTask.CompletedTask.GetAwaiter().GetResult();")]
        [InlineData("yield return default(ValueTask<int>).Result;")]
        public Task NoDiagnostic_TaskKnownToBeComplete(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Defaults
            {
                public async IAsyncEnumerable<int> Values()
                {
                    await Task.Yield();
                    {{statement}}
                    yield return 0;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ResultInsideLambda() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Offloader
            {
                public async IAsyncEnumerable<string> Pages(IEnumerable<Task<string>> pages)
                {
                    foreach (var page in pages)
                    {
                        yield return await Task.Run(() => page.Result);
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_BlockingInsideAnonymousMethod() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Prefetcher
            {
                public async IAsyncEnumerable<Func<string>> Thunks(IAsyncEnumerable<Task<string>> pages)
                {
                    await foreach (var page in pages)
                    {
                        yield return delegate
                        {
                            page.Wait();
                            Thread.Sleep(10);
                            return page.GetAwaiter().GetResult();
                        };
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ResultInsideQueryExpressionClauses() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Pages
            {
                public async IAsyncEnumerable<int> Lengths(IEnumerable<Task<string>> pages)
                {
                    var lengths = from page in pages
                                  where page.Result.Length > 0
                                  let body = page.Result
                                  select body.Length;
                    foreach (var length in lengths)
                    {
                        await Task.Yield();
                        yield return length;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_CallOfABlockingLocalFunction_NotItsBody() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Pages
            {
                public async IAsyncEnumerable<int> Sizes(IAsyncEnumerable<Task<string>> pages)
                {
                    await foreach (var page in pages)
                    {
                        yield return {|YA1005:Measure(page)|};
                    }

                    static int Measure(Task<string> page)
                    {
                        page.Wait();
                        return page.Result.Length;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InsideSyncIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;

            class LogReader
            {
                public IEnumerable<string> ReadAll(IEnumerable<string> paths)
                {
                    foreach (var path in paths)
                    {
                        Thread.Sleep(10);
                        yield return File.ReadAllTextAsync(path).Result;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_SyncIteratorLocalFunctionInsideAsyncIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Batches
            {
                public async IAsyncEnumerable<int> Totals(IAsyncEnumerable<Task<int[]>> batches)
                {
                    await foreach (var batch in batches)
                    {
                        var total = 0;
                        foreach (var value in Values(batch))
                        {
                            total += value;
                        }

                        yield return total;
                    }

                    static IEnumerable<int> Values(Task<int[]> batch)
                    {
                        foreach (var value in batch.Result)
                        {
                            yield return value;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_BlockingInAsyncMethodThatIsNotAnIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class LogReader
            {
                public async Task<List<string>> ReadAllAsync(IEnumerable<string> paths)
                {
                    var contents = new List<string>();
                    foreach (var path in paths)
                    {
                        contents.Add(await File.ReadAllTextAsync(path));
                    }

                    contents.Add(File.ReadAllTextAsync("footer.txt").Result);
                    return contents;
                }
            }
            """);

        [Theory]
        [InlineData("IAsyncEnumerable<string> Lines() => Split(Load().Result);")]
        [InlineData("IAsyncEnumerable<string> Lines { get { return Split(Load().GetAwaiter().GetResult()); } }")]
        public Task NoDiagnostic_MemberWithoutYieldIsNotAnIterator(string member) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Document
            {
                private Task<string> Load() => Task.Run(() => "a\nb");

                private static async IAsyncEnumerable<string> Split(string text)
                {
                    foreach (var line in text.Split('\n'))
                    {
                        await Task.Yield();
                        yield return line;
                    }
                }

                public {{member}}
            }
            """);

        [Fact]
        public Task NoDiagnostic_ResultAndWaitOfUnrelatedTypes() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Text.RegularExpressions;
            using System.Threading.Tasks;

            sealed class ParseOutcome
            {
                public int Result { get; init; }
            }

            sealed class Job
            {
                public string Result { get; private set; } = "";

                public void Wait() => Result = "done";
            }

            class Parser
            {
                public async IAsyncEnumerable<string> Describe(ParseOutcome outcome, Job job, Match match)
                {
                    await Task.Yield();
                    yield return outcome.Result.ToString();
                    job.Wait();
                    yield return job.Result;
                    yield return match.Result("$1");
                }
            }
            """);

        [Theory]
        [InlineData("gate.Wait();")]
        [InlineData("throttle.Wait(cancellationToken);")]
        [InlineData("countdown.Wait(cancellationToken);")]
        [InlineData("handle.WaitOne();")]
        public Task NoDiagnostic_WaitOfSynchronizationPrimitive(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Consumer
            {
                public async IAsyncEnumerable<int> Take(
                    ManualResetEventSlim gate,
                    SemaphoreSlim throttle,
                    CountdownEvent countdown,
                    WaitHandle handle,
                    [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await Task.Yield();
                    {{statement}}
                    yield return 1;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_GetResultOfCustomParser() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            sealed class ExpressionParser
            {
                private readonly string _text;

                public ExpressionParser(string text) => _text = text;

                public int GetResult() => _text.Length;
            }

            class Calculator
            {
                public async IAsyncEnumerable<int> Evaluate(IAsyncEnumerable<string> expressions)
                {
                    await foreach (var expression in expressions)
                    {
                        yield return new ExpressionParser(expression).GetResult();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ValueTaskSourceGetResult() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using System.Threading.Tasks.Sources;

            class PooledReads
            {
                public async IAsyncEnumerable<int> Completed(IValueTaskSource<int> source, IEnumerable<short> tokens)
                {
                    foreach (var token in tokens)
                    {
                        await Task.Yield();
                        if (source.GetStatus(token) == ValueTaskSourceStatus.Succeeded)
                        {
                            yield return source.GetResult(token);
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_NameOfResult() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Inspector
            {
                public async IAsyncEnumerable<string> Members(Task<int> pending)
                {
                    await Task.Yield();
                    yield return nameof(pending.Result);
                    yield return nameof(pending.Wait);
                    yield return nameof(Task.WaitAll);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_NonBlockingTaskMembers() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Scheduler
            {
                public async IAsyncEnumerable<Task> Plan(Task first, Task second)
                {
                    yield return Task.WhenAll(first, second);
                    yield return Task.Delay(100);
                    yield return first.ContinueWith(_ => Thread.Sleep(10));
                    yield return Task.Run(() => second.Wait());
                    await Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InGeneratedCode() => Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class GeneratedClient
            {
                public async IAsyncEnumerable<string> Pages(Task<string> first)
                {
                    await Task.Yield();
                    yield return first.Result;
                }
            }
            """);

        [Theory]
        [InlineData("yield return pending.")]
        [InlineData("yield return pending.Res")]
        [InlineData("yield return pending.GetAwaiter().")]
        [InlineData("await foreach (var line in pending.) yield return line;")]
        [InlineData("yield return await pending.")]
        [InlineData("yield return Task.")]
        [InlineData("yield return pending.Result(")]
        public Task NoDiagnostic_HalfTypedAsyncIterator(string statement) => VerifyNoDiagnosticDespiteCompilerErrorsAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Typing
            {
                async IAsyncEnumerable<string> Lines(Task<string> pending)
                {
                    {{statement}}
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AsyncIteratorCutOffMidExpression() => VerifyNoDiagnosticDespiteCompilerErrorsAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Typing
            {
                async IAsyncEnumerable<int> M(Task<int> t)
                {
                    await Task.Yield();
                    yield return t.
            """);

        [Fact]
        public Task NoDiagnostic_AsyncEnumerableIteratorWithoutAsyncModifier() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Counter
            {
                IAsyncEnumerable<int> {|CS8403:Count|}(Task<int> pending)
                {
                    yield return pending.Result;
                }
            }
            """);

        #endregion

        #region Analyzer: blocking through a helper, and tasks proven complete

        [Fact]
        public Task Reports_CallOfABlockingHelper_NamingIt() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.IsCompleted ? task.Result : task.GetAwaiter().GetResult();
            }

            class Reader
            {
                public async IAsyncEnumerable<string> Read(IEnumerable<string> paths)
                {
                    foreach (var path in paths)
                    {
                        await Task.Yield();
                        yield return {|#0:Sync.Wait(File.ReadAllTextAsync(path))|};
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1005").WithLocation(0).WithArguments("Sync.Wait", "Read"));

        [Fact]
        public Task NoDiagnostic_ResultAfterARaceTheTaskWon() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Timed
            {
                public async IAsyncEnumerable<T> WithTimeout<T>(IAsyncEnumerator<T> source, TimeSpan timeout)
                {
                    while (true)
                    {
                        var moveNext = source.MoveNextAsync();
                        if (!moveNext.IsCompleted)
                        {
                            using var delayCancellation = new CancellationTokenSource();
                            var delay = Task.Delay(timeout, delayCancellation.Token);
                            var next = moveNext.AsTask();
                            var winner = await Task.WhenAny(next, delay).ConfigureAwait(false);
                            if (winner == delay)
                            {
                                throw new TimeoutException();
                            }

                            delayCancellation.Cancel();
                        }

                        if (!moveNext.Result)
                        {
                            yield break;
                        }

                        yield return source.Current;
                    }
                }

                public async IAsyncEnumerable<int> Inline(Task<int> work)
                {
                    if (!work.IsCompleted)
                    {
                        if (await Task.WhenAny(work, Task.Delay(100)) != work)
                        {
                            yield break;
                        }
                    }

                    yield return work.Result;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ResultAfterARaceWhoseLoserThrows_WithoutACompletionCheckFirst() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Timed
            {
                public async IAsyncEnumerable<T> PerItem<T>(IAsyncEnumerator<T> source, CancellationTokenSource timeout)
                {
                    while (true)
                    {
                        Task<bool> moveNext;
                        try
                        {
                            moveNext = source.MoveNextAsync().AsTask();
                            var completed = await Task.WhenAny(moveNext, Task.Delay(Timeout.Infinite, timeout.Token));
                            if (completed != moveNext || timeout.IsCancellationRequested)
                                throw new TimeoutException();

                            if (!moveNext.Result)
                                break;

                            yield return source.Current;
                        }
                        finally
                        {
                            timeout.CancelAfter(Timeout.Infinite);
                        }
                    }
                }

                public async IAsyncEnumerable<bool> AndIsNotOr(Task<bool> work, CancellationTokenSource timeout)
                {
                    var completed = await Task.WhenAny(work, Task.Delay(100));
                    if (completed != work && timeout.IsCancellationRequested)
                        throw new TimeoutException();

                    yield return {|YA1005:work.Result|};
                }
            }
            """);

        [Fact]
        public Task Reports_WhenTheRaceDoesNotProveTheTaskWon() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Timed
            {
                public async IAsyncEnumerable<int> NoExit(Task<int> work)
                {
                    if (!work.IsCompleted)
                    {
                        var winner = await Task.WhenAny(work, Task.Delay(100));
                        Console.WriteLine(winner == work);
                    }

                    yield return {|YA1005:work.Result|};
                }

                public async IAsyncEnumerable<int> ThreeWay(Task<int> work, Task a, Task b)
                {
                    if (!work.IsCompleted)
                    {
                        var winner = await Task.WhenAny(work, a, b);
                        if (winner == a) throw new TimeoutException();
                    }

                    yield return {|YA1005:work.Result|};
                }

                public async IAsyncEnumerable<int> WrongTask(Task<int> work, Task<int> other)
                {
                    if (!other.IsCompleted)
                    {
                        var winner = await Task.WhenAny(other, Task.Delay(100));
                        if (winner != other) throw new TimeoutException();
                    }

                    yield return {|YA1005:work.Result|};
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_TasksTheApiHandsOverFinished() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Interleave
            {
                public async IAsyncEnumerable<int> AsTheyFinish(List<Task<int>> pending)
                {
                    while (pending.Count > 0)
                    {
                        var done = await Task.WhenAny(pending);
                        pending.Remove(done);
                        yield return done.Result;
                    }
                }

                public async IAsyncEnumerable<int> First(Task<int> a, Task<int> b)
                {
                    yield return (await Task.WhenAny(a, b)).Result;
                }

                public async IAsyncEnumerable<int> AllDone(Task<int>[] tasks)
                {
                    await Task.WhenAll(tasks);
                    foreach (var task in tasks)
                    {
                        yield return task.Result;
                    }

                    foreach (var task in tasks.Where(t => t.IsCompletedSuccessfully))
                    {
                        yield return task.Result;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_WhenTheHandedOverTaskIsReplaced_OrTheLoopIsOverOtherTasks() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Interleave
            {
                public async IAsyncEnumerable<int> Replaced(Task<int> a, Task<int> b)
                {
                    var done = await Task.WhenAny(a, b);
                    done = b;
                    yield return {|YA1005:done.Result|};
                }

                public async IAsyncEnumerable<int> OtherTasks(Task<int>[] awaited, Task<int>[] others)
                {
                    await Task.WhenAll(awaited);
                    foreach (var task in others)
                    {
                        yield return {|YA1005:task.Result|};
                    }
                }
            }
            """);

        #endregion

        #region Analyzer: helpers

        private static Task VerifyNoDiagnosticDespiteCompilerErrorsAsync(string source) => new Verify.Test
        {
            TestCode = source,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync(CancellationToken.None);

        #endregion


        #region Code fix

        [Fact]
        public Task Fix_AwaitsWhatTheHelperBlocksOn() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
            }

            class Reader
            {
                public async IAsyncEnumerable<string> Read(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken ct = default)
                {
                    foreach (var path in paths)
                    {
                        await Task.Yield();
                        yield return {|YA1005:Sync.Wait(File.ReadAllTextAsync(path))|}.Trim();
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
            }

            class Reader
            {
                public async IAsyncEnumerable<string> Read(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken ct = default)
                {
                    foreach (var path in paths)
                    {
                        await Task.Yield();
                        yield return (await File.ReadAllTextAsync(path, cancellationToken: ct)).Trim();
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_AwaitsResultAndSleepsWithTheEnumeratorToken() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<int> M(Task<int> t, [EnumeratorCancellation] CancellationToken ct = default)
                {
                    {|YA1005:Thread.Sleep(5)|};
                    yield return {|YA1005:t.Result|} + 1;
                    await Task.Yield();
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<int> M(Task<int> t, [EnumeratorCancellation] CancellationToken ct = default)
                {
                    await Task.Delay(5, ct);
                    yield return await t + 1;
                    await Task.Yield();
                }
            }
            """);

        [Fact]
        public Task Fix_WaitStatementsAndAwaiters() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<string> M(HttpClient client, Task warmUp, Task[] batch)
                {
                    {|YA1005:warmUp.Wait()|};
                    {|YA1005:Task.WaitAll(batch)|};
                    {|YA1005:Task.WaitAny(batch)|};
                    var body = {|YA1005:client.GetStringAsync("https://example.com").ConfigureAwait(false).GetAwaiter().GetResult()|};
                    yield return body;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<string> M(HttpClient client, Task warmUp, Task[] batch)
                {
                    await warmUp;
                    await Task.WhenAll(batch);
                    await Task.WhenAny(batch);
                    var body = await client.GetStringAsync("https://example.com").ConfigureAwait(false);
                    yield return body;
                }
            }
            """);

        [Fact]
        public Task Fix_NestedFormsInOneFixAll() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                static Task<int> Twice(int x) => Task.FromResult(x * 2);

                async IAsyncEnumerable<int> M(Task<int> t)
                {
                    yield return {|YA1005:Twice({|YA1005:t.Result|}).Result|}.CompareTo(0);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                static Task<int> Twice(int x) => Task.FromResult(x * 2);

                async IAsyncEnumerable<int> M(Task<int> t)
                {
                    yield return (await Twice(await t)).CompareTo(0);
                }
            }
            """);

        [Fact]
        public Task Fix_AddsTasksUsingAndDelaysWithoutToken() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;

            class C
            {
                async IAsyncEnumerable<int> Ticks()
                {
                    for (var i = 0; i < 3; i++)
                    {
                        {|YA1005:System.Threading.Thread.Sleep(System.TimeSpan.FromSeconds(1))|};
                        yield return i;
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<int> Ticks()
                {
                    for (var i = 0; i < 3; i++)
                    {
                        await Task.Delay(System.TimeSpan.FromSeconds(1));
                        yield return i;
                    }
                }
            }
            """);

        [Fact]
        public Task NoFix_InsideLock()
        {
            var source = """
                using System.Collections.Generic;
                using System.Threading.Tasks;

                class C
                {
                    private readonly object _gate = new object();

                    async IAsyncEnumerable<int> M(Task<int> t)
                    {
                        int value;
                        lock (_gate)
                        {
                            value = {|YA1005:t.Result|};
                        }

                        yield return value;
                        await Task.Yield();
                    }
                }
                """;
            return VerifyFix.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task NoFix_WhenArgumentsAreNamedOutOfOrder()
        {
            var source = """
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async IAsyncEnumerable<int> M(Task[] uploads, CancellationToken token)
                    {
                        {|YA1005:Task.WaitAll(cancellationToken: token, tasks: uploads)|};
                        yield return 1;
                        await Task.Yield();
                    }
                }
                """;
            return VerifyFix.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task NoFix_ForTimeoutForms()
        {
            var source = """
                using System.Collections.Generic;
                using System.Threading.Tasks;

                class C
                {
                    async IAsyncEnumerable<bool> M(Task[] ts)
                    {
                        yield return {|YA1005:Task.WaitAll(ts, 100)|};
                        await Task.Yield();
                    }
                }
                """;
            return VerifyFix.VerifyCodeFixAsync(source, source);
        }


        #endregion
    }
}
