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
    /// <summary>Blocking through helpers, tasks proven complete (the shared completion proof) and stored results.</summary>
    public partial class YA1004IteratorOfTasksAwaitedOneByOneTests
    {
        [Theory]
        [InlineData("var tasks = FetchPages(3); foreach (var task in tasks) { var page = await task; total += page.Length; }")]
        [InlineData("var tasks = FetchPages(3); Console.WriteLine(\"reading\"); foreach (var task in tasks) total += (await task).Length;")]
        [InlineData("var tasks = FetchPages(3); foreach (var task in tasks) { await task.ConfigureAwait(false); }")]
        public Task Reports_WhenTheProducersResultIsStoredFirst(string consumer) => Verify.VerifyAnalyzerAsync(
            PageSource(consumer),
            Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("FetchPages", "string"));


        [Theory]
        [InlineData("var tasks = FetchPages(3); foreach (var t in tasks) total += (await t).Length; Console.WriteLine(tasks.Count());")]
        [InlineData("IEnumerable<Task<string>> tasks = FetchPages(3); foreach (var t in tasks) total += (await t).Length;")]
        [InlineData("var tasks = FetchPages(3); await Task.WhenAll(tasks);")]
        [InlineData("var tasks = FetchPages(3); if (total == 0) { foreach (var t in tasks) total += (await t).Length; }")]
        [InlineData("var tasks = FetchPages(3); foreach (var t in tasks) { if (total < 10) total += (await t).Length; }")]
        [InlineData("var tasks = FetchPages(3); tasks = FetchPages(4); foreach (var t in tasks) total += (await t).Length;")]
        [InlineData("var tasks = FetchPages(3); foreach (var t in tasks) total += (await t).Length; foreach (var t in tasks) total += (await t).Length;")]
        [InlineData("var tasks = FetchPages(3); Func<int> count = () => tasks.Count(); foreach (var t in tasks) total += (await t).Length;")]
        [InlineData("var tasks = FetchPages(3).ToList(); foreach (var t in tasks) total += (await t).Length;")]
        [InlineData("var tasks = FetchPages(3); var started = tasks.ToArray(); foreach (var t in started) total += (await t).Length;")]
        public Task NoDiagnostic_WhenTheStoredTasksAreUsedOtherwise(string consumer) => Verify.VerifyAnalyzerAsync(
            PageSource(consumer, "FetchPages"));


        [Fact]
        public Task Fix_StoredProducerResult_KeepsTheLocalAndAwaitsForeachOverIt() => VerifyFixAsync("""
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class PageReader
            {
                private readonly HttpClient _http = new();

                IEnumerable<Task<string>> {|YA1004:FetchPages|}(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        yield return _http.GetStringAsync("/page/" + i);
                    }
                }

                async Task<int> CountAsync(CancellationToken stop)
                {
                    var total = 0;
                    var tasks = FetchPages(3);
                    foreach (var task in tasks)
                    {
                        var page = await task;
                        total += page.Length;
                    }

                    return total;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class PageReader
            {
                private readonly HttpClient _http = new();

                async IAsyncEnumerable<string> FetchPagesAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    for (var i = 0; i < count; i++)
                    {
                        yield return await _http.GetStringAsync("/page/" + i, cancellationToken);
                    }
                }

                async Task<int> CountAsync(CancellationToken stop)
                {
                    var total = 0;
                    var tasks = FetchPagesAsync(3, cancellationToken: stop);
                    await foreach (var page in tasks)
                    {
                        total += page.Length;
                    }

                    return total;
                }
            }
            """);
    }
}
