using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1004IteratorOfTasksAwaitedOneByOneAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1004IteratorOfTasksAwaitedOneByOneTests
    {
        #region Analyzer: producers at the edge of the compilation's gate (an iterator whose declared return type names a task)

        [Fact]
        public Task Reports_WhenTheOnlyProducerIsALocalFunction() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Thumbnails
            {
                static Task<int> RenderAsync(int id) => Task.Run(() => id * 2);

                public async Task<int> RenderAllAsync(int[] ids)
                {
                    var total = 0;
                    foreach (var render in Renders())
                    {
                        total += await render;
                    }

                    return total;

                    IEnumerable<Task<int>> {|#0:Renders|}()
                    {
                        foreach (var id in ids)
                        {
                            yield return RenderAsync(id);
                        }
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("Renders", "int"));

        [Fact]
        public Task Reports_WhenTheOnlyProducerSpellsItsTypesInFull() => Verify.VerifyAnalyzerAsync("""
            class Thumbnails
            {
                static System.Threading.Tasks.ValueTask<int> RenderAsync(int id) => new(id * 2);

                static System.Collections.Generic.IEnumerable<System.Threading.Tasks.ValueTask<int>> {|#0:Renders|}(int[] ids)
                {
                    foreach (var id in ids)
                    {
                        yield return RenderAsync(id);
                    }
                }

                public async System.Threading.Tasks.Task<int> RenderAllAsync(int[] ids)
                {
                    var total = 0;
                    foreach (var render in Renders(ids))
                    {
                        var size = await render;
                        total += size;
                    }

                    return total;
                }
            }
            """,
            Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("Renders", "int"));

        [Fact]
        public Task Reports_LocalFunctionProducerOfTopLevelStatements() => new Verify.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;

                var total = 0;
                foreach (var render in Renders(3))
                {
                    total += await render;
                }

                Console.WriteLine(total);

                static IEnumerable<Task<int>> {|#0:Renders|}(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        yield return Task.Run(() => i * 2);
                    }
                }
                """,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            ExpectedDiagnostics = { Verify.Diagnostic("YA1004").WithLocation(0).WithArguments("Renders", "int") },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task NoDiagnostic_IteratorWhoseTypeNamesATaskButYieldsNoTasks() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Pipeline
            {
                static Task<int> StepAsync(int n) => Task.Run(() => n + 1);

                IEnumerable<Func<Task<int>>> Steps(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        var n = i;
                        yield return () => StepAsync(n);
                    }
                }

                async Task<int> RunAsync()
                {
                    var total = 0;
                    foreach (var step in Steps(3))
                    {
                        total += await step();
                    }

                    return total;
                }
            }
            """);

        #endregion
    }
}
