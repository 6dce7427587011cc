using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>
    /// YA1003's enumerations: <c>foreach (var x in s.ToBlockingEnumerable())</c> → <c>await foreach (var x in s)</c>, and
    /// <c>s.ToBlockingEnumerable().ToList()</c> → <c>await s.ToListAsync()</c> where an async operator of that name binds
    /// (.NET 10's <c>System.Linq.AsyncEnumerable</c> or System.Linq.Async). The blocking waits YA1003 reports are
    /// <see cref="BlockingFormRewriteSource"/>'s.
    /// </summary>
    internal sealed class AsyncStreamRewriteSource : IAwaitRewriteSource
    {
        public AwaitRewrite? TryCreate(SyntaxNode node, SemanticModel model, RewriteContext context, CancellationToken cancellationToken)
        {
            var name = MemberName(node);
            if (name is "Result" or "Wait" or "GetResult"
                && context.Streams is { } blocked
                && model.GetOperation(node, cancellationToken) is { } wait
                && blocked.TryRecognizeBlockedWait(wait, out var form, out _, out _)
                && BlockingFormRecognizer.Unwrap(form.Awaitable!) is IInvocationOperation { TargetMethod.Name: "AsTask", Instance: { } valueTask, Arguments.IsEmpty: true }
                && blocked.Types.IsTaskLike(valueTask.Type)
                && BlockingRewrite.TryCreate(form, context.Types, context.CancellationTokenType) is { } blocking)
            {
                // e.MoveNextAsync().AsTask().Result: await the ValueTask itself.
                return new WithoutAsTask(blocking);
            }

            if (name is not ("ToBlockingEnumerable" or "ToEnumerable")
                || node is not InvocationExpressionSyntax invocation
                || context.Streams is not { } streams
                || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
                || !streams.IsBlockingEnumerable(operation, out var stream, out var token)
                || ((CSharpParseOptions)invocation.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp8)
            {
                return null;
            }

            var memberForm = stream.Syntax is not ArgumentSyntax;
            if (invocation.Parent is CommonForEachStatementSyntax forEach && forEach.Expression == invocation)
            {
                return AwaitForEach(forEach, invocation, stream, token, model, context, cancellationToken);
            }

            return memberForm && invocation.Parent is MemberAccessExpressionSyntax access && access.Expression == invocation
                && access.Parent is InvocationExpressionSyntax outer && outer.Expression == access
                ? AsyncOperator(outer, access, stream, token, model, streams, context.CancellationTokenType, cancellationToken)
                : null;
        }

        /// <summary>The name a node reads or calls (<c>Result</c> in <c>t.Result</c>, <c>Wait</c> in <c>t.Wait()</c>), to skip other nodes before binding.</summary>
        private static string? MemberName(SyntaxNode node) => node switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
            InvocationExpressionSyntax { Expression: SimpleNameSyntax simple } => simple.Identifier.ValueText,
            _ => null,
        };

        private static AwaitRewrite? AwaitForEach(
            CommonForEachStatementSyntax forEach,
            InvocationExpressionSyntax invocation,
            IArgumentOperation stream,
            IArgumentOperation? token,
            SemanticModel model,
            RewriteContext context,
            CancellationToken cancellationToken)
        {
            if (forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword) || !AwaitPlacement.IsAllowedAt(forEach))
            {
                return null;
            }

            var streamSyntax = stream.Value.Syntax as ExpressionSyntax;
            var withCancellationBinds = streamSyntax is not null && WithCancellationBinds(streamSyntax, invocation.SpanStart, model, cancellationToken);
            if (token is not null && !withCancellationBinds)
            {
                // The token the loop was given could not be passed on: dropping it would make the loop uncancellable.
                return null;
            }

            var arguments = invocation.ArgumentList.Arguments;
            return new AwaitForEachRewrite(
                forEach,
                streamIndex: stream.Syntax is ArgumentSyntax streamArgument ? arguments.IndexOf(streamArgument) : -1,
                tokenIndex: token?.Syntax is ArgumentSyntax tokenArgument ? arguments.IndexOf(tokenArgument) : -1,
                mayAddToken: withCancellationBinds && !TakesToken(stream.Value, context.CancellationTokenType));
        }

        private static AwaitRewrite? AsyncOperator(
            InvocationExpressionSyntax outer,
            MemberAccessExpressionSyntax access,
            IArgumentOperation stream,
            IArgumentOperation? token,
            SemanticModel model,
            AsyncStreamBlocking streams,
            INamedTypeSymbol cancellationTokenType,
            CancellationToken cancellationToken)
        {
            if (model.GetOperation(outer, cancellationToken) is not IInvocationOperation { Type: { } resultType } terminal
                || terminal.TargetMethod.Name.EndsWith("Async", System.StringComparison.Ordinal)
                || !AwaitPlacement.IsAllowedAt(outer)
                || stream.Value.Syntax is not ExpressionSyntax streamSyntax
                || AsyncCounterparts.Rename(access.WithExpression(streamSyntax), terminal.TargetMethod.Name + "Async") is not { } renamed)
            {
                return null;
            }

            var candidate = outer.WithExpression(renamed);
            if (model.GetSpeculativeSymbolInfo(outer.SpanStart, candidate, SpeculativeBindingOption.BindAsExpression).Symbol is not IMethodSymbol bound
                || bound.ReducedFrom is not { } extension
                || !streams.IsAsyncEnumerable(extension.Parameters[0].Type)
                || bound.ReturnType is not INamedTypeSymbol { Arity: 1 } returned
                || !streams.Types.IsTaskLike(returned)
                || !SymbolEqualityComparer.Default.Equals(returned.TypeArguments[0], resultType))
            {
                return null;
            }

            // The operator's optional token, when the call leaves it out: named, since earlier optional parameters may be left out too.
            var tokenParameter = bound.Parameters.LastOrDefault(p => p.IsOptional && SymbolEqualityComparer.Default.Equals(p.Type, cancellationTokenType));
            var omitted = tokenParameter is not null
                && !terminal.Arguments.Any(a => a.ArgumentKind == ArgumentKind.Explicit && SymbolEqualityComparer.Default.Equals(a.Parameter?.Type, cancellationTokenType));
            if (token is not null && !omitted)
            {
                return null;
            }

            return new AsyncOperatorRewrite(outer, omitted ? tokenParameter!.Name : null, keepsToken: token is not null);
        }

        /// <summary>The blocking form's await, with <c>await vt.AsTask()</c> reduced to <c>await vt</c>.</summary>
        private sealed class WithoutAsTask : AwaitRewrite
        {
            private readonly AwaitRewrite _blocking;

            public WithoutAsTask(AwaitRewrite blocking)
                : base(blocking.Node) => _blocking = blocking;

            public override SyntaxNode Apply(SyntaxNode current, ExpressionSyntax? token)
            {
                var awaited = _blocking.Apply(current, token);
                var await = awaited.DescendantNodesAndSelf().OfType<AwaitExpressionSyntax>().FirstOrDefault();
                return await?.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsTask" } asTask, ArgumentList.Arguments.Count: 0 }
                    ? awaited.ReplaceNode(await, await.WithExpression(asTask.Expression.WithTriviaFrom(await.Expression)))
                    : awaited;
            }
        }

        private static bool WithCancellationBinds(ExpressionSyntax stream, int position, SemanticModel model, CancellationToken cancellationToken)
        {
            var call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ParenthesizedExpression(stream.WithoutTrivia()), SyntaxFactory.IdentifierName("WithCancellation")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.DefaultExpression(SyntaxFactory.ParseTypeName("global::System.Threading.CancellationToken"))))));
            return model.GetSpeculativeSymbolInfo(position, call, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol;
        }

        /// <summary><c>Source(token)</c>: the stream already has a token, and a second one would only repeat it.</summary>
        private static bool TakesToken(IOperation stream, INamedTypeSymbol cancellationTokenType) =>
            BlockingFormRecognizer.Unwrap(stream) is IInvocationOperation producer
            && producer.Arguments.Any(a => a.ArgumentKind == ArgumentKind.Explicit && SymbolEqualityComparer.Default.Equals(a.Parameter?.Type, cancellationTokenType));
    }
}
