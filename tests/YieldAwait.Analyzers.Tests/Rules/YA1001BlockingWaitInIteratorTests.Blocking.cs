using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Rules;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    /// <summary>Blocking through helpers, tasks proven complete (the shared completion proof) and stored results.</summary>
    public partial class YA1001BlockingWaitInIteratorTests
    {
        [Fact]
        public Task Reports_CallOfAHelperThatBlocksOnItsArgument_NamingTheHelper() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();
            }

            class Pager
            {
                public IEnumerable<int> Pages(IAsyncEnumerator<int> source)
                {
                    while ({|#0:Sync.Wait(source.MoveNextAsync())|})
                    {
                        yield return source.Current;
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments("Sync.Wait", "Pages"));


        [Fact]
        public Task Reports_HelperWithAnIsCompletedFastPath_ExtensionHelper_AndAChainOfHelpers() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            static class TaskSync
            {
                public static T Value<T>(this ValueTask<T> task) => task.IsCompleted ? task.Result : task.AsTask().GetAwaiter().GetResult();

                public static string Text(Task<string> task)
                {
                    if (task.IsCompletedSuccessfully)
                    {
                        return task.Result;
                    }

                    return Inner(task);
                }

                private static string Inner(Task<string> task) => task.ConfigureAwait(false).GetAwaiter().GetResult();

                public static void Run(System.Func<Task> work) => Task.Run(work).Wait();
            }

            class Reader
            {
                public IEnumerable<string> Read(ValueTask<int> count, string path)
                {
                    yield return {|#0:count.Value()|}.ToString();
                    yield return {|#1:TaskSync.Text(File.ReadAllTextAsync(path))|};
                    {|#2:TaskSync.Run(() => File.WriteAllTextAsync(path, ""))|};
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(".Value()", "Read"),
            Verify.Diagnostic("YA1001").WithLocation(1).WithArguments("TaskSync.Text", "Read"),
            Verify.Diagnostic("YA1001").WithLocation(2).WithArguments("TaskSync.Run", "Read"));


        [Fact]
        public Task Reports_HelpersThatCallEachOther_WhereOneOfThemBlocks() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Loop
            {
                public static int A(Task<int> task, int depth) => depth > 0 ? B(task, depth - 1) : task.Result;

                public static int B(Task<int> task, int depth) => A(task, depth);

                public static int C(Task<int> task, int depth) => depth > 0 ? D(task, depth - 1) : 0;

                public static int D(Task<int> task, int depth) => C(task, depth);
            }

            class Numbers
            {
                public IEnumerable<int> All(Task<int> pending)
                {
                    yield return {|YA1001:Loop.B(pending, 3)|};
                    yield return Loop.D(pending, 3);
                }
            }
            """);


        [Fact]
        public Task Reports_KnownLibraryHelpers() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            namespace Nito.AsyncEx.Synchronous
            {
                public static class TaskExtensions
                {
                    public static T WaitAndUnwrapException<T>(this Task<T> task) => throw new NotImplementedException();
                }
            }

            namespace Nito.AsyncEx
            {
                public sealed class AsyncContext
                {
                    public static T Run<T>(Func<Task<T>> action) => throw new NotImplementedException();
                }
            }

            namespace Microsoft.VisualStudio.Threading
            {
                public class JoinableTaskFactory
                {
                    public void Run(Func<Task> asyncMethod) => throw new NotImplementedException();
                }
            }

            namespace App
            {
                using Microsoft.VisualStudio.Threading;
                using Nito.AsyncEx;
                using Nito.AsyncEx.Synchronous;

                class Loader
                {
                    public IEnumerable<int> Load(Task<int> first, Func<Task<int>> second, JoinableTaskFactory factory)
                    {
                        yield return {|#0:first.WaitAndUnwrapException()|};
                        yield return {|#1:AsyncContext.Run(second)|};
                        {|#2:factory.Run(async () => await Task.Delay(10))|};
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(".WaitAndUnwrapException()", "Load"),
            Verify.Diagnostic("YA1001").WithLocation(1).WithArguments("AsyncContext.Run", "Load"),
            Verify.Diagnostic("YA1001").WithLocation(2).WithArguments("JoinableTaskFactory.Run", "Load"));


        [Fact]
        public Task NoDiagnostic_HelperLookAlikes() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Tasks
            {
                // Reads the result only once the task has completed.
                public static T OrDefault<T>(Task<T> task) => task.IsCompletedSuccessfully ? task.Result : default;

                public static T Completed<T>(Task<T> task)
                {
                    if (!task.IsCompleted) throw new InvalidOperationException("not finished");
                    return task.Result;
                }

                // Observes, never waits.
                public static void Forget(this Task task) => task.ContinueWith(t => t.Wait(), TaskContinuationOptions.OnlyOnFaulted);

                public static Task<T> Log<T>(Task<T> task) { Console.WriteLine("started"); return task; }

                // Blocks, but on something it made itself rather than on its argument.
                public static int Other(Task<int> ignored) => Task.Run(() => 1).Result;

                // An iterator: calling it runs nothing.
                public static IEnumerable<T> Lazily<T>(Task<T> task) { yield return {|YA1001:task.Result|}; }

                public static async Task<T> Awaiting<T>(Task<T> task) => await task;
            }

            class Unrelated
            {
                public static int Wait(int timeout) => timeout;
            }

            class Reader
            {
                public IEnumerable<int> Read(Task<int> pending)
                {
                    yield return Tasks.OrDefault(pending);
                    yield return Tasks.Completed(pending);
                    pending.Forget();
                    yield return Tasks.Log(pending).Id;
                    yield return Tasks.Other(pending);
                    foreach (var value in Tasks.Lazily(pending)) yield return value;
                    yield return Tasks.Awaiting(pending).Id;
                    yield return Unrelated.Wait(5);
                    Func<int> later = () => Tasks.Other(pending);
                    yield return later.Method.Name.Length;
                }
            }
            """);


        [Fact]
        public Task NoDiagnostic_HelperCalledOnATaskProvenComplete() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
            }

            class Reader
            {
                public IEnumerable<int> Read(Task<int> pending)
                {
                    yield return Sync.Wait(Task.FromResult(1));
                    if (pending.IsCompleted)
                    {
                        yield return Sync.Wait(pending);
                    }

                    while (!pending.IsCompleted)
                    {
                        yield return 0;
                    }

                    yield return Sync.Wait(pending);
                }
            }
            """);


        [Fact]
        public Task NoDiagnostic_CallToldToRunSynchronously() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T WaitAndUnwrap<T>(this Task<T> task) => task.GetAwaiter().GetResult();
            }

            class Queue
            {
                // One implementation for both APIs: with sync: true it never yields, so the task is complete on return.
                private Task<(bool, int)> TryTakeAsync(CancellationToken token, bool sync) => Task.FromResult((true, 1));

                private Task<int> ReadAsync(bool async) => Task.FromResult(1);

                public IEnumerable<int> Consume(CancellationToken token)
                {
                    while (true)
                    {
                        var result = TryTakeAsync(token, sync: true).WaitAndUnwrap();
                        if (!result.Item1)
                            yield break;
                        yield return result.Item2;
                        yield return ReadAsync(async: false).GetAwaiter().GetResult();
                        yield return {|YA1001:ReadAsync(async: true).GetAwaiter().GetResult()|};
                        yield return {|YA1001:TryTakeAsync(token, sync: false).WaitAndUnwrap()|}.Item2;
                    }
                }
            }
            """);


        [Theory]
        [InlineData("yield return Sync.Wait(pending.")]
        [InlineData("yield return Sync.Wait(")]
        [InlineData("yield return Sync.Wait(pending, );")]
        [InlineData("yield return Sync.Broken(pending);")]
        public Task NoCrash_HalfTypedHelperCall(string statement) => HalfTypedCode.AssertNoCrashAsync<YA1001BlockingWaitInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix>($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

                public static T Broken<T>(Task<T> task) => task.GetAwaiter().
            }

            class Typing
            {
                IEnumerable<int> Lines(Task<int> pending)
                {
                    {{statement}}
                }
            }
            """);


        [Fact]
        public Task Fix_AwaitsWhatTheHelperBlocksOn() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

                public static void Run(Func<Task> work) => work().GetAwaiter().GetResult();

                public static int WithTimeout(Task<int> task, int milliseconds) => task.Wait(milliseconds) ? task.Result : -1;
            }

            class Pager
            {
                public IEnumerable<int> Pages(IAsyncEnumerator<int> source, Func<Task> flush)
                {
                    while ({|YA1001:Sync.Wait(source.MoveNextAsync())|})
                    {
                        yield return source.Current;
                    }

                    {|YA1001:Sync.Run(() => flush())|};
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

                public static void Run(Func<Task> work) => work().GetAwaiter().GetResult();

                public static int WithTimeout(Task<int> task, int milliseconds) => task.Wait(milliseconds) ? task.Result : -1;
            }

            class Pager
            {
                public async IAsyncEnumerable<int> Pages(IAsyncEnumerator<int> source, Func<Task> flush, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    while (await source.MoveNextAsync())
                    {
                        yield return source.Current;
                    }

                    await flush();
                }
            }
            """);


        [Fact]
        public Task NoFix_WhenTheHelperTakesMoreThanTheTask() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static int WithTimeout(Task<int> task, int milliseconds) => task.Wait(milliseconds) ? task.Result : -1;
            }

            class Pager
            {
                public IEnumerable<int> Pages(Task<int> pending)
                {
                    yield return {|YA1001:Sync.WithTimeout(pending, 100)|};
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static int WithTimeout(Task<int> task, int milliseconds) => task.Wait(milliseconds) ? task.Result : -1;
            }

            class Pager
            {
                public IEnumerable<int> Pages(Task<int> pending)
                {
                    yield return {|YA1001:Sync.WithTimeout(pending, 100)|};
                }
            }
            """);
    }
}
