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
