using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using YieldAwait.Analyzers.Tests.Catalog;

namespace YieldAwait.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// The reference sets the test compilations use come out complete. An incomplete set does not fail loudly: a
    /// fix test only sees code that binds differently (System.Linq.Async's operators missing, so the fix picks
    /// another shape). These checks make such a run fail for the reason it has.
    /// </summary>
    public class TestReferencesTests
    {
        public static TheoryData<string> SetNames { get; } = new() { "Default", "Net60", "Net10", "Net80WithLinqAsync" };

        [Theory]
        [MemberData(nameof(SetNames))]
        public async Task ReferenceSet_IsComplete(string name)
        {
            var (references, expected) = Expectations(name);
            var resolved = await references.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);

            var files = resolved.OfType<PortableExecutableReference>()
                .Select(reference => reference.FilePath!)
                .ToList();
            foreach (var file in files)
            {
                Assert.True(File.Exists(file), $"{name}: resolved reference {file} does not exist.");
            }

            var names = files.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = expected.Where(assembly => !names.Contains(assembly)).ToList();
            Assert.True(missing.Count == 0, $"{name}: the reference set lacks {string.Join(", ", missing)} ({files.Count} references resolved).");
        }

        [Fact]
        public void EveryReferencePackage_IsDownloadedAtRestore()
        {
            // The packages the sets name must be PackageDownload items of the test project at the same exact version,
            // or a cold machine leaves their resolution to the testing library again.
            var project = XDocument.Load(RepositoryFiles.InRepo("tests", "YieldAwait.Analyzers.Tests", "YieldAwait.Analyzers.Tests.csproj"));
            var downloads = project.Descendants("PackageDownload")
                .SelectMany(item => item.Attribute("Version")!.Value.Split(';')
                    .Select(version => $"{item.Attribute("Include")!.Value}/{version.Trim('[', ']')}"))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);

            var needed = new[]
            {
                TestReferences.Default, TestReferences.Net60, TestReferences.Net10, TestReferences.Net80WithLinqAsync,
            }
                .SelectMany(set => set.Packages.Add(set.ReferenceAssemblyPackage!))
                .Select(package => $"{package.Id}/{package.Version}")
                // System.Linq.Async 6.0.1 depends on this one; the testing library resolves it on its own.
                .Append("Microsoft.Bcl.AsyncInterfaces/6.0.0")
                .Distinct(StringComparer.OrdinalIgnoreCase);

            foreach (var package in needed)
            {
                Assert.True(downloads.Contains(package), $"{package} is used by TestReferences but is not a PackageDownload of the test project.");
            }
        }

        private static (ReferenceAssemblies References, string[] Expected) Expectations(string name) => name switch
        {
            "Default" => (TestReferences.Default, Framework),
            "Net60" => (TestReferences.Net60, Framework),
            "Net10" => (TestReferences.Net10, Framework),
            "Net80WithLinqAsync" => (TestReferences.Net80WithLinqAsync,
                Framework.Concat(new[] { "System.Linq.Async.dll", "Microsoft.Bcl.AsyncInterfaces.dll" }).ToArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };

        /// <summary>A few assemblies every .NET reference pack has; a set without them was cut short.</summary>
        private static readonly string[] Framework =
        {
            "System.Runtime.dll", "System.Linq.dll", "System.Collections.dll", "System.Threading.Tasks.dll", "netstandard.dll",
        };
    }
}
