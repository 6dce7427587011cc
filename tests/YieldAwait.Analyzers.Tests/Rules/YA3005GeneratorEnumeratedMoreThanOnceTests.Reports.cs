using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3005GeneratorEnumeratedMoreThanOnceAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3005GeneratorEnumeratedMoreThanOnceAnalyzer, YieldAwait.CodeFixes.Rules.YA3005GeneratorEnumeratedMoreThanOnceCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3005GeneratorEnumeratedMoreThanOnceTests
    {
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
    }
}
