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
        #region Analyzer: reports argument checks that run before the first yield

        [Fact]
        public Task Reports_ThrowOfArgumentNullExceptionBeforeFirstYield() => Verify.VerifyAnalyzerAsync(BatchIterator);

        [Fact]
        public Task Reports_MessageNamingTheCheckAndTheIterator() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class LogReader
            {
                public IEnumerable<string> ReadLines(string path)
                {
                    {|#0:ArgumentException.ThrowIfNullOrEmpty(path)|};
                    foreach (var line in System.IO.File.ReadLines(path))
                    {
                        yield return line;
                    }
                }
            }
            """,
            Verify.Diagnostic("YA3001").WithLocation(0).WithArguments("ArgumentException.ThrowIfNullOrEmpty", "ReadLines"));

        [Theory]
        [InlineData("ArgumentNullException.ThrowIfNull(name)")]
        [InlineData("ArgumentException.ThrowIfNullOrEmpty(name)")]
        [InlineData("ArgumentException.ThrowIfNullOrWhiteSpace(name)")]
        [InlineData("ArgumentOutOfRangeException.ThrowIfNegative(count)")]
        [InlineData("ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count)")]
        [InlineData("ArgumentOutOfRangeException.ThrowIfZero(count)")]
        [InlineData("ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 1000)")]
        [InlineData("ArgumentOutOfRangeException.ThrowIfLessThan(count, 1)")]
        [InlineData("ArgumentOutOfRangeException.ThrowIfEqual(count, 13)")]
        public Task Reports_EveryThrowIfHelper(string check) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;

            class Labels
            {
                public IEnumerable<string> Make(string name, int count)
                {
                    {|YA3001:{{check}}|};
                    for (var i = 0; i < count; i++)
                    {
                        yield return name + i;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_ThrowExpressionAndCustomArgumentExceptionSubclass() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            sealed class UnknownLevelException : ArgumentException
            {
                public UnknownLevelException(string level) : base("Unknown level " + level, "level") { }
            }

            class LevelFilter
            {
                public IEnumerable<string> Filter(IEnumerable<string> lines, string level)
                {
                    var source = lines ?? {|YA3001:throw new ArgumentNullException(nameof(lines))|};
                    if (level != "INFO" && level != "WARN") {|YA3001:throw new UnknownLevelException(level)|};
                    foreach (var line in source)
                    {
                        if (line.Contains(level)) yield return line;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InAsyncIterator() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;

            class Tail
            {
                public async IAsyncEnumerable<string> FollowAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    {|YA3001:ArgumentException.ThrowIfNullOrEmpty(path)|};
                    using var reader = new StreamReader(path);
                    string? line;
                    while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
                    {
                        yield return line;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InLocalFunctionIterator() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Report
            {
                public int Total(int[] values)
                {
                    var total = 0;
                    foreach (var value in Positive(values)) total += value;
                    return total;

                    static IEnumerable<int> Positive(int[] items)
                    {
                        {|YA3001:ArgumentNullException.ThrowIfNull(items)|};
                        foreach (var item in items) if (item > 0) yield return item;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InIndexerAccessorAndOperator() => Verify.VerifyAnalyzerAsync("""
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
                        if (from < 0 || from > _lines.Length) {|YA3001:throw new ArgumentOutOfRangeException(nameof(from))|};
                        for (var i = from; i < _lines.Length; i++) yield return _lines[i];
                    }
                }

                public static IEnumerable<string> operator +(Page left, Page right)
                {
                    {|YA3001:ArgumentNullException.ThrowIfNull(left)|};
                    foreach (var line in left._lines) yield return line;
                    foreach (var line in right._lines) yield return line;
                }
            }
            """);

        [Fact]
        public Task Reports_DefaultCaseOfSwitchBeforeFirstYield() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            enum Order { Ascending, Descending }

            class Ranges
            {
                public IEnumerable<int> Count(int from, int to, Order order)
                {
                    int step;
                    switch (order)
                    {
                        case Order.Ascending: step = 1; break;
                        case Order.Descending: step = -1; break;
                        default: {|YA3001:throw new ArgumentOutOfRangeException(nameof(order))|};
                    }

                    for (var i = from; i != to; i += step) yield return i;
                }
            }
            """);

        [Fact]
        public Task Reports_ChecksReachedWithoutPassingAYieldReturn() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Paging
            {
                public IEnumerable<T> Page<T>(IReadOnlyList<T> items, int page, int size)
                {
                    if (size == 0) yield break;
                    if (page < 0) {|YA3001:throw new ArgumentOutOfRangeException(nameof(page))|};
                    if (items is IList<T> list)
                    {
                        if (size > list.Count) {|YA3001:throw new ArgumentOutOfRangeException(nameof(size))|};
                        yield return list[0];
                    }

                    // After an if that may have yielded: no longer before the first yield.
                    foreach (var item in items ?? throw new ArgumentNullException(nameof(items)))
                    {
                        yield return item;
                    }
                }

                public IEnumerable<T> All<T>(IEnumerable<T> items)
                {
                    foreach (var item in items ?? {|YA3001:throw new ArgumentNullException(nameof(items))|})
                    {
                        yield return item;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_ElementValidationInALoopThatDoesNotYield() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Paths
            {
                public IEnumerable<string> Normalise(string[] paths)
                {
                    foreach (var path in paths)
                    {
                        if (string.IsNullOrEmpty(path)) {|YA3001:throw new ArgumentException("Empty path.", nameof(paths))|};
                    }

                    foreach (var path in paths) yield return path.Trim('/');
                }
            }
            """);

        [Fact]
        public Task Reports_WrappedParseErrorInCatchBeforeFirstYield() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Ports
            {
                public IEnumerable<int> Range(string spec)
                {
                    int first, last;
                    try
                    {
                        var parts = spec.Split('-');
                        first = int.Parse(parts[0]);
                        last = int.Parse(parts[1]);
                    }
                    catch (FormatException e)
                    {
                        {|YA3001:throw new ArgumentException("Bad port range.", nameof(spec), e)|};
                    }

                    for (var port = first; port <= last; port++) yield return port;
                }
            }
            """);

        [Fact]
        public Task Reports_ThrowOfArgumentExceptionHeldInVariable() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Options
            {
                public IEnumerable<string> Keys(IDictionary<string, string> settings)
                {
                    ArgumentException? problem = settings.Count == 0 ? new ArgumentException("No settings.", nameof(settings)) : null;
                    if (problem is not null) {|YA3001:throw problem|};
                    foreach (var key in settings.Keys) yield return key;
                }
            }
            """);

        [Fact]
        public Task Reports_ThrowOfAnArgumentExceptionFactory() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            static class Error
            {
                public static Exception ArgumentNull(string name) => new ArgumentNullException(name);
                public static Exception NotSupported() => new NotSupportedException();
            }

            static class Sequence
            {
                public static IEnumerable<T> Skip<T>(IEnumerable<T> source, int count)
                {
                    if (source == null) {|YA3001:throw Error.ArgumentNull(nameof(source))|};
                    if (count > int.MaxValue / 2) throw Error.NotSupported();
                    foreach (var item in source) if (count-- <= 0) yield return item;
                }
            }
            """);

        [Fact]
        public Task Reports_GuardLibraryCalls() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using Ardalis.GuardClauses;

            namespace Ardalis.GuardClauses
            {
                public interface IGuardClause { }
                public class Guard : IGuardClause { public static IGuardClause Against { get; } = new Guard(); }
                public static class GuardClauseExtensions
                {
                    public static T Null<T>(this IGuardClause guard, T input, string name) => input ?? throw new ArgumentNullException(name);
                    public static int NegativeOrZero(this IGuardClause guard, int input, string name) => input > 0 ? input : throw new ArgumentException(name);
                }
            }

            namespace CommunityToolkit.Diagnostics
            {
                public static class Guard
                {
                    public static void IsNotNullOrEmpty(string? text, string name) { if (string.IsNullOrEmpty(text)) throw new ArgumentException(name); }
                }

                public static class ThrowHelper
                {
                    public static void ThrowArgumentOutOfRangeException(string name) => throw new ArgumentOutOfRangeException(name);
                }
            }

            class Exporter
            {
                public IEnumerable<string> Export(string prefix, IEnumerable<int> ids, int width)
                {
                    {|YA3001:CommunityToolkit.Diagnostics.Guard.IsNotNullOrEmpty(prefix, nameof(prefix))|};
                    {|YA3001:Guard.Against.Null(ids, nameof(ids))|};
                    {|YA3001:Guard.Against.NegativeOrZero(width, nameof(width))|};
                    if (width > 40) {|YA3001:CommunityToolkit.Diagnostics.ThrowHelper.ThrowArgumentOutOfRangeException(nameof(width))|};
                    foreach (var id in ids) yield return prefix + id.ToString().PadLeft(width);
                }
            }
            """);

        [Fact]
        public Task Reports_GuardMethodsWrittenInTheCompilation() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            static class Check
            {
                public static T NotNull<T>(T value, string name) where T : class
                {
                    if (value is null) throw new ArgumentNullException(name);
                    return value;
                }

                public static void Positive(int value, string name)
                {
                    ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
                }

                public static string NotEmpty(string value, string name) => value.Length > 0 ? value : throw new ArgumentException("Empty.", name);
            }

            class Sampler
            {
                public IEnumerable<T> Every<T>(IReadOnlyList<T> items, int step, string label)
                {
                    {|YA3001:Check.NotNull(items, nameof(items))|};
                    {|YA3001:Check.Positive(step, nameof(step))|};
                    {|YA3001:Check.NotEmpty(label, nameof(label))|};
                    for (var i = 0; i < items.Count; i += step) yield return items[i];
                }
            }
            """);

        [Fact]
        public Task Reports_DawnGuardChainOnce() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            namespace Dawn
            {
                public readonly struct ArgumentInfo<T> { public ArgumentInfo(T value) { Value = value; } public T Value { get; } }
                public static class Guard
                {
                    public static ArgumentInfo<T> Argument<T>(T value, string name) => new ArgumentInfo<T>(value);
                    public static ArgumentInfo<T> NotNull<T>(this in ArgumentInfo<T> argument) where T : class =>
                        argument.Value is null ? throw new ArgumentNullException() : argument;
                }
            }

            class Feed
            {
                public IEnumerable<string> Items(string url)
                {
                    {|YA3001:Dawn.Guard.NotNull(Dawn.Guard.Argument(url, nameof(url)))|};
                    yield return url;
                }
            }
            """);

        #endregion
    }
}
