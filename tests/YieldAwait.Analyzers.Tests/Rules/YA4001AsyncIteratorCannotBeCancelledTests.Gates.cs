using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA4001AsyncIteratorCannotBeCancelledAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA4001AsyncIteratorCannotBeCancelledTests
    {
        #region Analyzer: async iterators at the edges of the gates (one in the compilation, then per type and member)

        [Fact]
        public Task Reports_AsyncIteratorOfANestedType_WhoseOuterTypeHasNone() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Importer
            {
                public Task<int> CountAsync(TextReader reader) => Task.FromResult(reader.Peek());

                private sealed class Lines
                {
                    public async IAsyncEnumerable<string> {|YA4001:ReadAsync|}(TextReader reader)
                    {
                        while (await reader.ReadLineAsync() is { } line)
                        {
                            yield return line;
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_AsyncLocalFunctionIteratorInsideALambdaOfAFieldInitializer() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            static class Feeds
            {
                public static readonly Func<TextReader, IAsyncEnumerable<string>> Lines = reader =>
                {
                    return Read();

                    async IAsyncEnumerable<string> {|YA4001:Read|}()
                    {
                        while (await reader.ReadLineAsync() is { } line)
                        {
                            yield return line;
                        }
                    }
                };
            }
            """);

        [Fact]
        public Task Reports_AsyncLocalFunctionIteratorOfTopLevelStatements() => new Verify.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.IO;

                await foreach (var line in Read(new StreamReader("app.log")))
                {
                    Console.WriteLine(line);
                }

                static async IAsyncEnumerable<string> {|YA4001:Read|}(TextReader reader)
                {
                    while (await reader.ReadLineAsync() is { } line)
                    {
                        yield return line;
                    }
                }
                """,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task Reports_InterfaceMemberImplementedByAnAsyncIteratorOfANestedType() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            interface ISource
            {
                IAsyncEnumerable<int> {|#0:ReadAsync|}();
            }

            static class Sources
            {
                public static ISource Create() => new Delayed();

                private sealed class Delayed : ISource
                {
                    public async IAsyncEnumerable<int> ReadAsync()
                    {
                        await Task.Delay(1);
                        yield return 1;
                    }
                }
            }
            """,
            Verify.Diagnostic("YA4001").WithLocation(0).WithArguments("ReadAsync", "it takes no CancellationToken, so the async iterators that implement it cannot be cancelled"));

        #endregion
    }
}
