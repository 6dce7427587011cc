using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace YieldAwait.Analyzers.Finiteness
{
    /// <summary>Where the YA2xxx rules put a diagnostic on a call: from the operator's name to the end, <c>xs.[|ToList()|]</c>.</summary>
    internal static class OperatorLocation
    {
        public static Location Of(SyntaxNode call)
        {
            if (call is InvocationExpressionSyntax invocation)
            {
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name,
                    MemberBindingExpressionSyntax binding => binding.Name,
                    _ => null,
                };

                if (name is not null)
                {
                    return Location.Create(call.SyntaxTree, TextSpan.FromBounds(name.SpanStart, invocation.Span.End));
                }
            }

            return call.GetLocation();
        }
    }
}
