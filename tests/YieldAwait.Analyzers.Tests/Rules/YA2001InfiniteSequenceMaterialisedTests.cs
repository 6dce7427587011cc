using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA2001InfiniteSequenceMaterialisedAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA2001InfiniteSequenceMaterialisedTests
    {
        [Fact]
        public Task Reports_ToListOnInfiniteIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;

            class Numbers
            {
                static IEnumerable<int> Naturals()
                {
                    var n = 0;
                    while (true)
                    {
                        yield return n++;
                    }
                }

                List<int> All() => Naturals().{|#0:ToList()|};
            }
            """,
            Verify.Diagnostic("YA2001").WithLocation(0).WithArguments("ToList", "Naturals"));

        [Fact]
        public Task Reports_InfiniteSequenceOfNet10() => new Verify.Test
        {
            ReferenceAssemblies = TestReferences.Net10,
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;

                class Numbers
                {
                    int[] All() => Enumerable.InfiniteSequence(0, 1).Where(n => n % 2 == 0).{|YA2001:ToArray()|};

                    async Task<int> CountAsync() => await AsyncEnumerable.InfiniteSequence(0, 1).{|YA2001:CountAsync()|};
                }
                """,
        }.RunAsync(CancellationToken.None);
    }
}
