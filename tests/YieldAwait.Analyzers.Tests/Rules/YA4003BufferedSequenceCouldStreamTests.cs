using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA4003BufferedSequenceCouldStreamAnalyzer, YieldAwait.CodeFixes.Rules.YA4003BufferedSequenceCouldStreamCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA4003BufferedSequenceCouldStreamTests
    {
        /// <summary>A repository that awaits one page at a time; the producers below buffer what it returns.</summary>
        private const string Store = """

            sealed class Order { public int Id; }

            sealed class Store
            {
                public Task<Order?> NextAsync(CancellationToken cancellationToken = default) => Task.FromResult<Order?>(null);
                public Task<Order?> NextAsync(int page) => Task.FromResult<Order?>(null);
                public Task<bool> ReadAsync() => Task.FromResult(false);
                public Order Current => new Order();
            }
            """;

        private const string Usings = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            """;

        private static Task VerifyAsync(string source) => Verify.VerifyAnalyzerAsync(Usings + source + Store);
    }
}
