using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix>;
using Verify5 = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1005BlockingWaitInAsyncIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA1001FixScratch2
    {
        [Fact]
        public Task Chain() => Verify.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> Inner(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                IEnumerable<int> Outer(Task<int> t)
                {
                    foreach (var x in Inner(t))
                        yield return x + 1;
                }

                async Task Use(Task<int> t)
                {
                    foreach (var x in Outer(t)) { }
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
                async IAsyncEnumerable<int> Inner(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                async IAsyncEnumerable<int> Outer(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await foreach (var x in Inner(t, cancellationToken: cancellationToken))
                        yield return x + 1;
                }

                async Task Use(Task<int> t)
                {
                    await foreach (var x in Outer(t)) { }
                    await Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NotOffered_ToList() => Verify.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> Inner(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                List<int> Use(Task<int> t) => Inner(t).ToList();
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> Inner(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                List<int> Use(Task<int> t) => Inner(t).ToList();
            }
            """);

        [Fact]
        public async Task OtherFile_And_FixAll()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Reader.cs", """
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;

                static class Reader
                {
                    public static IEnumerable<string> A(Task<string> t)
                    {
                        {|YA1001:Task.WaitAll(t)|};
                        yield return {|YA1001:t.GetAwaiter().GetResult()|};
                    }

                    public static IEnumerator<string> B(Task<string> t, Task<string> u)
                    {
                        var i = {|YA1001:Task.WaitAny(t, u)|};
                        if ({|YA1001:t.Wait(100)|}) yield return "done";
                        yield return {|YA1001:u.ConfigureAwait(false).GetAwaiter().GetResult()|} + i;
                    }
                }
                """));
            test.TestState.Sources.Add(("/0/Use.cs", """
                using System.Threading.Tasks;

                class Use
                {
                    async Task Run()
                    {
                        foreach (var s in Reader.A(Task.FromResult("x")))
                            System.Console.WriteLine(s);
                        await Task.Yield();
                    }
                }
                """));
            test.FixedState.Sources.Add(("/0/Reader.cs", """
                using System;
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                static class Reader
                {
                    public static async IAsyncEnumerable<string> A(Task<string> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        await Task.WhenAll(t);
                        yield return await t;
                    }

                    public static async IAsyncEnumerator<string> B(Task<string> t, Task<string> u)
                    {
                        var i = Array.IndexOf(new Task[] { t, u }, await Task.WhenAny(t, u));
                        if (await Task.WhenAny(t, Task.Delay(100)) == t) yield return "done";
                        yield return await u.ConfigureAwait(false) + i;
                    }
                }
                """));
            test.FixedState.Sources.Add(("/0/Use.cs", """
                using System.Threading.Tasks;

                class Use
                {
                    async Task Run()
                    {
                        await foreach (var s in Reader.A(Task.FromResult("x")))
                            System.Console.WriteLine(s);
                        await Task.Yield();
                    }
                }
                """));
            await test.RunAsync();
        }

        [Fact]
        public Task LockAndSyncCaller() => Verify.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                private readonly object _gate = new object();

                IEnumerable<int> Inner(Task<int> t)
                {
                    lock (_gate)
                    {
                        yield return {|YA1001:t.Result|};
                    }
                }

                async Task Use(Task<int> t)
                {
                    foreach (var x in Inner(t)) { }
                    await Task.Yield();
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                private readonly object _gate = new object();

                IEnumerable<int> Inner(Task<int> t)
                {
                    lock (_gate)
                    {
                        yield return {|YA1001:t.Result|};
                    }
                }

                async Task Use(Task<int> t)
                {
                    foreach (var x in Inner(t)) { }
                    await Task.Yield();
                }
            }
            """);

        [Fact]
        public Task Ya1005() => Verify5.VerifyCodeFixAsync("""
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
    }
}
