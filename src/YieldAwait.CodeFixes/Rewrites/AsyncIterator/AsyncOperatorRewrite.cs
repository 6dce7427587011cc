using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary><c>s.ToBlockingEnumerable(token).ToList()</c> → <c>await s.ToListAsync(cancellationToken: token)</c>.</summary>
    internal sealed class AsyncOperatorRewrite : AwaitRewrite
    {
        private readonly string? _tokenParameterName;
        private readonly bool _keepsToken;

        /// <param name="tokenParameterName">The async operator's token parameter, when a token can be passed to it.</param>
        /// <param name="keepsToken">True when <c>ToBlockingEnumerable</c> was given the token that goes to the operator.</param>
        public AsyncOperatorRewrite(InvocationExpressionSyntax node, string? tokenParameterName, bool keepsToken)
            : base(node)
        {
            _tokenParameterName = tokenParameterName;
            _keepsToken = keepsToken;
        }

        public override SyntaxNode Apply(SyntaxNode current, ExpressionSyntax? token)
        {
            if (current is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax blocking } toBlocking } access } terminal
                || AsyncCounterparts.Rename(access.WithExpression(blocking.Expression), access.Name.Identifier.ValueText + "Async") is not { } renamed)
            {
                return current;
            }

            var call = terminal.WithExpression(renamed);
            var cancellation = _keepsToken ? toBlocking.ArgumentList.Arguments[0].Expression : token;
            if (cancellation is not null && _tokenParameterName is not null)
            {
                call = AsyncCounterparts.AddArgument(call, cancellation.WithoutTrivia(), _tokenParameterName);
            }

            return AwaitedCall.Create(Node, call).WithTriviaFrom(current);
        }
    }
}
