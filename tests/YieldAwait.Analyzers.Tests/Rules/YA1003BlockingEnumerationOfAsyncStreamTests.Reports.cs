using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1003BlockingEnumerationOfAsyncStreamAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1003BlockingEnumerationOfAsyncStreamAnalyzer, YieldAwait.CodeFixes.Rules.YA1003BlockingEnumerationOfAsyncStreamCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1003BlockingEnumerationOfAsyncStreamTests
    {
        #region Analyzer: reports blocking enumeration of async streams, anywhere

        private const string Backend = """

            static class Backend
            {
                public static async IAsyncEnumerable<string> ListAsync()
                {
                    await Task.Delay(1);
                    yield return "a";
                }
            }
            """;

        [Fact]
        public Task Silent_InAConsoleToolsSyncMain() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            static class Program
            {
                public static int Main(string[] args)
                {
                    foreach (var name in Backend.ListAsync().ToBlockingEnumerable())
                    {
                        Console.WriteLine(name);
                    }

                    return 0;
                }
            }
            """ + Backend);

        [Fact]
        public Task Silent_InASyncCommandOnlySyncCodeCalls() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            static class Program
            {
                public static int Main(string[] args) => args.Length == 0 ? 1 : Download.Run(args);
            }

            static class Download
            {
                public static int Run(string[] args)
                {
                    var files = Backend.ListAsync().ToBlockingEnumerable().ToList();
                    return files.Count;
                }
            }
            """ + Backend);

        [Theory]
        [InlineData("var commands = new Dictionary<string, Func<string[], int>>(); commands[\"download\"] = Download.Run; commands[\"help\"] = Help;")]
        [InlineData("var commands = new Dictionary<string, Func<string[], int>> { [\"download\"] = Download.Run, [\"help\"] = Help };")]
        [InlineData("var commands = new Dictionary<string, Func<string[], int>> { { \"download\", Download.Run }, { \"help\", Help } };")]
        [InlineData("Func<string[], int> run = Download.Run; var commands = new Dictionary<string, Func<string[], int>> { [\"download\"] = run, [\"help\"] = Help };")]
        public Task Silent_InACommandAConsoleToolsMainStoresInALocalTable(string table) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            static class Program
            {
                public static int Main(string[] args)
                {
                    {{table}}
                    return commands.TryGetValue(args.FirstOrDefault() ?? "", out var command) ? command(args) : 1;
                }

                static int Help(string[] args) => 0;
            }

            static class Download
            {
                public static int Run(string[] args)
                {
                    var files = Backend.ListAsync().ToBlockingEnumerable().ToList();
                    return files.Count;
                }
            }
            """ + Backend);

        [Theory]
        [InlineData("var commands = new Dictionary<string, Func<string[], int>> { [\"download\"] = Download.Run, [")]
        [InlineData("var commands = new Dictionary<string, Func<string[], int>> { { \"download\", Download. } };")]
        [InlineData("commands[] = Download.Run;")]
        [InlineData("Func<string[], int> run = Download.Run; run = ; var x = run")]
        public Task NoCrash_HalfTypedCommandTable(string table) => HalfTypedCode.AssertNoCrashAsync<YieldAwait.Analyzers.Rules.YA1003BlockingEnumerationOfAsyncStreamAnalyzer>($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            static class Program
            {
                public static int Main(string[] args)
                {
                    {{table}}
                    return 0;
                }
            }

            static class Download
            {
                public static int Run(string[] args) => Backend.ListAsync().ToBlockingEnumerable().Count();
            }
            """ + Backend);

        [Theory]
        [InlineData("Commands[\"download\"] = Download.Run;")]
        [InlineData("Register(Download.Run);")]
        [InlineData("var run = new Func<string[], int>(Download.Run); Register(run);")]
        public Task Reports_InACommandWhoseMethodGroupLeavesTheSyncCaller(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            static class Program
            {
                static readonly Dictionary<string, Func<string[], int>> Commands = new();

                static void Register(Func<string[], int> command) => Commands["x"] = command;

                public static int Main(string[] args)
                {
                    {{statement}}
                    return 0;
                }
            }

            static class Download
            {
                public static int Run(string[] args)
                {
                    var files = {|YA1003:Backend.ListAsync().ToBlockingEnumerable()|}.ToList();
                    return files.Count;
                }
            }
            """ + Backend);

        [Fact]
        public Task Reports_InASyncHelperThatAnAsyncMethodCalls() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            static class Verification
            {
                public static void Write(TextWriter writer)
                {
                    foreach (var name in {|YA1003:Backend.ListAsync().ToBlockingEnumerable()|})
                    {
                        writer.WriteLine(name);
                    }
                }

                public static async Task UploadAsync(TextWriter writer)
                {
                    await Task.Yield();
                    Write(writer);
                }
            }
            """ + Backend);

        [Fact]
        public Task Reports_InASyncMethodWithNoVisibleCaller() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            public class Listing
            {
                public List<string> Names() => {|YA1003:Backend.ListAsync().ToBlockingEnumerable()|}.ToList();
            }
            """ + Backend);

        [Fact]
        public Task Reports_ToBlockingEnumerable_NamingTheForm() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Report
            {
                public int Total(IAsyncEnumerable<int> amounts)
                {
                    var total = 0;
                    foreach (var amount in {|#0:amounts.ToBlockingEnumerable()|})
                    {
                        total += amount;
                    }

                    return total;
                }
            }
            """,
            Verify.Diagnostic("YA1003").WithLocation(0).WithArguments("ToBlockingEnumerable()"));

        [Theory]
        [InlineData("foreach (var x in {|YA1003:stream.ToBlockingEnumerable(token)|}) { }")]
        [InlineData("foreach (var x in {|YA1003:TaskAsyncEnumerableExtensions.ToBlockingEnumerable(stream)|}) { }")]
        [InlineData("var list = {|YA1003:stream.ToBlockingEnumerable()|}.ToList();")]
        [InlineData("IEnumerable<int> lazy = {|YA1003:stream.ToBlockingEnumerable()|};")]
        [InlineData("foreach (var x in {|YA1003:stream.ToEnumerable()|}) { }")]
        public Task Reports_BlockingEnumerablesInASyncMethod(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Consumer
            {
                public void Consume(IAsyncEnumerable<int> stream, CancellationToken token)
                {
                    {{statement}}
                }
            }
            """ + LinqAsync);

        [Theory]
        [InlineData("var list = {|#0:stream.ToListAsync().Result|};", "ToListAsync().Result")]
        [InlineData("var array = {|#0:stream.ToArrayAsync().GetAwaiter().GetResult()|};", "ToArrayAsync().GetAwaiter().GetResult()")]
        [InlineData("var count = {|#0:stream.CountAsync(token).AsTask().Result|};", "CountAsync().Result")]
        [InlineData("{|#0:stream.CountAsync().AsTask().Wait()|};", "CountAsync().Wait()")]
        [InlineData("var list = {|#0:stream.ToListAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};", "ToListAsync().GetAwaiter().GetResult()")]
        [InlineData("var first = {|#0:stream.FirstAsync(x => x > 1).Result|};", "FirstAsync().Result")]
        [InlineData("var first = {|#0:AsyncEnumerable.CountAsync(stream).Result|};", "CountAsync().Result")]
        public Task Reports_BlockedOperatorsInASyncMethod(string statement, string display) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Consumer
            {
                public void Consume(IAsyncEnumerable<int> stream, CancellationToken token)
                {
                    {{statement}}
                }
            }
            """ + LinqAsync,
            Verify.Diagnostic("YA1003").WithLocation(0).WithArguments(display));

        [Theory]
        [InlineData("var more = {|#0:e.MoveNextAsync().AsTask().Result|};", "MoveNextAsync().Result")]
        [InlineData("var more = {|#0:e.MoveNextAsync().GetAwaiter().GetResult()|};", "MoveNextAsync().GetAwaiter().GetResult()")]
        [InlineData("var more = {|#0:e.MoveNextAsync().Result|};", "MoveNextAsync().Result")]
        [InlineData("{|#0:e.MoveNextAsync().AsTask().Wait()|};", "MoveNextAsync().Wait()")]
        [InlineData("while ({|#0:e.MoveNextAsync().AsTask().GetAwaiter().GetResult()|}) { }", "MoveNextAsync().GetAwaiter().GetResult()")]
        public Task Reports_MoveNextAsyncBlockedOn(string statement, string display) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;

            class Pump
            {
                public void Drain(IAsyncEnumerable<string> stream)
                {
                    var e = stream.GetAsyncEnumerator();
                    {{statement}}
                }
            }
            """,
            Verify.Diagnostic("YA1003").WithLocation(0).WithArguments(display));

        [Fact]
        public Task Reports_PolyfilledToBlockingEnumerableForOlderTargets() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using Compat;

            namespace Compat
            {
                public static class AsyncEnumerableCompat
                {
                    public static IEnumerable<T> ToBlockingEnumerable<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default) => new List<T>();
                }
            }

            class Report
            {
                public int Count(IAsyncEnumerable<int> stream, CancellationToken token)
                {
                    var n = 0;
                    foreach (var x in {|YA1003:AsyncEnumerableCompat.ToBlockingEnumerable(stream, token)|})
                        n++;
                    return n;
                }
            }
            """);

        [Fact]
        public Task Reports_MoveNextAsyncOfCustomEnumerator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            sealed class Pages : IAsyncEnumerator<string>
            {
                public string Current => "";
                public ValueTask<bool> MoveNextAsync() => new ValueTask<bool>(false);
                public ValueTask DisposeAsync() => default;
            }

            class Reader
            {
                public bool Any(Pages pages) => {|YA1003:pages.MoveNextAsync().AsTask().Result|};
            }
            """);

        [Fact]
        public Task Reports_InSyncIterator_AndInAsyncFunctions() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Places
            {
                public IEnumerable<int> Iterator(IAsyncEnumerable<int> stream)
                {
                    foreach (var x in {|YA1003:stream.ToBlockingEnumerable()|})
                        yield return x;
                }

                public async IAsyncEnumerable<int> AsyncIterator(IAsyncEnumerable<int> stream)
                {
                    await Task.Yield();
                    foreach (var x in {|YA1003:stream.ToBlockingEnumerable()|})
                        yield return x;
                }

                public async Task<int> AsyncMethod(IAsyncEnumerable<int> stream)
                {
                    await Task.Yield();
                    var sum = 0;
                    foreach (var x in {|YA1003:stream.ToBlockingEnumerable()|})
                        sum += x;
                    return sum;
                }

                public Func<Task> AsyncLambda(IAsyncEnumerable<int> stream) => async () =>
                {
                    foreach (var x in {|YA1003:stream.ToBlockingEnumerable()|})
                        await Task.Delay(x);
                };

                public IEnumerable<int> Property(IAsyncEnumerable<int> stream) => {|YA1003:stream.ToBlockingEnumerable()|};
            }
            """);

        [Fact]
        public Task Reports_BlockedOperatorInLambdaInsideIterator_WhichYA1001DoesNotReport() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Batches
            {
                public IEnumerable<Func<List<int>>> Loaders(IEnumerable<IAsyncEnumerable<int>> streams)
                {
                    foreach (var stream in streams)
                    {
                        yield return () => {|YA1003:stream.ToListAsync().Result|};
                    }
                }
            }
            """ + LinqAsync);

        [Fact]
        public Task Reports_StreamTypesThatImplementIAsyncEnumerable() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            sealed class Feed : IAsyncEnumerable<string>
            {
                public IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default) => throw new System.NotImplementedException();
            }

            class Reader
            {
                public List<string> All(Feed feed) => {|YA1003:feed.ToListAsync().Result|};

                public IEnumerable<string> Each<TStream>(TStream stream) where TStream : IAsyncEnumerable<string> => {|YA1003:stream.ToBlockingEnumerable()|};
            }
            """ + LinqAsync);

        #endregion
    }
}
