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
        #region Analyzer: reports iterators of tasks whose consumers await one by one

        [Fact]
        public Task Reports_IteratorOfTasksAwaitedInForeach() => Verify.VerifyAnalyzerAsync(
            PageSource("""
                foreach (var task in FetchPages(3))
                {
                    var page = await task;
                    total += page.Length;
                }
                """),
            Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("FetchPages", "string"));

        [Theory]
        [InlineData("foreach (var task in FetchPages(3)) total += (await task).Length;")]
        [InlineData("foreach (var task in FetchPages(3)) { Console.WriteLine(await task); }")]
        [InlineData("foreach (var task in FetchPages(3)) { await task; }")]
        [InlineData("foreach (var task in FetchPages(3)) { _ = await task; }")]
        [InlineData("foreach (var task in FetchPages(3)) { var page = await task.ConfigureAwait(false); total += page.Length; }")]
        [InlineData("foreach (Task<string> task in FetchPages(3)) { string page = await task; total += page.Length; }")]
        [InlineData("foreach (var task in FetchPages(3)) { total += await task is { Length: > 0 } p ? p.Length : 0; }")]
        public Task Reports_EachAwaitShape(string consumer) => Verify.VerifyAnalyzerAsync(
            PageSource(consumer),
            Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("FetchPages", "string"));

        [Fact]
        public Task Reports_ValueTaskGenericAndLocalFunctionProducers() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Cache
            {
                static ValueTask<int> LookupAsync(int key) => new(key * 2);

                static IEnumerable<ValueTask<int>> {|#0:Lookups|}(IEnumerable<int> keys)
                {
                    foreach (var key in keys)
                        yield return LookupAsync(key);
                }

                static IEnumerable<Task<T>> {|#1:Run|}<T>(IReadOnlyList<Func<Task<T>>> steps)
                {
                    foreach (var step in steps)
                        yield return step();
                }

                public static async Task<int> SumAsync(int[] keys)
                {
                    var sum = 0;
                    foreach (var v in Lookups(keys))
                        sum += await v;

                    foreach (var r in Run(new Func<Task<int>>[] { () => Task.FromResult(1) }))
                        sum += await r;

                    IEnumerable<Task<int>> {|#2:Doubles|}()
                    {
                        foreach (var key in keys)
                            yield return Task.FromResult(key * 2);
                    }

                    foreach (var d in Doubles())
                    {
                        var doubled = await d;
                        sum += doubled;
                    }

                    return sum;
                }
            }
            """,
            Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("Lookups", "int"),
            Verify.Diagnostic("YA1004").WithLocation(1).WithArguments("Run", "T"),
            Verify.Diagnostic("YA1004").WithLocation(2).WithArguments("Doubles", "int"));

        [Fact]
        public Task Reports_OnceForSeveralConsumingLoops() => Verify.VerifyAnalyzerAsync(
            PageSource("""
                foreach (var task in FetchPages(3))
                {
                    var page = await task;
                    total += page.Length;
                }

                foreach (var again in FetchPages(1))
                    Console.WriteLine(await again);
                """),
            Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("FetchPages", "string"));

        #endregion
    }
}
