using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA1002SyncCallWithAsyncCounterpartInIteratorTests
    {
        #region Analyzer: reports sync calls whose async counterpart could be awaited

        [Fact]
        public Task Reports_ReadLineOfStreamReader_NamingCallCounterpartAndIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

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

                public async Task Ship(string path)
                {
                    foreach (var line in Lines(path))
                    {
                        await Task.Delay(1);
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
            using System.Threading.Tasks;

            class Pump
            {
                public IEnumerable<int> Run(Stream stream, byte[] buffer, SemaphoreSlim gate, Process process)
                {
                    {{statement}}
                    yield return buffer.Length;
                }

                public async Task<int> Drain(Stream stream, SemaphoreSlim gate, Process process)
                {
                    var total = 0;
                    foreach (var n in Run(stream, new byte[16], gate, process))
                    {
                        total += n;
                        await Task.Yield();
                    }

                    return total;
                }
            }
            """);

        [Fact]
        public Task Reports_DataReaderAndCommand() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Data.Common;
            using System.Threading.Tasks;

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

            class Billing
            {
                public async Task Invoice(OrderQuery query, DbConnection connection)
                {
                    foreach (var id in query.Ids(connection))
                    {
                        await Task.Delay(id);
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_HttpClientSend() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

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

                public async Task Check(IEnumerable<Uri> pages)
                {
                    foreach (var status in Statuses(pages))
                    {
                        await Task.Delay(status);
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

                public async Task Audit(IBlobStore store, IEnumerable<string> names)
                {
                    foreach (var size in Sizes(store, names))
                    {
                        await Task.Delay(size);
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

                public async Task Greet(IEnumerable<int> ids)
                {
                    foreach (var name in Names(ids))
                    {
                        await Task.Delay(name.Length);
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

                public async Task Listen(Queue queue)
                {
                    foreach (var message in Messages(queue))
                    {
                        await Task.Delay(message.Length);
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

                public async Task<long> Total(Archive archive, IEnumerable<string> names)
                {
                    await Task.Yield();
                    long total = 0;
                    foreach (var length in Lengths(archive, names)) total += length;
                    return total;
                }
            }
            """);

        [Fact]
        public Task Reports_InEveryIteratorShape() => Verify.VerifyAnalyzerAsync("""
            using System.Collections;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

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

                public async Task<IReadOnlyList<string>> Eager()
                {
                    await Task.Yield();
                    return Local().AsList();

                    IEnumerable<string> Local()
                    {
                        yield return {|YA1002:_reader.ReadLine()|}!;
                    }
                }

                public async Task Consume(TextReader reader)
                {
                    foreach (var line in Property) await Task.Delay(line.Length);
                    using var lines = GetEnumerator();
                    while (lines.MoveNext()) await Task.Yield();
                    foreach (var item in Untyped(reader)) await Task.Yield();
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
            using System.Threading.Tasks;

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

                public async Task Follow(Stream stream)
                {
                    foreach (var line in Read(stream)) await Task.Delay(line.Length);
                }
            }
            """);

        #endregion

        #region Analyzer: only where a coroutine consumes the generator

        [Fact]
        public Task NoDiagnostic_WhenEveryCallerIsSync() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Journal
            {
                public IEnumerable<string> Entries(string path)
                {
                    using var reader = new StreamReader(path);
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }

                public int Count(string path) => Entries(path).Count();

                public void Print(string path)
                {
                    foreach (var entry in Entries(path)) System.Console.WriteLine(entry);
                }

                public Task<List<string>> Snapshot(string path) => Task.Run(() => Entries(path).ToList());

                public async Task<int> Background(string path)
                {
                    await Task.Yield();
                    return await Task.Run(() => Entries(path).Count());
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenNothingInTheCompilationEnumeratesIt() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            public class CsvSource
            {
                public IEnumerable<string[]> Rows(TextReader reader)
                {
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line.Split(',');
                }

                public async Task<string> Describe()
                {
                    await Task.Yield();
                    return nameof(Rows);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_SyncHalfOfAPair_WhoseAsyncHalfExists() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Data.Common;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            public class Rows
            {
                public IEnumerable<int> Query(DbCommand command)
                {
                    using var reader = command.ExecuteReader();
                    while (reader.Read()) yield return reader.GetInt32(0);
                }

                public async Task<IEnumerable<int>> QueryAsync(DbCommand command)
                {
                    await Task.Yield();
                    return new List<int>();
                }

                public IEnumerable<string> Read(TextReader reader)
                {
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }

                public async IAsyncEnumerable<string> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    string? line;
                    while ((line = await reader.ReadLineAsync(cancellationToken)) != null) yield return line;
                }

                public async Task Mixed(DbCommand command, TextReader reader)
                {
                    foreach (var id in Query(command)) await Task.Delay(id);
                    foreach (var line in Read(reader)) await Task.Delay(line.Length);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_PrivateIteratorBehindThePublicSyncHalfOfAPair() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Data.Common;
            using System.Threading.Tasks;

            public static class Mapper
            {
                public static IEnumerable<T> Query<T>(this DbConnection connection, string sql)
                {
                    if (sql is null) throw new System.ArgumentNullException(nameof(sql));
                    return QueryRows<T>(connection, sql);
                }

                public static Task<IEnumerable<T>> QueryAsync<T>(this DbConnection connection, string sql) =>
                    Task.FromResult<IEnumerable<T>>(new List<T>());

                private static IEnumerable<T> QueryRows<T>(DbConnection connection, string sql)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = sql;
                    using var reader = command.ExecuteReader();
                    while (reader.Read()) yield return reader.GetFieldValue<T>(0);
                }
            }

            class Report
            {
                public async Task Print(DbConnection connection)
                {
                    foreach (var n in connection.Query<int>("select 1")) await Task.Delay(n);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ImplementationOfASyncInterfaceMember() => Verify.VerifyAnalyzerAsync("""
            using System.Collections;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            public interface ILineSource
            {
                IEnumerable<string> Lines();
            }

            public sealed class FileLines : ILineSource, IEnumerable<string>
            {
                private readonly string _path;

                public FileLines(string path) => _path = path;

                public IEnumerable<string> Lines()
                {
                    foreach (var line in File.ReadAllLines(_path)) yield return line;
                }

                public IEnumerator<string> GetEnumerator()
                {
                    using var reader = new StreamReader(_path);
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }

            class Printer
            {
                public async Task Print(FileLines file)
                {
                    foreach (var line in file.Lines()) await Task.Delay(line.Length);
                    foreach (var line in file) await Task.Delay(line.Length);
                }
            }
            """);

        [Fact]
        public Task Reports_LinqChainEnumeratedInAnAsyncMethod() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Export
            {
                public IEnumerable<string> Lines(string path)
                {
                    using var reader = new StreamReader(path);
                    string? line;
                    while ((line = {|YA1002:reader.ReadLine()|}) != null) yield return line;
                }

                public IEnumerable<string> Chunks(IEnumerable<string> paths)
                {
                    foreach (var text in paths.Select(File.ReadAllText)) yield return text;
                }

                public async Task<int> Upload(string path)
                {
                    var count = Lines(path).Where(l => l.Length > 0).Select(l => l.Trim()).Count();
                    await Task.Delay(count);
                    return count;
                }
            }
            """);

        [Fact]
        public Task Reports_IteratorReachedThroughSyncIteratorsAndLambdas() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Pipeline
            {
                private static IEnumerable<string> Raw(string path)
                {
                    foreach (var line in {|YA1002:File.ReadAllLines(path)|}) yield return line;
                }

                private static IEnumerable<string> Clean(string path)
                {
                    foreach (var line in Raw(path))
                    {
                        if (line.Length > 0) yield return line.Trim();
                    }
                }

                public static IEnumerable<string> Upper(string path) => Clean(path).Select(l => l.ToUpperInvariant());

                private static IEnumerable<int> Sizes(TextReader reader)
                {
                    yield return {|YA1002:reader.ReadToEnd()|}.Length;
                }

                public static async Task Run(string[] paths, TextReader reader)
                {
                    foreach (var line in paths.SelectMany(p => Upper(p))) await Task.Delay(line.Length);
                    Func<Task> later = async () =>
                    {
                        foreach (var size in Sizes(reader)) await Task.Delay(size);
                    };
                    await later();
                }
            }
            """);

        [Fact]
        public Task ReportsOnlyWhereTheAsyncMethodReadsIt_NotWhereItHandsItBack() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Data.Common;
            using System.Linq;
            using System.Threading.Tasks;

            static class Rows
            {
                private static IEnumerable<int> Stream(DbDataReader reader)
                {
                    while (reader.Read()) yield return reader.GetInt32(0);
                }

                private static IEnumerable<int> Mapped(DbDataReader reader)
                {
                    while ({|YA1002:reader.Read()|}) yield return reader.GetInt32(0) * 2;
                }

                public static async Task<IEnumerable<int>> Open(DbCommand command)
                {
                    var reader = await command.ExecuteReaderAsync();
                    var deferred = Stream(reader);
                    return deferred;
                }

                public static async Task<IEnumerable<int>> Load(DbCommand command, bool buffered)
                {
                    var reader = await command.ExecuteReaderAsync();
                    var results = Mapped(reader);
                    return buffered ? results.ToList() : results;
                }
            }
            """);

        [Fact]
        public Task Reports_AsyncIteratorConsumingAGenerator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Relay
            {
                private IEnumerable<string> Lines(TextReader reader)
                {
                    string? line;
                    while ((line = {|YA1002:reader.ReadLine()|}) != null) yield return line;
                }

                public async IAsyncEnumerable<string> Forward(TextReader reader)
                {
                    foreach (var line in Lines(reader))
                    {
                        await Task.Yield();
                        yield return line;
                    }
                }
            }
            """);

        #endregion

        #region Analyzer: look-alikes that must stay silent

        [Fact]
        public Task NoDiagnostic_InsideLambdaOrAnonymousMethod() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Lazy
            {
                public IEnumerable<Func<string?>> Readers(IEnumerable<TextReader> readers)
                {
                    foreach (var reader in readers)
                    {
                        yield return () => reader.ReadLine();
                        yield return delegate { return reader.ReadToEnd(); };
                    }
                }

                public IEnumerable<string?> Query(IEnumerable<TextReader> readers)
                {
                    foreach (var line in from r in readers select r.ReadLine())
                    {
                        yield return line;
                    }
                }

                public async Task Consume(IEnumerable<TextReader> readers)
                {
                    foreach (var reader in Readers(readers)) await Task.Yield();
                    foreach (var line in Query(readers)) await Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InNameOf() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Names
            {
                public IEnumerable<string> Members(TextReader reader)
                {
                    yield return nameof(reader.ReadLine);
                    yield return nameof(File.ReadAllLines);
                }

                public async Task Consume(TextReader reader)
                {
                    foreach (var name in Members(reader)) await Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_RecursiveCallOfTheIteratorItself() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Tree
            {
                public Tree? Left { get; set; }

                public IEnumerable<int> Walk(Tree node)
                {
                    if (node.Left is not null)
                    {
                        foreach (var x in Walk(node.Left)) yield return x;
                    }

                    yield return 1;
                }

                public Task<IEnumerable<int>> WalkAsync(Tree node) => Task.FromResult(Walk(node));
            }
            """);

        [Fact]
        public Task NoDiagnostic_TaskAndAwaiterMethods_AreYA1001Forms() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Waiter
            {
                public IEnumerable<int> Wait(Task pending, Task<int> value, CancellationToken token)
                {
                    pending.Wait(token);
                    pending.Wait(TimeSpan.FromSeconds(1));
                    yield return value.GetAwaiter().GetResult();
                }

                public async Task Consume(Task pending, Task<int> value)
                {
                    foreach (var x in Wait(pending, value, default)) await Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_BuiltInExclusions() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Data.Common;
            using System.IO;
            using System.Threading;
            using System.Xml;

            class Exclusions
            {
                public IEnumerable<object> Run(Stream stream, XmlReader xml, XmlWriter writer, DbDataReader row, CancellationTokenSource cts, MemoryStream memory, byte[] buffer)
                {
                    while (xml.Read())
                    {
                        writer.WriteStartElement("row");
                        writer.Flush();
                        yield return xml.Name;
                    }

                    yield return row.GetFieldValue<int>(0);
                    yield return row.IsDBNull(1);
                    yield return memory.Read(buffer, 0, buffer.Length);
                    memory.CopyTo(stream);
                    yield return new StringReader("a").ReadLine()!;
                    var text = new StringWriter();
                    text.Flush();
                    Console.Out.WriteLine("progress");
                    Console.Out.Flush();
                    yield return Console.In.ReadLine()!;
                    cts.Cancel();
                    stream.Dispose();
                    yield return stream.ToString()!;
                }

                public async System.Threading.Tasks.Task Consume(Stream stream, XmlReader xml, XmlWriter writer, DbDataReader row, CancellationTokenSource cts)
                {
                    foreach (var item in Run(stream, xml, writer, row, cts, new MemoryStream(), new byte[4])) await System.Threading.Tasks.Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_EntityFrameworkAddAndAddRange() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Microsoft.EntityFrameworkCore
            {
                public class DbContext
                {
                    public object Add(object entity) => entity;
                    public ValueTask<object> AddAsync(object entity, CancellationToken cancellationToken = default) => new ValueTask<object>(entity);
                    public int SaveChanges() => 0;
                    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
                }

                public abstract class DbSet<TEntity> where TEntity : class
                {
                    public virtual object Add(TEntity entity) => entity;
                    public virtual ValueTask<object> AddAsync(TEntity entity, CancellationToken cancellationToken = default) => new ValueTask<object>(entity);
                    public virtual void AddRange(params TEntity[] entities) { }
                    public virtual Task AddRangeAsync(params TEntity[] entities) => Task.CompletedTask;
                }
            }

            namespace Shop
            {
                using Microsoft.EntityFrameworkCore;

                class Order { }

                class Import
                {
                    public IEnumerable<int> Run(DbContext context, DbSet<Order> orders, IEnumerable<Order> batch)
                    {
                        foreach (var order in batch)
                        {
                            orders.Add(order);
                            orders.AddRange(order, order);
                            context.Add(order);
                            yield return {|YA1002:context.SaveChanges()|};
                        }
                    }

                    public async Task Store(DbContext context, DbSet<Order> orders, IEnumerable<Order> batch)
                    {
                        foreach (var saved in Run(context, orders, batch)) await Task.Delay(saved);
                    }
                }
            }
            """);

        [Theory]
        [InlineData("M:Store.Load(System.Int32)")]
        [InlineData("T:Store")]
        [InlineData("M:Other.Thing, M:Store.Load(System.Int32)")]
        [InlineData("M:BaseStore.Load(System.Int32)")]
        public async Task NoDiagnostic_WhenExcludedByOption(string exclusions)
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Threading.Tasks;

                    class BaseStore
                    {
                        public virtual string Load(int id) => "";
                        public virtual Task<string> LoadAsync(int id) => Task.FromResult("");
                    }

                    class Store : BaseStore
                    {
                        public override string Load(int id) => "";
                    }

                    class Reader
                    {
                        public IEnumerable<string> Read(Store store)
                        {
                            yield return store.Load(1);
                        }

                        public async Task Consume(Store store)
                        {
                            foreach (var value in Read(store)) await Task.Yield();
                        }
                    }
                    """,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"""
                root = true

                [*.cs]
                yieldawait.blocking_call_exclusions = {exclusions}
                """));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Reports_WhenOptionExcludesOtherMethods()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.IO;
                    using System.Threading.Tasks;

                    class Reader
                    {
                        public IEnumerable<string> Read(TextReader reader)
                        {
                            yield return {|YA1002:reader.ReadToEnd()|};
                            yield return reader.ReadLine()!;
                        }

                        public async Task Consume(TextReader reader)
                        {
                            foreach (var value in Read(reader)) await Task.Yield();
                        }
                    }
                    """,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
                root = true

                [*.cs]
                yieldawait.blocking_call_exclusions = M:System.IO.TextReader.ReadLine , T:System.Xml.XmlReader
                """));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task NoDiagnostic_WhenTwinIsNotAReplacement() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            class Mismatches
            {
                public int Count(string key) => 0;
                public Task<long> CountAsync(string key) => Task.FromResult(0L);

                public string Name(int id) => "";
                public Task<string> NameAsync(long id) => Task.FromResult("");

                public void Save(string value) { }
                public Task SaveAsync(string value, bool overwrite) => Task.CompletedTask;

                public static void Reset() { }
                public Task ResetAsync() => Task.CompletedTask;

                public string Title(int id) => "";
                public Task<object> TitleAsync(int id) => Task.FromResult<object>("");

                public IEnumerable<int> Items() => new[] { 1 };
                public IAsyncEnumerable<int> ItemsAsync() => throw new NotImplementedException();

                public int Peek(ref int position) => position;
                public Task<int> PeekAsync(int position) => Task.FromResult(position);

                public void Sync(string key) { }
                [Obsolete("use Sync")]
                public Task SyncAsync(string key) => Task.CompletedTask;

                public IEnumerable<object> Use()
                {
                    yield return Count("a");
                    yield return Name(1);
                    Save("x");
                    Reset();
                    yield return Title(1);
                    yield return Items();
                    var position = 0;
                    yield return Peek(ref position);
                    Sync("k");
                }

                public async Task Consume()
                {
                    foreach (var value in Use()) await Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_SpanOverloadWhoseTwinTakesMemory() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            class Chunks
            {
                public IEnumerable<int> Read(Stream stream)
                {
                    var buffer = new byte[16];
                    yield return Fill(stream, buffer);
                }

                private static int Fill(Stream stream, byte[] buffer) => stream.Read(buffer.AsSpan());

                public async System.Threading.Tasks.Task Consume(Stream stream)
                {
                    foreach (var n in Read(stream)) await System.Threading.Tasks.Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_CounterpartNotAccessibleOrInAnotherClass() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Vault
            {
                public string Read(int slot) => "";
                private Task<string> ReadAsync(int slot) => Task.FromResult("");
            }

            static class Parsing
            {
                public static int Parse(this string text) => text.Length;
            }

            static class AsyncParsing
            {
                public static Task<int> ParseAsync(this string text) => Task.FromResult(text.Length);
            }

            class Client
            {
                public IEnumerable<object> Use(Vault vault)
                {
                    yield return vault.Read(1);
                    yield return "abc".Parse();
                }

                public async Task Consume(Vault vault)
                {
                    foreach (var value in Use(vault)) await Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_OutsideSyncIterators() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Places
            {
                public string? NotAnIterator(TextReader reader) => reader.ReadLine();

                public IEnumerable<string> ReturnsList(TextReader reader) => new List<string> { reader.ReadToEnd() };

                public async Task<string?> AsyncMethod(TextReader reader)
                {
                    await Task.Yield();
                    return reader.ReadLine();
                }

                public async IAsyncEnumerable<string> AsyncIterator(TextReader reader)
                {
                    await Task.Yield();
                    yield return reader.ReadLine()!;
                }

                public IEnumerable<string> Eager(TextReader reader)
                {
                    var first = reader.ReadLine()!;
                    return Lines();

                    IEnumerable<string> Lines()
                    {
                        yield return first;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhereAwaitIsNotAllowed_OrCallIsConditional() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class Guarded
            {
                private readonly object _gate = new object();

                public IEnumerable<string> Read(TextReader? reader)
                {
                    string? line;
                    lock (_gate)
                    {
                        line = reader!.ReadLine();
                    }

                    try
                    {
                        line = null;
                    }
                    catch (IOException) when (reader!.ReadLine() is null)
                    {
                        line = "";
                    }

                    yield return line!;
                    yield return reader?.ReadLine() ?? "";
                }

                public async System.Threading.Tasks.Task Consume(TextReader reader)
                {
                    foreach (var line in Read(reader)) await System.Threading.Tasks.Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AsyncCallsAlreadyBlockedOn() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class Blocking
            {
                public IEnumerable<string> Read(TextReader reader)
                {
                    yield return reader.ReadLineAsync().Result!;
                }

                public async System.Threading.Tasks.Task Consume(TextReader reader)
                {
                    foreach (var line in Read(reader)) await System.Threading.Tasks.Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InGeneratedCode() => Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Collections.Generic;
            using System.IO;

            class Generated
            {
                public IEnumerable<string> Lines(TextReader reader)
                {
                    yield return reader.ReadLine()!;
                }

                public async System.Threading.Tasks.Task Consume(TextReader reader)
                {
                    foreach (var line in Lines(reader)) await System.Threading.Tasks.Task.Yield();
                }
            }
            """);

        [Theory]
        [InlineData("yield return reader.")]
        [InlineData("yield return reader.ReadLine(")]
        [InlineData("yield return reader.ReadLine(1, 2);")]
        [InlineData("yield return File.ReadAllLines();")]
        [InlineData("yield return Missing.ReadLine();")]
        [InlineData("foreach (var l in {|YA1002:File.ReadAllLines(path)|} yield return l;")]
        [InlineData("yield return {|YA1002:reader.ReadLine()|}; yield return")]
        public Task HalfTypedIterator_DoesNotCrash_AndReportsOnlyCompleteCalls(string statement) => new Verify.Test
        {
            TestCode = $$"""
                using System.Collections.Generic;
                using System.IO;

                class Typing
                {
                    async System.Threading.Tasks.Task Consume(TextReader reader)
                    {
                        foreach (var line in Lines(reader, "")) await System.Threading.Tasks.Task.Yield();
                    }

                    IEnumerable<object> Lines(TextReader reader, string path)
                    {
                        {{statement}}
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync(CancellationToken.None);

        #endregion

        #region Code fix

        [Fact]
        public Task Fix_AwaitsTheCounterpartWithTheNewToken() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class LogReader
            {
                /// <summary>Lines of a file.</summary>
                public IEnumerable<string> Lines(string path)
                {
                    using var reader = new StreamReader(path);
                    string? line;
                    while ((line = {|YA1002:reader.ReadLine()|}) is not null)
                    {
                        yield return line.Trim();
                    }
                }

                public async Task Ship(string path)
                {
                    foreach (var line in Lines(path)) await Task.Delay(line.Length);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class LogReader
            {
                /// <summary>Lines of a file.</summary>
                public async IAsyncEnumerable<string> Lines(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    using var reader = new StreamReader(path);
                    string? line;
                    while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
                    {
                        yield return line.Trim();
                    }
                }

                public async Task Ship(string path)
                {
                    await foreach (var line in Lines(path)) await Task.Delay(line.Length);
                }
            }
            """);

        [Fact]
        public Task Fix_OnNet6_CallsTheOverloadsThatExistThere() => new VerifyFix.Test
        {
            ReferenceAssemblies = Verifiers.TestReferences.Net60,
            TestCode = """
                using System.Collections.Generic;
                using System.IO;
                using System.Threading.Tasks;

                class LogReader
                {
                    public IEnumerable<string> Lines(TextReader reader, string path)
                    {
                        yield return {|YA1002:reader.ReadLine()|}!;
                        yield return {|YA1002:File.ReadAllText(path)|};
                    }

                    public async Task Ship(TextReader reader)
                    {
                        foreach (var line in Lines(reader, "app.log")) await Task.Delay(line.Length);
                    }
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using System.IO;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                class LogReader
                {
                    public async IAsyncEnumerable<string> Lines(TextReader reader, string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        yield return (await reader.ReadLineAsync())!;
                        yield return await File.ReadAllTextAsync(path, cancellationToken);
                    }

                    public async Task Ship(TextReader reader)
                    {
                        await foreach (var line in Lines(reader, "app.log")) await Task.Delay(line.Length);
                    }
                }
                """,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task Fix_KeepsSpellingTypeArgumentsAndValues() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            class Feed
            {
                public IEnumerable<string> Read(Stream stream, string path)
                {
                    var items = {|YA1002:JsonSerializer.Deserialize<string[]>(stream)|};
                    foreach (var line in {|YA1002:File.ReadAllLines(path)|})
                    {
                        yield return line;
                    }

                    yield return {|YA1002:new StreamReader(stream).ReadToEnd()|}.Trim();
                    {|YA1002:stream.Flush()|};
                    yield return items![0];
                }

                public async Task Publish(Stream stream)
                {
                    foreach (var item in Read(stream, "feed.txt")) await Task.Delay(item.Length);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                public async IAsyncEnumerable<string> Read(Stream stream, string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    var items = await JsonSerializer.DeserializeAsync<string[]>(stream, cancellationToken: cancellationToken);
                    foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
                    {
                        yield return line;
                    }

                    yield return (await new StreamReader(stream).ReadToEndAsync(cancellationToken)).Trim();
                    await stream.FlushAsync(cancellationToken);
                    yield return items![0];
                }

                public async Task Publish(Stream stream)
                {
                    await foreach (var item in Read(stream, "feed.txt")) await Task.Delay(item.Length);
                }
            }
            """);

        [Fact]
        public Task Fix_CounterpartWithoutTokenOverload_AndUnqualifiedCall() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Cache
            {
                private string Load(int id) => id.ToString();
                private Task<string> LoadAsync(int id) => Task.FromResult(id.ToString());

                public IEnumerable<string> All(IEnumerable<int> ids)
                {
                    foreach (var id in ids)
                    {
                        yield return {|YA1002:Load(id)|};
                    }
                }

                public async Task Warm(IEnumerable<int> ids)
                {
                    foreach (var value in All(ids)) await Task.Delay(value.Length);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Cache
            {
                private string Load(int id) => id.ToString();
                private Task<string> LoadAsync(int id) => Task.FromResult(id.ToString());

                public async IAsyncEnumerable<string> AllAsync(IEnumerable<int> ids, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var id in ids)
                    {
                        yield return await LoadAsync(id);
                    }
                }

                public async Task Warm(IEnumerable<int> ids)
                {
                    await foreach (var value in AllAsync(ids)) await Task.Delay(value.Length);
                }
            }
            """);

        [Fact]
        public Task Fix_MoreDerivedResult_IsNotAwaitedIntoAnImplicitlyTypedLocal() => VerifyFix.VerifyCodeFixAsync("""
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
                public IEnumerable<long> Lengths(Archive archive, string name)
                {
                    var first = {|YA1002:archive.Open(name)|};
                    first = Stream.Null;
                    Stream second = {|YA1002:archive.Open(name)|};
                    yield return first.Length + second.Length;
                }

                public async Task Report(Archive archive)
                {
                    foreach (var length in Lengths(archive, "a.zip")) await Task.Delay((int)length);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Archive
            {
                public Stream Open(string name) => Stream.Null;
                public Task<FileStream> OpenAsync(string name) => Task.FromResult<FileStream>(null!);
            }

            class Unpacker
            {
                public async IAsyncEnumerable<long> LengthsAsync(Archive archive, string name, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    var first = archive.Open(name);
                    first = Stream.Null;
                    Stream second = await archive.OpenAsync(name);
                    yield return first.Length + second.Length;
                }

                public async Task Report(Archive archive)
                {
                    await foreach (var length in LengthsAsync(archive, "a.zip")) await Task.Delay((int)length);
                }
            }
            """);

        /// <summary>A caller that drives the enumerator by hand cannot follow the conversion, so the counterpart is added beside it.</summary>
        [Fact]
        public Task Fix_EnumeratorWithoutToken_GainsATokenParameter_AndPassesIt_InTheCounterpartItsCallerNeeds() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Channel
            {
                public int Receive() => 0;
                public Task<int> ReceiveAsync(CancellationToken cancellationToken) => Task.FromResult(0);

                public IEnumerator<int> Pump()
                {
                    while (true)
                    {
                        yield return {|YA1002:Receive()|};
                    }
                }

                public async Task Run()
                {
                    using var messages = Pump();
                    while (messages.MoveNext()) await Task.Delay(messages.Current);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Channel
            {
                public int Receive() => 0;
                public Task<int> ReceiveAsync(CancellationToken cancellationToken) => Task.FromResult(0);

                public IEnumerator<int> Pump()
                {
                    while (true)
                    {
                        yield return Receive();
                    }
                }

                public async IAsyncEnumerator<int> PumpAsync(CancellationToken cancellationToken = default)
                {
                    while (true)
                    {
                        yield return await ReceiveAsync(cancellationToken);
                    }
                }

                public async Task Run()
                {
                    using var messages = Pump();
                    while (messages.MoveNext()) await Task.Delay(messages.Current);
                }
            }
            """);

        [Fact]
        public async Task Fix_ConvertsCallerInAnotherFile_AndFlowsItsToken()
        {
            var test = new VerifyFix.Test();
            test.TestState.Sources.Add(("/0/Reader.cs", """
                using System.Collections.Generic;
                using System.IO;

                static class Reader
                {
                    public static IEnumerable<string> Lines(TextReader reader)
                    {
                        string? line;
                        while ((line = {|YA1002:reader.ReadLine()|}) != null)
                            yield return line;
                    }
                }
                """));
            test.TestState.Sources.Add(("/0/Use.cs", """
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                class Use
                {
                    async Task<int> Count(TextReader reader, CancellationToken token)
                    {
                        var n = 0;
                        foreach (var line in Reader.Lines(reader))
                            n++;
                        await Task.Yield();
                        return n;
                    }
                }
                """));
            test.FixedState.Sources.Add(("/0/Reader.cs", """
                using System.Collections.Generic;
                using System.IO;
                using System.Runtime.CompilerServices;
                using System.Threading;

                static class Reader
                {
                    public static async IAsyncEnumerable<string> Lines(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        string? line;
                        while ((line = await reader.ReadLineAsync(cancellationToken)) != null)
                            yield return line;
                    }
                }
                """));
            test.FixedState.Sources.Add(("/0/Use.cs", """
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                class Use
                {
                    async Task<int> Count(TextReader reader, CancellationToken token)
                    {
                        var n = 0;
                        await foreach (var line in Reader.Lines(reader, cancellationToken: token))
                            n++;
                        await Task.Yield();
                        return n;
                    }
                }
                """));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task Fix_ConvertsEveryCounterpartAndBlockingWaitOfTheIterator() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Mixed
            {
                public IEnumerable<string> Read(TextReader reader, Task<string> header)
                {
                    yield return header.Result;
                    yield return {|YA1002:reader.ReadLine()|}!;
                }

                public async Task Print(TextReader reader)
                {
                    foreach (var line in Read(reader, Task.FromResult("#"))) await Task.Delay(line.Length);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Mixed
            {
                public async IAsyncEnumerable<string> Read(TextReader reader, Task<string> header, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await header;
                    yield return (await reader.ReadLineAsync(cancellationToken))!;
                }

                public async Task Print(TextReader reader)
                {
                    await foreach (var line in Read(reader, Task.FromResult("#"))) await Task.Delay(line.Length);
                }
            }
            """);

        [Fact]
        public async Task Fix_LeavesCallsExcludedByOptionSynchronous()
        {
            var test = new VerifyFix.Test
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.IO;
                    using System.Threading.Tasks;

                    class Reader
                    {
                        public IEnumerable<string> Read(TextReader reader, Stream stream)
                        {
                            stream.Flush();
                            yield return {|YA1002:reader.ReadLine()|}!;
                        }

                        public async Task Print(TextReader reader)
                        {
                            foreach (var line in Read(reader, Stream.Null)) await Task.Delay(line.Length);
                        }
                    }
                    """,
                FixedCode = """
                    using System.Collections.Generic;
                    using System.IO;
                    using System.Runtime.CompilerServices;
                    using System.Threading;
                    using System.Threading.Tasks;

                    class Reader
                    {
                        public async IAsyncEnumerable<string> Read(TextReader reader, Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                        {
                            stream.Flush();
                            yield return (await reader.ReadLineAsync(cancellationToken))!;
                        }

                        public async Task Print(TextReader reader)
                        {
                            await foreach (var line in Read(reader, Stream.Null)) await Task.Delay(line.Length);
                        }
                    }
                    """,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
                root = true

                [*.cs]
                yieldawait.blocking_call_exclusions = M:System.IO.Stream.Flush
                """));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixAll_ConvertsEveryFlaggedIterator() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Files
            {
                public IEnumerable<string> First(string path)
                {
                    yield return {|YA1002:File.ReadAllText(path)|};
                }

                public IEnumerable<int> Second(string path)
                {
                    foreach (var line in {|YA1002:File.ReadAllLines(path)|})
                        yield return line.Length;
                }

                public IEnumerable<string> Third(IEnumerable<string> paths)
                {
                    foreach (var path in paths)
                        foreach (var text in First(path))
                            yield return text;
                }

                public async Task Index(string[] paths)
                {
                    foreach (var text in Third(paths)) await Task.Delay(text.Length);
                    foreach (var length in Second(paths[0])) await Task.Delay(length);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Files
            {
                public async IAsyncEnumerable<string> First(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await File.ReadAllTextAsync(path, cancellationToken);
                }

                public async IAsyncEnumerable<int> Second(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
                        yield return line.Length;
                }

                public async IAsyncEnumerable<string> Third(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var path in paths)
                        await foreach (var text in First(path, cancellationToken: cancellationToken))
                            yield return text;
                }

                public async Task Index(string[] paths)
                {
                    await foreach (var text in Third(paths)) await Task.Delay(text.Length);
                    await foreach (var length in Second(paths[0])) await Task.Delay(length);
                }
            }
            """);

        /// <summary>
        /// With sync and async callers, only "Add async counterpart" is offered: the sync caller keeps the original, the async one
        /// moves to the counterpart, and the original, now the sync half of a pair, is no longer reported.
        /// </summary>
        [Fact]
        public Task Counterpart_WhenASyncCallerCannotFollow() => new VerifyFix.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Threading.Tasks;

                class Files
                {
                    public IEnumerable<string> Lines(TextReader reader)
                    {
                        yield return {|YA1002:reader.ReadLine()|}!;
                    }

                    public int Count(TextReader reader) => Lines(reader).Count();

                    public async Task<int> Tally(TextReader reader)
                    {
                        var n = 0;
                        foreach (var line in Lines(reader)) n += await Task.FromResult(line.Length);
                        return n;
                    }
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                class Files
                {
                    public IEnumerable<string> Lines(TextReader reader)
                    {
                        yield return reader.ReadLine()!;
                    }

                    public async IAsyncEnumerable<string> LinesAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        yield return (await reader.ReadLineAsync(cancellationToken))!;
                    }

                    public int Count(TextReader reader) => Lines(reader).Count();

                    public async Task<int> Tally(TextReader reader)
                    {
                        var n = 0;
                        await foreach (var line in LinesAsync(reader)) n += await Task.FromResult(line.Length);
                        return n;
                    }
                }
                """,
            CodeActionEquivalenceKey = YieldAwait.CodeFixes.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorCodeFix.EquivalenceKey + ".AddAsyncCounterpart",
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 1,
            FixedState = { MarkupHandling = MarkupMode.Allow },
        }.RunAsync(CancellationToken.None);

        /// <summary>
        /// A deliberately sync caller (the sync half of the Trimmed/TrimmedAsync pair) shares the iterator with an async one: the
        /// conversion would drag Trimmed along and change a sync API, so it is not offered.
        /// </summary>
        [Fact]
        public Task NoConversion_WhenSyncAndAsyncCallersShareTheIterator() => new VerifyFix.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.IO;
                using System.Threading.Tasks;

                class Files
                {
                    private IEnumerable<string> Lines(TextReader reader)
                    {
                        yield return {|YA1002:reader.ReadLine()|}!;
                    }

                    public IEnumerable<string> Trimmed(TextReader reader)
                    {
                        foreach (var line in Lines(reader)) yield return line.Trim();
                    }

                    public async IAsyncEnumerable<string> TrimmedAsync(TextReader reader)
                    {
                        yield return (await reader.ReadLineAsync())!.Trim();
                    }

                    public async Task Print(TextReader reader)
                    {
                        foreach (var line in Lines(reader)) await Task.Delay(line.Length);
                    }
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using System.IO;
                using System.Threading.Tasks;

                class Files
                {
                    private IEnumerable<string> Lines(TextReader reader)
                    {
                        yield return {|YA1002:reader.ReadLine()|}!;
                    }

                    public IEnumerable<string> Trimmed(TextReader reader)
                    {
                        foreach (var line in Lines(reader)) yield return line.Trim();
                    }

                    public async IAsyncEnumerable<string> TrimmedAsync(TextReader reader)
                    {
                        yield return (await reader.ReadLineAsync())!.Trim();
                    }

                    public async Task Print(TextReader reader)
                    {
                        foreach (var line in Lines(reader)) await Task.Delay(line.Length);
                    }
                }
                """,
            CodeActionEquivalenceKey = YieldAwait.CodeFixes.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorCodeFix.EquivalenceKey,
        }.RunAsync(CancellationToken.None);

        #endregion

        #region Review of real-code look-alikes

        [Fact]
        public Task NoDiagnostic_InMemoryAndConsoleReadersHeldInLocals() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            class Lines
            {
                public IEnumerable<string> FromText(string text)
                {
                    using TextReader reader = new StringReader(text);
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }

                public IEnumerable<string> FromConsole()
                {
                    var input = Console.In;
                    string? line;
                    while ((line = input.ReadLine()) != null) yield return line;
                }

                public IEnumerable<string> Existing(IEnumerable<string> paths)
                {
                    foreach (var path in paths)
                    {
                        if (File.Exists(path)) yield return path;
                    }
                }

                public IEnumerable<int> Bytes(byte[] data)
                {
                    using Stream stream = new MemoryStream(data);
                    var buffer = new byte[16];
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) yield return read;
                }

                public async System.Threading.Tasks.Task Consume(string text, byte[] data)
                {
                    foreach (var line in FromText(text)) await System.Threading.Tasks.Task.Yield();
                    foreach (var line in FromConsole()) await System.Threading.Tasks.Task.Yield();
                    foreach (var path in Existing(new[] { text })) await System.Threading.Tasks.Task.Yield();
                    foreach (var read in Bytes(data)) await System.Threading.Tasks.Task.Yield();
                }
            }
            """);

        [Fact]
        public Task Reports_ReaderLocalThatIsAssignedAFileReaderLater() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class Lines
            {
                public IEnumerable<string> Read(string text, string? path)
                {
                    TextReader reader = new StringReader(text);
                    if (path != null) reader = new StreamReader(path);
                    string? line;
                    while ((line = {|YA1002:reader.ReadLine()|}) != null) yield return line;
                }

                public async System.Threading.Tasks.Task Consume(string text)
                {
                    foreach (var line in Read(text, null)) await System.Threading.Tasks.Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_DisposeInFinally() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class Files
            {
                public IEnumerable<char> Chars(string path)
                {
                    var reader = File.OpenText(path);
                    try
                    {
                        int c;
                        while ((c = reader.Peek()) >= 0)
                        {
                            reader.Read();
                            yield return (char)c;
                        }
                    }
                    finally
                    {
                        reader.Dispose();
                    }
                }

                public async System.Threading.Tasks.Task Consume(string path)
                {
                    foreach (var c in Chars(path)) await System.Threading.Tasks.Task.Yield();
                }
            }
            """);

        [Fact]
        public Task Reports_ReadLineOnAFileReader() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class Files
            {
                public IEnumerable<string> Lines(string path)
                {
                    using var reader = new StreamReader(path);
                    string? line;
                    while ((line = {|YA1002:reader.ReadLine()|}) != null) yield return line;
                }

                public async System.Threading.Tasks.Task Consume(string path)
                {
                    foreach (var line in Lines(path)) await System.Threading.Tasks.Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_CallsWithoutAMatchingAsyncTwin() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            class Jobs
            {
                public IEnumerable<int> Run(IEnumerable<string> names, string json)
                {
                    var items = JsonSerializer.Deserialize<int[]>(json)!;
                    Parallel.ForEach(names, name => Console.WriteLine(name));
                    Thread.Sleep(10);
                    Directory.CreateDirectory("out");
                    File.Delete("out/tmp");
                    foreach (var item in items) yield return item;
                }

                public async Task Consume(string json)
                {
                    foreach (var item in Run(new[] { "a" }, json)) await Task.Yield();
                }
            }
            """);

        #endregion
    }
}
