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
    }
}
