using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>Who enumerates a sync iterator, as far as the compilation shows.</summary>
    [Flags]
    internal enum IteratorConsumerKinds
    {
        /// <summary>No reference in the compilation enumerates it (a public API used elsewhere, or dead code).</summary>
        None = 0,

        /// <summary>A synchronous function enumerates it (or a deliberately synchronous API passes it on).</summary>
        Sync = 1,

        /// <summary>An async function enumerates it: a coroutine consuming a blocking generator.</summary>
        Async = 2,
    }

    /// <summary>
    /// Finds whether a sync iterator is enumerated by a coroutine: its references are followed through the functions that only
    /// pass the lazy sequence on (sync iterators over it, methods that return a LINQ chain over it, lambdas given to LINQ
    /// operators) up to a function that enumerates it, sync or async. The references of a name are found through the
    /// compilation's <see cref="IdentifierIndex"/> and bound only for the rare iterators that make a blocking call with an
    /// async counterpart, so the diagnostic stays live (reported from the iterator's own body) at a small cost.
    /// </summary>
    internal sealed class IteratorConsumers
    {
        /// <summary>How many pass-through functions are followed; a deeper chain counts as not consumed by a coroutine.</summary>
        private const int MaxDepth = 4;

        private readonly Compilation _compilation;
        private readonly IdentifierIndex _identifiers;
        private readonly AsyncTypes _types;
        private readonly ConcurrentDictionary<ISymbol, Lazy<IteratorConsumerKinds>> _cache = new(SymbolEqualityComparer.Default);

        public IteratorConsumers(Compilation compilation, AsyncTypes types, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _types = types;
            _identifiers = new IdentifierIndex(compilation, cancellationToken);
        }

        /// <summary>Who enumerates <paramref name="iterator"/>, directly or through sync iterators and LINQ.</summary>
        public IteratorConsumerKinds Of(IMethodSymbol iterator, CancellationToken cancellationToken)
        {
            var target = Referenced(iterator);

            // PublicationOnly: a search cancelled with one operation's token is not cached as a failure for the next.
            return _cache.GetOrAdd(target, symbol => new Lazy<IteratorConsumerKinds>(
                () => Search(symbol, new HashSet<ISymbol>(SymbolEqualityComparer.Default) { symbol }, 0, cancellationToken),
                LazyThreadSafetyMode.PublicationOnly)).Value;
        }

        /// <summary>
        /// True for the sync half of a deliberate API: a function with an async twin of the same role beside it
        /// (<c>Query</c>/<c>QueryAsync</c>, <c>GetEnumerator</c>/<c>GetAsyncEnumerator</c>), or one that implements an interface
        /// member or overrides a library member, whose synchronous signature it cannot change.
        /// </summary>
        public bool IsDeliberatelySync(IMethodSymbol function) =>
            HasAsyncTwin(function) || ImplementsInterfaceMember(function) || OverridesLibraryMember(function);

        private static ISymbol Referenced(IMethodSymbol function) =>
            function.MethodKind == MethodKind.PropertyGet && function.AssociatedSymbol is { } property
                ? property.OriginalDefinition
                : function.OriginalDefinition;

        private IteratorConsumerKinds Search(ISymbol symbol, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
        {
            var found = IteratorConsumerKinds.None;
            foreach (var (node, model) in References(symbol, cancellationToken))
            {
                found |= Classify(node, model, visited, depth, cancellationToken);
                if (found == (IteratorConsumerKinds.Sync | IteratorConsumerKinds.Async))
                {
                    break;
                }
            }

            return found;
        }

        private IEnumerable<(SimpleNameSyntax Node, SemanticModel Model)> References(ISymbol symbol, CancellationToken cancellationToken)
        {
            var name = symbol.Name;
            if (symbol is IPropertySymbol { IsIndexer: true })
            {
                yield break;
            }

            if (symbol.DeclaredAccessibility != Accessibility.Private && symbol is not IMethodSymbol { MethodKind: MethodKind.LocalFunction })
            {
                // Visible across the compilation: every spelling of the name is bound once and shared by every iterator of that
                // name (code that repeats names, generated code above all, would otherwise bind them once per iterator).
                foreach (var bound in _identifiers.BoundSpellings(name))
                {
                    if ((symbol is not IMethodSymbol || SyntacticGates.MayNameMethod(bound.Node))
                        && (Matches(bound.Info.Symbol, symbol) || (bound.Info.Symbol is null && bound.Info.CandidateSymbols.Any(candidate => Matches(candidate, symbol)))))
                    {
                        yield return (bound.Node, bound.Model);
                    }
                }

                yield break;
            }

            foreach (var (tree, scope) in Scopes(symbol, cancellationToken))
            {
                SemanticModel? model = null;
                foreach (var node in scope.DescendantNodes())
                {
                    if (node is not SimpleNameSyntax simple || simple.Identifier.ValueText != name || SyntacticGates.IsInNameOf(simple)
                        || (symbol is IMethodSymbol && !SyntacticGates.MayNameMethod(simple)))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Callers live in other trees; this runs only for the rare iterators with a blocking call, once per tree that spells the name.
                    model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    var info = model.GetSymbolInfo(simple, cancellationToken);
                    if (Matches(info.Symbol, symbol) || (info.Symbol is null && info.CandidateSymbols.Any(candidate => Matches(candidate, symbol))))
                    {
                        yield return (simple, model);
                    }
                }
            }
        }

        /// <summary>Where references can be: the enclosing member for a local function, the type's files for a private member.</summary>
        private IEnumerable<(SyntaxTree Tree, SyntaxNode Scope)> Scopes(ISymbol symbol, CancellationToken cancellationToken)
        {
            if (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
            {
                foreach (var reference in symbol.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax(cancellationToken);
                    var member = declaration.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() ?? declaration.SyntaxTree.GetRoot(cancellationToken);
                    yield return (reference.SyntaxTree, member);
                }

                yield break;
            }

            IEnumerable<SyntaxTree> trees = symbol.DeclaredAccessibility == Accessibility.Private
                ? symbol.ContainingType.DeclaringSyntaxReferences.Select(reference => reference.SyntaxTree).Distinct()
                : _identifiers.TreesSpelling(symbol.Name);
            foreach (var tree in trees)
            {
                yield return (tree, tree.GetRoot(cancellationToken));
            }
        }

        private static bool Matches(ISymbol? bound, ISymbol target)
        {
            switch (bound)
            {
                case IMethodSymbol method:
                    var definition = (method.ReducedFrom ?? method).OriginalDefinition;
                    if (SymbolEqualityComparer.Default.Equals(definition, target))
                    {
                        return true;
                    }

                    // A call through the virtual a target overrides may reach the override.
                    for (var overriding = (target as IMethodSymbol)?.OverriddenMethod; overriding is not null; overriding = overriding.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(definition, overriding.OriginalDefinition))
                        {
                            return true;
                        }
                    }

                    return false;
                case IPropertySymbol property:
                    return SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, target);
                default:
                    return false;
            }
        }

        /// <summary>The function a reference runs in decides: async consumes, sync consumes, a pass-through hands it on.</summary>
        private IteratorConsumerKinds Classify(SimpleNameSyntax reference, SemanticModel model, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
        {
            foreach (var ancestor in reference.Ancestors())
            {
                switch (ancestor)
                {
                    case AnonymousFunctionExpressionSyntax lambda:
                        if (lambda.AsyncKeyword.RawKind != 0)
                        {
                            return IteratorConsumerKinds.Async;
                        }

                        // The lambda of a LINQ operator runs while the enclosing function enumerates the query.
                        if (IsGivenToSequenceOperator(lambda, model, cancellationToken))
                        {
                            continue;
                        }

                        return IteratorConsumerKinds.Sync;
                    case LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                        return model.GetDeclaredSymbol(ancestor, cancellationToken) is IMethodSymbol function
                            ? ClassifyFunction(function, ancestor, reference, visited, depth, cancellationToken)
                            : IteratorConsumerKinds.Sync;
                    case PropertyDeclarationSyntax { ExpressionBody: not null } property:
                        return model.GetDeclaredSymbol(property, cancellationToken) is IPropertySymbol { GetMethod: { } getter }
                            ? ClassifyFunction(getter, ancestor, reference, visited, depth, cancellationToken)
                            : IteratorConsumerKinds.Sync;
                    case MemberDeclarationSyntax or GlobalStatementSyntax:
                        return IteratorConsumerKinds.Sync;
                }
            }

            return IteratorConsumerKinds.Sync;
        }

        private IteratorConsumerKinds ClassifyFunction(IMethodSymbol function, SyntaxNode declaration, SyntaxNode reference, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
        {
            if (function.IsAsync)
            {
                // Handed back unenumerated (return X(); or var d = X(); … return d;): the async method does not read it.
                return IsOnlyReturned(reference, declaration) ? IteratorConsumerKinds.None : IteratorConsumerKinds.Async;
            }

            if (!ReturnsSequence(function) || IsDeliberatelySync(function))
            {
                return IteratorConsumerKinds.Sync;
            }

            // A sync iterator enumerates the sequence inside its own MoveNext, on its consumer's thread; a method that
            // returns a chain over it leaves the enumeration to its caller. A method that enumerates it and returns
            // something else is the consumer itself.
            if (!IteratorFacts.ContainsYield(declaration) && !IsReturned(reference, declaration))
            {
                return IteratorConsumerKinds.Sync;
            }

            var target = Referenced(function);
            if (!visited.Add(target))
            {
                return IteratorConsumerKinds.None;
            }

            return depth >= MaxDepth ? IteratorConsumerKinds.None : Search(target, visited, depth + 1, cancellationToken);
        }

        private static bool IsOnlyReturned(SyntaxNode reference, SyntaxNode declaration)
        {
            var value = ValueOf(reference);
            if (IsReturnedValue(value))
            {
                return true;
            }

            if (value.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax local })
            {
                return false;
            }

            var name = local.Identifier.ValueText;
            var uses = declaration.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == name).ToList();
            return uses.Count > 0 && uses.All(IsReturnedValue);
        }

        /// <summary>The expression whose value is the call: <c>X()</c> itself, or the invocation around a method name.</summary>
        private static SyntaxNode ValueOf(SyntaxNode reference)
        {
            var node = reference.Parent is MemberAccessExpressionSyntax member && member.Name == reference ? member : reference;
            return node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node ? invocation : node;
        }

        private static bool IsReturnedValue(SyntaxNode value)
        {
            var node = value;
            while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax
                || (node.Parent is ConditionalExpressionSyntax conditional && conditional.Condition != node))
            {
                node = node.Parent;
            }

            return node.Parent is ReturnStatementSyntax or ArrowExpressionClauseSyntax;
        }

        private static bool ReturnsSequence(IMethodSymbol function) =>
            function.ReturnType.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T
                or SpecialType.System_Collections_Generic_IEnumerator_T
                or SpecialType.System_Collections_IEnumerable
                or SpecialType.System_Collections_IEnumerator;

        private static bool IsReturned(SyntaxNode reference, SyntaxNode declaration) =>
            reference.Ancestors().TakeWhile(node => node != declaration).Any(node => node is ReturnStatementSyntax or ArrowExpressionClauseSyntax);

        private static bool IsGivenToSequenceOperator(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
        {
            if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return false;
            }

            var definition = method.ReducedFrom ?? method;
            return definition.IsExtensionMethod
                && definition.Parameters.Length > 0
                && IsSequenceType(definition.Parameters[0].Type);
        }

        private static bool IsSequenceType(ITypeSymbol type) =>
            type.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_IEnumerable
            || type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);

        private bool HasAsyncTwin(IMethodSymbol function)
        {
            if (function.MethodKind is not (MethodKind.Ordinary or MethodKind.PropertyGet))
            {
                return false;
            }

            var name = function.AssociatedSymbol?.Name ?? function.Name;
            var twin = name == "GetEnumerator" ? "GetAsyncEnumerator" : name + "Async";
            for (var type = function.ContainingType; type is not null; type = type.BaseType)
            {
                if (HasAsyncMember(type, twin) || (type.TypeKind == TypeKind.Interface && type.AllInterfaces.Any(i => HasAsyncMember(i, twin))))
                {
                    return true;
                }
            }

            return false;
        }

        private bool HasAsyncMember(INamedTypeSymbol type, string name) =>
            type.GetMembers(name).Any(member => member switch
            {
                IMethodSymbol method => method.IsAsync || IsAsyncResult(method.ReturnType),
                IPropertySymbol property => IsAsyncResult(property.Type),
                _ => false,
            });

        private bool IsAsyncResult(ITypeSymbol type) =>
            _types.IsTaskLike(type)
            || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _types.IAsyncEnumerableOfT)
            || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _types.IAsyncEnumeratorOfT);

        private static bool ImplementsInterfaceMember(IMethodSymbol function)
        {
            ISymbol member = function.MethodKind == MethodKind.PropertyGet && function.AssociatedSymbol is { } property ? property : function;
            if (function.ExplicitInterfaceImplementations.Length > 0 || function.MethodKind == MethodKind.LocalFunction)
            {
                return function.ExplicitInterfaceImplementations.Length > 0;
            }

            foreach (var contract in function.ContainingType.AllInterfaces)
            {
                foreach (var candidate in contract.GetMembers(member.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(function.ContainingType.FindImplementationForInterfaceMember(candidate), member))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool OverridesLibraryMember(IMethodSymbol function)
        {
            for (var overridden = function.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (overridden.DeclaringSyntaxReferences.IsEmpty)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
