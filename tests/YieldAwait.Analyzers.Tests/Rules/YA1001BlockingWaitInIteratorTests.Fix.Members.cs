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
        #region Code fix: member families, enumerator patterns, options and names

        [Fact]
        public Task Fix_ConvertsInterfaceMemberWithEveryImplementation() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            interface ISource { IEnumerable<int> Read(Task<int> t); }

            class Remote : ISource
            {
                public IEnumerable<int> Read(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }
            }

            class Local : ISource
            {
                public IEnumerable<int> Read(Task<int> t)
                {
                    yield return 1;
                }
            }

            class Consumer
            {
                async Task Run(ISource source)
                {
                    foreach (var x in source.Read(Task.FromResult(1))) { }
                    await Task.Yield();
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            interface ISource { IAsyncEnumerable<int> Read(Task<int> t, CancellationToken cancellationToken = default); }

            class Remote : ISource
            {
                public async IAsyncEnumerable<int> Read(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }
            }

            class Local : ISource
            {
                public async IAsyncEnumerable<int> Read(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return 1;
                }
            }

            class Consumer
            {
                async Task Run(ISource source)
                {
                    await foreach (var x in source.Read(Task.FromResult(1))) { }
                    await Task.Yield();
                }
            }
            """);

        [Fact]
        public Task Fix_ConvertsVirtualMethodWithItsOverrides() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            abstract class Root
            {
                public abstract IEnumerable<int> Read(Task<int> t);
            }

            class Base : Root
            {
                public override IEnumerable<int> Read(Task<int> t)
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
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            abstract class Root
            {
                public abstract IAsyncEnumerable<int> Read(Task<int> t, CancellationToken cancellationToken = default);
            }

            class Base : Root
            {
                public override async IAsyncEnumerable<int> Read(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }
            }

            class Derived : Base
            {
                public override async IAsyncEnumerable<int> Read(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t + 1;
                }
            }
            """);

        [Fact]
        public Task NoFix_WhenAnImplementationIsNotAnIterator() => VerifyNoFix("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            interface ISource { IEnumerable<int> Read(Task<int> t); }

            class Remote : ISource
            {
                public IEnumerable<int> Read(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }
            }

            class Cached : ISource
            {
                public IEnumerable<int> Read(Task<int> t) => new List<int> { 1 };
            }
            """);

        [Fact]
        public Task NoFix_WhenTheInterfaceIsInMetadata() => VerifyNoFix("""
            using System.Collections;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Pages : IEnumerable<string>
            {
                private readonly Task<string[]> _pages;

                public Pages(Task<string[]> pages) => _pages = pages;

                public IEnumerator<string> GetEnumerator()
                {
                    foreach (var page in {|YA1001:_pages.Result|})
                        yield return page;
                }

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }
            """);

        [Theory]
        [InlineData("true")]
        [InlineData("false")]
        [InlineData("auto")]
        public async Task Fix_PatternGetEnumerator_BecomesGetAsyncEnumerator_WhateverTheSuffixOption(string option)
        {
            var test = new VerifyFix.Test
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Threading.Tasks;

                    class Pages
                    {
                        private readonly Task<string[]> _pages;

                        public Pages(Task<string[]> pages) => _pages = pages;

                        public IEnumerator<string> GetEnumerator()
                        {
                            foreach (var page in {|YA1001:_pages.Result|})
                                yield return page;
                        }
                    }

                    class Reader
                    {
                        async Task<int> CountAsync(Pages pages)
                        {
                            await Task.Yield();
                            var n = 0;
                            foreach (var page in pages)
                                n += page.Length;
                            return n;
                        }
                    }
                    """,
                // The foreach caller binds GetEnumerator by pattern and cannot follow, so the async form is added beside it,
                // under the name await foreach binds by the same pattern.
                FixedCode = """
                    using System.Collections.Generic;
                    using System.Threading;
                    using System.Threading.Tasks;

                    class Pages
                    {
                        private readonly Task<string[]> _pages;

                        public Pages(Task<string[]> pages) => _pages = pages;

                        public IEnumerator<string> GetEnumerator()
                        {
                            foreach (var page in {|YA1001:_pages.Result|})
                                yield return page;
                        }

                        public async IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default)
                        {
                            foreach (var page in await _pages)
                                yield return page;
                        }
                    }

                    class Reader
                    {
                        async Task<int> CountAsync(Pages pages)
                        {
                            await Task.Yield();
                            var n = 0;
                            foreach (var page in pages)
                                n += page.Length;
                            return n;
                        }
                    }
                    """,
                CodeActionEquivalenceKey = YieldAwait.CodeFixes.Rules.YA1001BlockingWaitInIteratorCodeFix.EquivalenceKey + ".AddAsyncCounterpart",
                NumberOfIncrementalIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*]\nyieldawait.async_suffix = {option}\n"));
            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData("true", "ReadAsync")]
        [InlineData("false", "Read")]
        public async Task Fix_HonoursTheAsyncSuffixOption(string option, string expectedName)
        {
            var test = new VerifyFix.Test
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Threading.Tasks;

                    class C
                    {
                        IEnumerable<int> Read(Task<int> t)
                        {
                            yield return {|YA1001:t.Result|};
                        }
                    }
                    """,
                FixedCode = $$"""
                    using System.Collections.Generic;
                    using System.Runtime.CompilerServices;
                    using System.Threading;
                    using System.Threading.Tasks;

                    class C
                    {
                        async IAsyncEnumerable<int> {{expectedName}}(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                        {
                            yield return await t;
                        }
                    }
                    """,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*]\nyieldawait.async_suffix = {option}\n"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task Fix_AutoSuffixFollowsTheProjectAndRenamesCrefs() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class C
            {
                /// <summary>See <see cref="Read"/>.</summary>
                async Task<int> CountAsync(Task<int> t)
                {
                    var n = 0;
                    foreach (var x in Read(t)) n++;
                    await Task.Yield();
                    return n;
                }

                Task<int> LoadAsync() => Task.FromResult(1);

                IEnumerable<int> Read(Task<int> t)
                {
                    yield return {|YA1001:t.Result|};
                }

                string Name => nameof(Read);
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                /// <summary>See <see cref="ReadAsync"/>.</summary>
                async Task<int> CountAsync(Task<int> t)
                {
                    var n = 0;
                    await foreach (var x in ReadAsync(t)) n++;
                    await Task.Yield();
                    return n;
                }

                Task<int> LoadAsync() => Task.FromResult(1);

                async IAsyncEnumerable<int> ReadAsync(Task<int> t, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await t;
                }

                string Name => nameof(ReadAsync);
            }
            """);

        /// <summary>A stand-in for .NET 10's System.Linq.AsyncEnumerable (the tests compile against .NET 8).</summary>
        private const string AsyncLinqStandIn = """

            namespace System.Linq
            {
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;

                public static class AsyncEnumerable
                {
                    public static async IAsyncEnumerable<T> Where<T>(this IAsyncEnumerable<T> source, Func<T, bool> predicate)
                    {
                        await foreach (var item in source) if (predicate(item)) yield return item;
                    }

                    public static async IAsyncEnumerable<TResult> Select<T, TResult>(this IAsyncEnumerable<T> source, Func<T, TResult> selector)
                    {
                        await foreach (var item in source) yield return selector(item);
                    }

                    public static async ValueTask<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default)
                    {
                        var list = new List<T>();
                        await foreach (var item in source.WithCancellation(cancellationToken)) list.Add(item);
                        return list;
                    }

                    public static async ValueTask<int> CountAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default)
                    {
                        var count = 0;
                        await foreach (var item in source.WithCancellation(cancellationToken)) count++;
                        return count;
                    }
                }
            }
            """;

        [Fact]
        public Task Fix_MovesLinqConsumersToAsyncLinq() => VerifyFix.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Report
            {
                IEnumerable<int> Sizes(Task<int[]> pending)
                {
                    foreach (var size in {|YA1001:pending.Result|})
                        yield return size;
                }

                async Task<List<string>> LargeAsync(Task<int[]> pending)
                {
                    await Task.Yield();
                    return Sizes(pending).Where(s => s > 10).Select(s => s.ToString()).ToList();
                }

                async Task<int> CountAsync(Task<int[]> pending)
                {
                    var n = Sizes(pending).Count() + 1;
                    foreach (var s in Sizes(pending).Where(s => s > 0)) n++;
                    return n;
                }
            }
            """ + AsyncLinqStandIn, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Report
            {
                async IAsyncEnumerable<int> SizesAsync(Task<int[]> pending, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var size in await pending)
                        yield return size;
                }

                async Task<List<string>> LargeAsync(Task<int[]> pending)
                {
                    await Task.Yield();
                    return await SizesAsync(pending).Where(s => s > 10).Select(s => s.ToString()).ToListAsync();
                }

                async Task<int> CountAsync(Task<int[]> pending)
                {
                    var n = await SizesAsync(pending).CountAsync() + 1;
                    await foreach (var s in SizesAsync(pending).Where(s => s > 0)) n++;
                    return n;
                }
            }
            """ + AsyncLinqStandIn);

        [Fact]
        public Task Counterpart_WhenLinqConsumerHasNoAsyncLinq() => VerifyCounterpart("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Report
            {
                IEnumerable<int> Sizes(Task<int[]> pending)
                {
                    foreach (var size in {|YA1001:pending.Result|})
                        yield return size;
                }

                async Task<int> TotalAsync(Task<int[]> pending)
                {
                    await Task.Yield();
                    return Sizes(pending).Sum();
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Report
            {
                IEnumerable<int> Sizes(Task<int[]> pending)
                {
                    foreach (var size in {|YA1001:pending.Result|})
                        yield return size;
                }

                async IAsyncEnumerable<int> SizesAsync(Task<int[]> pending, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var size in await pending)
                        yield return size;
                }

                async Task<int> TotalAsync(Task<int[]> pending)
                {
                    await Task.Yield();
                    return Sizes(pending).Sum();
                }
            }
            """);

        [Fact]
        public Task Fix_KeepsFrameworkNamesQualifiedWhereAUserTypeHasTheName() => VerifyFix.VerifyCodeFixAsync("""
            namespace App
            {
                using System.Collections.Generic;

                class Task { }

                class Poller
                {
                    IEnumerable<int> Poll()
                    {
                        {|YA1001:System.Threading.Thread.Sleep(10)|};
                        yield return 1;
                    }
                }
            }
            """, """
            namespace App
            {
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Threading;

                class Task { }

                class Poller
                {
                    async IAsyncEnumerable<int> Poll([EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        await global::System.Threading.Tasks.Task.Delay(10, cancellationToken);
                        yield return 1;
                    }
                }
            }
            """);

        [Fact]
        public Task Fix_AddsUsingsToAFileWithoutAny() => VerifyFix.VerifyCodeFixAsync("""
            class Poller
            {
                System.Collections.Generic.IEnumerable<int> Poll(System.Threading.Tasks.Task<int> next)
                {
                    yield return {|YA1001:next.Result|};
                }
            }
            """, """
            using System.Runtime.CompilerServices;
            using System.Threading;

            class Poller
            {
                async System.Collections.Generic.IAsyncEnumerable<int> Poll(System.Threading.Tasks.Task<int> next, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    yield return await next;
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
            var test = new VerifyFix.Test { TestCode = source, FixedCode = source };
            test.SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.CSharp7_3)));
            await test.RunAsync();
        }

        #endregion
    }
}
