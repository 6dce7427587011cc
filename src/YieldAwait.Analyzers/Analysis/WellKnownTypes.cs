using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The types the rules look up by metadata name, resolved once per compilation. The lookup tolerates a type defined in
    /// two assemblies: polyfill packages and projects declare their own <c>IAsyncEnumerable&lt;T&gt;</c>,
    /// <c>IAsyncDisposable</c> and friends, and the raw <c>Compilation.GetTypeByMetadataName</c> then returns null, which
    /// would switch a rule off without a word. <c>GetTypeByMetadataName</c> is banned (src/BannedSymbols.txt) so that every
    /// lookup comes through here.
    /// </summary>
    internal sealed class WellKnownTypes
    {
        private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> Holders = new();
        private static readonly ConditionalWeakTable<Compilation, WellKnownTypes>.CreateValueCallback CreateHolder = c => new WellKnownTypes(c);

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new(StringComparer.Ordinal);
        private readonly Func<string, INamedTypeSymbol?> _resolve;

        private WellKnownTypes(Compilation compilation)
        {
            _compilation = compilation;
            _resolve = Resolve;
        }

        public static WellKnownTypes For(Compilation compilation) => Holders.GetValue(compilation, CreateHolder);

        /// <summary>The type named <paramref name="metadataName"/> that code in this compilation sees; null when there is none or the choice is ambiguous.</summary>
        public INamedTypeSymbol? Get(string metadataName) => _types.GetOrAdd(metadataName, _resolve);

        /// <summary>
        /// One definition: that one. Several: the compilation's own, else the core library's (the assembly of
        /// <c>object</c>, where the compiler itself takes the async interfaces from), else the only one the compilation can
        /// access (a polyfill is usually internal to the assembly that carries it); null when two accessible ones remain.
        /// </summary>
        private INamedTypeSymbol? Resolve(string metadataName)
        {
            // The compilation's own definition, else the core library's, wins over any other (see above); asking those two
            // first spares the search of every referenced assembly (about 160 on a .NET target) for the types most rules use.
            if (_compilation.Assembly.GetTypeByMetadataName(metadataName) is { } own)
            {
                return own;
            }

            var coreLibrary = _compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly;
            if (coreLibrary?.GetTypeByMetadataName(metadataName) is { } core)
            {
                return core;
            }

#pragma warning disable RS0030 // The one place the raw lookup is allowed: it is the fast path for the common unique case.
            if (_compilation.GetTypeByMetadataName(metadataName) is { } unique)
#pragma warning restore RS0030
            {
                return unique;
            }

            var candidates = _compilation.GetTypesByMetadataName(metadataName);
            if (candidates.IsEmpty)
            {
                return null;
            }

            INamedTypeSymbol? fromCoreLibrary = null;
            INamedTypeSymbol? accessible = null;
            var accessibleCount = 0;
            foreach (var candidate in candidates)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, _compilation.Assembly))
                {
                    return candidate;
                }

                if (coreLibrary is not null && SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, coreLibrary))
                {
                    fromCoreLibrary = candidate;
                }

                if (_compilation.IsSymbolAccessibleWithin(candidate, _compilation.Assembly))
                {
                    accessible = candidate;
                    accessibleCount++;
                }
            }

            return fromCoreLibrary ?? (accessibleCount == 1 ? accessible : null);
        }
    }

    /// <summary>The one way the analyzers and fixes look a type up by metadata name.</summary>
    internal static class WellKnownTypeLookup
    {
        /// <summary>The type the compilation's code sees under <paramref name="metadataName"/>, resolved once per compilation (see <see cref="WellKnownTypes"/>).</summary>
        public static INamedTypeSymbol? GetBestTypeByMetadataName(this Compilation compilation, string metadataName) =>
            WellKnownTypes.For(compilation).Get(metadataName);
    }
}
