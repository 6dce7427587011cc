using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA4001AsyncIteratorCannotBeCancelledAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA4001AsyncIteratorCannotBeCancelledAnalyzer, YieldAwait.CodeFixes.Rules.YA4001AsyncIteratorCannotBeCancelledCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA4001AsyncIteratorCannotBeCancelledTests
    {
        #region No crash on half-typed code

        [Theory]
        [InlineData("async IAsyncEnumerable<int> Read(")]
        [InlineData("async IAsyncEnumerable<int> Read() { await Task.Delay(1); yield return")]
        [InlineData("async IAsyncEnumerable<int> Read(CancellationToken ) { await Task.Delay(1); yield return 1; }")]
        [InlineData("async IAsyncEnumerable<int> Read([EnumeratorCancellation] ) { await Task.Delay(1); yield return 1; }")]
        [InlineData("async IAsyncEnumerable<> Read() { await Task.Delay(1); yield return 1; }")]
        [InlineData("async IAsyncEnumerator<int> Read(int a,) { await foreach (var x in ) yield return x; }")]
        [InlineData("async IAsyncEnumerable<int> Read() { await Task.Delay(1, ); yield return 1; }")]
        [InlineData("async IAsyncEnumerable<int> Read() { while (true) { await Task.Yield(); yield return 1; }")]
        [InlineData("async IAsyncEnumerable<int> Read() { for (;;) { await default(ValueTask); yield return }")]
        [InlineData("async IAsyncEnumerable<int> Read() { while () { await Task.Yield(); yield return 1; } }")]
        [InlineData("async IAsyncEnumerable<int> Read(CancellationToken t) { do { await Task.Yield(); yield return 1; } while (true }")]
        public Task NoCrash_HalfTypedIterator(string member) => HalfTypedCode.AssertNoCrashAsync<
            YieldAwait.Analyzers.Rules.YA4001AsyncIteratorCannotBeCancelledAnalyzer,
            YieldAwait.CodeFixes.Rules.YA4001AsyncIteratorCannotBeCancelledCodeFix>($$"""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Typing
            {
                {{member}}
            }
            """);

        #endregion
    }
}
