using System.Collections.Immutable;
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
        /// <summary>
        /// .NET 10, for the APIs it added: <c>Enumerable.InfiniteSequence</c> and <c>System.Linq.AsyncEnumerable</c>
        /// (async LINQ with <c>AsyncEnumerable.InfiniteSequence</c>, <c>ToListAsync</c>, <c>CountAsync</c>…).
        /// </summary>
        public static ReferenceAssemblies Net10 { get; } = new(
            "net10.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
            Path.Combine("ref", "net10.0"));

        /// <summary>.NET 8 with System.Linq.Async (<c>SelectAwait</c>, <c>WhereAwait</c>, <c>ToListAsync</c>…), the async LINQ before .NET 10.</summary>
        public static ReferenceAssemblies Net80WithLinqAsync { get; } = ReferenceAssemblies.Net.Net80.AddPackages(
            ImmutableArray.Create(new PackageIdentity("System.Linq.Async", "6.0.1")));
    }
}
