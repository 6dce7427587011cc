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

        private static Task VerifyNoCrashDespiteCompilerErrorsAsync(string source) =>
            HalfTypedCode.AssertNoCrashAsync<YieldAwait.Analyzers.Rules.YA3001ArgumentCheckInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA3001ArgumentCheckInIteratorCodeFix>(source);

        #endregion
    }
}
