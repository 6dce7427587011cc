using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Finiteness;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA2002InfiniteSequenceEnumeratedWithoutExitAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA2002InfiniteSequenceEnumeratedWithoutExitTests
    {
        #region Analyzer: reports loops over infinite sequences with no way out

        [Fact]
        public Task Reports_ForEachOverInfiniteIteratorWithNoExit() => Verify.VerifyAnalyzerAsync($$"""
            using System;

            class Printer
            {
                void PrintAll()
                {
                    foreach (var n in {|#0:Gen.Naturals()|})
                    {
                        Console.WriteLine(n);
                    }
                }
            }

            {{InfiniteSources.Generators}}
            """,
            Verify.Diagnostic("YA2002").WithLocation(0).WithArguments("Naturals"));

        [Theory]
        [InlineData("Console.WriteLine(n);")]
        [InlineData("if (n % 2 == 0) continue; Console.WriteLine(n);")]
        [InlineData("foreach (var d in Gen.Digits()) { if (d == n) break; }")]
        [InlineData("while (n > 0) { break; }")]
        [InlineData("switch (n) { case 1: break; default: Console.WriteLine(n); break; }")]
        [InlineData("Func<int> f = () => { return n; }; Console.WriteLine(f());")]
        [InlineData("Action a = () => throw new InvalidOperationException(); a();")]
        [InlineData("int Local() { return n; } Console.WriteLine(Local());")]
        [InlineData("Thread.Sleep(100);")]
        [InlineData("Process(n, CancellationToken.None);")]
        [InlineData("Process(n, default);")]
        [InlineData("Process(n, new CancellationToken());")]
        [InlineData("Process(n);")]
        [InlineData("again: Console.WriteLine(n); if (n < 0) goto again;")]
        public Task Reports_WhenNothingInTheBodyLeavesTheLoop(string body) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading;

            class Printer
            {
                void PrintAll()
                {
                    foreach (var n in {|YA2002:Gen.Naturals()|})
                    {
                        {{body}}
                    }
                }

                static void Process(int n, CancellationToken token = default) { }
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Reports_AwaitForEachOverAsyncStreamInServerLoop() => new Verify.Test
        {
            ReferenceAssemblies = TestReferences.Net10,
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;

                class Heartbeat
                {
                    static async IAsyncEnumerable<DateTime> Ticks()
                    {
                        while (true)
                        {
                            await Task.Delay(1000);
                            yield return DateTime.UtcNow;
                        }
                    }

                    public async Task RunAsync()
                    {
                        await foreach (var tick in {|#0:Ticks()|})
                        {
                            await Task.Delay(TimeSpan.FromSeconds(1));
                            Console.WriteLine(tick);
                        }
                    }

                    public async Task RunFilteredAsync()
                    {
                        await foreach (var tick in {|#1:Ticks().Where(t => t.Second == 0).ConfigureAwait(false)|})
                        {
                            Console.WriteLine(tick);
                        }
                    }

                    public async Task RunLibraryAsync()
                    {
                        await foreach (var n in {|#2:AsyncEnumerable.InfiniteSequence(0, 1)|})
                        {
                            Console.WriteLine(n);
                        }
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                Verify.Diagnostic("YA2002").WithLocation(0).WithArguments("Ticks"),
                Verify.Diagnostic("YA2002").WithLocation(1).WithArguments("Ticks"),
                Verify.Diagnostic("YA2002").WithLocation(2).WithArguments("InfiniteSequence"),
            },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task Reports_InLambdasLocalFunctionsAndTopLevelCode() => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Linq;
            using System.Threading.Tasks;

            class Workers
            {
                Task Start() => Task.Run(() =>
                {
                    foreach (var n in {|YA2002:Gen.Naturals()|}) Console.WriteLine(n);
                });

                void Local()
                {
                    void Spin()
                    {
                        foreach (var (n, i) in {|YA2002:Gen.Naturals().Select((n, i) => (n, i))|}) Console.WriteLine(n + i);
                    }

                    Spin();
                }
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task Reports_OverLocalsFieldsAndLibrarySequences() => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using MoreLinq;

            class Loops
            {
                private static readonly IEnumerable<int> Ids = Gen.Naturals();

                void A()
                {
                    var evens = Gen.Naturals().Where(n => n % 2 == 0);
                    foreach (var e in {|YA2002:evens|}) Console.WriteLine(e);
                }

                void B()
                {
                    foreach (var id in {|YA2002:Ids|}) Console.WriteLine(id);
                }

                void D()
                {
                    foreach (var p in {|YA2002:MoreEnumerable.Generate(1, x => x * 2)|}) Console.WriteLine(p);
                }
            }

            {{InfiniteSources.Generators}}

            {{InfiniteSources.LibraryStandIns}}
            """);

        #endregion

        #region Analyzer: stays silent on look-alikes

        [Theory]
        [InlineData("if (n > 100) break;")]
        [InlineData("if (n > 100) return;")]
        [InlineData("if (n > 100) throw new InvalidOperationException();")]
        [InlineData("_ = n < 100 ? n : throw new InvalidOperationException();")]
        [InlineData("if (n > 100) goto done;")]
        [InlineData("token.ThrowIfCancellationRequested();")]
        [InlineData("if (token.IsCancellationRequested) break;")]
        [InlineData("if (source.IsCancellationRequested) return;")]
        [InlineData("Thread.Sleep(10); token.ThrowIfCancellationRequested();")]
        [InlineData("Process(n, token);")]
        [InlineData("Process(n, source.Token);")]
        [InlineData("token.WaitHandle.WaitOne(10); if (token.IsCancellationRequested) { Console.WriteLine(\"stopping\"); return; }")]
        [InlineData("switch (n) { case 1000: return; default: Console.WriteLine(n); break; }")]
        [InlineData("foreach (var d in Gen.Digits()) { if (d == n) goto done; }")]
        [InlineData("if (n == int.MaxValue) Environment.Exit(0);")]
        public Task NoDiagnostic_WhenTheBodyHasAnExit(string body) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading;

            class Printer
            {
                void PrintAll(CancellationToken token, CancellationTokenSource source)
                {
                    foreach (var n in Gen.Naturals())
                    {
                        {{body}}
                    }

                    done:
                    Console.WriteLine("done");
                }

                static void Process(int n, CancellationToken token = default) { }
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheTokenGoesToTheStreamOrToAnAwaitedCall() => new Verify.Test
        {
            ReferenceAssemblies = TestReferences.Net10,
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                class Heartbeat
                {
                    static async IAsyncEnumerable<DateTime> Ticks([EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        while (true)
                        {
                            await Task.Delay(1000, cancellationToken);
                            yield return DateTime.UtcNow;
                        }
                    }

                    static IEnumerable<int> Polls(CancellationToken cancellationToken)
                    {
                        while (true)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            yield return 1;
                        }
                    }

                    public async Task PassedToProducer(CancellationToken token)
                    {
                        await foreach (var tick in Ticks(token)) Console.WriteLine(tick);
                    }

                    public async Task WithCancellation(CancellationToken token)
                    {
                        await foreach (var tick in Ticks().WithCancellation(token)) Console.WriteLine(tick);
                    }

                    public async Task AwaitedWithToken(CancellationToken stoppingToken)
                    {
                        await foreach (var tick in Ticks())
                        {
                            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                            Console.WriteLine(tick);
                        }
                    }

                    public void SyncProducerThrows(CancellationToken token)
                    {
                        foreach (var poll in Polls(token)) Console.WriteLine(poll);
                    }
                }
                """,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task NoDiagnostic_InsideIterators_WhichAreInfiniteGeneratorsThemselves() => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class Sequences
            {
                static IEnumerable<int> Evens()
                {
                    foreach (var n in Gen.Naturals())
                    {
                        if (n % 2 == 0) yield return n;
                    }
                }

                void M()
                {
                    IEnumerable<string> Labels()
                    {
                        foreach (var n in Gen.Naturals()) yield return "#" + n;
                    }

                    var first = Labels().First();
                }
            }

            {{InfiniteSources.Generators}}
            """);

        [Theory]
        [InlineData("Gen.Digits()")]
        [InlineData("Gen.Naturals().Take(10)")]
        [InlineData("Gen.Naturals().TakeWhile(n => n < 10)")]
        [InlineData("Gen.Naturals().Zip(Gen.Digits())")]
        [InlineData("Enumerable.Range(0, 10)")]
        [InlineData("new[] { 1, 2, 3 }")]
        [InlineData("Numbers(true)")]
        public Task NoDiagnostic_OverFiniteSequences(string collection) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Printer
            {
                static IEnumerable<int> Numbers(bool running)
                {
                    var n = 0;
                    while (running) yield return n++;
                }

                void PrintAll()
                {
                    foreach (var n in {{collection}})
                    {
                        Console.WriteLine(n);
                    }
                }
            }

            {{InfiniteSources.Generators}}
            """);

        [Fact]
        public Task NoCrash_OnHalfTypedLoops() => new Verify.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;

                class C
                {
                    static IEnumerable<int> Naturals() { while (true) yield return 1; }

                    void A()
                    {
                        foreach (var n in {|YA2002:Naturals()|}
                        {
                            Console.WriteLine(n)
                    }

                    void B()
                    {
                        foreach (var in {|YA2002:Naturals()|}) { }
                        foreach (var x in ) { break; }
                        await foreach (var y in {|YA2002:Naturals()|}) { }
                    }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync(CancellationToken.None);

        #endregion
    }
}
