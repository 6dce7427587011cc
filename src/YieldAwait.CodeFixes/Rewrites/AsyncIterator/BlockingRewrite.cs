using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.CodeFixes.Cancellation;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>
    /// Turns one blocking form (YA1001/YA1005) into an await, keeping the value it produced.
    /// </summary>
    internal sealed class BlockingRewrite : AwaitRewrite
    {
        private readonly bool _resultUsed;
        private readonly CancellationTokenArgument? _tokenForAwaited;
        private readonly bool _awaitedUnderConfigureAwait;

        /// <summary>For <see cref="AwaitShape.AwaitHelperArgument"/>: the child indices that lead from the call to what it blocks on.</summary>
        private ImmutableArray<int> _pathToAwaited = ImmutableArray<int>.Empty;

        /// <summary>For <see cref="AwaitShape.AwaitHelperArgument"/>: what it blocks on is <c>vt.AsTask()</c>, and <c>await vt</c> says the same.</summary>
        private bool _awaitedIsAsTask;

        private BlockingRewrite(SyntaxNode node, AwaitShape shape, bool resultUsed, CancellationTokenArgument? tokenForAwaited, bool awaitedUnderConfigureAwait)
            : base(node)
        {
            Shape = shape;
            _resultUsed = resultUsed;
            _tokenForAwaited = tokenForAwaited;
            _awaitedUnderConfigureAwait = awaitedUnderConfigureAwait;
        }

        public AwaitShape Shape { get; }

        /// <summary>
        /// Null when the form has no faithful awaiting equivalent here (a timeout on WaitAll/WaitAny, a
        /// position where <c>await</c> is illegal, an operand that would be evaluated twice).
        /// </summary>
        public static BlockingRewrite? TryCreate(BlockingForm form, AsyncTypes types, INamedTypeSymbol cancellationTokenType)
        {
            var node = form.Operation.Syntax;
            if (!AwaitPlacement.IsAllowedAt(node) || form.Operation is not (IInvocationOperation or IPropertyReferenceOperation))
            {
                return null;
            }

            var resultUsed = node.Parent is not ExpressionStatementSyntax;
            var shape = ShapeOf(form, types, cancellationTokenType, resultUsed);
            if (shape is null)
            {
                return null;
            }

            // The rewrites below place arguments by position; named ones may stand in any order.
            if (shape is not (AwaitShape.AwaitReceiver or AwaitShape.Delay or AwaitShape.AwaitHelperArgument)
                && node is InvocationExpressionSyntax { ArgumentList: var arguments } && arguments.Arguments.Any(a => a.NameColon is not null))
            {
                return null;
            }

            var awaited = AwaitedInvocation(form, shape.Value, out var underConfigureAwait);
            var token = awaited is null ? null : CancellationTokenArgument.For(awaited, cancellationTokenType);
            var rewrite = new BlockingRewrite(node, shape.Value, resultUsed, token, underConfigureAwait);
            if (shape == AwaitShape.AwaitHelperArgument)
            {
                rewrite._pathToAwaited = PathTo(node, form.Awaitable!.Syntax);
                rewrite._awaitedIsAsTask = BlockingFormRecognizer.Unwrap(form.Awaitable) is IInvocationOperation { TargetMethod.Name: "AsTask", Arguments.IsEmpty: true, Instance: { } valueTask }
                    && types.IsTaskLike(valueTask.Type)
                    && form.Awaitable.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax };
            }

            return rewrite;
        }

        /// <summary>
        /// A helper call becomes an await of what it blocks on when that says the same: the helper takes nothing else (a
        /// timeout or an option would be dropped), and its value, where used, is the awaited result.
        /// </summary>
        private static AwaitShape? HelperShape(BlockingForm form, AsyncTypes types, bool resultUsed)
        {
            if (form.Operation is not IInvocationOperation { TargetMethod.Parameters.Length: 1 } call
                || form.Awaitable is not { Type: { } awaitedType } awaitable
                || !types.IsTaskLike(awaitedType)
                || !call.Syntax.Span.Contains(awaitable.Syntax.Span)
                || awaitable.Syntax is not ExpressionSyntax)
            {
                return null;
            }

            if (!resultUsed)
            {
                return AwaitShape.AwaitHelperArgument;
            }

            var result = awaitedType is INamedTypeSymbol { TypeArguments.Length: 1 } generic ? generic.TypeArguments[0] : null;
            return result is not null && SymbolEqualityComparer.Default.Equals(result, call.Type) ? AwaitShape.AwaitHelperArgument : null;
        }

        private static ImmutableArray<int> PathTo(SyntaxNode ancestor, SyntaxNode descendant)
        {
            var path = ImmutableArray.CreateBuilder<int>();
            for (var current = descendant; current != ancestor && current.Parent is { } parent; current = parent)
            {
                var index = 0;
                foreach (var child in parent.ChildNodes())
                {
                    if (child == current)
                    {
                        break;
                    }

                    index++;
                }

                path.Insert(0, index);
            }

            return path.ToImmutable();
        }

        private ExpressionSyntax? Follow(SyntaxNode current)
        {
            var node = current;
            foreach (var index in _pathToAwaited)
            {
                node = node.ChildNodes().ElementAtOrDefault(index);
                if (node is null)
                {
                    return null;
                }
            }

            if (_awaitedIsAsTask && node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsTask" } asTask })
            {
                node = asTask.Expression;
            }

            return node as ExpressionSyntax;
        }

        private static AwaitShape? ShapeOf(BlockingForm form, AsyncTypes types, INamedTypeSymbol cancellationTokenType, bool resultUsed)
        {
            var syntax = form.Operation.Syntax;
            switch (form.Kind)
            {
                case BlockingFormKind.Result:
                    return syntax is MemberAccessExpressionSyntax ? AwaitShape.AwaitReceiver : null;

                case BlockingFormKind.GetResult:
                    return syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } } }
                        && form.Awaitable is not null
                        ? AwaitShape.AwaitReceiver
                        : null;

                case BlockingFormKind.Wait:
                    if (syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } || form.Awaitable is null)
                    {
                        return null;
                    }

                    var wait = ((IInvocationOperation)form.Operation).TargetMethod;
                    if (wait.Parameters.IsEmpty)
                    {
                        return AwaitShape.AwaitReceiver;
                    }

                    if (wait.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(wait.Parameters[0].Type, cancellationTokenType))
                    {
                        return HasWaitAsync(types) ? AwaitShape.WaitAsyncWithToken : null;
                    }

                    return wait.Parameters.Length == 1 && (!resultUsed || IsStable(form.Awaitable)) ? AwaitShape.WhenAnyWithDelay : null;

                case BlockingFormKind.WaitAll:
                    var waitAll = (IInvocationOperation)form.Operation;
                    if (syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } || !waitAll.TargetMethod.ReturnsVoid)
                    {
                        return null;
                    }

                    if (waitAll.TargetMethod.Parameters.Length == 1)
                    {
                        return AwaitShape.WhenAll;
                    }

                    return waitAll.TargetMethod.Parameters.Length == 2
                        && SymbolEqualityComparer.Default.Equals(waitAll.TargetMethod.Parameters[1].Type, cancellationTokenType)
                        && HasWaitAsync(types)
                        ? AwaitShape.WhenAllWaitAsync
                        : null;

                case BlockingFormKind.WaitAny:
                    var waitAny = (IInvocationOperation)form.Operation;
                    if (syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } || waitAny.TargetMethod.Parameters.Length != 1)
                    {
                        return null;
                    }

                    if (!resultUsed)
                    {
                        return AwaitShape.WhenAny;
                    }

                    var tasks = waitAny.Arguments[0];
                    if (tasks.ArgumentKind == ArgumentKind.ParamArray)
                    {
                        return tasks.Value is IArrayCreationOperation { Initializer: { } initializer } && initializer.ElementValues.All(IsStable)
                            ? AwaitShape.WhenAnyIndexOfArguments
                            : null;
                    }

                    return tasks.Value.Type is IArrayTypeSymbol && IsStable(tasks.Value) ? AwaitShape.WhenAnyIndex : null;

                case BlockingFormKind.Sleep:
                    return syntax is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } ? AwaitShape.Delay : null;

                case BlockingFormKind.Helper:
                    return HelperShape(form, types, resultUsed);

                default:
                    return null;
            }
        }

        /// <summary>The call that produces the awaited task, to which a token can be passed: <c>Foo()</c> in <c>Foo().ConfigureAwait(false).GetAwaiter().GetResult()</c>.</summary>
        private static IInvocationOperation? AwaitedInvocation(BlockingForm form, AwaitShape shape, out bool underConfigureAwait)
        {
            underConfigureAwait = false;
            if (shape is not (AwaitShape.AwaitReceiver or AwaitShape.WaitAsyncWithToken or AwaitShape.AwaitHelperArgument) || form.Awaitable is null)
            {
                return null;
            }

            var awaited = BlockingFormRecognizer.Unwrap(form.Awaitable);
            if (awaited is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured })
            {
                underConfigureAwait = true;
                awaited = BlockingFormRecognizer.Unwrap(configured);
            }

            return awaited as IInvocationOperation;
        }

        /// <summary>An operand that may be read twice without running anything.</summary>
        private static bool IsStable(IOperation operation) => BlockingFormRecognizer.Unwrap(operation) switch
        {
            ILocalReferenceOperation or IParameterReferenceOperation => true,
            IFieldReferenceOperation field => field.Instance is null or IInstanceReferenceOperation,
            _ => false,
        };

        private static bool HasWaitAsync(AsyncTypes types) => !types.Task.GetMembers("WaitAsync").IsEmpty;

        /// <summary>The replacement for <paramref name="current"/>, the blocking form as it stands after earlier edits.</summary>
        public override SyntaxNode Apply(SyntaxNode current, ExpressionSyntax? token)
        {
            var replacement = Build(current, token);
            return replacement.WithTriviaFrom(current);
        }

        private ExpressionSyntax Build(SyntaxNode current, ExpressionSyntax? token)
        {
            switch (Shape)
            {
                case AwaitShape.AwaitReceiver:
                    return Await(WithToken(ReceiverOf(current), token));

                case AwaitShape.AwaitHelperArgument:
                    return Await(WithToken(Follow(current) ?? (ExpressionSyntax)current, token));

                case AwaitShape.WaitAsyncWithToken:
                    var waitWithToken = (InvocationExpressionSyntax)current;
                    var waitAccess = (MemberAccessExpressionSyntax)waitWithToken.Expression;
                    var waitAsync = waitWithToken.WithExpression(waitAccess.WithName(SyntaxFactory.IdentifierName("WaitAsync")).WithExpression(WithToken(waitAccess.Expression, token)));
                    return Await(waitAsync);

                case AwaitShape.WhenAnyWithDelay:
                    var timed = (InvocationExpressionSyntax)current;
                    var task = ((MemberAccessExpressionSyntax)timed.Expression).Expression.WithoutTrivia();
                    var delay = TaskCall("Delay", timed.ArgumentList.Arguments[0].Expression);
                    var whenAny = SyntaxFactory.AwaitExpression(TaskCall("WhenAny", task, delay));
                    return _resultUsed
                        ? ParenthesizedIfNeeded(SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, whenAny, task), binary: true)
                        : whenAny;

                case AwaitShape.WhenAll:
                case AwaitShape.WhenAny:
                    return Await(Renamed((InvocationExpressionSyntax)current, Shape == AwaitShape.WhenAll ? "WhenAll" : "WhenAny"));

                case AwaitShape.WhenAllWaitAsync:
                    var waitAll = (InvocationExpressionSyntax)current;
                    var whenAll = Renamed(waitAll, "WhenAll").WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(waitAll.ArgumentList.Arguments[0])));
                    return Await(SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, whenAll, SyntaxFactory.IdentifierName("WaitAsync")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(waitAll.ArgumentList.Arguments[1]))));

                case AwaitShape.WhenAnyIndex:
                case AwaitShape.WhenAnyIndexOfArguments:
                    var waitAny = (InvocationExpressionSyntax)current;
                    var arguments = waitAny.ArgumentList.Arguments.Select(a => a.Expression.WithoutTrivia()).ToArray();
                    ExpressionSyntax array = Shape == AwaitShape.WhenAnyIndex
                        ? arguments[0]
                        : SyntaxFactory.ArrayCreationExpression(
                            SyntaxFactory.ArrayType(KnownNames.TaskType, SyntaxFactory.SingletonList(SyntaxFactory.ArrayRankSpecifier(SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(SyntaxFactory.OmittedArraySizeExpression())))),
                            SyntaxFactory.InitializerExpression(SyntaxKind.ArrayInitializerExpression, SyntaxFactory.SeparatedList(arguments)));
                    var indexOf = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, KnownNames.Array, SyntaxFactory.IdentifierName("IndexOf"));
                    return SyntaxFactory.InvocationExpression(indexOf, ArgumentList(array, SyntaxFactory.AwaitExpression(Renamed(waitAny, "WhenAny"))));

                default:
                    var sleep = (InvocationExpressionSyntax)current;
                    var duration = sleep.ArgumentList.Arguments[0].Expression;
                    return Await(token is null ? TaskCall("Delay", duration) : TaskCall("Delay", duration, token));
            }
        }

        private ExpressionSyntax Await(ExpressionSyntax awaited)
        {
            var await = SyntaxFactory.AwaitExpression(awaited.WithoutTrivia());
            return _resultUsed ? ParenthesizedIfNeeded(await, binary: false) : await;
        }


        private ExpressionSyntax ParenthesizedIfNeeded(ExpressionSyntax expression, bool binary) =>
            KnownNames.NeedsParentheses(Node, binary) ? KnownNames.Parenthesized(expression) : expression;

        private static ExpressionSyntax ReceiverOf(SyntaxNode current) => current switch
        {
            MemberAccessExpressionSyntax result => result.Expression,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetResult", Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax getAwaiter } } } => getAwaiter.Expression,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax wait } => wait.Expression,
            _ => (ExpressionSyntax)current,
        };

        private ExpressionSyntax WithToken(ExpressionSyntax awaited, ExpressionSyntax? token)
        {
            if (token is null || _tokenForAwaited is null)
            {
                return awaited;
            }

            if (_awaitedUnderConfigureAwait)
            {
                return awaited is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax inner } configureAwait } configured
                    ? configured.WithExpression(configureAwait.WithExpression(_tokenForAwaited.AddTo(inner, token)))
                    : awaited;
            }

            return awaited is InvocationExpressionSyntax invocation ? _tokenForAwaited.AddTo(invocation, token) : awaited;
        }

        private static InvocationExpressionSyntax Renamed(InvocationExpressionSyntax invocation, string name)
        {
            var access = (MemberAccessExpressionSyntax)invocation.Expression;
            return invocation.WithExpression(access.WithName(SyntaxFactory.IdentifierName(name)));
        }

        private static InvocationExpressionSyntax TaskCall(string name, params ExpressionSyntax[] arguments) =>
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, KnownNames.Task, SyntaxFactory.IdentifierName(name)),
                ArgumentList(arguments));

        private static ArgumentListSyntax ArgumentList(params ExpressionSyntax[] arguments) =>
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(a => SyntaxFactory.Argument(a.WithoutTrivia()))));

    }
}
