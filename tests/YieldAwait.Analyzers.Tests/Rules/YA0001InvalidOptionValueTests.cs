using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Rules;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA0001InvalidOptionValueAnalyzer>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA0001InvalidOptionValueTests
    {
        private const string Code = """
            using System.Collections.Generic;

            class Numbers
            {
                public IEnumerable<int> Count() { yield return 1; }
            }
            """;

        private static Task VerifyAsync(string editorconfig, params DiagnosticResult[] expected) =>
            VerifyAsync(editorconfig, globalconfig: null, expected);

        private static Task VerifyAsync(string editorconfig, string? globalconfig, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = Code };
            test.TestState.Sources.Add(("/Other.cs", "class Other { }"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorconfig));
            if (globalconfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalconfig));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        private static DiagnosticResult Invalid(string key, string value, string problem) =>
            Verify.Diagnostic().WithNoLocation().WithArguments(key, value, problem);

        [Fact]
        public async Task Reports_AsyncSuffixYes_OnceForTheCompilation_NamingTheAllowedValues()
        {
            // Two files share the section: one diagnostic, not one per file.
            await VerifyAsync(
                "yieldawait.async_suffix = yes\n",
                Invalid("yieldawait.async_suffix", "yes", "use true, false or auto; until then the default 'auto' applies"));
        }

        [Theory]
        [InlineData("true")]
        [InlineData("false")]
        [InlineData("auto")]
        [InlineData("True")]
        [InlineData(" FALSE ")]
        [InlineData("")]
        public async Task NoDiagnostic_ForAnAcceptedAsyncSuffix(string value)
        {
            await VerifyAsync($"yieldawait.async_suffix = {value}\n");
        }

        [Fact]
        public async Task Reports_AnExclusionWithoutTheDocumentationIdPrefix()
        {
            await VerifyAsync(
                "yieldawait.blocking_call_exclusions = M:Acme.Store.Open(System.String), Acme.Legacy.FtpClient\n",
                Invalid(
                    "yieldawait.blocking_call_exclusions",
                    "M:Acme.Store.Open(System.String), Acme.Legacy.FtpClient",
                    "'Acme.Legacy.FtpClient' is not a documentation ID starting with M: or T: (such as M:MyCompany.Storage.BlobStore.Open(System.String)), so it matches nothing"));
        }

        [Fact]
        public async Task Reports_InfiniteMethodsThatAreTypes()
        {
            await VerifyAsync(
                "yieldawait.infinite_methods = T:Acme.Clock, Acme.Seq.Cycle\n",
                Invalid(
                    "yieldawait.infinite_methods",
                    "T:Acme.Clock, Acme.Seq.Cycle",
                    "'T:Acme.Clock', 'Acme.Seq.Cycle' are not documentation IDs starting with M: or P: (such as M:Acme.Telemetry.ISensor.Samples), so they match nothing"));
        }

        [Theory]
        [InlineData("yieldawait.blocking_call_exclusions = M:Acme.Store.Open(System.String), T:Acme.Legacy.FtpClient,")]
        [InlineData("yieldawait.infinite_methods = M:Acme.Seq.Cycle``1(System.Collections.Generic.IEnumerable{``0}),P:Acme.Clock.Ticks")]
        [InlineData("yieldawait.infinite_methods =")]
        public async Task NoDiagnostic_ForDocumentationIdLists(string line)
        {
            await VerifyAsync(line + "\n");
        }

        [Fact]
        public async Task Reports_AMisspeltKey()
        {
            await VerifyAsync(
                "yieldawait.asyncsuffix = true\n",
                Invalid(
                    "yieldawait.asyncsuffix",
                    "true",
                    "YieldAwait.Analyzers has no such option; its options are yieldawait.async_suffix, yieldawait.blocking_call_exclusions, yieldawait.infinite_methods (see docs/configuration.md)"));
        }

        [Fact]
        public async Task NoDiagnostic_ForOtherPackagesKeys()
        {
            await VerifyAsync("dotnet_diagnostic.YA1001.severity = error\nyield_await_thing = 1\ncustom.yieldawait.x = 2\n");
        }

        [Fact]
        public async Task Reports_AValueInAGlobalConfig()
        {
            await VerifyAsync(
                "",
                "yieldawait.async_suffix = always\n",
                Invalid("yieldawait.async_suffix", "always", "use true, false or auto; until then the default 'auto' applies"));
        }

        [Fact]
        public async Task Reports_EachDistinctWrongValue_InOrder()
        {
            // Two sections give the files two values: both are wrong, each is said once.
            var test = new Verify.Test { TestCode = Code };
            test.TestState.Sources.Add(("/Legacy/Old.cs", "class Old { }"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\nyieldawait.async_suffix = yes\n\n[Legacy/*.cs]\nyieldawait.async_suffix = no\n"));
            test.ExpectedDiagnostics.Add(Invalid("yieldawait.async_suffix", "no", "use true, false or auto; until then the default 'auto' applies"));
            test.ExpectedDiagnostics.Add(Invalid("yieldawait.async_suffix", "yes", "use true, false or auto; until then the default 'auto' applies"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task NoDiagnostic_WithoutAnyOption_OnHalfTypedCode()
        {
            var test = new Verify.Test { TestCode = "class C { void M() { var x = " };
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public void Problem_IsNullForEveryDefault()
        {
            foreach (var option in Options.RuleOptions.All)
            {
                Assert.Null(YA0001InvalidOptionValueAnalyzer.Problem(option.Key, option.DefaultValue));
            }
        }
    }
}
