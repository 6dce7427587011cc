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
    }
}
