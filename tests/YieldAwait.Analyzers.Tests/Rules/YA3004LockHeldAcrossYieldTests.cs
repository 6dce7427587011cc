using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3004LockHeldAcrossYieldAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3004LockHeldAcrossYieldAnalyzer, YieldAwait.CodeFixes.Rules.YA3004LockHeldAcrossYieldCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA3004LockHeldAcrossYieldTests
    {
        #region Analyzer: reports yields while a lock is held

        [Fact]
        public Task Reports_YieldInsideLockStatement() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private readonly List<string> _names = new List<string>();

                public IEnumerable<string> Names()
                {
                    lock (_gate)
                    {
                        foreach (var name in _names)
                        {
                            {|#0:yield return name;|}
                        }
                    }
                }
            }
            """,
            Verify.Diagnostic("YA3004").WithLocation(0).WithArguments("Names", "the lock on '_gate'"));

        [Fact]
        public Task Reports_EveryYieldInsideTheLock() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Header
            {
                private readonly object _gate = new object();
                private string _first = "a", _second = "b";

                public IEnumerable<string> Parts()
                {
                    lock (_gate)
                    {
                        {|YA3004:yield return _first;|}
                        {|YA3004:yield return _second;|}
                    }

                    yield return "end";
                }
            }
            """);

        [Fact]
        public Task Reports_YieldInsideNestedStatementsOfTheLock() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Queue
            {
                private readonly object _gate = new object();
                private readonly List<int> _items = new List<int>();

                public IEnumerable<int> Positive()
                {
                    lock (_gate)
                    {
                        for (var i = 0; i < _items.Count; i++)
                        {
                            if (_items[i] > 0)
                            {
                                try
                                {
                                    {|YA3004:yield return _items[i];|}
                                }
                                finally
                                {
                                }
                            }
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_MonitorEnterWithExitInFinally() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;

            class Cache
            {
                private readonly object _gate = new object();
                private readonly Dictionary<string, int> _entries = new Dictionary<string, int>();

                public IEnumerable<KeyValuePair<string, int>> Entries()
                {
                    var taken = false;
                    try
                    {
                        Monitor.Enter(_gate, ref taken);
                        foreach (var entry in _entries)
                        {
                            {|#0:yield return entry;|}
                        }
                    }
                    finally
                    {
                        if (taken) Monitor.Exit(_gate);
                    }
                }
            }
            """,
            Verify.Diagnostic("YA3004").WithLocation(0).WithArguments("Entries", "the lock on '_gate' (Monitor.Enter)"));

        [Fact]
        public Task Reports_MonitorTryEnter() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;

            class Cache
            {
                private readonly object _gate = new object();

                public IEnumerable<int> Snapshot()
                {
                    if (!Monitor.TryEnter(_gate, 100)) yield break;
                    try
                    {
                        {|YA3004:yield return 1;|}
                    }
                    finally
                    {
                        Monitor.Exit(_gate);
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_SemaphoreSlimWaitAndRelease() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;

            class Pool
            {
                private readonly SemaphoreSlim _slots = new SemaphoreSlim(1, 1);

                public IEnumerable<string> Lease(IEnumerable<string> requests)
                {
                    _slots.Wait();
                    try
                    {
                        foreach (var request in requests)
                        {
                            {|#0:yield return request;|}
                        }
                    }
                    finally
                    {
                        _slots.Release();
                    }
                }
            }
            """,
            Verify.Diagnostic("YA3004").WithLocation(0).WithArguments("Lease", "'_slots' (Wait)"));

        [Fact]
        public Task Reports_SemaphoreSlimWaitAsyncInAsyncIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;

            class Pool
            {
                private readonly SemaphoreSlim _slots = new SemaphoreSlim(1, 1);

                public async IAsyncEnumerable<string> LeaseAsync(IEnumerable<string> requests)
                {
                    await _slots.WaitAsync();
                    try
                    {
                        foreach (var request in requests)
                        {
                            {|YA3004:yield return request;|}
                        }
                    }
                    finally
                    {
                        _slots.Release();
                    }
                }
            }
            """);

        [Fact]
        public Task Silent_AsyncLockAroundAStreamedRead() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;

            class Store
            {
                private readonly SemaphoreSlim _dbLock = new SemaphoreSlim(1, 1);

                public async IAsyncEnumerable<string> ReadAllAsync(TextReader reader)
                {
                    await _dbLock.WaitAsync();
                    try
                    {
                        string line;
                        while ((line = await reader.ReadLineAsync()) != null)
                        {
                            yield return line;
                        }
                    }
                    finally
                    {
                        _dbLock.Release();
                    }
                }
            }
            """);

        [Fact]
        public Task Silent_AsyncThrottleAroundPagedRequests() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Inventory
            {
                private static readonly SemaphoreSlim Throttle = new SemaphoreSlim(1, 1);

                static Task<int[]> FetchPageAsync(int page) => Task.FromResult(new[] { page });

                public async IAsyncEnumerable<int> ItemsAsync()
                {
                    await Throttle.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        for (var page = 0; page < 3; page++)
                        {
                            var items = await FetchPageAsync(page).ConfigureAwait(false);
                            foreach (var item in items)
                            {
                                yield return item;
                            }
                        }
                    }
                    finally
                    {
                        Throttle.Release();
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_SyncWaitAroundAStreamedRead() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;

            class Store
            {
                private readonly SemaphoreSlim _dbLock = new SemaphoreSlim(1, 1);

                public async IAsyncEnumerable<string> ReadAllAsync(TextReader reader)
                {
                    _dbLock.Wait();
                    try
                    {
                        string line;
                        while ((line = await reader.ReadLineAsync()) != null)
                        {
                            {|YA3004:yield return line;|}
                        }
                    }
                    finally
                    {
                        _dbLock.Release();
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_LockStatementInAsyncIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Feed
            {
                private readonly object _gate = new object();
                private readonly List<int> _items = new List<int>();

                public async IAsyncEnumerable<int> ItemsAsync()
                {
                    await Task.Yield();
                    lock (_gate)
                    {
                        foreach (var item in _items)
                        {
                            {|YA3004:yield return item;|}
                        }
                    }
                }
            }
            """);

        [Theory]
        [InlineData("EnterReadLock", "ExitReadLock")]
        [InlineData("EnterWriteLock", "ExitWriteLock")]
        [InlineData("EnterUpgradeableReadLock", "ExitUpgradeableReadLock")]
        public Task Reports_ReaderWriterLockSlimEnterAndExit(string enter, string exit) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading;

            class Index
            {
                private readonly ReaderWriterLockSlim _lock = new ReaderWriterLockSlim();
                private readonly List<string> _keys = new List<string>();

                public IEnumerable<string> Keys()
                {
                    _lock.{{enter}}();
                    try
                    {
                        foreach (var key in _keys)
                        {
                            {|YA3004:yield return key;|}
                        }
                    }
                    finally
                    {
                        _lock.{{exit}}();
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_MutexWaitOneAndReleaseMutex() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;

            class SharedFile
            {
                public IEnumerable<string> Lines(Mutex mutex, string path)
                {
                    mutex.WaitOne();
                    foreach (var line in File.ReadLines(path))
                    {
                        {|YA3004:yield return line;|}
                    }

                    mutex.ReleaseMutex();
                }
            }
            """);

        [Fact]
        public Task Reports_InLocalFunctionIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();

                public IEnumerable<int> Numbers(int count)
                {
                    return Iterate();

                    IEnumerable<int> Iterate()
                    {
                        lock (_gate)
                        {
                            for (var i = 0; i < count; i++)
                            {
                                {|YA3004:yield return i;|}
                            }
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InPropertyGetterAndEnumeratorMethod() => Verify.VerifyAnalyzerAsync("""
            using System.Collections;
            using System.Collections.Generic;

            class Bag : IEnumerable<int>
            {
                private readonly object _gate = new object();
                private readonly List<int> _items = new List<int>();

                public IEnumerable<int> Items
                {
                    get
                    {
                        lock (_gate)
                        {
                            foreach (var item in _items) {|YA3004:yield return item;|}
                        }
                    }
                }

                public IEnumerator<int> GetEnumerator()
                {
                    lock (_gate)
                    {
                        foreach (var item in _items) {|YA3004:yield return item;|}
                    }
                }

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }
            """);

        [Fact]
        public Task Reports_LockOnLockTypeBeforeCSharp13() => Verify.VerifyAnalyzerAsync("""
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
                        {|YA3004:yield return 1;|}
                    }
                }
            }
            """);

        #endregion

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

        #region Code fix

        [Fact]
        public Task Fix_YieldsFromASnapshotCopiedInsideTheLock() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;

            /// <summary>Names registered by the plug-ins.</summary>
            class Registry
            {
                private readonly object _gate = new object();
                private readonly List<string> _names = new List<string>();

                /// <summary>Every registered name.</summary>
                [System.Obsolete("Use Snapshot")]
                public IEnumerable<string> Names()
                {
                    // Writers add under the same gate.
                    lock (_gate)
                    {
                        foreach (var name in _names)
                        {
                            {|YA3004:yield return name;|}
                        }
                    }
                }
            }
            """, """
            using System.Collections.Generic;

            /// <summary>Names registered by the plug-ins.</summary>
            class Registry
            {
                private readonly object _gate = new object();
                private readonly List<string> _names = new List<string>();

                /// <summary>Every registered name.</summary>
                [System.Obsolete("Use Snapshot")]
                public IEnumerable<string> Names()
                {
                    // Writers add under the same gate.
                    List<string> snapshot;
                    lock (_gate)
                    {
                        snapshot = new List<string>(_names);
                    }

                    foreach (var name in snapshot)
                    {
                        yield return name;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_AddsCollectionsImportAndPicksAFreeName() => VerifyFix.VerifyCodeFixAsync("""
            class Registry
            {
                private readonly object _gate = new object();
                private readonly int[] _ids = new int[0];

                public System.Collections.Generic.IEnumerable<int> Ids(int snapshot)
                {
                    lock (_gate)
                        foreach (var id in _ids)
                            {|YA3004:yield return id;|}
                }
            }
            """, """
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private readonly int[] _ids = new int[0];

                public System.Collections.Generic.IEnumerable<int> Ids(int snapshot)
                {
                    List<int> snapshot2;
                    lock (_gate)
                    {
                        snapshot2 = new List<int>(_ids);
                    }

                    foreach (var id in snapshot2)
                        yield return id;
                }
            }
            """);

        [Fact]
        public Task Fix_All_RewritesEveryLockInTheMethodWithDistinctNames() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private readonly List<string> _names = new List<string>();
                private readonly List<string> _aliases = new List<string>();

                public IEnumerable<string> All()
                {
                    lock (_gate)
                    {
                        foreach (var name in _names) {|YA3004:yield return name;|}
                    }

                    lock (_gate)
                    {
                        foreach (var alias in _aliases) {|YA3004:yield return alias;|}
                    }
                }
            }
            """, """
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private readonly List<string> _names = new List<string>();
                private readonly List<string> _aliases = new List<string>();

                public IEnumerable<string> All()
                {
                    List<string> snapshot;
                    lock (_gate)
                    {
                        snapshot = new List<string>(_names);
                    }

                    foreach (var name in snapshot) yield return name;

                    List<string> snapshot2;
                    lock (_gate)
                    {
                        snapshot2 = new List<string>(_aliases);
                    }

                    foreach (var alias in snapshot2) yield return alias;
                }
            }
            """);

        [Fact]
        public Task NoFix_WhenTheLockDoesMoreThanCopy() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private readonly List<string> _names = new List<string>();
                private int _reads;

                public IEnumerable<string> Names()
                {
                    lock (_gate)
                    {
                        _reads++;
                        foreach (var name in _names)
                        {
                            {|YA3004:yield return name;|}
                        }
                    }
                }
            }
            """, """
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private readonly List<string> _names = new List<string>();
                private int _reads;

                public IEnumerable<string> Names()
                {
                    lock (_gate)
                    {
                        _reads++;
                        foreach (var name in _names)
                        {
                            {|YA3004:yield return name;|}
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NoFix_WhenTheYieldTransformsTheElement() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private readonly List<string> _names = new List<string>();

                public IEnumerable<string> Names()
                {
                    lock (_gate)
                    {
                        foreach (var name in _names)
                        {
                            {|YA3004:yield return name.ToUpperInvariant();|}
                        }
                    }
                }
            }
            """, """
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private readonly List<string> _names = new List<string>();

                public IEnumerable<string> Names()
                {
                    lock (_gate)
                    {
                        foreach (var name in _names)
                        {
                            {|YA3004:yield return name.ToUpperInvariant();|}
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NoFix_ForSemaphoreHeldAcrossYield() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading;

            class Pool
            {
                private readonly SemaphoreSlim _slots = new SemaphoreSlim(1, 1);

                public IEnumerable<string> Lease(List<string> requests)
                {
                    _slots.Wait();
                    try
                    {
                        foreach (var request in requests) {|YA3004:yield return request;|}
                    }
                    finally
                    {
                        _slots.Release();
                    }
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading;

            class Pool
            {
                private readonly SemaphoreSlim _slots = new SemaphoreSlim(1, 1);

                public IEnumerable<string> Lease(List<string> requests)
                {
                    _slots.Wait();
                    try
                    {
                        foreach (var request in requests) {|YA3004:yield return request;|}
                    }
                    finally
                    {
                        _slots.Release();
                    }
                }
            }
            """);

        [Fact]
        public Task NoFix_WhenTheCollectionIsNotAGenericSequence() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections;
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private readonly ArrayList _names = new ArrayList();

                public IEnumerable<object> Names()
                {
                    lock (_gate)
                    {
                        foreach (var name in _names)
                        {
                            {|YA3004:yield return name;|}
                        }
                    }
                }
            }
            """, """
            using System.Collections;
            using System.Collections.Generic;

            class Registry
            {
                private readonly object _gate = new object();
                private readonly ArrayList _names = new ArrayList();

                public IEnumerable<object> Names()
                {
                    lock (_gate)
                    {
                        foreach (var name in _names)
                        {
                            {|YA3004:yield return name;|}
                        }
                    }
                }
            }
            """);

        #endregion
    }
}
