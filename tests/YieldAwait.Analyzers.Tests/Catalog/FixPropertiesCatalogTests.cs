using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace YieldAwait.Analyzers.Tests.Catalog
{
    /// <summary>
    /// The analyzer-to-fix contract: each rule that passes facts to its fix does it through one
    /// <c>YieldAwait.Analyzers.FixProperties.YAnnnnFixProperties</c> type (one key per property, <c>Write</c> and <c>TryRead</c>),
    /// and the fix reads every one of them. A key written and never read is a fact the fix works out again, or dead code.
    /// </summary>
    public class FixPropertiesCatalogTests
    {
        private const string ContractNamespace = "YieldAwait.Analyzers.FixProperties";

        private static readonly Regex ContractName = new(@"^(YA\d{4})FixProperties$", RegexOptions.CultureInvariant);

        public static IEnumerable<object[]> Contracts() => ContractTypes().Select(type => new object[] { type.Name });

        [Fact]
        public void ThereAreContracts() => Assert.NotEmpty(ContractTypes());

        [Theory]
        [MemberData(nameof(Contracts))]
        public void Contract_NamesARuleWithAFix(string name)
        {
            var id = ContractName.Match(name).Groups[1].Value;
            Assert.Contains(id, RuleCatalog.Ids);
            Assert.True(RuleCatalog.FixableIds.Contains(id), $"{name} passes facts to a fix, but no fix provider declares {id}.");
        }

        [Theory]
        [MemberData(nameof(Contracts))]
        public void Contract_HasWriteAndTryRead_AndOneKeyPerProperty(string name)
        {
            var type = Contract(name);
            var write = type.GetMethod("Write", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
            Assert.True(write?.ReturnType == typeof(ImmutableDictionary<string, string?>), $"{name}.Write() must return the diagnostic's properties.");
            var tryRead = type.GetMethod("TryRead", BindingFlags.Public | BindingFlags.Static);
            Assert.True(
                tryRead is { ReturnType: var returns } && returns == typeof(bool)
                    && tryRead.GetParameters() is [{ } diagnostic, { IsOut: true } output]
                    && diagnostic.ParameterType == typeof(Diagnostic)
                    && output.ParameterType.GetElementType() == type,
                $"{name} needs 'static bool TryRead(Diagnostic, out {name})'.");

            var keys = type.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.Name.EndsWith("Key", StringComparison.Ordinal))
                .Select(field => (string)field.GetRawConstantValue()!)
                .ToList();
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(FactProperties(type).Count, keys.Count);
        }

        [Theory]
        [MemberData(nameof(Contracts))]
        public void Contract_EveryFactIsReadByTheFix(string name)
        {
            var read = CodeFixMemberReferences().Where(reference => reference.Type == name).Select(reference => reference.Member).ToHashSet(StringComparer.Ordinal);
            Assert.True(read.Contains("TryRead"), $"The code fixes never call {name}.TryRead.");
            foreach (var property in FactProperties(Contract(name)))
            {
                Assert.True(read.Contains("get_" + property.Name), $"The code fixes never read {name}.{property.Name}: delete the key or use it in the fix.");
            }
        }

        [Fact]
        public void Analyzers_WriteProperties_OnlyThroughAContract()
        {
            var analyzerSources = RepositoryFiles.InRepo("src", "YieldAwait.Analyzers");
            var contractFolder = Path.Combine(analyzerSources, "FixProperties") + Path.DirectorySeparatorChar;
            var offenders = Directory.EnumerateFiles(analyzerSources, "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.StartsWith(contractFolder, StringComparison.Ordinal)
                    && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && File.ReadAllText(path).Contains("ImmutableDictionary<string, string?>", StringComparison.Ordinal))
                .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path))
                .ToList();
            Assert.True(offenders.Count == 0, "Diagnostic properties built outside src/YieldAwait.Analyzers/FixProperties: " + string.Join(", ", offenders));
        }

        private static List<Type> ContractTypes() => RuleCatalog.AnalyzerAssembly.GetTypes()
            .Where(type => type.Namespace == ContractNamespace && ContractName.IsMatch(type.Name))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .ToList();

        private static Type Contract(string name) => ContractTypes().Single(type => type.Name == name);

        private static List<PropertyInfo> FactProperties(Type contract) =>
            contract.GetProperties(BindingFlags.Public | BindingFlags.Instance).ToList();

        /// <summary>
        /// The members of other assemblies' types that the code-fix assembly's IL uses (its MemberRef table): the compiler emits a
        /// reference only for a member some method calls, so a property getter listed here is one the fixes read.
        /// </summary>
        private static List<(string Type, string Member)> CodeFixMemberReferences()
        {
            using var stream = File.OpenRead(RuleCatalog.CodeFixAssembly.Location);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            var references = new List<(string, string)>();
            foreach (var handle in metadata.MemberReferences)
            {
                var reference = metadata.GetMemberReference(handle);
                if (reference.Parent.Kind == HandleKind.TypeReference)
                {
                    var type = metadata.GetTypeReference((TypeReferenceHandle)reference.Parent);
                    references.Add((metadata.GetString(type.Name), metadata.GetString(reference.Name)));
                }
            }

            return references;
        }
    }
}
