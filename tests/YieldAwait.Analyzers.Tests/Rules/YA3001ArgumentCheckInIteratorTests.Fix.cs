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
        #region Code fix

        [Fact]
        public Task Fix_SplitsIteratorIntoChecksAndStaticLocalIterator() => VerifyFix.VerifyCodeFixAsync(BatchIterator, """
            using System;
            using System.Collections.Generic;

            static class Batching
            {
                public static IEnumerable<List<T>> Batch<T>(this IEnumerable<T> source, int size)
                {
                    if (source == null) throw new ArgumentNullException(nameof(source));
                    if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size));

                    return BatchIterator(source, size);

                    static IEnumerable<List<T>> BatchIterator(IEnumerable<T> source, int size)
                    {
                        var batch = new List<T>(size);
                        foreach (var item in source)
                        {
                            batch.Add(item);
                            if (batch.Count == size)
                            {
                                yield return batch;
                                batch = new List<T>(size);
                            }
                        }

                        if (batch.Count > 0) yield return batch;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_KeepsDocsAttributesConstraintsCommentsAndRegions() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Diagnostics.CodeAnalysis;

            public static class Sequences
            {
                /// <summary>Pairs each item with its key.</summary>
                /// <param name="items">The items.</param>
                /// <param name="keyOf">Gives an item's key.</param>
                [return: NotNull]
                [Obsolete("Use Keyed2")]
                public static IEnumerable<KeyValuePair<TKey, T>> Keyed<T, TKey>(IEnumerable<T> items, Func<T, TKey> keyOf)
                    where T : class
                    where TKey : notnull
                {
                    // Validate before anything else.
            #if NETSTANDARD2_0
                    if (items is null) throw new ArgumentNullException(nameof(items));
            #else
                    {|YA3001:ArgumentNullException.ThrowIfNull(items)|};
            #endif
                    {|YA3001:ArgumentNullException.ThrowIfNull(keyOf)|}; // the selector too

                    // Then pair them up.
                    foreach (var item in items)
                    {
            #if DEBUG
                        Console.WriteLine(item);
            #endif
                        yield return new KeyValuePair<TKey, T>(keyOf(item), item); /* key first */
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Diagnostics.CodeAnalysis;

            public static class Sequences
            {
                /// <summary>Pairs each item with its key.</summary>
                /// <param name="items">The items.</param>
                /// <param name="keyOf">Gives an item's key.</param>
                [return: NotNull]
                [Obsolete("Use Keyed2")]
                public static IEnumerable<KeyValuePair<TKey, T>> Keyed<T, TKey>(IEnumerable<T> items, Func<T, TKey> keyOf)
                    where T : class
                    where TKey : notnull
                {
                    // Validate before anything else.
            #if NETSTANDARD2_0
                    if (items is null) throw new ArgumentNullException(nameof(items));
            #else
                    ArgumentNullException.ThrowIfNull(items);
            #endif
                    ArgumentNullException.ThrowIfNull(keyOf); // the selector too

                    return KeyedIterator(items, keyOf);

                    static IEnumerable<KeyValuePair<TKey, T>> KeyedIterator(IEnumerable<T> items, Func<T, TKey> keyOf)
                    {
                        // Then pair them up.
                        foreach (var item in items)
                        {
            #if DEBUG
                            Console.WriteLine(item);
            #endif
                            yield return new KeyValuePair<TKey, T>(keyOf(item), item); /* key first */
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_AsyncIterator_TokenKeepsEnumeratorCancellationOnTheLocalIteratorAndIsPassedThrough() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Tail
            {
                /// <summary>Follows a log file.</summary>
                public async IAsyncEnumerable<string> FollowAsync(string path, TimeSpan poll, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    {|YA3001:ArgumentException.ThrowIfNullOrEmpty(path)|};
                    {|YA3001:ArgumentOutOfRangeException.ThrowIfLessThan(poll, TimeSpan.Zero)|};
                    using var reader = new StreamReader(path);
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        var line = await reader.ReadLineAsync(cancellationToken);
                        if (line is null)
                        {
                            await Task.Delay(poll, cancellationToken);
                            continue;
                        }

                        yield return line;
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Tail
            {
                /// <summary>Follows a log file.</summary>
                public IAsyncEnumerable<string> FollowAsync(string path, TimeSpan poll, CancellationToken cancellationToken = default)
                {
                    ArgumentException.ThrowIfNullOrEmpty(path);
                    ArgumentOutOfRangeException.ThrowIfLessThan(poll, TimeSpan.Zero);

                    return FollowAsyncIterator(path, poll, cancellationToken);

                    static async IAsyncEnumerable<string> FollowAsyncIterator(string path, TimeSpan poll, [EnumeratorCancellation] CancellationToken cancellationToken)
                    {
                        using var reader = new StreamReader(path);
                        while (!cancellationToken.IsCancellationRequested)
                        {
                            var line = await reader.ReadLineAsync(cancellationToken);
                            if (line is null)
                            {
                                await Task.Delay(poll, cancellationToken);
                                continue;
                            }

                            yield return line;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_AsyncIteratorWithoutTokenAndAsyncAsFirstModifier() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Numbers
            {
                async IAsyncEnumerable<int> CountAsync(int to)
                {
                    {|YA3001:ArgumentOutOfRangeException.ThrowIfNegative(to)|};
                    for (var i = 0; i < to; i++)
                    {
                        await Task.Yield();
                        yield return i;
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Numbers
            {
                IAsyncEnumerable<int> CountAsync(int to)
                {
                    ArgumentOutOfRangeException.ThrowIfNegative(to);

                    return CountAsyncIterator(to);

                    static async IAsyncEnumerable<int> CountAsyncIterator(int to)
                    {
                        for (var i = 0; i < to; i++)
                        {
                            await Task.Yield();
                            yield return i;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_InstanceMembersKeepTheLocalIteratorNonStatic_AndOnlyUsedParametersArePassed() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;

            class Catalog
            {
                private readonly Dictionary<string, decimal> _prices = new();

                public IEnumerable<decimal> Prices(IEnumerable<string> skus, string currency)
                {
                    {|YA3001:ArgumentNullException.ThrowIfNull(skus)|};
                    {|YA3001:ArgumentException.ThrowIfNullOrEmpty(currency)|};
                    foreach (var sku in skus)
                    {
                        if (_prices.TryGetValue(sku, out var price)) yield return price;
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;

            class Catalog
            {
                private readonly Dictionary<string, decimal> _prices = new();

                public IEnumerable<decimal> Prices(IEnumerable<string> skus, string currency)
                {
                    ArgumentNullException.ThrowIfNull(skus);
                    ArgumentException.ThrowIfNullOrEmpty(currency);

                    return PricesIterator(skus);

                    IEnumerable<decimal> PricesIterator(IEnumerable<string> skus)
                    {
                        foreach (var sku in skus)
                        {
                            if (_prices.TryGetValue(sku, out var price)) yield return price;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_PassesLocalsTheChecksDeclare() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;

            class Ranges
            {
                public IEnumerable<int> Ports(string spec)
                {
                    var text = spec ?? {|YA3001:throw new ArgumentNullException(nameof(spec))|};
                    if (!int.TryParse(text, out var first)) {|YA3001:throw new ArgumentException("Not a port.", nameof(spec))|};
                    for (var port = first; port < first + 10; port++) yield return port;
                }
            }
            """, """
            using System;
            using System.Collections.Generic;

            class Ranges
            {
                public IEnumerable<int> Ports(string spec)
                {
                    var text = spec ?? throw new ArgumentNullException(nameof(spec));
                    if (!int.TryParse(text, out var first)) throw new ArgumentException("Not a port.", nameof(spec));

                    return PortsIterator(first);

                    static IEnumerable<int> PortsIterator(int first)
                    {
                        for (var port = first; port < first + 10; port++) yield return port;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_NullableReferencesTheChecksProveNotNullArePassedAsNotNull() => VerifyFix.VerifyCodeFixAsync("""
            #nullable enable
            using System;
            using System.Collections.Generic;

            class Words
            {
                public IEnumerable<string> Split(string? line, string? prefix, char separator)
                {
                    var text = line ?? {|YA3001:throw new ArgumentNullException(nameof(line))|};
                    foreach (var part in text.Split(separator)) yield return prefix + part;
                }
            }
            """, """
            #nullable enable
            using System;
            using System.Collections.Generic;

            class Words
            {
                public IEnumerable<string> Split(string? line, string? prefix, char separator)
                {
                    var text = line ?? throw new ArgumentNullException(nameof(line));

                    return SplitIterator(prefix, separator, text);

                    static IEnumerable<string> SplitIterator(string? prefix, char separator, string text)
                    {
                        foreach (var part in text.Split(separator)) yield return prefix + part;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_MovesChecksAheadOfIndependentStatements_ThatStayLazy() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;

            class Dedup
            {
                public IEnumerable<string> Distinct(IEnumerable<string> values, StringComparer comparer)
                {
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    {|YA3001:ArgumentNullException.ThrowIfNull(values)|};
                    Console.WriteLine("enumeration started");
                    {|YA3001:ArgumentNullException.ThrowIfNull(comparer)|};
                    foreach (var value in values)
                    {
                        if (seen.Add(value)) yield return value;
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;

            class Dedup
            {
                public IEnumerable<string> Distinct(IEnumerable<string> values, StringComparer comparer)
                {
                    ArgumentNullException.ThrowIfNull(values);
                    ArgumentNullException.ThrowIfNull(comparer);

                    return DistinctIterator(values);

                    static IEnumerable<string> DistinctIterator(IEnumerable<string> values)
                    {
                        var seen = new HashSet<string>(StringComparer.Ordinal);
                        Console.WriteLine("enumeration started");
                        foreach (var value in values)
                        {
                            if (seen.Add(value)) yield return value;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_IndexerAccessorAndOperator() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;

            sealed class Page
            {
                private readonly string[] _lines;

                public Page(string[] lines) => _lines = lines;

                public IEnumerable<string> this[int from]
                {
                    get
                    {
                        if (from < 0) {|YA3001:throw new ArgumentOutOfRangeException(nameof(from))|};
                        for (var i = from; i < _lines.Length; i++) yield return _lines[i];
                    }
                }

                public static IEnumerable<string> operator +(Page left, Page right)
                {
                    {|YA3001:ArgumentNullException.ThrowIfNull(left)|};
                    {|YA3001:ArgumentNullException.ThrowIfNull(right)|};
                    foreach (var line in left._lines) yield return line;
                    foreach (var line in right._lines) yield return line;
                }
            }
            """, """
            using System;
            using System.Collections.Generic;

            sealed class Page
            {
                private readonly string[] _lines;

                public Page(string[] lines) => _lines = lines;

                public IEnumerable<string> this[int from]
                {
                    get
                    {
                        if (from < 0) throw new ArgumentOutOfRangeException(nameof(from));

                        return Iterator(from);

                        IEnumerable<string> Iterator(int from)
                        {
                            for (var i = from; i < _lines.Length; i++) yield return _lines[i];
                        }
                    }
                }

                public static IEnumerable<string> operator +(Page left, Page right)
                {
                    ArgumentNullException.ThrowIfNull(left);
                    ArgumentNullException.ThrowIfNull(right);

                    return Iterator(left, right);

                    static IEnumerable<string> Iterator(Page left, Page right)
                    {
                        foreach (var line in left._lines) yield return line;
                        foreach (var line in right._lines) yield return line;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_LocalFunctionIterator_CapturingTheMethodsLocals() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;

            class Report
            {
                public int Total(int[] values, int threshold)
                {
                    var total = 0;
                    foreach (var value in Above(values)) total += value;
                    return total;

                    IEnumerable<int> Above(int[] items)
                    {
                        {|YA3001:ArgumentNullException.ThrowIfNull(items)|};
                        foreach (var item in items) if (item > threshold) yield return item;
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;

            class Report
            {
                public int Total(int[] values, int threshold)
                {
                    var total = 0;
                    foreach (var value in Above(values)) total += value;
                    return total;

                    IEnumerable<int> Above(int[] items)
                    {
                        ArgumentNullException.ThrowIfNull(items);

                        return AboveIterator(items);

                        IEnumerable<int> AboveIterator(int[] items)
                        {
                            foreach (var item in items) if (item > threshold) yield return item;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_PicksAFreeNameForTheLocalIterator() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;

            class Reader
            {
                public IEnumerable<char> Read(string text)
                {
                    {|YA3001:ArgumentNullException.ThrowIfNull(text)|};
                    foreach (var c in text) yield return ReadIterator(c);
                }

                private static char ReadIterator(char c) => char.ToUpperInvariant(c);
            }
            """, """
            using System;
            using System.Collections.Generic;

            class Reader
            {
                public IEnumerable<char> Read(string text)
                {
                    ArgumentNullException.ThrowIfNull(text);

                    return ReadIterator2(text);

                    static IEnumerable<char> ReadIterator2(string text)
                    {
                        foreach (var c in text) yield return ReadIterator(c);
                    }
                }

                private static char ReadIterator(char c) => char.ToUpperInvariant(c);
            }
            """);

        [Fact]
        public Task FixAll_SplitsEveryFlaggedIteratorInTheDocument() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;

            static class Text
            {
                public static IEnumerable<string> Words(string line)
                {
                    {|YA3001:ArgumentNullException.ThrowIfNull(line)|};
                    foreach (var word in line.Split(' ')) yield return word;
                }

                public static IEnumerable<string> Repeat(string word, int times)
                {
                    {|YA3001:ArgumentNullException.ThrowIfNull(word)|};
                    {|YA3001:ArgumentOutOfRangeException.ThrowIfNegative(times)|};
                    for (var i = 0; i < times; i++) yield return word;
                }
            }
            """, """
            using System;
            using System.Collections.Generic;

            static class Text
            {
                public static IEnumerable<string> Words(string line)
                {
                    ArgumentNullException.ThrowIfNull(line);

                    return WordsIterator(line);

                    static IEnumerable<string> WordsIterator(string line)
                    {
                        foreach (var word in line.Split(' ')) yield return word;
                    }
                }

                public static IEnumerable<string> Repeat(string word, int times)
                {
                    ArgumentNullException.ThrowIfNull(word);
                    ArgumentOutOfRangeException.ThrowIfNegative(times);

                    return RepeatIterator(word, times);

                    static IEnumerable<string> RepeatIterator(string word, int times)
                    {
                        for (var i = 0; i < times; i++) yield return word;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_ExplicitInterfaceImplementationPartialMethodAndBraceOnTheSignatureLine() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;

            interface ISource
            {
                IEnumerable<int> Read(int count);
            }

            partial class Source : ISource
            {
                IEnumerable<int> ISource.Read(int count) {
                    {|YA3001:ArgumentOutOfRangeException.ThrowIfNegative(count)|};
                    for (var i = 0; i < count; i++) {
                        yield return i;
                    }
                }

                public partial IEnumerable<string> Names(params string[] names);
            }

            partial class Source
            {
                public partial IEnumerable<string> Names(params string[] names)
                {
                    {|YA3001:ArgumentNullException.ThrowIfNull(names)|};
                    foreach (var name in names) yield return name;
                }
            }
            """, """
            using System;
            using System.Collections.Generic;

            interface ISource
            {
                IEnumerable<int> Read(int count);
            }

            partial class Source : ISource
            {
                IEnumerable<int> ISource.Read(int count) {
                    ArgumentOutOfRangeException.ThrowIfNegative(count);

                    return ReadIterator(count);

                    static IEnumerable<int> ReadIterator(int count) {
                        for (var i = 0; i < count; i++) {
                            yield return i;
                        }
                    }
                }

                public partial IEnumerable<string> Names(params string[] names);
            }

            partial class Source
            {
                public partial IEnumerable<string> Names(params string[] names)
                {
                    ArgumentNullException.ThrowIfNull(names);

                    return NamesIterator(names);

                    static IEnumerable<string> NamesIterator(string[] names)
                    {
                        foreach (var name in names) yield return name;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_BodyThatReassignsAParameterGetsItsOwnCopyPerCall() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;

            class Countdown
            {
                public IEnumerable<int> From(int start)
                {
                    {|YA3001:ArgumentOutOfRangeException.ThrowIfNegative(start)|};
                    while (start >= 0)
                    {
                        yield return start--;
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;

            class Countdown
            {
                public IEnumerable<int> From(int start)
                {
                    ArgumentOutOfRangeException.ThrowIfNegative(start);

                    return FromIterator(start);

                    static IEnumerable<int> FromIterator(int start)
                    {
                        while (start >= 0)
                        {
                            yield return start--;
                        }
                    }
                }
            }
            """);

        #endregion
    }
}
