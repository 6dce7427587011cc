using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3001ArgumentCheckInIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3001ArgumentCheckInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA3001ArgumentCheckInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3001ArgumentCheckInIteratorTests
    {
        #region Review of real-code look-alikes

        [Fact]
        public Task NoDiagnostic_PrivateIteratorBehindAnEagerWrapper_WithDebugAssert() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;

            static class Chunking
            {
                public static IEnumerable<T[]> Chunk<T>(this IEnumerable<T> source, int size)
                {
                    ArgumentNullException.ThrowIfNull(source);
                    ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
                    return ChunkIterator(source, size);
                }

                private static IEnumerable<T[]> ChunkIterator<T>(IEnumerable<T> source, int size)
                {
                    Debug.Assert(source != null);
                    Debug.Assert(size > 0);
                    var chunk = new List<T>(size);
                    foreach (var item in source)
                    {
                        chunk.Add(item);
                        if (chunk.Count == size)
                        {
                            yield return chunk.ToArray();
                            chunk.Clear();
                        }
                    }

                    if (chunk.Count > 0) yield return chunk.ToArray();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_PerElementChecksInTheYieldingForeach() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            static class Paths
            {
                public static IEnumerable<string> Normalise(IEnumerable<string> paths)
                {
                    foreach (var path in paths)
                    {
                        ArgumentException.ThrowIfNullOrEmpty(path);
                        if (path.IndexOf('\0') >= 0) throw new ArgumentException("Path contains a NUL character.", nameof(paths));
                        yield return path.Replace('\\', '/');
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_StateChecksOfAnEnumeratorThatHasNoArguments() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections;
            using System.Collections.Generic;

            sealed class Ring<T> : IEnumerable<T>
            {
                private T[] _items = new T[4];
                private int _count;
                private int _version;

                public IEnumerator<T> GetEnumerator()
                {
                    var version = _version;
                    for (var i = 0; i < _count; i++)
                    {
                        if (version != _version) throw new InvalidOperationException("Collection was modified.");
                        yield return _items[i];
                    }
                }

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }
            """);

        [Fact]
        public Task NoDiagnostic_EagerWrapperWithGuardAgainstAndLocalIterator() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            static class Windows
            {
                public static IEnumerable<(T, T)> Pairwise<T>(this IEnumerable<T> source)
                {
                    if (source is null) throw new ArgumentNullException(nameof(source));
                    return Core(source);

                    static IEnumerable<(T, T)> Core(IEnumerable<T> items)
                    {
                        using var e = items.GetEnumerator();
                        if (!e.MoveNext()) yield break;
                        var previous = e.Current;
                        while (e.MoveNext())
                        {
                            yield return (previous, e.Current);
                            previous = e.Current;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_GuardAgainstInTheIteratorItself() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            static class Pages
            {
                public static IEnumerable<int> Numbers(int pageSize, int total)
                {
                    if (pageSize <= 0) {|YA3001:throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "Page size must be positive.")|};
                    for (var start = 0; start < total; start += pageSize) yield return start;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_StateCheckInAnIteratorWithoutParameters() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections;
            using System.Collections.Generic;

            sealed class Settings : IEnumerable<KeyValuePair<string, string>>
            {
                private Dictionary<string, string>? _values;

                public void Load(Dictionary<string, string> values) => _values = values;

                public IEnumerable<string> Keys
                {
                    get
                    {
                        ArgumentNullException.ThrowIfNull(_values);
                        foreach (var key in _values.Keys) yield return key;
                    }
                }

                public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
                {
                    if (_values is null) throw new ArgumentNullException(nameof(_values), "Call Load first.");
                    foreach (var pair in _values) yield return pair;
                }

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }
            """);

        [Fact]
        public Task Reports_ParameterlessLocalIteratorCheckingTheMethodsParameter() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            static class Lines
            {
                public static IEnumerable<string> NonEmpty(IEnumerable<string> lines)
                {
                    return Core();

                    IEnumerable<string> Core()
                    {
                        {|YA3001:ArgumentNullException.ThrowIfNull(lines)|};
                        foreach (var line in lines) if (line.Length > 0) yield return line;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ThrowIfNullOfAFieldInAnIteratorWithParameters() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;

            class Feed
            {
                private Func<int, string>? _fetch;
                private string? Prefix { get; set; }

                public void Connect(Func<int, string> fetch) => _fetch = fetch;

                public IEnumerable<string> Pages(int count)
                {
                    ArgumentNullException.ThrowIfNull(_fetch);
                    ArgumentNullException.ThrowIfNull(Prefix);
                    for (var i = 0; i < count; i++) yield return Prefix + _fetch(i);
                }

                public async IAsyncEnumerable<string> Stream([EnumeratorCancellation] CancellationToken token = default)
                {
                    ArgumentNullException.ThrowIfNull(_fetch);
                    await System.Threading.Tasks.Task.Yield();
                    yield return _fetch(0);
                }
            }
            """);

        [Fact]
        public Task Reports_ThrowIfNullOfAParameterNextToAFieldCheck() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Feed
            {
                private Func<int, string>? _fetch;

                public IEnumerable<string> Pages(string prefix, int count)
                {
                    ArgumentNullException.ThrowIfNull(_fetch);
                    {|YA3001:ArgumentNullException.ThrowIfNull(prefix)|};
                    for (var i = 0; i < count; i++) yield return prefix + _fetch(i);
                }
            }
            """);

        [Fact]
        public Task Fix_LeavesTheFieldCheckLazy() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;

            class Feed
            {
                private Func<int, string>? _fetch;

                public IEnumerable<string> Pages(string prefix, int count)
                {
                    ArgumentNullException.ThrowIfNull(_fetch);
                    {|YA3001:ArgumentNullException.ThrowIfNull(prefix)|};
                    for (var i = 0; i < count; i++) yield return prefix + _fetch(i);
                }
            }
            """, """
            using System;
            using System.Collections.Generic;

            class Feed
            {
                private Func<int, string>? _fetch;

                public IEnumerable<string> Pages(string prefix, int count)
                {
                    ArgumentNullException.ThrowIfNull(prefix);

                    return PagesIterator(prefix, count);

                    IEnumerable<string> PagesIterator(string prefix, int count)
                    {
                        ArgumentNullException.ThrowIfNull(_fetch);
                        for (var i = 0; i < count; i++) yield return prefix + _fetch(i);
                    }
                }
            }
            """);

        #endregion
    }
}
