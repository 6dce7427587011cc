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
        #region Code fix: checks that cannot move

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

        [Fact]
        public Task NoFix_WhenTheCheckAwaits() => VerifyNoFix("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Files
            {
                public async IAsyncEnumerable<string> LinesAsync(string path)
                {
                    if (!await Task.Run(() => File.Exists(path))) {|YA3001:throw new ArgumentException("No such file.", nameof(path))|};
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
    }
}
