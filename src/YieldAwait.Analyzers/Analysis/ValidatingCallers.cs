using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Whether the callers of an iterator that no other assembly can call (private, internal, a local function) leave no way
    /// to reach it with a bad argument: every caller is itself an iterator (lazy anyway, also from a lambda inside it), or
    /// enumerates the result at once (<c>foreach</c>, <c>await foreach</c>, <c>ToList()</c>…: the check runs at the call), or
    /// checks the argument it passes before the call, or passes a value it made itself (a constant, a call's result, a new
    /// object) rather than one of its own parameters. The references are found through the compilation's <see cref="IdentifierIndex"/>
    /// only for iterators with an otherwise reported check, and each iterator's callers are read once.
    /// </summary>
    internal sealed class ValidatingCallers
    {
        private readonly Compilation _compilation;
        private readonly ArgumentCheckRecognizer _recognizer;
        private readonly IdentifierIndex _identifiers;
        private readonly ConcurrentDictionary<IMethodSymbol, Lazy<IReadOnlyList<Caller>?>> _callers = new(SymbolEqualityComparer.Default);

        public ValidatingCallers(Compilation compilation, ArgumentCheckRecognizer recognizer, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _recognizer = recognizer;
            _identifiers = new IdentifierIndex(compilation, cancellationToken);
        }

        /// <summary>
        /// True when every caller of <paramref name="iterator"/> is an iterator or validates each of <paramref name="parameters"/> itself.
        /// For a null check (<paramref name="isNullCheck"/>), a field or property whose type the nullable context declares non-null
        /// (<c>ChildrenTokens</c> of type <c>IList&lt;JToken&gt;</c>) is as good as a checked value: passing null there is a
        /// compiler warning at the caller, not an argument error the iterator must catch early.
        /// </summary>
        public bool AllValidate(IMethodSymbol iterator, IReadOnlyCollection<IParameterSymbol> parameters, bool isNullCheck, CancellationToken cancellationToken)
        {
            var own = parameters.Where(p => SymbolEqualityComparer.Default.Equals(p.ContainingSymbol, iterator)).Select(p => p.Ordinal).ToList();
            if (own.Count != parameters.Count || !IsInternalOnly(iterator))
            {
                return false;
            }

            var callers = _callers.GetOrAdd(iterator.OriginalDefinition, method => new Lazy<IReadOnlyList<Caller>?>(
                () => FindCallers(method, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

            // No caller in sight is no evidence: the rule keeps reporting a check nobody is known to satisfy.
            return callers is { Count: > 0 }
                && callers.All(caller => caller.IsIterator || own.All(p => caller.Validated.Contains(p) || (isNullCheck && caller.NonNull.Contains(p))));
        }

        private static bool IsInternalOnly(ISymbol symbol)
        {
            if (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
            {
                return true;
            }

            for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Null when some reference is not a plain call (a method group, a delegate): then the callers are unknown.</summary>
        private IReadOnlyList<Caller>? FindCallers(IMethodSymbol iterator, CancellationToken cancellationToken)
        {
            var callers = new List<Caller>();
            foreach (var (tree, scope) in Scopes(iterator, cancellationToken))
            {
                SemanticModel? model = null;
                foreach (var node in scope.DescendantNodes())
                {
                    if (node is not SimpleNameSyntax simple || simple.Identifier.ValueText != iterator.Name || !SyntacticGates.MayNameMethod(simple))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Callers live in other trees; this runs only for internal iterators with a reported check, once per tree that spells the name.
                    model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    var symbol = model.GetSymbolInfo(simple, cancellationToken).Symbol as IMethodSymbol;
                    if (!SymbolEqualityComparer.Default.Equals((symbol?.ReducedFrom ?? symbol)?.OriginalDefinition, iterator))
                    {
                        continue;
                    }

                    var call = simple.Parent is MemberAccessExpressionSyntax { Name: var name } member && name == simple ? member.Parent : simple.Parent;
                    if (call is not InvocationExpressionSyntax invocationSyntax
                        || model.GetOperation(invocationSyntax, cancellationToken) is not IInvocationOperation invocation)
                    {
                        return null;
                    }

                    if (simple.Ancestors().Any(a => a == DeclarationOf(iterator, cancellationToken)))
                    {
                        continue; // its own recursion
                    }

                    callers.Add(Describe(invocation, cancellationToken));
                }
            }

            return callers;
        }

        private static SyntaxNode? DeclarationOf(IMethodSymbol method, CancellationToken cancellationToken) =>
            method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);

        private IEnumerable<(SyntaxTree Tree, SyntaxNode Scope)> Scopes(IMethodSymbol iterator, CancellationToken cancellationToken)
        {
            if (iterator.MethodKind == MethodKind.LocalFunction)
            {
                foreach (var reference in iterator.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax(cancellationToken);
                    yield return (reference.SyntaxTree, declaration.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() ?? declaration.SyntaxTree.GetRoot(cancellationToken));
                }

                yield break;
            }

            IEnumerable<SyntaxTree> trees = iterator.DeclaredAccessibility == Accessibility.Private
                ? iterator.ContainingType.DeclaringSyntaxReferences.Select(reference => reference.SyntaxTree).Distinct()
                : _identifiers.TreesSpelling(iterator.Name);
            foreach (var tree in trees)
            {
                yield return (tree, tree.GetRoot(cancellationToken));
            }
        }

        /// <summary>The caller's function, and which of the iterator's parameters it has checked by the time it calls.</summary>
        private Caller Describe(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            if (IsEnumeratedAtOnce(invocation) || InIterator(invocation.Syntax))
            {
                return new Caller(isIterator: true, new HashSet<int>(), new HashSet<int>());
            }

            IOperation root = invocation;
            while (root.Parent is { } parent && root is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
            {
                root = parent;
            }

            var function = root switch
            {
                ILocalFunctionOperation local => local.Syntax,
                IAnonymousFunctionOperation lambda => lambda.Syntax,
                _ => root.Syntax,
            };
            if (function is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax && IteratorFacts.ContainsYield(function))
            {
                return new Caller(isIterator: true, new HashSet<int>(), new HashSet<int>());
            }

            var tested = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var operation in OwnOperations.Of(root))
            {
                if (operation.Syntax.Span.End <= invocation.Syntax.SpanStart && _recognizer.TryRecognize(operation, out _, out _))
                {
                    foreach (var subject in CheckSubject.Tested(operation).SelectMany(OwnOperations.Of))
                    {
                        if (subject is IParameterReferenceOperation parameter)
                        {
                            tested.Add(parameter.Parameter);
                        }
                        else if (subject is ILocalReferenceOperation local)
                        {
                            tested.Add(local.Local);
                        }
                    }
                }
            }

            var validated = new HashSet<int>();
            var nonNull = new HashSet<int>();
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is null)
                {
                    continue;
                }

                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                var passes = value.ConstantValue.HasValue
                    || value is IInvocationOperation or IObjectCreationOperation or IArrayCreationOperation or IInstanceReferenceOperation
                    || (value is IParameterReferenceOperation parameter && tested.Contains(parameter.Parameter))
                    || (value is ILocalReferenceOperation local && tested.Contains(local.Local))
                    || OwnOperations.Of(value).Any(operation => _recognizer.TryRecognize(operation, out _, out _));
                if (passes)
                {
                    validated.Add(argument.Parameter.Ordinal);
                }
                else if (IsDeclaredNonNull(value))
                {
                    nonNull.Add(argument.Parameter.Ordinal);
                }
            }

            return new Caller(isIterator: false, validated, nonNull);
        }

        private static bool IsDeclaredNonNull(IOperation value)
        {
            var type = value switch
            {
                IPropertyReferenceOperation property => property.Property.Type,
                IFieldReferenceOperation field => field.Field.Type,
                _ => null,
            };
            return type is { IsReferenceType: true, NullableAnnotation: NullableAnnotation.NotAnnotated };
        }

        /// <summary>The call is enumerated where it is made: its checks run at the call, as an eager method's would.</summary>
        private static bool IsEnumeratedAtOnce(IOperation call)
        {
            var current = call;
            while (true)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }

                switch (parent)
                {
                    case IForEachLoopOperation loop when loop.Collection == current:
                        return true;
                    case IArgumentOperation { Parent: IInvocationOperation next } argument when next.Arguments.Length > 0 && next.Arguments[0] == argument:
                        if (next.TargetMethod.Name is "WithCancellation" or "ConfigureAwait")
                        {
                            current = next;
                            continue;
                        }

                        return (LinqOperators.Facets(next.TargetMethod.Name) & LinqFacets.Enumerates) != 0
                            || (LinqOperators.Facets(SyncStem(next.TargetMethod.Name)) & LinqFacets.Enumerates) != 0;
                    case IInvocationOperation { Instance: var instance } next when instance == current:
                        if (next.TargetMethod.Name is "WithCancellation" or "ConfigureAwait")
                        {
                            current = next;
                            continue;
                        }

                        return false;
                    default:
                        return false;
                }
            }
        }

        private static string SyncStem(string name) =>
            name.EndsWith("Async", StringComparison.Ordinal) && name.Length > "Async".Length ? name.Substring(0, name.Length - "Async".Length) : name;

        /// <summary>Inside an iterator, through any lambdas (a <c>SelectMany</c> selector runs while the iterator is enumerated).</summary>
        private static bool InIterator(SyntaxNode node)
        {
            var function = node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax);
            return function is not null && IteratorFacts.ContainsYield(function);
        }

        private sealed class Caller
        {
            public Caller(bool isIterator, HashSet<int> validated, HashSet<int> nonNull)
            {
                IsIterator = isIterator;
                Validated = validated;
                NonNull = nonNull;
            }

            public bool IsIterator { get; }

            public HashSet<int> Validated { get; }

            /// <summary>Arguments whose declared type is non-null in an enabled nullable context (fields and properties).</summary>
            public HashSet<int> NonNull { get; }
        }
    }
}
