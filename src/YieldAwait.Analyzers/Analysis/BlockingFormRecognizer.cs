using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Recognises the blocking forms by symbol (with the calls of blocking helpers, <see cref="BlockingHelpers"/>), and sets
    /// aside the ones that cannot block because <see cref="CompletionProof"/> proves the task complete.
    /// </summary>
    internal sealed class BlockingFormRecognizer
    {
        private readonly AsyncTypes _types;
        private readonly BlockingHelpers _helpers;

        /// <summary>One per compilation (it caches what it learns of the compilation's blocking helpers).</summary>
        public BlockingFormRecognizer(AsyncTypes types, Compilation compilation)
        {
            _types = types;
            _helpers = new BlockingHelpers(compilation, this);
        }

        public AsyncTypes Types => _types;

        /// <summary>A blocking form that can block: <see cref="TryMatch"/> and not <see cref="CannotBlock(BlockingForm)"/>.</summary>
        public bool TryRecognize(IOperation operation, out BlockingForm form) =>
            TryMatch(operation, out form) && !CannotBlock(form);

        /// <summary>
        /// The blocking form <paramref name="operation"/> is, by symbol alone: cheap, so analyzers call it first and
        /// leave <see cref="CannotBlock(BlockingForm)"/>, which walks the surrounding code, for the few that pass their other checks.
        /// </summary>
        public bool TryMatch(IOperation operation, out BlockingForm form) =>
            TryMatchBuiltIn(operation, out form)
            || (operation is IInvocationOperation invocation && _helpers.TryMatch(invocation, out form));

        /// <summary>The framework's own blocking forms, without the calls of blocking helpers.</summary>
        public bool TryMatchBuiltIn(IOperation operation, out BlockingForm form)
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

        /// <summary>True when the task is proven complete here (<see cref="CompletionProof"/>), so the form does not block.</summary>
        public bool CannotBlock(BlockingForm form) =>
            form.Awaitable is not null && CompletionProof.IsComplete(form.Operation, form.Awaitable, _types);

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
