using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1001BlockingWaitInIteratorTests
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
    }
}
