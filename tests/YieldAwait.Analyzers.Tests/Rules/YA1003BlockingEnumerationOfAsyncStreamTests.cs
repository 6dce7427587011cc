using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1003BlockingEnumerationOfAsyncStreamAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1003BlockingEnumerationOfAsyncStreamAnalyzer, YieldAwait.CodeFixes.Rules.YA1003BlockingEnumerationOfAsyncStreamCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA1003BlockingEnumerationOfAsyncStreamTests
    {
        /// <summary>A stand-in for the System.Linq.Async package's operators (the tests reference .NET 8 only).</summary>
        private const string LinqAsync = """

            namespace System.Linq
            {
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;

                public static class AsyncEnumerable
                {
                    public static IEnumerable<T> ToEnumerable<T>(this IAsyncEnumerable<T> source) => throw new NotImplementedException();
                    public static ValueTask<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                    public static ValueTask<T[]> ToArrayAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                    public static ValueTask<int> CountAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                    public static ValueTask<T> FirstAsync<T>(this IAsyncEnumerable<T> source, Func<T, bool> predicate, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                }
            }
            """;

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

        [Fact]
        public Task Reports_MoveNextThroughABlockingHelper_NamingIt() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();
            }

            class Cursor
            {
                private readonly IAsyncEnumerator<int> _source;

                public Cursor(IAsyncEnumerator<int> source) => _source = source;

                public bool Next() => {|#0:Sync.Wait(_source.MoveNextAsync())|};

                // Not a stream: YA1003 is about enumerating async streams only.
                public int Count(ValueTask<int> pending) => Sync.Wait(pending);
            }
            """,
            Verify.Diagnostic("YA1003").WithLocation(0).WithArguments("Sync.Wait(MoveNextAsync())"));

        [Fact]
        public Task NoDiagnostic_StreamWaitInALazyQueryLambda_IsYA1006s() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Counts
            {
                public IEnumerable<bool> Nexts(IEnumerable<IAsyncEnumerator<int>> cursors) =>
                    cursors.Select(c => c.MoveNextAsync().AsTask().Result);

                public List<bool> Eager(IEnumerable<IAsyncEnumerator<int>> cursors) =>
                    cursors.ToList().ConvertAll(c => {|YA1003:c.MoveNextAsync().AsTask().Result|});
            }
            """);

        #endregion

        #region Analyzer: look-alikes that must stay silent

        [Fact]
        public Task NoDiagnostic_AwaitedStreams() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Consumer
            {
                public async Task<int> Consume(IAsyncEnumerable<int> stream, CancellationToken token)
                {
                    var sum = 0;
                    await foreach (var x in stream.WithCancellation(token))
                        sum += x;
                    var list = await stream.ToListAsync(token);
                    var pending = stream.CountAsync(token);
                    sum += await pending;
                    await using var e = stream.GetAsyncEnumerator(token);
                    while (await e.MoveNextAsync())
                        sum += e.Current;
                    return sum + list.Count;
                }
            }
            """ + LinqAsync);

        [Fact]
        public Task NoDiagnostic_BlockingWaitsInIterators_AreReportedByYA1001AndYA1005() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Iterators
            {
                public IEnumerable<int> Sync(IAsyncEnumerable<int> stream)
                {
                    yield return stream.CountAsync().Result;
                    var e = stream.GetAsyncEnumerator();
                    while (e.MoveNextAsync().AsTask().Result)
                        yield return e.Current;
                }

                public async IAsyncEnumerable<int> Async(IAsyncEnumerable<int> stream)
                {
                    await Task.Yield();
                    yield return stream.ToListAsync().GetAwaiter().GetResult().Count;
                }
            }
            """ + LinqAsync);

        [Fact]
        public Task NoDiagnostic_BlockingWaitsOnOtherTasks_AndSyncSequences() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Others
            {
                public int Run(IEnumerable<int> numbers, Task<List<int>> loading, string path)
                {
                    var text = File.ReadAllTextAsync(path).Result;
                    var list = numbers.ToList();
                    var loaded = loading.Result;
                    using var e = numbers.GetEnumerator();
                    while (e.MoveNext()) { }
                    return text.Length + list.Count + loaded.Count + Count(numbers).Result;
                }

                private static Task<int> Count(IEnumerable<int> numbers) => Task.FromResult(numbers.Count());
            }
            """);

        [Fact]
        public Task NoDiagnostic_LookAlikeNamesOnOtherTypes() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            namespace Shop.Linq
            {
                public static class AsyncEnumerable
                {
                    public static IEnumerable<T> ToEnumerable<T>(this IAsyncEnumerable<T> source) => new List<T>();
                }
            }

            namespace Shop
            {
                using Shop.Linq;

                sealed class Cart
                {
                    public IEnumerable<string> ToBlockingEnumerable() => new List<string>();
                    public Task<int> CountAsync() => Task.FromResult(0);
                    public ValueTask<bool> MoveNextAsync() => new ValueTask<bool>(true);
                }

                class Checkout
                {
                    public int Run(Cart cart, IAsyncEnumerable<string> stream)
                    {
                        foreach (var item in cart.ToBlockingEnumerable()) { }
                        foreach (var item in stream.ToEnumerable()) { }
                        var more = cart.MoveNextAsync().Result;
                        return cart.CountAsync().Result;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ObservablesAndNonBlockingStreamCalls() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Reactive.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            namespace System.Reactive.Linq
            {
                public static class Observable
                {
                    public static IEnumerable<T> ToEnumerable<T>(this IObservable<T> source) => new List<T>();
                }
            }

            class Consumer
            {
                public Task Run(IAsyncEnumerable<int> stream, IObservable<int> clicks, CancellationToken token)
                {
                    foreach (var click in clicks.ToEnumerable()) { }
                    var enumerator = stream.GetAsyncEnumerator(token);
                    var configured = stream.WithCancellation(token).ConfigureAwait(false);
                    var pending = stream.ToListAsync(token).AsTask();
                    var logged = pending.ContinueWith(t => Console.WriteLine(t.Status), TaskScheduler.Default);
                    var moved = enumerator.MoveNextAsync();
                    return moved.IsCompleted ? logged : pending;
                }
            }
            """ + LinqAsync);

        [Fact]
        public Task NoDiagnostic_CompletedOrGuardedOperatorResult() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;

            class Guarded
            {
                public int Count(IAsyncEnumerable<int> stream)
                {
                    var pending = stream.CountAsync();
                    if (pending.IsCompletedSuccessfully)
                    {
                        return pending.Result;
                    }

                    return -1;
                }
            }
            """ + LinqAsync);

        [Fact]
        public Task NoDiagnostic_NameOfAndMethodGroups() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Names
            {
                public string Name => nameof(TaskAsyncEnumerableExtensions.ToBlockingEnumerable);

                public Func<IAsyncEnumerable<int>, IEnumerable<int>> Bridge => s => Pass(s);

                private static IEnumerable<int> Pass(IAsyncEnumerable<int> s) => new List<int>();
            }
            """);

        [Fact]
        public Task NoDiagnostic_InGeneratedCode() => Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Generated
            {
                public IEnumerable<int> Items(IAsyncEnumerable<int> stream) => stream.ToBlockingEnumerable();
            }
            """);

        [Theory]
        [InlineData("foreach (var x in stream.ToBlockingEnumerable(")]
        [InlineData("foreach (var x in stream.) { }")]
        [InlineData("var l = stream.ToListAsync().")]
        [InlineData("var m = stream.GetAsyncEnumerator().MoveNextAsync().AsTask().Res")]
        [InlineData("foreach (var x in {|YA1003:stream.ToBlockingEnumerable()|} { }")]
        [InlineData("foreach (var x in Missing.ToBlockingEnumerable()) { }")]
        public Task HalfTypedCode_DoesNotCrash(string statement) => new Verify.Test
        {
            TestCode = $$"""
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;

                class Typing
                {
                    void Consume(IAsyncEnumerable<int> stream)
                    {
                        {{statement}}
                    }
                }
                """ + LinqAsync,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync(CancellationToken.None);

        #endregion

        #region Code fix

        [Fact]
        public Task Fix_AsyncMethod_AwaitsForEach_PassingTheMethodsToken() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Report
            {
                public async Task<int> TotalAsync(IAsyncEnumerable<int> amounts, CancellationToken cancellationToken)
                {
                    var total = 0;
                    // every amount
                    foreach (var amount in {|YA1003:amounts.ToBlockingEnumerable()|})
                    {
                        total += amount;
                    }

                    await Task.Yield();
                    return total;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Report
            {
                public async Task<int> TotalAsync(IAsyncEnumerable<int> amounts, CancellationToken cancellationToken)
                {
                    var total = 0;
                    // every amount
                    await foreach (var amount in amounts.WithCancellation(cancellationToken))
                    {
                        total += amount;
                    }

                    await Task.Yield();
                    return total;
                }
            }
            """);

        [Fact]
        public Task Fix_AsyncMethod_KeepsTheGivenToken_AndDoesNotRepeatTheProducersToken() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Report
            {
                private static async IAsyncEnumerable<int> Source(CancellationToken token)
                {
                    await Task.Yield();
                    yield return 1;
                }

                public async Task Run(IAsyncEnumerable<int> stream, CancellationToken token)
                {
                    foreach (var x in {|YA1003:stream.ToBlockingEnumerable(token)|}) { }
                    foreach (var x in {|YA1003:TaskAsyncEnumerableExtensions.ToBlockingEnumerable(Source(token))|}) { }
                    foreach (var (a, b) in {|YA1003:Pairs(stream).ToBlockingEnumerable()|}) { }
                    await Task.Yield();
                }

                private static async IAsyncEnumerable<(int, int)> Pairs(IAsyncEnumerable<int> stream)
                {
                    await foreach (var x in stream) yield return (x, x);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Report
            {
                private static async IAsyncEnumerable<int> Source(CancellationToken token)
                {
                    await Task.Yield();
                    yield return 1;
                }

                public async Task Run(IAsyncEnumerable<int> stream, CancellationToken token)
                {
                    await foreach (var x in stream.WithCancellation(token)) { }
                    await foreach (var x in Source(token)) { }
                    await foreach (var (a, b) in Pairs(stream).WithCancellation(token)) { }
                    await Task.Yield();
                }

                private static async IAsyncEnumerable<(int, int)> Pairs(IAsyncEnumerable<int> stream)
                {
                    await foreach (var x in stream) yield return (x, x);
                }
            }
            """);

        [Fact]
        public Task Fix_AsyncMethod_AwaitsBlockedOperatorsAndMoveNext() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Consumer
            {
                public async Task<int> Run(IAsyncEnumerable<int> stream)
                {
                    var list = {|YA1003:stream.ToListAsync().Result|};
                    var e = stream.GetAsyncEnumerator();
                    var more = {|YA1003:e.MoveNextAsync().GetAwaiter().GetResult()|};
                    more &= {|YA1003:e.MoveNextAsync().AsTask().Result|};
                    {|YA1003:stream.CountAsync().AsTask().Wait()|};
                    await Task.Yield();
                    return list.Count + (more ? 1 : 0);
                }
            }
            """ + LinqAsync, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Consumer
            {
                public async Task<int> Run(IAsyncEnumerable<int> stream)
                {
                    var list = await stream.ToListAsync();
                    var e = stream.GetAsyncEnumerator();
                    var more = await e.MoveNextAsync();
                    more &= await e.MoveNextAsync();
                    await stream.CountAsync();
                    await Task.Yield();
                    return list.Count + (more ? 1 : 0);
                }
            }
            """ + LinqAsync);

        [Fact]
        public Task Fix_AsyncLambda_AndAsyncOperatorOverTheBlockingEnumerable() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Consumer
            {
                public Func<Task<int>> Counter(IAsyncEnumerable<int> stream) => async () =>
                {
                    await Task.Yield();
                    return {|YA1003:stream.ToBlockingEnumerable()|}.ToList().Count;
                };

                public async Task<int> First(IAsyncEnumerable<int> stream, CancellationToken token)
                {
                    await Task.Yield();
                    return {|YA1003:stream.ToBlockingEnumerable()|}.First(x => x > 1);
                }
            }
            """ + LinqAsync, """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            class Consumer
            {
                public Func<Task<int>> Counter(IAsyncEnumerable<int> stream) => async () =>
                {
                    await Task.Yield();
                    return (await stream.ToListAsync()).Count;
                };

                public async Task<int> First(IAsyncEnumerable<int> stream, CancellationToken token)
                {
                    await Task.Yield();
                    return await stream.FirstAsync(x => x > 1, cancellationToken: token);
                }
            }
            """ + LinqAsync);

        [Fact]
        public async Task Fix_SyncIterator_ConvertsItAndItsCallerInAnotherFile()
        {
            var test = new VerifyFix.Test();
            test.TestState.Sources.Add(("/0/Relay.cs", """
                using System.Collections.Generic;
                using System.Threading.Tasks;

                static class Relay
                {
                    public static IEnumerable<string> Forward(IAsyncEnumerable<string> source)
                    {
                        foreach (var item in {|YA1003:source.ToBlockingEnumerable()|})
                        {
                            yield return item.ToUpperInvariant();
                        }
                    }
                }
                """));
            test.TestState.Sources.Add(("/0/Use.cs", """
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;

                class Use
                {
                    async Task Run(IAsyncEnumerable<string> source, CancellationToken token)
                    {
                        foreach (var s in Relay.Forward(source))
                            System.Console.WriteLine(s);
                        await Task.Yield();
                    }
                }
                """));
            test.FixedState.Sources.Add(("/0/Relay.cs", """
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                static class Relay
                {
                    public static async IAsyncEnumerable<string> Forward(IAsyncEnumerable<string> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        await foreach (var item in source.WithCancellation(cancellationToken))
                        {
                            yield return item.ToUpperInvariant();
                        }
                    }
                }
                """));
            test.FixedState.Sources.Add(("/0/Use.cs", """
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;

                class Use
                {
                    async Task Run(IAsyncEnumerable<string> source, CancellationToken token)
                    {
                        await foreach (var s in Relay.Forward(source, cancellationToken: token))
                            System.Console.WriteLine(s);
                        await Task.Yield();
                    }
                }
                """));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task NoFix_InSyncMethod_OrWhereAwaitIsNotAllowed() => VerifyNoFix("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Consumer
            {
                private readonly object _gate = new object();

                public int Sync(IAsyncEnumerable<int> stream) => {|YA1003:stream.ToBlockingEnumerable()|}.Count();

                public List<int> SyncResult(IAsyncEnumerable<int> stream) => {|YA1003:stream.ToListAsync().Result|};

                public async Task Locked(IAsyncEnumerable<int> stream)
                {
                    await Task.Yield();
                    lock (_gate)
                    {
                        foreach (var x in {|YA1003:stream.ToBlockingEnumerable()|}) { }
                    }
                }

                public async Task<IEnumerable<int>> Returned(IAsyncEnumerable<int> stream)
                {
                    await Task.Yield();
                    return {|YA1003:stream.ToBlockingEnumerable()|};
                }
            }
            """ + LinqAsync);

        /// <summary>With the engine's "Add async counterpart": a sync caller keeps the original (and its diagnostic).</summary>
        [Fact]
        public Task Counterpart_SyncIteratorWhoseCallerCannotFollow() => new VerifyFix.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;

                class Relay
                {
                    public IEnumerable<int> Forward(IAsyncEnumerable<int> source)
                    {
                        foreach (var item in {|YA1003:source.ToBlockingEnumerable()|})
                            yield return item;
                    }

                    public int[] All(IAsyncEnumerable<int> source) => Forward(source).ToArray();
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using System.Linq;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                class Relay
                {
                    public IEnumerable<int> Forward(IAsyncEnumerable<int> source)
                    {
                        foreach (var item in {|YA1003:source.ToBlockingEnumerable()|})
                            yield return item;
                    }

                    public async IAsyncEnumerable<int> ForwardAsync(IAsyncEnumerable<int> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        await foreach (var item in source.WithCancellation(cancellationToken))
                            yield return item;
                    }

                    public int[] All(IAsyncEnumerable<int> source) => Forward(source).ToArray();
                }
                """,
            CodeActionEquivalenceKey = YieldAwait.CodeFixes.Rules.YA1003BlockingEnumerationOfAsyncStreamCodeFix.ConvertEquivalenceKey + ".AddAsyncCounterpart",
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 1,
            FixedState = { MarkupHandling = MarkupMode.Allow },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task FixAll_AwaitsEveryFormInAsyncFunctions_AndLeavesSyncOnes() => VerifyFixLeavingDiagnosticsAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Consumer
            {
                public async Task<int> A(IAsyncEnumerable<int> stream)
                {
                    var sum = 0;
                    foreach (var x in {|YA1003:stream.ToBlockingEnumerable()|})
                        foreach (var y in {|YA1003:stream.ToBlockingEnumerable()|})
                            sum += x * y;
                    await Task.Yield();
                    return sum + {|YA1003:stream.CountAsync().Result|};
                }

                public int B(IAsyncEnumerable<int> stream) => {|YA1003:stream.CountAsync().Result|};
            }
            """ + LinqAsync, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Consumer
            {
                public async Task<int> A(IAsyncEnumerable<int> stream)
                {
                    var sum = 0;
                    await foreach (var x in stream)
                        await foreach (var y in stream)
                            sum += x * y;
                    await Task.Yield();
                    return sum + await stream.CountAsync();
                }

                public int B(IAsyncEnumerable<int> stream) => {|YA1003:stream.CountAsync().Result|};
            }
            """ + LinqAsync);

        #endregion

        private static Task VerifyNoFix(string source) => VerifyFix.VerifyCodeFixAsync(source, source);

        /// <summary>A fix whose result still holds the diagnostics its markup shows (those the fix leaves, in sync functions).</summary>
        private static Task VerifyFixLeavingDiagnosticsAsync(string source, string fixedSource)
        {
            var test = new VerifyFix.Test { TestCode = source, FixedCode = fixedSource };
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync(CancellationToken.None);
        }
    }
}
