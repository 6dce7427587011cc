using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer, YieldAwait.CodeFixes.Rules.YA3003DeferredExecutionEscapesTryCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3003DeferredExecutionEscapesTryTests
    {
        #region Analyzer: reports lazy sequences that leave a try/catch meant to guard them

        [Fact]
        public Task Reports_SelectWithParseReturnedFromTryCatchException() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                public IEnumerable<int> Parse(IEnumerable<string> lines)
                {
                    try
                    {
                        return {|YA3003:lines.Select(int.Parse)|};
                    }
                    catch (Exception)
                    {
                        return Enumerable.Empty<int>();
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_MessageNamingWhatIsDeferred() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                public IEnumerable<int> Parse(string[] lines)
                {
                    try
                    {
                        return {|#0:lines.Where(l => l.Length > 0).Select(l => int.Parse(l))|};
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<int>();
                    }
                }
            }
            """,
            Verify.Diagnostic("YA3003").WithLocation(0).WithArguments("deferred LINQ query"));

        [Fact]
        public Task Reports_IteratorCallReturnedFromTryThatAlsoDoesOtherWork() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            class LogSource
            {
                public IEnumerable<string> Open(string path)
                {
                    try
                    {
                        Console.WriteLine("opening " + path);
                        return {|YA3003:ReadLines(path)|};
                    }
                    catch (IOException e)
                    {
                        Console.Error.WriteLine(e.Message);
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
        public Task Reports_LazyFileSystemEnumerations() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            class Scanner
            {
                public IEnumerable<string> Logs(string directory)
                {
                    try
                    {
                        Console.WriteLine("scanning");
                        return {|YA3003:Directory.EnumerateFiles(directory, "*.log", SearchOption.AllDirectories)|};
                    }
                    catch (UnauthorizedAccessException)
                    {
                        return Array.Empty<string>();
                    }
                }

                public IEnumerable<string> Errors(string path)
                {
                    try
                    {
                        Console.WriteLine("reading");
                        return {|YA3003:File.ReadLines(path).Where(l => l.Contains("ERROR"))|};
                    }
                    catch (IOException)
                    {
                        return Array.Empty<string>();
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_QueryableQueryAndAsyncStream() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Orders
            {
                public IQueryable<decimal> Totals(IQueryable<decimal> orders)
                {
                    try
                    {
                        return {|YA3003:orders.Where(o => o > 100)|};
                    }
                    catch (InvalidOperationException)
                    {
                        return Enumerable.Empty<decimal>().AsQueryable();
                    }
                }

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

        [Fact]
        public Task Reports_DeferredLocalReturnedFromTheTry() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Prices
            {
                public IEnumerable<decimal> Parse(string[] cells, bool positiveOnly)
                {
                    try
                    {
                        var prices = cells.Select(decimal.Parse);
                        if (positiveOnly)
                        {
                            prices = prices.Where(p => p > 0);
                        }

                        return {|YA3003:prices|};
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<decimal>();
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_DeferredLocalAssignedInTheTryAndReturnedAfterIt() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Dates
            {
                public IEnumerable<DateTime> Parse(IEnumerable<string> values)
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
            """);

        [Fact]
        public Task Reports_InAsyncMethodLambdaAndLocalFunction() => Verify.VerifyAnalyzerAsync("""
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

                public Func<IEnumerable<int>> Later(string[] lines) => () =>
                {
                    try
                    {
                        return {|YA3003:lines.Select(int.Parse)|};
                    }
                    catch
                    {
                        return Enumerable.Empty<int>();
                    }
                };

                public IEnumerable<int> Local(string[] lines)
                {
                    return Parse();

                    IEnumerable<int> Parse()
                    {
                        try
                        {
                            return {|YA3003:from line in lines select int.Parse(line)|};
                        }
                        catch (Exception e) when (e is FormatException or OverflowException)
                        {
                            return Enumerable.Empty<int>();
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_ConditionalReturnAndCastOperator() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections;
            using System.Collections.Generic;
            using System.Linq;

            class Rows
            {
                public IEnumerable<int> Numbers(string[] cells, bool any)
                {
                    try
                    {
                        return {|YA3003:any ? cells.Select(int.Parse) : Enumerable.Empty<int>()|};
                    }
                    catch (FormatException)
                    {
                        return Enumerable.Empty<int>();
                    }
                }

                public IEnumerable<string> Names(ArrayList legacy)
                {
                    try
                    {
                        Console.WriteLine(legacy.Count);
                        return {|YA3003:legacy.Cast<string>()|};
                    }
                    catch (InvalidCastException)
                    {
                        return Enumerable.Empty<string>();
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_OnlyTheInnermostTryThatGuardsIt() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Nested
            {
                public IEnumerable<int> Parse(string[] cells)
                {
                    try
                    {
                        try
                        {
                            return {|YA3003:cells.Select(int.Parse)|};
                        }
                        catch (FormatException)
                        {
                            return Enumerable.Empty<int>();
                        }
                    }
                    catch (Exception)
                    {
                        return Enumerable.Empty<int>();
                    }
                }
            }
            """);

        #endregion
    }
}
