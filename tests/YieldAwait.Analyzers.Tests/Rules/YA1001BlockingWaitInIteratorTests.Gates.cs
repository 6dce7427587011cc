using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1001BlockingWaitInIteratorAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1001BlockingWaitInIteratorTests
    {
        #region Analyzer: iterators at the edges of the per-type gate (a type, then a member, must hold an iterator)

        [Fact]
        public Task Reports_InIteratorOfANestedType_WhoseOuterTypeHasNone() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Net.Http;

            class Importer
            {
                private readonly HttpClient _http = new HttpClient();

                public int Run(int count)
                {
                    var total = 0;
                    foreach (var page in new Pages(_http).Read(count))
                    {
                        total += page.Length;
                    }

                    return total;
                }

                private sealed class Pages
                {
                    private readonly HttpClient _http;

                    public Pages(HttpClient http) => _http = http;

                    public IEnumerable<string> Read(int count)
                    {
                        for (var i = 0; i < count; i++)
                        {
                            yield return {|#0:_http.GetStringAsync("https://shop.example/p/" + i).Result|};
                        }
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(".Result", "Read"));

        [Fact]
        public Task Reports_InLocalFunctionIteratorOfATypeNestedInAGenericType() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Cache<T>
            {
                public struct Loader
                {
                    public IEnumerable<T> Load(IEnumerable<Task<T>> pending)
                    {
                        return Drain();

                        IEnumerable<T> Drain()
                        {
                            foreach (var task in pending)
                            {
                                yield return {|#0:task.Result|};
                            }
                        }
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(".Result", "Drain"));

        [Fact]
        public Task Reports_InLocalFunctionIteratorInsideALambdaOfAFieldInitializer() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static class Feeds
            {
                private static Task<string> Fetch(int id) => Task.Run(() => "item " + id);

                public static readonly Func<int, IEnumerable<string>> Items = count =>
                {
                    return Read();

                    IEnumerable<string> Read()
                    {
                        for (var i = 0; i < count; i++)
                        {
                            yield return {|#0:Fetch(i).Result|};
                        }
                    }
                };
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(".Result", "Read"));

        [Fact]
        public Task Reports_InLocalFunctionIteratorOfAPropertyGetterThatIsNoIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Dashboard
            {
                private readonly Task<int[]> _counts;

                public Dashboard(Task<int[]> counts) => _counts = counts;

                public IEnumerable<int> Counts
                {
                    get
                    {
                        return Read(_counts);

                        static IEnumerable<int> Read(Task<int[]> counts)
                        {
                            foreach (var count in {|YA1001:counts.Result|})
                            {
                                yield return count;
                            }
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InDefaultInterfaceMethodIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            interface IFeed
            {
                Task<string[]> LoadAsync();

                IEnumerable<string> Lines()
                {
                    foreach (var line in {|#0:LoadAsync().Result|})
                    {
                        yield return line;
                    }
                }
            }
            """,
            Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(".Result", "Lines"));

        [Fact]
        public Task Reports_InLocalFunctionIteratorOfTopLevelStatements() => new Verify.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.Net.Http;

                var http = new HttpClient();
                foreach (var page in Pages(3))
                {
                    Console.WriteLine(page.Length);
                }

                IEnumerable<string> Pages(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        yield return {|#0:http.GetStringAsync("https://shop.example/p/" + i).Result|};
                    }
                }
                """,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            ExpectedDiagnostics = { Verify.Diagnostic("YA1001").WithLocation(0).WithArguments(".Result", "Pages") },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task NoDiagnostic_BlockingOutsideTheIteratorsOfTopLevelStatements() => new Verify.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;

                var first = Task.Run(() => 1).Result;
                foreach (var n in Numbers(first))
                {
                    Console.WriteLine(n + Later(Task.FromResult(n)));
                }

                IEnumerable<int> Numbers(int start)
                {
                    yield return start;
                    yield return start + 1;
                }

                static int Later(Task<int> pending) => pending.Result;
                """,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task NoDiagnostic_NonIteratorMembersOfTypesNestedInOrAroundAnIterator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Outer
            {
                private static Task<int> Load() => Task.Run(() => 1);

                public IEnumerable<int> Items()
                {
                    yield return 1;
                }

                public int Now() => Load().Result;

                private sealed class Inner
                {
                    public int Now() => Load().Result;

                    public IEnumerable<int> Items() => new List<int> { Load().Result };
                }
            }
            """);

        #endregion
    }
}
