using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Methods that block on the awaitable (or the task-returning delegate) they are given, so that a call of one is a
    /// blocking form where it stands: a helper of the compilation such as
    /// <c>static T Wait&lt;T&gt;(ValueTask&lt;T&gt; t) =&gt; t.AsTask().GetAwaiter().GetResult();</c> or
    /// <c>static T RunSync&lt;T&gt;(Func&lt;Task&lt;T&gt;&gt; f) =&gt; Task.Run(f).Result;</c>, directly or through a chain of such
    /// helpers, and the well-known blocking helpers of libraries, recognised by symbol. A source method is read only when a
    /// call of it is met, once per compilation; a chain that loops back on itself blocks only where some member of it does.
    /// </summary>
    internal sealed class BlockingHelpers
    {
        /// <summary>Helpers calling helpers deeper than this are not followed (and the partial answer is not kept).</summary>
        private const int MaxDepth = 8;

        private readonly Compilation _compilation;
        private readonly BlockingFormRecognizer _recognizer;

        /// <summary>The ordinals of the parameters each method blocks on (empty: not a helper).</summary>
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>> _summaries = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

        public BlockingHelpers(Compilation compilation, BlockingFormRecognizer recognizer)
        {
            _compilation = compilation;
            _recognizer = recognizer;
        }

        private AsyncTypes Types => _recognizer.Types;

        /// <summary>A call of a blocking helper, as a <see cref="BlockingFormKind.Helper"/> form on the argument it blocks on.</summary>
        public bool TryMatch(IInvocationOperation invocation, out BlockingForm form)
        {
            form = default;
            var method = invocation.TargetMethod;
            int ordinal;
            if (KnownBlockedParameter(method) is { } known)
            {
                ordinal = known;
            }
            else if (IsCandidate(method))
            {
                var blocked = SummaryOf(method.OriginalDefinition);
                if (blocked.IsEmpty)
                {
                    return false;
                }

                ordinal = blocked[0];
            }
            else
            {
                return false;
            }

            if (ArgumentFor(invocation, ordinal) is not { } argument)
            {
                return false;
            }

            form = new BlockingForm(BlockingFormKind.Helper, invocation, AwaitableOf(argument.Value), DisplayName(method));
            return true;
        }

        /// <summary>
        /// What a helper argument makes the helper wait for: the task itself, or the task a lambda returns
        /// (<c>() =&gt; LoadAsync()</c>, <c>async () =&gt; await LoadAsync()</c>); null for a method group or a lambda with a body.
        /// </summary>
        public static IOperation? AwaitableOf(IOperation argument)
        {
            var value = BlockingFormRecognizer.Unwrap(argument);
            if (value is not IDelegateCreationOperation creation)
            {
                return value.Type?.TypeKind == TypeKind.Delegate ? null : value;
            }

            if (creation.Target is not IAnonymousFunctionOperation { Body.Operations: { Length: 1 } body } lambda || !lambda.Symbol.Parameters.IsEmpty)
            {
                return null;
            }

            var single = body[0];
            if (!lambda.Symbol.IsAsync)
            {
                return single is IReturnOperation { ReturnedValue: { } returned } ? BlockingFormRecognizer.Unwrap(returned) : null;
            }

            var awaited = single switch
            {
                IReturnOperation { ReturnedValue: { } returned } => BlockingFormRecognizer.Unwrap(returned),
                IExpressionStatementOperation statement => statement.Operation,
                _ => null,
            };
            return awaited is IAwaitOperation await ? await.Operation : null;
        }

        /// <summary>
        /// Nito.AsyncEx's <c>WaitAndUnwrapException</c>/<c>WaitWithoutException</c> (any static class of its namespaces) and
        /// <c>AsyncContext.Run(Func&lt;Task&gt;)</c>, and Microsoft.VisualStudio.Threading's <c>JoinableTaskFactory.Run(Func&lt;Task&gt;)</c>.
        /// </summary>
        private int? KnownBlockedParameter(IMethodSymbol method)
        {
            switch (method.Name)
            {
                case "WaitAndUnwrapException" or "WaitWithoutException"
                    when method.IsStatic && method.IsExtensionMethod && InNamespace(method.ContainingType, "Nito", "AsyncEx") && Types.IsTaskLike(method.Parameters[0].Type):
                    return 0;
                case "Run" when method.ContainingType is { Name: "AsyncContext" } context && InNamespace(context, "Nito", "AsyncEx") && IsTaskDelegate(method, 0):
                    return 0;
                case "Run" when method.ContainingType is { Name: "JoinableTaskFactory" } factory
                    && InNamespace(factory, "Microsoft", "VisualStudio", "Threading") && IsTaskDelegate(method, 0):
                    return 0;
                default:
                    return null;
            }
        }

        /// <summary>The namespace is <paramref name="names"/> or inside it (<c>Nito.AsyncEx.Synchronous</c> is inside <c>Nito.AsyncEx</c>).</summary>
        private static bool InNamespace(INamedTypeSymbol type, params string[] names)
        {
            var chain = new List<string>();
            for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                chain.Insert(0, ns.Name);
            }

            if (chain.Count < names.Length)
            {
                return false;
            }

            for (var i = 0; i < names.Length; i++)
            {
                if (chain[i] != names[i])
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsTaskDelegate(IMethodSymbol method, int ordinal) =>
            method.Parameters.Length > ordinal && IsTaskDelegate(method.Parameters[ordinal].Type);

        private bool IsTaskDelegate(ITypeSymbol type) =>
            type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { Parameters.IsEmpty: true } invoke } && Types.IsTaskLike(invoke.ReturnType);

        /// <summary>A sync method of this compilation that takes an awaitable or a task-returning delegate: cheap checks only.</summary>
        private bool IsCandidate(IMethodSymbol method)
        {
            if (method.IsAsync || method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.IsEmpty
                || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
                || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly))
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind == RefKind.None && (Types.IsTaskLike(parameter.Type) || IsTaskDelegate(parameter.Type)))
                {
                    return true;
                }
            }

            return false;
        }

        private ImmutableArray<int> SummaryOf(IMethodSymbol method)
        {
            if (_summaries.TryGetValue(method, out var known))
            {
                return known;
            }

            var stack = new List<IMethodSymbol>();
            return Summarise(method, stack, out _);
        }

        /// <summary>
        /// The parameters <paramref name="method"/> blocks on. <paramref name="lowest"/> is the shallowest depth of
        /// <paramref name="stack"/> a call loops back to: an answer that leaned on a method still being read (which counts as not
        /// blocking meanwhile) is final only for that method itself, so only answers that leaned on nothing above are kept.
        /// </summary>
        private ImmutableArray<int> Summarise(IMethodSymbol method, List<IMethodSymbol> stack, out int lowest)
        {
            if (_summaries.TryGetValue(method, out var known))
            {
                lowest = int.MaxValue;
                return known;
            }

            var onStack = stack.FindIndex(m => SymbolEqualityComparer.Default.Equals(m, method));
            if (onStack >= 0 || stack.Count >= MaxDepth)
            {
                lowest = onStack >= 0 ? onStack : -1;
                return ImmutableArray<int>.Empty;
            }

            var depth = stack.Count;
            stack.Add(method);
            var blocked = BlockedParameters(method, stack, out lowest);
            stack.RemoveAt(depth);
            if (lowest >= depth)
            {
                _summaries.TryAdd(method, blocked);
                lowest = int.MaxValue;
            }

            return blocked;
        }

        private ImmutableArray<int> BlockedParameters(IMethodSymbol method, List<IMethodSymbol> stack, out int lowest)
        {
            lowest = int.MaxValue;
            if (Declaration(method) is not { } declaration || IteratorFacts.ContainsYield(declaration))
            {
                return ImmutableArray<int>.Empty;
            }

            // Rare (a sync method of the compilation taking a task, called from code being analysed) and once per method.
            if (Model(declaration.SyntaxTree).GetOperation(declaration) is not { } body)
            {
                return ImmutableArray<int>.Empty;
            }

            var blocked = new SortedSet<int>();
            foreach (var operation in OwnOperations.Of(body))
            {
                if (_recognizer.TryMatchBuiltIn(operation, out var form))
                {
                    if (form.Awaitable is not null && ParameterOrdinal(form.Awaitable, method) is { } ordinal && !_recognizer.CannotBlock(form))
                    {
                        blocked.Add(ordinal);
                    }

                    continue;
                }

                if (operation is not IInvocationOperation call)
                {
                    continue;
                }

                var callee = call.TargetMethod;
                ImmutableArray<int> calleeBlocked;
                if (KnownBlockedParameter(callee) is { } known)
                {
                    calleeBlocked = ImmutableArray.Create(known);
                }
                else if (IsCandidate(callee))
                {
                    calleeBlocked = Summarise(callee.OriginalDefinition, stack, out var calleeLowest);
                    lowest = System.Math.Min(lowest, calleeLowest);
                }
                else
                {
                    continue;
                }

                foreach (var calleeOrdinal in calleeBlocked)
                {
                    if (ArgumentFor(call, calleeOrdinal) is not { } argument)
                    {
                        continue;
                    }

                    // A delegate passed on (RunSync(Func<Task> f) => AsyncContext.Run(f)) has no awaitable of its own: it is the parameter.
                    var awaitable = AwaitableOf(argument.Value) ?? BlockingFormRecognizer.Unwrap(argument.Value);
                    var helperForm = new BlockingForm(BlockingFormKind.Helper, call, awaitable, null);
                    if (ParameterOrdinal(awaitable, method) is { } ordinal && !_recognizer.CannotBlock(helperForm))
                    {
                        blocked.Add(ordinal);
                    }
                }
            }

            return blocked.ToImmutableArray();
        }

        /// <summary>
        /// The parameter of <paramref name="method"/> that <paramref name="awaitable"/> is: <c>t</c>, <c>t.AsTask()</c>,
        /// <c>t.ConfigureAwait(false)</c>, or for a delegate parameter <c>f()</c>, <c>Task.Run(f)</c>, <c>factory.StartNew(f).Unwrap()</c>.
        /// </summary>
        private int? ParameterOrdinal(IOperation awaitable, IMethodSymbol method)
        {
            var value = BlockingFormRecognizer.Unwrap(awaitable);
            while (value is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "AsTask" or "Preserve" or "Unwrap" } wrapper)
            {
                var inner = wrapper.Instance ?? (wrapper.Arguments.Length == 1 ? wrapper.Arguments[0].Value : null);
                if (inner is null || !Types.IsTaskLike(inner.Type))
                {
                    break;
                }

                value = BlockingFormRecognizer.Unwrap(inner);
            }

            switch (value)
            {
                case IParameterReferenceOperation reference when IsOwnParameter(reference.Parameter, method):
                    return reference.Parameter.Ordinal;

                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } target }
                    when BlockingFormRecognizer.Unwrap(target) is IParameterReferenceOperation invoked && IsOwnParameter(invoked.Parameter, method):
                    return invoked.Parameter.Ordinal;

                case IInvocationOperation { TargetMethod.Name: "Run" or "StartNew" } start:
                    foreach (var argument in start.Arguments)
                    {
                        if (BlockingFormRecognizer.Unwrap(argument.Value) is IParameterReferenceOperation started
                            && IsOwnParameter(started.Parameter, method) && IsTaskDelegate(started.Parameter.Type))
                        {
                            return started.Parameter.Ordinal;
                        }
                    }

                    return null;

                default:
                    return null;
            }
        }

        private static bool IsOwnParameter(IParameterSymbol parameter, IMethodSymbol method) =>
            SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, method);

        private static IArgumentOperation? ArgumentFor(IInvocationOperation invocation, int ordinal)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>The declaration that holds the method's body (of a partial method, the implementation).</summary>
        private static SyntaxNode? Declaration(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                if (syntax is MethodDeclarationSyntax { Body: not null } or MethodDeclarationSyntax { ExpressionBody: not null }
                    or LocalFunctionStatementSyntax { Body: not null } or LocalFunctionStatementSyntax { ExpressionBody: not null })
                {
                    return syntax.ContainsDiagnostics ? null : syntax;
                }
            }

            return null;
        }

        private SemanticModel Model(SyntaxTree tree)
        {
#pragma warning disable RS1030 // A helper's body lives in another tree (or another method); there is no context for it.
            return _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030
        }

        /// <summary><c>Sync.Wait</c> for a static or instance method, <c>.WaitAndUnwrapException()</c> for an extension, the bare name for a local function.</summary>
        private static string DisplayName(IMethodSymbol method) =>
            method.MethodKind == MethodKind.LocalFunction ? method.Name
            : method.IsExtensionMethod ? "." + method.Name + "()"
            : method.ContainingType.Name + "." + method.Name;
    }
}
