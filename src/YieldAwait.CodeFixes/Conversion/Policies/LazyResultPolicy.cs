using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.CodeFixes.Conversion.Engine;

namespace YieldAwait.CodeFixes.Conversion.Policies
{
    /// <summary>
    /// Whether every caller in the solution keeps its meaning when a method that returned a built list starts returning a
    /// lazy sequence. A caller is fine when it reads the result once, right away: <c>foreach</c>, a LINQ operator, a
    /// collection's constructor or <c>AddRange</c>, or returns it (then it is lazy itself). It is not fine inside a
    /// <c>try</c> with <c>catch</c> (YA3003: the catch would no longer see the exceptions), inside <c>using</c> or
    /// <c>lock</c> (YA3002/YA3004), or when it keeps the result (it may read it twice, running the body twice: YA3005).
    /// </summary>
    internal sealed class LazyResultPolicy : ChangePolicy<NoRewrite>
    {
        private LazyResultPolicy()
        {
        }

        /// <summary>Whether every reference to <paramref name="function"/> tolerates a lazy result (nothing is renamed or rewritten).</summary>
        public static async Task<bool> AllCallersTolerateAsync(Document document, SyntaxNode function, CancellationToken cancellationToken) =>
            (await SolutionChangeEngine.PlanAsync(document.Project.Solution, document, function, new LazyResultPolicy(), cancellationToken).ConfigureAwait(false)).Succeeded;

        public override Task<bool> AcceptAsync(IReadOnlyList<FamilyMember> family, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public override async Task<ReferenceVerdict<NoRewrite>> SortAsync(MemberReference reference, FamilyMember target, CancellationToken cancellationToken)
        {
            if (reference.IsNameOnly)
            {
                return ReferenceVerdict<NoRewrite>.Follows(); // a cref or nameof(…) reads no result
            }

            return reference.IsImplicit || reference.IsCandidate
                || reference.Invocation is not { Expression: not MemberBindingExpressionSyntax } call
                || await reference.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
                || InGuardedRegion(call)
                || !ReadOnceAtOnce(model, call, allowLocal: true, cancellationToken)
                ? ReferenceVerdict<NoRewrite>.Blocks
                : ReferenceVerdict<NoRewrite>.Follows();
        }

        private static bool ReadOnceAtOnce(SemanticModel model, ExpressionSyntax value, bool allowLocal, CancellationToken cancellationToken)
        {
            var use = value;
            while (use.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                use = parenthesized;
            }

            switch (use.Parent)
            {
                case ForEachStatementSyntax loop when loop.Expression == use:
                case ReturnStatementSyntax:
                case ArrowExpressionClauseSyntax:
                    return true;
                case MemberAccessExpressionSyntax receiver when receiver.Expression == use && receiver.Parent is InvocationExpressionSyntax outer:
                    return IsEnumerableOperator(model.GetSymbolInfo(outer, cancellationToken).Symbol)
                        && (!IsDeferred(model, outer, cancellationToken) || ReadOnceAtOnce(model, outer, allowLocal, cancellationToken));
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: var consumer } } argument when argument.RefKindKeyword.RawKind == 0:
                    var symbol = consumer is null ? null : model.GetSymbolInfo(consumer, cancellationToken).Symbol as IMethodSymbol;
                    if (IsEnumerableOperator(symbol) && consumer is InvocationExpressionSyntax operatorCall)
                    {
                        return !IsDeferred(model, operatorCall, cancellationToken) || ReadOnceAtOnce(model, operatorCall, allowLocal, cancellationToken);
                    }

                    return symbol is not null
                        && (symbol.Name == "AddRange"
                            || (symbol.MethodKind == MethodKind.Constructor && symbol.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic"));
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when allowLocal:
                    return ReadOnceLocal(model, declarator, cancellationToken);
                default:
                    return false;
            }
        }

        /// <summary><c>var xs = M();</c> read once afterwards, in one of the shapes above, and not in a loop that would read it again.</summary>
        private static bool ReadOnceLocal(SemanticModel model, VariableDeclaratorSyntax declarator, CancellationToken cancellationToken)
        {
            if (model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local
                || declarator.FirstAncestorOrSelf<BlockSyntax>() is not { } scope)
            {
                return false;
            }

            var uses = scope.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Where(n => n.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, local))
                .ToList();
            return uses.Count == 1
                && !uses[0].Ancestors().TakeWhile(a => a != scope).Any(a => a is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax || IteratorFacts.IsNestedFunction(a))
                && !InGuardedRegion(uses[0])
                && ReadOnceAtOnce(model, uses[0], allowLocal: false, cancellationToken);
        }

        /// <summary>Inside a <c>try</c> with <c>catch</c>, a <c>using</c> or a <c>lock</c> of the calling function.</summary>
        private static bool InGuardedRegion(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                if (IteratorFacts.IsFunctionDeclaration(ancestor) || IteratorFacts.IsNestedFunction(ancestor))
                {
                    return false;
                }

                switch (ancestor)
                {
                    case TryStatementSyntax { Catches.Count: > 0 } tryStatement when tryStatement.Block.Span.Contains(node.Span):
                    case UsingStatementSyntax:
                    case LockStatementSyntax:
                        return true;
                    case BlockSyntax block when block.Statements.TakeWhile(s => !s.Span.Contains(node.Span))
                        .Any(s => s is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 }):
                        return true;
                }
            }

            return false;
        }

        /// <summary>A lazy operator (<c>Where</c>, <c>Select</c>): its result is read later, so its own use decides.</summary>
        private static bool IsDeferred(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken) =>
            model.GetTypeInfo(call, cancellationToken).Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T }
            || model.GetTypeInfo(call, cancellationToken).Type?.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) == true
                && model.GetTypeInfo(call, cancellationToken).Type?.TypeKind == TypeKind.Interface;

        private static bool IsEnumerableOperator(ISymbol? symbol) =>
            symbol is IMethodSymbol method
            && (method.ReducedFrom ?? method).ContainingType is { Name: "Enumerable" } type
            && type.ContainingNamespace?.ToDisplayString() == "System.Linq";
    }
}
