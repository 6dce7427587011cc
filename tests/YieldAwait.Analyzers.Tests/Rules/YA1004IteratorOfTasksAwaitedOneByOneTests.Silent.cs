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
    }
}
