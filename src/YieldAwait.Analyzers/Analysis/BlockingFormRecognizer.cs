using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Recognises the blocking forms by symbol, and sets aside the ones that cannot block:
    /// a task known to be complete, or one whose completion the surrounding code has just checked.
    /// </summary>
    internal sealed class BlockingFormRecognizer
    {
        private readonly AsyncTypes _types;

        public BlockingFormRecognizer(AsyncTypes types) => _types = types;

        public AsyncTypes Types => _types;

        /// <summary>A blocking form that can block: <see cref="TryMatch"/> and not <see cref="CannotBlock(BlockingForm)"/>.</summary>
        public bool TryRecognize(IOperation operation, out BlockingForm form) =>
            TryMatch(operation, out form) && !CannotBlock(form);

        /// <summary>
        /// The blocking form <paramref name="operation"/> is, by symbol alone: cheap, so analyzers call it first and
        /// leave <see cref="CannotBlock(BlockingForm)"/>, which walks the surrounding code, for the few that pass their other checks.
        /// </summary>
        public bool TryMatch(IOperation operation, out BlockingForm form)
        {
            form = default;
            switch (operation)
            {
                case IPropertyReferenceOperation { Property: { IsStatic: false, Name: "Result" } property } reference
                    when IsDefinedOn(property.ContainingType, _types.TaskOfT) || IsDefinedOn(property.ContainingType, _types.ValueTaskOfT):
                    form = new BlockingForm(BlockingFormKind.Result, reference, reference.Instance);
                    break;

                case IInvocationOperation invocation:
                    if (!TryRecognizeInvocation(invocation, out form))
                    {
                        return false;
                    }

                    break;

                default:
                    return false;
            }

            return true;
        }

        /// <summary>True when the task is known to be complete here, so the form does not block.</summary>
        public bool CannotBlock(BlockingForm form) =>
            form.Awaitable is not null && CannotBlock(form.Operation, form.Awaitable);

        private bool TryRecognizeInvocation(IInvocationOperation invocation, out BlockingForm form)
        {
            form = default;
            var method = invocation.TargetMethod;
            var containingType = method.ContainingType;
            if (method.IsStatic)
            {
                if (SymbolEqualityComparer.Default.Equals(containingType, _types.Task))
                {
                    if (method.Name == "WaitAll")
                    {
                        form = new BlockingForm(BlockingFormKind.WaitAll, invocation, null);
                        return true;
                    }

                    if (method.Name == "WaitAny")
                    {
                        form = new BlockingForm(BlockingFormKind.WaitAny, invocation, null);
                        return true;
                    }
                }
                else if (method.Name == "Sleep" && SymbolEqualityComparer.Default.Equals(containingType, _types.Thread))
                {
                    form = new BlockingForm(BlockingFormKind.Sleep, invocation, null);
                    return true;
                }

                return false;
            }

            if (method.Name == "Wait" && SymbolEqualityComparer.Default.Equals(containingType, _types.Task))
            {
                form = new BlockingForm(BlockingFormKind.Wait, invocation, invocation.Instance);
                return true;
            }

            if (method.Name == "GetResult" && method.Parameters.IsEmpty && IsAwaiter(containingType))
            {
                form = new BlockingForm(BlockingFormKind.GetResult, invocation, AwaitableOf(invocation.Instance));
                return true;
            }

            return false;
        }

        /// <summary>The expression whose <c>GetAwaiter()</c> produced <paramref name="awaiter"/>, when it is visible.</summary>
        public static IOperation? AwaitableOf(IOperation? awaiter)
        {
            if (awaiter is IInvocationOperation { TargetMethod.Name: "GetAwaiter" } getAwaiter)
            {
                if (getAwaiter.Instance is not null)
                {
                    return getAwaiter.Instance;
                }

                if (getAwaiter.TargetMethod.IsExtensionMethod && getAwaiter.Arguments.Length == 1)
                {
                    return getAwaiter.Arguments[0].Value;
                }
            }

            return null;
        }

        private bool IsAwaiter(INamedTypeSymbol? type) =>
            type is not null
            && _types.NotifyCompletion is not null
            && type.AllInterfaces.Contains(_types.NotifyCompletion, SymbolEqualityComparer.Default);

        private static bool IsDefinedOn(INamedTypeSymbol? type, INamedTypeSymbol? definition) =>
            definition is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, definition);

        private bool CannotBlock(IOperation blocking, IOperation awaitable)
        {
            var awaited = CompletionGuard.WithoutConfigureAwait(Unwrap(awaitable), _types);
            return IsKnownComplete(awaited) || CompletionGuard.IsGuarded(blocking, awaited, _types);
        }

        /// <summary><c>Task.CompletedTask</c>, <c>Task.FromResult(x)</c>, <c>new ValueTask&lt;T&gt;(x)</c> and the like.</summary>
        private bool IsKnownComplete(IOperation awaitable)
        {
            var value = Unwrap(awaitable);
            switch (value)
            {
                case IPropertyReferenceOperation { Property: { IsStatic: true, Name: "CompletedTask" } property }:
                    return IsTaskOrValueTask(property.ContainingType);

                case IInvocationOperation { TargetMethod: { IsStatic: true } method }
                    when method.Name is "FromResult" or "FromException" or "FromCanceled":
                    return IsTaskOrValueTask(method.ContainingType);

                case IObjectCreationOperation creation when IsTaskOrValueTask(creation.Type as INamedTypeSymbol):
                    // new ValueTask<T>(result) and new ValueTask() hold a result; the Task and IValueTaskSource constructors wrap pending work.
                    return creation.Constructor is { } constructor
                        && (constructor.Parameters.IsEmpty
                            || constructor.OriginalDefinition.Parameters[0].Type.TypeKind == TypeKind.TypeParameter);

                case IDefaultValueOperation:
                    return IsTaskOrValueTask(value.Type as INamedTypeSymbol) && value.Type!.IsValueType;

                default:
                    return false;
            }
        }

        private bool IsTaskOrValueTask(INamedTypeSymbol? type)
        {
            var definition = type?.OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(definition, _types.Task)
                || SymbolEqualityComparer.Default.Equals(definition, _types.TaskOfT)
                || SymbolEqualityComparer.Default.Equals(definition, _types.ValueTask)
                || SymbolEqualityComparer.Default.Equals(definition, _types.ValueTaskOfT);
        }

        public static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
