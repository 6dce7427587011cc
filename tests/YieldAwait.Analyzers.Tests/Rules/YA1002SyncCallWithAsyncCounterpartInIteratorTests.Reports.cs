using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1002SyncCallWithAsyncCounterpartInIteratorTests
    {
        #region Analyzer: reports sync calls whose async counterpart could be awaited

        [Fact]
        public Task Reports_ReadLineOfStreamReader_NamingCallCounterpartAndIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class LogReader
            {
                public IEnumerable<string> Lines(string path)
                {
                    using var reader = new StreamReader(path);
                    string? line;
                    while ((line = {|#0:reader.ReadLine()|}) is not null)
                    {
                        yield return line;
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1002").WithLocation(0).WithArguments("StreamReader.ReadLine", "ReadLineAsync", "Lines"));

        [Theory]
        [InlineData("var n = {|YA1002:stream.Read(buffer, 0, buffer.Length)|};")]
        [InlineData("{|YA1002:stream.Write(buffer, 0, buffer.Length)|};")]
        [InlineData("{|YA1002:stream.Flush()|};")]
        [InlineData("{|YA1002:stream.CopyTo(Stream.Null)|};")]
        [InlineData("var text = {|YA1002:new StreamReader(stream).ReadToEnd()|};")]
        [InlineData("var lines = {|YA1002:File.ReadAllLines(\"app.log\")|};")]
        [InlineData("var text = {|YA1002:File.ReadAllText(\"app.log\")|};")]
        [InlineData("{|YA1002:File.WriteAllText(\"app.log\", \"\")|};")]
        [InlineData("var doc = {|YA1002:JsonDocument.Parse(stream)|};")]
        [InlineData("var value = {|YA1002:JsonSerializer.Deserialize<int[]>(stream)|};")]
        [InlineData("{|YA1002:gate.Wait()|};")]
        [InlineData("var entered = {|YA1002:gate.Wait(100)|};")]
        [InlineData("{|YA1002:process.WaitForExit()|};")]
        public Task Reports_FrameworkCallsWithAsyncCounterparts(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.IO;
            using System.Text.Json;
            using System.Threading;

            class Pump
            {
                public IEnumerable<int> Run(Stream stream, byte[] buffer, SemaphoreSlim gate, Process process)
                {
                    {{statement}}
                    yield return buffer.Length;
                }
            }
            """);

        [Fact]
        public Task Reports_DataReaderAndCommand() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Data.Common;

            class OrderQuery
            {
                public IEnumerable<int> Ids(DbConnection connection)
                {
                    {|YA1002:connection.Open()|};
                    using var command = connection.CreateCommand();
                    command.CommandText = "select id from orders";
                    using var reader = {|YA1002:command.ExecuteReader()|};
                    while ({|YA1002:reader.Read()|})
                    {
                        yield return reader.GetInt32(0);
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_HttpClientSend() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Net.Http;

            class Crawler
            {
                private readonly HttpClient _http = new HttpClient();

                public IEnumerable<int> Statuses(IEnumerable<Uri> pages)
                {
                    foreach (var page in pages)
                    {
                        using var response = {|YA1002:_http.Send(new HttpRequestMessage(HttpMethod.Head, page))|};
                        yield return (int)response.StatusCode;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_CounterpartOnInterface_ReturningValueTask() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            interface IBlobStore
            {
                int Size(string name);
                ValueTask<int> SizeAsync(string name, CancellationToken cancellationToken = default);
                void Touch(string name);
                Task TouchAsync(string name);
            }

            class Inventory
            {
                public IEnumerable<int> Sizes(IBlobStore store, IEnumerable<string> names)
                {
                    foreach (var name in names)
                    {
                        {|YA1002:store.Touch(name)|};
                        yield return {|YA1002:store.Size(name)|};
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_CounterpartInheritedFromBaseClass_AndOwnMembersCalledUnqualified() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            abstract class Repository
            {
                protected string Load(int id) => id.ToString();
                protected Task<string> LoadAsync(int id) => Task.FromResult(id.ToString());
            }

            class CustomerRepository : Repository
            {
                public IEnumerable<string> Names(IEnumerable<int> ids)
                {
                    foreach (var id in ids)
                    {
                        yield return {|YA1002:Load(id)|};
                        yield return {|YA1002:this.Load(id)|};
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_ExtensionWithCounterpartInSameClass_AndGenericMethod() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            sealed class Queue { }

            static class QueueExtensions
            {
                public static T Receive<T>(this Queue queue) => default!;
                public static Task<T> ReceiveAsync<T>(this Queue queue, CancellationToken cancellationToken = default) => Task.FromResult(default(T)!);
            }

            class Consumer
            {
                public IEnumerable<string> Messages(Queue queue)
                {
                    while (true)
                    {
                        yield return {|YA1002:queue.Receive<string>()|};
                        yield return {|YA1002:QueueExtensions.Receive<string>(queue)|};
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_MoreDerivedAsyncResult() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Archive
            {
                public Stream Open(string name) => Stream.Null;
                public Task<FileStream> OpenAsync(string name) => Task.FromResult<FileStream>(null!);
            }

            class Unpacker
            {
                public IEnumerable<long> Lengths(Archive archive, IEnumerable<string> names)
                {
                    foreach (var name in names)
                    {
                        using var stream = {|YA1002:archive.Open(name)|};
                        yield return stream.Length;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InEveryIteratorShape() => Verify.VerifyAnalyzerAsync("""
            using System.Collections;
            using System.Collections.Generic;
            using System.IO;

            class Shapes
            {
                private readonly TextReader _reader = TextReader.Null;

                public IEnumerable<string> Property
                {
                    get { yield return {|YA1002:_reader.ReadLine()|}!; }
                }

                public IEnumerator<string> GetEnumerator()
                {
                    yield return {|YA1002:_reader.ReadToEnd()|};
                }

                public static IEnumerable Untyped(TextReader reader)
                {
                    yield return {|YA1002:reader.ReadLine()|};
                }

                public IReadOnlyList<string> Eager()
                {
                    return Local().AsList();

                    IEnumerable<string> Local()
                    {
                        yield return {|YA1002:_reader.ReadLine()|}!;
                    }
                }
            }

            static class ListExtensions
            {
                public static IReadOnlyList<T> AsList<T>(this IEnumerable<T> source) => new List<T>(source);
            }
            """);

        [Fact]
        public Task Reports_EachCallOnce_InsideTryCatchFinally() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class Tail
            {
                public IEnumerable<string> Read(Stream stream)
                {
                    var reader = new StreamReader(stream);
                    try
                    {
                        yield return {|YA1002:reader.ReadLine()|}!;
                    }
                    finally
                    {
                        {|YA1002:stream.Flush()|};
                    }
                }
            }
            """);

        #endregion
    }
}
