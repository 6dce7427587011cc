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
    public class YA1004IteratorOfTasksAwaitedOneByOneTests
    {
        /// <summary>A producer of page fetches; <c>{{CONSUMER}}</c> is replaced by the body of an async consumer.</summary>
        private static string PageSource(string consumer, string producerName = "{|#0:FetchPages|}") => $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class PageReader
            {
                private readonly HttpClient _http = new();

                IEnumerable<Task<string>> {{producerName}}(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        yield return _http.GetStringAsync("/page/" + i);
                    }
                }

                async Task<int> ConsumeAsync()
                {
                    var total = 0;
                    {{consumer}}
                    return total;
                }
            }
            """;

        #region Analyzer: reports iterators of tasks whose consumers await one by one

        [Fact]
        public Task Reports_IteratorOfTasksAwaitedInForeach() => Verify.VerifyAnalyzerAsync(
            PageSource("""
                foreach (var task in FetchPages(3))
                {
                    var page = await task;
                    total += page.Length;
                }
                """),
            Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("FetchPages", "string"));

        [Theory]
        [InlineData("foreach (var task in FetchPages(3)) total += (await task).Length;")]
        [InlineData("foreach (var task in FetchPages(3)) { Console.WriteLine(await task); }")]
        [InlineData("foreach (var task in FetchPages(3)) { await task; }")]
        [InlineData("foreach (var task in FetchPages(3)) { _ = await task; }")]
        [InlineData("foreach (var task in FetchPages(3)) { var page = await task.ConfigureAwait(false); total += page.Length; }")]
        [InlineData("foreach (Task<string> task in FetchPages(3)) { string page = await task; total += page.Length; }")]
        [InlineData("foreach (var task in FetchPages(3)) { total += await task is { Length: > 0 } p ? p.Length : 0; }")]
        public Task Reports_EachAwaitShape(string consumer) => Verify.VerifyAnalyzerAsync(
            PageSource(consumer),
            Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("FetchPages", "string"));

        [Fact]
        public Task Reports_ValueTaskGenericAndLocalFunctionProducers() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Cache
            {
                static ValueTask<int> LookupAsync(int key) => new(key * 2);

                static IEnumerable<ValueTask<int>> {|#0:Lookups|}(IEnumerable<int> keys)
                {
                    foreach (var key in keys)
                        yield return LookupAsync(key);
                }

                static IEnumerable<Task<T>> {|#1:Run|}<T>(IReadOnlyList<Func<Task<T>>> steps)
                {
                    foreach (var step in steps)
                        yield return step();
                }

                public static async Task<int> SumAsync(int[] keys)
                {
                    var sum = 0;
                    foreach (var v in Lookups(keys))
                        sum += await v;

                    foreach (var r in Run(new Func<Task<int>>[] { () => Task.FromResult(1) }))
                        sum += await r;

                    IEnumerable<Task<int>> {|#2:Doubles|}()
                    {
                        foreach (var key in keys)
                            yield return Task.FromResult(key * 2);
                    }

                    foreach (var d in Doubles())
                    {
                        var doubled = await d;
                        sum += doubled;
                    }

                    return sum;
                }
            }
            """,
            Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("Lookups", "int"),
            Verify.Diagnostic("YA1004").WithLocation(1).WithArguments("Run", "T"),
            Verify.Diagnostic("YA1004").WithLocation(2).WithArguments("Doubles", "int"));

        [Fact]
        public Task Reports_OnceForSeveralConsumingLoops() => Verify.VerifyAnalyzerAsync(
            PageSource("""
                foreach (var task in FetchPages(3))
                {
                    var page = await task;
                    total += page.Length;
                }

                foreach (var again in FetchPages(1))
                    Console.WriteLine(await again);
                """),
            Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("FetchPages", "string"));

        #endregion

        #region Analyzer: look-alikes that stay silent

        [Theory]
        [InlineData("await Task.WhenAll(FetchPages(3));")]
        [InlineData("var all = FetchPages(3).ToList(); foreach (var t in all) total += (await t).Length;")]
        [InlineData("var pending = FetchPages(3).ToList(); while (pending.Count > 0) { var done = await Task.WhenAny(pending); pending.Remove(done); total += (await done).Length; }")]
        [InlineData("var kept = new List<Task<string>>(); foreach (var t in FetchPages(3)) kept.Add(t); foreach (var t in kept) total += (await t).Length;")]
        [InlineData("foreach (var t in FetchPages(3)) { total += await Measure(t); }")]
        [InlineData("foreach (var t in FetchPages(3)) { if (total < 10) total += (await t).Length; }")]
        [InlineData("foreach (var t in FetchPages(3)) { total += total < 10 ? (await t).Length : 0; }")]
        [InlineData("foreach (var t in FetchPages(3)) { Console.WriteLine(\"next\"); total += (await t).Length; }")]
        [InlineData("foreach (var t in FetchPages(3)) { try { total += (await t).Length; } catch (HttpRequestException) { } }")]
        [InlineData("foreach (var t in FetchPages(3)) { var page = await t; Console.WriteLine(t.Status); }")]
        [InlineData("foreach (var t in FetchPages(3)) { Func<Task<string>> later = async () => await t; total += (await later()).Length; }")]
        [InlineData("foreach (var t in FetchPages(3).Where(x => x != null)) total += (await t).Length;")]
        [InlineData("foreach (var t in FetchPages(3)) { var page = await t.WaitAsync(TimeSpan.FromSeconds(1)); total += page.Length; }")]
        [InlineData("foreach (var t in FetchPages(3)) { t.Wait(); total += t.Result.Length; }")]
        [InlineData("using var e = FetchPages(3).GetEnumerator(); while (e.MoveNext()) total += (await e.Current).Length;")]
        [InlineData("await Parallel.ForEachAsync(FetchPages(3), async (t, ct) => Console.WriteLine(await t));")]
        [InlineData("Func<int, IEnumerable<Task<string>>> source = FetchPages; foreach (var t in source(3)) total += (await t).Length;")]
        [InlineData("var name = nameof(FetchPages); await Task.Yield();")]
        public Task NoDiagnostic_WhenTasksAreNotAwaitedOneByOne(string consumer) => Verify.VerifyAnalyzerAsync(
            PageSource(consumer + "\n        static Task<int> Measure(Task<string> t) => t.ContinueWith(x => x.Result.Length);", "FetchPages"));

        [Fact]
        public Task NoDiagnostic_WhenOneConsumerOfManyRunsTheTasksConcurrently() => Verify.VerifyAnalyzerAsync(
            PageSource("""
                foreach (var task in FetchPages(3))
                    total += (await task).Length;
                var all = await Task.WhenAll(FetchPages(5));
                total += all.Length;
                """, "FetchPages"));

        [Fact]
        public Task NoDiagnostic_WhenNothingConsumesTheIterator() => Verify.VerifyAnalyzerAsync(
            PageSource("await Task.Yield();", "FetchPages"));

        [Fact]
        public Task NoDiagnostic_WhenTheProducerStartsTasksAhead() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Prefetch
            {
                static Task<int> LoadAsync(int i) => Task.FromResult(i);

                // A batch started up front: the caller awaits in order, but the loads overlap on purpose.
                IEnumerable<Task<int>> Batch(int[] ids)
                {
                    var started = ids.Select(LoadAsync).ToList();
                    foreach (var task in started)
                        yield return task;
                }

                // The next load starts before the caller awaits the current one.
                IEnumerable<Task<int>> Pipelined(int count)
                {
                    var next = LoadAsync(0);
                    for (var i = 1; i <= count; i++)
                    {
                        var current = next;
                        next = LoadAsync(i);
                        yield return current;
                    }
                }

                async Task<int> SumAsync(int[] ids)
                {
                    var sum = 0;
                    foreach (var t in Batch(ids)) sum += await t;
                    foreach (var t in Pipelined(3)) sum += await t;
                    return sum;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ForInterfaceVirtualAndOverrideProducers() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            interface ISource { IEnumerable<Task<int>> Items(); }

            class Source : ISource
            {
                public IEnumerable<Task<int>> Items() { yield return Task.FromResult(1); }
            }

            class Base
            {
                public virtual IEnumerable<Task<int>> Items() { yield return Task.FromResult(1); }
            }

            class Derived : Base
            {
                public override IEnumerable<Task<int>> Items() { yield return Task.FromResult(2); }
            }

            class Consumer
            {
                async Task<int> SumAsync(Source s, Base b, Derived d)
                {
                    var sum = 0;
                    foreach (var t in s.Items()) sum += await t;
                    foreach (var t in b.Items()) sum += await t;
                    foreach (var t in d.Items()) sum += await t;
                    return sum;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ForNonIteratorsAndNonGenericTasks() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Loader
            {
                static Task<int> LoadAsync(int i) => Task.FromResult(i);

                // Not an iterator: Select builds the sequence; the rule's fix has nothing to convert.
                IEnumerable<Task<int>> Loads(int[] ids) => ids.Select(LoadAsync);

                // Non-generic tasks: an async stream needs a value per element.
                IEnumerable<Task> Steps()
                {
                    yield return Task.Delay(1);
                    yield return Task.Delay(2);
                }

                // Not the await of a task of T: the element is a Task<Task<int>>'s outer task.
                IEnumerable<Task<int>[]> Batches()
                {
                    yield return new[] { LoadAsync(1) };
                }

                async Task<int> RunAsync(int[] ids)
                {
                    var sum = 0;
                    foreach (var t in Loads(ids)) sum += await t;
                    foreach (var s in Steps()) await s;
                    foreach (var b in Batches()) sum += (await Task.WhenAll(b)).Sum();
                    return sum;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheProducerYieldsInsideALockOrAConditional() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Guarded
            {
                private readonly object _gate = new();

                static Task<int> LoadAsync(int i) => Task.FromResult(i);

                IEnumerable<Task<int>> Locked()
                {
                    lock (_gate)
                    {
                        yield return LoadAsync(1);
                    }
                }

                IEnumerable<Task<int>> Either(bool cached)
                {
                    yield return cached ? Task.FromResult(0) : LoadAsync(1);
                }

                async Task<int> RunAsync()
                {
                    var sum = 0;
                    foreach (var t in Locked()) sum += await t;
                    foreach (var t in Either(true)) sum += await t;
                    return sum;
                }
            }
            """);

        [Fact]
        public async Task NoDiagnostic_ForAProducerInAnotherAssembly()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add("""
                using System.Threading.Tasks;

                class App
                {
                    async Task<int> RunAsync()
                    {
                        var sum = 0;
                        foreach (var t in Library.Source.Items()) sum += await t;
                        return sum;
                    }
                }
                """);
            test.TestState.AdditionalProjects.Add("Library", new ProjectState("Library", LanguageNames.CSharp, "/Library/", "cs"));
            test.TestState.AdditionalProjects["Library"].Sources.Add(("/Library/Source.cs", """
                using System.Collections.Generic;
                using System.Threading.Tasks;

                namespace Library
                {
                    public static class Source
                    {
                        public static IEnumerable<Task<int>> Items() { yield return Task.FromResult(1); }
                    }
                }
                """));
            test.TestState.AdditionalProjectReferences.Add("Library");
            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData("foreach (var t in FetchPages(")]
        [InlineData("foreach (var t in FetchPages(3)) { var page = await ")]
        [InlineData("foreach (var t in FetchPages(3)) { var page = await t")]
        [InlineData("foreach (var in FetchPages(3)) { var page = await t; }")]
        [InlineData("foreach (var t in FetchPages(3)) { var page = await t.ConfigureAwait(); }")]
        [InlineData("foreach (var t in FetchPages(3)) var page = await t;")]
        public Task NoCrash_HalfTypedConsumer(string statement) =>
            HalfTypedCode.AssertNoCrashAsync<YieldAwait.Analyzers.Rules.YA1004IteratorOfTasksAwaitedOneByOneAnalyzer, YieldAwait.CodeFixes.Rules.YA1004IteratorOfTasksAwaitedOneByOneCodeFix>(
                PageSource(statement, "FetchPages"));

        [Theory]
        [InlineData("IEnumerable<Task<int>> Items() { yield return ")]
        [InlineData("IEnumerable<Task<>> Items() { yield return Task.FromResult(1); }")]
        [InlineData("IEnumerable<Task<int>> Items( { yield return Task.FromResult(1); }")]
        public Task NoCrash_HalfTypedProducer(string producer) =>
            HalfTypedCode.AssertNoCrashAsync<YieldAwait.Analyzers.Rules.YA1004IteratorOfTasksAwaitedOneByOneAnalyzer, YieldAwait.CodeFixes.Rules.YA1004IteratorOfTasksAwaitedOneByOneCodeFix>($$"""
                using System.Collections.Generic;
                using System.Threading.Tasks;

                class Typing
                {
                    {{producer}}

                    async Task RunAsync()
                    {
                        foreach (var t in Items()) await t;
                    }
                }
                """);

        #endregion

        #region Analyzer: api_surface

        /// <summary>The page reader made public, in a library; the producer public too.</summary>
        private static Task VerifyPublicProducerAsync(string? editorConfig, bool tracksPublicApi, bool reported)
        {
            var source = PageSource("foreach (var task in FetchPages(3)) total += (await task).Length;")
                .Replace("class PageReader", "public class PageReader")
                .Replace("IEnumerable<Task<string>> {|#0:FetchPages|}", "public IEnumerable<Task<string>> {|#0:FetchPages|}");
            var test = new Verify.Test { TestCode = source };
            test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
            }

            if (tracksPublicApi)
            {
                test.TestState.AdditionalFiles.Add(("/0/PublicAPI.Unshipped.txt", "PageReader\n"));
            }

            if (reported)
            {
                test.ExpectedDiagnostics.Add(Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("FetchPages", "string"));
            }

            return test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData(null, false, true)]
        [InlineData(null, true, false)]
        [InlineData("dotnet_code_quality.api_surface = all", true, true)]
        [InlineData("dotnet_code_quality.YA1004.api_surface = public", true, true)]
        [InlineData("dotnet_code_quality.api_surface = internal, private", false, false)]
        [InlineData("dotnet_code_quality.api_surface = public\ndotnet_code_quality.YA1004.api_surface = private", false, false)]
        [InlineData("dotnet_code_quality.YA4003.api_surface = private", false, true)]
        public Task PublicProducer_FollowsApiSurface(string? editorConfig, bool tracksPublicApi, bool reported) =>
            VerifyPublicProducerAsync(editorConfig, tracksPublicApi, reported);

        #endregion

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
