using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1005BlockingWaitInAsyncIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1005BlockingWaitInAsyncIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1005BlockingWaitInAsyncIteratorTests
    {
        #region Analyzer: stays silent on look-alikes

        [Theory]
        [InlineData("yield return await page;")]
        [InlineData("yield return await page.ConfigureAwait(false);")]
        [InlineData("await flush;")]
        [InlineData("await flush.ConfigureAwait(false);")]
        [InlineData("await Task.WhenAll(flush, page);")]
        [InlineData("await Task.WhenAny(flush, page);")]
        [InlineData("await Task.Delay(250, cancellationToken);")]
        [InlineData("await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);")]
        [InlineData("yield return await page.WaitAsync(cancellationToken);")]
        [InlineData("yield return (await size).ToString();")]
        [InlineData("await save;")]
        public Task NoDiagnostic_WhenAwaited(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Uploader
            {
                public async IAsyncEnumerable<string> Upload(
                    Task flush,
                    Task<string> page,
                    ValueTask save,
                    ValueTask<int> size,
                    [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    {{statement}}
                    yield return "done";
                }
            }
            """);

        [Theory]
        [InlineData("await body; yield return body.Result;")]
        [InlineData("await body.ConfigureAwait(false); yield return body.Result;")]
        [InlineData("var text = await body; yield return text + body.Result;")]
        [InlineData("yield return await body; yield return body.GetAwaiter().GetResult();")]
        [InlineData("await Task.WhenAll(header, body); yield return header.Result + body.Result;")]
        [InlineData("await Task.WhenAll(new[] { header, body }); yield return header.Result + body.Result;")]
        [InlineData("await Task.WhenAll(header, body).ConfigureAwait(false); yield return body.Result;")]
        [InlineData("await body; foreach (var line in body.Result.Split('\\n')) yield return line;")]
        [InlineData("Console.WriteLine(await body); yield return body.Result;")]
        public Task NoDiagnostic_ResultAfterTheTaskWasAwaited(string statements) => Verify.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Response
            {
                public async IAsyncEnumerable<string> Parts(Task<string> header, Task<string> body)
                {
                    {{statements}}
                }
            }
            """);

        [Theory]
        [InlineData("if (pending.IsCompleted) yield return pending.Result;")]
        [InlineData("yield return pending.IsCompletedSuccessfully ? pending.Result : await pending;")]
        [InlineData("if (pending.IsCompleted && pending.Result > 0) yield return 1;")]
        [InlineData("if (!pending.IsCompleted) yield break; yield return pending.Result;")]
        [InlineData("if (!pending.IsCompleted) { await Task.Yield(); yield break; } yield return pending.GetAwaiter().GetResult();")]
        [InlineData("while (!pending.IsCompleted) await Task.Delay(10); yield return pending.Result;")]
        [InlineData("if (quick.IsCompleted) yield return quick.Result; else yield return await quick;")]
        public Task NoDiagnostic_GuardedByCompletionCheck(string statements) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Poller
            {
                public async IAsyncEnumerable<int> Drain(Task<int> pending, ValueTask<int> quick)
                {
                    {{statements}}
                    yield return -1;
                }
            }
            """);

        [Theory]
        [InlineData("yield return Task.FromResult(1).Result;")]
        [InlineData("yield return Task.FromResult(1).GetAwaiter().GetResult();")]
        [InlineData("Task.CompletedTask.Wait();")]
        [InlineData("Task.CompletedTask.GetAwaiter().GetResult();")]
        [InlineData("yield return new ValueTask<int>(5).Result;")]
        [InlineData("yield return ValueTask.FromResult(5).Result;")]
        [InlineData("ValueTask.CompletedTask.GetAwaiter().GetResult();")]
        [InlineData("yield return default(ValueTask<int>).Result;")]
        public Task NoDiagnostic_TaskKnownToBeComplete(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Defaults
            {
                public async IAsyncEnumerable<int> Values()
                {
                    await Task.Yield();
                    {{statement}}
                    yield return 0;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ResultInsideLambda() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Offloader
            {
                public async IAsyncEnumerable<string> Pages(IEnumerable<Task<string>> pages)
                {
                    foreach (var page in pages)
                    {
                        yield return await Task.Run(() => page.Result);
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_BlockingInsideAnonymousMethod() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Prefetcher
            {
                public async IAsyncEnumerable<Func<string>> Thunks(IAsyncEnumerable<Task<string>> pages)
                {
                    await foreach (var page in pages)
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
                public async IAsyncEnumerable<int> Lengths(IEnumerable<Task<string>> pages)
                {
                    var lengths = from page in pages
                                  where page.Result.Length > 0
                                  let body = page.Result
                                  select body.Length;
                    foreach (var length in lengths)
                    {
                        await Task.Yield();
                        yield return length;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_CallOfABlockingLocalFunction_NotItsBody() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Pages
            {
                public async IAsyncEnumerable<int> Sizes(IAsyncEnumerable<Task<string>> pages)
                {
                    await foreach (var page in pages)
                    {
                        yield return {|YA1005:Measure(page)|};
                    }

                    static int Measure(Task<string> page)
                    {
                        page.Wait();
                        return page.Result.Length;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InsideSyncIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;

            class LogReader
            {
                public IEnumerable<string> ReadAll(IEnumerable<string> paths)
                {
                    foreach (var path in paths)
                    {
                        Thread.Sleep(10);
                        yield return File.ReadAllTextAsync(path).Result;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_SyncIteratorLocalFunctionInsideAsyncIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Batches
            {
                public async IAsyncEnumerable<int> Totals(IAsyncEnumerable<Task<int[]>> batches)
                {
                    await foreach (var batch in batches)
                    {
                        var total = 0;
                        foreach (var value in Values(batch))
                        {
                            total += value;
                        }

                        yield return total;
                    }

                    static IEnumerable<int> Values(Task<int[]> batch)
                    {
                        foreach (var value in batch.Result)
                        {
                            yield return value;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_BlockingInAsyncMethodThatIsNotAnIterator() => Verify.VerifyAnalyzerAsync("""
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

                    contents.Add(File.ReadAllTextAsync("footer.txt").Result);
                    return contents;
                }
            }
            """);

        [Theory]
        [InlineData("IAsyncEnumerable<string> Lines() => Split(Load().Result);")]
        [InlineData("IAsyncEnumerable<string> Lines { get { return Split(Load().GetAwaiter().GetResult()); } }")]
        public Task NoDiagnostic_MemberWithoutYieldIsNotAnIterator(string member) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Document
            {
                private Task<string> Load() => Task.Run(() => "a\nb");

                private static async IAsyncEnumerable<string> Split(string text)
                {
                    foreach (var line in text.Split('\n'))
                    {
                        await Task.Yield();
                        yield return line;
                    }
                }

                public {{member}}
            }
            """);

        [Fact]
        public Task NoDiagnostic_ResultAndWaitOfUnrelatedTypes() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Text.RegularExpressions;
            using System.Threading.Tasks;

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
                public async IAsyncEnumerable<string> Describe(ParseOutcome outcome, Job job, Match match)
                {
                    await Task.Yield();
                    yield return outcome.Result.ToString();
                    job.Wait();
                    yield return job.Result;
                    yield return match.Result("$1");
                }
            }
            """);

        [Theory]
        [InlineData("gate.Wait();")]
        [InlineData("throttle.Wait(cancellationToken);")]
        [InlineData("countdown.Wait(cancellationToken);")]
        [InlineData("handle.WaitOne();")]
        public Task NoDiagnostic_WaitOfSynchronizationPrimitive(string statement) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Consumer
            {
                public async IAsyncEnumerable<int> Take(
                    ManualResetEventSlim gate,
                    SemaphoreSlim throttle,
                    CountdownEvent countdown,
                    WaitHandle handle,
                    [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await Task.Yield();
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
                public async IAsyncEnumerable<int> Evaluate(IAsyncEnumerable<string> expressions)
                {
                    await foreach (var expression in expressions)
                    {
                        yield return new ExpressionParser(expression).GetResult();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ValueTaskSourceGetResult() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using System.Threading.Tasks.Sources;

            class PooledReads
            {
                public async IAsyncEnumerable<int> Completed(IValueTaskSource<int> source, IEnumerable<short> tokens)
                {
                    foreach (var token in tokens)
                    {
                        await Task.Yield();
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
                public async IAsyncEnumerable<string> Members(Task<int> pending)
                {
                    await Task.Yield();
                    yield return nameof(pending.Result);
                    yield return nameof(pending.Wait);
                    yield return nameof(Task.WaitAll);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_NonBlockingTaskMembers() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            class Scheduler
            {
                public async IAsyncEnumerable<Task> Plan(Task first, Task second)
                {
                    yield return Task.WhenAll(first, second);
                    yield return Task.Delay(100);
                    yield return first.ContinueWith(_ => Thread.Sleep(10));
                    yield return Task.Run(() => second.Wait());
                    await Task.Yield();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InGeneratedCode() => Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class GeneratedClient
            {
                public async IAsyncEnumerable<string> Pages(Task<string> first)
                {
                    await Task.Yield();
                    yield return first.Result;
                }
            }
            """);

        [Theory]
        [InlineData("yield return pending.")]
        [InlineData("yield return pending.Res")]
        [InlineData("yield return pending.GetAwaiter().")]
        [InlineData("await foreach (var line in pending.) yield return line;")]
        [InlineData("yield return await pending.")]
        [InlineData("yield return Task.")]
        [InlineData("yield return pending.Result(")]
        public Task NoDiagnostic_HalfTypedAsyncIterator(string statement) => VerifyNoDiagnosticDespiteCompilerErrorsAsync($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Typing
            {
                async IAsyncEnumerable<string> Lines(Task<string> pending)
                {
                    {{statement}}
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AsyncIteratorCutOffMidExpression() => VerifyNoDiagnosticDespiteCompilerErrorsAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Typing
            {
                async IAsyncEnumerable<int> M(Task<int> t)
                {
                    await Task.Yield();
                    yield return t.
            """);

        [Fact]
        public Task NoDiagnostic_AsyncEnumerableIteratorWithoutAsyncModifier() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Counter
            {
                IAsyncEnumerable<int> {|CS8403:Count|}(Task<int> pending)
                {
                    yield return pending.Result;
                }
            }
            """);

        #endregion
    }
}
