using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3002LazySequenceOutlivesResourceAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3002LazySequenceOutlivesResourceAnalyzer, YieldAwait.CodeFixes.Rules.YA3002LazySequenceOutlivesResourceCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA3002LazySequenceOutlivesResourceTests
    {
        private const string Readers = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            static class Lines
            {
                public static IEnumerable<string> ReadLines(TextReader reader)
                {
                    string line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }

                public static async IAsyncEnumerable<string> ReadLinesAsync(TextReader reader)
                {
                    string line;
                    while ((line = await reader.ReadLineAsync()) != null) yield return line;
                }

                public static IEnumerable<int> Numbers(int count)
                {
                    for (var i = 0; i < count; i++) yield return i;
                }

                public static string Lookup(TextReader reader, int id) => reader.ReadLine() + id;
            }

            sealed class LogFile : IDisposable
            {
                public IEnumerable<string> Entries()
                {
                    yield return "entry";
                }

                public void Dispose() { }
            }

            sealed class User
            {
                public bool Active { get; set; }
            }

            sealed class Db : IDisposable
            {
                public IQueryable<User> Users { get; } = new List<User>().AsQueryable();

                public void Dispose() { }
            }

            """;

        #region Analyzer: reports lazy sequences that leave the using scope

        [Fact]
        public Task Reports_IteratorCallGivenTheResource_Returned() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Open(string path)
                {
                    using var reader = new StreamReader(path);
                    return {|#0:Lines.ReadLines(reader)|};
                }
            }
            """,
            Verify.Diagnostic("YA3002").WithLocation(0).WithArguments("reader"));

        [Fact]
        public Task Reports_InsideUsingStatement() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Open(string path)
                {
                    using (var reader = new StreamReader(path))
                    {
                        return {|YA3002:Lines.ReadLines(reader)|};
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_LambdaCapturingTheResource() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Names(int[] ids, string path)
                {
                    using var reader = new StreamReader(path);
                    return {|YA3002:ids.Select(id => Lines.Lookup(reader, id))|};
                }
            }
            """);

        [Fact]
        public Task Reports_DeferredChainOverTheIterator() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Errors(string path)
                {
                    using var reader = new StreamReader(path);
                    return {|YA3002:Lines.ReadLines(reader).Where(l => l.Contains("ERROR")).Select(l => l.Trim())|};
                }
            }
            """);

        [Fact]
        public Task Reports_LocalHoldingTheSequence_Returned() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Open(string path)
                {
                    using var reader = new StreamReader(path);
                    var lines = Lines.ReadLines(reader);
                    return {|YA3002:lines|};
                }
            }
            """);

        [Fact]
        public Task Reports_AssignedToAFieldOrProperty() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                private IEnumerable<string> _lines = Enumerable.Empty<string>();

                public IEnumerable<string> Current { get; private set; } = Enumerable.Empty<string>();

                public void Load(string path)
                {
                    using var reader = new StreamReader(path);
                    _lines = {|YA3002:Lines.ReadLines(reader)|};
                    Current = {|YA3002:Lines.ReadLines(reader).Skip(1)|};
                }
            }
            """);

        [Fact]
        public Task Reports_AssignedToAnOuterLocal() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Open(string path)
                {
                    IEnumerable<string> result;
                    using (var reader = new StreamReader(path))
                    {
                        result = {|YA3002:Lines.ReadLines(reader)|};
                    }

                    return result;
                }
            }
            """);

        [Fact]
        public Task Reports_QueryableFromADisposedContext() => Verify.VerifyAnalyzerAsync(Readers + """
            class Users
            {
                public IEnumerable<User> Active()
                {
                    using var db = new Db();
                    return {|YA3002:db.Users.Where(u => u.Active)|};
                }

                public IQueryable<User> All()
                {
                    using var db = new Db();
                    return {|YA3002:db.Users|};
                }
            }
            """);

        [Fact]
        public Task Reports_AsyncIteratorCallGivenTheResource() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IAsyncEnumerable<string> Open(string path)
                {
                    using var reader = new StreamReader(path);
                    return {|YA3002:Lines.ReadLinesAsync(reader)|};
                }
            }
            """);

        [Fact]
        public Task Reports_AwaitUsingInAnAsyncMethod() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public async Task<IEnumerable<string>> OpenAsync(string path)
                {
                    await using var stream = File.OpenRead(path);
                    var reader = new StreamReader(stream);
                    await Task.Yield();
                    return {|YA3002:Lines.ReadLines(reader).Select(l => l + stream.Position)|};
                }
            }
            """);

        [Fact]
        public Task Reports_InstanceIteratorOfTheResource() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Entries(string path)
                {
                    using var log = new LogFile();
                    return {|YA3002:log.Entries()|};
                }
            }
            """);

        #endregion

        #region Analyzer: look-alikes that must stay silent

        [Fact]
        public Task NoDiagnostic_WhenMaterialisedInsideTheScope() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public List<string> Open(string path)
                {
                    using var reader = new StreamReader(path);
                    return Lines.ReadLines(reader).ToList();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenAggregatedInsideTheScope() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public int Count(string path)
                {
                    using var reader = new StreamReader(path);
                    return Lines.ReadLines(reader).Count();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenFullyConsumedInsideTheScope() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public int Errors(string path)
                {
                    var errors = 0;
                    using var reader = new StreamReader(path);
                    foreach (var line in Lines.ReadLines(reader))
                    {
                        if (line.Contains("ERROR")) errors++;
                    }

                    return errors;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InAnIteratorThatKeepsTheResourceOpen() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Open(string path)
                {
                    using var reader = new StreamReader(path);
                    foreach (var line in Lines.ReadLines(reader))
                    {
                        yield return line;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheSequenceDoesNotReadTheResource() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<int> Doubled(int[] ids, string path)
                {
                    using var reader = new StreamReader(path);
                    var header = reader.ReadLine();
                    return ids.Select(id => id * 2 + header!.Length);
                }

                public IEnumerable<int> Numbers(string path)
                {
                    using var reader = new StreamReader(path);
                    return Lines.Numbers(reader.Peek());
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheSourceWasReadEagerly() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Errors(string path)
                {
                    using var reader = new StreamReader(path);
                    var all = reader.ReadToEnd().Split('\n');
                    return all.Where(l => l.Contains("ERROR"));
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheResourceIsAParameterOwnedByTheCaller() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Open(TextReader reader)
                {
                    return Lines.ReadLines(reader);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheLocalIsRematerialised() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Open(string path)
                {
                    using var reader = new StreamReader(path);
                    var lines = Lines.ReadLines(reader);
                    lines = lines.ToArray();
                    return lines;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenAssignedToALocalInsideTheScope() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public int Open(string path)
                {
                    using (var reader = new StreamReader(path))
                    {
                        IEnumerable<string> lines;
                        lines = Lines.ReadLines(reader);
                        return lines.Count();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenReturnedFromALambdaInsideTheScope() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public int Open(string path)
                {
                    using var reader = new StreamReader(path);
                    Func<IEnumerable<string>> read = () => { return Lines.ReadLines(reader); };
                    return read().Count();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenReturningTheResourceItselfOrAString() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public string Header(string path)
                {
                    using var reader = new StreamReader(path);
                    return reader.ReadLine() ?? "";
                }

                public char[] Chars(string path)
                {
                    using var reader = new StreamReader(path);
                    return reader.ReadToEnd().ToCharArray();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheReturnIsOutsideTheUsingStatement() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Open(string path, IEnumerable<string> fallback)
                {
                    using (var reader = new StreamReader(path))
                    {
                        Console.WriteLine(reader.ReadLine());
                    }

                    return fallback.Where(l => l.Length > 0);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InHalfTypedCode() => new Verify.Test
        {
            TestCode = Readers + """
                class Source
                {
                    public IEnumerable<string> Open(string path)
                    {
                        using var reader = new StreamReader(
                        return Lines.ReadLines(reader
                    }

                    public IEnumerable<string> Other(string path)
                    {
                        using (var reader = )
                        {
                            return Lines.Missing(reader);
                        }
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync(CancellationToken.None);

        #endregion

        #region Code fix

        [Fact]
        public Task Fix_MaterialisesBeforeDisposal_AddingSystemLinq() => new VerifyFix.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.IO;

                class Source
                {
                    /// <summary>The lines of a file.</summary>
                    [System.Obsolete("Use OpenAsync")]
                    public IEnumerable<string> Open(string path)
                    {
                        using var reader = new StreamReader(path);
                        // read them all now
                        return {|YA3002:ReadLines(reader)|};
                    }

                    private static IEnumerable<string> ReadLines(TextReader reader)
                    {
                        string line;
                        while ((line = reader.ReadLine()) != null) yield return line;
                    }
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;

                class Source
                {
                    /// <summary>The lines of a file.</summary>
                    [System.Obsolete("Use OpenAsync")]
                    public IEnumerable<string> Open(string path)
                    {
                        using var reader = new StreamReader(path);
                        // read them all now
                        return ReadLines(reader).ToList();
                    }

                    private static IEnumerable<string> ReadLines(TextReader reader)
                    {
                        string line;
                        while ((line = reader.ReadLine()) != null) yield return line;
                    }
                }
                """,
            CodeActionEquivalenceKey = "YA3002.MaterialiseBeforeDisposal",
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task Fix_ConvertsToIterator() => new VerifyFix.Test
        {
            TestCode = Readers + """
                class Source
                {
                    /// <summary>Streams the file's lines.</summary>
                    public IEnumerable<string> Open(string path)
                    {
                        using var reader = new StreamReader(path);
                        return {|YA3002:Lines.ReadLines(reader).Where(l => l.Length > 0)|}; // non-empty only
                    }
                }
                """,
            FixedCode = Readers + """
                class Source
                {
                    /// <summary>Streams the file's lines.</summary>
                    public IEnumerable<string> Open(string path)
                    {
                        using var reader = new StreamReader(path);
                        foreach (var item in Lines.ReadLines(reader).Where(l => l.Length > 0))
                        {
                            yield return item;
                        } // non-empty only
                    }
                }
                """,
            CodeActionEquivalenceKey = "YA3002.ConvertToIterator",
            CodeActionIndex = 1,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task Fix_All_MaterialisesEveryEscape() => VerifyFix.VerifyCodeFixAsync(Readers + """
            class Source
            {
                private IEnumerable<string> _lines = Enumerable.Empty<string>();

                public IEnumerable<string> Load(string path, bool skipHeader)
                {
                    using var reader = new StreamReader(path);
                    _lines = {|YA3002:Lines.ReadLines(reader)|};
                    if (skipHeader) return {|YA3002:Lines.ReadLines(reader).Skip(1)|};
                    return {|YA3002:Lines.ReadLines(reader)|};
                }
            }
            """, Readers + """
            class Source
            {
                private IEnumerable<string> _lines = Enumerable.Empty<string>();

                public IEnumerable<string> Load(string path, bool skipHeader)
                {
                    using var reader = new StreamReader(path);
                    _lines = Lines.ReadLines(reader).ToList();
                    if (skipHeader) return Lines.ReadLines(reader).Skip(1).ToList();
                    return Lines.ReadLines(reader).ToList();
                }
            }
            """);

        [Fact]
        public Task NoFix_WhenTheTargetIsAQueryableOrAnAsyncStream() => VerifyFix.VerifyCodeFixAsync(Readers + """
            class Users
            {
                public IQueryable<User> All()
                {
                    using var db = new Db();
                    return {|YA3002:db.Users|};
                }

                public IAsyncEnumerable<string> Open(string path, bool check)
                {
                    using var reader = new StreamReader(path);
                    // two returns: not convertible to an async iterator, and a stream has no ToList()
                    if (check) return {|YA3002:Lines.ReadLinesAsync(reader)|};
                    return {|YA3002:Lines.ReadLinesAsync(reader)|};
                }
            }
            """, Readers + """
            class Users
            {
                public IQueryable<User> All()
                {
                    using var db = new Db();
                    return {|YA3002:db.Users|};
                }

                public IAsyncEnumerable<string> Open(string path, bool check)
                {
                    using var reader = new StreamReader(path);
                    // two returns: not convertible to an async iterator, and a stream has no ToList()
                    if (check) return {|YA3002:Lines.ReadLinesAsync(reader)|};
                    return {|YA3002:Lines.ReadLinesAsync(reader)|};
                }
            }
            """);

        #endregion

        #region Branches, async streams and values stored for later (issues 12 and 16)

        private const string Streams = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            static class Rows
            {
                public static IEnumerable<string> Parse(TextReader reader)
                {
                    string line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }

                public static List<string> LoadAll(TextReader reader) => new List<string> { reader.ReadToEnd() };
            }

            sealed class LogReader : IAsyncDisposable
            {
                public LogReader(string path) { }

                // Not an iterator itself: a library-style method that hands out a stream over the open file.
                public IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken = default) => Pump(cancellationToken);

                private static async IAsyncEnumerable<string> Pump(CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    yield return "line";
                }

                public ValueTask DisposeAsync() => default;
            }

            sealed class EventParser
            {
                public static EventParser Create(Stream body) => new EventParser();

                public IAsyncEnumerable<string> EnumerateAsync(CancellationToken cancellationToken) => new LogReader("").ReadAllAsync(cancellationToken);
            }

            sealed class Item
            {
                public bool Ready { get; set; }
            }

            sealed class Store : IDisposable
            {
                public IQueryable<Item> Items { get; } = new List<Item>().AsQueryable();

                public void Dispose() { }
            }

            sealed class Holder
            {
                public IEnumerable<string> Lines { get; set; } = Array.Empty<string>();

                public Func<string>? Next { get; set; }
            }

            """;

        [Fact]
        public Task Reports_LazyBranchOfAConditional_InAsyncTaskMethod() => Verify.VerifyAnalyzerAsync(Streams + """
            class Queries
            {
                public async Task<IEnumerable<string>> QueryAsync(string path, bool buffered)
                {
                    await Task.Yield();
                    using var reader = new StreamReader(path);
                    var results = Rows.Parse(reader);
                    return buffered ? results.ToList() : {|#0:results|};
                }
            }
            """,
            Verify.Diagnostic("YA3002").WithLocation(0).WithArguments("reader"));

        [Fact]
        public Task Reports_LazyArmOfASwitchExpression_AndTheLazyReturnAfterAnIf() => Verify.VerifyAnalyzerAsync(Streams + """
            class Queries
            {
                public IEnumerable<string> Query(string path, int mode)
                {
                    using var reader = new StreamReader(path);
                    return mode switch
                    {
                        0 => Rows.Parse(reader).ToArray(),
                        1 => Array.Empty<string>(),
                        _ => {|YA3002:Rows.Parse(reader)|},
                    };
                }

                public IEnumerable<string> Query(string path, bool buffered)
                {
                    using (var reader = new StreamReader(path))
                    {
                        if (buffered)
                        {
                            return Rows.Parse(reader).ToList();
                        }
                        else
                        {
                            return {|YA3002:Rows.Parse(reader).Where(r => r.Length > 0)|};
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_LocalFunctionIteratorReadingTheResourceThroughItsClosure() => Verify.VerifyAnalyzerAsync(Streams + """
            class Queries
            {
                public IEnumerable<string> Query(string path, bool buffered)
                {
                    using var reader = new StreamReader(path);
                    return buffered ? Read().ToList() : {|YA3002:Read()|};

                    IEnumerable<string> Read()
                    {
                        string line;
                        while ((line = reader.ReadLine()) != null) yield return line;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_IteratorGivenAnObjectBuiltOnTheResource() => Verify.VerifyAnalyzerAsync(Streams + """
            class Queries
            {
                public IEnumerable<string> Query(string path)
                {
                    using var stream = File.OpenRead(path);
                    return {|YA3002:Rows.Parse(new StreamReader(stream))|};
                }
            }
            """);

        [Fact]
        public Task Reports_AsyncStreamOverADisposedResource() => Verify.VerifyAnalyzerAsync(Streams + """
            class Feeds
            {
                public IAsyncEnumerable<string> Tail(string path, CancellationToken cancellationToken)
                {
                    var log = new LogReader(path);
                    using var stream = File.OpenRead(path);
                    var parser = EventParser.Create(stream);
                    return {|YA3002:parser.EnumerateAsync(cancellationToken)|};
                }

                public async Task<IAsyncEnumerable<string>> OpenAsync(string path)
                {
                    await using var log = new LogReader(path);
                    return {|YA3002:log.ReadAllAsync()|};
                }
            }
            """);

        [Fact]
        public Task Reports_LazyValueStoredForLater() => Verify.VerifyAnalyzerAsync(Streams + """
            class Scheduler
            {
                private readonly List<IEnumerable<Item>> _pending = new();
                private readonly Queue<IEnumerable<string>> _lines = new();
                private Func<string>? _next;

                public void Plan(string path)
                {
                    using var store = new Store();
                    _pending.Add({|YA3002:store.Items.Where(i => i.Ready)|});
                    using var reader = new StreamReader(path);
                    var rows = Rows.Parse(reader);
                    _lines.Enqueue({|YA3002:rows|});
                    _next = {|YA3002:() => rows.First()|};
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_BranchLookAlikes() => Verify.VerifyAnalyzerAsync(Streams + """
            class Queries
            {
                private readonly List<string> _cache = new();

                public IEnumerable<string> BothMaterialised(string path, bool list)
                {
                    using var reader = new StreamReader(path);
                    var results = Rows.Parse(reader);
                    return list ? results.ToList() : results.ToArray();
                }

                public IEnumerable<string> OtherBranchReadsNothing(string path, bool cached)
                {
                    using var reader = new StreamReader(path);
                    return cached ? _cache.Where(c => c.Length > 0) : Rows.Parse(reader).ToList();
                }

                public IEnumerable<string> NotDisposed(string path, bool buffered)
                {
                    var reader = new StreamReader(path);
                    var results = Rows.Parse(reader);
                    return buffered ? results.ToList() : results;
                }

                public IEnumerable<int> ClosureReadsNothing(string path)
                {
                    using var reader = new StreamReader(path);
                    var header = reader.ReadLine();
                    return Count();

                    IEnumerable<int> Count()
                    {
                        yield return header!.Length;
                    }
                }

                public IEnumerable<string> BuiltOnAValueReadNow(string path)
                {
                    using var reader = new StreamReader(path);
                    return Rows.Parse(new StringReader(reader.ReadToEnd()));
                }

                public IEnumerable<string> EagerHelper(string path)
                {
                    using var reader = new StreamReader(path);
                    return Rows.LoadAll(reader).Where(l => l.Length > 0);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AsyncStreamLookAlikes() => Verify.VerifyAnalyzerAsync(Streams + """
            class Feeds
            {
                public async Task<List<string>> EnumeratedInside(string path)
                {
                    var lines = new List<string>();
                    await using var log = new LogReader(path);
                    await foreach (var line in log.ReadAllAsync())
                    {
                        lines.Add(line);
                    }

                    return lines;
                }

                public IAsyncEnumerable<string> CallerOwnsIt(LogReader log, string path)
                {
                    using var stream = File.OpenRead(path);
                    stream.ReadByte();
                    return log.ReadAllAsync();
                }

                public async IAsyncEnumerable<string> AlreadyAnAsyncIterator(string path)
                {
                    await using var log = new LogReader(path);
                    await foreach (var line in log.ReadAllAsync())
                    {
                        yield return line;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_StoredLookAlikes() => Verify.VerifyAnalyzerAsync(Streams + """
            class Scheduler
            {
                private readonly List<IEnumerable<Item>> _pending = new();
                private Func<int>? _next;

                public int Plan(string path)
                {
                    using var store = new Store();
                    _pending.Add(store.Items.Where(i => i.Ready).ToList());
                    var batch = new List<IEnumerable<Item>>();
                    batch.Add(store.Items.Where(i => i.Ready));
                    _next = () => 42;
                    Func<int> local = () => store.Items.Count();
                    return batch.Sum(b => b.Count()) + local();
                }

                public int HolderInsideTheScope(string path)
                {
                    using var reader = new StreamReader(path);
                    var holder = new Holder();
                    holder.Lines = Rows.Parse(reader);
                    holder.Next = () => reader.ReadLine() ?? "";
                    return holder.Lines.Count() + holder.Next().Length;
                }
            }
            """);

        [Fact]
        public Task Reports_MemberOfAnObjectThatOutlivesTheScope() => Verify.VerifyAnalyzerAsync(Streams + """
            class Scheduler
            {
                public Holder Load(string path)
                {
                    var holder = new Holder();
                    using (var reader = new StreamReader(path))
                    {
                        holder.Lines = {|YA3002:Rows.Parse(reader)|};
                        holder.Next = {|YA3002:() => reader.ReadLine() ?? ""|};
                    }

                    return holder;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InHalfTypedBranchesAndStores() => new Verify.Test
        {
            TestCode = Streams + """
                class Queries
                {
                    private List<IEnumerable<string>> _pending = new();

                    public IEnumerable<string> Query(string path, bool buffered)
                    {
                        using var reader = new StreamReader(path);
                        _pending.Add(Rows.Parse(
                        return buffered ? Rows.Parse(reader).ToList() : ;
                    }

                    public IAsyncEnumerable<string> Tail(string path)
                    {
                        await using var log = new LogReader(
                        return log.ReadAllAsync(
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task Fix_MaterialisesOnlyTheLazyBranch() => VerifyFix.VerifyCodeFixAsync(Streams + """
            class Queries
            {
                public async Task<IEnumerable<string>> QueryAsync(string path, bool buffered)
                {
                    await Task.Yield();
                    using var reader = new StreamReader(path);
                    var results = Rows.Parse(reader);
                    return buffered ? results.ToList() : {|YA3002:results|};
                }
            }
            """, Streams + """
            class Queries
            {
                public async Task<IEnumerable<string>> QueryAsync(string path, bool buffered)
                {
                    await Task.Yield();
                    using var reader = new StreamReader(path);
                    var results = Rows.Parse(reader);
                    return buffered ? results.ToList() : results.ToList();
                }
            }
            """);

        [Fact]
        public Task Fix_MaterialisesTheStoredValue() => VerifyFix.VerifyCodeFixAsync(Streams + """
            class Scheduler
            {
                private readonly List<IEnumerable<Item>> _pending = new();

                public void Plan()
                {
                    using var store = new Store();
                    _pending.Add({|YA3002:store.Items.Where(i => i.Ready).AsEnumerable()|});
                }
            }
            """, Streams + """
            class Scheduler
            {
                private readonly List<IEnumerable<Item>> _pending = new();

                public void Plan()
                {
                    using var store = new Store();
                    _pending.Add(store.Items.Where(i => i.Ready).AsEnumerable().ToList());
                }
            }
            """);

        [Fact]
        public Task Fix_ConvertsToAnAsyncIteratorOwningTheResource() => new VerifyFix.Test
        {
            TestCode = Streams + """
                class Feeds
                {
                    /// <summary>The events of a response body.</summary>
                    public IAsyncEnumerable<string> Events(string path, CancellationToken cancellationToken)
                    {
                        using var body = File.OpenRead(path);
                        return {|YA3002:EventParser.Create(body).EnumerateAsync(cancellationToken)|}; // streamed
                    }
                }
                """,
            FixedCode = Streams.Replace("using System.Linq;\n", "using System.Linq;\nusing System.Runtime.CompilerServices;\n") + """
                class Feeds
                {
                    /// <summary>The events of a response body.</summary>
                    public async IAsyncEnumerable<string> Events(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
                    {
                        using var body = File.OpenRead(path);
                        await foreach (var item in EventParser.Create(body).EnumerateAsync(cancellationToken))
                        {
                            yield return item;
                        } // streamed
                    }
                }
                """,
            CodeActionEquivalenceKey = "YA3002.ConvertToAsyncIterator",
        }.RunAsync(CancellationToken.None);

        #endregion

        #region Using scopes at the edges of the gate (only members with a using statement or declaration are analysed)

        [Fact]
        public Task Reports_UsingStatementInASwitchSection() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Open(string path, string kind)
                {
                    switch (kind)
                    {
                        case "log":
                            using (var reader = new StreamReader(path))
                            {
                                return {|#0:Lines.ReadLines(reader)|};
                            }

                        case "braced":
                        {
                            using var reader = new StreamReader(path);
                            return {|#1:Lines.ReadLines(reader).Where(l => l.Length > 0)|};
                        }

                        default:
                            return Enumerable.Empty<string>();
                    }
                }
            }
            """,
            Verify.Diagnostic("YA3002").WithLocation(0).WithArguments("reader"),
            Verify.Diagnostic("YA3002").WithLocation(1).WithArguments("reader"));

        [Fact]
        public Task Reports_AwaitUsingStatementAndLazyQueryOverAnAwaitUsingDeclaration() => Verify.VerifyAnalyzerAsync(Streams + """
            class Feeds
            {
                public async Task<IAsyncEnumerable<string>> OpenAsync(string path)
                {
                    await Task.Yield();
                    await using (var log = new LogReader(path))
                    {
                        return {|#0:log.ReadAllAsync()|};
                    }
                }

                public async Task<IEnumerable<string>> ErrorsAsync(string path)
                {
                    await using var stream = File.OpenRead(path);
                    await Task.Yield();
                    return {|#1:Rows.Parse(new StreamReader(stream)).Where(r => r.Contains("ERROR"))|};
                }
            }
            """,
            Verify.Diagnostic("YA3002").WithLocation(0).WithArguments("log"),
            Verify.Diagnostic("YA3002").WithLocation(1).WithArguments("stream"));

        [Fact]
        public Task Reports_InAGetterAConstructorAndANestedType() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                private readonly string _path;
                private IEnumerable<string> _first;

                public Source(string path)
                {
                    _path = path;
                    using var reader = new StreamReader(path);
                    _first = {|#0:Lines.ReadLines(reader).Take(1)|};
                }

                public IEnumerable<string> All
                {
                    get
                    {
                        using var reader = new StreamReader(_path);
                        return {|#1:Lines.ReadLines(reader)|};
                    }
                }

                private sealed class Tail
                {
                    public IEnumerable<string> Open(string path)
                    {
                        using (var reader = new StreamReader(path))
                        {
                            return {|#2:Lines.ReadLines(reader).Skip(10)|};
                        }
                    }
                }
            }
            """,
            Verify.Diagnostic("YA3002").WithLocation(0).WithArguments("reader"),
            Verify.Diagnostic("YA3002").WithLocation(1).WithArguments("reader"),
            Verify.Diagnostic("YA3002").WithLocation(2).WithArguments("reader"));

        [Fact]
        public Task Reports_UsingStatementOfTopLevelStatements() => new Verify.Test
        {
            TestState =
            {
                OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System;
                    using System.Collections.Generic;
                    using System.IO;
                    using System.Linq;

                    IEnumerable<string> pending;
                    using (var reader = new StreamReader("app.log"))
                    {
                        pending = {|#0:Lines.ReadLines(reader)|};
                    }

                    Console.WriteLine(pending.Count());
                    """,
                    Readers,
                },
                ExpectedDiagnostics = { Verify.Diagnostic("YA3002").WithLocation(0).WithArguments("reader") },
            },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task NoDiagnostic_LazyReturnInASwitchSectionOutsideTheUsing() => Verify.VerifyAnalyzerAsync(Readers + """
            class Source
            {
                public IEnumerable<string> Open(string path, string kind)
                {
                    switch (kind)
                    {
                        case "count":
                            using (var reader = new StreamReader(path))
                            {
                                return new[] { Lines.ReadLines(reader).Count().ToString() };
                            }

                        case "owned":
                            using (new StreamReader(path))
                            {
                                return Lines.Numbers(3).Select(n => n.ToString());
                            }

                        default:
                            var other = new StreamReader(path);
                            return Lines.ReadLines(other);
                    }
                }
            }
            """);

        #endregion
    }
}
