using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer, YieldAwait.CodeFixes.Rules.YA3003DeferredExecutionEscapesTryCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3003DeferredExecutionEscapesTryTests
    {
        #region Code fix

        [Fact]
        public Task Fix_MaterialisesTheReturnedQueryInsideTheTry() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                /// <summary>Parses the ids, or none when one is malformed.</summary>
                public IEnumerable<int> Parse(IEnumerable<string> lines)
                {
                    try
                    {
                        // One id per line.
                        return {|YA3003:lines.Select(int.Parse)|}; // parse them
                    }
                    catch (FormatException)
                    {
                        return Enumerable.Empty<int>();
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                /// <summary>Parses the ids, or none when one is malformed.</summary>
                public IEnumerable<int> Parse(IEnumerable<string> lines)
                {
                    try
                    {
                        // One id per line.
                        return lines.Select(int.Parse).ToList(); // parse them
                    }
                    catch (FormatException)
                    {
                        return Enumerable.Empty<int>();
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_ParenthesisesAConditionalAndKeepsCovariantReturnTypes() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections;
            using System.Collections.Generic;
            using System.Linq;

            class Rows
            {
                public IEnumerable<object> Cells(string[] cells, bool any)
                {
                    try
                    {
                        return {|YA3003:any ? cells.Select(c => c.Substring(1)) : Enumerable.Empty<string>()|};
                    }
                    catch (ArgumentOutOfRangeException)
                    {
                        return Enumerable.Empty<object>();
                    }
                }

                public IEnumerable Legacy(string[] cells)
                {
                    try
                    {
                        return {|YA3003:cells.Select(int.Parse)|};
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<int>();
                    }
                }
            }
            """, """
            using System;
            using System.Collections;
            using System.Collections.Generic;
            using System.Linq;

            class Rows
            {
                public IEnumerable<object> Cells(string[] cells, bool any)
                {
                    try
                    {
                        return (any ? cells.Select(c => c.Substring(1)) : Enumerable.Empty<string>()).ToList();
                    }
                    catch (ArgumentOutOfRangeException)
                    {
                        return Enumerable.Empty<object>();
                    }
                }

                public IEnumerable Legacy(string[] cells)
                {
                    try
                    {
                        return cells.Select(int.Parse).ToList();
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<int>();
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_ReturnedLocalAndLocalReturnedAfterTheTry() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Prices
            {
                public IEnumerable<decimal> Parse(string[] cells)
                {
                    try
                    {
                        var prices = cells.Select(decimal.Parse);
                        prices = prices.Where(p => p > 0);
                        return {|YA3003:prices|};
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<decimal>();
                    }
                }

                public IEnumerable<DateTime> Dates(IEnumerable<string> values)
                {
                    IEnumerable<DateTime> dates;
                    try
                    {
                        dates = {|YA3003:values.Select(DateTime.Parse)|};
                    }
                    catch (FormatException)
                    {
                        dates = Enumerable.Empty<DateTime>();
                    }

                    return dates;
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Prices
            {
                public IEnumerable<decimal> Parse(string[] cells)
                {
                    try
                    {
                        var prices = cells.Select(decimal.Parse);
                        prices = prices.Where(p => p > 0);
                        return prices.ToList();
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<decimal>();
                    }
                }

                public IEnumerable<DateTime> Dates(IEnumerable<string> values)
                {
                    IEnumerable<DateTime> dates;
                    try
                    {
                        dates = values.Select(DateTime.Parse).ToList();
                    }
                    catch (FormatException)
                    {
                        dates = Enumerable.Empty<DateTime>();
                    }

                    return dates;
                }
            }
            """);

        [Fact]
        public Task Fix_InAsyncMethodReturningTaskOfSequence() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Import
            {
                public async Task<IEnumerable<int>> LoadAsync(string path)
                {
                    try
                    {
                        var lines = await File.ReadAllLinesAsync(path);
                        return {|YA3003:lines.Select(int.Parse)|};
                    }
                    catch (Exception)
                    {
                        return Enumerable.Empty<int>();
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Import
            {
                public async Task<IEnumerable<int>> LoadAsync(string path)
                {
                    try
                    {
                        var lines = await File.ReadAllLinesAsync(path);
                        return lines.Select(int.Parse).ToList();
                    }
                    catch (Exception)
                    {
                        return Enumerable.Empty<int>();
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_AddsUsingSystemLinqWhenMissing() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            class LogSource
            {
                public IEnumerable<string> Open(string path)
                {
                    try
                    {
                        return {|YA3003:ReadLines(path)|};
                    }
                    catch (IOException)
                    {
                        return Array.Empty<string>();
                    }
                }

                private static IEnumerable<string> ReadLines(string path)
                {
                    using var reader = new StreamReader(path);
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            class LogSource
            {
                public IEnumerable<string> Open(string path)
                {
                    try
                    {
                        return ReadLines(path).ToList();
                    }
                    catch (IOException)
                    {
                        return Array.Empty<string>();
                    }
                }

                private static IEnumerable<string> ReadLines(string path)
                {
                    using var reader = new StreamReader(path);
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }
            }
            """);

        [Fact]
        public Task FixAll_MaterialisesEveryReportedSequenceInTheDocument() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Cells
            {
                public IEnumerable<int> Ints(string[] cells)
                {
                    try { return {|YA3003:cells.Select(int.Parse)|}; }
                    catch (FormatException) { return Array.Empty<int>(); }
                }

                public IEnumerable<double> Doubles(string[] cells)
                {
                    try { return {|YA3003:from c in cells select double.Parse(c)|}; }
                    catch (FormatException) { return Array.Empty<double>(); }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Cells
            {
                public IEnumerable<int> Ints(string[] cells)
                {
                    try { return cells.Select(int.Parse).ToList(); }
                    catch (FormatException) { return Array.Empty<int>(); }
                }

                public IEnumerable<double> Doubles(string[] cells)
                {
                    try { return (from c in cells select double.Parse(c)).ToList(); }
                    catch (FormatException) { return Array.Empty<double>(); }
                }
            }
            """);

        [Fact]
        public Task NoFix_ForAsyncStreamsQueryablesAndOrderedReturnTypes() => VerifyNoFix("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Sources
            {
                public IAsyncEnumerable<int> Stream(int count)
                {
                    try
                    {
                        return {|YA3003:Produce(count)|};
                    }
                    catch (Exception)
                    {
                        throw new InvalidOperationException("stream failed");
                    }
                }

                public IQueryable<int> Query(IQueryable<int> orders)
                {
                    try
                    {
                        return {|YA3003:orders.Where(o => o > 100)|};
                    }
                    catch (InvalidOperationException)
                    {
                        return Enumerable.Empty<int>().AsQueryable();
                    }
                }

                public IOrderedEnumerable<int> Sorted(string[] cells)
                {
                    try
                    {
                        return {|YA3003:cells.Select(int.Parse).OrderBy(x => x)|};
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<int>().OrderBy(x => x);
                    }
                }

                private static async IAsyncEnumerable<int> Produce(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        await Task.Yield();
                        yield return i;
                    }
                }
            }
            """);

        private static Task VerifyNoFix(string source) => VerifyFix.VerifyCodeFixAsync(source, source);

        #endregion
    }
}
