using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>How code blocks a thread to enumerate an async stream (catalog YA1003).</summary>
    internal enum AsyncStreamBlockingKind
    {
        /// <summary><c>stream.ToBlockingEnumerable()</c>, System.Linq.Async's <c>stream.ToEnumerable()</c>.</summary>
        BlockingEnumerable,

        /// <summary><c>stream.ToListAsync().Result</c>: a blocking wait on an operator over the stream.</summary>
        BlockedOperator,

        /// <summary><c>enumerator.MoveNextAsync().AsTask().Result</c> and the like.</summary>
        BlockedMoveNext,
    }

    /// <summary>Recognises the blocking ways to enumerate an <c>IAsyncEnumerable&lt;T&gt;</c>, by symbol.</summary>
    internal sealed class AsyncStreamBlocking
    {
        private readonly INamedTypeSymbol _asyncEnumerable;
        private readonly INamedTypeSymbol? _asyncEnumerator;
        private readonly INamedTypeSymbol? _taskAsyncEnumerableExtensions;
        private readonly INamedTypeSymbol? _cancellationToken;

        private AsyncStreamBlocking(Compilation compilation, AsyncTypes types, INamedTypeSymbol asyncEnumerable)
        {
            Recognizer = new BlockingFormRecognizer(types, compilation);
            _asyncEnumerable = asyncEnumerable;
            _asyncEnumerator = types.IAsyncEnumeratorOfT;
            _taskAsyncEnumerableExtensions = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.TaskAsyncEnumerableExtensions");
            _cancellationToken = compilation.GetBestTypeByMetadataName("System.Threading.CancellationToken");
        }

        public BlockingFormRecognizer Recognizer { get; }

        public AsyncTypes Types => Recognizer.Types;

        /// <summary>Null when the compilation has no <c>IAsyncEnumerable&lt;T&gt;</c>: then there is no stream to block on.</summary>
        public static AsyncStreamBlocking? TryCreate(Compilation compilation) =>
            AsyncTypes.TryCreate(compilation) is { IAsyncEnumerableOfT: { } asyncEnumerable } types
                ? new AsyncStreamBlocking(compilation, types, asyncEnumerable)
                : null;

        /// <summary>
        /// <c>ToBlockingEnumerable(stream[, token])</c> (.NET 7's, or a polyfill's of that name returning <c>IEnumerable&lt;T&gt;</c>
        /// for older targets) or System.Linq.Async's <c>ToEnumerable(stream)</c>, with the stream argument and the token
        /// argument when one is passed.
        /// </summary>
        public bool IsBlockingEnumerable(IInvocationOperation invocation, out IArgumentOperation stream, out IArgumentOperation? token)
        {
            stream = null!;
            token = null;
            var method = invocation.TargetMethod;
            if (!method.IsStatic || !method.IsExtensionMethod || method.Parameters.IsEmpty || !IsAsyncEnumerable(method.Parameters[0].Type))
            {
                return false;
            }

            var isBlockingEnumerable = method.Name == "ToBlockingEnumerable"
                && (SymbolEqualityComparer.Default.Equals(method.ContainingType, _taskAsyncEnumerableExtensions)
                    || method.ReturnType.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
            var isLinqAsyncToEnumerable = method.Name == "ToEnumerable"
                && method.ContainingType is { Name: "AsyncEnumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
            if (!isBlockingEnumerable && !isLinqAsyncToEnumerable)
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    stream = argument;
                }
                else if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is { Ordinal: 1 } parameter
                    && SymbolEqualityComparer.Default.Equals(parameter.Type, _cancellationToken))
                {
                    token = argument;
                }
            }

            return stream is not null;
        }

        /// <summary>
        /// A blocking form (<c>.Result</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c>) on an operator over a stream
        /// (<c>stream.ToListAsync()</c>, any extension whose <c>this</c> is an async stream and that returns a task) or
        /// on <c>MoveNextAsync()</c>; <paramref name="operatorName"/> is the awaited call's name.
        /// </summary>
        public bool TryRecognizeBlockedWait(IOperation operation, out BlockingForm form, out AsyncStreamBlockingKind kind, out string operatorName)
        {
            kind = default;
            operatorName = "";
            // The symbol checks first, the walk of the surrounding code (CannotBlock) last.
            return Recognizer.TryMatch(operation, out form)
                && form.Awaitable is not null
                && IsStreamAwaitable(form.Awaitable, out kind, out operatorName)
                && !Recognizer.CannotBlock(form);
        }

        /// <summary>
        /// A cheap look at a call's arguments before the blocking helpers are consulted (they read the callee's body): a call
        /// of a helper is a blocked wait on a stream only when one of its arguments awaits <c>MoveNextAsync()</c> or an
        /// operator over a stream, directly or through a lambda (<see cref="BlockingHelpers.AwaitableOf"/>).
        /// </summary>
        public bool MayPassStreamAwaitable(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (MayCarryAwaitable(argument) && BlockingHelpers.AwaitableOf(argument.Value) is { } awaitable && IsStreamAwaitable(awaitable, out _, out _))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when some argument has the shape <see cref="MayPassStreamAwaitable"/> looks for: only a call
        /// (<c>e.MoveNextAsync()</c>, <c>ToListAsync()</c>, <c>AsTask()</c>) or a lambda around one can pass a stream's awaitable,
        /// not a local, a constant or a member. No symbol is read, so callers ask it before anything that is.
        /// </summary>
        public static bool AnyArgumentMayCarryAwaitable(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (MayCarryAwaitable(argument))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MayCarryAwaitable(IArgumentOperation argument) =>
            BlockingFormRecognizer.Unwrap(argument.Value) is IInvocationOperation or IDelegateCreationOperation;

        /// <summary>What a blocking form waits for is <c>MoveNextAsync()</c> or an operator over an async stream that returns a task.</summary>
        private bool IsStreamAwaitable(IOperation awaitable, out AsyncStreamBlockingKind kind, out string operatorName)
        {
            kind = default;
            operatorName = "";
            var awaited = CompletionGuard.WithoutConfigureAwait(BlockingFormRecognizer.Unwrap(awaitable), Types);
            if (awaited is IInvocationOperation { TargetMethod.Name: "AsTask", Instance: { } valueTask } && Types.IsTaskLike(valueTask.Type))
            {
                awaited = BlockingFormRecognizer.Unwrap(valueTask);
            }

            if (awaited is not IInvocationOperation call)
            {
                return false;
            }

            var method = call.TargetMethod;
            operatorName = method.Name;
            if (method.Name == "MoveNextAsync" && call.Instance is { } enumerator && IsAsyncEnumerator(enumerator.Type))
            {
                kind = AsyncStreamBlockingKind.BlockedMoveNext;
                return true;
            }

            if (method.IsExtensionMethod && !method.Parameters.IsEmpty && IsAsyncEnumerable(method.Parameters[0].Type) && Types.IsTaskLike(method.ReturnType))
            {
                kind = AsyncStreamBlockingKind.BlockedOperator;
                return true;
            }

            return false;
        }

        public bool IsAsyncEnumerable(ITypeSymbol? type) => Implements(type, _asyncEnumerable);

        private bool IsAsyncEnumerator(ITypeSymbol? type) => _asyncEnumerator is not null && Implements(type, _asyncEnumerator);

        private static bool Implements(ITypeSymbol? type, INamedTypeSymbol definition) =>
            type is not null
            && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, definition)
                || (type is ITypeParameterSymbol parameter
                    ? parameter.ConstraintTypes.Any(constraint => Implements(constraint, definition))
                    : type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, definition))));
    }
}
