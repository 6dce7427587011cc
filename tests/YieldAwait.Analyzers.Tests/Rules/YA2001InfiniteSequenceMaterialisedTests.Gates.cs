using System.Threading.Tasks;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA2001InfiniteSequenceMaterialisedAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA2001InfiniteSequenceMaterialisedTests
    {
        #region Analyzer: the compilation's only endless iterator loops on a constant (the YA2xxx gate must stay open)

        [Theory]
        [InlineData("while (Forever) { yield return tick++; }")]
        [InlineData("while (!Stopped) { yield return tick++; }")]
        [InlineData("while (Limits.Forever) { yield return tick++; }")]
        [InlineData("while (MaxTicks > 0 && Forever) { yield return tick++; }")]
        [InlineData("do { yield return tick++; } while (FOREVER);")]
        [InlineData("for (; Forever; tick++) { yield return tick; }")]
        [InlineData("const bool Endless = true; while (Endless) { yield return tick++; }")]
        [InlineData("while (true) { yield return tick++; } yield break;")]
        public Task Reports_WhenTheOnlyEndlessLoopTestsAConstantNamedInPascalCase(string body) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            static class Limits
            {
                public const bool Forever = true;
            }

            class Clock
            {
                private const bool Forever = true;
                private const bool FOREVER = true;
                private const bool Stopped = false;
                private const int MaxTicks = 10;

                static IEnumerable<int> Ticks()
                {
                    var tick = 0;
                    {{body}}
                }

                public List<int> All() => Ticks().{|#0:ToList()|};
            }
            """,
            Verify.Diagnostic("YA2001").WithLocation(0).WithArguments("ToList", "Ticks"));

        [Theory]
        [InlineData("while (Running) { yield return tick++; }")]
        [InlineData("while (running) { yield return tick++; }")]
        [InlineData("while (_running) { yield return tick++; }")]
        [InlineData("while (Running && MaxTicks > 0) { yield return tick++; }")]
        public Task NoDiagnostic_LoopOnAFieldThatIsNoConstant(string body) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class Clock
            {
                private const int MaxTicks = 10;
                private static bool Running = true;
                private bool running = true;
                private bool _running = true;

                // Endless, so the rules are on; never materialised.
                static IEnumerable<int> Beats()
                {
                    while (true) yield return 1;
                }

                IEnumerable<int> Ticks()
                {
                    var tick = 0;
                    {{body}}
                }

                public List<int> All() => Ticks().ToList();

                public void Stop()
                {
                    Running = running = _running = false;
                }
            }
            """);

        #endregion

        #region Analyzer: the only endless loop tests a constant named in camel case (the gate binds such names when the file declares constants)

        [Theory]
        [InlineData("", "const bool forever = true; while (forever) { yield return tick++; }")]
        [InlineData("private const bool _forever = true;", "while (_forever) { yield return tick++; }")]
        [InlineData("private const bool kForever = true;", "while (kForever) { yield return tick++; }")]
        public Task Reports_WhenTheOnlyEndlessLoopTestsAConstantNamedInCamelCase(string field, string body) => Verify.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class Clock
            {
                {{field}}

                static IEnumerable<int> Ticks()
                {
                    var tick = 0;
                    {{body}}
                }

                public List<int> All() => Ticks().{|#0:ToList()|};
            }
            """,
            Verify.Diagnostic("YA2001").WithLocation(0).WithArguments("ToList", "Ticks"));

        #endregion
    }
}
