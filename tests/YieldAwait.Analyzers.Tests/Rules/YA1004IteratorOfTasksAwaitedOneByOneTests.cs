using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1004IteratorOfTasksAwaitedOneByOneAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1004IteratorOfTasksAwaitedOneByOneAnalyzer, YieldAwait.CodeFixes.Rules.YA1004IteratorOfTasksAwaitedOneByOneCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1004IteratorOfTasksAwaitedOneByOneTests
    {
        /// <summary>A producer of page fetches; <c>{{CONSUMER}}</c> is replaced by the body of an async consumer.</summary>
        private static string PageSource(string consumer, string producerName = "{|#0:FetchPages|}") => $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class PageReader
            {
                private readonly HttpClient _http = new();

                IEnumerable<Task<string>> {{producerName}}(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        yield return _http.GetStringAsync("/page/" + i);
                    }
                }

                async Task<int> ConsumeAsync()
                {
                    var total = 0;
                    {{consumer}}
                    return total;
                }
            }
            """;
    }
}
