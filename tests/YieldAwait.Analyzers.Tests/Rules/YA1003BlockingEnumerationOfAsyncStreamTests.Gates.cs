using System.Threading.Tasks;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1003BlockingEnumerationOfAsyncStreamAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1003BlockingEnumerationOfAsyncStreamTests
    {
        #region Analyzer: '.Result' met from the call it reads

        [Theory]
        [InlineData("while ({|#0:e.MoveNextAsync().Result|}) total += e.Current;", "MoveNextAsync().Result")]
        [InlineData("if (!{|#0:e.MoveNextAsync().AsTask().Result|}) return 0;", "MoveNextAsync().Result")]
        [InlineData("total += {|#0:stream.ToListAsync().Result|}.Count;", "ToListAsync().Result")]
        [InlineData("total += stream?{|#0:.ToListAsync().Result|}?.Count ?? 0;", "ToListAsync().Result")]
        [InlineData("Console.WriteLine({|#0:stream.CountAsync().AsTask().Result|});", "CountAsync().Result")]
        [InlineData("foreach (var x in {|#0:stream.ToArrayAsync().Result|}) total += x;", "ToArrayAsync().Result")]
        public Task Reports_ResultReadWhereverTheCallStands(string statement, string display) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            public class Pump
            {
                public int Drain(IAsyncEnumerable<int> stream)
                {
                    var total = 0;
                    var e = stream.GetAsyncEnumerator();
                    {{statement}}
                    return total;
                }
            }
            """ + LinqAsync,
            Verify.Diagnostic("YA1003").WithLocation(0).WithArguments(display));

        [Fact]
        public Task Reports_ResultReadInFieldInitializerAndExpressionBodiedProperty() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            public class Catalog
            {
                private static readonly List<string> Names = {|#0:Backend.ListAsync().ToListAsync().Result|};

                public int Count => {|#1:Backend.ListAsync().CountAsync().Result|};
            }

            static class Backend
            {
                public static async IAsyncEnumerable<string> ListAsync()
                {
                    await Task.Delay(1);
                    yield return "a";
                }
            }
            """ + LinqAsync,
            Verify.Diagnostic("YA1003").WithLocation(0).WithArguments("ToListAsync().Result"),
            Verify.Diagnostic("YA1003").WithLocation(1).WithArguments("CountAsync().Result"));

        [Fact]
        public Task NoDiagnostic_ResultOfAnotherTypeReadFromAStreamOperator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            public sealed class Outcome
            {
                public bool Result { get; set; }
            }

            public static class StreamChecks
            {
                public static Outcome Inspect<T>(this IAsyncEnumerable<T> stream) => new Outcome { Result = stream != null };
            }

            public class Consumer
            {
                public bool Check(IAsyncEnumerable<int> stream) => stream.Inspect().Result;
            }
            """);

        #endregion
    }
}
