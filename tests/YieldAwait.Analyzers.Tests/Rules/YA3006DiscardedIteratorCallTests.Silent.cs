using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3006DiscardedIteratorCallAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3006DiscardedIteratorCallTests
    {
        #region Analyzer: stays silent on look-alikes

        [Fact]
        public Task NoDiagnostic_NonIteratorMethodReturningASequence() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class Archive
            {
                public IEnumerable<string> DeleteAll(string directory)
                {
                    var deleted = new List<string>();
                    foreach (var path in Directory.GetFiles(directory))
                    {
                        File.Delete(path);
                        deleted.Add(path);
                    }

                    return deleted;
                }

                public void Cleanup(string directory)
                {
                    DeleteAll(directory);
                    _ = DeleteAll(directory);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_EagerWrapperAroundALocalIterator() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Parser
            {
                public IEnumerable<int> Numbers(string text)
                {
                    ArgumentNullException.ThrowIfNull(text);
                    return NumbersIterator(text);

                    static IEnumerable<int> NumbersIterator(string text)
                    {
                        foreach (var part in text.Split(',')) yield return int.Parse(part);
                    }
                }

                public void Validate(string text) => Numbers(text);
            }
            """);

        [Fact]
        public Task NoDiagnostic_ResultEnumeratedAssignedReturnedOrPassed() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;

            class Jobs
            {
                public IEnumerable<int> Run(int count)
                {
                    for (var i = 0; i < count; i++) yield return i;
                }

                public IEnumerable<int> Forward(int count) => Run(count);

                public int Use(int count)
                {
                    foreach (var _ in Run(count)) { }
                    var pending = Run(count);
                    var list = Run(count).ToList();
                    Consume(Run(count));
                    Run(count).ToList();
                    Run(count).Count();
                    return pending.Sum() + list.Count;
                }

                private static void Consume(IEnumerable<int> values) { }
            }
            """);

        [Fact]
        public Task NoDiagnostic_DeferredLinqOperatorDiscarded_LeftToCA1806() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Mailer
            {
                public void SendAll(List<string> users)
                {
                    users.Select(u => { Console.WriteLine(u); return u; });
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InterfaceWithANonIteratorImplementationOrNone() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            interface IExporter
            {
                IEnumerable<string> Export(string target);
            }

            interface IImporter
            {
                IEnumerable<string> Import(string source);
            }

            sealed class CsvExporter : IExporter
            {
                public IEnumerable<string> Export(string target)
                {
                    yield return target;
                }
            }

            sealed class EagerExporter : IExporter
            {
                public IEnumerable<string> Export(string target)
                {
                    System.IO.File.WriteAllText(target, "");
                    return new[] { target };
                }
            }

            class Job
            {
                public void Run(IExporter exporter, IImporter importer)
                {
                    exporter.Export("out");
                    importer.Import("in");
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_VirtualIteratorOverriddenEagerly() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Step
            {
                public virtual IEnumerable<string> Execute()
                {
                    yield return "base";
                }
            }

            sealed class EagerStep : Step
            {
                public override IEnumerable<string> Execute() => new List<string> { "eager" };
            }

            class Pipeline
            {
                public void Run(Step step) => step.Execute();
            }
            """);

        [Fact]
        public Task NoDiagnostic_DelegateAndMethodGroup() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Scheduler
            {
                public IEnumerable<int> Tick()
                {
                    yield return 1;
                }

                public void Run(Func<IEnumerable<int>> job)
                {
                    job();
                    Func<IEnumerable<int>> tick = Tick;
                    tick.Invoke();
                    Schedule(Tick);
                    var name = nameof(Tick);
                }

                private static void Schedule(Func<IEnumerable<int>> job) { }
            }
            """);

        [Fact]
        public Task NoDiagnostic_LambdaThatReturnsTheSequence() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Feeds
            {
                public IEnumerable<string> Items(string feed)
                {
                    yield return feed;
                }

                public List<string> All(List<string> feeds)
                {
                    Func<IEnumerable<string>> first = () => Items(feeds[0]);
                    return feeds.SelectMany(f => Items(f)).Concat(first()).ToList();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AsyncMethodsAndAwaitedCalls() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Store
            {
                public async Task<IEnumerable<int>> LoadAsync()
                {
                    await Task.Yield();
                    return new[] { 1 };
                }

                public async Task SaveAsync() => await Task.Yield();

                public async Task RunAsync()
                {
                    await LoadAsync();
                    _ = LoadAsync();
                    await SaveAsync();
                    SaveAsync().Wait();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_MethodWhoseLocalFunctionIsTheIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Sender
            {
                public IEnumerable<int> Prepare(int count)
                {
                    return Items();

                    IEnumerable<int> Items()
                    {
                        for (var i = 0; i < count; i++) yield return i;
                    }
                }

                public void Go() => Prepare(3);
            }
            """);

        [Fact]
        public Task NoDiagnostic_ReferenceAssemblyMethodsCarryNoStateMachineAttribute() => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Linq;

            class Probe
            {
                public void Touch(string path)
                {
                    File.ReadLines(path);
                    Directory.EnumerateFiles(path);
                    Enumerable.Range(0, 3);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_IteratorWithInvalidReturnType() => Verify.VerifyAnalyzerAsync("""
            class Counter
            {
                int {|CS1624:Count|}()
                {
                    yield return 1;
                }

                void Run() => Count();
            }
            """);

        [Fact]
        public Task NoDiagnostic_InGeneratedCode() => Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Collections.Generic;

            class Generated
            {
                IEnumerable<int> Items() { yield return 1; }

                void Run() { Items(); }
            }
            """);

        [Theory]
        [InlineData("Items(")]
        [InlineData("Items()")]
        [InlineData("_ = Items(")]
        [InlineData("this.Items().")]
        [InlineData("Item();")]
        [InlineData("_ = ;")]
        public Task NoCrash_HalfTypedCall(string statement) => HalfTypedCode.AssertNoCrashAsync<YieldAwait.Analyzers.Rules.YA3006DiscardedIteratorCallAnalyzer>($$"""
            using System.Collections.Generic;

            class Typing
            {
                IEnumerable<int> Items() { yield return 1; }

                void Run()
                {
                    {{statement}}
                }
            }
            """);

        #endregion
    }
}
