using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The one proof, shared by every rule about blocking forms (YA1001, YA1003, YA1005, YA1006 and their fixes), that the
    /// task a blocking form waits for has already completed, so the form only reads a result:
    /// <list type="bullet">
    /// <item>a completed task by construction (<c>Task.FromResult(x)</c>, <c>Task.CompletedTask</c>, <c>new ValueTask&lt;T&gt;(x)</c>);</item>
    /// <item>a task the surrounding API hands over finished: the one <c>await Task.WhenAny(…)</c> returns, each task
    /// <c>Task.WhenEach</c> yields, the antecedent a <c>ContinueWith</c> continuation receives;</item>
    /// <item>a task the code has just checked or waited for (<see cref="CompletionGuard"/>);</item>
    /// <item>an element of a collection of tasks proven complete together, read in a <c>foreach</c> or a LINQ lambda
    /// (<see cref="CompletedQueryElements"/>).</item>
    /// </list>
    /// </summary>
    internal static class CompletionProof
    {
        public static bool IsComplete(IOperation blocking, IOperation awaitable, AsyncTypes types)
        {
            var awaited = Stripped(awaitable, types);
            return IsKnownComplete(awaited, types)
                || IsHandedOverComplete(awaited, types)
                || CompletionGuard.IsGuarded(blocking, awaited, types)
                || IsCompletedElement(blocking, awaited, types);
        }

        /// <summary><c>t.ConfigureAwait(false)</c> and <c>vt.AsTask()</c> complete when <c>t</c> and <c>vt</c> do.</summary>
        public static IOperation Stripped(IOperation awaitable, AsyncTypes types)
        {
            var value = CompletionGuard.WithoutConfigureAwait(BlockingFormRecognizer.Unwrap(awaitable), types);
            return value is IInvocationOperation { TargetMethod.Name: "AsTask", Arguments.IsEmpty: true, Instance: { } valueTask } && types.IsTaskLike(valueTask.Type)
                ? CompletionGuard.WithoutConfigureAwait(BlockingFormRecognizer.Unwrap(valueTask), types)
                : value;
        }

        /// <summary><c>Task.CompletedTask</c>, <c>Task.FromResult(x)</c>, <c>new ValueTask&lt;T&gt;(x)</c>, <c>default(ValueTask)</c>.</summary>
        public static bool IsKnownComplete(IOperation awaitable, AsyncTypes types)
        {
            var value = BlockingFormRecognizer.Unwrap(awaitable);
            switch (value)
            {
                case IPropertyReferenceOperation { Property: { IsStatic: true, Name: "CompletedTask" } property }:
                    return IsTaskOrValueTask(property.ContainingType, types);

                case IInvocationOperation { TargetMethod: { IsStatic: true } method }
                    when method.Name is "FromResult" or "FromException" or "FromCanceled":
                    return IsTaskOrValueTask(method.ContainingType, types);

                case IObjectCreationOperation creation when IsTaskOrValueTask(creation.Type as INamedTypeSymbol, types):
                    // new ValueTask<T>(result) and new ValueTask() hold a result; the Task and IValueTaskSource constructors wrap pending work.
                    return creation.Constructor is { } constructor
                        && (constructor.Parameters.IsEmpty
                            || constructor.OriginalDefinition.Parameters[0].Type.TypeKind == TypeKind.TypeParameter);

                case IDefaultValueOperation:
                    return IsTaskOrValueTask(value.Type as INamedTypeSymbol, types) && value.Type!.IsValueType;

                case IInvocationOperation call:
                    return RunsSynchronously(call);

                default:
                    return false;
            }
        }

        /// <summary>
        /// A call told by a constant flag to do its work synchronously, the idiom of libraries that share one async
        /// implementation between their sync and async APIs (<c>DequeueAsync(token, sync: true)</c>, <c>ReadAsync(async: false)</c>):
        /// the task it returns has completed by the time the call returns.
        /// </summary>
        private static bool RunsSynchronously(IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_Boolean } parameter
                    && argument.Value.ConstantValue is { HasValue: true, Value: bool flag })
                {
                    var name = parameter.Name.ToLowerInvariant();
                    if ((flag && name is "sync" or "synchronous" or "synchronously" or "issync" or "runsynchronously")
                        || (!flag && name is "async" or "isasync" or "useasync" or "runasync"))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsTaskOrValueTask(INamedTypeSymbol? type, AsyncTypes types)
        {
            var definition = type?.OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(definition, types.Task)
                || SymbolEqualityComparer.Default.Equals(definition, types.TaskOfT)
                || SymbolEqualityComparer.Default.Equals(definition, types.ValueTask)
                || SymbolEqualityComparer.Default.Equals(definition, types.ValueTaskOfT);
        }

        /// <summary>
        /// <c>(await Task.WhenAny(a, b)).Result</c>; <c>var done = await Task.WhenAny(tasks); … done.Result</c> with <c>done</c>
        /// never assigned again; <c>t</c> in <c>previous.ContinueWith(t =&gt; t.Result)</c> or <c>ContinueWhenAny(tasks, t =&gt; t.Result)</c>.
        /// </summary>
        private static bool IsHandedOverComplete(IOperation awaited, AsyncTypes types)
        {
            switch (awaited)
            {
                case IAwaitOperation await:
                    return IsWhenAny(await.Operation, types);

                case ILocalReferenceOperation { Local: var local } reference:
                    return reference.SemanticModel is { } model
                        && local.DeclaringSyntaxReferences.Length == 1
                        && local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: AwaitExpressionSyntax initializer } declarator
                        && model.GetOperation(initializer) is IAwaitOperation initialAwait
                        && IsWhenAny(initialAwait.Operation, types)
                        && !IsAssignedAfterDeclaration(declarator);

                case IParameterReferenceOperation { Parameter: { Ordinal: 0 } parameter }:
                    return parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda
                        && IsContinuationOfCompletedTask(lambda, awaited);

                default:
                    return false;
            }
        }

        private static bool IsWhenAny(IOperation operation, AsyncTypes types) =>
            CompletionGuard.WithoutConfigureAwait(BlockingFormRecognizer.Unwrap(operation), types)
                is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WhenAny" } whenAny }
            && SymbolEqualityComparer.Default.Equals(whenAny.ContainingType, types.Task);

        /// <summary>Any assignment, <c>ref</c> or <c>out</c> use of the local after its declaration (by name, in its scope).</summary>
        private static bool IsAssignedAfterDeclaration(VariableDeclaratorSyntax declarator)
        {
            var name = declarator.Identifier.ValueText;
            var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? declarator.Parent;
            return scope is not null && scope.DescendantNodes().Any(node => node switch
            {
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } => target.Identifier.ValueText == name,
                ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax target } => target.Identifier.ValueText == name,
                _ => false,
            });
        }

        /// <summary>The lambda is the continuation of <c>ContinueWith</c> (its first parameter is the antecedent) or of <c>ContinueWhenAny</c>.</summary>
        private static bool IsContinuationOfCompletedTask(IMethodSymbol lambda, IOperation inside)
        {
            for (var current = inside.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
                {
                    return current.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "ContinueWith" or "ContinueWhenAny" } } };
                }
            }

            return false;
        }

        /// <summary>
        /// The awaited task is the variable of an enclosing <c>foreach</c> over tasks proven complete together
        /// (<c>await Task.WhenAll(tasks); foreach (var t in tasks) … t.Result</c>, <c>await foreach (var t in Task.WhenEach(tasks))</c>),
        /// or the element parameter of a LINQ lambda over such a collection.
        /// </summary>
        private static bool IsCompletedElement(IOperation blocking, IOperation awaited, AsyncTypes types)
        {
            for (var parent = blocking.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation lambda:
                        return parent.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation query } }
                            && query.TargetMethod is { IsExtensionMethod: true, ContainingType: { Name: "Enumerable", ContainingNamespace.Name: "Linq" } }
                            && CompletedQueryElements.AreComplete(awaited, lambda, query, types);

                    case ILocalFunctionOperation:
                        return false;

                    case IForEachLoopOperation loop when awaited is ILocalReferenceOperation { Local: var local } && IsLoopVariable(loop, local):
                        var collection = BlockingFormRecognizer.Unwrap(loop.Collection);
                        return IsWhenEach(collection, types) || CompletedQueryElements.SourceIsComplete(loop, collection, types);
                }
            }

            return false;
        }

        private static bool IsLoopVariable(IForEachLoopOperation loop, ILocalSymbol local) =>
            loop.LoopControlVariable is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local);

        private static bool IsWhenEach(IOperation collection, AsyncTypes types) =>
            collection is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WhenEach" } whenEach }
            && SymbolEqualityComparer.Default.Equals(whenEach.ContainingType, types.Task);
    }
}
