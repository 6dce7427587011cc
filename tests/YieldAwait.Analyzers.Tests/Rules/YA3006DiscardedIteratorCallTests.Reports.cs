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
        #region Analyzer: reports iterator calls whose result is discarded

        [Fact]
        public Task Reports_IteratorCalledAsAStatement() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            class Archive
            {
                public IEnumerable<string> DeleteOlderThan(string directory, TimeSpan age)
                {
                    foreach (var path in Directory.GetFiles(directory))
                    {
                        if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > age)
                        {
                            File.Delete(path);
                            yield return path;
                        }
                    }
                }

                public void Cleanup(string directory)
                {
                    {|YA3006:DeleteOlderThan(directory, TimeSpan.FromDays(7))|};
                }
            }
            """);

        [Fact]
        public Task Reports_MessageNamingTheIteratorAndItsKind() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Outbox
            {
                public async IAsyncEnumerable<int> SendAllAsync(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        await Task.Delay(1);
                        yield return i;
                    }
                }

                public IEnumerable<int> Flush() { yield return 1; }

                public void Run()
                {
                    {|#0:SendAllAsync(3)|};
                    {|#1:Flush()|};
                }
            }
            """,
            Verify.Diagnostic("YA3006").WithLocation(0).WithArguments("SendAllAsync", "async iterator"),
            Verify.Diagnostic("YA3006").WithLocation(1).WithArguments("Flush", "iterator"));

        [Fact]
        public Task Reports_DiscardAssignment() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            static class Migrations
            {
                public static IEnumerable<string> Apply(string[] scripts)
                {
                    foreach (var script in scripts)
                    {
                        System.Console.WriteLine("applying " + script);
                        yield return script;
                    }
                }

                public static void Run(string[] scripts)
                {
                    _ = {|YA3006:Apply(scripts)|};
                }
            }
            """);

        [Fact]
        public Task Reports_StaticExtensionAndGenericIterators() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            static class Effects
            {
                public static IEnumerable<T> Each<T>(this IEnumerable<T> source, Action<T> action)
                {
                    foreach (var item in source)
                    {
                        action(item);
                        yield return item;
                    }
                }

                public static IEnumerable<T> Touch<T>(T value) where T : class
                {
                    Console.WriteLine(value);
                    yield return value;
                }

                public static void Run(List<string> names)
                {
                    {|YA3006:names.Each(Console.WriteLine)|};
                    {|YA3006:Effects.Touch("x")|};
                    {|YA3006:Touch<object>(names)|};
                }
            }
            """);

        [Fact]
        public Task Reports_LocalFunctionIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Seeder
            {
                private readonly List<int> _rows = new();

                public void Seed(int count)
                {
                    {|YA3006:Insert(count)|};

                    IEnumerable<int> Insert(int n)
                    {
                        for (var i = 0; i < n; i++)
                        {
                            _rows.Add(i);
                            yield return i;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_ConditionalAccessAndBaseCall() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Cache
            {
                public virtual IEnumerable<string> Evict()
                {
                    yield return "all";
                }
            }

            class RegionCache : Cache
            {
                public override IEnumerable<string> Evict()
                {
                    {|YA3006:base.Evict()|};
                    yield return "region";
                }

                public static void Reset(Cache? cache)
                {
                    cache?{|YA3006:.Evict()|};
                }
            }
            """);

        [Fact]
        public Task Reports_InterfaceMemberWhoseEveryImplementationIsAnIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            interface IExporter
            {
                IEnumerable<string> Export(string target);
            }

            sealed class CsvExporter : IExporter
            {
                public IEnumerable<string> Export(string target)
                {
                    System.IO.File.WriteAllText(target, "a,b");
                    yield return target;
                }
            }

            sealed class JsonExporter : IExporter
            {
                IEnumerable<string> IExporter.Export(string target)
                {
                    System.IO.File.WriteAllText(target, "{}");
                    yield return target;
                }
            }

            class Job
            {
                public void Run(IExporter exporter) => {|YA3006:exporter.Export("out")|};
            }
            """);

        [Fact]
        public Task Reports_GenericInterfaceMemberWhoseEveryImplementationIsAnIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            interface ISink<T>
            {
                IEnumerable<T> Write(IEnumerable<T> items);
            }

            sealed class ConsoleSink : ISink<string>
            {
                public IEnumerable<string> Write(IEnumerable<string> items)
                {
                    foreach (var item in items)
                    {
                        System.Console.WriteLine(item);
                        yield return item;
                    }
                }
            }

            sealed class NullSink<T> : ISink<T>
            {
                public IEnumerable<T> Write(IEnumerable<T> items)
                {
                    yield break;
                }
            }

            class Job
            {
                public void Run(ISink<string> sink, string[] lines) => {|YA3006:sink.Write(lines)|};
            }
            """);

        [Fact]
        public Task Reports_AbstractMemberWhoseEveryOverrideIsAnIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            abstract class Step
            {
                public abstract IEnumerable<string> Execute();
            }

            sealed class CopyStep : Step
            {
                public override IEnumerable<string> Execute()
                {
                    yield return "copied";
                }
            }

            class Pipeline
            {
                public void Run(IEnumerable<Step> steps)
                {
                    foreach (var step in steps)
                    {
                        {|YA3006:step.Execute()|};
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_IteratorPropertyAndEnumeratorDiscarded() => Verify.VerifyAnalyzerAsync("""
            using System.Collections;
            using System.Collections.Generic;

            class Registry : IEnumerable<string>
            {
                private readonly List<string> _names = new();

                public IEnumerable<string> Loaded
                {
                    get
                    {
                        _names.Add("loaded");
                        yield return "loaded";
                    }
                }

                public IEnumerator<string> GetEnumerator()
                {
                    foreach (var name in _names) yield return name;
                }

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

                public void Warm()
                {
                    _ = {|YA3006:Loaded|};
                    {|YA3006:GetEnumerator()|};
                }
            }
            """);

        [Fact]
        public Task Reports_InAVoidLambdaBody() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Notifier
            {
                public IEnumerable<string> Notify(string user)
                {
                    Console.WriteLine("mail to " + user);
                    yield return user;
                }

                public void NotifyAll(List<string> users)
                {
                    users.ForEach(user => {|YA3006:Notify(user)|});
                    Action later = () => {|YA3006:Notify("admin")|};
                    later();
                }
            }
            """);

        [Fact]
        public async Task Reports_CompiledIteratorsThatCarryTheStateMachineAttribute()
        {
            var library = CSharpCompilation.Create(
                "Library",
                new[] { CSharpSyntaxTree.ParseText("""
                    using System.Collections.Generic;

                    namespace Library
                    {
                        public static class Jobs
                        {
                            public static IEnumerable<int> Run(int count)
                            {
                                for (var i = 0; i < count; i++) yield return i;
                            }

                            public static IEnumerable<int> Eager(int count) => new List<int> { count };
                        }
                    }
                    """) },
                await TestReferences.Default.ResolveAsync(LanguageNames.CSharp, default),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new System.IO.MemoryStream();
            Assert.True(library.Emit(image).Success);

            var test = new Verify.Test
            {
                TestCode = """
                    class Caller
                    {
                        public void Go()
                        {
                            {|YA3006:Library.Jobs.Run(3)|};
                            Library.Jobs.Eager(3);
                        }
                    }
                    """,
            };
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromImage(image.ToArray()));
            await test.RunAsync();
        }

        #endregion
    }
}
