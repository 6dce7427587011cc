using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3005GeneratorEnumeratedMoreThanOnceAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3005GeneratorEnumeratedMoreThanOnceAnalyzer, YieldAwait.CodeFixes.Rules.YA3005GeneratorEnumeratedMoreThanOnceCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA3005GeneratorEnumeratedMoreThanOnceTests
    {
        private const string Generators = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            static class Logs
            {
                public static IEnumerable<string> ReadLines(string path)
                {
                    using var reader = new StreamReader(path);
                    string line;
                    while ((line = reader.ReadLine()) != null)
                    {
                        yield return line;
                    }
                }

                public static IEnumerable<int> Numbers(int count)
                {
                    for (var i = 0; i < count; i++) yield return i;
                }

                public static IEnumerable<int> Materialised(int count) => Enumerable.Range(0, count).ToList();
            }

            """;

        #region Analyzer: reports generators enumerated twice on one path

        [Fact]
        public Task Reports_TwoForeachLoops() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string path)
                {
                    var {|#1:lines = Logs.ReadLines(path)|};
                    foreach (var line in lines) Console.WriteLine(line);
                    foreach (var line in {|#0:lines|}) Console.Error.WriteLine(line);
                }
            }
            """,
            Verify.Diagnostic("YA3005").WithLocation(0).WithLocation(1).WithArguments("lines", "ReadLines"));

        [Fact]
        public Task Reports_CountThenForeach() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string path)
                {
                    var lines = Logs.ReadLines(path);
                    Console.WriteLine($"{lines.Count()} lines");
                    foreach (var line in {|YA3005:lines|}) Console.WriteLine(line);
                }
            }
            """);

        [Fact]
        public Task Reports_AnyThenToList() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public List<string> Load(string path)
                {
                    var lines = Logs.ReadLines(path);
                    if (!lines.Any()) return new List<string>();
                    return {|YA3005:lines.ToList()|};
                }
            }
            """);

        [Fact]
        public Task Reports_ToListTwice() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public (List<int>, int[]) Load()
                {
                    var numbers = Logs.Numbers(10);
                    return (numbers.ToList(), {|YA3005:numbers.ToArray()|});
                }
            }
            """);

        [Fact]
        public Task Reports_DeferredChainOverAGenerator() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string path)
                {
                    var {|#1:errors = Logs.ReadLines(path).Where(l => l.Contains("ERROR")).Select(l => l.Trim())|};
                    Console.WriteLine(errors.Count());
                    foreach (var error in {|#0:errors|}) Console.WriteLine(error);
                }
            }
            """,
            Verify.Diagnostic("YA3005").WithLocation(0).WithLocation(1).WithArguments("errors", "ReadLines"));

        [Theory]
        [InlineData("Logs.ReadLines(path).CountBy(l => l.Length)")]
        [InlineData("Logs.ReadLines(path).AggregateBy(l => l.Length, 0, (n, _) => n + 1)")]
        [InlineData("Logs.ReadLines(path).LeftJoin(new[] { 1 }, l => l.Length, n => n, (l, n) => l)")]
        [InlineData("Logs.ReadLines(path).RightJoin(new[] { 1 }, l => l.Length, n => n, (l, n) => n)")]
        [InlineData("Logs.ReadLines(path).Shuffle()")]
        public Task Reports_DeferredOperatorsOfNet9And10_EnumeratedTwice(string chain) => new Verify.Test
        {
            ReferenceAssemblies = TestReferences.Net10,
            TestCode = Generators + $$"""
                class Report
                {
                    public void Print(string path)
                    {
                        var {|#1:grouped = {{chain}}|};
                        Console.WriteLine(grouped.Count());
                        foreach (var g in {|#0:grouped|}) Console.WriteLine(g);
                    }
                }
                """,
            ExpectedDiagnostics = { Verify.Diagnostic("YA3005").WithLocation(0).WithLocation(1).WithArguments("grouped", "ReadLines") },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task NoDiagnostic_CountByResultEnumeratedOnce() => new Verify.Test
        {
            ReferenceAssemblies = TestReferences.Net10,
            TestCode = Generators + """
                class Report
                {
                    public void Print(string path)
                    {
                        var grouped = Logs.ReadLines(path).CountBy(l => l.Length);
                        foreach (var g in grouped) Console.WriteLine(g);
                    }
                }
                """,
        }.RunAsync(CancellationToken.None);

        private const string Streams = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            static class Feed
            {
                public static async IAsyncEnumerable<string> Poll(string url, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await Task.Delay(10, cancellationToken);
                    yield return url;
                }

                public static IAsyncEnumerable<string> Cached(string url) => AsyncEnumerable.Empty<string>();
            }

            """;

        [Theory]
        [InlineData("await foreach (var item in {|#0:items|}) Console.WriteLine(item);")]
        [InlineData("await foreach (var item in {|#0:items.WithCancellation(token)|}) Console.WriteLine(item);")]
        [InlineData("await foreach (var item in {|#0:items.ConfigureAwait(false)|}) Console.WriteLine(item);")]
        [InlineData("Console.WriteLine(await {|#0:items.CountAsync(token)|});")]
        [InlineData("Console.WriteLine((await {|#0:items.Where(i => i.Length > 0).ToListAsync(token)|}).Count);")]
        public Task Reports_AsyncIteratorEnumeratedTwice(string second) => new VerifyFix.Test
        {
            ReferenceAssemblies = TestReferences.Net10,
            TestCode = Streams + $$"""
                class Monitor
                {
                    public async Task Watch(string url, CancellationToken token)
                    {
                        var {|#1:items = Feed.Poll(url)|};
                        await foreach (var item in items.WithCancellation(token)) Console.WriteLine(item);
                        {{second}}
                    }
                }
                """,
            ExpectedDiagnostics = { VerifyFix.Diagnostic("YA3005").WithLocation(0).WithLocation(1).WithArguments("items", "Poll") },
            // No fix: the copy would be a list, which await foreach cannot enumerate.
            FixedCode = Streams + $$"""
                class Monitor
                {
                    public async Task Watch(string url, CancellationToken token)
                    {
                        var {|#1:items = Feed.Poll(url)|};
                        await foreach (var item in items.WithCancellation(token)) Console.WriteLine(item);
                        {{second}}
                    }
                }
                """,
        }.RunAsync(CancellationToken.None);

        [Theory]
        [InlineData("var items = Feed.Poll(url);", "await foreach (var item in items) Console.WriteLine(item);")]
        [InlineData("var items = Feed.Cached(url);", "await foreach (var item in items) Console.WriteLine(item); await foreach (var item in items) Console.WriteLine(item);")]
        [InlineData("var items = Feed.Poll(url);", "if (url.Length > 3) { await foreach (var item in items) Console.WriteLine(item); } else { Console.WriteLine(await items.CountAsync()); }")]
        [InlineData("var items = Feed.Poll(url);", "var copy = await items.ToListAsync(); foreach (var item in copy) Console.WriteLine(item); foreach (var item in copy) Console.WriteLine(item);")]
        [InlineData("var items = Feed.Poll(url).WithCancellation(token);", "await foreach (var item in items) Console.WriteLine(item);")]
        public Task NoDiagnostic_AsyncStreamEnumeratedOnce_OrNotAnIterator(string binding, string uses) => new Verify.Test
        {
            ReferenceAssemblies = TestReferences.Net10,
            TestCode = Streams + $$"""
                class Monitor
                {
                    public async Task Watch(string url, CancellationToken token)
                    {
                        {{binding}}
                        {{uses}}
                    }
                }
                """,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task Reports_ConfiguredStreamLocalEnumeratedTwice() => new Verify.Test
        {
            ReferenceAssemblies = TestReferences.Net10,
            TestCode = Streams + """
                class Monitor
                {
                    public async Task Watch(string url, CancellationToken token)
                    {
                        var {|#1:items = Feed.Poll(url).WithCancellation(token)|};
                        await foreach (var item in items) Console.WriteLine(item);
                        await foreach (var item in {|#0:items|}) Console.WriteLine(item);
                    }
                }
                """,
            ExpectedDiagnostics = { Verify.Diagnostic("YA3005").WithLocation(0).WithLocation(1).WithArguments("items", "Poll") },
        }.RunAsync(CancellationToken.None);

        [Theory]
        [InlineData("(Logs.ReadLines(path))")]
        [InlineData("Logs.ReadLines(path)!")]
        [InlineData("((Logs.ReadLines(path)))!")]
        public Task Reports_ParenthesizedOrSuppressedCall(string call) => Verify.VerifyAnalyzerAsync(Generators + $$"""
            #nullable enable
            class Report
            {
                public void Print(string path)
                {
                    var {|#1:lines = {{call}}|};
                    foreach (var line in lines) Console.WriteLine(line);
                    foreach (var line in {|#0:lines|}) Console.Error.WriteLine(line);
                }
            }
            """,
            Verify.Diagnostic("YA3005").WithLocation(0).WithLocation(1).WithArguments("lines", "ReadLines"));

        [Fact]
        public Task Reports_EnumerationThroughADeferredOperatorOnTheLocal() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string path)
                {
                    var lines = Logs.ReadLines(path);
                    var first = lines.First();
                    var rest = {|YA3005:lines.Skip(1).ToList()|};
                    Console.WriteLine(first + rest.Count);
                }
            }
            """);

        [Fact]
        public Task Reports_SingleEnumerationInsideALoop() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public int Matches(int[] wanted)
                {
                    var numbers = Logs.Numbers(1000);
                    var found = 0;
                    foreach (var w in wanted)
                    {
                        if ({|YA3005:numbers.Contains(w)|}) found++;
                    }

                    return found;
                }
            }
            """);

        [Fact]
        public Task Reports_WhileConditionEnumeratingEachTime() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Drain(string path)
                {
                    var lines = Logs.ReadLines(path);
                    var budget = 3;
                    while ({|YA3005:lines.Any()|} && budget-- > 0)
                    {
                        Console.WriteLine("busy");
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_EnumerationInsideALambdaGivenToLinq() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public List<int> Common(List<int> others)
                {
                    var numbers = Logs.Numbers(1000);
                    return others.Where(o => {|YA3005:numbers.Contains(o)|}).ToList();
                }
            }
            """);

        [Fact]
        public Task Reports_ExplicitlyTypedLocalAndCollectionConstructor() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public HashSet<int> Load()
                {
                    IEnumerable<int> numbers = Logs.Numbers(10);
                    var copy = new List<int>(numbers);
                    return {|YA3005:new HashSet<int>(numbers)|};
                }
            }
            """);

        [Fact]
        public Task Reports_LocalFunctionIterator() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Report
            {
                public void Print(int count)
                {
                    var squares = Squares();
                    Console.WriteLine(squares.Sum());
                    Console.WriteLine({|YA3005:squares.Max()|});

                    IEnumerable<int> Squares()
                    {
                        for (var i = 0; i < count; i++) yield return i * i;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_GenericIteratorInAnotherFile() => new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System.Collections.Generic;

                    static partial class Sequences
                    {
                        public static IEnumerable<T> Cycle<T>(IReadOnlyList<T> items, int rounds)
                        {
                            for (var r = 0; r < rounds; r++)
                                foreach (var item in items) yield return item;
                        }
                    }
                    """,
                    """
                    using System;
                    using System.Linq;

                    class Report
                    {
                        public void Print()
                        {
                            var colours = Sequences.Cycle(new[] { "red", "green" }, 3);
                            Console.WriteLine(colours.Count());
                            Console.WriteLine({|YA3005:colours.Last()|});
                        }
                    }
                    """,
                },
            },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task Reports_InsideAnIteratorConsumer() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public IEnumerable<string> Numbered(string path)
                {
                    var lines = Logs.ReadLines(path);
                    var total = lines.Count();
                    var n = 0;
                    foreach (var line in {|YA3005:lines|})
                    {
                        yield return $"{++n}/{total} {line}";
                    }
                }
            }
            """);

        #endregion

        #region Analyzer: look-alikes that must stay silent

        [Fact]
        public Task NoDiagnostic_WhenEnumeratedOnce() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string path)
                {
                    var lines = Logs.ReadLines(path);
                    foreach (var line in lines) Console.WriteLine(line);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenEnumeratedInIfAndElse() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public int Size(string path, bool exact)
                {
                    var lines = Logs.ReadLines(path);
                    if (exact)
                    {
                        return lines.Count();
                    }
                    else
                    {
                        return lines.Any() ? 1 : 0;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenEnumeratedInDifferentSwitchSections() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public object Summarise(string path, int mode)
                {
                    var lines = Logs.ReadLines(path);
                    switch (mode)
                    {
                        case 0:
                            return lines.Count();
                        case 1:
                            return lines.First();
                        default:
                            return lines.ToList();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenEnumeratedInBranchesOfAConditionalOrSwitchExpression() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public object Summarise(string path, int mode)
                {
                    var lines = Logs.ReadLines(path);
                    var numbers = Logs.Numbers(5);
                    object a = mode > 0 ? lines.Count() : lines.FirstOrDefault();
                    object b = mode switch { 0 => numbers.Sum(), 1 => numbers.Max(), _ => 0 };
                    return (a, b);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheFirstEnumerationIsInABranchThatReturns() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public int Size(string path, bool quick)
                {
                    var lines = Logs.ReadLines(path);
                    if (quick)
                    {
                        return lines.Any() ? 1 : 0;
                    }

                    if (path.Length == 0) throw new ArgumentException("empty", nameof(path));
                    return lines.Count();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenMaterialisedAtTheBinding() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string path)
                {
                    var lines = Logs.ReadLines(path).ToList();
                    Console.WriteLine(lines.Count);
                    foreach (var line in lines) Console.WriteLine(line);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheMethodIsNotAnIterator() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print()
                {
                    var numbers = Logs.Materialised(10);
                    Console.WriteLine(numbers.Count());
                    foreach (var n in numbers) Console.WriteLine(n);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ForParametersOfUnknownOrigin() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(IEnumerable<string> lines)
                {
                    Console.WriteLine(lines.Count());
                    foreach (var line in lines) Console.WriteLine(line);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ForLibraryMethodsThatAreNotInTheCompilation() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string path)
                {
                    var lines = File.ReadLines(path);
                    var numbers = Enumerable.Range(0, 10);
                    Console.WriteLine(lines.Count() + numbers.Count());
                    foreach (var line in lines) Console.WriteLine(line);
                    foreach (var n in numbers) Console.WriteLine(n);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheLocalIsReassigned() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string path)
                {
                    var lines = Logs.ReadLines(path);
                    Console.WriteLine(lines.Count());
                    lines = lines.ToArray();
                    foreach (var line in lines) Console.WriteLine(line);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheGeneratorIsCreatedInsideTheLoop() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string[] paths)
                {
                    foreach (var path in paths)
                    {
                        var lines = Logs.ReadLines(path);
                        foreach (var line in lines) Console.WriteLine(line);
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenPassedToOtherMethods() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string path)
                {
                    var lines = Logs.ReadLines(path);
                    Write(lines);
                    foreach (var line in lines) Console.WriteLine(line);
                }

                private static void Write(IEnumerable<string> lines) { }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenSecondUseIsInALambdaThatMayNotRun() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public System.Threading.Tasks.Task<int> Print(string path)
                {
                    var lines = Logs.ReadLines(path);
                    foreach (var line in lines) Console.WriteLine(line);
                    return System.Threading.Tasks.Task.Run(() => lines.Count());
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ForNonEnumeratingUses() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string path)
                {
                    var lines = Logs.ReadLines(path);
                    var known = lines.TryGetNonEnumeratedCount(out var count);
                    var deferred = lines.Where(l => l.Length > 0);
                    Console.WriteLine(lines.GetType().Name + known + count + deferred);
                    foreach (var line in lines) Console.WriteLine(line);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ForArraysAndLists() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string path)
                {
                    var lines = File.ReadAllLines(path);
                    var numbers = new List<int> { 1, 2 };
                    Console.WriteLine(lines.Count() + numbers.Count());
                    foreach (var line in lines) Console.WriteLine(line);
                    foreach (var n in numbers) Console.WriteLine(n);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ForEnumeratorReturningIterators() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Report
            {
                private static IEnumerator<int> Counter()
                {
                    yield return 1;
                }

                public int Read()
                {
                    var counter = Counter();
                    counter.MoveNext();
                    counter.MoveNext();
                    return counter.Current;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InHalfTypedCode() => new Verify.Test
        {
            TestCode = Generators + """
                class Report
                {
                    public void Print(string path)
                    {
                        var lines = Logs.ReadLines(
                        foreach (var line in lines
                        lines.Count(
                        var other = Logs.Missing(path);
                        other.Count();
                        other.Count();
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync(CancellationToken.None);

        #endregion

        #region Code fix

        [Fact]
        public Task Fix_MaterialisesAtTheBinding() => VerifyFix.VerifyCodeFixAsync(Generators + """
            /// <summary>Prints a log.</summary>
            class Report
            {
                /// <summary>Counts, then prints.</summary>
                [Obsolete("Use PrintAsync")]
                public void Print(string path)
                {
                    // Read once: the file may change.
                    var lines = Logs.ReadLines(path); // the log
                    Console.WriteLine($"{lines.Count()} lines");
                    foreach (var line in {|YA3005:lines|}) Console.WriteLine(line);
                }
            }
            """, Generators + """
            /// <summary>Prints a log.</summary>
            class Report
            {
                /// <summary>Counts, then prints.</summary>
                [Obsolete("Use PrintAsync")]
                public void Print(string path)
                {
                    // Read once: the file may change.
                    var lines = Logs.ReadLines(path).ToList(); // the log
                    Console.WriteLine($"{lines.Count()} lines");
                    foreach (var line in lines) Console.WriteLine(line);
                }
            }
            """);

        [Fact]
        public Task Fix_AddsSystemLinqAndKeepsAnExplicitType() => VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;

            class Report
            {
                private static IEnumerable<int> Numbers()
                {
                    yield return 1;
                    yield return 2;
                }

                public void Print()
                {
                    IEnumerable<int> numbers = Numbers();
                    foreach (var n in numbers) Console.WriteLine(n);
                    foreach (var n in {|YA3005:numbers|}) Console.WriteLine(-n);
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Report
            {
                private static IEnumerable<int> Numbers()
                {
                    yield return 1;
                    yield return 2;
                }

                public void Print()
                {
                    IEnumerable<int> numbers = Numbers().ToList();
                    foreach (var n in numbers) Console.WriteLine(n);
                    foreach (var n in numbers) Console.WriteLine(-n);
                }
            }
            """);

        [Fact]
        public Task Fix_SpellsOutTheTypeWhenVarWouldRebindAListMember() => VerifyFix.VerifyCodeFixAsync(Generators + """
            class Report
            {
                public void Print()
                {
                    var numbers = Logs.Numbers(3);
                    Console.WriteLine(numbers.Count());
                    foreach (var n in {|YA3005:numbers.Reverse()|}) Console.WriteLine(n);
                }
            }
            """, Generators + """
            class Report
            {
                public void Print()
                {
                    IEnumerable<int> numbers = Logs.Numbers(3).ToList();
                    Console.WriteLine(numbers.Count());
                    foreach (var n in numbers.Reverse()) Console.WriteLine(n);
                }
            }
            """);

        [Fact]
        public Task Fix_All_MaterialisesEveryReportedLocal() => VerifyFix.VerifyCodeFixAsync(Generators + """
            class Report
            {
                public void Print(string path)
                {
                    var lines = Logs.ReadLines(path);
                    var numbers = Logs.Numbers(5).Where(n => n % 2 == 0);
                    Console.WriteLine(lines.Count() + numbers.Sum());
                    foreach (var line in {|YA3005:lines|}) Console.WriteLine(line);
                    foreach (var n in {|YA3005:numbers|}) Console.WriteLine(n);
                }
            }
            """, Generators + """
            class Report
            {
                public void Print(string path)
                {
                    var lines = Logs.ReadLines(path).ToList();
                    var numbers = Logs.Numbers(5).Where(n => n % 2 == 0).ToList();
                    Console.WriteLine(lines.Count() + numbers.Sum());
                    foreach (var line in lines) Console.WriteLine(line);
                    foreach (var n in numbers) Console.WriteLine(n);
                }
            }
            """);

        #endregion

        #region Review of real-code look-alikes

        [Fact]
        public Task Reports_AnyThenForeachOverACheapGenerator() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print()
                {
                    var numbers = Logs.Numbers(10);
                    if (!numbers.Any()) return;
                    foreach (var n in {|YA3005:numbers|}) Console.WriteLine(n);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_EnumeratedOnceInEachOfTwoExclusiveBranchesWithElseIf() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public int Summarise(string path, bool verbose, bool count)
                {
                    var lines = Logs.ReadLines(path);
                    if (verbose)
                    {
                        foreach (var line in lines) Console.WriteLine(line);
                        return 0;
                    }
                    else if (count)
                    {
                        return lines.Count();
                    }

                    return lines.Where(l => l.Length > 0).Select(l => l.Length).FirstOrDefault();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_EnumeratedOnceThenReturnedOrPassedOn() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public List<int> Collect(int count)
                {
                    var numbers = Logs.Numbers(count);
                    var list = numbers.ToList();
                    foreach (var n in list) Console.WriteLine(n);
                    return list;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheFirstEnumerationIsInABranchThatContinues() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string[] paths, bool countOnly)
                {
                    foreach (var path in paths)
                    {
                        var lines = Logs.ReadLines(path);
                        if (countOnly)
                        {
                            Console.WriteLine(lines.Count());
                            continue;
                        }

                        foreach (var line in lines) Console.WriteLine(line);
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheFirstEnumerationIsInATryWhoseCatchAndBodyBothLeave() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public int Count(string path, bool strict)
                {
                    var lines = Logs.ReadLines(path);
                    switch (strict)
                    {
                        case true when path.Length > 0:
                            return lines.Count(l => l.Length > 0);
                        default:
                            return lines.Count();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_LinqOverTheGeneratorBoundOnceThenOnlyTheListIsUsed() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public string Describe(int count)
                {
                    var numbers = Logs.Numbers(count);
                    var evens = numbers.Where(n => n % 2 == 0).ToList();
                    return evens.Count == 0 ? "none" : string.Join(",", evens) + $" ({evens.Count})";
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheOtherUseIsInADebugAssert() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(int count)
                {
                    var numbers = Logs.Numbers(count);
                    System.Diagnostics.Debug.Assert(numbers.All(n => n >= 0));
                    foreach (var n in numbers) Console.WriteLine(n);
                }
            }
            """);

        #endregion
    }
}
