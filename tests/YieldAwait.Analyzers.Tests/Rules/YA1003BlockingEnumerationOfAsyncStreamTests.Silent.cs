using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1003BlockingEnumerationOfAsyncStreamAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1003BlockingEnumerationOfAsyncStreamAnalyzer, YieldAwait.CodeFixes.Rules.YA1003BlockingEnumerationOfAsyncStreamCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1003BlockingEnumerationOfAsyncStreamTests
    {
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
    }
}
