using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer, YieldAwait.CodeFixes.Rules.YA3003DeferredExecutionEscapesTryCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA3003DeferredExecutionEscapesTryTests
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

        #region Analyzer: stays silent on look-alikes

        [Fact]
        public Task NoDiagnostic_MaterialisedInsideTheTry() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                public IEnumerable<int> Parse(IEnumerable<string> lines)
                {
                    try
                    {
                        return lines.Select(int.Parse).ToList();
                    }
                    catch (Exception)
                    {
                        return Enumerable.Empty<int>();
                    }
                }

                public IEnumerable<int> ParseLocal(IEnumerable<string> lines)
                {
                    try
                    {
                        var ids = lines.Select(int.Parse).ToArray();
                        return ids;
                    }
                    catch (Exception)
                    {
                        return Enumerable.Empty<int>();
                    }
                }

                public int Sum(IEnumerable<string> lines)
                {
                    try
                    {
                        return lines.Select(int.Parse).Sum();
                    }
                    catch (Exception)
                    {
                        return 0;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_DeferredLocalConsumedInsideTheTry() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                public IEnumerable<int> Parse(string[] lines)
                {
                    try
                    {
                        var ids = lines.Select(int.Parse);
                        foreach (var id in ids) Console.WriteLine(id);
                        return ids;
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<int>();
                    }
                }

                public IEnumerable<int> Checked(string[] lines)
                {
                    try
                    {
                        var ids = lines.Select(int.Parse);
                        Validate(ids);
                        return ids;
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<int>();
                    }
                }

                private static void Validate(IEnumerable<int> ids) { }
            }
            """);

        [Fact]
        public Task NoDiagnostic_TrivialProjectionOverInMemoryData() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            record Person(string Name, bool IsActive);

            class People
            {
                public IEnumerable<string> ActiveNames(List<Person> people)
                {
                    try
                    {
                        return people.Where(p => p.IsActive).Select(p => p.Name).OrderBy(n => n);
                    }
                    catch (Exception)
                    {
                        return Array.Empty<string>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_SpecificCatchGuardingOtherWorkInTheTry() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            class Config
            {
                public IEnumerable<string> Lines(string path)
                {
                    try
                    {
                        var text = File.ReadAllText(path);
                        return text.Split('\n').Select(l => l.Trim());
                    }
                    catch (IOException)
                    {
                        return Array.Empty<string>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ReturnOutsideTheTryBlockOrWithoutCatch() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                public IEnumerable<int> InCatch(string[] lines)
                {
                    try
                    {
                        Console.WriteLine(lines.Length);
                    }
                    catch (Exception)
                    {
                        return lines.Select(int.Parse);
                    }

                    return Array.Empty<int>();
                }

                public IEnumerable<int> InFinallyOnlyTry(string[] lines)
                {
                    try
                    {
                        return lines.Select(int.Parse);
                    }
                    finally
                    {
                        Console.WriteLine("done");
                    }
                }

                public IEnumerable<int> AfterTry(string[] lines)
                {
                    try
                    {
                        Console.WriteLine(lines.Length);
                    }
                    catch (Exception)
                    {
                    }

                    return lines.Select(int.Parse);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ReturnedValueIsNotLazy() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Store
            {
                private readonly List<int> _ids = new();

                public IEnumerable<int> Ids()
                {
                    try
                    {
                        return _ids;
                    }
                    catch (Exception)
                    {
                        return Array.Empty<int>();
                    }
                }

                public IEnumerable<int> Load(string path)
                {
                    try
                    {
                        return LoadAll(path);
                    }
                    catch (Exception)
                    {
                        return Array.Empty<int>();
                    }
                }

                public IEnumerable<int> Summary(string[] cells)
                {
                    try
                    {
                        return Summarise(cells.Select(int.Parse));
                    }
                    catch (Exception)
                    {
                        return Array.Empty<int>();
                    }
                }

                private static IEnumerable<int> LoadAll(string path) => System.IO.File.ReadAllLines(path).Select(int.Parse).ToList();

                private static int[] Summarise(IEnumerable<int> values) => new[] { values.Sum() };
            }
            """);

        [Fact]
        public Task NoDiagnostic_LambdaDefinedInsideTheTry() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Factories
            {
                public Func<IEnumerable<int>> Parser(string[] cells)
                {
                    try
                    {
                        return () => cells.Select(int.Parse);
                    }
                    catch (Exception)
                    {
                        return () => Array.Empty<int>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_DeferredStoredInAFieldOrNotReturned() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Holder
            {
                private IEnumerable<int> _ids = Array.Empty<int>();

                public void Load(string[] cells)
                {
                    try
                    {
                        _ids = cells.Select(int.Parse);
                    }
                    catch (Exception)
                    {
                        _ids = Array.Empty<int>();
                    }
                }

                public int Count(string[] cells)
                {
                    IEnumerable<int> ids;
                    try
                    {
                        ids = cells.Select(int.Parse);
                    }
                    catch (Exception)
                    {
                        ids = Array.Empty<int>();
                    }

                    return ids.Count();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InAnIteratorTheTryCoversExecution() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                public IEnumerable<int> Parse(string[] cells)
                {
                    IEnumerable<int> ids;
                    try
                    {
                        ids = cells.Select(int.Parse);
                    }
                    catch (Exception)
                    {
                        yield break;
                    }

                    foreach (var id in ids) yield return id;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_CatchOfAnUnrelatedTypeAroundOtherWork() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Sockets;

            class Client
            {
                public IEnumerable<string> Hosts(string[] names)
                {
                    try
                    {
                        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        Console.WriteLine(socket.Connected);
                        return names.Select(n => n.ToUpperInvariant());
                    }
                    catch (SocketException)
                    {
                        return Array.Empty<string>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_QueryablePropertyOrInMemoryAsQueryableReturnedAsIs() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Linq;

            class Db
            {
                public IQueryable<int> Orders { get; } = new int[0].AsQueryable();

                public IQueryable<int> All()
                {
                    try
                    {
                        return Orders;
                    }
                    catch (InvalidOperationException)
                    {
                        return Enumerable.Empty<int>().AsQueryable();
                    }
                }

                public IQueryable<int> InMemory(int[] ids)
                {
                    try
                    {
                        return ids.AsQueryable();
                    }
                    catch (InvalidOperationException)
                    {
                        return Enumerable.Empty<int>().AsQueryable();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InGeneratedCode() => Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Generated
            {
                public IEnumerable<int> Parse(string[] lines)
                {
                    try { return lines.Select(int.Parse); }
                    catch (Exception) { return Array.Empty<int>(); }
                }
            }
            """);

        [Theory]
        [InlineData("try { return lines.Select(int.Parse) } catch (Exception) { }")]
        [InlineData("try { return lines.Select( } catch { return null; }")]
        [InlineData("try { return lines.Select(int.Parse); } catch (")]
        [InlineData("try { return lines.Sel; } catch { return null; }")]
        [InlineData("try { IEnumerable<int> q; q = lines.Select(int.Parse); } catch { } return q")]
        [InlineData("try { return from l in lines select int.Parse(l) } catch { }")]
        public Task NoCrash_HalfTypedTry(string statements) => HalfTypedCode.AssertNoCrashAsync<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer, YieldAwait.CodeFixes.Rules.YA3003DeferredExecutionEscapesTryCodeFix>($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Typing
            {
                IEnumerable<int> Parse(string[] lines)
                {
                    {{statements}}
                }
            }
            """);

        #endregion

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

        #region Bare queries and projections that can throw (issues 12 and 16)

        private const string Data = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            sealed class Order
            {
                public int Id { get; set; }
                public string Code { get; set; } = "";
            }

            class Context
            {
                public IQueryable<Order> Orders => Set<Order>();

                public IQueryable<T> Set<T>() => throw new NotSupportedException();
            }

            sealed class StoreException : Exception { }

            record Line(string Text, int Number);

            sealed class Code
            {
                public Code(string value)
                {
                    if (value.Length != 3) throw new ArgumentException("three letters", nameof(value));
                    Value = value;
                }

                public string Value { get; }
            }

            static class Codes
            {
                private static readonly Dictionary<string, int> Known = new();

                public static int Lookup(string code) =>
                    Known.TryGetValue(code, out var id) ? id : throw new KeyNotFoundException(code);

                public static Line ToLine(string text) => new Line(text, int.Parse(text.Substring(0, 2)));

                public static int Length(string text) => text.Length;
            }

            """;

        [Fact]
        public Task Reports_BareQueryReturnedFromTry() => Verify.VerifyAnalyzerAsync(Data + """
            class Orders
            {
                private readonly Context _db = new();

                public IQueryable<Order> All()
                {
                    try
                    {
                        return {|#0:_db.Orders|};
                    }
                    catch (StoreException)
                    {
                        return Enumerable.Empty<Order>().AsQueryable();
                    }
                }

                public IQueryable<Order> Set()
                {
                    try
                    {
                        return {|YA3003:_db.Set<Order>()|};
                    }
                    catch (Exception)
                    {
                        return Enumerable.Empty<Order>().AsQueryable();
                    }
                }

                public IEnumerable<Order> AsSequence()
                {
                    try
                    {
                        return {|YA3003:_db.Orders.AsEnumerable()|};
                    }
                    catch (Exception)
                    {
                        return Array.Empty<Order>();
                    }
                }
            }
            """,
            Verify.Diagnostic("YA3003").WithLocation(0).WithArguments("IQueryable query"));

        [Fact]
        public Task Reports_ProjectionCallingAMethodThatThrowsWhatTheCatchCatches() => Verify.VerifyAnalyzerAsync(Data + """
            class Loader
            {
                public async Task<IEnumerable<int>> IdsAsync(string path)
                {
                    try
                    {
                        var codes = await File.ReadAllLinesAsync(path);
                        return {|YA3003:codes.Select(c => Codes.Lookup(c))|};
                    }
                    catch (KeyNotFoundException)
                    {
                        return Array.Empty<int>();
                    }
                }

                public async Task<IEnumerable<Line>> LinesAsync(string path)
                {
                    try
                    {
                        var lines = await File.ReadAllLinesAsync(path);
                        return {|YA3003:lines.Select(Codes.ToLine)|};
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<Line>();
                    }
                }

                public IEnumerable<Code> Validated(string[] raw)
                {
                    try
                    {
                        Console.WriteLine(raw.Length);
                        return {|YA3003:raw.Select(r => new Code(r))|};
                    }
                    catch (Exception)
                    {
                        return Array.Empty<Code>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_BareQueryAndProjectionLookAlikes() => Verify.VerifyAnalyzerAsync(Data + """
            class Loader
            {
                private readonly Context _db = new();

                public List<Order> Materialised()
                {
                    try
                    {
                        return _db.Orders.ToList();
                    }
                    catch (StoreException)
                    {
                        return new List<Order>();
                    }
                }

                public IQueryable<Order> NoCatch()
                {
                    try
                    {
                        return _db.Orders;
                    }
                    finally
                    {
                        Console.WriteLine("done");
                    }
                }

                public async Task<IEnumerable<Line>> RecordsOnly(string path)
                {
                    try
                    {
                        var lines = await File.ReadAllLinesAsync(path);
                        return lines.Select((l, i) => new Line(l, i)).Select(l => (l.Text, l.Number)).Select(t => new Line(t.Text, t.Number));
                    }
                    catch (Exception)
                    {
                        return Array.Empty<Line>();
                    }
                }

                public async Task<IEnumerable<KeyValuePair<string, int>>> PairsOnly(string path)
                {
                    try
                    {
                        var lines = await File.ReadAllLinesAsync(path);
                        return lines.Select(l => new Tuple<string, int>(l, l.Length)).Select(t => new KeyValuePair<string, int>(t.Item1, t.Item2));
                    }
                    catch (Exception)
                    {
                        return Array.Empty<KeyValuePair<string, int>>();
                    }
                }

                public async Task<IEnumerable<int>> OtherException(string path)
                {
                    try
                    {
                        var codes = await File.ReadAllLinesAsync(path);
                        return codes.Select(c => Codes.Lookup(c));
                    }
                    catch (IOException)
                    {
                        return Array.Empty<int>();
                    }
                }

                public async Task<IEnumerable<int>> MembersOnly(string path)
                {
                    try
                    {
                        var codes = await File.ReadAllLinesAsync(path);
                        return codes.Select(c => c.Length).Where(n => n > 0);
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<int>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InHalfTypedQueries() => new Verify.Test
        {
            TestCode = Data + """
                class Loader
                {
                    private readonly Context _db = new();

                    public IQueryable<Order> All()
                    {
                        try
                        {
                            return _db.Missing;
                        }
                        catch (StoreException)
                        {
                            return _db.Orders.Select(o => Codes.Lookup(
                        }
                    }
                }
                """,
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        }.RunAsync(System.Threading.CancellationToken.None);

        [Fact]
        public Task Fix_MaterialisesAProjectionThatCanThrow() => VerifyFix.VerifyCodeFixAsync(Data + """
            class Loader
            {
                public async Task<IEnumerable<int>> IdsAsync(string path)
                {
                    try
                    {
                        var codes = await File.ReadAllLinesAsync(path);
                        return {|YA3003:codes.Select(c => Codes.Lookup(c))|};
                    }
                    catch (KeyNotFoundException)
                    {
                        return Array.Empty<int>();
                    }
                }
            }
            """, Data + """
            class Loader
            {
                public async Task<IEnumerable<int>> IdsAsync(string path)
                {
                    try
                    {
                        var codes = await File.ReadAllLinesAsync(path);
                        return codes.Select(c => Codes.Lookup(c)).ToList();
                    }
                    catch (KeyNotFoundException)
                    {
                        return Array.Empty<int>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_FileSystemEnumerationUnderACatchForOpeningErrors() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Security;

            class Scanner
            {
                public IEnumerable<string> Entries(string path)
                {
                    try
                    {
                        return Directory.EnumerateFileSystemEntries(path, "*", new EnumerationOptions { RecurseSubdirectories = true });
                    }
                    catch (Exception ex) when (ex is UnauthorizedAccessException or DirectoryNotFoundException or SecurityException)
                    {
                        return Enumerable.Empty<string>();
                    }
                }

                public IEnumerable<string> Lines(string path)
                {
                    try
                    {
                        return File.ReadLines(path);
                    }
                    catch (FileNotFoundException)
                    {
                        return Array.Empty<string>();
                    }
                    catch (DirectoryNotFoundException)
                    {
                        return Array.Empty<string>();
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_FileSystemEnumerationUnderACatchForLaterErrors() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            class Scanner
            {
                public IEnumerable<string> Recursive(string path)
                {
                    try
                    {
                        return {|YA3003:Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)|};
                    }
                    catch (Exception ex) when (ex is UnauthorizedAccessException or DirectoryNotFoundException)
                    {
                        return Enumerable.Empty<string>();
                    }
                }

                public IEnumerable<string> Lines(string path)
                {
                    try
                    {
                        return {|YA3003:File.ReadLines(path)|};
                    }
                    catch (FileNotFoundException)
                    {
                        return Array.Empty<string>();
                    }
                    catch (IOException)
                    {
                        return Array.Empty<string>();
                    }
                }
            }
            """);

        #endregion
    }
}
