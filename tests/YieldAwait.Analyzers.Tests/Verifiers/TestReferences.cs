using Microsoft.CodeAnalysis.Testing;

namespace YieldAwait.Analyzers.Tests.Verifiers
{
    /// <summary>The one place test compilations get their framework: .NET 8, the oldest the package supports.</summary>
    internal static class TestReferences
    {
        public static ReferenceAssemblies Default { get; } = ReferenceAssemblies.Net.Net80;
    }
}
