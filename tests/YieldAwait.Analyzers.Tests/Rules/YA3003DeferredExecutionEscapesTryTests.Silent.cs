using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer, YieldAwait.CodeFixes.Rules.YA3003DeferredExecutionEscapesTryCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3003DeferredExecutionEscapesTryTests
    {
        #region Analyzer: stays silent on look-alikes

        [Fact]
        public Task NoDiagnostic_MaterialisedInsideTheTry() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                public IEnumerable<int> Parse(IEnumerable<string> lines)
                {
                    try
                    {
                        return lines.Select(int.Parse).ToList();
                    }
                    catch (Exception)
                    {
                        return Enumerable.Empty<int>();
                    }
                }

                public IEnumerable<int> ParseLocal(IEnumerable<string> lines)
                {
                    try
                    {
                        var ids = lines.Select(int.Parse).ToArray();
                        return ids;
                    }
                    catch (Exception)
                    {
                        return Enumerable.Empty<int>();
                    }
                }

                public int Sum(IEnumerable<string> lines)
                {
                    try
                    {
                        return lines.Select(int.Parse).Sum();
                    }
                    catch (Exception)
                    {
                        return 0;
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_DeferredLocalConsumedInsideTheTry() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                public IEnumerable<int> Parse(string[] lines)
                {
                    try
                    {
                        var ids = lines.Select(int.Parse);
                        foreach (var id in ids) Console.WriteLine(id);
                        return ids;
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<int>();
                    }
                }

                public IEnumerable<int> Checked(string[] lines)
                {
                    try
                    {
                        var ids = lines.Select(int.Parse);
                        Validate(ids);
                        return ids;
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<int>();
                    }
                }

                private static void Validate(IEnumerable<int> ids) { }
            }
            """);

        [Fact]
        public Task NoDiagnostic_TrivialProjectionOverInMemoryData() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            record Person(string Name, bool IsActive);

            class People
            {
                public IEnumerable<string> ActiveNames(List<Person> people)
                {
                    try
                    {
                        return people.Where(p => p.IsActive).Select(p => p.Name).OrderBy(n => n);
                    }
                    catch (Exception)
                    {
                        return Array.Empty<string>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_SpecificCatchGuardingOtherWorkInTheTry() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            class Config
            {
                public IEnumerable<string> Lines(string path)
                {
                    try
                    {
                        var text = File.ReadAllText(path);
                        return text.Split('\n').Select(l => l.Trim());
                    }
                    catch (IOException)
                    {
                        return Array.Empty<string>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ReturnOutsideTheTryBlockOrWithoutCatch() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                public IEnumerable<int> InCatch(string[] lines)
                {
                    try
                    {
                        Console.WriteLine(lines.Length);
                    }
                    catch (Exception)
                    {
                        return lines.Select(int.Parse);
                    }

                    return Array.Empty<int>();
                }

                public IEnumerable<int> InFinallyOnlyTry(string[] lines)
                {
                    try
                    {
                        return lines.Select(int.Parse);
                    }
                    finally
                    {
                        Console.WriteLine("done");
                    }
                }

                public IEnumerable<int> AfterTry(string[] lines)
                {
                    try
                    {
                        Console.WriteLine(lines.Length);
                    }
                    catch (Exception)
                    {
                    }

                    return lines.Select(int.Parse);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ReturnedValueIsNotLazy() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Store
            {
                private readonly List<int> _ids = new();

                public IEnumerable<int> Ids()
                {
                    try
                    {
                        return _ids;
                    }
                    catch (Exception)
                    {
                        return Array.Empty<int>();
                    }
                }

                public IEnumerable<int> Load(string path)
                {
                    try
                    {
                        return LoadAll(path);
                    }
                    catch (Exception)
                    {
                        return Array.Empty<int>();
                    }
                }

                public IEnumerable<int> Summary(string[] cells)
                {
                    try
                    {
                        return Summarise(cells.Select(int.Parse));
                    }
                    catch (Exception)
                    {
                        return Array.Empty<int>();
                    }
                }

                private static IEnumerable<int> LoadAll(string path) => System.IO.File.ReadAllLines(path).Select(int.Parse).ToList();

                private static int[] Summarise(IEnumerable<int> values) => new[] { values.Sum() };
            }
            """);

        [Fact]
        public Task NoDiagnostic_LambdaDefinedInsideTheTry() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Factories
            {
                public Func<IEnumerable<int>> Parser(string[] cells)
                {
                    try
                    {
                        return () => cells.Select(int.Parse);
                    }
                    catch (Exception)
                    {
                        return () => Array.Empty<int>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_DeferredStoredInAFieldOrNotReturned() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Holder
            {
                private IEnumerable<int> _ids = Array.Empty<int>();

                public void Load(string[] cells)
                {
                    try
                    {
                        _ids = cells.Select(int.Parse);
                    }
                    catch (Exception)
                    {
                        _ids = Array.Empty<int>();
                    }
                }

                public int Count(string[] cells)
                {
                    IEnumerable<int> ids;
                    try
                    {
                        ids = cells.Select(int.Parse);
                    }
                    catch (Exception)
                    {
                        ids = Array.Empty<int>();
                    }

                    return ids.Count();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InAnIteratorTheTryCoversExecution() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Ids
            {
                public IEnumerable<int> Parse(string[] cells)
                {
                    IEnumerable<int> ids;
                    try
                    {
                        ids = cells.Select(int.Parse);
                    }
                    catch (Exception)
                    {
                        yield break;
                    }

                    foreach (var id in ids) yield return id;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_CatchOfAnUnrelatedTypeAroundOtherWork() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Sockets;

            class Client
            {
                public IEnumerable<string> Hosts(string[] names)
                {
                    try
                    {
                        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        Console.WriteLine(socket.Connected);
                        return names.Select(n => n.ToUpperInvariant());
                    }
                    catch (SocketException)
                    {
                        return Array.Empty<string>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_QueryablePropertyOrInMemoryAsQueryableReturnedAsIs() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Linq;

            class Db
            {
                public IQueryable<int> Orders { get; } = new int[0].AsQueryable();

                public IQueryable<int> All()
                {
                    try
                    {
                        return Orders;
                    }
                    catch (InvalidOperationException)
                    {
                        return Enumerable.Empty<int>().AsQueryable();
                    }
                }

                public IQueryable<int> InMemory(int[] ids)
                {
                    try
                    {
                        return ids.AsQueryable();
                    }
                    catch (InvalidOperationException)
                    {
                        return Enumerable.Empty<int>().AsQueryable();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InGeneratedCode() => Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Generated
            {
                public IEnumerable<int> Parse(string[] lines)
                {
                    try { return lines.Select(int.Parse); }
                    catch (Exception) { return Array.Empty<int>(); }
                }
            }
            """);

        [Theory]
        [InlineData("try { return lines.Select(int.Parse) } catch (Exception) { }")]
        [InlineData("try { return lines.Select( } catch { return null; }")]
        [InlineData("try { return lines.Select(int.Parse); } catch (")]
        [InlineData("try { return lines.Sel; } catch { return null; }")]
        [InlineData("try { IEnumerable<int> q; q = lines.Select(int.Parse); } catch { } return q")]
        [InlineData("try { return from l in lines select int.Parse(l) } catch { }")]
        public Task NoCrash_HalfTypedTry(string statements) => HalfTypedCode.AssertNoCrashAsync<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer, YieldAwait.CodeFixes.Rules.YA3003DeferredExecutionEscapesTryCodeFix>($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Typing
            {
                IEnumerable<int> Parse(string[] lines)
                {
                    {{statements}}
                }
            }
            """);

        #endregion
    }
}
