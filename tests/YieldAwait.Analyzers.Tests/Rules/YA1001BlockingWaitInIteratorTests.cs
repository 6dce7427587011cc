using System.Threading.Tasks;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA1001BlockingWaitInIteratorTests
    {
        [Fact]
        public Task Reports_ResultInsideIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InLambdaInsideIterator() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<Func<int>> M(Task<int> t)
                {
                    yield return () => t.Result;
                }
            }
            """);
    }
}
