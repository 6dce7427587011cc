using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA4002CancellationTokenNotPassedToAwaitForEachAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA4002CancellationTokenNotPassedToAwaitForEachAnalyzer, YieldAwait.CodeFixes.Rules.YA4002CancellationTokenNotPassedToAwaitForEachCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA4002CancellationTokenNotPassedToAwaitForEachTests
    {
        private const string Feed = """

            static class Feed
            {
                public static async IAsyncEnumerable<int> Read([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await Task.Delay(1, cancellationToken);
                    yield return 1;
                }

                public static async IAsyncEnumerable<int> Evens(this IAsyncEnumerable<int> source)
                {
                    await foreach (var item in source)
                    {
                        if (item % 2 == 0) yield return item;
                    }
                }
            }
            """;

        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            """;

        #region Analyzer: silent when the token reaches the producer another way (shapes from real code)

        [Fact]
        public Task Silent_StreamMadeByAnAwaitedCallThatTakesTheToken() => Verify.VerifyAnalyzerAsync(Usings + """
            class Client
            {
                static Task<T> WithTimeout<T>(TimeSpan limit, CancellationToken token, Func<CancellationToken, T> open) => Task.FromResult(open(token));

                public async Task<int> CountAsync(CancellationToken cancelToken)
                {
                    var count = 0;
                    await foreach (var item in await WithTimeout(TimeSpan.FromSeconds(5), cancelToken, ct => Feed.Read(ct)))
                    {
                        count++;
                    }

                    return count;
                }
            }
            """ + Feed);

        [Fact]
        public Task Silent_LocalIteratorThatCapturesTheToken() => Verify.VerifyAnalyzerAsync(Usings + """
            class Changes
            {
                public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken token = default)
                {
                    async IAsyncEnumerable<string> Build(string kind)
                    {
                        await Task.Delay(1, token);
                        yield return kind;
                    }

                    await foreach (var r in Build("added").ConfigureAwait(false))
                    {
                        yield return r;
                    }
                }
            }
            """);

        [Fact]
        public Task Silent_ChainWhoseSelectorPassesTheToken_ThroughALocal() => Verify.VerifyAnalyzerAsync(Usings + """
            static class Prefixes
            {
                static async IAsyncEnumerable<int> Largest(int root, [EnumeratorCancellation] CancellationToken token = default)
                {
                    await Task.Delay(1, token);
                    yield return root;
                }

                static async IAsyncEnumerable<int> Roots()
                {
                    await Task.Yield();
                    yield return 1;
                }

                static async IAsyncEnumerable<TResult> Map<T, TResult>(this IAsyncEnumerable<T> source, Func<T, TResult> map)
                {
                    await foreach (var item in source)
                    {
                        yield return map(item);
                    }
                }

                public static async Task<int> SumAsync(CancellationToken token)
                {
                    var result = Roots().Map(x => Largest(x, token));
                    var sum = 0;
                    await foreach (var stream in result.ConfigureAwait(false))
                    {
                        sum++;
                    }

                    return sum;
                }
            }
            """);

        [Fact]
        public Task Silent_WhenTheProducerDoesNotBind() => Verify.VerifyAnalyzerAsync(Usings + """
            class Broken
            {
                public async Task RunAsync(CancellationToken cancellationToken)
                {
                    await foreach (var item in {|CS0103:ToStream|}(42, cancellationToken))
                    {
                    }
                }
            }
            """ + Feed);

        [Fact]
        public Task Reports_LocalIteratorThatDoesNotUseTheToken() => Verify.VerifyAnalyzerAsync(Usings + """
            class Changes
            {
                public async Task<int> CountAsync(CancellationToken token)
                {
                    async IAsyncEnumerable<string> Build(string kind)
                    {
                        await Task.Delay(1);
                        yield return kind;
                    }

                    var count = 0;
                    await foreach (var r in [|Build("added")|])
                    {
                        count++;
                    }

                    return count;
                }
            }
            """);

        #endregion

        #region Analyzer: reports loops the token in scope does not reach

        [Fact]
        public Task Reports_ParameterTokenNotPassed_WithMessage() => Verify.VerifyAnalyzerAsync(Usings + """
            class Consumer
            {
                public async Task<int> SumAsync(CancellationToken cancellationToken)
                {
                    var sum = 0;
                    await foreach (var item in {|#0:Feed.Read()|})
                    {
                        sum += item;
                    }

                    return sum;
                }
            }
            """ + Feed,
            Verify.Diagnostic("YA4002").WithLocation(0).WithArguments("cancellationToken"));

        [Fact]
        public Task Reports_StreamParameter_AndTheReceiverOfConfigureAwait() => Verify.VerifyAnalyzerAsync(Usings + """
            class Consumer
            {
                public async Task CopyAsync(IAsyncEnumerable<string> lines, List<string> into, CancellationToken ct = default)
                {
                    await foreach (var line in [|lines|].ConfigureAwait(false))
                    {
                        into.Add(line);
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InsideAnAsyncIterator_WithItsEnumeratorToken() => Verify.VerifyAnalyzerAsync(Usings + """
            static class Relay
            {
                public static async IAsyncEnumerable<int> Forward(IAsyncEnumerable<int> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await foreach (var item in {|#0:source|})
                    {
                        yield return item;
                    }
                }
            }
            """,
            Verify.Diagnostic("YA4002").WithLocation(0).WithArguments("cancellationToken"));

        [Fact]
        public Task Reports_TheClosestToken_LambdaBeforeMethod() => Verify.VerifyAnalyzerAsync(Usings + """
            class Consumer
            {
                public Func<CancellationToken, Task> Handler(CancellationToken shutdown) => async requestAborted =>
                {
                    await foreach (var item in {|#0:Feed.Read()|})
                    {
                        Console.WriteLine(item);
                    }
                };

                public Task Later(CancellationToken shutdown) => Task.Run(async () =>
                {
                    await foreach (var item in {|#1:Feed.Read()|})
                    {
                        Console.WriteLine(item);
                    }
                });
            }
            """ + Feed,
            Verify.Diagnostic("YA4002").WithLocation(0).WithArguments("requestAborted"),
            Verify.Diagnostic("YA4002").WithLocation(1).WithArguments("shutdown"));

        [Fact]
        public Task Reports_ATokenLocal_ThenATokenSource() => Verify.VerifyAnalyzerAsync(Usings + """
            class Consumer
            {
                public async Task FirstAsync(CancellationTokenSource owner)
                {
                    var token = owner.Token;
                    await foreach (var item in {|#0:Feed.Read()|})
                    {
                        Console.WriteLine(item);
                    }
                }

                public async Task SecondAsync()
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    await foreach (var item in {|#1:Feed.Read()|})
                    {
                        Console.WriteLine(item);
                    }
                }
            }
            """ + Feed,
            Verify.Diagnostic("YA4002").WithLocation(0).WithArguments("token"),
            Verify.Diagnostic("YA4002").WithLocation(1).WithArguments("timeout.Token"));

        [Fact]
        public Task Reports_ChannelReadAllAsync_AndALocalMadeWithoutAToken() => Verify.VerifyAnalyzerAsync(Usings + """
            using System.Threading.Channels;

            class Pump
            {
                public async Task DrainAsync(ChannelReader<int> reader, CancellationToken cancellationToken)
                {
                    await foreach (var item in [|reader.ReadAllAsync()|])
                    {
                        Console.WriteLine(item);
                    }

                    var evens = Feed.Read().Evens();
                    await foreach (var item in [|evens|])
                    {
                        Console.WriteLine(item);
                    }
                }
            }
            """ + Feed);

        #endregion

        #region Analyzer: look-alikes that stay silent

        [Fact]
        public Task NoDiagnostic_WhenWithCancellationIsInTheChain() => Verify.VerifyAnalyzerAsync(Usings + """
            class Consumer
            {
                public async Task RunAsync(IAsyncEnumerable<int> source, CancellationToken cancellationToken)
                {
                    await foreach (var item in source.WithCancellation(cancellationToken)) { }
                    await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false)) { }
                    var configured = source.WithCancellation(cancellationToken).ConfigureAwait(false);
                    await foreach (var item in configured) { }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheProducerTakesAnyToken() => Verify.VerifyAnalyzerAsync(Usings + """
            class Consumer
            {
                public async Task RunAsync(CancellationTokenSource linked, CancellationToken cancellationToken)
                {
                    await foreach (var item in Feed.Read(cancellationToken)) { }
                    await foreach (var item in Feed.Read(linked.Token).ConfigureAwait(false)) { }
                    await foreach (var item in Feed.Read(CancellationToken.None)) { }
                    await foreach (var item in Feed.Read(default)) { }
                    await foreach (var item in Feed.Read(cancellationToken: cancellationToken).Evens()) { }
                }
            }
            """ + Feed);

        [Fact]
        public Task NoDiagnostic_WhenTheStreamLocalWasMadeWithAToken() => Verify.VerifyAnalyzerAsync(Usings + """
            class Consumer
            {
                public async Task RunAsync(CancellationToken cancellationToken)
                {
                    var stream = Feed.Read(cancellationToken);
                    await foreach (var item in stream) { }

                    IAsyncEnumerable<int> later;
                    later = Feed.Read();
                    await foreach (var item in later) { }
                }
            }
            """ + Feed);

        [Fact]
        public Task NoDiagnostic_PatternBasedStreams() => Verify.VerifyAnalyzerAsync(Usings + """
            sealed class Ticks
            {
                public Enumerator GetAsyncEnumerator() => new Enumerator();

                public sealed class Enumerator
                {
                    public int Current => 1;
                    public ValueTask<bool> MoveNextAsync() => new ValueTask<bool>(false);
                    public ValueTask DisposeAsync() => default;
                }
            }

            sealed class Both : IAsyncEnumerable<int>
            {
                public Ticks.Enumerator GetAsyncEnumerator() => new Ticks.Enumerator();
                IAsyncEnumerator<int> IAsyncEnumerable<int>.GetAsyncEnumerator(CancellationToken cancellationToken) => throw new NotSupportedException();
            }

            class Consumer
            {
                public async Task RunAsync(CancellationToken cancellationToken)
                {
                    await foreach (var tick in new Ticks()) { }
                    await foreach (var tick in new Both()) { }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheOnlyTokensAreAFieldAndAProperty() => Verify.VerifyAnalyzerAsync(Usings + """
            class Consumer
            {
                private readonly CancellationToken _stopping;

                public Consumer(CancellationToken stopping) => _stopping = stopping;

                public CancellationToken Stopping => _stopping;

                public async Task RunAsync()
                {
                    await foreach (var item in Feed.Read()) { }
                }
            }
            """ + Feed);

        [Fact]
        public Task NoDiagnostic_WhenSeveralUnmarkedTokensMakeTheChoiceAGuess() => Verify.VerifyAnalyzerAsync(Usings + """
            class Consumer
            {
                public async Task TwoTokensAsync(CancellationToken first, CancellationToken second)
                {
                    await foreach (var item in Feed.Read()) { }
                }

                public Func<CancellationToken, CancellationToken, Task> Ambiguous(CancellationToken outer) => async (first, second) =>
                {
                    await foreach (var item in Feed.Read()) { }
                };
            }
            """ + Feed);

        [Fact]
        public Task NoDiagnostic_InAStaticLambdaThatCannotSeeTheToken() => Verify.VerifyAnalyzerAsync(Usings + """
            class Consumer
            {
                public Task Static(CancellationToken cancellationToken) => Task.Run(static async () =>
                {
                    await foreach (var item in Feed.Read()) { }
                });
            }
            """ + Feed);

        [Fact]
        public Task NoDiagnostic_WhenTheTokenLocalIsDeclaredAfterTheLoop() => Verify.VerifyAnalyzerAsync(Usings + """
            class Consumer
            {
                public async Task DeclaredAfterAsync()
                {
                    await foreach (var item in Feed.Read()) { }
                    var token = CancellationToken.None;
                    _ = token;
                }
            }
            """ + Feed);

        [Fact]
        public Task NoDiagnostic_SynchronousForeach() => Verify.VerifyAnalyzerAsync(Usings + """
            class Consumer
            {
                public void Sync(IEnumerable<int> items, CancellationToken cancellationToken)
                {
                    foreach (var item in items) { }
                }
            }
            """);

        #endregion

        #region Fix: .WithCancellation(token)

        [Fact]
        public Task NoDiagnostic_CleanupLoopsThatRunAfterCancellation() => Verify.VerifyAnalyzerAsync(Usings + """
            using System.Threading.Channels;

            class Worker
            {
                private readonly Channel<int> _queue = Channel.CreateUnbounded<int>();

                public async Task RunAsync(CancellationToken stoppingToken)
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        // Shutting down: drain what is queued; the stopping token is already cancelled.
                        _queue.Writer.Complete();
                        await foreach (var item in _queue.Reader.ReadAllAsync()) { Console.WriteLine(item); }
                    }
                }

                public async Task PumpAsync(IAsyncEnumerable<int> pending, CancellationToken cancellationToken)
                {
                    try
                    {
                        await Task.Delay(10, cancellationToken);
                    }
                    finally
                    {
                        await foreach (var item in pending) { Console.WriteLine(item); }
                    }
                }

                public async Task RetryAsync(IAsyncEnumerable<int> source, CancellationToken cancellationToken)
                {
                    try
                    {
                        await Task.Delay(10, cancellationToken);
                    }
                    catch (InvalidOperationException)
                    {
                        await foreach (var item in [|source|]) { Console.WriteLine(item); }
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_AddsWithCancellation_BeforeConfigureAwait() => VerifyFix.VerifyCodeFixAsync(Usings + """
            class Consumer
            {
                public async Task CopyAsync(IAsyncEnumerable<string> lines, List<string> into, CancellationToken cancellationToken)
                {
                    // copy everything
                    await foreach (var line in [|lines|].ConfigureAwait(false))
                    {
                        into.Add(line);
                    }
                }
            }
            """, Usings + """
            class Consumer
            {
                public async Task CopyAsync(IAsyncEnumerable<string> lines, List<string> into, CancellationToken cancellationToken)
                {
                    // copy everything
                    await foreach (var line in lines.WithCancellation(cancellationToken).ConfigureAwait(false))
                    {
                        into.Add(line);
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_UsesTheTokenSource_AndAddsTheTasksImport() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;

            class Consumer
            {
                public async System.Threading.Tasks.Task RunAsync(IAsyncEnumerable<int> source)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await foreach (var item in [|source|])
                    {
                        Console.WriteLine(item);
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Consumer
            {
                public async System.Threading.Tasks.Task RunAsync(IAsyncEnumerable<int> source)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await foreach (var item in source.WithCancellation(timeout.Token))
                    {
                        Console.WriteLine(item);
                    }
                }
            }
            """);

        [Fact]
        public Task FixAll_EveryLoopInTheDocument_EachWithItsOwnToken() => VerifyFix.VerifyCodeFixAsync(Usings + """
            class Consumer
            {
                public async Task RunAsync(IAsyncEnumerable<IAsyncEnumerable<int>> groups, CancellationToken cancellationToken)
                {
                    await foreach (var group in [|groups|])
                    {
                        await foreach (var item in [|group|])
                        {
                            Console.WriteLine(item);
                        }
                    }
                }

                public Func<CancellationToken, Task> Handler() => async aborted =>
                {
                    await foreach (var item in ([|Feed.Read()|]))
                    {
                        Console.WriteLine(item);
                    }
                };
            }
            """ + Feed, Usings + """
            class Consumer
            {
                public async Task RunAsync(IAsyncEnumerable<IAsyncEnumerable<int>> groups, CancellationToken cancellationToken)
                {
                    await foreach (var group in groups.WithCancellation(cancellationToken))
                    {
                        await foreach (var item in group.WithCancellation(cancellationToken))
                        {
                            Console.WriteLine(item);
                        }
                    }
                }

                public Func<CancellationToken, Task> Handler() => async aborted =>
                {
                    await foreach (var item in (Feed.Read().WithCancellation(aborted)))
                    {
                        Console.WriteLine(item);
                    }
                };
            }
            """ + Feed);

        #endregion

        #region No crash on half-typed code

        [Theory]
        [InlineData("await foreach (var x in ) { }")]
        [InlineData("await foreach (var x in source.) { }")]
        [InlineData("await foreach (var x in source.WithCancellation()) { }")]
        [InlineData("await foreach (var x in source.ConfigureAwait(false) { }")]
        [InlineData("await foreach (var in source) { }")]
        [InlineData("await foreach (var x in Missing()) { }")]
        [InlineData("await foreach (var x in source")]
        public Task NoCrash_HalfTypedLoop(string statement) => HalfTypedCode.AssertNoCrashAsync<
            YieldAwait.Analyzers.Rules.YA4002CancellationTokenNotPassedToAwaitForEachAnalyzer,
            YieldAwait.CodeFixes.Rules.YA4002CancellationTokenNotPassedToAwaitForEachCodeFix>($$"""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Typing
            {
                async Task Run(IAsyncEnumerable<int> source, CancellationToken cancellationToken)
                {
                    {{statement}}
                }
            }
            """);

        #endregion
    }
}
