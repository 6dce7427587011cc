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
        #region Analyzer: stays silent on look-alikes

        [Fact]
        public Task NoDiagnostic_ResultInsideLambda() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Prefetcher
            {
                public IEnumerable<Func<string>> Thunks(IEnumerable<Task<string>> pages)
                {
                    foreach (var page in pages)
                    {
                        yield return () => page.Result;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ResultInsideAnonymousMethod() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Prefetcher
            {
                public IEnumerable<Func<string>> Thunks(IEnumerable<Task<string>> pages)
                {
                    foreach (var page in pages)
                    {
                        yield return delegate
                        {
                            page.Wait();
                            Thread.Sleep(10);
                            return page.GetAwaiter().GetResult();
                        };
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ResultInsideQueryExpressionClauses() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Pages
            {
                public IEnumerable<int> Lengths(IEnumerable<Task<string>> pages)
                {
                    var lengths = from page in pages
                                  where page.Result.Length > 0
                                  let body = page.Result
                                  orderby body.Length
                                  select body.Length;
                    foreach (var length in lengths)
                    {
                        yield return length;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_NonIteratorMethodReturningEnumerable() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class ConfigReader
            {
                public IEnumerable<string> Lines(string path)
                {
                    return File.ReadAllLinesAsync(path).Result;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_NonIteratorMethodReturningList() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            class Crawler
            {
                private readonly HttpClient _http = new HttpClient();

                public List<string> Fetch(IEnumerable<string> urls)
                {
                    var pages = new List<string>();
                    foreach (var url in urls)
                    {
                        var request = _http.GetStringAsync(url);
                        request.Wait();
                        pages.Add(request.Result);
                    }

                    Task.WaitAll(new Task[0]);
                    return pages;
                }
            }
            """);

        [Theory]
        [InlineData("static int Measure(Task<string> page) => page.Result.Length;")]
        [InlineData("static int Measure(Task<string> page) { page.Wait(); return page.GetAwaiter().GetResult().Length; }")]
        public Task Reports_CallOfABlockingLocalFunction_NotItsBody(string localFunction) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Pages
            {
                public IEnumerable<int> Sizes(IEnumerable<Task<string>> pages)
                {
                    foreach (var page in pages)
                    {
                        yield return {|YA1001:Measure(page)|};
                    }

                    {{localFunction}}
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_EagerWrapperBlockingBeforeReturningLocalIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class CsvSource
            {
                public IEnumerable<string[]> Rows(string path)
                {
                    var text = File.ReadAllTextAsync(path).Result;
                    return Split(text);

                    static IEnumerable<string[]> Split(string text)
                    {
                        foreach (var line in text.Split('\n'))
                        {
                            yield return line.Split(',');
                        }
                    }
                }
            }
            """);

        [Theory]
        [InlineData("yield return Task.FromResult(1).Result;")]
        [InlineData("yield return Task.FromResult(1).GetAwaiter().GetResult();")]
        [InlineData("Task.CompletedTask.Wait();")]
        [InlineData("Task.CompletedTask.GetAwaiter().GetResult();")]
        [InlineData("yield return new ValueTask<int>(5).Result;")]
        [InlineData("yield return new ValueTask<int>(5).GetAwaiter().GetResult();")]
        [InlineData("yield return ValueTask.FromResult(5).Result;")]
        [InlineData("ValueTask.CompletedTask.GetAwaiter().GetResult();")]
        [InlineData("new ValueTask().GetAwaiter().GetResult();")]
        [InlineData("yield return default(ValueTask<int>).Result;")]
        [InlineData("yield return Task.FromResult(3).ConfigureAwait(false).GetAwaiter().GetResult();")]
        public Task NoDiagnostic_TaskKnownToBeComplete(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Defaults
            {
                public IEnumerable<int> Values()
                {
                    {{statement}}
                    yield return 0;
                }
            }
            """);

        [Theory]
        [InlineData("if (pending.IsCompleted) yield return pending.Result;")]
        [InlineData("if (pending.IsCompleted) { yield return pending.Result; }")]
        [InlineData("yield return pending.IsCompletedSuccessfully ? pending.Result : 0;")]
        [InlineData("yield return !pending.IsCompleted ? 0 : pending.Result;")]
        [InlineData("if (pending.IsCompleted && pending.Result > 0) yield return 1;")]
        [InlineData("if (!pending.IsCompleted || pending.Result > 0) yield return 1;")]
        [InlineData("if (!pending.IsCompleted) yield break; yield return pending.Result;")]
        [InlineData("if (!pending.IsCompleted) { yield break; } foreach (var i in new[] { 1, 2 }) yield return pending.Result * i;")]
        [InlineData("if (!pending.IsCompletedSuccessfully) throw new InvalidOperationException(); yield return pending.Result;")]
        [InlineData("if (pending.IsCompleted == false) yield break; yield return pending.Result;")]
        [InlineData("if (pending.IsCompleted) pending.Wait();")]
        [InlineData("if (pending.IsCompleted) yield return pending.GetAwaiter().GetResult();")]
        [InlineData("if (pending.IsCompleted) yield return pending.ConfigureAwait(false).GetAwaiter().GetResult();")]
        [InlineData("if (pending.Status == TaskStatus.RanToCompletion) yield return pending.Result;")]
        [InlineData("if (pending.Status != TaskStatus.RanToCompletion) yield break; yield return pending.Result;")]
        [InlineData("while (!pending.IsCompleted) yield return 0; yield return pending.Result;")]
        [InlineData("do { yield return 0; } while (!pending.IsCompleted); yield return pending.Result;")]
        [InlineData("for (var polls = 0; !pending.IsCompleted; polls++) yield return polls; yield return pending.Result;")]
        [InlineData("if (pending.IsCompleted is false) yield break; yield return pending.Result;")]
        public Task NoDiagnostic_GuardedByCompletionCheck(string statements) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Poller
            {
                public IEnumerable<int> Drain(Task<int> pending)
                {
                    {{statements}}
                    yield return -1;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_PollingLoopInCoroutineStyleIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections;
            using System.IO;
            using System.Threading.Tasks;

            class SaveGameLoader
            {
                public string Contents { get; private set; } = "";

                public IEnumerator Load(string path)
                {
                    Task<string> read = File.ReadAllTextAsync(path);
                    while (!read.IsCompleted)
                    {
                        yield return null;
                    }

                    Contents = read.Result;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ResultAndWaitOfUnrelatedTypes() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Text.RegularExpressions;

            sealed class ParseOutcome
            {
                public int Result { get; init; }
            }

            sealed class Job
            {
                public string Result { get; private set; } = "";

                public void Wait() => Result = "done";
            }

            class Parser
            {
                public IEnumerable<string> Describe(ParseOutcome outcome, Job job, Match match)
                {
                    yield return outcome.Result.ToString();
                    job.Wait();
                    yield return job.Result;
                    yield return match.Result("$1");
                }
            }
            """);

        [Theory]
        [InlineData("gate.Wait();")]
        [InlineData("gate.Wait(token);")]
        [InlineData("throttle.Wait();")]
        [InlineData("throttle.Wait(TimeSpan.FromSeconds(1));")]
        [InlineData("countdown.Wait(token);")]
        [InlineData("handle.WaitOne();")]
        [InlineData("Thread.SpinWait(20);")]
        public Task NoDiagnostic_WaitOfSynchronizationPrimitive(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading;

            class Consumer
            {
                public IEnumerable<int> Take(
                    ManualResetEventSlim gate,
                    SemaphoreSlim throttle,
                    CountdownEvent countdown,
                    WaitHandle handle,
                    CancellationToken token)
                {
                    {{statement}}
                    yield return 1;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_GetResultOfCustomParser() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            sealed class ExpressionParser
            {
                private readonly string _text;

                public ExpressionParser(string text) => _text = text;

                public int GetResult() => _text.Length;
            }

            class Calculator
            {
                public IEnumerable<int> Evaluate(IEnumerable<string> expressions)
                {
                    foreach (var expression in expressions)
                    {
                        yield return new ExpressionParser(expression).GetResult();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ValueTaskSourceGetResult() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks.Sources;

            class PooledReads
            {
                public IEnumerable<int> Completed(IValueTaskSource<int> source, IEnumerable<short> tokens)
                {
                    foreach (var token in tokens)
                    {
                        if (source.GetStatus(token) == ValueTaskSourceStatus.Succeeded)
                        {
                            yield return source.GetResult(token);
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_NameOfResult() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Inspector
            {
                public IEnumerable<string> Members(Task<int> pending)
                {
                    yield return nameof(pending.Result);
                    yield return nameof(pending.Wait);
                    yield return nameof(Task.WaitAll);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AwaitedInAsyncMethod() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class LogReader
            {
                public async Task<List<string>> ReadAllAsync(IEnumerable<string> paths)
                {
                    var contents = new List<string>();
                    foreach (var path in paths)
                    {
                        contents.Add(await File.ReadAllTextAsync(path));
                    }

                    await Task.Delay(10);
                    return contents;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InsideAsyncIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            class LogReader
            {
                public async IAsyncEnumerable<string> ReadAll(IEnumerable<string> paths)
                {
                    foreach (var path in paths)
                    {
                        await Task.Yield();
                        Thread.Sleep(10);
                        yield return File.ReadAllTextAsync(path).Result;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_NonBlockingTaskMembers() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Scheduler
            {
                public IEnumerable<Task> Plan(Task first, Task second, CancellationToken token)
                {
                    yield return Task.WhenAll(first, second);
                    yield return Task.WhenAny(first, second);
                    yield return Task.Delay(TimeSpan.FromSeconds(1), token);
                    yield return first.WaitAsync(token);
                    yield return first.ContinueWith(_ => Thread.Sleep(10));
                    yield return Task.Run(() => second.Wait());
                    Thread.Yield();
                }
            }
            """);

        [Theory]
        [InlineData("IEnumerable<int> Counts() => Load().Result;")]
        [InlineData("IEnumerable<int> Counts => Load().Result;")]
        [InlineData("IEnumerable<int> Counts() { return Load().GetAwaiter().GetResult(); }")]
        public Task NoDiagnostic_MemberWithoutYieldIsNotAnIterator(string member) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Stats
            {
                private Task<int[]> Load() => Task.Run(() => new[] { 1, 2, 3 });

                public {{member}}
            }
            """);

        [Fact]
        public Task NoDiagnostic_InGeneratedCode() => Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class GeneratedClient
            {
                public IEnumerable<string> Pages(Task<string> first)
                {
                    yield return first.Result;
                }
            }
            """);

        [Theory]
        [InlineData("yield return pending.")]
        [InlineData("yield return pending.Res")]
        [InlineData("yield return pending.GetAwaiter().")]
        [InlineData("foreach (var line in pending.) yield return line;")]
        [InlineData("yield return Task.")]
        [InlineData("yield return pending.Result(")]
        public Task NoDiagnostic_HalfTypedIterator(string statement) => VerifyNoDiagnosticDespiteCompilerErrorsAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Typing
            {
                IEnumerable<string> Lines(Task<string> pending)
                {
                    {{statement}}
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_IteratorCutOffMidExpression() => VerifyNoDiagnosticDespiteCompilerErrorsAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Typing
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return t.
            """);

        [Fact]
        public Task NoDiagnostic_IteratorWithNonEnumerableReturnType() => Verify.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;

            class Counter
            {
                int {|CS1624:Count|}(Task<int> pending)
                {
                    yield return pending.Result;
                }
            }
            """);

        #endregion
    }
}
