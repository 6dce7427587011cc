using System.Threading.Tasks;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1002SyncCallWithAsyncCounterpartInIteratorTests
    {
        #region Analyzer: iterators at the edges of the per-type gate (a type, then a member, must hold an iterator)

        [Fact]
        public Task Reports_InIteratorOfANestedType_WhoseOuterTypeHasNone() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Shipping
            {
                public async Task Ship(string path)
                {
                    foreach (var line in new Log().Lines(path))
                    {
                        await Task.Delay(1);
                    }
                }

                private sealed class Log
                {
                    public IEnumerable<string> Lines(string path)
                    {
                        using var reader = new StreamReader(path);
                        string? line;
                        while ((line = {|#0:reader.ReadLine()|}) is not null)
                        {
                            yield return line;
                        }
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1002").WithLocation(0).WithArguments("StreamReader.ReadLine", "ReadLineAsync", "Lines"));

        #endregion
    }
}
