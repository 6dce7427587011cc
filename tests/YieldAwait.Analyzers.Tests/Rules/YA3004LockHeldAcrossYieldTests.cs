using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3004LockHeldAcrossYieldAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3004LockHeldAcrossYieldAnalyzer, YieldAwait.CodeFixes.Rules.YA3004LockHeldAcrossYieldCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3004LockHeldAcrossYieldTests
    {
    }
}
