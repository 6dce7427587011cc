using System.IO;
using Microsoft.CodeAnalysis.Testing;

namespace YieldAwait.Analyzers.Tests.Verifiers
{
    /// <summary>The one place test compilations get their framework: .NET 8, the oldest the package supports.</summary>
    internal static class TestReferences
    {
        public static ReferenceAssemblies Default { get; } = ReferenceAssemblies.Net.Net80;

        /// <summary>.NET 6, for APIs that gained overloads later (<c>TextReader.ReadLineAsync(CancellationToken)</c> is .NET 7).</summary>
        public static ReferenceAssemblies Net60 { get; } = new ReferenceAssemblies(
            "net6.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", "6.0.36"),
            Path.Combine("ref", "net6.0"));
    }
}
