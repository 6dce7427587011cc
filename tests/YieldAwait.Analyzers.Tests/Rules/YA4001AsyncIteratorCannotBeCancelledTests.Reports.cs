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
        public Task Reports_WhenAnAwaitReadsAFileBesideInMemoryReads() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            static class Messages
            {
                public static async IAsyncEnumerable<string> {|#0:Lines|}(string path, string header)
                {
                    using var headerReader = new StringReader(header);
                    yield return await headerReader.ReadLineAsync() ?? "";
                    using var file = new StreamReader(path);
                    while (await file.ReadLineAsync() is { } line)
                    {
                        yield return line;
                    }
                }

                public static async IAsyncEnumerable<string> {|#1:Reassigned|}(string text, string path)
                {
                    TextReader reader = new StringReader(text);
                    if (path.Length > 0) reader = new StreamReader(path);
                    while (await reader.ReadLineAsync() is { } line)
                    {
                        yield return line;
                    }
                }
            }
            """,
            Verify.Diagnostic("YA4001").WithLocation(0).WithArguments("Lines", "it takes no CancellationToken, so a consumer's token never reaches the awaits inside it"),
            Verify.Diagnostic("YA4001").WithLocation(1).WithArguments("Reassigned", "it takes no CancellationToken, so a consumer's token never reaches the awaits inside it"));

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
    }
}
