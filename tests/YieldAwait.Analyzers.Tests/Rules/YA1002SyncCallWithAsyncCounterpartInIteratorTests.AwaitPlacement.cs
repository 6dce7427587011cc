using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    /// <summary>YA1002 reports where the conversion can await (AwaitPlacement, shared): every report has its fix.</summary>
    public partial class YA1002SyncCallWithAsyncCounterpartInIteratorTests
    {
        #region Analyzer and fix: where await may go

        /// <summary>A join's source is evaluated once, outside the query's lambdas: the counterpart is awaited there.</summary>
        [Fact]
        public Task Fix_AwaitsTheCounterpart_InAJoinSource() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Names
            {
                public IEnumerable<string> Known(string[] names, string path)
                {
                    foreach (var name in from n in names join k in {|YA1002:File.ReadAllLines(path)|} on n equals k select n)
                        yield return name;
                }

                public async Task PrintAsync(string[] names, string path)
                {
                    foreach (var name in Known(names, path)) await Task.Yield();
                }
            }
            """, """
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Names
            {
                public async IAsyncEnumerable<string> KnownAsync(string[] names, string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var name in from n in names join k in await File.ReadAllLinesAsync(path, cancellationToken) on n equals k select n)
                        yield return name;
                }

                public async Task PrintAsync(string[] names, string path)
                {
                    await foreach (var name in KnownAsync(names, path)) await Task.Yield();
                }
            }
            """);

        /// <summary>The same call in a join's key selector runs in a lambda, once per element: silent, like the conversion.</summary>
        [Fact]
        public Task NoDiagnostic_InAJoinKeySelector() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Names
            {
                public IEnumerable<string> Known(string[] names, string[] known, TextReader reader)
                {
                    foreach (var name in from n in names join k in known on reader.ReadLine() equals k select n)
                        yield return name;
                }

                public async Task PrintAsync(string[] names, string[] known, TextReader reader)
                {
                    foreach (var name in Known(names, known, reader)) await Task.Yield();
                }
            }
            """);

        #endregion
    }
}
