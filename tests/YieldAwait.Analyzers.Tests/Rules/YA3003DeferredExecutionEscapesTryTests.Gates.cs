using System.Threading.Tasks;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3003DeferredExecutionEscapesTryTests
    {
        #region Analyzer: functions at the edge of the gate (a try is looked into only when its function can return a sequence)

        [Fact]
        public Task Reports_InFunctionsReturningATaskOfASequence() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Import
            {
                public async ValueTask<IEnumerable<int>> LoadAsync(string path)
                {
                    try
                    {
                        var lines = await File.ReadAllLinesAsync(path);
                        return {|YA3003:lines.Select(int.Parse)|};
                    }
                    catch (FormatException)
                    {
                        return Enumerable.Empty<int>();
                    }
                }

                public Func<string, Task<IEnumerable<int>>> Loader => async path =>
                {
                    try
                    {
                        var lines = await File.ReadAllLinesAsync(path);
                        return {|YA3003:lines.Select(int.Parse)|};
                    }
                    catch (Exception)
                    {
                        return Array.Empty<int>();
                    }
                };

                public async Task<IOrderedEnumerable<int>> SortedAsync(string path)
                {
                    try
                    {
                        var lines = await File.ReadAllLinesAsync(path);
                        return {|YA3003:lines.Select(int.Parse).OrderBy(n => n)|};
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<int>().OrderBy(n => n);
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InFunctionsReturningObjectOrTheNonGenericEnumerable() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Cells
            {
                public object Parse(string[] cells)
                {
                    try
                    {
                        return {|YA3003:cells.Select(int.Parse)|};
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<int>();
                    }
                }

                public System.Collections.IEnumerable Untyped(string[] cells)
                {
                    try
                    {
                        return {|YA3003:cells.Select(int.Parse)|};
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<int>();
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InALambdaOfAFieldInitializer_AndInALocalFunctionOfAVoidMethod() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Cells
            {
                private static readonly Func<string[], IEnumerable<int>> Numbers = cells =>
                {
                    try
                    {
                        return {|YA3003:cells.Select(int.Parse)|};
                    }
                    catch (FormatException)
                    {
                        return Enumerable.Empty<int>();
                    }
                };

                public void Print(string[] cells)
                {
                    foreach (var n in Parse())
                    {
                        Console.WriteLine(n);
                    }

                    IEnumerable<int> Parse()
                    {
                        try
                        {
                            return {|YA3003:cells.Select(int.Parse)|};
                        }
                        catch (FormatException)
                        {
                            return Enumerable.Empty<int>();
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_TryInFunctionsThatReturnNoSequence() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Cells
            {
                private IEnumerable<int> _last = Enumerable.Empty<int>();

                public string Describe(string[] cells)
                {
                    try
                    {
                        return string.Join(",", cells.Select(int.Parse));
                    }
                    catch (FormatException)
                    {
                        return "";
                    }
                }

                public int Total(string[] cells)
                {
                    try
                    {
                        return cells.Select(int.Parse).Sum();
                    }
                    catch (FormatException)
                    {
                        return 0;
                    }
                }

                public async Task<int> CountAsync(string path)
                {
                    try
                    {
                        var lines = await File.ReadAllLinesAsync(path);
                        return lines.Select(int.Parse).Count();
                    }
                    catch (Exception)
                    {
                        return 0;
                    }
                }

                public void Remember(string[] cells)
                {
                    try
                    {
                        _last = cells.Select(int.Parse);
                    }
                    catch (FormatException)
                    {
                        _last = Enumerable.Empty<int>();
                    }
                }

                public Func<string[], int> Counter => cells =>
                {
                    try
                    {
                        return cells.Select(int.Parse).Count();
                    }
                    catch (FormatException)
                    {
                        return 0;
                    }
                };
            }
            """);

        #endregion

        #region Analyzer: a task-like type other than Task<T>/ValueTask<T> (the gate unwraps any task-like type of an async function)

        [Fact]
        public Task Reports_InAsyncMethodReturningACustomTaskLikeOfASequence() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Runtime.CompilerServices;

            // A task-like type of its own, as UniTask<T> is: an async method may return it.
            [AsyncMethodBuilder(typeof(JobBuilder<>))]
            public readonly struct Job<T>
            {
            }

            public struct JobBuilder<T>
            {
                public static JobBuilder<T> Create() => default;

                public Job<T> Task => default;

                public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine => stateMachine.MoveNext();

                public void SetStateMachine(IAsyncStateMachine stateMachine) { }

                public void SetResult(T result) { }

                public void SetException(Exception exception) { }

                public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
                    where TAwaiter : INotifyCompletion
                    where TStateMachine : IAsyncStateMachine { }

                public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
                    where TAwaiter : ICriticalNotifyCompletion
                    where TStateMachine : IAsyncStateMachine { }
            }

            class Import
            {
                public async Job<IEnumerable<int>> LoadAsync(string path)
                {
                    try
                    {
                        var lines = await File.ReadAllLinesAsync(path);
                        return {|YA3003:lines.Select(int.Parse)|};
                    }
                    catch (FormatException)
                    {
                        return Enumerable.Empty<int>();
                    }
                }
            }
            """);

        #endregion
    }
}
