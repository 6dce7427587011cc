using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA1005: an async iterator blocks on async work it could await. The consumer's
    /// <c>await foreach</c> expects the producer to yield the thread; a blocking form inside defeats the point.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA1005BlockingWaitInAsyncIteratorAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.BlockingWaitInAsyncIterator,
            title: "Blocking wait inside an async iterator",
            messageFormat: "'{0}' blocks the thread inside async iterator '{1}'; await instead",
            DiagnosticCategories.AsyncInIterators,
            DiagnosticSeverity.Warning,
            description: "An async iterator can await; blocking on a task inside it holds a thread-pool thread for the whole wait "
                + "and can deadlock under a synchronization context. Await the task (Task.Delay for Thread.Sleep) and pass the enumerator's token.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            BlockingWaitDetection.Register(context, IteratorKind.Async, Rule);
        }
    }
}
