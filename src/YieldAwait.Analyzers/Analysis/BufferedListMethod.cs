using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The producer half of YA4003: an <c>async</c> method returning a task of a list (or array, or collection interface)
    /// whose body declares one local <c>List&lt;T&gt;</c>, only ever <c>Add</c>s to it inside a loop that awaits, and returns
    /// it (<c>list.ToArray()</c> for an array). Every such <c>Add</c> can become <c>yield return</c> and every return
    /// <c>yield break</c>, so nothing else may touch the list.
    /// </summary>
    internal sealed class BufferedListMethod
    {
        private BufferedListMethod(ILocalSymbol list, ITypeSymbol elementType, IVariableDeclarationGroupOperation declaration, ImmutableArray<IInvocationOperation> adds, ImmutableArray<IReturnOperation> returns)
        {
            List = list;
            ElementType = elementType;
            Declaration = declaration;
            Adds = adds;
            Returns = returns;
        }

        public ILocalSymbol List { get; }

        public ITypeSymbol ElementType { get; }

        /// <summary>The statement that declares the list, a direct child of the method's block.</summary>
        public IVariableDeclarationGroupOperation Declaration { get; }

        /// <summary>The <c>list.Add(x)</c> calls, each the whole of an expression statement.</summary>
        public ImmutableArray<IInvocationOperation> Adds { get; }

        public ImmutableArray<IReturnOperation> Returns { get; }

        /// <summary>The method's own token parameter, if it has exactly one; more than one makes the method ineligible.</summary>
        public static IParameterSymbol? TokenParameter(IMethodSymbol method, BufferedListTypes types) =>
            method.Parameters.SingleOrDefault(p => types.IsToken(p.Type));

        public static BufferedListMethod? Recognize(IMethodSymbol method, IMethodBodyOperation body, BufferedListTypes types)
        {
            if (!method.IsAsync
                || method.MethodKind != MethodKind.Ordinary
                || body.BlockBody is not { } block
                || block.Operations.IsEmpty
                || types.ElementOfBufferedResult(method.ReturnType, out var isArray) is not { } elementType
                || !SignatureCanChange(method, types))
            {
                return null;
            }

            // The method must end by returning the list.
            if (block.Operations[block.Operations.Length - 1] is not IReturnOperation { ReturnedValue: { } lastValue }
                || ReturnedList(lastValue, isArray, types) is not { } list
                || !types.IsList(list.Type)
                || !SymbolEqualityComparer.Default.Equals(((INamedTypeSymbol)list.Type).TypeArguments[0], elementType))
            {
                return null;
            }

            var declaration = block.Operations.OfType<IVariableDeclarationGroupOperation>().FirstOrDefault(d => Declares(d, list));
            if (declaration is null || !IsFreshEmptyList(declaration.Declarations[0].Declarators[0].Initializer?.Value))
            {
                return null;
            }

            var adds = ImmutableArray.CreateBuilder<IInvocationOperation>();
            var returns = ImmutableArray.CreateBuilder<IReturnOperation>();
            var awaitsWhileAdding = false;
            foreach (var operation in block.Descendants())
            {
                switch (operation)
                {
                    case IReturnOperation @return when !InNestedFunction(@return, block):
                        if (@return.ReturnedValue is not { } value || !SymbolEqualityComparer.Default.Equals(ReturnedList(value, isArray, types), list))
                        {
                            return null;
                        }

                        returns.Add(@return);
                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, list):
                        if (IsPartOfReturn(reference, isArray))
                        {
                            break;
                        }

                        if (AsAdd(reference, block, types) is not { } add)
                        {
                            return null;
                        }

                        adds.Add(add);
                        awaitsWhileAdding |= EnclosingLoopAwaits(add, block);
                        break;
                }
            }

            return adds.Count == 0 || !awaitsWhileAdding || !ReturnsRightAfterAdding(block, adds)
                ? null
                : new BufferedListMethod(list, elementType, declaration, adds.ToImmutable(), returns.ToImmutable());
        }

        /// <summary>
        /// Streamed, whatever follows the last <c>Add</c> runs only if the caller enumerates to the end; so nothing may follow
        /// the statement that holds it but the final <c>return</c>.
        /// </summary>
        private static bool ReturnsRightAfterAdding(IBlockOperation block, ImmutableArray<IInvocationOperation>.Builder adds)
        {
            var lastAdd = adds.Max(a => a.Syntax.SpanStart);
            var statements = block.Operations;
            return statements.Length >= 2 && statements[statements.Length - 2].Syntax.Span.Contains(lastAdd);
        }

        /// <summary>
        /// Whether nothing outside the method's body fixes its signature: an override, a virtual or abstract member, an interface
        /// implementation, a partial method or an entry point keeps its return type, and the token parameter must be addable.
        /// </summary>
        private static bool SignatureCanChange(IMethodSymbol method, BufferedListTypes types)
        {
            if (method.IsOverride || method.IsVirtual || method.IsAbstract || method.IsExtern
                || method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null
                || !method.ExplicitInterfaceImplementations.IsEmpty
                || method.Name == "Main")
            {
                return false;
            }

            var tokens = method.Parameters.Count(p => types.IsToken(p.Type));
            if (tokens > 1 || (tokens == 0 && method.Parameters.Length > 0 && method.Parameters[method.Parameters.Length - 1].IsParams))
            {
                return false;
            }

            var type = method.ContainingType;
            if (type is null)
            {
                return false;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static ILocalSymbol? ReturnedList(IOperation value, bool isArray, BufferedListTypes types)
        {
            value = WithoutConversions(value);
            if (isArray)
            {
                if (value is not IInvocationOperation { TargetMethod.Name: "ToArray", Arguments.IsEmpty: true, Instance: { } instance } toArray
                    || !types.IsList(toArray.TargetMethod.ContainingType))
                {
                    return null;
                }

                value = instance;
            }

            return value is ILocalReferenceOperation reference ? reference.Local : null;
        }

        private static bool IsPartOfReturn(ILocalReferenceOperation reference, bool isArray)
        {
            var parent = reference.Parent;
            if (isArray)
            {
                if (parent is not IInvocationOperation { TargetMethod.Name: "ToArray" } toArray || toArray.Instance != reference)
                {
                    return false;
                }

                parent = toArray.Parent;
            }

            while (parent is IConversionOperation { IsImplicit: true })
            {
                parent = parent.Parent;
            }

            return parent is IReturnOperation;
        }

        private static bool Declares(IVariableDeclarationGroupOperation group, ILocalSymbol list) =>
            group.Declarations.Length == 1
            && group.Declarations[0].Declarators.Length == 1
            && SymbolEqualityComparer.Default.Equals(group.Declarations[0].Declarators[0].Symbol, list)
            && group.Syntax is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, AwaitKeyword.RawKind: 0 };

        /// <summary>
        /// <c>new List&lt;T&gt;()</c>, <c>new()</c>, <c>[]</c>, or a capacity that is only read (<c>new List&lt;T&gt;(ids.Count)</c>),
        /// so that dropping the declaration drops no effect.
        /// </summary>
        private static bool IsFreshEmptyList(IOperation? value)
        {
            if (value is null)
            {
                return false;
            }

            value = WithoutConversions(value);
            if (value.Syntax is CollectionExpressionSyntax { Elements.Count: 0 })
            {
                return true;
            }

            return value is IObjectCreationOperation { Initializer: null } creation
                && creation.Arguments.All(a => a.Value.Type?.SpecialType == SpecialType.System_Int32 && HasNoEffect(a.Value));
        }

        private static bool HasNoEffect(IOperation value) => WithoutConversions(value) switch
        {
            ILiteralOperation or ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation => true,
            IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: { } instance } => HasNoEffect(instance),
            _ => false,
        };

        /// <summary>
        /// <c>list.Add(x);</c> as a whole statement, in a loop of the method itself (not a lambda), where <c>yield return</c> is
        /// legal and holds nothing: not in a <c>try</c> block, <c>catch</c> or <c>finally</c>, not under a <c>lock</c>.
        /// </summary>
        private static IInvocationOperation? AsAdd(ILocalReferenceOperation reference, IBlockOperation body, BufferedListTypes types)
        {
            if (reference.Parent is not IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add
                || add.Instance != reference
                || !types.IsList(add.TargetMethod.ContainingType)
                || add.Parent is not IExpressionStatementOperation)
            {
                return null;
            }

            var inLoop = false;
            IOperation child = add.Parent;
            for (var current = child.Parent; current is not null && current != body; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation or ILockOperation:
                        return null;
                    case ITryOperation @try when @try.Catches.Any(c => c == child) || @try.Finally == child:
                        return null;
                    case ITryOperation @try when @try.Body == child && (!@try.Catches.IsEmpty || @try.Finally is not null):
                        // A hand-written finally usually releases something (a semaphore, a lease) that yielding would hold across the caller's loop.
                        return null;
                    case ILoopOperation:
                        inLoop = true;
                        break;
                }
            }

            return inLoop ? add : null;
        }

        private static bool EnclosingLoopAwaits(IInvocationOperation add, IBlockOperation body)
        {
            for (var current = add.Parent; current is not null && current != body; current = current.Parent)
            {
                if (current is IForEachLoopOperation { IsAsynchronous: true })
                {
                    return true;
                }

                if (current is ILoopOperation loop && loop.Descendants().Any(o => o is IAwaitOperation && !InNestedFunction(o, loop)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InNestedFunction(IOperation operation, IOperation root)
        {
            for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        internal static IOperation WithoutConversions(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
