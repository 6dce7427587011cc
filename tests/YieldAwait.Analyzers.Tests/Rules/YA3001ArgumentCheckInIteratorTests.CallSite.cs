using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3001ArgumentCheckInIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3001ArgumentCheckInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA3001ArgumentCheckInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3001ArgumentCheckInIteratorTests
    {
        #region Analyzer: only checks that could run at the call

        [Fact]
        public Task NoDiagnostic_PreconditionOnWhatTheSourceHolds() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            public static class Windows
            {
                public static IEnumerable<T> From<T>(IEnumerable<T> source, int index)
                {
                    var count = 0;
                    using (var e = source.GetEnumerator())
                    {
                        while (e.MoveNext()) count++;
                    }

                    if (index >= count) throw new ArgumentOutOfRangeException(nameof(index));
                    foreach (var item in source.Skip(index)) yield return item;
                }

                public static IEnumerable<T> Tail<T>(IEnumerable<T> source, int size)
                {
                    if (size > source.Count()) throw new ArgumentOutOfRangeException(nameof(size), "The sequence is shorter.");
                    var copy = source.ToList();
                    if (size > copy.Count / 2) throw new ArgumentOutOfRangeException(nameof(size));
                    for (var i = copy.Count - size; i < copy.Count; i++) yield return copy[i];
                }

                public static IEnumerable<T> AfterHead<T>(IEnumerable<T> source, T expected) where T : IEquatable<T>
                {
                    using var e = source.GetEnumerator();
                    if (!e.MoveNext()) throw new ArgumentException("The sequence is empty.", nameof(source));
                    if (!e.Current.Equals(expected)) throw new ArgumentException("Unexpected head.", nameof(expected));
                    while (e.MoveNext()) yield return e.Current;
                }

                public static IEnumerable<string> Body(TextReader reader, string header)
                {
                    var first = reader.ReadLine();
                    if (first != header) throw new ArgumentException("Wrong header.", nameof(header));
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_CheckOfALocalOrOfACallbacksResult() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            public static class Unfold
            {
                public static IEnumerable<TKey> Keys<TSeed, TKey>(TSeed seed, Func<TSeed, TKey> keyOf, Func<TSeed, TSeed> next)
                {
                    var key = keyOf(seed);
                    if (key is null) throw new ArgumentException("The key selector returned null.", nameof(keyOf));
                    ArgumentNullException.ThrowIfNull(next(seed), "next");
                    var workers = Environment.ProcessorCount;
                    if (workers < 1) throw new ArgumentOutOfRangeException("workers");
                    while (true)
                    {
                        yield return key;
                        seed = next(seed);
                        key = keyOf(seed);
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_ChecksOfParametersAndOfWhatTheyHoldAtTheCall() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            public static class Slices
            {
                public static IEnumerable<T> From<T>(IReadOnlyList<T> items, int index)
                {
                    if (index >= items.Count) {|YA3001:throw new ArgumentOutOfRangeException(nameof(index))|};
                    for (var i = index; i < items.Count; i++) yield return items[i];
                }

                public static IEnumerable<int> Range(string spec)
                {
                    var parts = spec.Split(':');
                    if (parts.Length != 2) {|YA3001:throw new ArgumentException("Expected 'from:to'.", nameof(spec))|};
                    if (!int.TryParse(parts[0], out var from)) {|YA3001:throw new ArgumentException("Bad start.", nameof(spec))|};
                    for (var i = from; i < int.Parse(parts[1]); i++) yield return i;
                }

                public static IEnumerable<T> Each<T>(T[] values, Func<T, bool> keep)
                {
                    foreach (var value in values)
                    {
                        if (value is null) {|YA3001:throw new ArgumentException("Null element.", nameof(values))|};
                    }

                    foreach (var value in values) if (keep(value)) yield return value;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InternalIteratorWhoseCallersValidateOrAreIterators() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            public static class Chunks
            {
                public static IEnumerable<T[]> Of<T>(IEnumerable<T> source, int size)
                {
                    if (source == null) throw new ArgumentNullException(nameof(source));
                    if (size < 1) throw new ArgumentOutOfRangeException(nameof(size));
                    return Split(source, size);
                }

                public static IEnumerable<T[]> Pairs<T>(T[] source) => Split(source ?? throw new ArgumentNullException(nameof(source)), 2);

                private static IEnumerable<T[]> Split<T>(IEnumerable<T> source, int size)
                {
                    if (source == null) throw new ArgumentNullException(nameof(source));
                    if (size < 1) throw new ArgumentOutOfRangeException(nameof(size));
                    var chunk = new List<T>(size);
                    foreach (var item in source)
                    {
                        chunk.Add(item);
                        if (chunk.Count == size)
                        {
                            yield return chunk.ToArray();
                            chunk.Clear();
                        }
                    }
                }
            }

            internal static class Lines
            {
                internal static IEnumerable<string> NonEmpty(IEnumerable<string> lines)
                {
                    ArgumentNullException.ThrowIfNull(lines);
                    foreach (var line in lines) if (line.Length > 0) yield return line;
                }
            }

            public static class Report
            {
                public static IEnumerable<string> Trimmed(IEnumerable<string> lines)
                {
                    foreach (var line in Lines.NonEmpty(lines)) yield return line.Trim();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InternalIteratorEnumeratedAtTheCall_OrFedValuesItsCallersMake() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Inbox
            {
                internal static async IAsyncEnumerable<string> Pages(string text, int size, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
                    for (var i = 0; i < text.Length; i += size)
                    {
                        await Task.Yield();
                        yield return text.Substring(i, Math.Min(size, text.Length - i));
                    }
                }

                private static IEnumerable<int> Steps(int count)
                {
                    if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
                    for (var i = 0; i < count; i++) yield return i;
                }

                private static IEnumerable<char> Letters(string word)
                {
                    ArgumentNullException.ThrowIfNull(word);
                    foreach (var c in word) if (char.IsLetter(c)) yield return c;
                }

                public async Task<int> Send(string text, int size, CancellationToken cancellationToken)
                {
                    var sent = 0;
                    await foreach (var page in Pages(text, size, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false)) sent++;
                    foreach (var step in Steps(size)) sent += step;
                    return sent + Steps(size).ToList().Count;
                }

                public IEnumerable<char> Initials(IEnumerable<string> words)
                {
                    foreach (var c in words.SelectMany(w => Letters(w))) yield return c;
                }

                public int Count(object value) => Letters(value.ToString()!).Count() + Letters(new string('a', 3)).Count();
            }
            """);

        [Fact]
        public Task NoDiagnostic_InternalIteratorNullCheckedButFedMembersDeclaredNonNull() => Verify.VerifyAnalyzerAsync("""
            #nullable enable
            using System;
            using System.Collections.Generic;
            using System.Linq;

            public abstract class Node
            {
                protected abstract IList<Node> Children { get; }

                private readonly List<Node> _extra = new();

                public IEnumerable<string> Names() => Children.Describe();

                public IEnumerable<string> ExtraNames() => Nodes.Describe(_extra);

                public IEnumerable<string> Grandchildren() => Children.SelectMany(c => c.Children).Describe();
            }

            internal static class Nodes
            {
                internal static IEnumerable<string> Describe(this IEnumerable<Node> nodes)
                {
                    ArgumentNullException.ThrowIfNull(nodes);
                    foreach (var node in nodes)
                    {
                        yield return node.GetType().Name;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InternalIteratorFedMembersThatMayBeNull_OrCheckedForMoreThanNull() => Verify.VerifyAnalyzerAsync("""
            #nullable enable
            using System;
            using System.Collections.Generic;

            public class Node
            {
                public IList<Node>? Children { get; set; }

                public List<string> Tags { get; } = new();

                public IEnumerable<string> Names() => Nodes.Describe(Children!);

                public IEnumerable<string> TagNames() => Nodes.NonEmpty(Tags);
            }

            internal static class Nodes
            {
                internal static IEnumerable<string> Describe(IEnumerable<Node> nodes)
                {
                    {|YA3001:ArgumentNullException.ThrowIfNull(nodes)|};
                    foreach (var node in nodes)
                    {
                        yield return node.GetType().Name;
                    }
                }

                internal static IEnumerable<string> NonEmpty(List<string> tags)
                {
                    if (tags.Count == 0) {|YA3001:throw new ArgumentException("no tags", nameof(tags))|};
                    foreach (var tag in tags)
                    {
                        yield return tag;
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_InternalIteratorWithACallerThatPassesAnUncheckedArgument() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            public static class Chunks
            {
                public static IEnumerable<T[]> Of<T>(IEnumerable<T> source, int size)
                {
                    if (source == null) throw new ArgumentNullException(nameof(source));
                    return Split(source, size);
                }

                private static IEnumerable<T[]> Split<T>(IEnumerable<T> source, int size)
                {
                    if (source == null) throw new ArgumentNullException(nameof(source));
                    if (size < 1) {|YA3001:throw new ArgumentOutOfRangeException(nameof(size))|};
                    var chunk = new List<T>(size);
                    foreach (var item in source)
                    {
                        chunk.Add(item);
                        if (chunk.Count == size)
                        {
                            yield return chunk.ToArray();
                            chunk.Clear();
                        }
                    }
                }

                internal static IEnumerable<int> Evens(int[] values, int start)
                {
                    {|YA3001:ArgumentOutOfRangeException.ThrowIfNegative(start)|};
                    for (var i = start; i < values.Length; i += 2) yield return values[i];
                }

                public static int First(int[] values, int start)
                {
                    foreach (var value in Evens(values, start)) return value;
                    return -1;
                }

                public static Func<int[], int, IEnumerable<int>> Picker => Evens;
            }
            """);

        #endregion
    }
}
