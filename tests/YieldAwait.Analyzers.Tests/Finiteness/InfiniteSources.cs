namespace YieldAwait.Analyzers.Tests.Finiteness
{
    /// <summary>
    /// Source snippets the YA2xxx tests share: an infinite generator and a finite one, and stand-ins for the library
    /// methods the analysis knows by symbol, declared under their real namespaces (MoreLINQ, System.Interactive).
    /// </summary>
    internal static class InfiniteSources
    {
        /// <summary><c>Gen.Naturals()</c> never ends; <c>Gen.Digits()</c> does.</summary>
        public const string Generators = """
            static class Gen
            {
                public static System.Collections.Generic.IEnumerable<int> Naturals()
                {
                    var n = 0;
                    while (true)
                    {
                        yield return n++;
                    }
                }

                public static System.Collections.Generic.IEnumerable<int> Digits()
                {
                    for (var d = 0; d < 10; d++)
                    {
                        yield return d;
                    }
                }
            }
            """;

        /// <summary>MoreLINQ and System.Interactive, as far as the analysis needs them (signatures as in the packages).</summary>
        public const string LibraryStandIns = """
            namespace MoreLinq
            {
                using System;
                using System.Collections.Generic;

                public static class MoreEnumerable
                {
                    public static IEnumerable<TResult> Generate<TResult>(TResult initial, Func<TResult, TResult> generator) { while (true) { yield return initial; initial = generator(initial); } }
                    public static IEnumerable<TResult> GenerateByIndex<TResult>(Func<int, TResult> generator) { for (var i = 0; ; i++) yield return generator(i); }
                    public static IEnumerable<T> Repeat<T>(this IEnumerable<T> sequence) { while (true) foreach (var item in sequence) yield return item; }
                    public static IEnumerable<T> Repeat<T>(this IEnumerable<T> sequence, int count) { for (var i = 0; i < count; i++) foreach (var item in sequence) yield return item; }
                    public static IEnumerable<int> Random() { var random = new System.Random(); while (true) yield return random.Next(); }
                    public static IEnumerable<IList<T>> Batch<T>(this IEnumerable<T> source, int size) { var batch = new List<T>(); foreach (var item in source) { batch.Add(item); if (batch.Count == size) { yield return batch; batch = new List<T>(); } } }
                    public static IEnumerable<T> TakeUntil<T>(this IEnumerable<T> source, Func<T, bool> predicate) { foreach (var item in source) { yield return item; if (predicate(item)) yield break; } }
                }
            }

            namespace System.Linq
            {
                using System.Collections.Generic;

                public static class EnumerableEx
                {
                    public static IEnumerable<TResult> Repeat<TResult>(TResult value) { while (true) yield return value; }
                    public static IEnumerable<TSource> Repeat<TSource>(this IEnumerable<TSource> source) { while (true) foreach (var item in source) yield return item; }
                    public static IEnumerable<TSource> Repeat<TSource>(this IEnumerable<TSource> source, int count) { for (var i = 0; i < count; i++) foreach (var item in source) yield return item; }
                    public static IEnumerable<TSource> Do<TSource>(this IEnumerable<TSource> source, Action<TSource> onNext) { foreach (var item in source) { onNext(item); yield return item; } }
                }
            }
            """;
    }
}
