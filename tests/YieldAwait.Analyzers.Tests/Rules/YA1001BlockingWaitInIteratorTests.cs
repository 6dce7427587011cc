using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Rules;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA1001BlockingWaitInIteratorTests
    {
        #region Analyzer: reports blocking waits inside sync iterators

        [Fact]
        public Task Reports_ResultOfTaskInsideIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class LogReader
            {
                public IEnumerable<string> ReadAll(IEnumerable<string> paths)
                {
                    foreach (var path in paths)
                    {
                        yield return {|YA1001:File.ReadAllTextAsync(path).Result|};
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_MessageNamingTheFormAndTheIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class LogReader
            {
                public IEnumerable<string> ReadAll(IEnumerable<string> paths)
                {
                    foreach (var path in paths)
                    {
                        yield return {|#0:File.ReadAllTextAsync(path).Result|};
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(".Result", "ReadAll"));

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
                public IEnumerable<string> Publish(Task upload, Task<int> index)
                {
                    {{blocking}}
                    yield return "published";
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(display, "Publish"));

        [Fact]
        public Task Reports_ResultOfValueTaskInsideIterator() => Verify.VerifyAnalyzerAsync("""
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

                public IEnumerable<string> Export(IEnumerable<string> keys)
                {
                    foreach (var key in keys)
                    {
                        yield return key + "=" + {|YA1001:_store.GetAsync(key).Result|};
                    }
                }
            }
            """);

        [Theory]
        [InlineData("{|YA1001:request.Wait()|};")]
        [InlineData("{|YA1001:request.Wait(5000)|};")]
        [InlineData("{|YA1001:request.Wait(TimeSpan.FromSeconds(5))|};")]
        [InlineData("{|YA1001:request.Wait(token)|};")]
        [InlineData("{|YA1001:request.Wait(5000, token)|};")]
        [InlineData("if (!{|YA1001:request.Wait(TimeSpan.FromSeconds(5))|}) yield break;")]
        public Task Reports_WaitOverloadsInsideIterator(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class Warmup
            {
                private readonly HttpClient _http = new HttpClient();

                public IEnumerable<string> Ping(IEnumerable<Uri> endpoints, CancellationToken token)
                {
                    foreach (var endpoint in endpoints)
                    {
                        Task<HttpResponseMessage> request = _http.GetAsync(endpoint, token);
                        {{statement}}
                        yield return endpoint.Host;
                    }
                }
            }
            """);

        [Theory]
        [InlineData("{|YA1001:_store.FlushAsync().GetAwaiter().GetResult()|};")]
        [InlineData("var count = {|YA1001:_store.CountAsync().GetAwaiter().GetResult()|};")]
        [InlineData("{|YA1001:_store.SaveAsync(line).GetAwaiter().GetResult()|};")]
        [InlineData("var size = {|YA1001:_store.SizeAsync().GetAwaiter().GetResult()|};")]
        [InlineData("{|YA1001:_store.FlushAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};")]
        [InlineData("var count = {|YA1001:_store.CountAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};")]
        [InlineData("{|YA1001:_store.SaveAsync(line).ConfigureAwait(false).GetAwaiter().GetResult()|};")]
        [InlineData("var size = {|YA1001:_store.SizeAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};")]
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

                public IEnumerable<string> Export(IEnumerable<string> lines)
                {
                    foreach (var line in lines)
                    {
                        {{statement}}
                        yield return line;
                    }
                }
            }
            """);

        [Theory]
        [InlineData("{|YA1001:Task.WaitAll(uploads)|};")]
        [InlineData("{|YA1001:Task.WaitAll(uploads, token)|};")]
        [InlineData("{|YA1001:Task.WaitAll(uploads, TimeSpan.FromSeconds(30))|};")]
        [InlineData("var first = {|YA1001:Task.WaitAny(shards)|};")]
        [InlineData("var first = {|YA1001:Task.WaitAny(shards, 1000)|};")]
        [InlineData("{|YA1001:Thread.Sleep(250)|};")]
        [InlineData("{|YA1001:Thread.Sleep(TimeSpan.FromMilliseconds(250))|};")]
        public Task Reports_StaticBlockingCallsInsideIterator(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class BatchImporter
            {
                public IEnumerable<int> Import(Task[] uploads, Task<int>[] shards, CancellationToken token)
                {
                    {{statement}}
                    yield return uploads.Length;
                }
            }
            """);

        [Theory]
        [InlineData("IEnumerable<int>")]
        [InlineData("IEnumerator<int>")]
        [InlineData("IEnumerable")]
        [InlineData("IEnumerator")]
        public Task Reports_InIteratorOfEveryEnumerableReturnType(string returnType) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Pager
            {
                public {{returnType}} Pages(Task<int> total)
                {
                    for (var page = 1; page <= {|YA1001:total.Result|}; page++)
                    {
                        yield return page;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InIteratorOfGenericType() => Verify.VerifyAnalyzerAsync("""
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

                public IEnumerable<T> LoadMany(IEnumerable<int> ids)
                {
                    foreach (var id in ids)
                    {
                        yield return {|YA1001:_repository.LoadAsync(id).Result|};
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InGenericIteratorMethod() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sequences
            {
                public static IEnumerable<T> Flatten<T>(IEnumerable<Task<T>> pending)
                {
                    foreach (var task in pending)
                    {
                        yield return {|YA1001:task.Result|};
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InIteratorOfPartialTypeDeclaredInTwoFiles()
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

                partial class Catalog
                {
                    public IEnumerable<string> ProductPages(int count)
                    {
                        for (var page = 0; page < count; page++)
                        {
                            yield return {|YA1001:_http.GetStringAsync("https://shop.example/products?page=" + page).Result|};
                        }
                    }
                }
                """));
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task Reports_InPartialMethodImplementation() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            partial class Feed
            {
                public partial IEnumerable<string> Lines(Task<string> body);
            }

            partial class Feed
            {
                public partial IEnumerable<string> Lines(Task<string> body)
                {
                    foreach (var line in {|YA1001:body.Result|}.Split('\n'))
                    {
                        yield return line;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InLocalFunctionIteratorInsideOrdinaryMethod() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Tokenizer
            {
                public IEnumerable<string> Tokens(Task<string> source)
                {
                    if (source is null)
                    {
                        throw new ArgumentNullException(nameof(source));
                    }

                    return Iterate();

                    IEnumerable<string> Iterate()
                    {
                        foreach (var token in {|#0:source.Result|}.Split(' '))
                        {
                            yield return token;
                        }
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(".Result", "Iterate"));

        [Fact]
        public Task Reports_InPropertyGetAccessorIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Dashboard
            {
                private readonly Task<int[]> _counts;

                public Dashboard(Task<int[]> counts) => _counts = counts;

                public IEnumerable<int> Counts
                {
                    get
                    {
                        foreach (var count in {|#0:_counts.Result|})
                        {
                            yield return count;
                        }
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(".Result", "Counts"));

        [Fact]
        public Task Reports_InIndexerGetAccessorIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Net.Http;

            class Directory
            {
                private readonly HttpClient _http = new HttpClient();

                public IEnumerable<string> this[string team]
                {
                    get
                    {
                        var members = {|YA1001:_http.GetStringAsync("https://people.example/" + team).Result|};
                        foreach (var member in members.Split(','))
                        {
                            yield return member;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InOperatorIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            sealed class Playlist
            {
                private readonly Task<string[]> _tracks;

                public Playlist(Task<string[]> tracks) => _tracks = tracks;

                public static IEnumerable<string> operator +(Playlist first, Playlist second)
                {
                    foreach (var track in {|#0:first._tracks.Result|})
                    {
                        yield return track;
                    }

                    foreach (var track in {|#1:second._tracks.Result|})
                    {
                        yield return track;
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(".Result", "operator +"),
            Verify.Diagnostic("YA1001").WithLocation(1).WithArguments(".Result", "operator +"));

        [Fact]
        public Task Reports_InStaticMethodIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Net.Http;

            static class RemoteLines
            {
                public static IEnumerable<string> Read(HttpClient http, string url)
                {
                    using var reader = new StringReader({|YA1001:http.GetStringAsync(url).Result|});
                    string line;
                    while ((line = reader.ReadLine()) != null)
                    {
                        yield return line;
                    }
                }
            }
            """);

        [Theory]
        [InlineData("try { yield return {|YA1001:page.Result|}; } finally { upload.Dispose(); }")]
        [InlineData("try { yield return \"start\"; } finally { {|YA1001:flush.Wait()|}; }")]
        [InlineData("foreach (var url in urls) { yield return url + {|YA1001:page.Result|}; }")]
        [InlineData("using (var stream = {|YA1001:upload.Result|}) { yield return stream.Length.ToString(); }")]
        [InlineData("using var stream = {|YA1001:upload.Result|}; yield return stream.Length.ToString();")]
        [InlineData("lock (urls) { {|YA1001:flush.Wait()|}; } yield return \"flushed\";")]
        [InlineData("string text; try { text = urls[0]; } catch (IndexOutOfRangeException) { text = {|YA1001:page.Result|}; } yield return text;")]
        [InlineData("if (urls.Length > 0) { yield return {|YA1001:page.Result|}; }")]
        [InlineData("switch (urls.Length) { case 0: yield break; default: yield return {|YA1001:page.Result|}; break; }")]
        [InlineData("while (true) { yield return {|YA1001:page.Result|}; }")]
        public Task Reports_InsideNestedStatements(string body) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Importer
            {
                public IEnumerable<string> Import(string[] urls, Task<string> page, Task<Stream> upload, Task flush)
                {
                    {{body}}
                }
            }
            """);

        [Theory]
        [InlineData("yield return {|YA1001:download.Result|};")]
        [InlineData("{|YA1001:download.Wait()|}; yield return download.Url;")]
        [InlineData("yield return {|YA1001:download.GetAwaiter().GetResult()|};")]
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
                public IEnumerable<string> Fetch(IEnumerable<DownloadTask> downloads)
                {
                    foreach (var download in downloads)
                    {
                        {{statements}}
                    }
                }
            }
            """);

        [Theory]
        [InlineData("yield return {|YA1001:new ValueTask<int>(pending).Result|};")]
        [InlineData("yield return {|YA1001:new ValueTask<int>(pending).GetAwaiter().GetResult()|};")]
        [InlineData("{|YA1001:new ValueTask(pending).GetAwaiter().GetResult()|}; yield return 0;")]
        public Task Reports_ValueTaskWrappingPendingTask(string statements) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Meter
            {
                public IEnumerable<int> Read(Task<int> pending)
                {
                    {{statements}}
                }
            }
            """);

        [Fact]
        public Task Reports_GetResultOfAnyAwaiter() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;

            sealed class Signal
            {
                public SignalAwaiter GetAwaiter() => new SignalAwaiter();
            }

            sealed class SignalAwaiter : INotifyCompletion
            {
                public bool IsCompleted => false;

                public void OnCompleted(Action continuation) => continuation();

                public string GetResult() => "ready";
            }

            class Handshake
            {
                public IEnumerable<string> Steps(Signal ready)
                {
                    yield return "hello";
                    yield return {|YA1001:ready.GetAwaiter().GetResult()|};
                }
            }
            """);

        [Fact]
        public Task Reports_EachBlockingFormOnce() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Sync
            {
                public IEnumerable<int> Run(Task<Task<int>> nested, Task<int> count, Task flush)
                {
                    {|YA1001:flush.Wait()|};
                    yield return {|YA1001:count.GetAwaiter().GetResult()|};
                    yield return {|YA1001:{|YA1001:nested.Result|}.Result|};
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
                public IEnumerable<int> Large(Task<int[]> totals)
                {
                    foreach (var total in from t in {|YA1001:totals.Result|} where t > 1000 select t)
                    {
                        yield return total;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_WhenGuardChecksAnotherTask() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Response
            {
                public IEnumerable<string> Parts(Task<string> header, Task<string> body)
                {
                    if (header.IsCompleted)
                    {
                        yield return {|YA1001:body.Result|};
                    }
                }
            }
            """);

        [Theory]
        [InlineData("if (!pending.IsCompleted) { yield return {|YA1001:pending.Result|}; }")]
        [InlineData("if (pending.IsCompleted == false) yield return {|YA1001:pending.Result|};")]
        [InlineData("yield return pending.IsCompleted ? 0 : {|YA1001:pending.Result|};")]
        [InlineData("if (pending.IsCompleted || {|YA1001:pending.Result|} > 0) yield return 1;")]
        [InlineData("if (pending.IsCompleted) yield break; yield return {|YA1001:pending.Result|};")]
        [InlineData("if (!pending.IsCompleted) yield return 0; yield return {|YA1001:pending.Result|};")]
        [InlineData("if (pending.Status == TaskStatus.Running) yield return {|YA1001:pending.Result|};")]
        [InlineData("while (!pending.IsCompleted) { if (cancelled) break; yield return 0; } yield return {|YA1001:pending.Result|};")]
        public Task Reports_WhenCompletionCheckDoesNotProveCompletion(string statements) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Poller
            {
                public IEnumerable<int> Drain(Task<int> pending, bool cancelled)
                {
                    {{statements}}
                    yield return -1;
                }
            }
            """);

        #endregion

        #region Analyzer: stays silent on look-alikes

        [Fact]
        public Task NoDiagnostic_ResultInsideLambda() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Prefetcher
            {
                public IEnumerable<Func<string>> Thunks(IEnumerable<Task<string>> pages)
                {
                    foreach (var page in pages)
                    {
                        yield return () => page.Result;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ResultInsideAnonymousMethod() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Prefetcher
            {
                public IEnumerable<Func<string>> Thunks(IEnumerable<Task<string>> pages)
                {
                    foreach (var page in pages)
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
                public IEnumerable<int> Lengths(IEnumerable<Task<string>> pages)
                {
                    var lengths = from page in pages
                                  where page.Result.Length > 0
                                  let body = page.Result
                                  orderby body.Length
                                  select body.Length;
                    foreach (var length in lengths)
                    {
                        yield return length;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_NonIteratorMethodReturningEnumerable() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class ConfigReader
            {
                public IEnumerable<string> Lines(string path)
                {
                    return File.ReadAllLinesAsync(path).Result;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_NonIteratorMethodReturningList() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            class Crawler
            {
                private readonly HttpClient _http = new HttpClient();

                public List<string> Fetch(IEnumerable<string> urls)
                {
                    var pages = new List<string>();
                    foreach (var url in urls)
                    {
                        var request = _http.GetStringAsync(url);
                        request.Wait();
                        pages.Add(request.Result);
                    }

                    Task.WaitAll(new Task[0]);
                    return pages;
                }
            }
            """);

        [Theory]
        [InlineData("static int Measure(Task<string> page) => page.Result.Length;")]
        [InlineData("static int Measure(Task<string> page) { page.Wait(); return page.GetAwaiter().GetResult().Length; }")]
        public Task Reports_CallOfABlockingLocalFunction_NotItsBody(string localFunction) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Pages
            {
                public IEnumerable<int> Sizes(IEnumerable<Task<string>> pages)
                {
                    foreach (var page in pages)
                    {
                        yield return {|YA1001:Measure(page)|};
                    }

                    {{localFunction}}
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_EagerWrapperBlockingBeforeReturningLocalIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class CsvSource
            {
                public IEnumerable<string[]> Rows(string path)
                {
                    var text = File.ReadAllTextAsync(path).Result;
                    return Split(text);

                    static IEnumerable<string[]> Split(string text)
                    {
                        foreach (var line in text.Split('\n'))
                        {
                            yield return line.Split(',');
                        }
                    }
                }
            }
            """);

        [Theory]
        [InlineData("yield return Task.FromResult(1).Result;")]
        [InlineData("yield return Task.FromResult(1).GetAwaiter().GetResult();")]
        [InlineData("Task.CompletedTask.Wait();")]
        [InlineData("Task.CompletedTask.GetAwaiter().GetResult();")]
        [InlineData("yield return new ValueTask<int>(5).Result;")]
        [InlineData("yield return new ValueTask<int>(5).GetAwaiter().GetResult();")]
        [InlineData("yield return ValueTask.FromResult(5).Result;")]
        [InlineData("ValueTask.CompletedTask.GetAwaiter().GetResult();")]
        [InlineData("new ValueTask().GetAwaiter().GetResult();")]
        [InlineData("yield return default(ValueTask<int>).Result;")]
        [InlineData("yield return Task.FromResult(3).ConfigureAwait(false).GetAwaiter().GetResult();")]
        public Task NoDiagnostic_TaskKnownToBeComplete(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Defaults
            {
                public IEnumerable<int> Values()
                {
                    {{statement}}
                    yield return 0;
                }
            }
            """);

        [Theory]
        [InlineData("if (pending.IsCompleted) yield return pending.Result;")]
        [InlineData("if (pending.IsCompleted) { yield return pending.Result; }")]
        [InlineData("yield return pending.IsCompletedSuccessfully ? pending.Result : 0;")]
        [InlineData("yield return !pending.IsCompleted ? 0 : pending.Result;")]
        [InlineData("if (pending.IsCompleted && pending.Result > 0) yield return 1;")]
        [InlineData("if (!pending.IsCompleted || pending.Result > 0) yield return 1;")]
        [InlineData("if (!pending.IsCompleted) yield break; yield return pending.Result;")]
        [InlineData("if (!pending.IsCompleted) { yield break; } foreach (var i in new[] { 1, 2 }) yield return pending.Result * i;")]
        [InlineData("if (!pending.IsCompletedSuccessfully) throw new InvalidOperationException(); yield return pending.Result;")]
        [InlineData("if (pending.IsCompleted == false) yield break; yield return pending.Result;")]
        [InlineData("if (pending.IsCompleted) pending.Wait();")]
        [InlineData("if (pending.IsCompleted) yield return pending.GetAwaiter().GetResult();")]
        [InlineData("if (pending.IsCompleted) yield return pending.ConfigureAwait(false).GetAwaiter().GetResult();")]
        [InlineData("if (pending.Status == TaskStatus.RanToCompletion) yield return pending.Result;")]
        [InlineData("if (pending.Status != TaskStatus.RanToCompletion) yield break; yield return pending.Result;")]
        [InlineData("while (!pending.IsCompleted) yield return 0; yield return pending.Result;")]
        [InlineData("do { yield return 0; } while (!pending.IsCompleted); yield return pending.Result;")]
        [InlineData("for (var polls = 0; !pending.IsCompleted; polls++) yield return polls; yield return pending.Result;")]
        [InlineData("if (pending.IsCompleted is false) yield break; yield return pending.Result;")]
        public Task NoDiagnostic_GuardedByCompletionCheck(string statements) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Poller
            {
                public IEnumerable<int> Drain(Task<int> pending)
                {
                    {{statements}}
                    yield return -1;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_PollingLoopInCoroutineStyleIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections;
            using System.IO;
            using System.Threading.Tasks;

            class SaveGameLoader
            {
                public string Contents { get; private set; } = "";

                public IEnumerator Load(string path)
                {
                    Task<string> read = File.ReadAllTextAsync(path);
                    while (!read.IsCompleted)
                    {
                        yield return null;
                    }

                    Contents = read.Result;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ResultAndWaitOfUnrelatedTypes() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Text.RegularExpressions;

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
                public IEnumerable<string> Describe(ParseOutcome outcome, Job job, Match match)
                {
                    yield return outcome.Result.ToString();
                    job.Wait();
                    yield return job.Result;
                    yield return match.Result("$1");
                }
            }
            """);

        [Theory]
        [InlineData("gate.Wait();")]
        [InlineData("gate.Wait(token);")]
        [InlineData("throttle.Wait();")]
        [InlineData("throttle.Wait(TimeSpan.FromSeconds(1));")]
        [InlineData("countdown.Wait(token);")]
        [InlineData("handle.WaitOne();")]
        [InlineData("Thread.SpinWait(20);")]
        public Task NoDiagnostic_WaitOfSynchronizationPrimitive(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading;

            class Consumer
            {
                public IEnumerable<int> Take(
                    ManualResetEventSlim gate,
                    SemaphoreSlim throttle,
                    CountdownEvent countdown,
                    WaitHandle handle,
                    CancellationToken token)
                {
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
                public IEnumerable<int> Evaluate(IEnumerable<string> expressions)
                {
                    foreach (var expression in expressions)
                    {
                        yield return new ExpressionParser(expression).GetResult();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ValueTaskSourceGetResult() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks.Sources;

            class PooledReads
            {
                public IEnumerable<int> Completed(IValueTaskSource<int> source, IEnumerable<short> tokens)
                {
                    foreach (var token in tokens)
                    {
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
                public IEnumerable<string> Members(Task<int> pending)
                {
                    yield return nameof(pending.Result);
                    yield return nameof(pending.Wait);
                    yield return nameof(Task.WaitAll);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AwaitedInAsyncMethod() => Verify.VerifyAnalyzerAsync("""
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

                    await Task.Delay(10);
                    return contents;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InsideAsyncIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            class LogReader
            {
                public async IAsyncEnumerable<string> ReadAll(IEnumerable<string> paths)
                {
                    foreach (var path in paths)
                    {
                        await Task.Yield();
                        Thread.Sleep(10);
                        yield return File.ReadAllTextAsync(path).Result;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_NonBlockingTaskMembers() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Scheduler
            {
                public IEnumerable<Task> Plan(Task first, Task second, CancellationToken token)
                {
                    yield return Task.WhenAll(first, second);
                    yield return Task.WhenAny(first, second);
                    yield return Task.Delay(TimeSpan.FromSeconds(1), token);
                    yield return first.WaitAsync(token);
                    yield return first.ContinueWith(_ => Thread.Sleep(10));
                    yield return Task.Run(() => second.Wait());
                    Thread.Yield();
                }
            }
            """);

        [Theory]
        [InlineData("IEnumerable<int> Counts() => Load().Result;")]
        [InlineData("IEnumerable<int> Counts => Load().Result;")]
        [InlineData("IEnumerable<int> Counts() { return Load().GetAwaiter().GetResult(); }")]
        public Task NoDiagnostic_MemberWithoutYieldIsNotAnIterator(string member) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Stats
            {
                private Task<int[]> Load() => Task.Run(() => new[] { 1, 2, 3 });

                public {{member}}
            }
            """);

        [Fact]
        public Task NoDiagnostic_InGeneratedCode() => Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class GeneratedClient
            {
                public IEnumerable<string> Pages(Task<string> first)
                {
                    yield return first.Result;
                }
            }
            """);

        [Theory]
        [InlineData("yield return pending.")]
        [InlineData("yield return pending.Res")]
        [InlineData("yield return pending.GetAwaiter().")]
        [InlineData("foreach (var line in pending.) yield return line;")]
        [InlineData("yield return Task.")]
        [InlineData("yield return pending.Result(")]
        public Task NoDiagnostic_HalfTypedIterator(string statement) => VerifyNoDiagnosticDespiteCompilerErrorsAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Typing
            {
                IEnumerable<string> Lines(Task<string> pending)
                {
                    {{statement}}
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_IteratorCutOffMidExpression() => VerifyNoDiagnosticDespiteCompilerErrorsAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Typing
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return t.
            """);

        [Fact]
        public Task NoDiagnostic_IteratorWithNonEnumerableReturnType() => Verify.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;

            class Counter
            {
                int {|CS1624:Count|}(Task<int> pending)
                {
                    yield return pending.Result;
                }
            }
            """);

        #endregion

        #region Analyzer: blocking through a helper

        [Fact]
        public Task Reports_CallOfAHelperThatBlocksOnItsArgument_NamingTheHelper() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();
            }

            class Pager
            {
                public IEnumerable<int> Pages(IAsyncEnumerator<int> source)
                {
                    while ({|#0:Sync.Wait(source.MoveNextAsync())|})
                    {
                        yield return source.Current;
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments("Sync.Wait", "Pages"));

        [Fact]
        public Task Reports_HelperWithAnIsCompletedFastPath_ExtensionHelper_AndAChainOfHelpers() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            static class TaskSync
            {
                public static T Value<T>(this ValueTask<T> task) => task.IsCompleted ? task.Result : task.AsTask().GetAwaiter().GetResult();

                public static string Text(Task<string> task)
                {
                    if (task.IsCompletedSuccessfully)
                    {
                        return task.Result;
                    }

                    return Inner(task);
                }

                private static string Inner(Task<string> task) => task.ConfigureAwait(false).GetAwaiter().GetResult();

                public static void Run(System.Func<Task> work) => Task.Run(work).Wait();
            }

            class Reader
            {
                public IEnumerable<string> Read(ValueTask<int> count, string path)
                {
                    yield return {|#0:count.Value()|}.ToString();
                    yield return {|#1:TaskSync.Text(File.ReadAllTextAsync(path))|};
                    {|#2:TaskSync.Run(() => File.WriteAllTextAsync(path, ""))|};
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(".Value()", "Read"),
            Verify.Diagnostic("YA1001").WithLocation(1).WithArguments("TaskSync.Text", "Read"),
            Verify.Diagnostic("YA1001").WithLocation(2).WithArguments("TaskSync.Run", "Read"));

        [Fact]
        public Task Reports_HelpersThatCallEachOther_WhereOneOfThemBlocks() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Loop
            {
                public static int A(Task<int> task, int depth) => depth > 0 ? B(task, depth - 1) : task.Result;

                public static int B(Task<int> task, int depth) => A(task, depth);

                public static int C(Task<int> task, int depth) => depth > 0 ? D(task, depth - 1) : 0;

                public static int D(Task<int> task, int depth) => C(task, depth);
            }

            class Numbers
            {
                public IEnumerable<int> All(Task<int> pending)
                {
                    yield return {|YA1001:Loop.B(pending, 3)|};
                    yield return Loop.D(pending, 3);
                }
            }
            """);

        [Fact]
        public Task Reports_KnownLibraryHelpers() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            namespace Nito.AsyncEx.Synchronous
            {
                public static class TaskExtensions
                {
                    public static T WaitAndUnwrapException<T>(this Task<T> task) => throw new NotImplementedException();
                }
            }

            namespace Nito.AsyncEx
            {
                public sealed class AsyncContext
                {
                    public static T Run<T>(Func<Task<T>> action) => throw new NotImplementedException();
                }
            }

            namespace Microsoft.VisualStudio.Threading
            {
                public class JoinableTaskFactory
                {
                    public void Run(Func<Task> asyncMethod) => throw new NotImplementedException();
                }
            }

            namespace App
            {
                using Microsoft.VisualStudio.Threading;
                using Nito.AsyncEx;
                using Nito.AsyncEx.Synchronous;

                class Loader
                {
                    public IEnumerable<int> Load(Task<int> first, Func<Task<int>> second, JoinableTaskFactory factory)
                    {
                        yield return {|#0:first.WaitAndUnwrapException()|};
                        yield return {|#1:AsyncContext.Run(second)|};
                        {|#2:factory.Run(async () => await Task.Delay(10))|};
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(".WaitAndUnwrapException()", "Load"),
            Verify.Diagnostic("YA1001").WithLocation(1).WithArguments("AsyncContext.Run", "Load"),
            Verify.Diagnostic("YA1001").WithLocation(2).WithArguments("JoinableTaskFactory.Run", "Load"));

        [Fact]
        public Task NoDiagnostic_HelperLookAlikes() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Tasks
            {
                // Reads the result only once the task has completed.
                public static T OrDefault<T>(Task<T> task) => task.IsCompletedSuccessfully ? task.Result : default;

                public static T Completed<T>(Task<T> task)
                {
                    if (!task.IsCompleted) throw new InvalidOperationException("not finished");
                    return task.Result;
                }

                // Observes, never waits.
                public static void Forget(this Task task) => task.ContinueWith(t => t.Wait(), TaskContinuationOptions.OnlyOnFaulted);

                public static Task<T> Log<T>(Task<T> task) { Console.WriteLine("started"); return task; }

                // Blocks, but on something it made itself rather than on its argument.
                public static int Other(Task<int> ignored) => Task.Run(() => 1).Result;

                // An iterator: calling it runs nothing.
                public static IEnumerable<T> Lazily<T>(Task<T> task) { yield return {|YA1001:task.Result|}; }

                public static async Task<T> Awaiting<T>(Task<T> task) => await task;
            }

            class Unrelated
            {
                public static int Wait(int timeout) => timeout;
            }

            class Reader
            {
                public IEnumerable<int> Read(Task<int> pending)
                {
                    yield return Tasks.OrDefault(pending);
                    yield return Tasks.Completed(pending);
                    pending.Forget();
                    yield return Tasks.Log(pending).Id;
                    yield return Tasks.Other(pending);
                    foreach (var value in Tasks.Lazily(pending)) yield return value;
                    yield return Tasks.Awaiting(pending).Id;
                    yield return Unrelated.Wait(5);
                    Func<int> later = () => Tasks.Other(pending);
                    yield return later.Method.Name.Length;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_HelperCalledOnATaskProvenComplete() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
            }

            class Reader
            {
                public IEnumerable<int> Read(Task<int> pending)
                {
                    yield return Sync.Wait(Task.FromResult(1));
                    if (pending.IsCompleted)
                    {
                        yield return Sync.Wait(pending);
                    }

                    while (!pending.IsCompleted)
                    {
                        yield return 0;
                    }

                    yield return Sync.Wait(pending);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_CallToldToRunSynchronously() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T WaitAndUnwrap<T>(this Task<T> task) => task.GetAwaiter().GetResult();
            }

            class Queue
            {
                // One implementation for both APIs: with sync: true it never yields, so the task is complete on return.
                private Task<(bool, int)> TryTakeAsync(CancellationToken token, bool sync) => Task.FromResult((true, 1));

                private Task<int> ReadAsync(bool async) => Task.FromResult(1);

                public IEnumerable<int> Consume(CancellationToken token)
                {
                    while (true)
                    {
                        var result = TryTakeAsync(token, sync: true).WaitAndUnwrap();
                        if (!result.Item1)
                            yield break;
                        yield return result.Item2;
                        yield return ReadAsync(async: false).GetAwaiter().GetResult();
                        yield return {|YA1001:ReadAsync(async: true).GetAwaiter().GetResult()|};
                        yield return {|YA1001:TryTakeAsync(token, sync: false).WaitAndUnwrap()|}.Item2;
                    }
                }
            }
            """);

        [Theory]
        [InlineData("yield return Sync.Wait(pending.")]
        [InlineData("yield return Sync.Wait(")]
        [InlineData("yield return Sync.Wait(pending, );")]
        [InlineData("yield return Sync.Broken(pending);")]
        public Task NoCrash_HalfTypedHelperCall(string statement) => HalfTypedCode.AssertNoCrashAsync<YA1001BlockingWaitInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix>($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

                public static T Broken<T>(Task<T> task) => task.GetAwaiter().
            }

            class Typing
            {
                IEnumerable<int> Lines(Task<int> pending)
                {
                    {{statement}}
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
        public Task Fix_ConvertsIteratorAwaitsAddsSuffixAndFlowsTokenToCaller() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class LogReader
            {
                private readonly HttpClient _client = new HttpClient();

                /// <summary>Reads pages.</summary>
                public IEnumerable<string> ReadPages(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        var page = {|YA1001:_client.GetStringAsync("https://example.com/" + i).Result|};
                        {|YA1001:Thread.Sleep(100)|};
                        yield return page.Trim();
                    }
                }

                public async Task RunAsync(CancellationToken token)
                {
                    foreach (var page in ReadPages(3))
                    {
                        Console.WriteLine(page);
                    }
                    await Task.Yield();
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class LogReader
            {
                private readonly HttpClient _client = new HttpClient();

                /// <summary>Reads pages.</summary>
                public async IAsyncEnumerable<string> ReadPagesAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    for (var i = 0; i < count; i++)
                    {
                        var page = await _client.GetStringAsync("https://example.com/" + i, cancellationToken);
                        await Task.Delay(100, cancellationToken);
                        yield return page.Trim();
                    }
                }

                public async Task RunAsync(CancellationToken token)
                {
                    await foreach (var page in ReadPagesAsync(3, cancellationToken: token))
                    {
                        Console.WriteLine(page);
                    }
                    await Task.Yield();
                }
            }
            """);


        [Fact]
        public Task Fix_ConvertsSyncIteratorCallersUpTheCallGraph() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> Inner(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                IEnumerable<int> Outer(Task<int> t)
                {
                    foreach (var x in Inner(t))
                        yield return x + 1;
                }

                async Task Use(Task<int> t)
                {
                    foreach (var x in Outer(t)) { }
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
                async IAsyncEnumerable<int> Inner(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                async IAsyncEnumerable<int> Outer(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await foreach (var x in Inner(t, cancellationToken: cancellationToken))
                        yield return x + 1;
                }

                async Task Use(Task<int> t)
                {
                    await foreach (var x in Outer(t)) { }
                    await Task.Yield();
                }
            }
            """);

        /// <summary>The conversion awaits YA1002's counterparts too: an iterator made async should not keep blocking on ReadLine.</summary>
        [Fact]
        public Task Fix_AlsoAwaitsAsyncCounterpartsAndStreams() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<string> Read(TextReader reader, Task<string> header, IAsyncEnumerable<string> more)
                {
                    yield return {|YA1001:header.Result|};
                    yield return reader.ReadLine()!;
                    foreach (var line in more.ToBlockingEnumerable())
                        yield return line;
                    var e = more.GetAsyncEnumerator();
                    yield return {|YA1001:e.MoveNextAsync().AsTask().Result|} ? e.Current : "";
                }
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<string> Read(TextReader reader, Task<string> header, IAsyncEnumerable<string> more, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await header;
                    yield return (await reader.ReadLineAsync(cancellationToken))!;
                    await foreach (var line in more.WithCancellation(cancellationToken))
                        yield return line;
                    var e = more.GetAsyncEnumerator();
                    yield return await e.MoveNextAsync() ? e.Current : "";
                }
            }
            """);

        [Fact]
        public async Task Fix_ConvertsCallersInOtherFiles_AndEveryBlockingShape()
        {
            var test = new VerifyFix.Test();
            test.TestState.Sources.Add(("/0/Reader.cs", """
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;

                static class Reader
                {
                    public static IEnumerable<string> A(Task<string> t)
                    {
                        {|YA1001:Task.WaitAll(t)|};
                        yield return {|YA1001:t.GetAwaiter().GetResult()|};
                    }

                    public static IEnumerator<string> B(Task<string> t, Task<string> u)
                    {
                        var i = {|YA1001:Task.WaitAny(t, u)|};
                        if ({|YA1001:t.Wait(100)|}) yield return "done";
                        yield return {|YA1001:u.ConfigureAwait(false).GetAwaiter().GetResult()|} + i;
                    }
                }
                """));
            test.TestState.Sources.Add(("/0/Use.cs", """
                using System.Threading.Tasks;

                class Use
                {
                    async Task Run()
                    {
                        foreach (var s in Reader.A(Task.FromResult("x")))
                            System.Console.WriteLine(s);
                        await Task.Yield();
                    }
                }
                """));
            test.FixedState.Sources.Add(("/0/Reader.cs", """
                using System;
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                static class Reader
                {
                    public static async IAsyncEnumerable<string> A(Task<string> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        await Task.WhenAll(t);
                        yield return await t;
                    }

                    public static async IAsyncEnumerator<string> B(Task<string> t, Task<string> u, CancellationToken cancellationToken = default)
                    {
                        var i = Array.IndexOf(new Task[] { t, u }, await Task.WhenAny(t, u));
                        if (await Task.WhenAny(t, Task.Delay(100)) == t) yield return "done";
                        yield return await u.ConfigureAwait(false) + i;
                    }
                }
                """));
            test.FixedState.Sources.Add(("/0/Use.cs", """
                using System.Threading.Tasks;

                class Use
                {
                    async Task Run()
                    {
                        await foreach (var s in Reader.A(Task.FromResult("x")))
                            System.Console.WriteLine(s);
                        await Task.Yield();
                    }
                }
                """));
            await test.RunAsync();
        }

        [Fact]
        public Task NoFix_WhenIteratorYieldsInsideLock() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                private readonly object _gate = new object();

                IEnumerable<int> Inner(Task<int> t)
                {
                    lock (_gate)
                    {
                        yield return {|YA1001:t.Result|};
                    }
                }

                async Task Use(Task<int> t)
                {
                    foreach (var x in Inner(t)) { }
                    await Task.Yield();
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                private readonly object _gate = new object();

                IEnumerable<int> Inner(Task<int> t)
                {
                    lock (_gate)
                    {
                        yield return {|YA1001:t.Result|};
                    }
                }

                async Task Use(Task<int> t)
                {
                    foreach (var x in Inner(t)) { }
                    await Task.Yield();
                }
            }
            """);



        private static Task VerifyNoFix(string source) => VerifyFix.VerifyCodeFixAsync(source, source);

        [Fact]
        public Task Fix_ReusesExistingCancellationTokenAndKeepsDocsAndAttributes() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                /// <summary>Reads the feed.</summary>
                /// <param name="source">Where from.</param>
                [Obsolete("use the other one")]
                internal static IEnumerable<string> Read(Func<CancellationToken, Task<string>> source, CancellationToken token)
                {
                    // one page per call
                    while (!token.IsCancellationRequested)
                    {
                        var t = source(token);
                        {|YA1001:t.Wait(token)|};
                        yield return {|YA1001:t.Result|};
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                /// <summary>Reads the feed.</summary>
                /// <param name="source">Where from.</param>
                [Obsolete("use the other one")]
                internal static async IAsyncEnumerable<string> Read(Func<CancellationToken, Task<string>> source, [EnumeratorCancellation] CancellationToken token)
                {
                    // one page per call
                    while (!token.IsCancellationRequested)
                    {
                        var t = source(token);
                        await t.WaitAsync(token);
                        yield return await t;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_LocalFunctionIteratorAndAsyncLambdaCaller() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Job
            {
                Func<Task> Build(Task<int>[] parts)
                {
                    return async () =>
                    {
                        foreach (var p in Parts())
                            Console.WriteLine(p);
                        await Task.Yield();
                    };

                    IEnumerable<int> Parts()
                    {
                        {|YA1001:Task.WaitAll(parts)|};
                        foreach (var part in parts)
                            yield return part.Result;
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Job
            {
                Func<Task> Build(Task<int>[] parts)
                {
                    return async () =>
                    {
                        await foreach (var p in Parts())
                            Console.WriteLine(p);
                        await Task.Yield();
                    };

                    async IAsyncEnumerable<int> Parts([EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        await Task.WhenAll(parts);
                        foreach (var part in parts)
                            yield return part.Result;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_LeavesFormsWithTimeoutsForYA1005() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<bool> M(Task[] ts, Task<int> t)
                {
                    yield return {|YA1001:Task.WaitAll(ts, 100)|};
                    yield return {|YA1001:t.Result|} > 0;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<bool> M(Task[] ts, Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return Task.WaitAll(ts, 100);
                    yield return await t > 0;
                }
            }
            """);

        [Fact]
        public async Task Fix_ConvertsCallersInOtherProjects()
        {
            var test = new VerifyFix.Test();
            test.TestState.Sources.Add("""
                using System.Collections.Generic;
                using System.Threading.Tasks;

                public static class Source
                {
                    public static IEnumerable<int> Numbers(Task<int> seed)
                    {
                        yield return {|YA1001:seed.Result|};
                    }
                }
                """);
            var app = new ProjectState("App", LanguageNames.CSharp, "/App/", "cs");
            test.TestState.AdditionalProjects.Add("App", app);
            test.TestState.AdditionalProjects["App"].AdditionalProjectReferences.Add("TestProject");
            test.TestState.AdditionalProjects["App"].Sources.Add(("/App/Program.cs", """
                using System.Threading;
                using System.Threading.Tasks;

                public static class Program
                {
                    public static async Task Main(CancellationToken stop)
                    {
                        foreach (var n in Source.Numbers(Task.FromResult(1)))
                            System.Console.WriteLine(n);
                        await Task.Yield();
                    }
                }
                """));
            test.FixedState.Sources.Add("""
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                public static class Source
                {
                    public static async IAsyncEnumerable<int> Numbers(Task<int> seed, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        yield return await seed;
                    }
                }
                """);
            test.FixedState.AdditionalProjects.Add("App", new ProjectState("App", LanguageNames.CSharp, "/App/", "cs"));
            test.FixedState.AdditionalProjects["App"].AdditionalProjectReferences.Add("TestProject");
            test.FixedState.AdditionalProjects["App"].Sources.Add(("/App/Program.cs", """
                using System.Threading;
                using System.Threading.Tasks;

                public static class Program
                {
                    public static async Task Main(CancellationToken stop)
                    {
                        await foreach (var n in Source.Numbers(Task.FromResult(1), cancellationToken: stop))
                            System.Console.WriteLine(n);
                        await Task.Yield();
                    }
                }
                """));
            await test.RunAsync();
        }

        [Fact]
        public Task Fix_IgnoresCrefAndNameofReferences() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                /// <summary>Enumerates <see cref="Inner"/>.</summary>
                IEnumerable<int> Outer(Task<int> t)
                {
                    foreach (var x in Inner(t))
                        yield return x;
                }

                IEnumerable<int> Inner(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                string Name => nameof(Inner);
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                /// <summary>Enumerates <see cref="Inner"/>.</summary>
                async IAsyncEnumerable<int> Outer(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await foreach (var x in Inner(t, cancellationToken: cancellationToken))
                        yield return x;
                }

                async IAsyncEnumerable<int> Inner(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                string Name => nameof(Inner);
            }
            """);

        /// <summary>The counterpart leaves the sync original, and its warning, for the callers that stay synchronous.</summary>
        private static Task VerifyCounterpart(string source, string fixedSource)
        {
            var test = new VerifyFix.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix.EquivalenceKey + ".AddAsyncCounterpart",
                CodeActionIndex = 0,
                NumberOfIncrementalIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task Counterpart_WhenCallerMaterialisesTheResult() => VerifyCounterpart("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> Inner(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                List<int> Use(Task<int> t) => Inner(t).ToList();
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> Inner(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                async IAsyncEnumerable<int> InnerAsync(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                List<int> Use(Task<int> t) => Inner(t).ToList();
            }
            """);

        [Fact]
        public Task Counterpart_MovesAsyncCallersAndLeavesSyncOnes() => VerifyCounterpart("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                int Sum(Task<int> t)
                {
                    var sum = 0;
                    foreach (var x in M(t)) sum += x;
                    return sum;
                }

                async Task<int> SumAsync(Task<int> t, CancellationToken stop)
                {
                    var sum = 0;
                    foreach (var x in M(t)) sum += x;
                    await Task.Yield();
                    return sum;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                async IAsyncEnumerable<int> MAsync(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                int Sum(Task<int> t)
                {
                    var sum = 0;
                    foreach (var x in M(t)) sum += x;
                    return sum;
                }

                async Task<int> SumAsync(Task<int> t, CancellationToken stop)
                {
                    var sum = 0;
                    await foreach (var x in MAsync(t, cancellationToken: stop)) sum += x;
                    await Task.Yield();
                    return sum;
                }
            }
            """);

        [Fact]
        public Task Counterpart_WhenReferencedAsMethodGroup() => VerifyCounterpart("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                Func<Task<int>, IEnumerable<int>> Factory => M;
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                async IAsyncEnumerable<int> MAsync(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                Func<Task<int>, IEnumerable<int>> Factory => M;
            }
            """);

        [Fact]
        public Task NoCounterpart_WhenTheAsyncNameIsTaken() => VerifyNoFix("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                void MAsync() { }

                List<int> Use(Task<int> t) => M(t).ToList();
            }
            """);

        [Fact]
        public Task Fix_ConvertsInterfaceMemberWithEveryImplementation() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            interface ISource { IEnumerable<int> Read(Task<int> t); }

            class Remote : ISource
            {
                public IEnumerable<int> Read(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }
            }

            class Local : ISource
            {
                public IEnumerable<int> Read(Task<int> t)
                {
                    yield return 1;
                }
            }

            class Consumer
            {
                async Task Run(ISource source)
                {
                    foreach (var x in source.Read(Task.FromResult(1))) { }
                    await Task.Yield();
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            interface ISource { IAsyncEnumerable<int> Read(Task<int> t, CancellationToken cancellationToken = default); }

            class Remote : ISource
            {
                public async IAsyncEnumerable<int> Read(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }
            }

            class Local : ISource
            {
                public async IAsyncEnumerable<int> Read(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return 1;
                }
            }

            class Consumer
            {
                async Task Run(ISource source)
                {
                    await foreach (var x in source.Read(Task.FromResult(1))) { }
                    await Task.Yield();
                }
            }
            """);

        [Fact]
        public Task Fix_ConvertsVirtualMethodWithItsOverrides() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            abstract class Root
            {
                public abstract IEnumerable<int> Read(Task<int> t);
            }

            class Base : Root
            {
                public override IEnumerable<int> Read(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }
            }

            class Derived : Base
            {
                public override IEnumerable<int> Read(Task<int> t)
                {
                    yield return {|YA1001:t.Result|} + 1;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            abstract class Root
            {
                public abstract IAsyncEnumerable<int> Read(Task<int> t, CancellationToken cancellationToken = default);
            }

            class Base : Root
            {
                public override async IAsyncEnumerable<int> Read(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }
            }

            class Derived : Base
            {
                public override async IAsyncEnumerable<int> Read(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t + 1;
                }
            }
            """);

        [Fact]
        public Task NoFix_WhenAnImplementationIsNotAnIterator() => VerifyNoFix("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            interface ISource { IEnumerable<int> Read(Task<int> t); }

            class Remote : ISource
            {
                public IEnumerable<int> Read(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }
            }

            class Cached : ISource
            {
                public IEnumerable<int> Read(Task<int> t) => new List<int> { 1 };
            }
            """);

        [Fact]
        public Task NoFix_WhenTheInterfaceIsInMetadata() => VerifyNoFix("""
            using System.Collections;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Pages : IEnumerable<string>
            {
                private readonly Task<string[]> _pages;

                public Pages(Task<string[]> pages) => _pages = pages;

                public IEnumerator<string> GetEnumerator()
                {
                    foreach (var page in {|YA1001:_pages.Result|})
                        yield return page;
                }

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }
            """);

        [Theory]
        [InlineData("true")]
        [InlineData("false")]
        [InlineData("auto")]
        public async Task Fix_PatternGetEnumerator_BecomesGetAsyncEnumerator_WhateverTheSuffixOption(string option)
        {
            var test = new VerifyFix.Test
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Threading.Tasks;

                    class Pages
                    {
                        private readonly Task<string[]> _pages;

                        public Pages(Task<string[]> pages) => _pages = pages;

                        public IEnumerator<string> GetEnumerator()
                        {
                            foreach (var page in {|YA1001:_pages.Result|})
                                yield return page;
                        }
                    }

                    class Reader
                    {
                        async Task<int> CountAsync(Pages pages)
                        {
                            await Task.Yield();
                            var n = 0;
                            foreach (var page in pages)
                                n += page.Length;
                            return n;
                        }
                    }
                    """,
                // The foreach caller binds GetEnumerator by pattern and cannot follow, so the async form is added beside it,
                // under the name await foreach binds by the same pattern.
                FixedCode = """
                    using System.Collections.Generic;
                    using System.Threading;
                    using System.Threading.Tasks;

                    class Pages
                    {
                        private readonly Task<string[]> _pages;

                        public Pages(Task<string[]> pages) => _pages = pages;

                        public IEnumerator<string> GetEnumerator()
                        {
                            foreach (var page in {|YA1001:_pages.Result|})
                                yield return page;
                        }

                        public async IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default)
                        {
                            foreach (var page in await _pages)
                                yield return page;
                        }
                    }

                    class Reader
                    {
                        async Task<int> CountAsync(Pages pages)
                        {
                            await Task.Yield();
                            var n = 0;
                            foreach (var page in pages)
                                n += page.Length;
                            return n;
                        }
                    }
                    """,
                CodeActionEquivalenceKey = YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix.EquivalenceKey + ".AddAsyncCounterpart",
                NumberOfIncrementalIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*]\nyieldawait.async_suffix = {option}\n"));
            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData("true", "ReadAsync")]
        [InlineData("false", "Read")]
        public async Task Fix_HonoursTheAsyncSuffixOption(string option, string expectedName)
        {
            var test = new VerifyFix.Test
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Threading.Tasks;

                    class C
                    {
                        IEnumerable<int> Read(Task<int> t)
                        {
                            yield return {|YA1001:t.Result|};
                        }
                    }
                    """,
                FixedCode = $$"""
                    using System.Collections.Generic;
                    using System.Runtime.CompilerServices;
                    using System.Threading;
                    using System.Threading.Tasks;

                    class C
                    {
                        async IAsyncEnumerable<int> {{expectedName}}(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                        {
                            yield return await t;
                        }
                    }
                    """,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*]\nyieldawait.async_suffix = {option}\n"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task Fix_AutoSuffixFollowsTheProjectAndRenamesCrefs() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                /// <summary>See <see cref="Read"/>.</summary>
                async Task<int> CountAsync(Task<int> t)
                {
                    var n = 0;
                    foreach (var x in Read(t)) n++;
                    await Task.Yield();
                    return n;
                }

                Task<int> LoadAsync() => Task.FromResult(1);

                IEnumerable<int> Read(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                string Name => nameof(Read);
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                /// <summary>See <see cref="ReadAsync"/>.</summary>
                async Task<int> CountAsync(Task<int> t)
                {
                    var n = 0;
                    await foreach (var x in ReadAsync(t)) n++;
                    await Task.Yield();
                    return n;
                }

                Task<int> LoadAsync() => Task.FromResult(1);

                async IAsyncEnumerable<int> ReadAsync(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                string Name => nameof(ReadAsync);
            }
            """);

        /// <summary>A stand-in for .NET 10's System.Linq.AsyncEnumerable (the tests compile against .NET 8).</summary>
        private const string AsyncLinqStandIn = """

            namespace System.Linq
            {
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;

                public static class AsyncEnumerable
                {
                    public static async IAsyncEnumerable<T> Where<T>(this IAsyncEnumerable<T> source, Func<T, bool> predicate)
                    {
                        await foreach (var item in source) if (predicate(item)) yield return item;
                    }

                    public static async IAsyncEnumerable<TResult> Select<T, TResult>(this IAsyncEnumerable<T> source, Func<T, TResult> selector)
                    {
                        await foreach (var item in source) yield return selector(item);
                    }

                    public static async ValueTask<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default)
                    {
                        var list = new List<T>();
                        await foreach (var item in source.WithCancellation(cancellationToken)) list.Add(item);
                        return list;
                    }

                    public static async ValueTask<int> CountAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default)
                    {
                        var count = 0;
                        await foreach (var item in source.WithCancellation(cancellationToken)) count++;
                        return count;
                    }
                }
            }
            """;

        [Fact]
        public Task Fix_MovesLinqConsumersToAsyncLinq() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Report
            {
                IEnumerable<int> Sizes(Task<int[]> pending)
                {
                    foreach (var size in {|YA1001:pending.Result|})
                        yield return size;
                }

                async Task<List<string>> LargeAsync(Task<int[]> pending)
                {
                    await Task.Yield();
                    return Sizes(pending).Where(s => s > 10).Select(s => s.ToString()).ToList();
                }

                async Task<int> CountAsync(Task<int[]> pending)
                {
                    var n = Sizes(pending).Count() + 1;
                    foreach (var s in Sizes(pending).Where(s => s > 0)) n++;
                    return n;
                }
            }
            """ + AsyncLinqStandIn, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Report
            {
                async IAsyncEnumerable<int> SizesAsync(Task<int[]> pending, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var size in await pending)
                        yield return size;
                }

                async Task<List<string>> LargeAsync(Task<int[]> pending)
                {
                    await Task.Yield();
                    return await SizesAsync(pending).Where(s => s > 10).Select(s => s.ToString()).ToListAsync();
                }

                async Task<int> CountAsync(Task<int[]> pending)
                {
                    var n = await SizesAsync(pending).CountAsync() + 1;
                    await foreach (var s in SizesAsync(pending).Where(s => s > 0)) n++;
                    return n;
                }
            }
            """ + AsyncLinqStandIn);

        [Fact]
        public Task Counterpart_WhenLinqConsumerHasNoAsyncLinq() => VerifyCounterpart("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Report
            {
                IEnumerable<int> Sizes(Task<int[]> pending)
                {
                    foreach (var size in {|YA1001:pending.Result|})
                        yield return size;
                }

                async Task<int> TotalAsync(Task<int[]> pending)
                {
                    await Task.Yield();
                    return Sizes(pending).Sum();
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Report
            {
                IEnumerable<int> Sizes(Task<int[]> pending)
                {
                    foreach (var size in {|YA1001:pending.Result|})
                        yield return size;
                }

                async IAsyncEnumerable<int> SizesAsync(Task<int[]> pending, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var size in await pending)
                        yield return size;
                }

                async Task<int> TotalAsync(Task<int[]> pending)
                {
                    await Task.Yield();
                    return Sizes(pending).Sum();
                }
            }
            """);

        [Fact]
        public Task Fix_KeepsFrameworkNamesQualifiedWhereAUserTypeHasTheName() => VerifyFix.VerifyCodeFixAsync("""
            namespace App
            {
                using System.Collections.Generic;

                class Task { }

                class Poller
                {
                    IEnumerable<int> Poll()
                    {
                        {|YA1001:System.Threading.Thread.Sleep(10)|};
                        yield return 1;
                    }
                }
            }
            """, """
            namespace App
            {
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Threading;

                class Task { }

                class Poller
                {
                    async IAsyncEnumerable<int> Poll([EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        await global::System.Threading.Tasks.Task.Delay(10, cancellationToken);
                        yield return 1;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_AddsUsingsToAFileWithoutAny() => VerifyFix.VerifyCodeFixAsync("""
            class Poller
            {
                System.Collections.Generic.IEnumerable<int> Poll(System.Threading.Tasks.Task<int> next)
                {
                    yield return {|YA1001:next.Result|};
                }
            }
            """, """
            using System.Runtime.CompilerServices;
            using System.Threading;

            class Poller
            {
                async System.Collections.Generic.IAsyncEnumerable<int> Poll(System.Threading.Tasks.Task<int> next, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await next;
                }
            }
            """);

        [Fact]
        public Task NoFix_ForNonGenericEnumerable() => VerifyNoFix("""
            using System.Collections;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable M(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }
            }
            """);

        [Fact]
        public Task Fix_AwaitsWhatTheHelperBlocksOn() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

                public static void Run(Func<Task> work) => work().GetAwaiter().GetResult();

                public static int WithTimeout(Task<int> task, int milliseconds) => task.Wait(milliseconds) ? task.Result : -1;
            }

            class Pager
            {
                public IEnumerable<int> Pages(IAsyncEnumerator<int> source, Func<Task> flush)
                {
                    while ({|YA1001:Sync.Wait(source.MoveNextAsync())|})
                    {
                        yield return source.Current;
                    }

                    {|YA1001:Sync.Run(() => flush())|};
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

                public static void Run(Func<Task> work) => work().GetAwaiter().GetResult();

                public static int WithTimeout(Task<int> task, int milliseconds) => task.Wait(milliseconds) ? task.Result : -1;
            }

            class Pager
            {
                public async IAsyncEnumerable<int> Pages(IAsyncEnumerator<int> source, Func<Task> flush, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    while (await source.MoveNextAsync())
                    {
                        yield return source.Current;
                    }

                    await flush();
                }
            }
            """);

        [Fact]
        public Task NoFix_WhenTheHelperTakesMoreThanTheTask() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static int WithTimeout(Task<int> task, int milliseconds) => task.Wait(milliseconds) ? task.Result : -1;
            }

            class Pager
            {
                public IEnumerable<int> Pages(Task<int> pending)
                {
                    yield return {|YA1001:Sync.WithTimeout(pending, 100)|};
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static int WithTimeout(Task<int> task, int milliseconds) => task.Wait(milliseconds) ? task.Result : -1;
            }

            class Pager
            {
                public IEnumerable<int> Pages(Task<int> pending)
                {
                    yield return {|YA1001:Sync.WithTimeout(pending, 100)|};
                }
            }
            """);

        [Fact]
        public async Task NoFix_BeforeCSharp8()
        {
            var source = """
                using System.Collections.Generic;
                using System.Threading.Tasks;

                class C
                {
                    IEnumerable<int> M(Task<int> t)
                    {
                        yield return {|YA1001:t.Result|};
                    }
                }
                """;
            var test = new VerifyFix.Test { TestCode = source, FixedCode = source };
            test.SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.CSharp7_3)));
            await test.RunAsync();
        }


        #endregion
    }
}
