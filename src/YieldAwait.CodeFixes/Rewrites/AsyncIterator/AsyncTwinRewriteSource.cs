using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>
    /// YA1002's forms: a sync call <c>M(args)</c> whose counterpart <c>MAsync(args[, token])</c> can be awaited, with the
    /// analyzer's own checks (exclusions, the project's <c>yieldawait.blocking_call_exclusions</c>, binding where it stands),
    /// so that every conversion (YA1001's too) awaits the counterparts it can.
    /// </summary>
    internal sealed class AsyncTwinRewriteSource : IAwaitRewriteSource
    {
        public AwaitRewrite? TryCreate(SyntaxNode node, SemanticModel model, RewriteContext context, CancellationToken cancellationToken)
        {
            if (node is not InvocationExpressionSyntax invocation
                || context.Counterparts is not { } counterparts
                || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
                || counterparts.Find(operation.TargetMethod) is null
                || !AwaitPlacement.IsAllowedAt(invocation)
                || IsRecursive(invocation, operation.TargetMethod, model, cancellationToken))
            {
                return null;
            }

            var options = context.Options?.GetOptions(invocation.SyntaxTree);
            if (counterparts.Exclusions.IsExcluded(operation, counterparts.Exclusions.UserExclusions(options))
                || !counterparts.TryResolveCall(operation, out var call)
                || (!call.SameResultType && InitializesImplicitlyTypedLocal(invocation)))
            {
                return null;
            }

            return new AsyncTwinRewrite(invocation, call);
        }

        /// <summary><c>var s = x.Open();</c>: a more derived awaited result would change the local's type, and later assignments to it could break.</summary>
        private static bool InitializesImplicitlyTypedLocal(SyntaxNode invocation) =>
            invocation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } } };

        private static bool IsRecursive(SyntaxNode invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken) =>
            invocation.Ancestors().FirstOrDefault(n => IteratorFacts.IsFunctionDeclaration(n) || IteratorFacts.IsNestedFunction(n)) is { } function
            && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(function, cancellationToken)?.OriginalDefinition, method.OriginalDefinition);
    }
}
