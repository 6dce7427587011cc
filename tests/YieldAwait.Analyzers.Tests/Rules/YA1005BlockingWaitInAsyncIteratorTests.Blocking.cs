using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1005BlockingWaitInAsyncIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    /// <summary>Blocking through helpers, tasks proven complete (the shared completion proof) and stored results.</summary>
    public partial class YA1005BlockingWaitInAsyncIteratorTests
    {
        [Fact]
        public Task Reports_CallOfABlockingHelper_NamingIt() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.IsCompleted ? task.Result : task.GetAwaiter().GetResult();
            }

            class Reader
            {
                public async IAsyncEnumerable<string> Read(IEnumerable<string> paths)
                {
                    foreach (var path in paths)
                    {
                        await Task.Yield();
                        yield return {|#0:Sync.Wait(File.ReadAllTextAsync(path))|};
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1005").WithLocation(0).WithArguments("Sync.Wait", "Read"));


        [Fact]
        public Task NoDiagnostic_ResultAfterARaceTheTaskWon() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Timed
            {
                public async IAsyncEnumerable<T> WithTimeout<T>(IAsyncEnumerator<T> source, TimeSpan timeout)
                {
                    while (true)
                    {
                        var moveNext = source.MoveNextAsync();
                        if (!moveNext.IsCompleted)
                        {
                            using var delayCancellation = new CancellationTokenSource();
                            var delay = Task.Delay(timeout, delayCancellation.Token);
                            var next = moveNext.AsTask();
                            var winner = await Task.WhenAny(next, delay).ConfigureAwait(false);
                            if (winner == delay)
                            {
                                throw new TimeoutException();
                            }

                            delayCancellation.Cancel();
                        }

                        if (!moveNext.Result)
                        {
                            yield break;
                        }

                        yield return source.Current;
                    }
                }

                public async IAsyncEnumerable<int> Inline(Task<int> work)
                {
                    if (!work.IsCompleted)
                    {
                        if (await Task.WhenAny(work, Task.Delay(100)) != work)
                        {
                            yield break;
                        }
                    }

                    yield return work.Result;
                }
            }
            """);


        [Fact]
        public Task NoDiagnostic_ResultAfterARaceWhoseLoserThrows_WithoutACompletionCheckFirst() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Timed
            {
                public async IAsyncEnumerable<T> PerItem<T>(IAsyncEnumerator<T> source, CancellationTokenSource timeout)
                {
                    while (true)
                    {
                        Task<bool> moveNext;
                        try
                        {
                            moveNext = source.MoveNextAsync().AsTask();
                            var completed = await Task.WhenAny(moveNext, Task.Delay(Timeout.Infinite, timeout.Token));
                            if (completed != moveNext || timeout.IsCancellationRequested)
                                throw new TimeoutException();

                            if (!moveNext.Result)
                                break;

                            yield return source.Current;
                        }
                        finally
                        {
                            timeout.CancelAfter(Timeout.Infinite);
                        }
                    }
                }

                public async IAsyncEnumerable<bool> AndIsNotOr(Task<bool> work, CancellationTokenSource timeout)
                {
                    var completed = await Task.WhenAny(work, Task.Delay(100));
                    if (completed != work && timeout.IsCancellationRequested)
                        throw new TimeoutException();

                    yield return {|YA1005:work.Result|};
                }
            }
            """);


        [Fact]
        public Task Reports_WhenTheRaceDoesNotProveTheTaskWon() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Timed
            {
                public async IAsyncEnumerable<int> NoExit(Task<int> work)
                {
                    if (!work.IsCompleted)
                    {
                        var winner = await Task.WhenAny(work, Task.Delay(100));
                        Console.WriteLine(winner == work);
                    }

                    yield return {|YA1005:work.Result|};
                }

                public async IAsyncEnumerable<int> ThreeWay(Task<int> work, Task a, Task b)
                {
                    if (!work.IsCompleted)
                    {
                        var winner = await Task.WhenAny(work, a, b);
                        if (winner == a) throw new TimeoutException();
                    }

                    yield return {|YA1005:work.Result|};
                }

                public async IAsyncEnumerable<int> WrongTask(Task<int> work, Task<int> other)
                {
                    if (!other.IsCompleted)
                    {
                        var winner = await Task.WhenAny(other, Task.Delay(100));
                        if (winner != other) throw new TimeoutException();
                    }

                    yield return {|YA1005:work.Result|};
                }
            }
            """);


        [Fact]
        public Task NoDiagnostic_TasksTheApiHandsOverFinished() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Interleave
            {
                public async IAsyncEnumerable<int> AsTheyFinish(List<Task<int>> pending)
                {
                    while (pending.Count > 0)
                    {
                        var done = await Task.WhenAny(pending);
                        pending.Remove(done);
                        yield return done.Result;
                    }
                }

                public async IAsyncEnumerable<int> First(Task<int> a, Task<int> b)
                {
                    yield return (await Task.WhenAny(a, b)).Result;
                }

                public async IAsyncEnumerable<int> AllDone(Task<int>[] tasks)
                {
                    await Task.WhenAll(tasks);
                    foreach (var task in tasks)
                    {
                        yield return task.Result;
                    }

                    foreach (var task in tasks.Where(t => t.IsCompletedSuccessfully))
                    {
                        yield return task.Result;
                    }
                }
            }
            """);


        [Fact]
        public Task Reports_WhenTheHandedOverTaskIsReplaced_OrTheLoopIsOverOtherTasks() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Interleave
            {
                public async IAsyncEnumerable<int> Replaced(Task<int> a, Task<int> b)
                {
                    var done = await Task.WhenAny(a, b);
                    done = b;
                    yield return {|YA1005:done.Result|};
                }

                public async IAsyncEnumerable<int> OtherTasks(Task<int>[] awaited, Task<int>[] others)
                {
                    await Task.WhenAll(awaited);
                    foreach (var task in others)
                    {
                        yield return {|YA1005:task.Result|};
                    }
                }
            }
            """);


        [Fact]
        public Task Fix_AwaitsWhatTheHelperBlocksOn() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
            }

            class Reader
            {
                public async IAsyncEnumerable<string> Read(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken ct = default)
                {
                    foreach (var path in paths)
                    {
                        await Task.Yield();
                        yield return {|YA1005:Sync.Wait(File.ReadAllTextAsync(path))|}.Trim();
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
            }

            class Reader
            {
                public async IAsyncEnumerable<string> Read(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken ct = default)
                {
                    foreach (var path in paths)
                    {
                        await Task.Yield();
                        yield return (await File.ReadAllTextAsync(path, cancellationToken: ct)).Trim();
                    }
                }
            }
            """);
    }
}
