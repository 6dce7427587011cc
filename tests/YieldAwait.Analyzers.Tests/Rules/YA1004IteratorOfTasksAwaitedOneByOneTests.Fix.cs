using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1004IteratorOfTasksAwaitedOneByOneAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1004IteratorOfTasksAwaitedOneByOneAnalyzer, YieldAwait.CodeFixes.Rules.YA1004IteratorOfTasksAwaitedOneByOneCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1004IteratorOfTasksAwaitedOneByOneTests
    {
        #region Fix: producer becomes an async stream, consumers await foreach

        /// <summary>
        /// The diagnostic is reported at compilation end (it is a claim about every caller), which the testing package
        /// calls non-local; the IDE offers the fix where it shows the diagnostic (full-solution analysis, the build, dotnet format).
        /// </summary>
        private static VerifyFix.Test NewFixTest() => new() { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };

        private static Task VerifyFixAsync(string source, string fixedSource)
        {
            var test = NewFixTest();
            test.TestCode = source;
            test.FixedCode = fixedSource;
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task Fix_ConvertsProducerAndLoop_PassingTheConsumersToken() => VerifyFixAsync("""
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class PageReader
            {
                private readonly HttpClient _http = new();

                /// <summary>Pages in order.</summary>
                IEnumerable<Task<string>> {|YA1004:FetchPages|}(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        yield return _http.GetStringAsync("/page/" + i);
                    }
                }

                async Task<int> CountAsync(CancellationToken stop)
                {
                    var total = 0;
                    foreach (var task in FetchPages(3))
                    {
                        var page = await task;
                        total += page.Length;
                    }

                    return total;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class PageReader
            {
                private readonly HttpClient _http = new();

                /// <summary>Pages in order.</summary>
                async IAsyncEnumerable<string> FetchPagesAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    for (var i = 0; i < count; i++)
                    {
                        yield return await _http.GetStringAsync("/page/" + i, cancellationToken);
                    }
                }

                async Task<int> CountAsync(CancellationToken stop)
                {
                    var total = 0;
                    await foreach (var page in FetchPagesAsync(3, cancellationToken: stop))
                    {
                        total += page.Length;
                    }

                    return total;
                }
            }
            """);

        [Fact]
        public Task Fix_ValueTaskWithConfigureAwaitFalse_MovesItToTheStreamAndTheProducer() => VerifyFixAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            static class Cache
            {
                static ValueTask<int> LookupAsync(int key, CancellationToken token = default) => new(key * 2);

                static IEnumerable<ValueTask<int>> {|YA1004:Lookups|}(IEnumerable<int> keys)
                {
                    foreach (var key in keys)
                        yield return LookupAsync(key);
                }

                public static async Task<int> SumAsync(int[] keys)
                {
                    var sum = 0;
                    foreach (var v in Lookups(keys))
                        sum += await v.ConfigureAwait(false);
                    return sum;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Cache
            {
                static ValueTask<int> LookupAsync(int key, CancellationToken token = default) => new(key * 2);

                static async IAsyncEnumerable<int> LookupsAsync(IEnumerable<int> keys, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var key in keys)
                        yield return await LookupAsync(key, token: cancellationToken).ConfigureAwait(false);
                }

                public static async Task<int> SumAsync(int[] keys)
                {
                    var sum = 0;
                    await foreach (var v in LookupsAsync(keys).ConfigureAwait(false))
                        sum += v;
                    return sum;
                }
            }
            """);

        [Fact]
        public Task Fix_GenericProducer_ExplicitLoopTypeAndDiscardedResult() => VerifyFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Steps
            {
                static IEnumerable<Task<T>> {|YA1004:Run|}<T>(IReadOnlyList<Func<Task<T>>> steps)
                {
                    foreach (var step in steps)
                        yield return step();
                }

                public static async Task RunAllAsync(Func<Task<int>>[] steps)
                {
                    foreach (Task<int> t in Run(steps))
                    {
                        await t;
                    }

                    foreach (var t in Run(steps))
                        Console.WriteLine(await t);
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Steps
            {
                static async IAsyncEnumerable<T> RunAsync<T>(IReadOnlyList<Func<Task<T>>> steps, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var step in steps)
                        yield return await step();
                }

                public static async Task RunAllAsync(Func<Task<int>>[] steps)
                {
                    await foreach (int t in RunAsync(steps))
                    {
                    }

                    await foreach (var t in RunAsync(steps))
                        Console.WriteLine(t);
                }
            }
            """);

        [Fact]
        public Task Fix_LocalFunctionProducer_KeepsAReassignedResultAsALocal() => VerifyFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Report
            {
                async Task<string> BuildAsync(int[] ids)
                {
                    var text = "";
                    foreach (var t in Lines())
                    {
                        var line = await t;
                        line = line.Trim();
                        text += line;
                    }

                    return text;

                    IEnumerable<Task<string>> {|YA1004:Lines|}()
                    {
                        foreach (var id in ids)
                            yield return Task.FromResult(" line " + id);
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Report
            {
                async Task<string> BuildAsync(int[] ids)
                {
                    var text = "";
                    await foreach (var t in LinesAsync())
                    {
                        var line = t;
                        line = line.Trim();
                        text += line;
                    }

                    return text;

                    async IAsyncEnumerable<string> LinesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        foreach (var id in ids)
                            yield return await Task.FromResult(" line " + id);
                    }
                }
            }
            """);

        [Fact]
        public async Task Fix_ConvertsConsumersInOtherDocumentsAndProjects_AndRenamesWithTheSuffixOption()
        {
            var test = NewFixTest();
            test.TestState.Sources.Add(("/Source.cs", """
                using System.Collections.Generic;
                using System.Threading.Tasks;

                public static class Source
                {
                    public static IEnumerable<Task<int>> {|YA1004:Numbers|}(int count)
                    {
                        for (var i = 0; i < count; i++)
                            yield return Task.FromResult(i);
                    }
                }
                """));
            test.TestState.Sources.Add(("/Local.cs", """
                using System.Threading.Tasks;

                static class Local
                {
                    public static async Task<int> SumAsync()
                    {
                        var sum = 0;
                        foreach (var n in Source.Numbers(3))
                            sum += await n;
                        return sum;
                    }
                }
                """));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\nyieldawait.async_suffix = true\n"));
            test.TestState.AdditionalProjects.Add("App", new ProjectState("App", LanguageNames.CSharp, "/App/", "cs"));
            test.TestState.AdditionalProjects["App"].AdditionalProjectReferences.Add("TestProject");
            test.TestState.AdditionalProjects["App"].Sources.Add(("/App/Program.cs", """
                using System.Threading;
                using System.Threading.Tasks;

                public static class Program
                {
                    public static async Task Main(CancellationToken stop)
                    {
                        foreach (var n in Source.Numbers(2))
                        {
                            var value = await n;
                            System.Console.WriteLine(value);
                        }
                    }
                }
                """));
            test.FixedState.Sources.Add(("/Source.cs", """
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                public static class Source
                {
                    public static async IAsyncEnumerable<int> NumbersAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        for (var i = 0; i < count; i++)
                            yield return await Task.FromResult(i);
                    }
                }
                """));
            test.FixedState.Sources.Add(("/Local.cs", """
                using System.Threading.Tasks;

                static class Local
                {
                    public static async Task<int> SumAsync()
                    {
                        var sum = 0;
                        await foreach (var n in Source.NumbersAsync(3))
                            sum += n;
                        return sum;
                    }
                }
                """));
            test.FixedState.AdditionalProjects.Add("App", new ProjectState("App", LanguageNames.CSharp, "/App/", "cs"));
            test.FixedState.AdditionalProjects["App"].AdditionalProjectReferences.Add("TestProject");
            test.FixedState.AdditionalProjects["App"].Sources.Add(("/App/Program.cs", """
                using System.Threading;
                using System.Threading.Tasks;

                public static class Program
                {
                    public static async Task Main(CancellationToken stop)
                    {
                        await foreach (var value in Source.NumbersAsync(2, cancellationToken: stop))
                        {
                            System.Console.WriteLine(value);
                        }
                    }
                }
                """));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task NoFix_WhenAConsumerInAnotherProjectRunsTheTasksConcurrently()
        {
            var test = NewFixTest();
            test.TestState.Sources.Add("""
                using System.Collections.Generic;
                using System.Threading.Tasks;

                public static class Source
                {
                    public static IEnumerable<Task<int>> {|YA1004:Numbers|}(int count)
                    {
                        for (var i = 0; i < count; i++)
                            yield return Task.FromResult(i);
                    }

                    static async Task<int> SumAsync()
                    {
                        var sum = 0;
                        foreach (var n in Numbers(3))
                            sum += await n;
                        return sum;
                    }
                }
                """);
            test.TestState.AdditionalProjects.Add("App", new ProjectState("App", LanguageNames.CSharp, "/App/", "cs"));
            test.TestState.AdditionalProjects["App"].AdditionalProjectReferences.Add("TestProject");
            test.TestState.AdditionalProjects["App"].Sources.Add(("/App/Program.cs", """
                using System.Threading.Tasks;

                public static class Program
                {
                    public static async Task<int[]> AllAsync() => await Task.WhenAll(Source.Numbers(4));
                }
                """));
            test.FixedState.Sources.Add(test.TestState.Sources[0]);
            test.FixedState.AdditionalProjects.Add("App", new ProjectState("App", LanguageNames.CSharp, "/App/", "cs"));
            test.FixedState.AdditionalProjects["App"].AdditionalProjectReferences.Add("TestProject");
            test.FixedState.AdditionalProjects["App"].Sources.Add(test.TestState.AdditionalProjects["App"].Sources[0]);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task Fix_AddsTheTasksImportForConfigureAwaitOnTheStream() => VerifyFixAsync("""
            using System.Collections.Generic;

            static class Source
            {
                public static IEnumerable<System.Threading.Tasks.Task<int>> {|YA1004:Numbers|}()
                {
                    yield return System.Threading.Tasks.Task.FromResult(1);
                }

                static async System.Threading.Tasks.Task<int> SumAsync()
                {
                    var sum = 0;
                    foreach (var n in Numbers())
                        sum += await n.ConfigureAwait(true);
                    return sum;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Source
            {
                public static async IAsyncEnumerable<int> NumbersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await System.Threading.Tasks.Task.FromResult(1);
                }

                static async System.Threading.Tasks.Task<int> SumAsync()
                {
                    var sum = 0;
                    await foreach (var n in NumbersAsync().ConfigureAwait(true))
                        sum += n;
                    return sum;
                }
            }
            """);

        [Fact]
        public Task Fix_KeepsACommentAboveTheRemovedAwait() => VerifyFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Totals
            {
                IEnumerable<Task<int>> {|YA1004:Counts|}() { yield return Task.FromResult(1); }

                async Task<int> SumAsync()
                {
                    var sum = 0;
                    foreach (var t in Counts())
                    {
                        // Each count is final once awaited.
                        var count = await t;
                        sum += count;
                    }

                    return sum;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Totals
            {
                async IAsyncEnumerable<int> CountsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default) { yield return await Task.FromResult(1); }

                async Task<int> SumAsync()
                {
                    var sum = 0;
                    await foreach (var count in CountsAsync())
                    {
                        // Each count is final once awaited.
                        sum += count;
                    }

                    return sum;
                }
            }
            """);

        [Fact]
        public Task Fix_ConsumerInAnAsyncLambda_NoSuffixWhenTheProjectHasNoAsyncMethods() => VerifyFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Jobs
            {
                IEnumerable<Task<int>> {|YA1004:Results|}(int[] ids)
                {
                    foreach (var id in ids)
                        yield return Task.Run(() => id * id);
                }

                Func<Task<int>> Total(int[] ids) => async () =>
                {
                    var s = 0;
                    foreach (var t in Results(ids))
                        s += await t;
                    return s;
                };
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Jobs
            {
                async IAsyncEnumerable<int> Results(int[] ids, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var id in ids)
                        yield return await Task.Run(() => id * id);
                }

                Func<Task<int>> Total(int[] ids) => async () =>
                {
                    var s = 0;
                    await foreach (var t in Results(ids))
                        s += t;
                    return s;
                };
            }
            """);

        [Fact]
        public async Task FixAll_ConvertsEveryProducerInTheSolution()
        {
            var test = NewFixTest();
            test.TestCode = """
                    using System.Collections.Generic;
                    using System.Threading;
                    using System.Threading.Tasks;

                    class Feeds
                    {
                        IEnumerable<Task<int>> {|YA1004:Left|}() { yield return Task.FromResult(1); }

                        IEnumerable<Task<string>> {|YA1004:Right|}(CancellationToken token) { yield return Task.FromResult("a"); }

                        async Task<int> RunAsync(CancellationToken token)
                        {
                            var n = 0;
                            foreach (var l in Left())
                            {
                                var x = await l;
                                foreach (var r in Right(token))
                                    n += (await r).Length + x;
                            }

                            return n;
                        }
                    }
                    """;
            test.FixedCode = """
                    using System.Collections.Generic;
                    using System.Runtime.CompilerServices;
                    using System.Threading;
                    using System.Threading.Tasks;

                    class Feeds
                    {
                        async IAsyncEnumerable<int> LeftAsync([EnumeratorCancellation] CancellationToken cancellationToken = default) { yield return await Task.FromResult(1); }

                        async IAsyncEnumerable<string> RightAsync([EnumeratorCancellation] CancellationToken token) { yield return await Task.FromResult("a"); }

                        async Task<int> RunAsync(CancellationToken token)
                        {
                            var n = 0;
                            await foreach (var x in LeftAsync(cancellationToken: token))
                            {
                                await foreach (var r in RightAsync(token))
                                    n += r.Length + x;
                            }

                            return n;
                        }
                    }
                    """;

            await test.RunAsync(CancellationToken.None);
        }

        #endregion
    }
}
