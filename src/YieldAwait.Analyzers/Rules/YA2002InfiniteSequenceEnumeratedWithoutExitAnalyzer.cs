using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.Finiteness;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA2002: <c>foreach</c> or <c>await foreach</c> over an infinite sequence, in a method that is not itself an iterator,
    /// with no way out of the loop: no <c>break</c>, <c>return</c>, <c>throw</c>, <c>goto</c> out of it, and no cancellation
    /// check (<c>ThrowIfCancellationRequested</c>, <c>IsCancellationRequested</c>, a token passed to a call in the loop or to
    /// the sequence). The loop, and the method, never end.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA2002InfiniteSequenceEnumeratedWithoutExitAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.InfiniteSequenceEnumeratedWithoutExit,
            title: "Infinite sequence enumerated with no exit",
            messageFormat: "The loop over the infinite sequence from '{0}' never ends: its body has no break, return, throw or cancellation check",
            DiagnosticCategories.InfiniteSequences,
            DiagnosticSeverity.Info,
            description: "Looping over a generator that never ends is fine when the loop has a way out. With no break, return, throw, "
                + "goto out of the loop and no cancellation check, the method can never finish, and nothing can stop it but killing the process. "
                + "Pass a CancellationToken, check it in the loop, or bound the sequence.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (InfiniteSequenceAnalysis.TryCreate(start.Compilation, start.Options) is not { } analysis
                    || !analysis.MayHaveInfiniteSources(start.CancellationToken))
                {
                    return;
                }

                var state = new State(
                    analysis,
                    start.Compilation.GetBestTypeByMetadataName("System.Threading.CancellationToken"),
                    start.Compilation.GetBestTypeByMetadataName("System.Threading.CancellationTokenSource"));
                start.RegisterOperationAction(state.AnalyzeLoop, OperationKind.Loop);
            });
        }

        private sealed class State
        {
            private readonly InfiniteSequenceAnalysis _analysis;
            private readonly INamedTypeSymbol? _cancellationToken;
            private readonly INamedTypeSymbol? _cancellationTokenSource;

            public State(InfiniteSequenceAnalysis analysis, INamedTypeSymbol? cancellationToken, INamedTypeSymbol? cancellationTokenSource)
            {
                _analysis = analysis;
                _cancellationToken = cancellationToken;
                _cancellationTokenSource = cancellationTokenSource;
            }

            public void AnalyzeLoop(OperationAnalysisContext context)
            {
                if (context.Operation is not IForEachLoopOperation loop || loop.Syntax is not CommonForEachStatementSyntax syntax)
                {
                    return;
                }

                SourceIndex.For(context.Compilation).Passed(Rule.Id);

                var finiteness = _analysis.Evaluate(loop.Collection, context.ContainingSymbol, context.CancellationToken);
                if (!finiteness.IsInfinite || HasExit(loop) || PassesToken(loop.Collection) || IsInIterator(loop, context.ContainingSymbol))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(Rule, syntax.Expression.GetLocation(), finiteness.Origin));
            }

            /// <summary>An iterator that loops over an infinite sequence is an infinite generator itself, which is legitimate.</summary>
            private static bool IsInIterator(IOperation operation, ISymbol containingSymbol)
            {
                for (var current = operation.Parent; current is not null; current = current.Parent)
                {
                    switch (current)
                    {
                        case IAnonymousFunctionOperation:
                            return false;
                        case ILocalFunctionOperation localFunction:
                            return IteratorFacts.ContainsYield(localFunction.Syntax);
                    }
                }

                return containingSymbol is IMethodSymbol method
                    && IteratorFacts.FindDeclaration(method, operation.Syntax) is { } declaration
                    && IteratorFacts.ContainsYield(declaration);
            }

            /// <summary>A way out of the loop in its own body (not in lambdas or local functions declared there).</summary>
            private bool HasExit(IForEachLoopOperation loop)
            {
                var pending = new Stack<IOperation>();
                pending.Push(loop.Body);
                while (pending.Count > 0)
                {
                    var operation = pending.Pop();
                    switch (operation)
                    {
                        case IAnonymousFunctionOperation or ILocalFunctionOperation:
                            continue;
                        case IBranchOperation { BranchKind: BranchKind.Break } branch when SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel):
                        case IBranchOperation { BranchKind: BranchKind.GoTo } jump when !IsDeclaredInside(jump.Target, loop.Syntax):
                        case IReturnOperation:
                        case IThrowOperation:
                            return true;
                        case IInvocationOperation invocation when IsCancellationCheckOrExit(invocation.TargetMethod):
                            return true;
                        case IPropertyReferenceOperation { Property.Name: "IsCancellationRequested" } property when IsCancellationType(property.Property.ContainingType):
                            return true;
                        case IArgumentOperation argument when IsLiveToken(argument):
                            return true;
                    }

                    foreach (var child in operation.ChildOperations)
                    {
                        pending.Push(child);
                    }
                }

                return false;
            }

            /// <summary><c>Ticks(token)</c> or <c>stream.WithCancellation(token)</c>: the producer stops (or throws) when cancelled.</summary>
            private bool PassesToken(IOperation collection)
            {
                foreach (var operation in collection.DescendantsAndSelf())
                {
                    if (operation is IArgumentOperation argument && IsLiveToken(argument))
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool IsCancellationCheckOrExit(IMethodSymbol method) => method.Name switch
            {
                "ThrowIfCancellationRequested" => IsCancellationType(method.ContainingType),
                "Exit" or "FailFast" => method.ContainingType?.SpecialType == SpecialType.None
                    && method.ContainingType.Name == "Environment"
                    && SequenceOperators.IsDirectlyInNamespace(method.ContainingType, "System"),
                _ => false,
            };

            private bool IsCancellationType(ITypeSymbol? type) =>
                type is not null
                && (SymbolEqualityComparer.Default.Equals(type, _cancellationToken) || SymbolEqualityComparer.Default.Equals(type, _cancellationTokenSource));

            /// <summary>A token argument that can be cancelled: not omitted, not <c>default</c>, not <c>CancellationToken.None</c>.</summary>
            private bool IsLiveToken(IArgumentOperation argument)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit
                    || argument.Parameter is null
                    || !SymbolEqualityComparer.Default.Equals(argument.Parameter.Type, _cancellationToken))
                {
                    return false;
                }

                return InfiniteSequenceAnalysis.Unwrap(argument.Value) switch
                {
                    IDefaultValueOperation => false,
                    IPropertyReferenceOperation { Property.Name: "None", Property.IsStatic: true } => false,
                    IObjectCreationOperation { Arguments.IsEmpty: true } => false,
                    _ => true,
                };
            }

            private static bool IsDeclaredInside(ILabelSymbol label, SyntaxNode loop)
            {
                foreach (var location in label.Locations)
                {
                    if (location.SourceTree == loop.SyntaxTree && loop.Span.Contains(location.SourceSpan))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
