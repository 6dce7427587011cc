using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.CodeFixes.Cancellation;
using YieldAwait.CodeFixes.Conversion.Engine;
using YieldAwait.CodeFixes.Rewrites.AsyncIterator;

namespace YieldAwait.CodeFixes.Rewrites
{
    /// <summary>
    /// An iterator of tasks that becomes an async stream of their results (YA1004): its signature (through
    /// <see cref="AsyncSignature"/>, with the element type unwrapped) and each <c>yield return</c> that now awaits.
    /// </summary>
    internal sealed class TaskStreamProducer
    {
        public TaskStreamProducer(ConvertedFunction signature, TypeSyntax resultType, IReadOnlyList<(YieldStatementSyntax Yield, CancellationTokenArgument? Token)> yields)
        {
            Signature = signature;
            ResultType = resultType;
            Yields = yields;
        }

        /// <summary>What <see cref="AsyncSignature"/> needs: <c>async</c>, the token, the new name.</summary>
        public ConvertedFunction Signature { get; }

        /// <summary>The <c>T</c> of <c>Task&lt;T&gt;</c> as the user wrote it.</summary>
        public TypeSyntax ResultType { get; }

        /// <summary>Each <c>yield return</c>, and how the token reaches its call when it has a token overload.</summary>
        public IReadOnlyList<(YieldStatementSyntax Yield, CancellationTokenArgument? Token)> Yields { get; }

        /// <summary>True when every consumer awaited with <c>ConfigureAwait(false)</c>: the producer's awaits keep that.</summary>
        public bool ConfigureAwaitFalse { get; set; }
    }

    /// <summary>A <c>foreach</c> that awaits each task, becoming <c>await foreach</c> over the results.</summary>
    internal sealed class TaskStreamConsumer
    {
        public TaskStreamConsumer(DocumentId documentId, ForEachStatementSyntax loop, InvocationExpressionSyntax call, AwaitExpressionSyntax await, ExpressionSyntax? configureAwait, AwaitedTaskUse use, ArgumentSyntax? tokenArgument, bool needsTasksImport)
        {
            DocumentId = documentId;
            Loop = loop;
            Call = call;
            Await = await;
            ConfigureAwait = configureAwait;
            Use = use;
            TokenArgument = tokenArgument;
            NeedsTasksImport = needsTasksImport;
        }

        public DocumentId DocumentId { get; }

        public ForEachStatementSyntax Loop { get; }

        public InvocationExpressionSyntax Call { get; }

        public AwaitExpressionSyntax Await { get; }

        /// <summary>The argument of <c>t.ConfigureAwait(…)</c>, moved to the stream.</summary>
        public ExpressionSyntax? ConfigureAwait { get; }

        public AwaitedTaskUse Use { get; }

        /// <summary><c>cancellationToken: token</c> when the producer gains a token and the consumer has one of its own.</summary>
        public ArgumentSyntax? TokenArgument { get; }

        /// <summary>The stream's <c>ConfigureAwait</c> is an extension in <c>System.Threading.Tasks</c>, which the file may not import.</summary>
        public bool NeedsTasksImport { get; }
    }

    /// <summary>Everything one "Convert to async stream" (or its Fix All) changes.</summary>
    internal sealed class TaskStreamPlan
    {
        public TaskStreamPlan(Solution solution, IReadOnlyList<TaskStreamProducer> producers, IReadOnlyList<TaskStreamConsumer> consumers, IReadOnlyList<RenameSite> renames)
        {
            Solution = solution;
            Producers = producers;
            Consumers = consumers;
            Renames = renames;
        }

        public Solution Solution { get; }

        public IReadOnlyList<TaskStreamProducer> Producers { get; }

        public IReadOnlyList<TaskStreamConsumer> Consumers { get; }

        public IReadOnlyList<RenameSite> Renames { get; }
    }
}
