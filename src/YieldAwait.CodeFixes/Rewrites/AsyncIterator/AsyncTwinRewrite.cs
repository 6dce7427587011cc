using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary><c>M(args)</c> → <c>await MAsync(args[, token])</c>, keeping the receiver, its spelling and the type arguments.</summary>
    internal sealed class AsyncTwinRewrite : AwaitRewrite
    {
        private readonly AsyncCounterpartCall _call;

        public AsyncTwinRewrite(InvocationExpressionSyntax node, AsyncCounterpartCall call)
            : base(node) => _call = call;

        public override SyntaxNode Apply(SyntaxNode current, ExpressionSyntax? token)
        {
            if (current is not InvocationExpressionSyntax invocation || AsyncCounterparts.Rename(invocation.Expression, _call.Name) is not { } renamed)
            {
                return current;
            }

            var call = invocation.WithExpression(renamed);
            if (token is not null && _call.CanCallWithToken)
            {
                call = AsyncCounterparts.AddArgument(call, token, _call.TokenParameterName);
            }
            else if (!_call.CanCallWithoutToken)
            {
                // Only the overload with a token binds, and the function has none to pass.
                var none = SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression, KnownNames.Expression("System.Threading", "CancellationToken"), SyntaxFactory.IdentifierName("None"));
                call = AsyncCounterparts.AddArgument(call, none, _call.TokenParameterName);
            }

            return AwaitedCall.Create(Node, call).WithTriviaFrom(current);
        }
    }
}
