using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3001ArgumentCheckInIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3001ArgumentCheckInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA3001ArgumentCheckInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA3001ArgumentCheckInIteratorTests
    {
        /// <summary>The canonical case, shared by the analyzer and the fix tests.</summary>
        private const string BatchIterator = """
            using System;
            using System.Collections.Generic;

            static class Batching
            {
                public static IEnumerable<List<T>> Batch<T>(this IEnumerable<T> source, int size)
                {
                    if (source == null) {|YA3001:throw new ArgumentNullException(nameof(source))|};
                    if (size <= 0) {|YA3001:throw new ArgumentOutOfRangeException(nameof(size))|};

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
            """;

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
                public IEnumerable<int> Positives(int[] values)
                {
                    return Positive(values);

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

        #region Analyzer: stays silent on look-alikes

        [Fact]
        public Task NoDiagnostic_NonIteratorMethodThatThrows() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Reports
            {
                public IEnumerable<string> Names(IEnumerable<string> people)
                {
                    ArgumentNullException.ThrowIfNull(people);
                    return people.Where(p => p.Length > 0).ToList();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_EagerWrapperReturningALocalIterator() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Reports
            {
                public IEnumerable<string> Names(IEnumerable<string> people)
                {
                    ArgumentNullException.ThrowIfNull(people);
                    return NamesIterator(people);

                    static IEnumerable<string> NamesIterator(IEnumerable<string> people)
                    {
                        foreach (var person in people) yield return person;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_CheckAfterTheFirstYield() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Headers
            {
                public IEnumerable<string> Lines(string title, string[] rows)
                {
                    yield return "# " + title;
                    if (rows is null) throw new ArgumentNullException(nameof(rows));
                    foreach (var row in rows) yield return row;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_PerElementCheckInsideTheYieldingLoop() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Ids
            {
                public IEnumerable<int> Parse(IEnumerable<string> values)
                {
                    foreach (var value in values)
                    {
                        if (!int.TryParse(value, out var id)) throw new ArgumentException("Not an id: " + value, nameof(values));
                        yield return id;
                    }
                }

                public IEnumerable<int> Positive(IEnumerable<int> values)
                {
                    using var e = values.GetEnumerator();
                    while (e.MoveNext())
                    {
                        yield return e.Current;
                        ArgumentOutOfRangeException.ThrowIfNegative(e.Current);
                    }
                }

                public IEnumerable<int> Checked(int[] values)
                {
                    var i = 0;
                    do
                    {
                        if (values[i] < 0) throw new ArgumentException("negative", nameof(values));
                        yield return values[i];
                    }
                    while (++i < values.Length);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_CheckInsideLambdaOrLocalFunction() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Mapper
            {
                public IEnumerable<string> Map(IEnumerable<string?> values)
                {
                    Func<string?, string> check = v => v ?? throw new ArgumentNullException(nameof(values));
                    foreach (var value in values.Select(v => v ?? throw new ArgumentException("null item")))
                    {
                        yield return Validate(value);
                    }

                    static string Validate(string value)
                    {
                        ArgumentException.ThrowIfNullOrWhiteSpace(value);
                        return value;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ExceptionsThatAreNotArgumentChecks() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;

            class Cursor : IDisposable
            {
                private bool _disposed;
                private bool _open;

                public IEnumerable<int> Rows(int count, CancellationToken token)
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    if (!_open) throw new InvalidOperationException("Open the cursor first.");
                    if (count > 1000) throw new NotSupportedException("Too many rows.");
                    token.ThrowIfCancellationRequested();
                    for (var i = 0; i < count; i++) yield return i;
                }

                public IEnumerable<int> Keys(IDictionary<string, int> map, string key)
                {
                    if (!map.ContainsKey(key)) throw new KeyNotFoundException(key);
                    yield return map[key];
                }

                public void Dispose() => _disposed = true;
            }
            """);

        [Theory]
        [InlineData("throw new InvalidOperationException(\"Not started.\");")]
        [InlineData("throw new NotSupportedException();")]
        [InlineData("throw new NotImplementedException();")]
        [InlineData("throw new FormatException(\"Bad line.\");")]
        [InlineData("throw new IOException(\"Locked.\");")]
        [InlineData("throw new BadArgumentsError(\"Named like one, but not an ArgumentException.\");")]
        [InlineData("throw Errors.NotSupported();")]
        [InlineData("ObjectDisposedException.ThrowIf(disposed, typeof(Reader));")]
        [InlineData("token.ThrowIfCancellationRequested();")]
        [InlineData("Debug.Assert(count > 0);")]
        [InlineData("Trace.Assert(path != null, nameof(path));")]
        [InlineData("Errors.Log(new ArgumentException(\"Only logged.\"));")]
        public Task NoDiagnostic_StatementsBeforeTheFirstYieldThatAreNotArgumentChecks(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.IO;
            using System.Threading;

            sealed class BadArgumentsError : Exception
            {
                public BadArgumentsError(string message) : base(message) { }
            }

            static class Errors
            {
                public static Exception NotSupported() => new NotSupportedException();
                public static void Log(Exception e) => Console.WriteLine(e.Message);
            }

            class Reader
            {
                public IEnumerable<string> Lines(string path, int count, bool disposed, CancellationToken token)
                {
                    {{statement}}
                    for (var i = 0; i < count; i++) yield return path + i;
                }
            }
            """);

        [Theory]
        [InlineData("yield return 0; ArgumentOutOfRangeException.ThrowIfNegative(count);")]
        [InlineData("foreach (var i in new[] { 1, 2 }) { yield return i; ArgumentOutOfRangeException.ThrowIfNegative(count); }")]
        [InlineData("for (var i = 0; i < count; i++) { ArgumentOutOfRangeException.ThrowIfNegative(i - count); yield return i; }")]
        [InlineData("while (count-- > 0) { if (count == 13) throw new ArgumentException(\"unlucky\", nameof(count)); yield return count; }")]
        [InlineData("try { yield return 1; } finally { ArgumentOutOfRangeException.ThrowIfNegative(count); }")]
        [InlineData("Func<int, int> check = c => c < 0 ? throw new ArgumentOutOfRangeException(nameof(count)) : c; yield return check(count);")]
        [InlineData("yield return Check(count); static int Check(int c) { ArgumentOutOfRangeException.ThrowIfNegative(c); return c; }")]
        [InlineData("yield return nameof(ArgumentOutOfRangeException.ThrowIfNegative).Length;")]
        public Task NoDiagnostic_ChecksThatDoNotRunBeforeTheFirstYield(string statements) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;

            class Numbers
            {
                public IEnumerable<int> Count(int count)
                {
                    {{statements}}
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ArgumentExceptionCreatedOrRethrownButNotThrownAsACheck() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Diagnostics
            {
                public IEnumerable<Exception> Problems(string[] names)
                {
                    var problem = new ArgumentException("Unused.", nameof(names));
                    Console.WriteLine(problem.Message + nameof(ArgumentNullException.ThrowIfNull));
                    foreach (var name in names)
                    {
                        if (name.Length == 0) yield return new ArgumentException("Empty name.", nameof(names));
                    }
                }

                public IEnumerable<int> Lengths(string[] names)
                {
                    try
                    {
                        Console.WriteLine(names.Length);
                    }
                    catch (ArgumentException)
                    {
                        throw;
                    }

                    foreach (var name in names) yield return name.Length;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_GuardLikeMethodsThatDoMoreThanCheck() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            static class Config
            {
                public static string Load(string path)
                {
                    Console.WriteLine("loading " + path);
                    if (path.Length == 0) throw new ArgumentException("Empty path.", nameof(path));
                    return System.IO.File.ReadAllText(path);
                }

                public static void Log(string message) => Console.WriteLine(message);
            }

            class Settings
            {
                public IEnumerable<string> Lines(string path)
                {
                    Config.Log("reading");
                    var text = Config.Load(path);
                    foreach (var line in text.Split('\n')) yield return line;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_DebugAssertAndContracts() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Diagnostics;

            class Buffer
            {
                public IEnumerable<byte> Bytes(byte[] data, int length)
                {
                    Debug.Assert(data != null);
                    Debug.Assert(length <= data.Length, "length");
                    for (var i = 0; i < length; i++) yield return data[i];
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AsyncMethodThatIsNotAnIterator() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Loader
            {
                public async Task<IReadOnlyList<string>> LoadAsync(string path)
                {
                    ArgumentException.ThrowIfNullOrEmpty(path);
                    var lines = await System.IO.File.ReadAllLinesAsync(path);
                    return lines;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_IteratorUsingGoto() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Retry
            {
                public IEnumerable<int> Attempts(int max)
                {
                    var attempt = 0;
                again:
                    if (max < 0) throw new ArgumentOutOfRangeException(nameof(max));
                    yield return attempt;
                    if (++attempt < max) goto again;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_FinallyOfAYieldingTry() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Lines
            {
                public IEnumerable<string> Read(string[] lines, string owner)
                {
                    try
                    {
                        foreach (var line in lines) yield return line;
                    }
                    finally
                    {
                        if (owner.Length == 0) throw new ArgumentException("No owner.", nameof(owner));
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InGeneratedCode() => Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System;
            using System.Collections.Generic;

            class Generated
            {
                public IEnumerable<int> Items(int[] values)
                {
                    ArgumentNullException.ThrowIfNull(values);
                    foreach (var value in values) yield return value;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_IteratorWithNonEnumerableReturnType() => Verify.VerifyAnalyzerAsync("""
            using System;

            class Counter
            {
                int {|CS1624:Count|}(int[] values)
                {
                    ArgumentNullException.ThrowIfNull(values);
                    yield return values.Length;
                }
            }
            """);

        [Theory]
        [InlineData("ArgumentNullException.ThrowIfNull(")]
        [InlineData("if (values == null) throw new ArgumentNullException(")]
        [InlineData("if (values == null) throw new ArgumentNullException(nameof(values))")]
        [InlineData("ArgumentNullException.ThrowIf")]
        [InlineData("throw new Argument")]
        [InlineData("yield return values ?? throw new ArgumentNullException(nameof(")]
        public Task NoCrash_HalfTypedIterator(string statement) => VerifyNoCrashDespiteCompilerErrorsAsync($$"""
            using System;
            using System.Collections.Generic;

            class Typing
            {
                IEnumerable<int> Items(int[] values)
                {
                    {{statement}}
                    foreach (var value in values) yield return value;
                }
            }
            """);

        [Fact]
        public Task NoCrash_IteratorCutOffMidCheck() => VerifyNoCrashDespiteCompilerErrorsAsync("""
            using System;
            using System.Collections.Generic;

            class Typing
            {
                IEnumerable<int> Items(int[] values)
                {
                    ArgumentNullException.ThrowIfNull(values
            """);

        [Theory]
        [InlineData("var first = Items(values, ")]
        [InlineData("foreach (var x in Items(")]
        [InlineData("if (values == null) throw new ArgumentNullException(nameof(values)); var all = Items(values, 2")]
        public Task NoCrash_HalfTypedCaller(string statement) => VerifyNoCrashDespiteCompilerErrorsAsync($$"""
            using System;
            using System.Collections.Generic;

            class Typing
            {
                void Use(int[] values)
                {
                    {{statement}}
                }

                private IEnumerable<int> Items(int[] values, int step)
                {
                    ArgumentNullException.ThrowIfNull(values);
                    for (var i = 0; i < values.Length; i += step) yield return values[i];
                }
            }
            """);

        private static Task VerifyNoCrashDespiteCompilerErrorsAsync(string source) =>
            HalfTypedCode.AssertNoCrashAsync<YieldAwait.Analyzers.Rules.YA3001ArgumentCheckInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA3001ArgumentCheckInIteratorCodeFix>(source);

        #endregion

        #region Analyzer: only checks that could run at the call

        [Fact]
        public Task NoDiagnostic_PreconditionOnWhatTheSourceHolds() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            public static class Windows
            {
                public static IEnumerable<T> From<T>(IEnumerable<T> source, int index)
                {
                    var count = 0;
                    using (var e = source.GetEnumerator())
                    {
                        while (e.MoveNext()) count++;
                    }

                    if (index >= count) throw new ArgumentOutOfRangeException(nameof(index));
                    foreach (var item in source.Skip(index)) yield return item;
                }

                public static IEnumerable<T> Tail<T>(IEnumerable<T> source, int size)
                {
                    if (size > source.Count()) throw new ArgumentOutOfRangeException(nameof(size), "The sequence is shorter.");
                    var copy = source.ToList();
                    if (size > copy.Count / 2) throw new ArgumentOutOfRangeException(nameof(size));
                    for (var i = copy.Count - size; i < copy.Count; i++) yield return copy[i];
                }

                public static IEnumerable<T> AfterHead<T>(IEnumerable<T> source, T expected) where T : IEquatable<T>
                {
                    using var e = source.GetEnumerator();
                    if (!e.MoveNext()) throw new ArgumentException("The sequence is empty.", nameof(source));
                    if (!e.Current.Equals(expected)) throw new ArgumentException("Unexpected head.", nameof(expected));
                    while (e.MoveNext()) yield return e.Current;
                }

                public static IEnumerable<string> Body(TextReader reader, string header)
                {
                    var first = reader.ReadLine();
                    if (first != header) throw new ArgumentException("Wrong header.", nameof(header));
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_CheckOfALocalOrOfACallbacksResult() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            public static class Unfold
            {
                public static IEnumerable<TKey> Keys<TSeed, TKey>(TSeed seed, Func<TSeed, TKey> keyOf, Func<TSeed, TSeed> next)
                {
                    var key = keyOf(seed);
                    if (key is null) throw new ArgumentException("The key selector returned null.", nameof(keyOf));
                    ArgumentNullException.ThrowIfNull(next(seed), "next");
                    var workers = Environment.ProcessorCount;
                    if (workers < 1) throw new ArgumentOutOfRangeException("workers");
                    while (true)
                    {
                        yield return key;
                        seed = next(seed);
                        key = keyOf(seed);
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_ChecksOfParametersAndOfWhatTheyHoldAtTheCall() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            public static class Slices
            {
                public static IEnumerable<T> From<T>(IReadOnlyList<T> items, int index)
                {
                    if (index >= items.Count) {|YA3001:throw new ArgumentOutOfRangeException(nameof(index))|};
                    for (var i = index; i < items.Count; i++) yield return items[i];
                }

                public static IEnumerable<int> Range(string spec)
                {
                    var parts = spec.Split(':');
                    if (parts.Length != 2) {|YA3001:throw new ArgumentException("Expected 'from:to'.", nameof(spec))|};
                    if (!int.TryParse(parts[0], out var from)) {|YA3001:throw new ArgumentException("Bad start.", nameof(spec))|};
                    for (var i = from; i < int.Parse(parts[1]); i++) yield return i;
                }

                public static IEnumerable<T> Each<T>(T[] values, Func<T, bool> keep)
                {
                    foreach (var value in values)
                    {
                        if (value is null) {|YA3001:throw new ArgumentException("Null element.", nameof(values))|};
                    }

                    foreach (var value in values) if (keep(value)) yield return value;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InternalIteratorWhoseCallersValidateOrAreIterators() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            public static class Chunks
            {
                public static IEnumerable<T[]> Of<T>(IEnumerable<T> source, int size)
                {
                    if (source == null) throw new ArgumentNullException(nameof(source));
                    if (size < 1) throw new ArgumentOutOfRangeException(nameof(size));
                    return Split(source, size);
                }

                public static IEnumerable<T[]> Pairs<T>(T[] source) => Split(source ?? throw new ArgumentNullException(nameof(source)), 2);

                private static IEnumerable<T[]> Split<T>(IEnumerable<T> source, int size)
                {
                    if (source == null) throw new ArgumentNullException(nameof(source));
                    if (size < 1) throw new ArgumentOutOfRangeException(nameof(size));
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
                }
            }

            internal static class Lines
            {
                internal static IEnumerable<string> NonEmpty(IEnumerable<string> lines)
                {
                    ArgumentNullException.ThrowIfNull(lines);
                    foreach (var line in lines) if (line.Length > 0) yield return line;
                }
            }

            public static class Report
            {
                public static IEnumerable<string> Trimmed(IEnumerable<string> lines)
                {
                    foreach (var line in Lines.NonEmpty(lines)) yield return line.Trim();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InternalIteratorEnumeratedAtTheCall_OrFedValuesItsCallersMake() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Inbox
            {
                internal static async IAsyncEnumerable<string> Pages(string text, int size, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
                    for (var i = 0; i < text.Length; i += size)
                    {
                        await Task.Yield();
                        yield return text.Substring(i, Math.Min(size, text.Length - i));
                    }
                }

                private static IEnumerable<int> Steps(int count)
                {
                    if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
                    for (var i = 0; i < count; i++) yield return i;
                }

                private static IEnumerable<char> Letters(string word)
                {
                    ArgumentNullException.ThrowIfNull(word);
                    foreach (var c in word) if (char.IsLetter(c)) yield return c;
                }

                public async Task<int> Send(string text, int size, CancellationToken cancellationToken)
                {
                    var sent = 0;
                    await foreach (var page in Pages(text, size, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false)) sent++;
                    foreach (var step in Steps(size)) sent += step;
                    return sent + Steps(size).ToList().Count;
                }

                public IEnumerable<char> Initials(IEnumerable<string> words)
                {
                    foreach (var c in words.SelectMany(w => Letters(w))) yield return c;
                }

                public int Count(object value) => Letters(value.ToString()!).Count() + Letters(new string('a', 3)).Count();
            }
            """);

        [Fact]
        public Task Reports_InternalIteratorWithACallerThatPassesAnUncheckedArgument() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            public static class Chunks
            {
                public static IEnumerable<T[]> Of<T>(IEnumerable<T> source, int size)
                {
                    if (source == null) throw new ArgumentNullException(nameof(source));
                    return Split(source, size);
                }

                private static IEnumerable<T[]> Split<T>(IEnumerable<T> source, int size)
                {
                    if (source == null) throw new ArgumentNullException(nameof(source));
                    if (size < 1) {|YA3001:throw new ArgumentOutOfRangeException(nameof(size))|};
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
                }

                internal static IEnumerable<int> Evens(int[] values, int start)
                {
                    {|YA3001:ArgumentOutOfRangeException.ThrowIfNegative(start)|};
                    for (var i = start; i < values.Length; i += 2) yield return values[i];
                }

                public static int First(int[] values, int start)
                {
                    foreach (var value in Evens(values, start)) return value;
                    return -1;
                }

                public static Func<int[], int, IEnumerable<int>> Picker => Evens;
            }
            """);

        #endregion

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
                public IEnumerable<int> Large(int[] values, int threshold)
                {
                    return Above(values);

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
                public IEnumerable<int> Large(int[] values, int threshold)
                {
                    return Above(values);

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

        [Fact]
        public Task NoFix_WhenACheckReadsWhatAnEarlierStatementComputes() => VerifyNoFix("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            class Config
            {
                public IEnumerable<string> Sections(string path)
                {
                    var lines = File.ReadAllLines(path);
                    if (lines.Length == 0) {|YA3001:throw new ArgumentException("Empty file.", nameof(path))|};
                    foreach (var line in lines) if (line.StartsWith('[')) yield return line;
                }
            }
            """);

        [Fact]
        public async Task NoFix_WhenTheCheckingStatementAlsoDoesWork_OtherChecksStillMove()
        {
            var test = new VerifyFix.Test
            {
                TestCode = """
                using System;
                using System.Collections.Generic;
                using System.IO;

                class Config
                {
                    public IEnumerable<string> Sections(string path, string prefix)
                    {
                        {|YA3001:ArgumentNullException.ThrowIfNull(prefix)|};
                        var lines = File.ReadAllLines(path ?? {|YA3001:throw new ArgumentNullException(nameof(path))|});
                        foreach (var line in lines) if (line.StartsWith(prefix)) yield return line;
                    }
                }
                """,
                FixedCode = """
                using System;
                using System.Collections.Generic;
                using System.IO;

                class Config
                {
                    public IEnumerable<string> Sections(string path, string prefix)
                    {
                        ArgumentNullException.ThrowIfNull(prefix);

                        return SectionsIterator(path, prefix);

                        static IEnumerable<string> SectionsIterator(string path, string prefix)
                        {
                            var lines = File.ReadAllLines(path ?? throw new ArgumentNullException(nameof(path)));
                            foreach (var line in lines) if (line.StartsWith(prefix)) yield return line;
                        }
                    }
                }
                """,
            };

            // The check inside File.ReadAllLines(...) stays, reported, in the local iterator: moving it would read the file eagerly.
            test.FixedState.ExpectedDiagnostics.Add(VerifyFix.Diagnostic("YA3001").WithSpan(15, 51, 15, 96).WithArguments("throw ArgumentNullException", "SectionsIterator"));
            await test.RunAsync();
        }

        [Fact]
        public Task NoFix_WhenAnEarlierStatementReassignsTheCheckedParameter() => VerifyNoFix("""
            using System;
            using System.Collections.Generic;

            class Pager
            {
                public IEnumerable<int> Pages(int count)
                {
                    count = Math.Min(count, 100);
                    {|YA3001:ArgumentOutOfRangeException.ThrowIfNegative(count)|};
                    for (var i = 0; i < count; i++) yield return i;
                }
            }
            """);

        /// <summary>An awaited condition exists only once the async iterator runs: it cannot move into a method that is not async.</summary>
        [Fact]
        public Task NoDiagnostic_WhenTheCheckAwaits() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Files
            {
                public async IAsyncEnumerable<string> LinesAsync(string path)
                {
                    if (!await Task.Run(() => File.Exists(path))) throw new ArgumentException("No such file.", nameof(path));
                    foreach (var line in await File.ReadAllLinesAsync(path)) yield return line;
                }
            }
            """);

        [Fact]
        public Task NoFix_InStructInstanceMemberThatUsesThis() => VerifyNoFix("""
            using System;
            using System.Collections.Generic;

            struct Window
            {
                private readonly int[] _values;

                public Window(int[] values) => _values = values;

                public IEnumerable<int> Slice(int start)
                {
                    if (start < 0) {|YA3001:throw new ArgumentOutOfRangeException(nameof(start))|};
                    for (var i = start; i < _values.Length; i++) yield return _values[i];
                }
            }
            """);

        [Fact]
        public Task NoFix_ForChecksThatCannotMoveUnchanged() => VerifyNoFix("""
            using System;
            using System.Collections.Generic;

            class Paging
            {
                public IEnumerable<T> Page<T>(IReadOnlyList<T> items, int size, bool all)
                {
                    if (size == 0) yield break;
                    if (items is null) {|YA3001:throw new ArgumentNullException(nameof(items))|};
                    foreach (var item in items) yield return item;
                }

                public IEnumerable<T> Some<T>(IReadOnlyList<T> items, bool all)
                {
                    if (all)
                    {
                        if (items is null) {|YA3001:throw new ArgumentNullException(nameof(items))|};
                        foreach (var item in items) yield return item;
                    }
                }
            }
            """);

        [Fact]
        public Task NoFix_WhenTheCheckCallsALocalFunctionOfTheIterator() => VerifyNoFix("""
            using System;
            using System.Collections.Generic;

            class Codes
            {
                public IEnumerable<string> Normalise(string[] codes)
                {
                    if (!Valid(codes)) {|YA3001:throw new ArgumentException("Bad codes.", nameof(codes))|};
                    foreach (var code in codes) yield return code.ToUpperInvariant();

                    bool Valid(string[] values) => values.Length > 0;
                }
            }
            """);

        [Fact]
        public Task NoFix_WhenAnIfRegionIsOpenedByTheChecksAndClosedLater() => VerifyNoFix("""
            using System;
            using System.Collections.Generic;

            class Traced
            {
                public IEnumerable<int> Items(int[] values)
                {
            #if !NETSTANDARD2_0
                    {|YA3001:ArgumentNullException.ThrowIfNull(values)|};
                    Console.WriteLine("items");
            #endif
                    foreach (var value in values) yield return value;
                }
            }
            """);

        [Fact]
        public async Task NoFix_BeforeCSharp8()
        {
            var source = """
                using System;
                using System.Collections.Generic;

                class Items
                {
                    public IEnumerable<int> All(int[] values)
                    {
                        if (values == null) {|YA3001:throw new ArgumentNullException(nameof(values))|};
                        foreach (var value in values) yield return value;
                    }
                }
                """;
            var test = new VerifyFix.Test { TestCode = source, FixedCode = source };
            test.SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.CSharp7_3)));
            await test.RunAsync();
        }

        [Fact]
        public async Task NoFix_AsyncIteratorWithTokenBeforeCSharp9()
        {
            var source = """
                using System;
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                class Items
                {
                    public async IAsyncEnumerable<int> AllAsync(int[] values, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        if (values == null) {|YA3001:throw new ArgumentNullException(nameof(values))|};
                        foreach (var value in values)
                        {
                            await Task.Delay(1, cancellationToken);
                            yield return value;
                        }
                    }
                }
                """;
            var test = new VerifyFix.Test { TestCode = source, FixedCode = source };
            test.SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.CSharp8)));
            await test.RunAsync();
        }

        private static Task VerifyNoFix(string source) => VerifyFix.VerifyCodeFixAsync(source, source);

        #endregion

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
