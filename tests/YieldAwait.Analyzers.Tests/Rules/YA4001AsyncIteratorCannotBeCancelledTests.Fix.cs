using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA4001AsyncIteratorCannotBeCancelledAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA4001AsyncIteratorCannotBeCancelledAnalyzer, YieldAwait.CodeFixes.Rules.YA4001AsyncIteratorCannotBeCancelledCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA4001AsyncIteratorCannotBeCancelledTests
    {
        #region Fix: add or mark the token, and pass it on

        [Fact]
        public Task Fix_AddsTheTokenAndFlowsItIntoAwaitedCallsAndStreams() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Tail
            {
                public async IAsyncEnumerable<string> {|YA4001:Follow|}(TextReader reader, IAsyncEnumerable<string> extra, int pollMs = 100)
                {
                    while (true)
                    {
                        // wait for more
                        var line = await reader.ReadLineAsync().ConfigureAwait(false);
                        if (line is null)
                        {
                            await Task.Delay(pollMs);
                            continue;
                        }

                        yield return line;
                        await foreach (var more in extra.ConfigureAwait(false))
                        {
                            yield return more;
                        }
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Tail
            {
                public async IAsyncEnumerable<string> Follow(TextReader reader, IAsyncEnumerable<string> extra, int pollMs = 100, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    while (true)
                    {
                        // wait for more
                        var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                        if (line is null)
                        {
                            await Task.Delay(pollMs, cancellationToken);
                            continue;
                        }

                        yield return line;
                        await foreach (var more in extra.WithCancellation(cancellationToken).ConfigureAwait(false))
                        {
                            yield return more;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_LeavesStreamsAndCallsThatAlreadyHaveAToken() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Relays
            {
                public async IAsyncEnumerable<int> {|YA4001:Forward|}(IAsyncEnumerable<int> source, Task<int> pending)
                {
                    yield return await pending;
                    await Task.Delay(1, CancellationToken.None);
                    await foreach (var item in source.WithCancellation(CancellationToken.None))
                    {
                        yield return item;
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Relays
            {
                public async IAsyncEnumerable<int> Forward(IAsyncEnumerable<int> source, Task<int> pending, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await pending;
                    await Task.Delay(1, CancellationToken.None);
                    await foreach (var item in source.WithCancellation(CancellationToken.None))
                    {
                        yield return item;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_PicksAFreeName_AndKeepsAMultiLineLayout() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Batches
            {
                public async IAsyncEnumerable<int> {|YA4001:Read|}(
                    int size,
                    int delayMs)
                {
                    var cancellationToken = size;
                    await Task.Delay(delayMs);
                    yield return cancellationToken;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Batches
            {
                public async IAsyncEnumerable<int> Read(
                    int size,
                    int delayMs,
                    [EnumeratorCancellation] CancellationToken cancellationToken2 = default)
                {
                    var cancellationToken = size;
                    await Task.Delay(delayMs, cancellationToken2);
                    yield return cancellationToken;
                }
            }
            """);

        [Fact]
        public Task Fix_InsertsBeforeParams_WhenNoCallerPassesParamsArguments() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Probe
            {
                public async IAsyncEnumerable<string> {|YA4001:Ping|}(int delayMs, params string[] hosts)
                {
                    foreach (var host in hosts)
                    {
                        await Task.Delay(delayMs);
                        yield return host;
                    }
                }

                public IAsyncEnumerable<string> None() => Ping(10);
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Probe
            {
                public async IAsyncEnumerable<string> Ping(int delayMs, [EnumeratorCancellation] CancellationToken cancellationToken = default, params string[] hosts)
                {
                    foreach (var host in hosts)
                    {
                        await Task.Delay(delayMs, cancellationToken);
                        yield return host;
                    }
                }

                public IAsyncEnumerable<string> None() => Ping(10);
            }
            """);

        [Fact]
        public Task Fix_EndlessIterator_AddsTheTokenAndChecksItEachTurn() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Ticks
            {
                public static async IAsyncEnumerable<long> {|YA4001:Count|}(long start)
                {
                    for (var i = start; ; i++)
                    {
                        // let other work run between items
                        await Task.Yield();
                        yield return i;
                    }
                }

                public static async IAsyncEnumerable<int> {|YA4001:Ones|}()
                {
                    while (true)
                        yield return await Task.FromResult(1);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Ticks
            {
                public static async IAsyncEnumerable<long> Count(long start, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    for (var i = start; ; i++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        // let other work run between items
                        await Task.Yield();
                        yield return i;
                    }
                }

                public static async IAsyncEnumerable<int> Ones([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    while (true)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return await Task.FromResult(1);
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_MarksTheExistingToken() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                public async IAsyncEnumerable<int> {|#0:Items|}(int count, CancellationToken {|#1:token|} = default)
                {
                    for (var i = 0; i < count; i++)
                    {
                        await Task.Delay(10);
                        yield return i;
                    }
                }
            }
            """,
            new[] { VerifyFix.Diagnostic("YA4001").WithLocation(0).WithLocation(1).WithArguments("Items", "its CancellationToken parameter 'token' is not marked [EnumeratorCancellation], so a token given to WithCancellation never reaches it") },
            """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                public async IAsyncEnumerable<int> Items(int count, [EnumeratorCancellation] CancellationToken token = default)
                {
                    for (var i = 0; i < count; i++)
                    {
                        await Task.Delay(10, token);
                        yield return i;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_AsyncEnumerator_AddsAPlainToken() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Pump
            {
                public async IAsyncEnumerator<int> {|YA4001:Drain|}(Queue<int> queue)
                {
                    while (queue.Count > 0)
                    {
                        await Task.Delay(1);
                        yield return queue.Dequeue();
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Pump
            {
                public async IAsyncEnumerator<int> Drain(Queue<int> queue, CancellationToken cancellationToken = default)
                {
                    while (queue.Count > 0)
                    {
                        await Task.Delay(1, cancellationToken);
                        yield return queue.Dequeue();
                    }
                }
            }
            """);

        [Fact]
        public Task FixAll_MakesEveryIteratorInTheDocumentCancellable_IncludingALocalFunction() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Feeds
            {
                public static async IAsyncEnumerable<int> {|YA4001:Numbers|}()
                {
                    await Task.Delay(1);
                    yield return 1;
                }

                public static IAsyncEnumerable<int> Doubled()
                {
                    return Inner();

                    async IAsyncEnumerable<int> {|YA4001:Inner|}()
                    {
                        await foreach (var n in Numbers())
                        {
                            yield return n * 2;
                        }
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Feeds
            {
                public static async IAsyncEnumerable<int> Numbers([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await Task.Delay(1, cancellationToken);
                    yield return 1;
                }

                public static IAsyncEnumerable<int> Doubled()
                {
                    return Inner();

                    async IAsyncEnumerable<int> Inner([EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        await foreach (var n in Numbers().WithCancellation(cancellationToken))
                        {
                            yield return n * 2;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NoFix_WhenTheIteratorIsUsedAsAMethodGroup() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Registry
            {
                public async IAsyncEnumerable<int> {|YA4001:Read|}()
                {
                    await Task.Delay(1);
                    yield return 1;
                }

                public Func<IAsyncEnumerable<int>> Factory => Read;
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Registry
            {
                public async IAsyncEnumerable<int> {|YA4001:Read|}()
                {
                    await Task.Delay(1);
                    yield return 1;
                }

                public Func<IAsyncEnumerable<int>> Factory => Read;
            }
            """);

        [Fact]
        public Task NoFix_WhenACallerPassesParamsArguments() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Probe
            {
                public async IAsyncEnumerable<string> {|YA4001:Ping|}(params string[] hosts)
                {
                    foreach (var host in hosts)
                    {
                        await Task.Delay(1);
                        yield return host;
                    }
                }

                public IAsyncEnumerable<string> Two() => Ping("a", "b");
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Probe
            {
                public async IAsyncEnumerable<string> {|YA4001:Ping|}(params string[] hosts)
                {
                    foreach (var host in hosts)
                    {
                        await Task.Delay(1);
                        yield return host;
                    }
                }

                public IAsyncEnumerable<string> Two() => Ping("a", "b");
            }
            """);

        [Fact]
        public Task NoFix_OnTheInterfaceMember_OrForSeveralUnmarkedTokens() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            interface ISource
            {
                IAsyncEnumerable<int> {|#2:ReadAsync|}();
            }

            class First : ISource
            {
                public async IAsyncEnumerable<int> ReadAsync()
                {
                    await Task.Delay(1);
                    yield return 1;
                }

                public async IAsyncEnumerable<int> {|#0:Items|}(CancellationToken {|#1:a|}, CancellationToken b)
                {
                    await Task.Delay(1, a);
                    yield return 1;
                }
            }
            """,
            new[]
            {
                VerifyFix.Diagnostic("YA4001").WithLocation(2).WithArguments("ReadAsync", "it takes no CancellationToken, so the async iterators that implement it cannot be cancelled"),
                VerifyFix.Diagnostic("YA4001").WithLocation(0).WithLocation(1).WithArguments("Items", "its CancellationToken parameter 'a' is not marked [EnumeratorCancellation], so a token given to WithCancellation never reaches it"),
            },
            """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            interface ISource
            {
                IAsyncEnumerable<int> {|#2:ReadAsync|}();
            }

            class First : ISource
            {
                public async IAsyncEnumerable<int> ReadAsync()
                {
                    await Task.Delay(1);
                    yield return 1;
                }

                public async IAsyncEnumerable<int> {|#0:Items|}(CancellationToken {|#1:a|}, CancellationToken b)
                {
                    await Task.Delay(1, a);
                    yield return 1;
                }
            }
            """);

        [Fact]
        public Task NoFix_WhenAVirtualIteratorIsOverridden() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Source
            {
                public virtual async IAsyncEnumerable<int> {|YA4001:ReadAsync|}()
                {
                    await Task.Delay(1);
                    yield return 1;
                }
            }

            sealed class Faster : Source
            {
                public override async IAsyncEnumerable<int> ReadAsync()
                {
                    await Task.Delay(0);
                    yield return 2;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Source
            {
                public virtual async IAsyncEnumerable<int> {|YA4001:ReadAsync|}()
                {
                    await Task.Delay(1);
                    yield return 1;
                }
            }

            sealed class Faster : Source
            {
                public override async IAsyncEnumerable<int> ReadAsync()
                {
                    await Task.Delay(0);
                    yield return 2;
                }
            }
            """);

        #endregion
    }
}
