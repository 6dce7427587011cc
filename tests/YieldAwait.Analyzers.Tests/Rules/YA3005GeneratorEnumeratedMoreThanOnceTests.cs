using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3005GeneratorEnumeratedMoreThanOnceAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3005GeneratorEnumeratedMoreThanOnceAnalyzer, YieldAwait.CodeFixes.Rules.YA3005GeneratorEnumeratedMoreThanOnceCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3005GeneratorEnumeratedMoreThanOnceTests
    {
        private const string Generators = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            static class Logs
            {
                public static IEnumerable<string> ReadLines(string path)
                {
                    using var reader = new StreamReader(path);
                    string line;
                    while ((line = reader.ReadLine()) != null)
                    {
                        yield return line;
                    }
                }

                public static IEnumerable<int> Numbers(int count)
                {
                    for (var i = 0; i < count; i++) yield return i;
                }

                public static IEnumerable<int> Materialised(int count) => Enumerable.Range(0, count).ToList();
            }

            """;
    }
}
