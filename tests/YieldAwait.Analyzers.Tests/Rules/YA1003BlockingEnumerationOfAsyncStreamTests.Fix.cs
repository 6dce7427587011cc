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
    }
}
