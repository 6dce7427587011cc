using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.Cancellation;
using YieldAwait.Analyzers.FixProperties;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA4002: an <c>await foreach</c> over an <c>IAsyncEnumerable&lt;T&gt;</c> that no token reaches, where a token is in scope.
    /// Cancelling that token stops the awaits around the loop, but not the producer the loop is suspended in.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA4002CancellationTokenNotPassedToAwaitForEachAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.CancellationTokenNotPassedToAwaitForEach,
            title: "Cancellation token not passed to await foreach",
            messageFormat: "This 'await foreach' does not pass '{0}' to the stream it enumerates; add .WithCancellation({0})",
            DiagnosticCategories.AsyncStreams,
            DiagnosticSeverity.Info,
            description: "An await foreach spends most of its time suspended inside the producer's MoveNextAsync. Unless the token reaches "
                + "the producer (as an argument or through WithCancellation), cancelling it does not stop the loop until the next item arrives.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (CancellationTypes.TryCreate(start.Compilation) is not { } types)
                {
                    return;
                }

                var tokenSource = start.Compilation.GetBestTypeByMetadataName("System.Threading.CancellationTokenSource");
                var cancelled = start.Compilation.GetBestTypeByMetadataName("System.OperationCanceledException");
                start.RegisterOperationAction(context => Analyze(context, types, tokenSource, cancelled), OperationKind.Loop);
            });
        }

        private static void Analyze(OperationAnalysisContext context, CancellationTypes types, INamedTypeSymbol? tokenSource, INamedTypeSymbol? cancelled)
        {
            if (context.Operation is not IForEachLoopOperation { IsAsynchronous: true } loop)
            {
                return;
            }

            SourceIndex.For(context.Compilation).Passed(Rule.Id);
            if (RunsAfterCancellation(loop, cancelled)
                || CancellableStreams.UncancelledStream(loop, types) is not { } stream
                || TokenInScope.Find(loop, context.ContainingSymbol, types, tokenSource) is not { } token)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                stream.Syntax.GetLocation(),
                new YA4002FixProperties(token).Write(),
                token));
        }

        /// <summary>
        /// A loop in a <c>finally</c> or in a <c>catch (OperationCanceledException)</c> is cleanup that runs once the token is
        /// (or may be) cancelled: draining a channel, flushing what is left. Passing that token would stop it before it starts.
        /// </summary>
        private static bool RunsAfterCancellation(IOperation loop, INamedTypeSymbol? cancelled)
        {
            for (IOperation? child = loop, parent = loop.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                    case ITryOperation @try when @try.Finally == child:
                        return true;
                    case ICatchClauseOperation { ExceptionType: var caught } when cancelled is not null && DerivesFrom(caught, cancelled):
                        return true;
                }
            }

            return false;
        }

        private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
