using System.Threading.Tasks;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3001ArgumentCheckInIteratorAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3001ArgumentCheckInIteratorTests
    {
        #region Analyzer: iterators at the edges of the per-type gate (a type, then a member, must hold an iterator)

        [Fact]
        public Task Reports_InIteratorOfANestedType_WhoseOuterTypeHasNone() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            public class Report
            {
                public int Count(int[] values) => values.Length;

                public sealed class Filters
                {
                    public IEnumerable<int> Positives(int[] values)
                    {
                        {|#0:ArgumentNullException.ThrowIfNull(values)|};
                        foreach (var value in values)
                        {
                            if (value > 0) yield return value;
                        }
                    }
                }
            }
            """,
            Verify.Diagnostic("YA3001").WithLocation(0).WithArguments("ArgumentNullException.ThrowIfNull", "Positives"));

        #endregion
    }
}
