using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA3006: a call to an iterator or async iterator whose result is thrown away (an expression statement or
    /// <c>_ = …</c>). Calling a generator only builds it; its body runs as it is enumerated, so here none of it runs.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA3006DiscardedIteratorCallAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.DiscardedIteratorCall,
            title: "Iterator called for its effects, result discarded: nothing runs",
            messageFormat: "'{0}' is an {1} and its result is discarded, so none of its body runs; enumerate the result or make '{0}' run eagerly",
            DiagnosticCategories.DeferredExecution,
            DiagnosticSeverity.Warning,
            description: "Calling an iterator only creates the generator: its body runs as the sequence is enumerated. When the result is "
                + "discarded, nothing the body does (writes, sends, deletes) ever happens.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (AsyncTypes.TryCreate(start.Compilation) is not { } types)
                {
                    return;
                }

                var iterators = new KnownIterators(start.Compilation, types);
                start.RegisterOperationAction(context => Analyze(context, iterators), OperationKind.ExpressionStatement);
            });
        }

        private static void Analyze(OperationAnalysisContext context, KnownIterators iterators)
        {
            var value = ((IExpressionStatementOperation)context.Operation).Operation;
            if (value is ISimpleAssignmentOperation { Target: IDiscardOperation } discard)
            {
                value = discard.Value;
            }

            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            if (value is IConditionalAccessOperation conditionalAccess)
            {
                value = conditionalAccess.WhenNotNull;
            }

            var (callee, virtualDispatch) = value switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.IsVirtual),
                IPropertyReferenceOperation { Property.GetMethod: { } getter } property => (getter, property.Instance?.Syntax is not BaseExpressionSyntax),
                IBinaryOperation { OperatorMethod: { } method } => (method, false),
                IUnaryOperation { OperatorMethod: { } method } => (method, false),
                _ => (null, false),
            };

            if (callee is null)
            {
                return;
            }

            SourceIndex.For(context.Compilation).Passed(Rule.Id);

            var kind = iterators.KindOfCallee(callee, virtualDispatch);
            if (kind == IteratorKind.None)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                value.Syntax.GetLocation(),
                EnclosingFunction.DisplayName(callee),
                kind == IteratorKind.Async ? "async iterator" : "iterator"));
        }
    }
}
