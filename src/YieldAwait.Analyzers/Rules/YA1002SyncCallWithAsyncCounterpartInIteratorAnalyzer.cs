using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;

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
        /// <summary>The key under which a diagnostic carries the counterpart's name to the fix.</summary>
        public const string CounterpartProperty = "Counterpart";

        /// <summary>Set when sync functions enumerate the iterator too: the fix then only adds an async counterpart beside it.</summary>
        public const string SyncConsumersProperty = "SyncConsumers";

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

                var consumers = new IteratorConsumers(start.Compilation, counterparts.Types, start.CancellationToken);
                start.RegisterOperationAction(new Analysis(counterparts, consumers).Analyze, OperationKind.Invocation);
            });
        }

        private sealed class Analysis
        {
            private readonly AsyncCounterparts _counterparts;
            private readonly IteratorConsumers _consumers;
            private readonly ConcurrentDictionary<SyntaxNode, bool> _containsYield = new();

            public Analysis(AsyncCounterparts counterparts, IteratorConsumers consumers)
            {
                _counterparts = counterparts;
                _consumers = consumers;
            }

            public void Analyze(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (_counterparts.Find(method) is null
                    || !EnclosingFunction.TryFind(invocation, context.ContainingSymbol, out var function, out var declaration)
                    || !_containsYield.GetOrAdd(declaration, IteratorFacts.ContainsYield)
                    || IteratorFacts.Classify(function, _counterparts.Types) != IteratorKind.Sync
                    || SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, function.OriginalDefinition)
                    || !CanAwaitAt(invocation.Syntax, declaration))
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

                var properties = ImmutableDictionary<string, string?>.Empty.Add(CounterpartProperty, counterpart.Name);
                if ((consumers & IteratorConsumerKinds.Sync) != 0)
                {
                    properties = properties.Add(SyncConsumersProperty, "true");
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    invocation.Syntax.GetLocation(),
                    properties,
                    method.ContainingType.Name + "." + method.Name,
                    counterpart.Name,
                    EnclosingFunction.DisplayName(function)));
            }

            /// <summary>
            /// <c>await</c> is illegal inside <c>lock</c>, catch filters and <c>unsafe</c> blocks: there the counterpart could not be awaited
            /// without restructuring, and the conversion leaves the call as it is.
            /// </summary>
            private static bool CanAwaitAt(SyntaxNode node, SyntaxNode declaration) =>
                !node.Ancestors().TakeWhile(n => n != declaration).Any(n => n is LockStatementSyntax or CatchFilterClauseSyntax or UnsafeStatementSyntax);
        }
    }
}
