using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1001BlockingWaitInIteratorTests
    {
        #region Code fix: the async counterpart beside the sync original

        [Fact]
        public Task Counterpart_WhenCallerMaterialisesTheResult() => VerifyCounterpart("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> Inner(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                List<int> Use(Task<int> t) => Inner(t).ToList();
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> Inner(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                async IAsyncEnumerable<int> InnerAsync(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                List<int> Use(Task<int> t) => Inner(t).ToList();
            }
            """);

        [Fact]
        public Task Counterpart_MovesAsyncCallersAndLeavesSyncOnes() => VerifyCounterpart("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                int Sum(Task<int> t)
                {
                    var sum = 0;
                    foreach (var x in M(t)) sum += x;
                    return sum;
                }

                async Task<int> SumAsync(Task<int> t, CancellationToken stop)
                {
                    var sum = 0;
                    foreach (var x in M(t)) sum += x;
                    await Task.Yield();
                    return sum;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                async IAsyncEnumerable<int> MAsync(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                int Sum(Task<int> t)
                {
                    var sum = 0;
                    foreach (var x in M(t)) sum += x;
                    return sum;
                }

                async Task<int> SumAsync(Task<int> t, CancellationToken stop)
                {
                    var sum = 0;
                    await foreach (var x in MAsync(t, cancellationToken: stop)) sum += x;
                    await Task.Yield();
                    return sum;
                }
            }
            """);

        [Fact]
        public Task Counterpart_WhenReferencedAsMethodGroup() => VerifyCounterpart("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                Func<Task<int>, IEnumerable<int>> Factory => M;
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                async IAsyncEnumerable<int> MAsync(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                Func<Task<int>, IEnumerable<int>> Factory => M;
            }
            """);

        [Fact]
        public Task NoCounterpart_WhenTheAsyncNameIsTaken() => VerifyNoFix("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                void MAsync() { }

                List<int> Use(Task<int> t) => M(t).ToList();
            }
            """);

        #endregion
    }
}
