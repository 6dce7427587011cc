using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3004LockHeldAcrossYieldAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3004LockHeldAcrossYieldAnalyzer, YieldAwait.CodeFixes.Rules.YA3004LockHeldAcrossYieldCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3004LockHeldAcrossYieldTests
    {
        #region Analyzer: look-alikes that must stay silent

        [Fact]
        public Task NoDiagnostic_WhenYieldIsAfterTheLock() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private readonly List<string> _names = new List<string>();

                public IEnumerable<string> Names()
                {
                    string[] snapshot;
                    lock (_gate)
                    {
                        snapshot = _names.ToArray();
                    }

                    foreach (var name in snapshot)
                    {
                        yield return name;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenYieldBreakInsideLock() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private bool _closed;

                public IEnumerable<string> Names()
                {
                    lock (_gate)
                    {
                        if (_closed) yield break;
                    }

                    yield return "open";
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenLockIsInANonIteratorMethod() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;

            class Registry
            {
                private readonly object _gate = new object();
                private readonly List<string> _names = new List<string>();

                public IEnumerable<string> Names()
                {
                    lock (_gate)
                    {
                        return _names.Where(n => n.Length > 0).ToList();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenLockIsInsideALambdaOfTheIterator() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private int _count;

                public IEnumerable<Func<int>> Readers()
                {
                    yield return () =>
                    {
                        lock (_gate)
                        {
                            return _count;
                        }
                    };
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenLockedLocalFunctionIsNotAnIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private int _count;

                public IEnumerable<int> Counts()
                {
                    yield return Read();

                    int Read()
                    {
                        lock (_gate)
                        {
                            return _count;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenSemaphoreIsReleasedBeforeTheYield() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;

            class Pool
            {
                private readonly SemaphoreSlim _slots = new SemaphoreSlim(1, 1);
                private readonly Queue<string> _queue = new Queue<string>();

                public IEnumerable<string> Drain()
                {
                    while (true)
                    {
                        string next;
                        _slots.Wait();
                        try
                        {
                            if (_queue.Count == 0) yield break;
                            next = _queue.Dequeue();
                        }
                        finally
                        {
                            _slots.Release();
                        }

                        yield return next;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenMonitorIsExitedBeforeTheYield() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;

            class Cache
            {
                private readonly object _gate = new object();
                private int _value;

                public IEnumerable<int> Values()
                {
                    Monitor.Enter(_gate);
                    var value = _value;
                    Monitor.Exit(_gate);
                    yield return value;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenAcquireAndReleaseAreOnDifferentLocks() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;

            class Pool
            {
                private readonly SemaphoreSlim _reads = new SemaphoreSlim(1, 1);
                private readonly SemaphoreSlim _writes = new SemaphoreSlim(1, 1);

                public IEnumerable<int> Values()
                {
                    _reads.Wait();
                    _reads.Release();
                    yield return 1;
                    _writes.Release();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenReadLockIsEnteredButWriteLockReleased() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;

            class Index
            {
                private readonly ReaderWriterLockSlim _lock = new ReaderWriterLockSlim();

                public IEnumerable<int> Values()
                {
                    _lock.EnterReadLock();
                    _lock.ExitReadLock();
                    yield return 1;
                    _lock.ExitWriteLock();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenAcquiredLockIsNeverReleasedInTheIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;

            class Throttle
            {
                private readonly SemaphoreSlim _permits = new SemaphoreSlim(10);

                // The permit is handed to the consumer, who releases it: it is a token, not a lock held by this iterator.
                public IEnumerable<int> Permits()
                {
                    while (true)
                    {
                        _permits.Wait();
                        yield return _permits.CurrentCount;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenWaitOneIsOnAnEventNotAMutex() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;

            class Ticker
            {
                private readonly AutoResetEvent _tick = new AutoResetEvent(false);

                public IEnumerable<int> Ticks()
                {
                    for (var i = 0; ; i++)
                    {
                        _tick.WaitOne();
                        yield return i;
                        _tick.Set();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenSemaphoreWaitIsInsideANestedLambda() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;

            class Pool
            {
                private readonly SemaphoreSlim _slots = new SemaphoreSlim(1, 1);

                public IEnumerable<int> Values()
                {
                    Action acquire = () => _slots.Wait();
                    acquire();
                    yield return 1;
                    _slots.Release();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenUsingScopeDisposableIsNotALock() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class Reader
            {
                public IEnumerable<string> Lines(string path)
                {
                    using (var reader = new StreamReader(path))
                    {
                        string line;
                        while ((line = reader.ReadLine()) != null)
                        {
                            yield return line;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenYieldIsInALoopAfterEachRelease() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;

            class Index
            {
                private readonly ReaderWriterLockSlim _lock = new ReaderWriterLockSlim();
                private readonly List<int> _values = new List<int>();

                public IEnumerable<int> Values()
                {
                    for (var i = 0; ; i++)
                    {
                        int value;
                        _lock.EnterReadLock();
                        try
                        {
                            if (i >= _values.Count) yield break;
                            value = _values[i];
                        }
                        finally
                        {
                            _lock.ExitReadLock();
                        }

                        yield return value;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheYieldIsInALocalFunctionDeclaredUnderTheLock() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;

            class Registry
            {
                private readonly object _gate = new object();

                public IEnumerable<int> Numbers()
                {
                    Monitor.Enter(_gate);
                    try
                    {
                        lock (_gate)
                        {
                            return Iterate();

                            // Runs when the caller enumerates, after both locks were released.
                            IEnumerable<int> Iterate()
                            {
                                yield return 1;
                            }
                        }
                    }
                    finally
                    {
                        Monitor.Exit(_gate);
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenLockTypeIsLockedFromCSharp13On_TheCompilerRejectsIt()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System.Collections.Generic;

                    namespace System.Threading
                    {
                        public sealed class Lock
                        {
                        }
                    }

                    class Registry
                    {
                        private readonly System.Threading.Lock _gate = new System.Threading.Lock();

                        public IEnumerable<int> Numbers()
                        {
                            lock (_gate)
                            {
                                yield return 1;
                            }
                        }
                    }
                    """,
            };
            test.SolutionTransforms.Add((solution, projectId) =>
            {
                var options = (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!;
                return solution.WithProjectParseOptions(projectId, options.WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview));
            });
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task NoDiagnostic_InIteratorWithInvalidReturnType_OrHalfTypedCode() => new Verify.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Threading;

                class Broken
                {
                    private readonly object _gate = new object();
                    private readonly SemaphoreSlim _slots = new SemaphoreSlim(1);

                    int Numbers()
                    {
                        lock (_gate)
                        {
                            yield return 1;
                        }
                    }

                    IEnumerable<int> HalfTyped()
                    {
                        _slots.Wait(
                        lock (
                        {
                            yield return
                        }
                        _slots.Release();
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync(CancellationToken.None);

        #endregion
    }
}
