using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.Options;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA4003: an <c>async</c> method that awaits in a loop, adds each result to a local list and returns the list, while every
    /// caller in the compilation only enumerates the result once. The callers wait for the last item before seeing the first;
    /// as an <c>async IAsyncEnumerable&lt;T&gt;</c> the method would hand over each item as it arrives.
    /// </summary>
    /// <remarks>
    /// The callers are found through a per-compilation <see cref="CallerIndex"/> built only for candidate methods, so the
    /// diagnostic stays local (live in the IDE, fixable). Which accessibilities are analysed follows <c>api_surface</c>
    /// (<see cref="ApiSurface"/>): all by default, public ones left out where the compilation tracks its public API.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA4003BufferedSequenceCouldStreamAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.BufferedSequenceCouldStream,
            title: "Async method buffers a sequence it could stream",
            messageFormat: "'{0}' awaits each item into a list and returns it, but its callers only enumerate the result; stream it as IAsyncEnumerable<{1}>",
            DiagnosticCategories.AsyncStreams,
            DiagnosticSeverity.Info,
            description: "An async method that fills a list in an awaiting loop and returns it makes its callers wait for the last item "
                + "before they see the first, and holds every item in memory. When all the callers only loop over the result, an async "
                + "iterator yields each item as it arrives and the callers consume it with await foreach.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (BufferedListTypes.TryCreate(start.Compilation) is not { } types)
                {
                    return;
                }

                var state = new CompilationState(start.Compilation, types, start.CancellationToken);
                start.RegisterOperationAction(state.AnalyzeBody, OperationKind.MethodBody);
            });
        }

        private sealed class CompilationState
        {
            private readonly BufferedListTypes _types;
            private readonly CallerIndex _callers;

            public CompilationState(Compilation compilation, BufferedListTypes types, System.Threading.CancellationToken cancellationToken)
            {
                _types = types;
                _callers = new CallerIndex(compilation, cancellationToken);
            }

            public void AnalyzeBody(OperationAnalysisContext context)
            {
                var body = (IMethodBodyOperation)context.Operation;
                if (context.ContainingSymbol is not IMethodSymbol { IsAsync: true } method
                    || body.Syntax is not MethodDeclarationSyntax declaration
                    || declaration.SyntaxTree.Options is not CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 }
                    || !MayReturnAFilledList(declaration, context.CancellationToken)
                    || !ApiSurface.Includes(context.Options, declaration.SyntaxTree, method, DiagnosticIds.BufferedSequenceCouldStream))
                {
                    return;
                }

                SourceIndex.For(context.Compilation).Passed(Rule.Id);
                if (BufferedListMethod.Recognize(method, body, _types) is not { } buffered
                    || _callers.StreamableCallers(method, context.CancellationToken) is not { } callers
                    || callers == 0)
                {
                    return;
                }

                var element = buffered.ElementType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                context.ReportDiagnostic(Diagnostic.Create(Rule, declaration.Identifier.GetLocation(), method.Name, element));
            }

            /// <summary>
            /// The syntax a buffering method cannot lack: a block body that ends with <c>return …;</c> and spells <c>Add</c>. Cheap,
            /// so that the semantic recognition runs for few async methods now that api_surface analyses every accessibility; the
            /// body's text is searched rather than its nodes walked (a walk builds every node of the body).
            /// </summary>
            private static bool MayReturnAFilledList(MethodDeclarationSyntax declaration, CancellationToken cancellationToken) =>
                declaration.Body is { Statements: { Count: > 0 } statements } body
                && statements[statements.Count - 1] is ReturnStatementSyntax { Expression: not null }
                && TextSearch.SpellsWordWithin(declaration.SyntaxTree.GetText(cancellationToken), body.Span, "Add");
        }
    }
}
