using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Finiteness;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA2001InfiniteSequenceMaterialisedAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA2001InfiniteSequenceMaterialisedAnalyzer, YieldAwait.CodeFixes.Rules.YA2001InfiniteSequenceMaterialisedCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    /// <summary>
    /// YA2001 on every materialiser of the catalog, and its fixes. How a sequence comes to be infinite (iterator shapes,
    /// library methods, propagation, the option and the attribute) is tested in <see cref="InfiniteSequenceAnalysisTests"/>.
    /// </summary>
    public partial class YA2001InfiniteSequenceMaterialisedTests
    {
        #region Review of real-code look-alikes

        [Fact]
        public Task NoDiagnostic_RealCodeLookAlikes() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading;

            static class Sequences
            {
                public static IEnumerable<int> Naturals()
                {
                    var i = 0;
                    while (true) yield return i++;
                }

                public static IEnumerable<string> Lines(TextReader reader)
                {
                    while (true)
                    {
                        var line = reader.ReadLine();
                        if (line == null) yield break;
                        yield return line;
                    }
                }

                public static IEnumerable<byte[]> Blocks(Stream stream)
                {
                    for (;;)
                    {
                        var buffer = new byte[4096];
                        var read = stream.Read(buffer, 0, buffer.Length);
                        if (read == 0) break;
                        yield return buffer[..read];
                    }
                }

                public static IEnumerable<int> Polls(CancellationToken token)
                {
                    var n = 0;
                    while (true)
                    {
                        if (token.IsCancellationRequested) yield break;
                        yield return n++;
                    }
                }

                public static IEnumerable<int> Retries(int max)
                {
                    var attempt = 0;
                    while (true)
                    {
                        switch (attempt)
                        {
                            case 0: break;
                            default: if (attempt >= max) yield break; break;
                        }

                        yield return attempt++;
                    }
                }

                public static void Use(TextReader reader, Stream stream, CancellationToken token)
                {
                    var zeros = Enumerable.Repeat(0, 16).ToList();
                    var lines = Lines(reader).ToList();
                    var blocks = Blocks(stream).ToArray();
                    var polls = Polls(token).ToList();
                    var retries = Retries(3).ToList();
                    var firstTen = Naturals().Take(10).ToList();
                    var page = Naturals().Skip(20).Take(10).ToArray();
                    var small = Naturals().TakeWhile(n => n < 100).Sum();
                    var pairs = Naturals().Zip(new[] { "a", "b" }).ToList();
                    var csv = string.Join(",", Naturals().Take(5));
                    var set = new HashSet<int>(Naturals().Take(5));
                    var fifth = Naturals().ElementAt(5);
                    var any = Naturals().Any(n => n > 10);
                    var chunk = Naturals().Chunk(10).First();
                    var bounded = Naturals().Take(10);
                    var list = bounded.ToList();
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_GeneratorsThatEndOnAConditionOrAToken() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;

            static class Sequences
            {
                public static IEnumerable<long> Fibonacci(long limit)
                {
                    long a = 0, b = 1;
                    while (true)
                    {
                        if (a > limit) yield break;
                        yield return a;
                        (a, b) = (b, a + b);
                    }
                }

                public static IEnumerable<int> Until(CancellationToken token)
                {
                    var n = 0;
                    while (!token.IsCancellationRequested) yield return n++;
                }

                public static IEnumerable<T> Walk<T>(T start, Func<T, T?> next) where T : class
                {
                    for (var node = start; node != null; node = next(node)!) yield return node;
                }

                public static IEnumerable<string> Cycle(IReadOnlyList<string> items)
                {
                    while (true) foreach (var item in items) yield return item;
                }

                public static void Use(CancellationToken token)
                {
                    var fib = Fibonacci(1000).ToList();
                    var ticks = Until(token).ToArray();
                    var chain = Walk("a", s => s.Length < 3 ? s + "a" : null).ToList();
                    var colours = Cycle(new[] { "red", "green" }).Take(6).ToList();
                    var repeated = Enumerable.Repeat("x", 3).ToArray();
                }
            }
            """);

        /// <summary>
        /// A throw inside the endless loop does not make the generator finite for this rule (see InfiniteSequenceAnalysisTests:
        /// an overflow guard): materialising it can only end in the exception. Bounded first, it is fine.
        /// </summary>
        [Fact]
        public Task LoopThatEndsOnlyByThrowing_ReportedUnbounded_SilentWhenBounded() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            static class Frames
            {
                public static IEnumerable<byte> Bytes(Stream stream)
                {
                    while (true)
                    {
                        var b = stream.ReadByte();
                        if (b < 0) throw new EndOfStreamException();
                        yield return (byte)b;
                    }
                }

                public static byte[] Header(Stream stream) => Bytes(stream).Take(8).ToArray();

                public static List<byte> All(Stream stream) => Bytes(stream).{|YA2001:ToList()|};
            }
            """);

        #endregion
    }
}
