using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA1001FixScratch3
    {
        private static Task VerifyNoFix(string source) => Verify.VerifyCodeFixAsync(source, source);

        [Fact]
        public Task Fix_ReusesExistingCancellationTokenAndKeepsDocsAndAttributes() => Verify.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                /// <summary>Reads the feed.</summary>
                /// <param name="source">Where from.</param>
                [Obsolete("use the other one")]
                internal static IEnumerable<string> Read(Func<CancellationToken, Task<string>> source, CancellationToken token)
                {
                    // one page per call
                    while (!token.IsCancellationRequested)
                    {
                        var t = source(token);
                        {|YA1001:t.Wait(token)|};
                        yield return {|YA1001:t.Result|};
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                /// <summary>Reads the feed.</summary>
                /// <param name="source">Where from.</param>
                [Obsolete("use the other one")]
                internal static async IAsyncEnumerable<string> Read(Func<CancellationToken, Task<string>> source, [EnumeratorCancellation] CancellationToken token)
                {
                    // one page per call
                    while (!token.IsCancellationRequested)
                    {
                        var t = source(token);
                        await t.WaitAsync(token);
                        yield return await t;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_LocalFunctionIteratorAndAsyncLambdaCaller() => Verify.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Job
            {
                Func<Task> Build(Task<int>[] parts)
                {
                    return async () =>
                    {
                        foreach (var p in Parts())
                            Console.WriteLine(p);
                        await Task.Yield();
                    };

                    IEnumerable<int> Parts()
                    {
                        {|YA1001:Task.WaitAll(parts)|};
                        foreach (var part in parts)
                            yield return {|YA1001:part.Result|};
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Job
            {
                Func<Task> Build(Task<int>[] parts)
                {
                    return async () =>
                    {
                        await foreach (var p in Parts())
                            Console.WriteLine(p);
                        await Task.Yield();
                    };

                    async IAsyncEnumerable<int> Parts([EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        await Task.WhenAll(parts);
                        foreach (var part in parts)
                            yield return await part;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_LeavesFormsWithTimeoutsForYA1005() => Verify.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable<bool> M(Task[] ts, Task<int> t)
                {
                    yield return {|YA1001:Task.WaitAll(ts, 100)|};
                    yield return {|YA1001:t.Result|} > 0;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                async IAsyncEnumerable<bool> M(Task[] ts, Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return Task.WaitAll(ts, 100);
                    yield return await t > 0;
                }
            }
            """);

        [Fact]
        public async Task Fix_ConvertsCallersInOtherProjects()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add("""
                using System.Collections.Generic;
                using System.Threading.Tasks;

                public static class Source
                {
                    public static IEnumerable<int> Numbers(Task<int> seed)
                    {
                        yield return {|YA1001:seed.Result|};
                    }
                }
                """);
            var app = new ProjectState("App", LanguageNames.CSharp, "/App/", "cs");
            test.TestState.AdditionalProjects.Add("App", app);
            test.TestState.AdditionalProjects["App"].AdditionalProjectReferences.Add("TestProject");
            test.TestState.AdditionalProjects["App"].Sources.Add(("/App/Program.cs", """
                using System.Threading;
                using System.Threading.Tasks;

                public static class Program
                {
                    public static async Task Main(CancellationToken stop)
                    {
                        foreach (var n in Source.Numbers(Task.FromResult(1)))
                            System.Console.WriteLine(n);
                        await Task.Yield();
                    }
                }
                """));
            test.FixedState.Sources.Add("""
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                public static class Source
                {
                    public static async IAsyncEnumerable<int> Numbers(Task<int> seed, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        yield return await seed;
                    }
                }
                """);
            test.FixedState.AdditionalProjects.Add("App", new ProjectState("App", LanguageNames.CSharp, "/App/", "cs"));
            test.FixedState.AdditionalProjects["App"].AdditionalProjectReferences.Add("TestProject");
            test.FixedState.AdditionalProjects["App"].Sources.Add(("/App/Program.cs", """
                using System.Threading;
                using System.Threading.Tasks;

                public static class Program
                {
                    public static async Task Main(CancellationToken stop)
                    {
                        await foreach (var n in Source.Numbers(Task.FromResult(1), cancellationToken: stop))
                            System.Console.WriteLine(n);
                        await Task.Yield();
                    }
                }
                """));
            await test.RunAsync();
        }

        [Fact]
        public Task NoFix_WhenSyncMethodEnumeratesIt() => VerifyNoFix("""
            using System.Collections.Generic;
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
            }
            """);

        [Fact]
        public Task NoFix_WhenReferencedAsMethodGroup() => VerifyNoFix("""
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
            """);

        [Fact]
        public Task NoFix_ForInterfaceImplementation() => VerifyNoFix("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            interface ISource { IEnumerable<int> Read(Task<int> t); }

            class C : ISource
            {
                public IEnumerable<int> Read(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }
            }
            """);

        [Fact]
        public Task NoFix_ForVirtualOrOverride() => VerifyNoFix("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Base
            {
                public virtual IEnumerable<int> Read(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }
            }

            class Derived : Base
            {
                public override IEnumerable<int> Read(Task<int> t)
                {
                    yield return {|YA1001:t.Result|} + 1;
                }
            }
            """);

        [Fact]
        public Task NoFix_ForNonGenericEnumerable() => VerifyNoFix("""
            using System.Collections;
            using System.Threading.Tasks;

            class C
            {
                IEnumerable M(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }
            }
            """);

        [Fact]
        public async Task NoFix_BeforeCSharp8()
        {
            var source = """
                using System.Collections.Generic;
                using System.Threading.Tasks;

                class C
                {
                    IEnumerable<int> M(Task<int> t)
                    {
                        yield return {|YA1001:t.Result|};
                    }
                }
                """;
            var test = new Verify.Test { TestCode = source, FixedCode = source };
            test.SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.CSharp7_3)));
            await test.RunAsync();
        }
    }
}
