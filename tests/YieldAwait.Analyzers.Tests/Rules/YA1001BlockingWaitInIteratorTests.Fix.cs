using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1001BlockingWaitInIteratorTests
    {
        #region Code fix

        [Fact]
        public Task Fix_ConvertsIteratorAwaitsAddsSuffixAndFlowsTokenToCaller() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class LogReader
            {
                private readonly HttpClient _client = new HttpClient();

                /// <summary>Reads pages.</summary>
                public IEnumerable<string> ReadPages(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        var page = {|YA1001:_client.GetStringAsync("https://example.com/" + i).Result|};
                        {|YA1001:Thread.Sleep(100)|};
                        yield return page.Trim();
                    }
                }

                public async Task RunAsync(CancellationToken token)
                {
                    foreach (var page in ReadPages(3))
                    {
                        Console.WriteLine(page);
                    }
                    await Task.Yield();
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class LogReader
            {
                private readonly HttpClient _client = new HttpClient();

                /// <summary>Reads pages.</summary>
                public async IAsyncEnumerable<string> ReadPagesAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    for (var i = 0; i < count; i++)
                    {
                        var page = await _client.GetStringAsync("https://example.com/" + i, cancellationToken);
                        await Task.Delay(100, cancellationToken);
                        yield return page.Trim();
                    }
                }

                public async Task RunAsync(CancellationToken token)
                {
                    await foreach (var page in ReadPagesAsync(3, cancellationToken: token))
                    {
                        Console.WriteLine(page);
                    }
                    await Task.Yield();
                }
            }
            """);


        [Fact]
        public Task Fix_ConvertsSyncIteratorCallersUpTheCallGraph() => VerifyFix.VerifyCodeFixAsync("""
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

        /// <summary>The conversion awaits YA1002's counterparts too: an iterator made async should not keep blocking on ReadLine.</summary>
        [Fact]
        public Task Fix_AlsoAwaitsAsyncCounterpartsAndStreams() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<string> Read(TextReader reader, Task<string> header, IAsyncEnumerable<string> more)
                {
                    yield return {|YA1001:header.Result|};
                    yield return reader.ReadLine()!;
                    foreach (var line in more.ToBlockingEnumerable())
                        yield return line;
                    var e = more.GetAsyncEnumerator();
                    yield return {|YA1001:e.MoveNextAsync().AsTask().Result|} ? e.Current : "";
                }
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<string> Read(TextReader reader, Task<string> header, IAsyncEnumerable<string> more, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await header;
                    yield return (await reader.ReadLineAsync(cancellationToken))!;
                    await foreach (var line in more.WithCancellation(cancellationToken))
                        yield return line;
                    var e = more.GetAsyncEnumerator();
                    yield return await e.MoveNextAsync() ? e.Current : "";
                }
            }
            """);

        [Fact]
        public async Task Fix_ConvertsCallersInOtherFiles_AndEveryBlockingShape()
        {
            var test = new VerifyFix.Test();
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

                    public static async IAsyncEnumerator<string> B(Task<string> t, Task<string> u, CancellationToken cancellationToken = default)
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
        public Task NoFix_WhenIteratorYieldsInsideLock() => VerifyFix.VerifyCodeFixAsync("""
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



        private static Task VerifyNoFix(string source) => VerifyFix.VerifyCodeFixAsync(source, source);

        [Fact]
        public Task Fix_ReusesExistingCancellationTokenAndKeepsDocsAndAttributes() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                /// <summary>Reads the feed.</summary>
                /// <param name="source">Where from.</param>
                [Obsolete("use the other one")]
                internal static IEnumerable<string> Read(Func<CancellationToken, Task<string>> source, CancellationToken token)
                {
                    // one page per call
                    while (!token.IsCancellationRequested)
                    {
                        var t = source(token);
                        {|YA1001:t.Wait(token)|};
                        yield return {|YA1001:t.Result|};
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                /// <summary>Reads the feed.</summary>
                /// <param name="source">Where from.</param>
                [Obsolete("use the other one")]
                internal static async IAsyncEnumerable<string> Read(Func<CancellationToken, Task<string>> source, [EnumeratorCancellation] CancellationToken token)
                {
                    // one page per call
                    while (!token.IsCancellationRequested)
                    {
                        var t = source(token);
                        await t.WaitAsync(token);
                        yield return await t;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_LocalFunctionIteratorAndAsyncLambdaCaller() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Job
            {
                Func<Task> Build(Task<int>[] parts)
                {
                    return async () =>
                    {
                        foreach (var p in Parts())
                            Console.WriteLine(p);
                        await Task.Yield();
                    };

                    IEnumerable<int> Parts()
                    {
                        {|YA1001:Task.WaitAll(parts)|};
                        foreach (var part in parts)
                            yield return part.Result;
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Job
            {
                Func<Task> Build(Task<int>[] parts)
                {
                    return async () =>
                    {
                        await foreach (var p in Parts())
                            Console.WriteLine(p);
                        await Task.Yield();
                    };

                    async IAsyncEnumerable<int> Parts([EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        await Task.WhenAll(parts);
                        foreach (var part in parts)
                            yield return part.Result;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_LeavesFormsWithTimeoutsForYA1005() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<bool> M(Task[] ts, Task<int> t)
                {
                    yield return {|YA1001:Task.WaitAll(ts, 100)|};
                    yield return {|YA1001:t.Result|} > 0;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<bool> M(Task[] ts, Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return Task.WaitAll(ts, 100);
                    yield return await t > 0;
                }
            }
            """);

        [Fact]
        public async Task Fix_ConvertsCallersInOtherProjects()
        {
            var test = new VerifyFix.Test();
            test.TestState.Sources.Add("""
                using System.Collections.Generic;
                using System.Threading.Tasks;

                public static class Source
                {
                    public static IEnumerable<int> Numbers(Task<int> seed)
                    {
                        yield return {|YA1001:seed.Result|};
                    }
                }
                """);
            var app = new ProjectState("App", LanguageNames.CSharp, "/App/", "cs");
            test.TestState.AdditionalProjects.Add("App", app);
            test.TestState.AdditionalProjects["App"].AdditionalProjectReferences.Add("TestProject");
            test.TestState.AdditionalProjects["App"].Sources.Add(("/App/Program.cs", """
                using System.Threading;
                using System.Threading.Tasks;

                public static class Program
                {
                    public static async Task Main(CancellationToken stop)
                    {
                        foreach (var n in Source.Numbers(Task.FromResult(1)))
                            System.Console.WriteLine(n);
                        await Task.Yield();
                    }
                }
                """));
            test.FixedState.Sources.Add("""
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                public static class Source
                {
                    public static async IAsyncEnumerable<int> Numbers(Task<int> seed, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        yield return await seed;
                    }
                }
                """);
            test.FixedState.AdditionalProjects.Add("App", new ProjectState("App", LanguageNames.CSharp, "/App/", "cs"));
            test.FixedState.AdditionalProjects["App"].AdditionalProjectReferences.Add("TestProject");
            test.FixedState.AdditionalProjects["App"].Sources.Add(("/App/Program.cs", """
                using System.Threading;
                using System.Threading.Tasks;

                public static class Program
                {
                    public static async Task Main(CancellationToken stop)
                    {
                        await foreach (var n in Source.Numbers(Task.FromResult(1), cancellationToken: stop))
                            System.Console.WriteLine(n);
                        await Task.Yield();
                    }
                }
                """));
            await test.RunAsync();
        }

        [Fact]
        public Task Fix_IgnoresCrefAndNameofReferences() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                /// <summary>Enumerates <see cref="Inner"/>.</summary>
                IEnumerable<int> Outer(Task<int> t)
                {
                    foreach (var x in Inner(t))
                        yield return x;
                }

                IEnumerable<int> Inner(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                string Name => nameof(Inner);
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                /// <summary>Enumerates <see cref="Inner"/>.</summary>
                async IAsyncEnumerable<int> Outer(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await foreach (var x in Inner(t, cancellationToken: cancellationToken))
                        yield return x;
                }

                async IAsyncEnumerable<int> Inner(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                string Name => nameof(Inner);
            }
            """);

        /// <summary>The counterpart leaves the sync original, and its warning, for the callers that stay synchronous.</summary>
        private static Task VerifyCounterpart(string source, string fixedSource)
        {
            var test = new VerifyFix.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix.EquivalenceKey + ".AddAsyncCounterpart",
                CodeActionIndex = 0,
                NumberOfIncrementalIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync(CancellationToken.None);
        }

        #endregion
    }
}
