using System.Threading.Tasks;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1005BlockingWaitInAsyncIteratorTests
    {
        #region Analyzer: iterators at the edges of the per-type gate (a type, then a member, must hold an iterator)

        [Fact]
        public Task Reports_InAsyncLocalFunctionIteratorOfANestedTypesOrdinaryMethod() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            class Feeds
            {
                public static IAsyncEnumerable<string> All(IEnumerable<string> urls) => new Reader().Pages(urls);

                private sealed class Reader
                {
                    private readonly HttpClient _http = new HttpClient();

                    public IAsyncEnumerable<string> Pages(IEnumerable<string> urls)
                    {
                        return Read();

                        async IAsyncEnumerable<string> Read()
                        {
                            foreach (var url in urls)
                            {
                                await Task.Yield();
                                yield return {|YA1005:_http.GetStringAsync(url).Result|};
                            }
                        }
                    }
                }
            }
            """);

        #endregion
    }
}
