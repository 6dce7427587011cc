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
        public Task NoDiagnostic_WhenEveryAwaitReadsMemory() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Text;
            using System.Threading.Tasks;

            static class Messages
            {
                public static async IAsyncEnumerable<string> Parts(string message, int width)
                {
                    using StringReader reader = new(message);
                    var part = new StringBuilder();
                    while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
                    {
                        if (part.Length + line.Length > width)
                        {
                            yield return part.ToString();
                            part.Clear();
                        }

                        part.AppendLine(line);
                    }

                    yield return part.ToString();
                }

                public static async IAsyncEnumerable<int> Chunks(byte[] data)
                {
                    var stream = new MemoryStream(data);
                    var buffer = new byte[16];
                    int read;
                    while ((read = await stream.ReadAsync(buffer, 0, buffer.Length)) > 0)
                    {
                        yield return read;
                    }
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

        /// <summary>
        /// Mutants of the robustness run: a syntax error cut the usings, so the token's type (or its attribute) did not bind,
        /// and the fix then added a second [EnumeratorCancellation] token (CS8426) or attribute (CS0579). What does not bind
        /// may be the token.
        /// </summary>
        [Theory]
        [InlineData("using System.Collections.Generic;\nusing System.Threading.Tasks;\n")]
        [InlineData("using System.Collections.Generic;\nusing System.Threading;\nusing System.Threading.Tasks;\n")]
        public Task NoDiagnostic_WhenTheTokenOrItsAttributeDoesNotBind(string usings)
        {
            var test = new Verify.Test
            {
                TestCode = usings + """

                    class Warmup
                    {
                        public async IAsyncEnumerable<string> Ping(IEnumerable<string> endpoints, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                        {
                            foreach (var endpoint in endpoints)
                            {
                                await Task.Delay(1000);
                                yield return endpoint;
                            }
                        }
                    }
                    """,
            };
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            return test.RunAsync(CancellationToken.None);
        }

        #endregion
    }
}
