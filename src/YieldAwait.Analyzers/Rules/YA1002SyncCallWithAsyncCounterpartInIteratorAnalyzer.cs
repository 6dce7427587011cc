using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.FixProperties;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA1002: a synchronous iterator calls <c>M(args)</c> where an awaitable <c>MAsync(args[, token])</c> exists
    /// (<c>StreamReader.ReadLine</c>, <c>Stream.Read</c>, <c>DbCommand.ExecuteReader</c>, <c>File.ReadAllLines</c>…).
    /// Each <c>MoveNext</c> of the generator blocks on I/O that an async iterator would await. Reported only where a coroutine
    /// consumes the generator (an async function of the compilation enumerates it, directly or through sync iterators and LINQ),
    /// and not for the sync half of a deliberate sync/async pair or a member whose sync signature an interface or a library fixes.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA1002SyncCallWithAsyncCounterpartInIteratorAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.SyncCallWithAsyncCounterpartInIterator,
            title: "Synchronous call with an async counterpart inside an iterator",
            messageFormat: "'{0}' blocks iterator '{2}' on work that '{1}' would await; make it an async iterator",
            DiagnosticCategories.AsyncInIterators,
            DiagnosticSeverity.Info,
            description: "A synchronous iterator that calls a method with an async counterpart (ReadLine/ReadLineAsync, Read/ReadAsync, "
                + "ExecuteReader/ExecuteReaderAsync) holds the consumer's thread for the I/O of every element. An async iterator awaits the counterpart instead.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (AsyncCounterparts.TryCreate(start.Compilation) is not { } counterparts)
                {
                    return;
                }

                var index = SourceIndex.For(start.Compilation);
                if (index.HasNoIterators)
                {
                    return;
                }

                var consumers = new IteratorConsumers(start.Compilation, counterparts.Types, start.CancellationToken);
                var analysis = new Analysis(counterparts, index, consumers);

                // Only members that are or hold an iterator get the per-call callbacks: most members have none.
                GatedRegistration.ForMembers(start, index.OverlapsIterator, block => block.RegisterOperationAction(analysis.Analyze, OperationKind.Invocation));
            });
        }

        private sealed class Analysis
        {
            private readonly AsyncCounterparts _counterparts;
            private readonly SourceIndex _index;
            private readonly IteratorConsumers _consumers;

            public Analysis(AsyncCounterparts counterparts, SourceIndex index, IteratorConsumers consumers)
            {
                _counterparts = counterparts;
                _index = index;
                _consumers = consumers;
            }

            public void Analyze(OperationAnalysisContext context)
            {
                // Gate: the counterpart search is a member lookup; only calls in an iterator's own body need one.
                if (!_index.IsInIterator(context.Operation.Syntax))
                {
                    return;
                }

                _index.Passed(DiagnosticIds.SyncCallWithAsyncCounterpartInIterator);
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (!EnclosingFunction.TryFind(invocation, context.ContainingSymbol, out var function, out _)
                    || _counterparts.Find(method) is null
                    || IteratorFacts.Classify(function, _counterparts.Types) != IteratorKind.Sync
                    || SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, function.OriginalDefinition)
                    || !AwaitPlacement.IsAllowedAt(invocation.Syntax))
                {
                    return;
                }

                var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(invocation.Syntax.SyntaxTree);
                if (_counterparts.Exclusions.IsExcluded(invocation, _counterparts.Exclusions.UserExclusions(options))
                    || !_counterparts.IsCallableAt(invocation, context.ContainingSymbol, out var counterpart))
                {
                    return;
                }

                // The blocking generator is a bug only where a coroutine consumes it; searched last, as the costliest check.
                if (_consumers.IsDeliberatelySync(function))
                {
                    return;
                }

                var consumers = _consumers.Of(function, context.CancellationToken);
                if ((consumers & IteratorConsumerKinds.Async) == 0)
                {
                    return;
                }

                // Sync functions enumerating it too would break on a conversion: the fix then only adds a counterpart.
                var properties = new YA1002FixProperties(syncConsumers: (consumers & IteratorConsumerKinds.Sync) != 0).Write();

                context.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    invocation.Syntax.GetLocation(),
                    properties,
                    method.ContainingType.Name + "." + method.Name,
                    counterpart.Name,
                    EnclosingFunction.DisplayName(function)));
            }
        }
    }
}
