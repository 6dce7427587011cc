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

        [Fact]
        public Task NoDiagnostic_SqliteProviderWhoseAsyncMethodsRunSynchronously() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Microsoft.Data.Sqlite
            {
                public class SqliteDataReader
                {
                    public bool Read() => false;
                    public Task<bool> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);
                }
            }

            namespace App
            {
                using Microsoft.Data.Sqlite;

                static class Rows
                {
                    public static IEnumerable<SqliteDataReader> All(SqliteDataReader reader)
                    {
                        while (reader.Read())
                        {
                            yield return reader;
                        }
                    }

                    public static async Task<int> CountAsync(SqliteDataReader reader)
                    {
                        await Task.Yield();
                        var count = 0;
                        foreach (var row in All(reader))
                        {
                            count++;
                        }

                        return count;
                    }
                }
            }
            """);
    }
}
