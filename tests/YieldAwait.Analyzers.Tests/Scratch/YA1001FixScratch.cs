using System.Threading.Tasks;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA1001FixScratch
    {
        [Fact]
        public Task Fix_ConvertsIteratorAndCaller() => Verify.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class LogReader
            {
                private readonly HttpClient _client = new HttpClient();

                /// <summary>Reads pages.</summary>
                public IEnumerable<string> ReadPages(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        var page = {|YA1001:_client.GetStringAsync("https://example.com/" + i).Result|};
                        {|YA1001:Thread.Sleep(100)|};
                        yield return page.Trim();
                    }
                }

                public async Task RunAsync(CancellationToken token)
                {
                    foreach (var page in ReadPages(3))
                    {
                        Console.WriteLine(page);
                    }
                    await Task.Yield();
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class LogReader
            {
                private readonly HttpClient _client = new HttpClient();

                /// <summary>Reads pages.</summary>
                public async IAsyncEnumerable<string> ReadPages(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    for (var i = 0; i < count; i++)
                    {
                        var page = await _client.GetStringAsync("https://example.com/" + i, cancellationToken);
                        await Task.Delay(100, cancellationToken);
                        yield return page.Trim();
                    }
                }

                public async Task RunAsync(CancellationToken token)
                {
                    await foreach (var page in ReadPages(3, cancellationToken: token))
                    {
                        Console.WriteLine(page);
                    }
                    await Task.Yield();
                }
            }
            """);
    }
}
