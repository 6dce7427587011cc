using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3005GeneratorEnumeratedMoreThanOnceAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3005GeneratorEnumeratedMoreThanOnceTests
    {
        #region Analyzer: bindings at the edges of the gate (a member must spell the name of one of the compilation's iterators)

        [Fact]
        public Task Reports_BindingInANestedTypeOfAnotherClass() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                public void Print(string path) => new Printer().Print(path);

                private sealed class Printer
                {
                    public void Print(string path)
                    {
                        var {|#1:lines = Logs.ReadLines(path)|};
                        Console.WriteLine(lines.Count());
                        foreach (var line in {|#0:lines|}) Console.WriteLine(line);
                    }
                }
            }
            """,
            Verify.Diagnostic("YA3005").WithLocation(0).WithLocation(1).WithArguments("lines", "ReadLines"));

        [Fact]
        public Task Reports_BindingThroughUsingStaticAndAnAlias() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Linq;
            using static Sources.Logs;
            using Feed = Sources.Logs;

            namespace Sources
            {
                using System.Collections.Generic;

                static class Logs
                {
                    public static IEnumerable<int> Numbers(int count)
                    {
                        for (var i = 0; i < count; i++) yield return i;
                    }
                }
            }

            class Report
            {
                public void Print()
                {
                    var numbers = Numbers(10);
                    Console.WriteLine(numbers.Sum());
                    Console.WriteLine({|YA3005:numbers.Max()|});

                    var more = Feed.Numbers(5);
                    Console.WriteLine(more.Min());
                    Console.WriteLine({|YA3005:more.Count()|});
                }
            }
            """);

        [Fact]
        public Task Reports_BindingInALambdaOfAFieldInitializer() => Verify.VerifyAnalyzerAsync(Generators + """
            class Report
            {
                private static readonly Action<int> Print = count =>
                {
                    var numbers = Logs.Numbers(count);
                    Console.WriteLine(numbers.Sum());
                    Console.WriteLine({|YA3005:numbers.Average()|});
                };
            }
            """);

        [Fact]
        public Task Reports_BindingInALocalFunctionOfTopLevelStatements() => new Verify.Test
        {
            TestState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System;
                    using System.Linq;

                    Print();

                    // Bound in a local function: a binding directly in top-level code has no enclosing block, which the rule needs.
                    static void Print()
                    {
                        var numbers = Logs.Numbers(10);
                        Console.WriteLine(numbers.Count());
                        foreach (var n in {|YA3005:numbers|}) Console.WriteLine(n);
                    }
                    """,
                    Generators,
                },
            },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task NoDiagnostic_NameOfAnIteratorBorneByAMethodThatIsNone() => Verify.VerifyAnalyzerAsync(Generators + """
            static class Cached
            {
                public static List<int> Numbers(int count) => Enumerable.Range(0, count).ToList();
            }

            class Report
            {
                public void Print()
                {
                    // Logs.Numbers would be a generator; this one is a list.
                    var numbers = Cached.Numbers(10);
                    Console.WriteLine(numbers.Count());
                    foreach (var n in numbers) Console.WriteLine(n);
                }
            }
            """);

        #endregion
    }
}
