using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA4001AsyncIteratorCannotBeCancelledAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA4001AsyncIteratorCannotBeCancelledAnalyzer, YieldAwait.CodeFixes.Rules.YA4001AsyncIteratorCannotBeCancelledCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA4001AsyncIteratorCannotBeCancelledTests
    {
        #region Analyzer: reports async iterators no token reaches

        [Fact]
        public Task Reports_AsyncIteratorWithoutToken_WithMessage() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Poller
            {
                public async IAsyncEnumerable<int> {|#0:PollAsync|}(int intervalMs)
                {
                    for (var i = 0; ; i++)
                    {
                        await Task.Delay(intervalMs);
                        yield return i;
                    }
                }
            }
            """,
            Verify.Diagnostic("YA4001").WithLocation(0).WithArguments("PollAsync", "it takes no CancellationToken, so a consumer's token never reaches the awaits inside it"));

        [Fact]
        public Task Reports_LocalFunctionAsyncIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            static class Lines
            {
                public static IAsyncEnumerable<string> Read(TextReader reader)
                {
                    return ReadAll();

                    async IAsyncEnumerable<string> {|YA4001:ReadAll|}()
                    {
                        while (await reader.ReadLineAsync() is { } line)
                        {
                            yield return line;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_TokenWithoutEnumeratorCancellation_OnTheName_WithTheParameterAlong() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                public async IAsyncEnumerable<int> {|#0:Items|}(int count, CancellationToken {|#1:token|} = default)
                {
                    for (var i = 0; i < count; i++)
                    {
                        await Task.Delay(10, token);
                        yield return i;
                    }
                }
            }
            """,
            Verify.Diagnostic("YA4001").WithLocation(0).WithLocation(1).WithArguments("Items", "its CancellationToken parameter 'token' is not marked [EnumeratorCancellation], so a token given to WithCancellation never reaches it"));

        [Fact]
        public Task Reports_AsyncEnumeratorWithoutAnyToken() => Verify.VerifyAnalyzerAsync("""
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
            """);

        [Fact]
        public Task Reports_WhenTheOnlyAwaitIsAnAwaitForeach() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            static class Streams
            {
                public static async IAsyncEnumerable<string> {|YA4001:Upper|}(IAsyncEnumerable<string> source)
                {
                    await foreach (var item in source)
                    {
                        yield return item.ToUpperInvariant();
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_WhenTheOnlyTokenIsMadeInside() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Sampler
            {
                public async IAsyncEnumerable<int> {|YA4001:Sample|}()
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    for (var i = 0; i < 3; i++)
                    {
                        await Task.Delay(100, timeout.Token);
                        await Task.Delay(100, CancellationToken.None);
                        yield return i;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_OnTheInterfaceMember_OnceForAllImplementations() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            interface ISource
            {
                IAsyncEnumerable<int> {|#0:ReadAsync|}();
            }

            class First : ISource
            {
                public async IAsyncEnumerable<int> ReadAsync()
                {
                    await Task.Delay(1);
                    yield return 1;
                }
            }

            class Second : ISource
            {
                public async IAsyncEnumerable<int> ReadAsync()
                {
                    await Task.Delay(2);
                    yield return 2;
                }
            }
            """,
            Verify.Diagnostic("YA4001").WithLocation(0).WithArguments("ReadAsync", "it takes no CancellationToken, so the async iterators that implement it cannot be cancelled"));

        [Fact]
        public Task Reports_OnTheAbstractBase_NotOnTheOverride() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            abstract class Source
            {
                public abstract IAsyncEnumerable<int> {|YA4001:ReadAsync|}();
            }

            sealed class Ticker : Source
            {
                public override async IAsyncEnumerable<int> ReadAsync()
                {
                    await Task.Delay(1);
                    yield return 1;
                }
            }
            """);

        [Fact]
        public Task Reports_VirtualAsyncIterator_OnlyOnItself() => Verify.VerifyAnalyzerAsync("""
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

        [Fact]
        public Task Reports_SeveralUnmarkedTokens_Once() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Merge
            {
                public async IAsyncEnumerable<int> {|#0:Items|}(CancellationToken {|#1:first|}, CancellationToken second)
                {
                    await Task.Delay(1, first);
                    await Task.Delay(1, second);
                    yield return 1;
                }
            }
            """,
            Verify.Diagnostic("YA4001").WithLocation(0).WithLocation(1).WithArguments("Items", "its CancellationToken parameter 'first' is not marked [EnumeratorCancellation], so a token given to WithCancellation never reaches it"));

        private const string NeverStops = "it never ends and takes no CancellationToken, so a consumer that cancels it with WithCancellation(token) waits forever; only a token checked in its loop could stop it";

        [Fact]
        public Task Reports_EndlessIteratorWhoseOnlyAwaitIsYield_WithItsOwnMessage() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Ticks
            {
                public static async IAsyncEnumerable<long> {|#0:Count|}()
                {
                    for (long i = 0; ; i++)
                    {
                        await Task.Yield();
                        yield return i;
                    }
                }
            }
            """,
            Verify.Diagnostic("YA4001").WithLocation(0).WithArguments("Count", NeverStops));

        [Fact]
        public Task Reports_EndlessIteratorWithPlaceholderAwaits_AndLocalFunctions() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            sealed class Heartbeat
            {
                private int _beats;

                public async IAsyncEnumerable<int> {|#0:Beats|}()
                {
                    await default(ValueTask);
                    while (true)
                    {
                        await Task.Yield();
                        if (_beats % 2 == 0)
                        {
                            yield return _beats;
                        }

                        _beats++;
                    }
                }

                public IAsyncEnumerable<int> Inner()
                {
                    return Spin();

                    async IAsyncEnumerable<int> {|#1:Spin|}()
                    {
                        do
                        {
                            await Task.Yield();
                            yield return 1;
                        }
                        while (true);
                    }
                }
            }
            """,
            Verify.Diagnostic("YA4001").WithLocation(0).WithArguments("Beats", NeverStops),
            Verify.Diagnostic("YA4001").WithLocation(1).WithArguments("Spin", NeverStops));

        #endregion

        #region Analyzer: look-alikes that stay silent

        [Fact]
        public Task NoDiagnostic_WhenTheTokenIsMarked() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Poller
            {
                public async IAsyncEnumerable<int> PollAsync(int intervalMs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    for (var i = 0; ; i++)
                    {
                        await Task.Delay(intervalMs, cancellationToken);
                        yield return i;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_MarkedTokenBesideAnUnmarkedOne() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Merge
            {
                public async IAsyncEnumerable<int> Items(CancellationToken shutdown, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await Task.Delay(1, shutdown);
                    yield return 1;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_GetAsyncEnumeratorWithToken() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            sealed class Countdown : IAsyncEnumerable<int>
            {
                public async IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken cancellationToken = default)
                {
                    for (var i = 3; i > 0; i--)
                    {
                        await Task.Delay(10, cancellationToken);
                        yield return i;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AsyncEnumeratorWithUnmarkedToken() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Pump
            {
                public async IAsyncEnumerator<int> Drain(Queue<int> queue, CancellationToken token)
                {
                    while (queue.Count > 0)
                    {
                        await Task.Delay(1, token);
                        yield return queue.Dequeue();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AsyncMethodsThatAreNotIterators() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Store
            {
                public async Task<List<int>> LoadAsync()
                {
                    await Task.Delay(1);
                    return new List<int> { 1 };
                }

                public IAsyncEnumerable<int> Stream() => Forward(Numbers());

                private static IAsyncEnumerable<int> Forward(IAsyncEnumerable<int> source) => source;

                private static async IAsyncEnumerable<int> Numbers()
                {
                    yield return 1;
                    await Task.CompletedTask;
                }

                public IEnumerable<int> Sync()
                {
                    Task.Delay(1).Wait();
                    yield return 1;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheIteratorNeverWaits() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class AsyncSequences
            {
                public static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> source)
                {
                    foreach (var item in source)
                    {
                        yield return item;
                    }

                    await Task.Yield();
                }

                public static async IAsyncEnumerable<int> Later()
                {
                    Func<Task> later = async () => await Task.Delay(1000);
                    _ = later;
                    yield return 1;
                    await Task.CompletedTask;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheOnlyAwaitIsACompletedValueTask() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Replays
            {
                public static async IAsyncEnumerable<int> FromList(List<int> items)
                {
                    await default(ValueTask);
                    foreach (var item in items)
                    {
                        yield return item;
                    }
                }

                public static async IAsyncEnumerable<string> Single(string value)
                {
                    await default(System.Threading.Tasks.ValueTask<int>);
                    await new ValueTask();
                    await Task.FromResult(0);
                    yield return value;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenAnEndlessLoopThatOnlyYieldsCanEnd() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            sealed class Producers
            {
                private readonly CancellationToken _stopping;
                private readonly Queue<int> _queue = new();

                public Producers(CancellationToken stopping) => _stopping = stopping;

                public async IAsyncEnumerable<int> UntilEmpty()
                {
                    while (true)
                    {
                        await Task.Yield();
                        if (_queue.Count == 0)
                        {
                            yield break;
                        }

                        yield return _queue.Dequeue();
                    }
                }

                public async IAsyncEnumerable<int> UntilBreak()
                {
                    for (;;)
                    {
                        await Task.Yield();
                        if (_queue.Count == 0)
                        {
                            break;
                        }

                        yield return _queue.Dequeue();
                    }
                }

                public async IAsyncEnumerable<int> WhileRunning()
                {
                    while (!_stopping.IsCancellationRequested)
                    {
                        await Task.Yield();
                        yield return 1;
                    }
                }

                public async IAsyncEnumerable<int> ObservesTheStoppingToken()
                {
                    while (true)
                    {
                        _stopping.ThrowIfCancellationRequested();
                        await Task.Yield();
                        yield return 1;
                    }
                }

                public IAsyncEnumerable<int> Wrapped()
                {
                    return Local();

                    async IAsyncEnumerable<int> Local()
                    {
                        await Task.Yield();
                        for (var i = 0; i < 3; i++)
                        {
                            yield return i;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheEndlessIteratorHasItsToken() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Ticks
            {
                public static async IAsyncEnumerable<long> Count([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    for (long i = 0; ; i++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await Task.Yield();
                        yield return i;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenThePlaceholderAwaitIsConfigured() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Fakes
            {
                public static async IAsyncEnumerable<int> Numbers(int count)
                {
                    await Task.CompletedTask.ConfigureAwait(false);
                    for (var i = 0; i < count; i++)
                    {
                        yield return i;
                    }
                }

                public static async IAsyncEnumerable<string> Names()
                {
                    yield return "a";
                    await ValueTask.CompletedTask.ConfigureAwait(false);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenAFieldTokenIsObserved() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            sealed class Worker
            {
                private readonly CancellationToken _stopping;

                public Worker(CancellationToken stopping) => _stopping = stopping;

                public async IAsyncEnumerable<int> Heartbeats()
                {
                    while (!_stopping.IsCancellationRequested)
                    {
                        await Task.Delay(1000, _stopping);
                        yield return 1;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenATokenInsideAGivenObjectIsObserved() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            sealed class RequestContext
            {
                public CancellationToken Aborted { get; init; }
            }

            static class Handler
            {
                public static async IAsyncEnumerable<string> Events(RequestContext context)
                {
                    for (var i = 0; i < 10; i++)
                    {
                        await Task.Delay(100, context.Aborted);
                        yield return "tick";
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenAStaticShutdownTokenIsObserved() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            static class App
            {
                private static readonly CancellationTokenSource Lifetime = new();

                public static CancellationToken Stopping => Lifetime.Token;
            }

            static class Clock
            {
                public static async IAsyncEnumerable<long> Ticks()
                {
                    for (var tick = 0L; ; tick++)
                    {
                        await Task.Delay(1000, App.Stopping);
                        yield return tick;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_LocalFunctionUsingACapturedTokenLocal() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            static class Batches
            {
                public static IAsyncEnumerable<int> Read(CancellationTokenSource owner)
                {
                    var token = owner.Token;
                    return Inner();

                    async IAsyncEnumerable<int> Inner()
                    {
                        await Task.Delay(1, token);
                        yield return 1;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_LocalFunctionUsingTheOuterToken() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Batches
            {
                public static async IAsyncEnumerable<int> Read([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await foreach (var item in Inner())
                    {
                        yield return item;
                    }

                    async IAsyncEnumerable<int> Inner()
                    {
                        await Task.Delay(1, cancellationToken);
                        yield return 1;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_OnImplementationsOfAnInterfaceMemberInSource() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using System.Runtime.CompilerServices;

            interface ISource
            {
                IAsyncEnumerable<int> ReadAsync(CancellationToken cancellationToken = default);
            }

            class First : ISource
            {
                public async IAsyncEnumerable<int> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await Task.Delay(1, cancellationToken);
                    yield return 1;
                }
            }
            """);

        [Fact]
        public Task Reports_HelperBehindAnExplicitInterfaceImplementation() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            sealed class Pages : IAsyncEnumerable<int>
            {
                IAsyncEnumerator<int> IAsyncEnumerable<int>.GetAsyncEnumerator(System.Threading.CancellationToken cancellationToken) => Walk();

                private async IAsyncEnumerator<int> {|YA4001:Walk|}()
                {
                    await Task.Delay(1);
                    yield return 1;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AsyncLambdasAndTaskReturningLocalFunctions() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;

            static class Jobs
            {
                public static async Task Run()
                {
                    Func<Task> job = async () => await Task.Delay(10);
                    await job();
                    await Local();

                    async Task Local() => await Task.Delay(1);
                }
            }
            """);

        #endregion

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

        #region api_surface

        private const string ThreeIterators = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public class Feeds
            {
                public async IAsyncEnumerable<int> {|#0:Public|}()
                {
                    await Task.Delay(1);
                    yield return 1;
                }

                internal async IAsyncEnumerable<int> {|#1:Internal|}(CancellationToken {|#3:token|})
                {
                    await Task.Delay(1, token);
                    yield return 1;
                }

                private async IAsyncEnumerable<int> {|#2:Private|}()
                {
                    await Task.Delay(1);
                    yield return 1;
                }

                public IAsyncEnumerable<int> All() => Private();
            }
            """;

        [Theory]
        [InlineData(null, false, new[] { 0, 1, 2 })]
        [InlineData(null, true, new[] { 1, 2 })]
        [InlineData("dotnet_code_quality.api_surface = all", true, new[] { 0, 1, 2 })]
        [InlineData("dotnet_code_quality.api_surface = public", false, new[] { 0 })]
        [InlineData("dotnet_code_quality.YA4001.api_surface = friend", true, new[] { 1 })]
        [InlineData("dotnet_code_quality.api_surface = private\ndotnet_code_quality.YA4001.api_surface = public, private", false, new[] { 0, 2 })]
        public Task ApiSurfaceOption_ChoosesTheAccessibilities(string? editorConfig, bool tracksPublicApi, int[] reported)
        {
            var test = new Verify.Test { TestCode = ThreeIterators };
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary;
            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
            }

            if (tracksPublicApi)
            {
                test.TestState.AdditionalFiles.Add(("/0/PublicAPI.Shipped.txt", "Feeds\n"));
            }

            foreach (var location in reported)
            {
                var expected = location switch
                {
                    0 => Verify.Diagnostic("YA4001").WithLocation(0).WithArguments("Public", "it takes no CancellationToken, so a consumer's token never reaches the awaits inside it"),
                    1 => Verify.Diagnostic("YA4001").WithLocation(1).WithLocation(3).WithArguments("Internal", "its CancellationToken parameter 'token' is not marked [EnumeratorCancellation], so a token given to WithCancellation never reaches it"),
                    _ => Verify.Diagnostic("YA4001").WithLocation(2).WithArguments("Private", "it takes no CancellationToken, so a consumer's token never reaches the awaits inside it"),
                };
                test.ExpectedDiagnostics.Add(expected);
            }

            test.CompilerDiagnostics = CompilerDiagnostics.None;
            return test.RunAsync(CancellationToken.None);
        }

        #endregion

        #region No crash on half-typed code

        [Theory]
        [InlineData("async IAsyncEnumerable<int> Read(")]
        [InlineData("async IAsyncEnumerable<int> Read() { await Task.Delay(1); yield return")]
        [InlineData("async IAsyncEnumerable<int> Read(CancellationToken ) { await Task.Delay(1); yield return 1; }")]
        [InlineData("async IAsyncEnumerable<int> Read([EnumeratorCancellation] ) { await Task.Delay(1); yield return 1; }")]
        [InlineData("async IAsyncEnumerable<> Read() { await Task.Delay(1); yield return 1; }")]
        [InlineData("async IAsyncEnumerator<int> Read(int a,) { await foreach (var x in ) yield return x; }")]
        [InlineData("async IAsyncEnumerable<int> Read() { await Task.Delay(1, ); yield return 1; }")]
        [InlineData("async IAsyncEnumerable<int> Read() { while (true) { await Task.Yield(); yield return 1; }")]
        [InlineData("async IAsyncEnumerable<int> Read() { for (;;) { await default(ValueTask); yield return }")]
        [InlineData("async IAsyncEnumerable<int> Read() { while () { await Task.Yield(); yield return 1; } }")]
        [InlineData("async IAsyncEnumerable<int> Read(CancellationToken t) { do { await Task.Yield(); yield return 1; } while (true }")]
        public Task NoCrash_HalfTypedIterator(string member) => HalfTypedCode.AssertNoCrashAsync<
            YieldAwait.Analyzers.Rules.YA4001AsyncIteratorCannotBeCancelledAnalyzer,
            YieldAwait.CodeFixes.Rules.YA4001AsyncIteratorCannotBeCancelledCodeFix>($$"""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Typing
            {
                {{member}}
            }
            """);

        #endregion
    }
}
