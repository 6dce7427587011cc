using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA1001: a synchronous iterator blocks on async work (<c>.Result</c>, <c>.Wait()</c>,
    /// <c>.GetAwaiter().GetResult()</c>, <c>Task.WaitAll/WaitAny</c>, <c>Thread.Sleep</c>). Every
    /// <c>MoveNext</c> of the generator then holds a thread hostage; an async iterator would await instead.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA1001BlockingWaitInIteratorAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.BlockingWaitInIterator,
            title: "Blocking wait on async work inside an iterator",
            messageFormat: "'{0}' blocks the thread on async work inside iterator '{1}'; make it an async iterator that awaits",
            DiagnosticCategories.AsyncInIterators,
            DiagnosticSeverity.Warning,
            description: "A synchronous iterator that blocks on a task ties up a thread for every element it produces and can deadlock "
                + "under a synchronization context. An async iterator (IAsyncEnumerable<T>) awaits the same work without blocking.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            BlockingWaitDetection.Register(context, IteratorKind.Sync, Rule);
        }
    }
}
