using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.FixProperties;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA1003: an async stream enumerated by blocking: <c>ToBlockingEnumerable()</c>, System.Linq.Async's <c>ToEnumerable()</c>,
    /// <c>stream.ToListAsync().Result</c>, <c>e.MoveNextAsync().AsTask().Result</c>. The producer is a coroutine that
    /// yields the thread while it waits; the blocking consumer takes that thread back for every element. Reported
    /// anywhere; inside an iterator the blocking waits are left to YA1001/YA1005, so each expression is reported once.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA1003BlockingEnumerationOfAsyncStreamAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.BlockingEnumerationOfAsyncStream,
            title: "Blocking enumeration of an async stream",
            messageFormat: "'{0}' blocks the thread to enumerate an async stream; use 'await foreach' or await it",
            DiagnosticCategories.AsyncInIterators,
            DiagnosticSeverity.Warning,
            description: "An async stream (IAsyncEnumerable<T>) is produced by a coroutine that gives the thread back while it waits. "
                + "ToBlockingEnumerable(), ToEnumerable() or a blocking wait on ToListAsync()/MoveNextAsync() holds a thread for every element "
                + "and can deadlock under a synchronization context; 'await foreach' or 'await' consumes the same stream without blocking.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (AsyncStreamBlocking.TryCreate(start.Compilation) is not { } streams)
                {
                    return;
                }

                var enumerable = start.Compilation.GetBestTypeByMetadataName("System.Linq.Enumerable");
                var reachability = new AsyncReachability(start.Compilation, start.CancellationToken);
                start.RegisterOperationAction(new Analysis(streams, enumerable, reachability).Analyze, OperationKind.Invocation);
            });
        }

        private sealed class Analysis
        {
            private readonly AsyncStreamBlocking _streams;
            private readonly INamedTypeSymbol? _enumerable;
            private readonly AsyncReachability _reachability;
            private readonly ConcurrentDictionary<SyntaxNode, bool> _containsYield = new();

            public Analysis(AsyncStreamBlocking streams, INamedTypeSymbol? enumerable, AsyncReachability reachability)
            {
                _streams = streams;
                _enumerable = enumerable;
                _reachability = reachability;
            }

            /// <summary>
            /// A <c>.Result</c> is met from the call it reads (<c>ToListAsync()</c>, <c>MoveNextAsync()</c>, <c>AsTask()</c>): what
            /// a blocked stream waits for is always a call, so the rule needs no callback for every property read of the code.
            /// </summary>
            public void Analyze(OperationAnalysisContext context)
            {
                Analyze(context, context.Operation);
                if (ResultReadOf(context.Operation) is { } read)
                {
                    Analyze(context, read);
                }
            }

            private static IPropertyReferenceOperation? ResultReadOf(IOperation call)
            {
                var parent = call.Parent;
                while (parent is IConversionOperation { IsImplicit: true } conversion)
                {
                    parent = conversion.Parent;
                }

                return parent is IPropertyReferenceOperation { Property.Name: "Result" } read ? read : null;
            }

            private void Analyze(OperationAnalysisContext context, IOperation operation)
            {
                if (!MayBeBlocking(operation) || operation.Syntax.ContainsDiagnostics)
                {
                    // Half-typed code: wait until the call is complete.
                    return;
                }

                SourceIndex.For(context.Compilation).Passed(Rule.Id);

                string display;
                if (operation is IInvocationOperation invocation && _streams.IsBlockingEnumerable(invocation, out _, out _))
                {
                    display = invocation.TargetMethod.Name + "()";
                }
                else if (_streams.TryRecognizeBlockedWait(operation, out var form, out _, out var operatorName)
                    && !IsReportedByBlockingWaitRules(operation, context.ContainingSymbol))
                {
                    display = form.Kind == BlockingFormKind.Helper
                        ? form.Display + "(" + operatorName + "())"
                        : operatorName + "()" + form.Display;
                }
                else
                {
                    return;
                }

                if (Context(operation, context.ContainingSymbol) is not { } where
                    || (where == YA1003Context.Sync && !MayBlockACoroutine(operation, context)))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    operation.Syntax.GetLocation(),
                    new YA1003FixProperties(where).Write(),
                    display));
            }

            /// <summary>
            /// In a plain sync method, blocking matters when a coroutine may be the one waiting: some async function calls the
            /// method. A console tool's sync <c>Main</c> and the commands only it calls block no one.
            /// </summary>
            private bool MayBlockACoroutine(IOperation operation, OperationAnalysisContext context) =>
                !EnclosingFunction.TryFind(operation, context.ContainingSymbol, out var function, out _)
                || _reachability.MayRunOnAsyncCaller(function, context.CancellationToken);

            /// <summary>
            /// A cheap look before any symbol is compared: most calls and property reads are none of these. A call of a method
            /// declared in source, or of a library's blocking helper, may block on its argument (<c>Sync.Wait(e.MoveNextAsync())</c>), when
            /// one of its arguments awaits the stream: that is checked before the helper's body is read.
            /// </summary>
            private bool MayBeBlocking(IOperation operation) => operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod.Name is "ToBlockingEnumerable" or "ToEnumerable" or "Wait" or "GetResult"
                    || (AsyncStreamBlocking.AnyArgumentMayCarryAwaitable(invocation)
                        && (invocation.TargetMethod.Name is "WaitAndUnwrapException" or "WaitWithoutException" or "Run" || !invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
                        && _streams.MayPassStreamAwaitable(invocation)),
                IPropertyReferenceOperation reference => reference.Property.Name == "Result",
                _ => false,
            };

            /// <summary>
            /// YA1001 (sync iterators) and YA1005 (async iterators) already report a blocking wait in an iterator's own body, and
            /// YA1006 one in a lambda given to a deferred LINQ operator (its fix makes the whole pipeline an async stream).
            /// </summary>
            private bool IsReportedByBlockingWaitRules(IOperation operation, ISymbol containingSymbol) =>
                (_enumerable is not null && LazyQueryLambda.TryFind(operation, _enumerable, out _, out _))
                || (EnclosingFunction.TryFind(operation, containingSymbol, out var function, out var declaration)
                    && _containsYield.GetOrAdd(declaration, IteratorFacts.ContainsYield)
                    && IteratorFacts.Classify(function, _streams.Types) != IteratorKind.None);

            /// <summary>Where the operation runs, for the fix; null inside <c>nameof</c>, which runs nothing.</summary>
            private YA1003Context? Context(IOperation operation, ISymbol containingSymbol)
            {
                for (var current = operation.Parent; current is not null and not ILocalFunctionOperation; current = current.Parent)
                {
                    if (current is INameOfOperation)
                    {
                        return null;
                    }

                    if (current is IAnonymousFunctionOperation lambda)
                    {
                        return lambda.Symbol.IsAsync ? YA1003Context.Async : YA1003Context.Sync;
                    }
                }

                if (!EnclosingFunction.TryFind(operation, containingSymbol, out var function, out var declaration))
                {
                    return YA1003Context.Sync;
                }

                if (function.IsAsync)
                {
                    return YA1003Context.Async;
                }

                return _containsYield.GetOrAdd(declaration, IteratorFacts.ContainsYield) && IteratorFacts.Classify(function, _streams.Types) == IteratorKind.Sync
                    ? YA1003Context.SyncIterator
                    : YA1003Context.Sync;
            }
        }
    }
}
