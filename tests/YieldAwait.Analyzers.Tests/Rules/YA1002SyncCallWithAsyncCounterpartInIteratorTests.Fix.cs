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
        #region Code fix

        [Fact]
        public Task Fix_AwaitsTheCounterpartWithTheNewToken() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;

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
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;

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
            }
            """);

        [Fact]
        public Task Fix_OnNet6_CallsTheOverloadsThatExistThere() => new VerifyFix.Test
        {
            ReferenceAssemblies = Verifiers.TestReferences.Net60,
            TestCode = """
                using System.Collections.Generic;
                using System.IO;

                class LogReader
                {
                    public IEnumerable<string> Lines(TextReader reader, string path)
                    {
                        yield return {|YA1002:reader.ReadLine()|}!;
                        yield return {|YA1002:File.ReadAllText(path)|};
                    }
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using System.IO;
                using System.Runtime.CompilerServices;
                using System.Threading;

                class LogReader
                {
                    public async IAsyncEnumerable<string> Lines(TextReader reader, string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        yield return (await reader.ReadLineAsync())!;
                        yield return await File.ReadAllTextAsync(path, cancellationToken);
                    }
                }
                """,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task Fix_KeepsSpellingTypeArgumentsAndValues() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;

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
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Text.Json;
            using System.Threading;

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
            }
            """);

        [Fact]
        public Task Fix_EnumeratorWithoutToken_GainsATokenParameter_AndPassesIt() => VerifyFix.VerifyCodeFixAsync("""
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
            }
            """, """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Channel
            {
                public int Receive() => 0;
                public Task<int> ReceiveAsync(CancellationToken cancellationToken) => Task.FromResult(0);

                public async IAsyncEnumerator<int> PumpAsync(CancellationToken cancellationToken = default)
                {
                    while (true)
                    {
                        yield return await ReceiveAsync(cancellationToken);
                    }
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

                    class Reader
                    {
                        public IEnumerable<string> Read(TextReader reader, Stream stream)
                        {
                            stream.Flush();
                            yield return {|YA1002:reader.ReadLine()|}!;
                        }
                    }
                    """,
                FixedCode = """
                    using System.Collections.Generic;
                    using System.IO;
                    using System.Runtime.CompilerServices;
                    using System.Threading;

                    class Reader
                    {
                        public async IAsyncEnumerable<string> Read(TextReader reader, Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                        {
                            stream.Flush();
                            yield return (await reader.ReadLineAsync(cancellationToken))!;
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
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;

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
            }
            """);

        /// <summary>With the engine's "Add async counterpart": a sync caller keeps the original (and its diagnostic).</summary>
        [Fact]
        public Task Counterpart_WhenASyncCallerCannotFollow() => new VerifyFix.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;

                class Files
                {
                    public IEnumerable<string> Lines(TextReader reader)
                    {
                        yield return {|YA1002:reader.ReadLine()|}!;
                    }

                    public int Count(TextReader reader) => Lines(reader).Count();
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Runtime.CompilerServices;
                using System.Threading;

                class Files
                {
                    public IEnumerable<string> Lines(TextReader reader)
                    {
                        yield return {|YA1002:reader.ReadLine()|}!;
                    }

                    public async IAsyncEnumerable<string> LinesAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        yield return (await reader.ReadLineAsync(cancellationToken))!;
                    }

                    public int Count(TextReader reader) => Lines(reader).Count();
                }
                """,
            CodeActionEquivalenceKey = YieldAwait.CodeFixes.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorCodeFix.EquivalenceKey + ".AddAsyncCounterpart",
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 1,
            FixedState = { MarkupHandling = MarkupMode.Allow },
        }.RunAsync(CancellationToken.None);

        #endregion
    }
}
