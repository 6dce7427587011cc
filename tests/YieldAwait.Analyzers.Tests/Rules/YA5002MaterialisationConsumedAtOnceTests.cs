using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA5002MaterialisationConsumedAtOnceAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA5002MaterialisationConsumedAtOnceAnalyzer, YieldAwait.CodeFixes.Rules.YA5002MaterialisationConsumedAtOnceCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA5002MaterialisationConsumedAtOnceTests
    {
        /// <summary>A class with a field, a list parameter and an entry type, for the one-statement theories.</summary>
        private static string InMethod(string statements) => $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;

            sealed class Entry
            {
                public string Level { get; set; } = "";
                public int Size { get; set; }
                public Entry? Next { get; set; }
                public bool Seen;
            }

            sealed class Journal
            {
                private readonly List<Entry> _entries = new();
                private int _printed;

                public void Run(List<Entry> entries, IEnumerable<Entry> stream, Entry[] array, StringBuilder text)
                {
                    {{statements}}
                }

                private void Forget(Entry entry) => _entries.Remove(entry);
            }
            """;

        #region Analyzer: reports copies read once

        [Theory]
        [InlineData("foreach (var e in stream.Where(e => e.Size > 0).{|YA5002:ToList()|}) Console.WriteLine(e.Level);")]
        [InlineData("foreach (var e in stream.{|YA5002:ToArray()|}) text.AppendLine(e.Level);")]
        [InlineData("foreach (var e in _entries.{|YA5002:ToList()|}) { _printed++; Console.WriteLine(e.Level); }")]
        [InlineData("foreach (var e in array.{|YA5002:ToList()|}) e.Size = 0;")]
        [InlineData("var first = stream.{|YA5002:ToList()|}.First();")]
        [InlineData("var error = stream.Where(e => e.Level == \"ERROR\").{|YA5002:ToArray()|}.FirstOrDefault(e => e.Size > 10);")]
        [InlineData("var any = stream.{|YA5002:ToArray()|}.Any();")]
        [InlineData("var all = entries.{|YA5002:ToList()|}.All(e => e.Size > 0);")]
        [InlineData("var set = array.{|YA5002:ToList()|}.ToHashSet();")]
        [InlineData("var count = stream.{|YA5002:ToList()|}.Count();")]
        [InlineData("var count = stream.Select(e => e.Level).Distinct().{|YA5002:ToList()|}.Count;")]
        [InlineData("var length = stream.{|YA5002:ToArray()|}.Length;")]
        [InlineData("var total = stream.Select(e => e.Size).{|YA5002:ToList()|}.Sum();")]
        [InlineData("var max = stream.{|YA5002:ToList()|}.Max(e => e.Size);")]
        [InlineData("var has = stream.Select(e => e.Level).{|YA5002:ToList()|}.Contains(\"WARN\");")]
        [InlineData("var last = stream.{|YA5002:ToList()|}.Last();")]
        [InlineData("var byLevel = stream.{|YA5002:ToList()|}.ToDictionary(e => e.Level);")]
        [InlineData("var third = stream.{|YA5002:ToList()|}.ElementAt(2);")]
        [InlineData("var sizes = stream.{|YA5002:ToList()|}.Aggregate(0, (sum, e) => sum + e.Size);")]
        [InlineData("var single = Enumerable.Single(stream.{|YA5002:ToList()|});")]
        [InlineData("var kept = new List<Entry>(); foreach (var e in entries.{|YA5002:ToList()|}) kept.Add(e); Console.WriteLine(kept.Count);")]
        [InlineData("var kept = new List<Entry>(16); foreach (var e in _entries.Where(e => e.Size > 0).{|YA5002:ToList()|}) { if (!kept.Contains(e)) kept.Add(e); }")]
        [InlineData("var copy = new List<Entry>(entries); foreach (var e in entries.{|YA5002:ToList()|}) copy.Remove(e);")]
        [InlineData("var queue = new System.Collections.Concurrent.ConcurrentQueue<Entry>(); foreach (var e in _entries.{|YA5002:ToList()|}) queue.Enqueue(e);")]
        [InlineData("var active = entries.Where(e => e.Size > 0); var names = new List<string>(); foreach (var e in active.{|YA5002:ToList()|}) names.Add(e.Level);")]
        [InlineData("var levels = new List<string>(); foreach (var e in entries.{|YA5002:ToList()|}) levels.Add(e.Level); levels.Sort();")]
        public Task Reports_CopyReadOnce(string statement) => Verify.VerifyAnalyzerAsync(InMethod(statement));

        [Fact]
        public Task Reports_MessageNamingTheCopyAndItsReader() => Verify.VerifyAnalyzerAsync(InMethod("""
            foreach (var e in stream.{|#0:ToList()|}) Console.WriteLine(e);
                    var any = stream.{|#1:ToArray()|}.Any(e => e.Size > 0);
                    var n = stream.{|#2:ToList()|}.Count;
            """),
            Verify.Diagnostic("YA5002").WithLocation(0).WithArguments("ToList", "this loop"),
            Verify.Diagnostic("YA5002").WithLocation(1).WithArguments("ToArray", "'Any'"),
            Verify.Diagnostic("YA5002").WithLocation(2).WithArguments("ToList", "'Count'"));

        [Fact]
        public Task Reports_AwaitInLoopOverALocalChain() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Sender
            {
                public async Task SendAsync()
                {
                    var batch = new List<string> { "a", "b" };
                    foreach (var item in batch.Where(i => i.Length > 0).{|YA5002:ToList()|})
                    {
                        await Task.Delay(1);
                    }
                }
            }
            """);

        #endregion

        #region Analyzer: look-alikes that stay silent

        [Theory]
        // The loop changes the collection it reads: the copy is what makes this legal.
        [InlineData("foreach (var e in _entries.ToList()) _entries.Remove(e);")]
        [InlineData("foreach (var e in entries.Where(e => e.Size == 0).ToList()) entries.Remove(e);")]
        [InlineData("foreach (var e in entries.ToList()) entries.Add(new Entry());")]
        [InlineData("foreach (var e in entries.ToList()) entries[0] = e;")]
        [InlineData("foreach (var e in array.ToList()) array[0] = e;")]
        [InlineData("foreach (var e in entries.ToList()) entries = new List<Entry>();")]
        [InlineData("foreach (var e in _entries.ToList()) Forget(e);")]
        [InlineData("foreach (var e in entries.ToList()) Clear(entries);")]
        [InlineData("foreach (var e in array.ToList()) Array.Sort(array);")]
        [InlineData("foreach (var e in array.ToList()) Array.Clear(array);")]
        // The element can reach its container: user code handed the element may detach it.
        [InlineData("foreach (var e in entries.ToList()) Detach(e);")]
        // A filter reads state the loop writes: the copy fixes what was filtered.
        [InlineData("foreach (var e in entries.Where(e => !e.Seen).ToList()) { e.Seen = true; if (e.Next != null) e.Next.Seen = true; }")]
        [InlineData("foreach (var e in entries.Where(e => e.Size > _printed).ToList()) _printed++;")]
        // Delegates and local functions run code the rule cannot see.
        [InlineData("foreach (var e in entries.ToList()) Notify?.Invoke(e);")]
        [InlineData("foreach (var e in entries.ToList()) Local(e); void Local(Entry x) => entries.Remove(x);")]
        // Snapshot idioms: inside lock, over a concurrent collection.
        [InlineData("lock (_entries) { foreach (var e in _entries.ToList()) Console.WriteLine(e); }")]
        [InlineData("var bag = new System.Collections.Concurrent.ConcurrentBag<Entry>(); foreach (var e in bag.ToList()) Console.WriteLine(e);")]
        [InlineData("var map = new System.Collections.Concurrent.ConcurrentDictionary<string, Entry>(); foreach (var e in map.Values.Where(v => v.Size > 0).ToList()) Console.WriteLine(e);")]
        // Not read once: kept, chained lazily, passed on, or a List method.
        [InlineData("var copy = stream.ToList(); Console.WriteLine(copy.Count);")]
        [InlineData("var lazy = stream.ToList().Select(e => e.Level);")]
        [InlineData("var ordered = stream.ToList().OrderBy(e => e.Size);")]
        [InlineData("stream.ToList().ForEach(e => Console.WriteLine(e));")]
        [InlineData("var joined = string.Join(\",\", stream.Select(e => e.Level).ToArray());")]
        [InlineData("var set = new HashSet<Entry>(stream.ToList());")]
        [InlineData("entries.AddRange(entries.Where(e => e.Size > 0).ToList());")]
        [InlineData("var index = stream.ToList().IndexOf(array[0]);")]
        [InlineData("var first = stream.ToList()[0];")]
        [InlineData("var set = stream.ToHashSet().Count;")]
        [InlineData("var found = stream.ToList().Find(e => e.Size > 0);")]
        // Not Enumerable's ToList (List<T>.ToArray is the list's own), or not on a member access.
        [InlineData("foreach (var e in entries.ToArray()) Console.WriteLine(e);")]
        [InlineData("var n = Enumerable.ToList(stream).Count;")]
        [InlineData("var n = (stream as List<Entry>)?.ToList().Count;")]
        [InlineData("var other = entries; foreach (var e in entries.ToList()) other.Add(e);")]
        [InlineData("var other = new List<Entry>(); other = entries; foreach (var e in entries.ToList()) other.Add(e);")]
        [InlineData("var other = new List<Entry>(); var all = entries.Concat(other); foreach (var e in all.ToList()) other.Add(e);")]
        [InlineData("var other = new List<Entry>(); var fresh = entries.Where(e => !other.Contains(e)); foreach (var e in fresh.ToList()) other.Add(e);")]
        [InlineData("var other = new List<Entry>(); Clear(other); foreach (var e in entries.ToList()) other.Add(e);")]
        [InlineData("var other = new List<Entry>(); foreach (var e in entries.ToList()) { other.Add(e); entries = other; }")]
        [InlineData("var other = new List<Entry> { array[0] }; foreach (var e in entries.ToList()) other.Add(e);")]
        [InlineData("List<Entry> other = new(); foreach (var e in entries.ToList()) { other.Add(e); other.Reverse(); } Action a = () => other.Clear();")]
        [InlineData("var active = entries.Where(e => e.Size > 0); foreach (var e in active.ToList()) _entries.Add(e);")]
        [InlineData("var other = new List<Entry>(); foreach (var e in _entries.ToList()) _entries.Add(e);")]
        public Task NoDiagnostic_LookAlike(string statement) => Verify.VerifyAnalyzerAsync(InMethod(statement).Replace(
            "private void Forget",
            "public event Action<Entry>? Notify;\n    private static void Detach(Entry e) { }\n    private static void Clear(List<Entry> l) => l.Clear();\n    private void Forget"));

        [Fact]
        public Task NoDiagnostic_OverAQueryable() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Linq;

            class Report
            {
                public void Print(IQueryable<string> users)
                {
                    foreach (var user in users.Where(u => u.Length > 3).ToList()) Console.WriteLine(user);
                    var n = users.ToList().Count;
                    var any = users.AsEnumerable().ToList().Any(u => u.StartsWith("a", StringComparison.OrdinalIgnoreCase));
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_OverAQueryable_EvenWhenTheLoopFillsAnotherList() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;

            class Report
            {
                public List<string> Copy(IQueryable<string> users, List<string> names)
                {
                    var picked = new List<string>();
                    foreach (var user in users.Where(u => u.Length > 3).ToList()) picked.Add(user);
                    foreach (var name in names.AsQueryable().ToList()) picked.Add(name);
                    return picked;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheOtherCollectionIsTheProjectsOwnType() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;

            sealed class Window : List<int>
            {
                public Window(List<int> backing) => Backing = backing;

                public List<int> Backing { get; }
            }

            class Report
            {
                public void Fill(List<int> numbers)
                {
                    var window = new Window(numbers);
                    foreach (var n in numbers.ToList()) window.Backing.Add(n);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AwaitOrYieldWhileReadingSharedState() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Hub
            {
                private readonly List<string> _clients = new();

                public async Task BroadcastAsync(string message)
                {
                    foreach (var client in _clients.ToList()) await Task.Delay(message.Length);
                }

                public IEnumerable<string> Clients()
                {
                    foreach (var client in _clients.ToList()) yield return client;
                }

                public async Task FlushAsync()
                {
                    var clients = _clients;
                    foreach (var client in clients.Where(c => c.Length > 0).ToList()) await Task.Delay(client.Length);
                }

                public async Task SendAsync(List<string> pending)
                {
                    foreach (var item in pending.Where(p => p.Length > 0).ToArray()) await Task.Delay(item.Length);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheSourcesOwnEnumeratorYieldsAnotherType() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Linq;
            using System.Text.RegularExpressions;

            class Words
            {
                public void Print(string text)
                {
                    foreach (var match in Regex.Matches(text, @"\w+").ToList()) Console.WriteLine(match.Value);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InsideExpressionTree() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Linq.Expressions;

            class Query
            {
                public Expression<Func<List<int>, int>> Size = xs => xs.Where(x => x > 0).ToList().Count;
            }
            """);

        [Fact]
        public Task NoDiagnostic_FilesMovedInsideTheDirectoryBeingListed() => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Linq;

            class Archive
            {
                public void Rotate(string directory)
                {
                    foreach (var file in Directory.EnumerateFiles(directory).ToList()) File.Move(file, file + ".old");
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ElementCallsThatRunCallbacks() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            sealed class Hub : IDisposable
            {
                private readonly List<IDisposable> _subscriptions = new();
                private readonly List<IObserver<int>> _observers = new();
                private readonly List<CancellationTokenSource> _pending = new();
                private readonly List<TaskCompletionSource<int>> _waiters = new();

                // Each of these may run code that removes the element from the list: a subscription unlinks itself on
                // Dispose, Cancel runs registrations inline, TrySetResult runs continuations inline.
                public void Dispose() { foreach (var s in _subscriptions.ToList()) s.Dispose(); }
                public void Publish(int v) { foreach (var o in _observers.ToArray()) o.OnNext(v); }
                public void CancelAll() { foreach (var c in _pending.ToList()) c.Cancel(); }
                public void Complete(int v) { foreach (var w in _waiters.ToList()) w.TrySetResult(v); }
            }
            """);

        [Fact]
        public Task NoDiagnostic_XmlAndDataRowsRemovedWhileListed() => Verify.VerifyAnalyzerAsync("""
            using System.Data;
            using System.Linq;
            using System.Xml.Linq;

            static class Cleanup
            {
                public static void Strip(XDocument doc) { foreach (var e in doc.Descendants("secret").ToList()) e.Remove(); }
                public static void DropAttributes(XElement element) { foreach (var a in element.Attributes().ToList()) a.Remove(); }
                public static void DeleteRows(DataTable table) { foreach (var r in table.Rows.Cast<DataRow>().ToList()) r.Delete(); }
                public static bool HasSecrets(XDocument doc) => doc.Descendants("secret").{|YA5002:ToList()|}.Any();
            }
            """);

        [Fact]
        public Task NoDiagnostic_FilesAndDictionariesChangedWhileListed() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            class Store
            {
                private readonly Dictionary<string, int> _counts = new();

                public void Bump() { foreach (var key in _counts.Keys.ToList()) _counts[key]++; }
                public void Prune() { foreach (var pair in _counts.Where(p => p.Value == 0).ToList()) _counts.Remove(pair.Key); }
                public static void Prune(Dictionary<string, int> counts) { foreach (var key in counts.Keys.ToArray()) { if (counts[key] == 0) counts.Remove(key); } }
                public static void Drain(HashSet<int> set) { foreach (var x in set.ToList()) set.Remove(x); }
                public static void Repeat(string path) { foreach (var line in File.ReadLines(path).ToList()) File.AppendAllText(path, line); }
                public static void Backup(string dir) { foreach (var f in new DirectoryInfo(dir).EnumerateFiles().ToList()) f.MoveTo(f.FullName + ".bak"); }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ContainsOverACollectionWithItsOwnComparer() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;

            static class Lookup
            {
                // The copy's Contains uses default equality; the set's or the dictionary's own Contains may ignore case.
                public static bool Known(HashSet<string> names, string name) => names.ToList().Contains(name);
                public static bool Mapped(Dictionary<string, int> map, string key) => map.Keys.ToArray().Contains(key);
                public static bool Listed(IEnumerable<string> names, string name) => names.Where(n => n.Length > 0).{|YA5002:ToList()|}.Contains(name);
            }
            """);

        [Fact]
        public Task NoDiagnostic_SetterWithLogicOnTheElement() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;

            sealed class Node
            {
                private Node? _parent;
                public List<Node> Children { get; } = new();
                public Node? Parent
                {
                    get => _parent;
                    set { _parent?.Children.Remove(this); _parent = value; value?.Children.Add(this); }
                }
            }

            static class Tree
            {
                public static void MoveAll(Node from, Node to)
                {
                    foreach (var child in from.Children.ToList()) child.Parent = to;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_AsyncForEachAndAsyncMaterialisers() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            class Stream
            {
                public async Task ReadAsync(IAsyncEnumerable<int> items, IEnumerable<int> numbers)
                {
                    await foreach (var item in items) { }
                    var reversed = numbers.ToArray().Reverse();
                }
            }
            """);

        [Theory]
        [InlineData("foreach (var e in stream.ToList(")]
        [InlineData("foreach (var e in stream.ToList()) entries.")]
        [InlineData("var n = stream.ToList().Count(")]
        [InlineData("var n = stream.ToList().")]
        [InlineData("var n = stream.ToArray().Length + ")]
        [InlineData("foreach (var e in nope.ToList()) Forget(e)")]
        [InlineData("foreach (var e in stream.ToList()) { await Task.Delay(1); }")]
        [InlineData("var other = new List<Entry>(; foreach (var e in entries.ToList()) other.Add(e);")]
        [InlineData("var other = new List<Entry>(); foreach (var e in entries.ToList()) other.Add(")]
        [InlineData("var other = new Nope<Entry>(); foreach (var e in entries.ToList()) other.Add(e);")]
        public Task NoCrash_HalfTypedCode(string statement) =>
            HalfTypedCode.AssertNoCrashAsync<YieldAwait.Analyzers.Rules.YA5002MaterialisationConsumedAtOnceAnalyzer, YieldAwait.CodeFixes.Rules.YA5002MaterialisationConsumedAtOnceCodeFix>(InMethod(statement));

        #endregion

        #region Fix

        [Fact]
        public Task Fix_RemovesTheCopyInALoop_KeepingComments() => VerifyFix.VerifyCodeFixAsync(InMethod("""
            foreach (var e in stream
                            .Where(e => e.Size > 0)
                            .{|YA5002:ToList()|}) // print them
                    {
                        Console.WriteLine(e.Level);
                    }
            """), InMethod("""
            foreach (var e in stream
                            .Where(e => e.Size > 0)) // print them
                    {
                        Console.WriteLine(e.Level);
                    }
            """));

        [Fact]
        public Task Fix_RemovesTheCopyWhenTheLoopFillsAnotherList() => VerifyFix.VerifyCodeFixAsync(
            InMethod("var kept = new List<Entry>(); foreach (var e in entries.Where(e => e.Size > 0).{|YA5002:ToList()|}) kept.Add(e); Console.WriteLine(kept.Count);"),
            InMethod("var kept = new List<Entry>(); foreach (var e in entries.Where(e => e.Size > 0)) kept.Add(e); Console.WriteLine(kept.Count);"));

        [Fact]
        public Task Fix_RemovesTheCopyBeforeAnOperator() => VerifyFix.VerifyCodeFixAsync(
            InMethod("var any = stream.Where(e => e.Level == \"ERROR\").{|YA5002:ToArray()|}.Any(e => e.Size > 10);"),
            InMethod("var any = stream.Where(e => e.Level == \"ERROR\").Any(e => e.Size > 10);"));

        [Fact]
        public Task Fix_CountPropertyBecomesTheOperator_OrTheCollectionsOwnCount() => VerifyFix.VerifyCodeFixAsync(InMethod("""
            var a = stream.Where(e => e.Size > 0).{|YA5002:ToList()|}.Count;
                    var b = entries.{|YA5002:ToList()|}.Count;
                    var c = array.{|YA5002:ToArray()|}.Length;
                    var d = stream.{|YA5002:ToArray()|}.Length;
            """), InMethod("""
            var a = stream.Where(e => e.Size > 0).Count();
                    var b = entries.Count;
                    var c = array.Length;
                    var d = stream.Count();
            """));

        [Fact]
        public Task FixAll_RemovesEveryCopyInTheDocument_NestedOnesToo() => VerifyFix.VerifyCodeFixAsync(InMethod("""
            foreach (var e in stream.{|YA5002:ToList()|}) Console.WriteLine(e);
                    var n = stream.Where(e => e.Level.{|YA5002:ToArray()|}.Any()).{|YA5002:ToList()|}.Count;
                    var f = array.{|YA5002:ToList()|}.First();
            """), InMethod("""
            foreach (var e in stream) Console.WriteLine(e);
                    var n = stream.Where(e => e.Level.Any()).Count();
                    var f = array.First();
            """));

        #endregion
    }
}
