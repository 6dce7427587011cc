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
                    if (check) throw new InvalidOperationException();
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
                    if (check) throw new InvalidOperationException();
                    return {|YA3002:Lines.ReadLinesAsync(reader)|};
                }
            }
            """);

        #endregion
    }
}
