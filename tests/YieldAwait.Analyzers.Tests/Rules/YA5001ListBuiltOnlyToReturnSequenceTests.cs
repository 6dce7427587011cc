using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA5001ListBuiltOnlyToReturnSequenceAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA5001ListBuiltOnlyToReturnSequenceAnalyzer, YieldAwait.CodeFixes.Rules.YA5001ListBuiltOnlyToReturnSequenceCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA5001ListBuiltOnlyToReturnSequenceTests
    {
        /// <summary>A method returning <c>IEnumerable&lt;string&gt;</c> with <paramref name="body"/>, in a class with a field and a logger-like sink.</summary>
        private static string Method(string body, string signature = "public IEnumerable<string> Errors(IEnumerable<string> lines)") => $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            class Parser
            {
                private int _parsed;
                private List<string> _cache = new();

                {{signature}}
                {
                    {{body}}
                }
            }
            """;

        #region Analyzer: reports lists built only to be returned

        [Theory]
        [InlineData("var {|YA5001:errors|} = new List<string>(); foreach (var line in lines) { if (line.StartsWith(\"E\")) errors.Add(line); } return errors;")]
        [InlineData("List<string> {|YA5001:errors|} = new(); foreach (var line in lines) errors.Add(line.Trim()); return errors;")]
        [InlineData("var {|YA5001:errors|} = new List<string>(16); for (var i = 0; i < 3; i++) errors.Add(i.ToString()); return errors;")]
        [InlineData("var {|YA5001:errors|} = new List<string>(); errors.Add(\"first\"); foreach (var line in lines) errors.Add(line); errors.Add(\"last\"); return errors;")]
        [InlineData("var {|YA5001:errors|} = new List<string>(); var n = 0; foreach (var line in lines) { n++; if (n > 10) return errors; errors.Add(line); } return errors;")]
        [InlineData("if (lines == null) throw new ArgumentNullException(nameof(lines)); var {|YA5001:errors|} = new List<string>(); foreach (var line in lines) errors.Add(line); return errors;")]
        [InlineData("ArgumentNullException.ThrowIfNull(lines); var {|YA5001:errors|} = new List<string>(); while (true) { errors.Add(\"x\"); break; } return errors;")]
        [InlineData("var {|YA5001:errors|} = new List<string>(); foreach (var line in lines) { var parts = line.Split(':'); if (parts.Length < 2) throw new FormatException(line); errors.Add(parts[1]); } return errors;")]
        public Task Reports_ListFilledInALoopAndReturned(string body) => VerifyOnName(Method(body));

        [Fact]
        public Task Reports_MessageNamingTheMethodAndTheList() => Verify.VerifyAnalyzerAsync(
            Method("var {|#1:errors|} = new List<string>(); foreach (var line in lines) errors.Add(line); return errors;", "public IEnumerable<string> {|#0:Errors|}(IEnumerable<string> lines)"),
            Verify.Diagnostic("YA5001").WithLocation(0).WithLocation(1).WithArguments("Errors", "errors"));

        [Fact]
        public Task Reports_LocalFunctionOverrideAndElementOfABaseType() => VerifyOnName("""
            using System.Collections.Generic;

            abstract class Source
            {
                public abstract IEnumerable<object> Items(int count);
            }

            sealed class Numbers : Source
            {
                public override IEnumerable<object> Items(int count)
                {
                    var {|YA5001:items|} = new List<string>();
                    for (var i = 0; i < count; i++) items.Add(i.ToString());
                    return items;
                }

                public int Sum(int[] values)
                {
                    var total = 0;
                    foreach (var v in Positive())
                    {
                        if (total > 1000) break;
                        total += v;
                    }

                    return total;

                    IEnumerable<int> Positive()
                    {
                        var {|YA5001:result|} = new List<int>();
                        foreach (var v in values) if (v > 0) result.Add(v);
                        return result;
                    }
                }
            }
            """);

        #endregion

        #region Analyzer: look-alikes that stay silent

        [Theory]
        // The list is used for more than adding and returning.
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Add(line); errors.Sort(); return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) if (!errors.Contains(line)) errors.Add(line); return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Add(line); Console.WriteLine(errors.Count); return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Add(line); _cache = errors; return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Add(line); Fill(errors); return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Add(line); Action a = () => errors.Clear(); return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.AddRange(line.Split(',')); return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Insert(0, line); return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Add(line); return errors.AsReadOnly();")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Add(line); return errors.Distinct();")]
        // No loop: nothing to stream.
        [InlineData("var errors = new List<string>(); errors.Add(\"a\"); errors.Add(\"b\"); return errors;")]
        [InlineData("var errors = new List<string> { \"a\" }; foreach (var line in lines) errors.Add(line); return errors;")]
        [InlineData("var errors = new List<string>(lines); foreach (var line in lines) errors.Add(line); return errors;")]
        [InlineData("var errors = new HashSet<string>(); foreach (var line in lines) errors.Add(line); return errors;")]
        // Laziness would change what the body means.
        [InlineData("var errors = new List<string>(); try { foreach (var line in lines) errors.Add(line); } catch (IOException) { } return errors;")]
        [InlineData("var errors = new List<string>(); using (var reader = new StringReader(\"\")) { foreach (var line in lines) errors.Add(line); } return errors;")]
        [InlineData("using var reader = new StringReader(\"\"); var errors = new List<string>(); foreach (var line in lines) errors.Add(line); return errors;")]
        [InlineData("var errors = new List<string>(); lock (_cache) { foreach (var line in lines) errors.Add(line); } return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) { _parsed++; errors.Add(line); } return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) { Console.WriteLine(line); errors.Add(line); } return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Add(line); Console.WriteLine(\"done\"); return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) { if (line == null) throw new ArgumentException(\"null line\", nameof(lines)); errors.Add(line); } return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Add(line); ArgumentNullException.ThrowIfNull(lines); return errors;")]
        [InlineData("if (lines == null) return Enumerable.Empty<string>(); var errors = new List<string>(); foreach (var line in lines) errors.Add(line); return errors;")]
        [InlineData("var errors = new List<string>(); Span<int> buffer = stackalloc int[4]; foreach (var line in lines) errors.Add(line); return errors;")]
        // Blocking on async work would then happen inside an iterator (YA1001).
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Add(File.ReadAllTextAsync(line).Result); return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) { System.Threading.Thread.Sleep(10); errors.Add(line); } return errors;")]
        public Task NoDiagnostic_LookAlike(string body) => Verify.VerifyAnalyzerAsync(Method(body).Replace(
            "private int _parsed;", "private int _parsed;\n    private static void Fill(List<string> l) { }"));

        [Theory]
        [InlineData("public List<string> Errors(IEnumerable<string> lines)")]
        [InlineData("public IReadOnlyList<string> Errors(IEnumerable<string> lines)")]
        [InlineData("public IReadOnlyCollection<string> Errors(IEnumerable<string> lines)")]
        [InlineData("public System.Collections.IEnumerable Errors(IEnumerable<string> lines)")]
        [InlineData("public IEnumerable<string> Errors(IEnumerable<string> lines, out int count)")]
        [InlineData("public IEnumerable<string> Errors(IEnumerable<string> lines, ref int count)")]
        [InlineData("public unsafe IEnumerable<string> Errors(IEnumerable<string> lines)")]
        public Task NoDiagnostic_SignatureThatCannotOrNeedNotBeAnIterator(string signature) => Verify.VerifyAnalyzerAsync(
            Method("var errors = new List<string>(); foreach (var line in lines) errors.Add(line); " + (signature.Contains("out int") ? "count = 0; " : "") + "return errors;", signature));

        [Fact]
        public Task NoDiagnostic_SnapshotOfACollectionItsTypeChanges() => VerifyOnName("""
            using System.Collections.Generic;

            sealed class Item { public bool Active; }

            sealed class Registry
            {
                private readonly List<Item> _items = new();
                private readonly Dictionary<string, Item> _byName = new();

                public IEnumerable<Item> Active()
                {
                    var result = new List<Item>();
                    foreach (var item in _items)
                        if (item.Active) result.Add(item);
                    return result;
                }

                public IEnumerable<string> Names()
                {
                    var names = new List<string>();
                    foreach (var name in this._byName.Keys)
                        names.Add(name);
                    return names;
                }

                // Callers change the collections while they read the snapshots: as iterators, these loops would throw.
                public void RemoveActive() { foreach (var item in Active()) _items.Remove(item); }
                public void Forget() { foreach (var name in Names()) this._byName.Remove(name); }
            }
            """);

        [Fact]
        public Task Reports_WhenTheTypeNeverChangesTheCollectionItReads() => VerifyOnName("""
            using System.Collections.Generic;

            sealed class Item { public bool Active; }

            sealed class Catalog
            {
                private readonly Item[] _items;
                public Catalog(Item[] items) => _items = items;

                public IEnumerable<Item> Active()
                {
                    var {|YA5001:result|} = new List<Item>();
                    foreach (var item in _items)
                        if (item.Active) result.Add(item);
                    return result;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_PrivateHelperWhoseOnlyCallerReadsItWhole() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Linq;

            sealed class Report
            {
                public List<string> Lines(string[] rows) => Cells(rows).ToList();

                public HashSet<int> Widths(string[] rows) => new HashSet<int>(Sizes(rows));

                public string Header(string[] rows) => string.Join(",", Names(rows));

                public int Total(string[] rows) => Numbers(rows).Sum();

                public void Print(string[] rows)
                {
                    foreach (var row in Printed(rows)) System.Console.WriteLine(row);
                }

                public void Emit(string[] rows, bool filter)
                {
                    IEnumerable<string> props = rows;
                    if (props is null) return;
                    if (filter)
                    {
                        props = Filtered(rows);
                    }

                    foreach (var p in props)
                    {
                        System.Console.WriteLine(p);
                    }
                }

                public ImmutableArray<string> Frozen(string[] rows)
                {
                    return Local().ToImmutableArray();

                    IEnumerable<string> Local()
                    {
                        var copy = new List<string>();
                        foreach (var row in rows) copy.Add(row.ToUpperInvariant());
                        return copy;
                    }
                }

                private IEnumerable<string> Cells(string[] rows)
                {
                    var cells = new List<string>();
                    foreach (var row in rows) cells.Add(row.Trim());
                    return cells;
                }

                private static IEnumerable<int> Sizes(string[] rows)
                {
                    var sizes = new List<int>();
                    foreach (var row in rows) sizes.Add(row.Length);
                    return sizes;
                }

                private static IEnumerable<string> Names(string[] rows)
                {
                    var names = new List<string>();
                    foreach (var row in rows) names.Add(row.Split(';')[0]);
                    return names;
                }

                private static IEnumerable<int> Numbers(string[] rows)
                {
                    var numbers = new List<int>();
                    foreach (var row in rows) numbers.Add(row.Length * 2);
                    return numbers;
                }

                private static IEnumerable<string> Printed(string[] rows)
                {
                    var printed = new List<string>();
                    foreach (var row in rows) printed.Add("> " + row);
                    return printed;
                }

                private static IEnumerable<string> Filtered(string[] rows)
                {
                    var filtered = new List<string>(16);
                    foreach (var row in rows)
                    {
                        if (row.StartsWith("@")) filtered.Add(row);
                    }

                    return filtered;
                }
            }
            """);

        private const string PartialHelper = """
            using System.Collections.Generic;

            static partial class Mapper
            {
                private static IEnumerable<string> Matching(IEnumerable<string> names, string sql)
                {
                    var list = new List<string>(16);
                    foreach (var name in names)
                    {
                        if (sql.Contains("@" + name)) list.Add(name);
                    }

                    return list;
                }
            }
            """;

        [Fact]
        public Task NoDiagnostic_PrivateHelperOfAPartialTypeWhoseOnlyCallerInAnotherFileReadsItWhole() => new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    PartialHelper,
                    """
                    using System.Collections.Generic;

                    static partial class Mapper
                    {
                        public static int Emit(IEnumerable<string> names, string sql, bool filter)
                        {
                            var count = 0;
                            if (filter)
                            {
                                names = Matching(names, sql);
                            }

                            foreach (var name in names)
                            {
                                count += name.Length;
                            }

                            return count;
                        }
                    }
                    """,
                },
            },
        }.RunAsync();

        [Fact]
        public Task Reports_PrivateHelperOfAPartialTypeCalledTwiceAcrossFiles()
        {
            var (helper, expected) = OnTheName(PartialHelper.Replace("var list = new List<string>(16);", "var {|YA5001:list|} = new List<string>(16);"));
            var test = new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        helper,
                        """
                        using System.Collections.Generic;
                        using System.Linq;

                        static partial class Mapper
                        {
                            public static List<string> All(IEnumerable<string> names, string sql) => Matching(names, sql).ToList();

                            public static string First(IEnumerable<string> names, string sql) => Matching(names, sql).FirstOrDefault();
                        }
                        """,
                    },
                },
            };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        [Fact]
        public Task Reports_HelpersThatAreNotReadWholeByOneCaller() => VerifyOnName("""
            using System.Collections.Generic;
            using System.Linq;

            sealed class Report
            {
                public List<string> Lines(string[] rows) => Cells(rows).ToList();

                public int Count(string[] rows) => Cells(rows).Count();

                public string First(string[] rows) => Trimmed(rows).First();

                public List<string> Long(string[] rows) => Upper(rows).Where(r => r.Length > 3).ToList();

                public void Print(string[] rows)
                {
                    foreach (var row in Lower(rows))
                    {
                        if (row.Length == 0) break;
                        System.Console.WriteLine(row);
                    }
                }

                public List<string> Shared(string[] rows) => Published(rows).ToList();

                private IEnumerable<string> Cells(string[] rows)
                {
                    var {|YA5001:cells|} = new List<string>();
                    foreach (var row in rows) cells.Add(row.Trim());
                    return cells;
                }

                private static IEnumerable<string> Trimmed(string[] rows)
                {
                    var {|YA5001:trimmed|} = new List<string>();
                    foreach (var row in rows) trimmed.Add(row.Trim());
                    return trimmed;
                }

                private static IEnumerable<string> Upper(string[] rows)
                {
                    var {|YA5001:upper|} = new List<string>();
                    foreach (var row in rows) upper.Add(row.ToUpperInvariant());
                    return upper;
                }

                private static IEnumerable<string> Lower(string[] rows)
                {
                    var {|YA5001:lower|} = new List<string>();
                    foreach (var row in rows) lower.Add(row.ToLowerInvariant());
                    return lower;
                }

                internal static IEnumerable<string> Published(string[] rows)
                {
                    var {|YA5001:published|} = new List<string>();
                    foreach (var row in rows) published.Add(row);
                    return published;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AsyncMethodReturningATaskOfSequence() => Verify.VerifyAnalyzerAsync(Method(
            "var errors = new List<string>(); foreach (var line in lines) { await System.Threading.Tasks.Task.Yield(); errors.Add(line); } return errors;",
            "public async System.Threading.Tasks.Task<IEnumerable<string>> Errors(IEnumerable<string> lines)"));

        [Fact]
        public Task NoDiagnostic_AlreadyAnIteratorOrExpressionBodied() => VerifyOnName("""
            using System.Collections.Generic;
            using System.Linq;

            class Lines
            {
                public IEnumerable<string> Yielding(IEnumerable<string> lines)
                {
                    foreach (var line in lines) yield return line;
                }

                public IEnumerable<string> Arrow(IEnumerable<string> lines) => lines.ToList();

                public IEnumerable<string> Other(IEnumerable<string> lines)
                {
                    var result = new List<string>();
                    var other = new List<string>();
                    foreach (var line in lines) result.Add(line);
                    return other;
                }
            }
            """);

        [Theory]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Add(")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Add(line); return errors")]
        [InlineData("var errors = new List<>(); foreach (var line in lines) errors.Add(line); return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in lines) errors.Add(nope); return errors;")]
        [InlineData("var errors = new List<string>(); foreach (var line in) errors.Add(line); return errors;")]
        [InlineData("var errors = new List<string>(); ArgumentNullException.ThrowIfNull(); foreach (var line in lines) errors.Add(line); return errors;")]
        [InlineData("return Local().ToList(; IEnumerable<string> Local() { var errors = new List<string>(); foreach (var line in lines) errors.Add(line); return errors; }")]
        [InlineData("return string.Join(\",\", Local(); IEnumerable<string> Local() { var errors = new List<string>(); foreach (var line in lines) errors.Add(line); return errors; }")]
        public Task NoCrash_HalfTypedCode(string body) =>
            HalfTypedCode.AssertNoCrashAsync<YieldAwait.Analyzers.Rules.YA5001ListBuiltOnlyToReturnSequenceAnalyzer, YieldAwait.CodeFixes.Rules.YA5001ListBuiltOnlyToReturnSequenceCodeFix>(Method(body));

        #endregion

        #region Fix

        [Fact]
        public Task Fix_ConvertsToIterator_KeepingComments() => VerifyFixOnName("""
            using System.Collections.Generic;

            class Parser
            {
                /// <summary>The error lines.</summary>
                public IEnumerable<string> Errors(IEnumerable<string> lines)
                {
                    var {|YA5001:errors|} = new List<string>();
                    foreach (var line in lines)
                    {
                        // Only errors.
                        if (line.StartsWith("E"))
                        {
                            errors.Add(line.Trim());
                        }
                    }

                    return errors;
                }

                public void Print(IEnumerable<string> lines)
                {
                    foreach (var error in Errors(lines)) System.Console.WriteLine(error);
                }
            }
            """, """
            using System.Collections.Generic;

            class Parser
            {
                /// <summary>The error lines.</summary>
                public IEnumerable<string> Errors(IEnumerable<string> lines)
                {
                    foreach (var line in lines)
                    {
                        // Only errors.
                        if (line.StartsWith("E"))
                        {
                            yield return line.Trim();
                        }
                    }
                }

                public void Print(IEnumerable<string> lines)
                {
                    foreach (var error in Errors(lines)) System.Console.WriteLine(error);
                }
            }
            """);

        [Fact]
        public Task Fix_EarlyReturnBecomesYieldBreak() => VerifyFixOnName("""
            using System.Collections.Generic;

            static class Take
            {
                public static IEnumerable<int> UpTo(IEnumerable<int> values, int limit)
                {
                    var {|YA5001:taken|} = new List<int>();
                    foreach (var value in values)
                    {
                        if (value > limit) return taken;
                        taken.Add(value);
                    }

                    return taken;
                }
            }
            """, """
            using System.Collections.Generic;

            static class Take
            {
                public static IEnumerable<int> UpTo(IEnumerable<int> values, int limit)
                {
                    foreach (var value in values)
                    {
                        if (value > limit) yield break;
                        yield return value;
                    }
                }
            }
            """);

        private const string ChecksSource = """
            using System;
            using System.Collections.Generic;

            static class Batching
            {
                public static IEnumerable<string> Labels(string prefix, int count)
                {
                    ArgumentNullException.ThrowIfNull(prefix);
                    if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));

                    var {|YA5001:labels|} = new List<string>();
                    for (var i = 0; i < count; i++)
                    {
                        labels.Add(prefix + i);
                    }

                    return labels;
                }
            }
            """;

        private const string ChecksFixed = """
            using System;
            using System.Collections.Generic;

            static class Batching
            {
                public static IEnumerable<string> Labels(string prefix, int count)
                {
                    ArgumentNullException.ThrowIfNull(prefix);
                    if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));

                    return LabelsIterator(prefix, count);

                    static IEnumerable<string> LabelsIterator(string prefix, int count)
                    {
                        for (var i = 0; i < count; i++)
                        {
                            yield return prefix + i;
                        }
                    }
                }
            }
            """;

        [Fact]
        public Task Fix_KeepsArgumentChecksEager() => VerifyFixOnName(ChecksSource, ChecksFixed);

        [Fact]
        public async Task FixedCode_TripsNoDeferredExecutionRule()
        {
            var plain = ChecksFixed;
            await CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3001ArgumentCheckInIteratorAnalyzer>.VerifyAnalyzerAsync(plain);
            await CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3002LazySequenceOutlivesResourceAnalyzer>.VerifyAnalyzerAsync(plain);
            await CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer>.VerifyAnalyzerAsync(plain);
            await CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3004LockHeldAcrossYieldAnalyzer>.VerifyAnalyzerAsync(plain);
            await CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3005GeneratorEnumeratedMoreThanOnceAnalyzer>.VerifyAnalyzerAsync(plain);
            await CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3006DiscardedIteratorCallAnalyzer>.VerifyAnalyzerAsync(plain);
        }

        [Fact]
        public Task FixAll_ConvertsEveryMethodInTheDocument() => VerifyFixOnName("""
            using System.Collections.Generic;

            static class Text
            {
                public static IEnumerable<string> Words(string line)
                {
                    var {|YA5001:words|} = new List<string>();
                    foreach (var word in line.Split(' ')) words.Add(word);
                    return words;
                }

                public static IEnumerable<int> Lengths(string[] words)
                {
                    var {|YA5001:lengths|} = new List<int>();
                    foreach (var word in words) lengths.Add(word.Length);
                    return lengths;
                }
            }
            """, """
            using System.Collections.Generic;

            static class Text
            {
                public static IEnumerable<string> Words(string line)
                {
                    foreach (var word in line.Split(' ')) yield return word;
                }

                public static IEnumerable<int> Lengths(string[] words)
                {
                    foreach (var word in words) yield return word.Length;
                }
            }
            """);

        [Theory]
        // A caller that keeps the result may read it twice: the body would run twice.
        [InlineData("var errors = Errors(lines); var n = errors.Count(); foreach (var e in errors) { }")]
        // A caller's catch would no longer see the body's exceptions (YA3003).
        [InlineData("try { foreach (var e in Errors(lines)) { } } catch (FormatException) { }")]
        [InlineData("try { var n = Errors(lines).Count(); } catch (FormatException) { }")]
        // A caller that passes the result on: whoever receives it may keep it.
        [InlineData("Keep(Errors(lines));")]
        [InlineData("using var reader = new StringReader(\"\"); foreach (var e in Errors(lines)) { }")]
        [InlineData("Func<IEnumerable<string>, IEnumerable<string>> f = Errors;")]
        public Task NoFix_WhenACallerDependsOnTheResultBeingBuilt(string caller) => VerifyNoFix($$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            class Parser
            {
                public IEnumerable<string> Errors(IEnumerable<string> lines)
                {
                    var {|YA5001:errors|} = new List<string>();
                    foreach (var line in lines) errors.Add(line.Length > 0 ? line : throw new FormatException());
                    return errors;
                }

                private static void Keep(IEnumerable<string> values) { }

                public void Use(IEnumerable<string> lines)
                {
                    {{caller}}
                }
            }
            """);

        [Fact]
        public Task NoFix_WhenAChecksInputIsComputedFirst() => VerifyNoFix("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            static class Files
            {
                public static IEnumerable<string> Lines(string path)
                {
                    var text = File.ReadAllText(path);
                    if (text.Length == 0) throw new ArgumentException("empty", nameof(path));
                    var {|YA5001:lines|} = new List<string>();
                    foreach (var line in text.Split('\n')) lines.Add(line);
                    return lines;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenAnAddedValueIsTargetTypedToTheListsType() => VerifyOnName("""
            using System.Collections.Generic;

            class Animal { }
            sealed class Dog : Animal { }

            static class Kennel
            {
                public static IEnumerable<Animal> Dogs(int count)
                {
                    var dogs = new List<Dog>();
                    for (var i = 0; i < count; i++) dogs.Add(new());
                    return dogs;
                }
            }
            """);

        private static Task VerifyNoFix(string source) => VerifyFixOnName(source, source);

        private static Task VerifyOnName(string markup)
        {
            var (source, expected) = OnTheName(markup);
            return Verify.VerifyAnalyzerAsync(source, expected);
        }

        private static Task VerifyFixOnName(string markup, string fixedMarkup)
        {
            var (source, expected) = OnTheName(markup);
            return VerifyFix.VerifyCodeFixAsync(source, expected, OnTheName(fixedMarkup).Source);
        }

        /// <summary>
        /// The tests mark the list (<c>{|YA5001:errors|}</c>); the diagnostic is on the name of the function declared last before
        /// it, with the list's declaration as its additional location. This turns each mark into those two locations.
        /// </summary>
        private static (string Source, DiagnosticResult[] Expected) OnTheName(string markup)
        {
            const string Mark = "{|YA5001:";
            var expected = new List<DiagnosticResult>();
            var source = markup;
            for (var start = source.IndexOf(Mark, StringComparison.Ordinal); start >= 0; start = source.IndexOf(Mark, StringComparison.Ordinal))
            {
                var n = expected.Count * 2;
                var name = Regex.Matches(source.Substring(0, start), @"IEnumerable<[^>]+>\s+(\w+)\(").Last().Groups[1];
                var list = source.Substring(start + Mark.Length, source.IndexOf("|}", start, StringComparison.Ordinal) - start - Mark.Length);
                source = source.Remove(start, Mark.Length).Insert(start, "{|#" + (n + 1) + ":");
                source = source.Remove(name.Index, name.Length).Insert(name.Index, "{|#" + n + ":" + name.Value + "|}");
                expected.Add(Verify.Diagnostic("YA5001").WithLocation(n).WithLocation(n + 1).WithArguments(name.Value, list));
            }

            return (source, expected.ToArray());
        }

        #endregion
    }
}
