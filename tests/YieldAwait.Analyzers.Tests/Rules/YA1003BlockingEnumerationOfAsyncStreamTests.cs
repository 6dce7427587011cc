using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1003BlockingEnumerationOfAsyncStreamAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1003BlockingEnumerationOfAsyncStreamAnalyzer, YieldAwait.CodeFixes.Rules.YA1003BlockingEnumerationOfAsyncStreamCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1003BlockingEnumerationOfAsyncStreamTests
    {
        /// <summary>A stand-in for the System.Linq.Async package's operators (the tests reference .NET 8 only).</summary>
        private const string LinqAsync = """

            namespace System.Linq
            {
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;

                public static class AsyncEnumerable
                {
                    public static IEnumerable<T> ToEnumerable<T>(this IAsyncEnumerable<T> source) => throw new NotImplementedException();
                    public static ValueTask<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                    public static ValueTask<T[]> ToArrayAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                    public static ValueTask<int> CountAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                    public static ValueTask<T> FirstAsync<T>(this IAsyncEnumerable<T> source, Func<T, bool> predicate, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                }
            }
            """;

        private static Task VerifyNoFix(string source) => VerifyFix.VerifyCodeFixAsync(source, source);

        /// <summary>A fix whose result still holds the diagnostics its markup shows (those the fix leaves, in sync functions).</summary>
        private static Task VerifyFixLeavingDiagnosticsAsync(string source, string fixedSource)
        {
            var test = new VerifyFix.Test { TestCode = source, FixedCode = fixedSource };
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync(CancellationToken.None);
        }
    }
}
