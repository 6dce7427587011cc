using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Decides whether code that reads a materialised copy (a <c>foreach</c> body, a predicate) could need the copy to be
    /// a snapshot: whether it could change what the source sequence reads, or let other code run while the sequence is
    /// being read. It answers "could", not "does": anything it cannot see through counts as a change.
    /// </summary>
    internal sealed class SnapshotNeed
    {
        /// <summary>Methods that only read the collection they are called on, whatever the type.</summary>
        private static readonly HashSet<string> ReadOnlyNames = new()
        {
            "Contains", "ContainsKey", "ContainsValue", "TryGetValue", "GetValueOrDefault", "IndexOf", "LastIndexOf",
            "BinarySearch", "Exists", "Find", "FindIndex", "FindLast", "FindAll", "TrueForAll", "Equals", "GetHashCode",
            "ToString", "CompareTo", "GetType", "Peek", "TryPeek", "IsSubsetOf", "IsSupersetOf", "Overlaps", "SetEquals",
        };

        /// <summary>Framework methods that run registered callbacks, continuations or disposal logic synchronously.</summary>
        private static readonly HashSet<string> CallbackNames = new()
        {
            "Dispose", "DisposeAsync", "Close", "Cancel", "CancelAsync", "SetResult", "TrySetResult", "SetException",
            "TrySetException", "SetCanceled", "TrySetCanceled",
        };

        private readonly HashSet<ISymbol> _read = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ITypeSymbol> _staticTypes = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ITypeSymbol> _rootTypes = new(SymbolEqualityComparer.Default);
        private bool _readsThis;
        private bool _hasDelegates;
        private bool _readsFileSystem;
        private bool _readsOnlyLocals = true;
        private bool _readsDeferredLocal;
        private TextSpan _taintSpan;

        private SnapshotNeed()
        {
        }

        /// <summary>
        /// Null when the source itself rules the rule out: a query provider's <c>IQueryable</c> (removing the copy changes
        /// what is translated, and keeps the reader open while the loop runs) or a concurrent collection (the copy is the
        /// consistent view).
        /// </summary>
        public static SnapshotNeed? ForSource(IOperation source, INamedTypeSymbol? queryable)
        {
            var need = new SnapshotNeed();
            foreach (var operation in source.DescendantsAndSelf())
            {
                if (IsQueryOrConcurrent(operation.Type, queryable))
                {
                    return null;
                }

                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        need._read.Add(local.Local);
                        // var fresh = items.Where(i => !seen.Contains(i)): a chain kept in a local may capture any collection.
                        need._readsDeferredLocal |= local.Type?.TypeKind == TypeKind.Interface;
                        need.AddRootType(local.Type);
                        need._readsOnlyLocals &= !AliasesSharedState(local.Local);
                        break;
                    case IParameterReferenceOperation parameter when DeclaredWithin(parameter.Parameter, source.Syntax.Span):
                        // A predicate's own parameter: an element, not state the chain reads.
                        break;
                    case IParameterReferenceOperation parameter:
                        need._read.Add(parameter.Parameter);
                        need._readsOnlyLocals = false;
                        need.AddRootType(parameter.Type);
                        break;
                    case IMemberReferenceOperation member:
                        if (member.Instance is IParameterReferenceOperation { Parameter: var owner } && DeclaredWithin(owner, source.Syntax.Span))
                        {
                            // An element's member read by a predicate: what the body may write there is judged by _hasDelegates.
                            break;
                        }

                        need._read.Add(member.Member);
                        need._readsOnlyLocals = false;
                        need._hasDelegates |= member.Member is IPropertySymbol property && property.Locations.Any(l => l.IsInSource) && !IsPlainStorage(property);
                        need.AddRootType(member.Type);
                        if (member.Member.IsStatic)
                        {
                            need._staticTypes.Add(member.Member.ContainingType);
                        }

                        break;
                    case IInstanceReferenceOperation:
                        need._readsThis = true;
                        need._readsOnlyLocals = false;
                        break;
                    case IInvocationOperation invocation:
                        var method = invocation.TargetMethod;
                        // The user's own method may return a lazy chain that reads anything: treat it like a predicate.
                        need._hasDelegates |= method.Locations.Any(l => l.IsInSource);
                        if (method.IsStatic && !method.IsExtensionMethod && method.ContainingType is { } type)
                        {
                            need._staticTypes.Add(type);
                        }

                        need._readsFileSystem |= InNamespace(method, "System.IO");
                        break;
                    case IAnonymousFunctionOperation or IDelegateCreationOperation or IMethodReferenceOperation:
                        need._hasDelegates = true;
                        break;
                }
            }

            return need;
        }

        /// <summary><c>var items = _items;</c>: a local that is only another name for a field, property or parameter.</summary>
        private static bool AliasesSharedState(ILocalSymbol local) =>
            local.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax
            {
                Initializer.Value: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax
                    or Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax
                    or Microsoft.CodeAnalysis.CSharp.Syntax.ThisExpressionSyntax,
            });

        private void AddRootType(ITypeSymbol? type)
        {
            if (type is not null && IsCollection(type))
            {
                _rootTypes.Add(type.OriginalDefinition);
            }
        }

        private static bool IsCollection(ITypeSymbol? type) =>
            type is not null && type.SpecialType != SpecialType.System_String
            && (type.TypeKind == TypeKind.Array || type.IsRefLikeType
                || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable));

        /// <summary>
        /// True when <paramref name="region"/> (a loop body, a predicate) could change what the source reads, or lets
        /// other code run before the sequence is read to its end. Locals and parameters declared in
        /// <paramref name="taintSpan"/> (the loop variable, a lambda's parameter) hold elements of the sequence.
        /// </summary>
        public bool IsNeededBy(IEnumerable<IOperation> region, TextSpan taintSpan)
        {
            _taintSpan = taintSpan;
            foreach (var root in region)
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (NeedsSnapshot(operation))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool NeedsSnapshot(IOperation operation)
        {
            switch (operation)
            {
                case IAwaitOperation:
                case IReturnOperation { Kind: OperationKind.YieldReturn }:
                    // Other code runs meanwhile; only a chain over locals cannot be reached by it.
                    return !_readsOnlyLocals || _staticTypes.Count > 0;
                case ISimpleAssignmentOperation assignment:
                    return IsRiskyWrite(assignment.Target);
                case ICompoundAssignmentOperation compound:
                    return IsRiskyWrite(compound.Target);
                case ICoalesceAssignmentOperation coalesce:
                    return IsRiskyWrite(coalesce.Target);
                case IIncrementOrDecrementOperation increment:
                    return IsRiskyWrite(increment.Target);
                case IDeconstructionAssignmentOperation deconstruction:
                    return deconstruction.Target.DescendantsAndSelf().Any(t => t is not ITupleOperation && t.Parent is ITupleOperation && IsRiskyWrite(t));
                case IInvocationOperation invocation:
                    return IsRiskyCall(invocation.TargetMethod, invocation.Instance, invocation.Arguments);
                case IObjectCreationOperation creation:
                    return creation.Constructor is null || IsRiskyCall(creation.Constructor, null, creation.Arguments);
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } byRef:
                    return IsRiskyWrite(byRef.Value);
                case IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicIndexerAccessOperation or IDynamicObjectCreationOperation:
                case IInvalidOperation:
                    return true;
                default:
                    return false;
            }
        }

        private bool IsRiskyWrite(IOperation target)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    return _read.Contains(local.Local);
                case IParameterReferenceOperation parameter:
                    return _read.Contains(parameter.Parameter);
                case IDiscardOperation:
                    return false;
                case IFieldReferenceOperation field:
                    // A field only stores: it matters if the chain reads it, or if a predicate (which may read it) is in the chain.
                    return _hasDelegates || _read.Contains(field.Field);
                case IPropertyReferenceOperation property:
                    return _hasDelegates || _read.Contains(property.Property)
                        || (!IsPlainStorage(property.Property)
                            && (property.Instance is null or IInstanceReferenceOperation || Touches(property.Instance) || TouchesElement(property.Instance)));
                case IArrayElementReferenceOperation element:
                    return _hasDelegates || Touches(element.ArrayReference);
                default:
                    return true;
            }
        }

        private bool IsRiskyCall(IMethodSymbol method, IOperation? instance, IEnumerable<IArgumentOperation> arguments)
        {
            var definition = method.ReducedFrom ?? method;
            if (method.MethodKind is MethodKind.DelegateInvoke or MethodKind.LocalFunction or MethodKind.AnonymousFunction)
            {
                return true;
            }

            if (IsEnumerableOperator(definition))
            {
                return false;
            }

            if (ReadOnlyNames.Contains(method.Name))
            {
                return false;
            }

            if (IsFrameworkSink(definition))
            {
                // Text, logging, maths and tasks cannot change a user's collection; files can change a directory listing.
                // Array.Sort/Clear/Resize and span writes do change an array the source reads, so handing it over counts.
                return (_readsFileSystem && InNamespace(definition, "System.IO"))
                    || (TouchesElement(instance) && RunsCallbacks(method))
                    || arguments.Any(a => IsCollection(a.Value.Type) && Touches(a.Value))
                    || (instance is not null && IsCollection(instance.Type) && Touches(instance));
            }

            if (Touches(instance) || arguments.Any(a => Touches(a.Value))
                || (instance is null && method.IsStatic && _staticTypes.Contains(method.ContainingType)))
            {
                return true;
            }

            if (instance is not null && _rootTypes.Contains(instance.Type?.OriginalDefinition!) && !IsOwnCollection(instance))
            {
                // Another reference to a collection of the source's type may be the same collection.
                return true;
            }

            if (IsFrameworkCollection(definition))
            {
                // Storing an element in another collection does not change the source, unless the source is a chain kept in a
                // local, whose lambdas may read that collection (only a collection created here and never shared is known not to).
                return TouchesElement(instance)
                    || (_readsDeferredLocal && instance is not null && !IsOwnCollection(instance));
            }

            // User or library code: it may reach the source through the element or through this.
            return _hasDelegates
                || TouchesElement(instance) || arguments.Any(a => TouchesElement(a.Value))
                || instance is IInstanceReferenceOperation
                || (instance is null && !method.IsStatic);
        }

        /// <summary>
        /// A local that holds a collection of its own, which the source cannot be reading: created here as a framework collection
        /// (<c>var other = new List&lt;T&gt;();</c>, which copies any argument), and afterwards only called on for a value-typed
        /// answer (<c>other.Add(x)</c>, <c>other.Contains(x)</c>), read for a value-typed property (<c>other.Count</c>) or returned,
        /// never reassigned, passed, wrapped or captured. Adding to it cannot change what the source reads.
        /// </summary>
        private static bool IsOwnCollection(IOperation instance)
        {
            if (instance is not ILocalReferenceOperation { Local: var local })
            {
                return false;
            }

            var root = instance;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            var created = false;
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        var value = declarator.GetVariableInitializer()?.Value;
                        while (value is IConversionOperation { IsImplicit: true } conversion)
                        {
                            value = conversion.Operand;
                        }

                        created = value is IObjectCreationOperation { Type: { } type, Initializer: null }
                            && (type.ContainingNamespace?.ToDisplayString() ?? string.Empty).StartsWith("System.Collections", System.StringComparison.Ordinal)
                            && !InNamespace(type, "System.Collections.Concurrent");
                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                        if (!IsPlainUse(reference))
                        {
                            return false;
                        }

                        break;
                }
            }

            return created;
        }

        private static bool IsPlainUse(ILocalReferenceOperation reference)
        {
            for (var ancestor = reference.Parent; ancestor is not null; ancestor = ancestor.Parent)
            {
                if (ancestor is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    // Captured: a lambda in the source chain could read it.
                    return false;
                }
            }

            return reference.Parent switch
            {
                IInvocationOperation call when call.Instance == reference => call.TargetMethod.ReturnsVoid || call.TargetMethod.ReturnType.IsValueType,
                IPropertyReferenceOperation property when property.Instance == reference =>
                    property.Type?.IsValueType == true && !(property.Parent is IAssignmentOperation assignment && assignment.Target == property),
                IReturnOperation => true,
                _ => false,
            };
        }

        /// <summary>Reads something the source chain reads (or this, when the chain reads instance state).</summary>
        private bool Touches(IOperation? operation) =>
            operation is not null && operation.DescendantsAndSelf().Any(o => o switch
            {
                ILocalReferenceOperation local => _read.Contains(local.Local),
                IParameterReferenceOperation parameter => _read.Contains(parameter.Parameter),
                IMemberReferenceOperation member => _read.Contains(member.Member),
                IInstanceReferenceOperation => _readsThis,
                _ => false,
            });

        /// <summary>Reads an element of the sequence (the loop variable, a lambda parameter, or a local derived in the region).</summary>
        private bool TouchesElement(IOperation? operation) =>
            operation is not null && operation.DescendantsAndSelf().Any(o => o switch
            {
                ILocalReferenceOperation local => DeclaredInRegion(local.Local),
                IParameterReferenceOperation parameter => DeclaredInRegion(parameter.Parameter),
                _ => false,
            });

        private bool DeclaredInRegion(ISymbol symbol) => DeclaredWithin(symbol, _taintSpan);

        private static bool DeclaredWithin(ISymbol symbol, TextSpan span) =>
            symbol.DeclaringSyntaxReferences.Any(r => span.Contains(r.Span));

        /// <summary>A property whose setter only stores: a field-like auto-property or a record's positional property.</summary>
        private static bool IsPlainStorage(IPropertySymbol property)
        {
            if (property.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            return property.DeclaringSyntaxReferences.All(reference => reference.GetSyntax() switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax declaration =>
                    declaration.ExpressionBody is null
                    && declaration.AccessorList is { } accessors
                    && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null),
                Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax => true,
                _ => false,
            });
        }

        /// <summary>
        /// A framework call on an element that runs the program's code: a subscription's <c>Dispose</c> that unlinks it, a
        /// <c>Cancel</c> or <c>TrySetResult</c> whose callbacks and continuations run inline, any interface member. That
        /// code may remove the element from the collection being read, which is why the copy is taken.
        /// </summary>
        private static bool RunsCallbacks(IMethodSymbol method) =>
            method.ContainingType?.TypeKind == TypeKind.Interface
            || CallbackNames.Contains(method.Name);

        private static bool IsEnumerableOperator(IMethodSymbol method) =>
            method.ContainingType is { Name: "Enumerable" } type && InNamespace(type, "System.Linq");

        /// <summary>
        /// Framework code that cannot reach the user's collection unless it is handed it: logging, text, maths, tasks.
        /// Collections, XML, data, UI and component models are left out: their methods do change what they are given.
        /// </summary>
        private static bool IsFrameworkSink(IMethodSymbol method)
        {
            if (method.ContainingAssembly is null || method.Locations.Any(l => l.IsInSource))
            {
                return false;
            }

            var ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return ns is "System" or "System.Text" or "System.Globalization" or "System.Diagnostics" or "System.Threading" or "System.Threading.Tasks"
                or "System.IO" or "System.Text.Json" or "System.Net.Http" or "Microsoft.Extensions.Logging";
        }

        private static bool IsFrameworkCollection(IMethodSymbol method) =>
            !method.Locations.Any(l => l.IsInSource)
            && (method.ContainingNamespace?.ToDisplayString() ?? string.Empty).StartsWith("System.Collections", System.StringComparison.Ordinal);

        private static bool IsQueryOrConcurrent(ITypeSymbol? type, INamedTypeSymbol? queryable)
        {
            if (type is null)
            {
                return false;
            }

            if (InNamespace(type, "System.Collections.Concurrent"))
            {
                return true;
            }

            return queryable is not null
                && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, queryable)
                    || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, queryable)));
        }

        private static bool InNamespace(ISymbol symbol, string name) =>
            symbol.ContainingNamespace?.ToDisplayString() == name;

    }
}
