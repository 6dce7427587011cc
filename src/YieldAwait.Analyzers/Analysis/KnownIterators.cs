using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Tells whether a called method is a generator, so that calling it runs none of its body. Source methods
    /// are iterators when their body holds <c>yield</c>; compiled ones when they carry the state-machine attribute
    /// the compiler emits (implementation assemblies have it, reference assemblies do not). One instance per compilation.
    /// </summary>
    internal sealed class KnownIterators
    {
        private readonly Compilation _compilation;
        private readonly AsyncTypes _types;
        private readonly INamedTypeSymbol? _iteratorStateMachine;
        private readonly INamedTypeSymbol? _asyncIteratorStateMachine;
        private readonly ConcurrentDictionary<IMethodSymbol, IteratorKind> _kinds = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, IteratorKind> _everyImplementation = new(SymbolEqualityComparer.Default);
        private readonly Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>> _subtypes;

        public KnownIterators(Compilation compilation, AsyncTypes types)
        {
            _compilation = compilation;
            _types = types;
            _iteratorStateMachine = compilation.GetBestTypeByMetadataName("System.Runtime.CompilerServices.IteratorStateMachineAttribute");
            _asyncIteratorStateMachine = compilation.GetBestTypeByMetadataName("System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute");
            _subtypes = new Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>>(CollectSubtypes);
        }

        public AsyncTypes Types => _types;

        /// <summary>The kind of iterator <paramref name="method"/>'s own body is; <see cref="IteratorKind.None"/> when it has none or is not one.</summary>
        public IteratorKind KindOf(IMethodSymbol method)
        {
            method = Definition(method);
            return _kinds.GetOrAdd(method, ComputeKind);
        }

        /// <summary>
        /// The kind of iterator a call runs. A call dispatched to an interface, abstract, virtual or override member can
        /// run any implementation in this compilation: the kind they all share (none when there is none or they differ).
        /// </summary>
        public IteratorKind KindOfCallee(IMethodSymbol method, bool virtualDispatch)
        {
            if (!CanBeIterator(method.ReturnType))
            {
                return IteratorKind.None; // most calls: no need to look at bodies or implementations
            }

            var definition = Definition(method);
            return virtualDispatch && IsDispatched(definition)
                ? _everyImplementation.GetOrAdd(definition, ComputeEveryImplementation)
                : KindOf(definition);
        }

        /// <summary>The kind of iterator an invocation runs, dispatch included.</summary>
        public IteratorKind KindOfCallee(Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation) =>
            KindOfCallee(invocation.TargetMethod, invocation.IsVirtual);

        private bool CanBeIterator(ITypeSymbol returnType) =>
            returnType.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T
                or SpecialType.System_Collections_Generic_IEnumerator_T
                or SpecialType.System_Collections_IEnumerable
                or SpecialType.System_Collections_IEnumerator
            || SymbolEqualityComparer.Default.Equals(returnType.OriginalDefinition, _types.IAsyncEnumerableOfT)
            || SymbolEqualityComparer.Default.Equals(returnType.OriginalDefinition, _types.IAsyncEnumeratorOfT);

        private static IMethodSymbol Definition(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            method = method.OriginalDefinition;
            return method.PartialImplementationPart ?? method;
        }

        private static bool IsDispatched(IMethodSymbol method) =>
            method.ContainingType?.TypeKind == TypeKind.Interface || method.IsAbstract || method.IsVirtual || (method.IsOverride && !method.IsSealed);

        private IteratorKind ComputeKind(IMethodSymbol method) =>
            method.DeclaringSyntaxReferences.IsEmpty ? FromAttributes(method) : DeferredSequences.DeclaredIteratorKind(method, _types);

        private IteratorKind FromAttributes(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                var type = attribute.AttributeClass;
                if (type is null)
                {
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(type, _iteratorStateMachine))
                {
                    return IteratorKind.Sync;
                }

                if (SymbolEqualityComparer.Default.Equals(type, _asyncIteratorStateMachine))
                {
                    return IteratorKind.Async;
                }
            }

            return IteratorKind.None;
        }

        private IteratorKind ComputeEveryImplementation(IMethodSymbol method)
        {
            // Only source functions count here, and an implementation of an ordinary method bears its name: when no iterator of
            // the compilation has that name, none can be one, and the search of every source type is spared.
            if (method.MethodKind == MethodKind.Ordinary && !SourceIndex.For(_compilation).IsIteratorName(method.Name))
            {
                return IteratorKind.None;
            }

            var kinds = new HashSet<IteratorKind>();
            if (!method.IsAbstract && !method.DeclaringSyntaxReferences.IsEmpty)
            {
                kinds.Add(KindOf(method));
            }

            foreach (var implementation in ImplementationsInSource(method))
            {
                kinds.Add(KindOf(implementation));
            }

            if (kinds.Count != 1)
            {
                return IteratorKind.None;
            }

            foreach (var kind in kinds)
            {
                return kind;
            }

            return IteratorKind.None;
        }

        private IEnumerable<IMethodSymbol> ImplementationsInSource(IMethodSymbol method)
        {
            var declaringType = method.ContainingType.OriginalDefinition;
            if (!_subtypes.Value.TryGetValue(declaringType, out var subtypes))
            {
                yield break;
            }

            foreach (var type in subtypes)
            {
                if (declaringType.TypeKind == TypeKind.Interface)
                {
                    foreach (var implemented in type.AllInterfaces)
                    {
                        if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, declaringType))
                        {
                            continue;
                        }

                        foreach (var member in implemented.GetMembers(method.Name))
                        {
                            if (member is IMethodSymbol candidate
                                && SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method)
                                && type.FindImplementationForInterfaceMember(candidate) is IMethodSymbol implementation
                                && !implementation.IsAbstract
                                && SymbolEqualityComparer.Default.Equals(implementation.ContainingType.OriginalDefinition, type))
                            {
                                yield return implementation;
                            }
                        }
                    }

                    continue;
                }

                foreach (var member in type.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol { IsOverride: true, IsAbstract: false } candidate && Overrides(candidate, method))
                    {
                        yield return candidate;
                    }
                }
            }
        }

        private static bool Overrides(IMethodSymbol candidate, IMethodSymbol method)
        {
            for (var current = candidate.OverriddenMethod; current is not null; current = current.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, method))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The source types under each interface and class they implement or derive from (by original definitions), built once:
        /// a dispatched call then reads the types that can implement its member, not every type of the compilation.
        /// </summary>
        private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> CollectSubtypes()
        {
            var subtypes = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            foreach (var type in CollectSourceTypes())
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    Add(implemented.OriginalDefinition, type);
                }

                for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
                {
                    Add(baseType.OriginalDefinition, type);
                }
            }

            return subtypes;

            void Add(INamedTypeSymbol supertype, INamedTypeSymbol type)
            {
                if (SymbolEqualityComparer.Default.Equals(supertype, type))
                {
                    return;
                }

                if (!subtypes.TryGetValue(supertype, out var list))
                {
                    subtypes[supertype] = list = new List<INamedTypeSymbol>();
                }

                if (list.Count == 0 || !SymbolEqualityComparer.Default.Equals(list[list.Count - 1], type))
                {
                    list.Add(type);
                }
            }
        }

        private ImmutableArray<INamedTypeSymbol> CollectSourceTypes()
        {
            var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(_compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                foreach (var member in pending.Pop().GetMembers())
                {
                    if (member is INamespaceSymbol ns)
                    {
                        pending.Push(ns);
                    }
                    else if (member is INamedTypeSymbol type)
                    {
                        types.Add(type);
                        pending.Push(type);
                    }
                }
            }

            return types.ToImmutable();
        }
    }
}
