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
