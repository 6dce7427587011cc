using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1005BlockingWaitInAsyncIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1005BlockingWaitInAsyncIteratorTests
    {
        #region Code fix

        [Fact]
        public Task Fix_AwaitsResultAndSleepsWithTheEnumeratorToken() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<int> M(Task<int> t, [EnumeratorCancellation] CancellationToken ct = default)
                {
                    {|YA1005:Thread.Sleep(5)|};
                    yield return {|YA1005:t.Result|} + 1;
                    await Task.Yield();
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<int> M(Task<int> t, [EnumeratorCancellation] CancellationToken ct = default)
                {
                    await Task.Delay(5, ct);
                    yield return await t + 1;
                    await Task.Yield();
                }
            }
            """);

        [Fact]
        public Task Fix_WaitStatementsAndAwaiters() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<string> M(HttpClient client, Task warmUp, Task[] batch)
                {
                    {|YA1005:warmUp.Wait()|};
                    {|YA1005:Task.WaitAll(batch)|};
                    {|YA1005:Task.WaitAny(batch)|};
                    var body = {|YA1005:client.GetStringAsync("https://example.com").ConfigureAwait(false).GetAwaiter().GetResult()|};
                    yield return body;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<string> M(HttpClient client, Task warmUp, Task[] batch)
                {
                    await warmUp;
                    await Task.WhenAll(batch);
                    await Task.WhenAny(batch);
                    var body = await client.GetStringAsync("https://example.com").ConfigureAwait(false);
                    yield return body;
                }
            }
            """);

        [Fact]
        public Task Fix_NestedFormsInOneFixAll() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                static Task<int> Twice(int x) => Task.FromResult(x * 2);

                async IAsyncEnumerable<int> M(Task<int> t)
                {
                    yield return {|YA1005:Twice({|YA1005:t.Result|}).Result|}.CompareTo(0);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                static Task<int> Twice(int x) => Task.FromResult(x * 2);

                async IAsyncEnumerable<int> M(Task<int> t)
                {
                    yield return (await Twice(await t)).CompareTo(0);
                }
            }
            """);

        [Fact]
        public Task Fix_AddsTasksUsingAndDelaysWithoutToken() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;

            class C
            {
                async IAsyncEnumerable<int> Ticks()
                {
                    for (var i = 0; i < 3; i++)
                    {
                        {|YA1005:System.Threading.Thread.Sleep(System.TimeSpan.FromSeconds(1))|};
                        yield return i;
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<int> Ticks()
                {
                    for (var i = 0; i < 3; i++)
                    {
                        await Task.Delay(System.TimeSpan.FromSeconds(1));
                        yield return i;
                    }
                }
            }
            """);

        [Fact]
        public Task NoFix_InsideLock()
        {
            var source = """
                using System.Collections.Generic;
                using System.Threading.Tasks;

                class C
                {
                    private readonly object _gate = new object();

                    async IAsyncEnumerable<int> M(Task<int> t)
                    {
                        int value;
                        lock (_gate)
                        {
                            value = {|YA1005:t.Result|};
                        }

                        yield return value;
                        await Task.Yield();
                    }
                }
                """;
            return VerifyFix.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task NoFix_WhenArgumentsAreNamedOutOfOrder()
        {
            var source = """
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async IAsyncEnumerable<int> M(Task[] uploads, CancellationToken token)
                    {
                        {|YA1005:Task.WaitAll(cancellationToken: token, tasks: uploads)|};
                        yield return 1;
                        await Task.Yield();
                    }
                }
                """;
            return VerifyFix.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task NoFix_ForTimeoutForms()
        {
            var source = """
                using System.Collections.Generic;
                using System.Threading.Tasks;

                class C
                {
                    async IAsyncEnumerable<bool> M(Task[] ts)
                    {
                        yield return {|YA1005:Task.WaitAll(ts, 100)|};
                        await Task.Yield();
                    }
                }
                """;
            return VerifyFix.VerifyCodeFixAsync(source, source);
        }


        #endregion
    }
}
