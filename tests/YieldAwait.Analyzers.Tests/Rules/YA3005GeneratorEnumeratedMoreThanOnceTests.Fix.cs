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
    }
}
