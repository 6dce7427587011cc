using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1003BlockingEnumerationOfAsyncStreamAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1003BlockingEnumerationOfAsyncStreamAnalyzer, YieldAwait.CodeFixes.Rules.YA1003BlockingEnumerationOfAsyncStreamCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    /// <summary>Blocking through helpers, tasks proven complete (the shared completion proof) and stored results.</summary>
    public partial class YA1003BlockingEnumerationOfAsyncStreamTests
    {
        [Fact]
        public Task Reports_MoveNextThroughABlockingHelper_NamingIt() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();
            }

            class Cursor
            {
                private readonly IAsyncEnumerator<int> _source;

                public Cursor(IAsyncEnumerator<int> source) => _source = source;

                public bool Next() => {|#0:Sync.Wait(_source.MoveNextAsync())|};

                // Not a stream: YA1003 is about enumerating async streams only.
                public int Count(ValueTask<int> pending) => Sync.Wait(pending);
            }
            """,
            Verify.Diagnostic("YA1003").WithLocation(0).WithArguments("Sync.Wait(MoveNextAsync())"));


        [Fact]
        public Task NoDiagnostic_StreamWaitInALazyQueryLambda_IsYA1006s() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Counts
            {
                public IEnumerable<bool> Nexts(IEnumerable<IAsyncEnumerator<int>> cursors) =>
                    cursors.Select(c => c.MoveNextAsync().AsTask().Result);

                public List<bool> Eager(IEnumerable<IAsyncEnumerator<int>> cursors) =>
                    cursors.ToList().ConvertAll(c => {|YA1003:c.MoveNextAsync().AsTask().Result|});
            }
            """);
    }
}
