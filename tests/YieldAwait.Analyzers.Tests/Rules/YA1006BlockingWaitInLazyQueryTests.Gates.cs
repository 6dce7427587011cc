using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1006BlockingWaitInLazyQueryTests
    {
        #region Analyzer: lambdas at the edges of the gate (a member must spell '=>', 'delegate' or 'from')

        [Fact]
        public Task Reports_InAnonymousMethod_InATypeThatSpellsNoArrow() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Inventory
            {
                private static Task<int> Count(string sku)
                {
                    return Task.FromResult(sku.Length);
                }

                public IEnumerable<int> Counts(IEnumerable<string> skus)
                {
                    return skus.Select(delegate (string sku) { return {|#0:Count(sku).Result|}; });
                }
            }
            """,
            Verify.Diagnostic("YA1006").WithLocation(0).WithArguments(".Result", "Select"));

        [Fact]
        public Task Reports_InQueryExpression_InATypeThatSpellsNoArrow() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Inventory
            {
                private static Task<bool> InStock(string sku)
                {
                    return Task.FromResult(sku.Length > 0);
                }

                public IEnumerable<string> Available(IEnumerable<string> skus)
                {
                    return from sku in skus
                           where {|#0:InStock(sku).Result|}
                           select sku;
                }
            }
            """,
            Verify.Diagnostic("YA1006").WithLocation(0).WithArguments(".Result", "Where"));

        [Fact]
        public Task Reports_InFieldAndPropertyInitializers() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Labels
            {
                private static Task<string> Load(int id)
                {
                    return Task.FromResult("label " + id);
                }

                private static readonly Func<IEnumerable<int>, IEnumerable<string>> Names =
                    ids => ids.Select(id => {|#0:Load(id).Result|});

                public IEnumerable<string> Defaults { get; } = new[] { 1, 2, 3 }.Select(id => {|#1:Load(id).Result|});
            }
            """,
            Verify.Diagnostic("YA1006").WithLocation(0).WithArguments(".Result", "Select"),
            Verify.Diagnostic("YA1006").WithLocation(1).WithArguments(".Result", "Select"));

        [Fact]
        public Task Reports_InTheBaseArgumentsOfAPrimaryConstructor() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Report
            {
                public Report(IEnumerable<string> rows)
                {
                    Rows = rows;
                }

                public IEnumerable<string> Rows { get; }
            }

            class PricedReport(IEnumerable<string> skus) : Report(skus.Select(sku => sku + {|#0:Price(sku).Result|}))
            {
                private static Task<decimal> Price(string sku)
                {
                    return Task.FromResult(1m);
                }
            }
            """,
            Verify.Diagnostic("YA1006").WithLocation(0).WithArguments(".Result", "Select"));

        [Fact]
        public Task Reports_InTopLevelStatements() => new Verify.Test
        {
            TestCode = """
                using System;
                using System.Linq;
                using System.Threading.Tasks;

                var names = new[] { 1, 2, 3 }.Select(id => {|#0:Load(id).Result|});
                foreach (var name in names)
                {
                    Console.WriteLine(name);
                }

                static Task<string> Load(int id)
                {
                    return Task.FromResult("label " + id);
                }
                """,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            ExpectedDiagnostics = { Verify.Diagnostic("YA1006").WithLocation(0).WithArguments(".Result", "Select") },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task NoDiagnostic_BlockingOutsideAnyLambda_InMembersThatSpellTheGateWords() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Inventory
            {
                private static Task<int> Count(string sku)
                {
                    return Task.FromResult(sku.Length);
                }

                private static int CountNow(string sku)
                {
                    return Count(sku).Result;
                }

                // Read from the warehouse, then delegate the rest to the caller.
                public IEnumerable<int> Counts(IEnumerable<string> skus)
                {
                    var first = Count("first").Result;
                    return skus.Select(CountNow).Append(first);
                }
            }
            """);

        #endregion
    }
}
