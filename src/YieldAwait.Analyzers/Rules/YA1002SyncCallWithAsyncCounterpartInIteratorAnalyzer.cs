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
    /// Each <c>MoveNext</c> of the generator blocks on I/O that an async iterator would await.
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
                var analysis = new Analysis(counterparts, index);

                // Only members that are or hold an iterator get the per-call callbacks: most members have none.
                start.RegisterOperationBlockStartAction(block =>
                {
                    if (index.AnyOverlapsIterator(block.OperationBlocks))
                    {
                        block.RegisterOperationAction(analysis.Analyze, OperationKind.Invocation);
                    }
                });
            });
        }

        private sealed class Analysis
        {
            private readonly AsyncCounterparts _counterparts;
            private readonly SourceIndex _index;

            public Analysis(AsyncCounterparts counterparts, SourceIndex index)
            {
                _counterparts = counterparts;
                _index = index;
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
                if (!EnclosingFunction.TryFind(invocation, context.ContainingSymbol, out var function, out var declaration)
                    || _counterparts.Find(method) is null
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

                context.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    invocation.Syntax.GetLocation(),
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
