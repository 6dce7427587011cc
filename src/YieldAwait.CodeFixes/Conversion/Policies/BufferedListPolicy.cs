using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.CodeFixes.Conversion.Engine;
using YieldAwait.CodeFixes.Rewrites;

namespace YieldAwait.CodeFixes.Conversion.Policies
{
    /// <summary>
    /// YA4003's callers of a method that stops buffering and streams: each must be <c>foreach (var x in await M())</c> (or
    /// <c>var r = await M(); foreach (var x in r)</c>), which becomes <c>await foreach</c> over the call with the caller's
    /// token; a <c>cref</c> or <c>nameof</c> is only renamed; anything else blocks the change. The caller edits go
    /// straight to the <see cref="StreamingPlan"/>; the recorded rewrite is the caller's loop.
    /// </summary>
    internal sealed class BufferedListPolicy : ChangePolicy<CommonForEachStatementSyntax>
    {
        private readonly StreamingPlan _plan;
        private readonly BufferedListTypes _types;
        private readonly IMethodSymbol _method;
        private readonly IParameterSymbol? _token;
        private readonly string _tokenName;
        private readonly string? _newName;

        public BufferedListPolicy(StreamingPlan plan, BufferedListTypes types, IMethodSymbol method, IParameterSymbol? token, string tokenName, string? newName)
        {
            _plan = plan;
            _types = types;
            _method = method;
            _token = token;
            _tokenName = tokenName;
            _newName = newName;
        }

        public override Task<bool> AcceptAsync(IReadOnlyList<FamilyMember> family, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public override string? NewNameOf(FamilyMember member) => _newName;

        /// <summary>Only the method's own references: not those of the symbols Roslyn cascades to.</summary>
        public override bool Includes(ReferencedSymbol referenced, FamilyMember member) =>
            SymbolEqualityComparer.Default.Equals(referenced.Definition.OriginalDefinition, _method);

        public override async Task<ReferenceVerdict<CommonForEachStatementSyntax>> SortAsync(MemberReference reference, FamilyMember target, CancellationToken cancellationToken)
        {
            if (reference.IsImplicit
                || reference.Document.Project.Language != LanguageNames.CSharp
                || !reference.AllowsAsyncStreams)
            {
                return ReferenceVerdict<CommonForEachStatementSyntax>.Blocks; // 'await foreach' needs C# 8.
            }

            if (await reference.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
                || !StreamableCall.TryClassify(model, reference.Node, _method, cancellationToken, out var call))
            {
                return ReferenceVerdict<CommonForEachStatementSyntax>.Blocks;
            }

            if (call is null)
            {
                return ReferenceVerdict<CommonForEachStatementSyntax>.Follows(); // a cref or nameof: only the name may change
            }

            var operation = call.Invocation;
            var invocation = (InvocationExpressionSyntax)operation.Syntax;
            if (call.Awaited.Operation != operation && !model.LookupNamespacesAndTypes(invocation.SpanStart, name: "TaskAsyncEnumerableExtensions").Any())
            {
                return ReferenceVerdict<CommonForEachStatementSyntax>.Blocks; // The stream's ConfigureAwait is an extension method that needs 'using System.Threading.Tasks;'.
            }
            var argument = TokenArgument(operation, _token, _tokenName, FindCallerToken(invocation, model, _types, cancellationToken));
            var edits = _plan.EditsFor(reference.Document.Id);
            var loop = (CommonForEachStatementSyntax)call.Loop.Syntax;
            if (reference.Node is not SimpleNameSyntax calledName)
            {
                return ReferenceVerdict<CommonForEachStatementSyntax>.Blocks;
            }

            if (call.Declaration is { } declaration)
            {
                // The call moves out of the removed declaration, so it is rebuilt from the original here.
                var awaited = ((AwaitExpressionSyntax)call.Awaited.Syntax).Expression;
                var stream = awaited.ReplaceNode(invocation, WithArgument(invocation.ReplaceNode(calledName, Renamed(calledName, _newName)), argument));
                edits.Remove((StatementSyntax)declaration.Syntax);
                edits.Replace(loop, rewritten => AwaitForEach((CommonForEachStatementSyntax)rewritten, stream));
                return ReferenceVerdict<CommonForEachStatementSyntax>.NeedsRewrite(loop, renamed: false);
            }
            else
            {
                edits.Replace(invocation, rewritten => WithArgument((InvocationExpressionSyntax)rewritten, argument));
                edits.Replace(loop, rewritten => AwaitForEach((CommonForEachStatementSyntax)rewritten, null));
            }

            return ReferenceVerdict<CommonForEachStatementSyntax>.NeedsRewrite(loop);
        }

        private static SimpleNameSyntax Renamed(SimpleNameSyntax name, string? newName) =>
            newName is null ? name : ReferenceRenaming.Renamed(name, newName);

        /// <summary>The token parameter of the nearest enclosing function that has exactly one, unless a static function stands between.</summary>
        private static string? FindCallerToken(SyntaxNode node, SemanticModel model, BufferedListTypes types, CancellationToken cancellationToken)
        {
            for (var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken); symbol is IMethodSymbol function; symbol = function.ContainingSymbol)
            {
                var tokens = function.Parameters.Where(p => types.IsToken(p.Type)).ToList();
                if (tokens.Count > 0)
                {
                    return tokens.Count == 1 ? tokens[0].Name : null;
                }

                if (function.IsStatic && function.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>The argument to append so the stream gets the caller's token; null when one is passed or none is in scope.</summary>
        private static ArgumentSyntax? TokenArgument(IInvocationOperation call, IParameterSymbol? token, string tokenName, string? callerToken)
        {
            if (callerToken is null)
            {
                return null;
            }

            if (token is not null && call.Arguments.Any(a => SymbolEqualityComparer.Default.Equals(a.Parameter, token) && a.ArgumentKind != ArgumentKind.DefaultValue))
            {
                return null;
            }

            var syntax = (InvocationExpressionSyntax)call.Syntax;
            // Positional only when every parameter before the token is passed, in order.
            var positional = syntax.ArgumentList.Arguments.All(a => a.NameColon is null)
                && call.Arguments.All(a => a.ArgumentKind == ArgumentKind.Explicit || SymbolEqualityComparer.Default.Equals(a.Parameter, token))
                && (token is null || syntax.ArgumentList.Arguments.Count == token.Ordinal);
            var argument = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(callerToken));
            return positional ? argument : argument.WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(tokenName)));
        }

        private static InvocationExpressionSyntax WithArgument(InvocationExpressionSyntax invocation, ArgumentSyntax? argument) =>
            argument is null ? invocation : invocation.WithArgumentList(invocation.ArgumentList.AddArguments(argument));

        private static CommonForEachStatementSyntax AwaitForEach(CommonForEachStatementSyntax loop, ExpressionSyntax? stream)
        {
            var expression = stream ?? Unawaited(loop.Expression);
            var foreachKeyword = loop.ForEachKeyword;
            return loop
                .WithForEachKeyword(foreachKeyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                .WithAwaitKeyword(SyntaxFactory.Token(foreachKeyword.LeadingTrivia, SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)))
                .WithExpression(expression.WithTriviaFrom(loop.Expression));
        }

        private static ExpressionSyntax Unawaited(ExpressionSyntax expression) => expression switch
        {
            ParenthesizedExpressionSyntax parenthesized => Unawaited(parenthesized.Expression),
            AwaitExpressionSyntax awaited => awaited.Expression,
            _ => expression,
        };
    }
}
