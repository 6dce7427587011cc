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
        /// <summary>The canonical case, shared by the analyzer and the fix tests.</summary>
        private const string BatchIterator = """
            using System;
            using System.Collections.Generic;

            static class Batching
            {
                public static IEnumerable<List<T>> Batch<T>(this IEnumerable<T> source, int size)
                {
                    if (source == null) {|YA3001:throw new ArgumentNullException(nameof(source))|};
                    if (size <= 0) {|YA3001:throw new ArgumentOutOfRangeException(nameof(size))|};

                    var batch = new List<T>(size);
                    foreach (var item in source)
                    {
                        batch.Add(item);
                        if (batch.Count == size)
                        {
                            yield return batch;
                            batch = new List<T>(size);
                        }
                    }

                    if (batch.Count > 0) yield return batch;
                }
            }
            """;
    }
}
