using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.Analyzers.Cancellation
{
    /// <summary>Where a function's cancellation comes from, other than its own token parameter.</summary>
    internal static class TokenSources
    {
        /// <summary>
        /// True when the body reads a token that outlives the call: a field (a stopping token injected in the constructor),
        /// a property of an object it was given (<c>context.RequestAborted</c>), or a token captured from an enclosing function.
        /// Such an iterator was designed around that token; a token it makes for itself (<c>new CancellationTokenSource(timeout).Token</c>)
        /// or <c>CancellationToken.None</c> does not count.
        /// </summary>
        public static bool ObservesOutsideToken(IOperation body, SyntaxNode declaration, CancellationTypes types)
        {
            foreach (var operation in body.Descendants())
            {
                if (!types.IsToken(operation.Type))
                {
                    continue;
                }

                switch (operation)
                {
                    case IParameterReferenceOperation parameter when !DeclaredInside(parameter.Parameter, declaration):
                    case ILocalReferenceOperation local when !DeclaredInside(local.Local, declaration):
                    case IFieldReferenceOperation:
                        return true;
                    case IPropertyReferenceOperation property when !IsNone(property, types) && !MadeInside(property.Instance, declaration):
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the body awaits anything that could wait: an <c>await</c> (other than a placeholder written only to make the
        /// method async: <c>Task.CompletedTask</c>, <c>Task.Yield()</c>, <c>default(ValueTask)</c>, <c>new ValueTask()</c>,
        /// <c>Task.FromResult(x)</c>) or an <c>await foreach</c>. An iterator that never waits completes each
        /// <c>MoveNextAsync</c> at once, and its consumer can stop between items without a token.
        /// </summary>
        public static bool AwaitsSomething(BlockSyntax body)
        {
            foreach (var node in body.DescendantNodes(node => !IteratorFacts.IsNestedFunction(node)))
            {
                switch (node)
                {
                    case AwaitExpressionSyntax await when !IsPlaceholderAwait(await.Expression):
                    case CommonForEachStatementSyntax forEach when forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword):
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// With <see cref="AwaitsSomething"/> true: whether one of those awaits can really wait. An await of an in-memory
        /// reader or stream (<c>await reader.ReadLineAsync()</c> over a <c>StringReader</c>) completes at once, like a placeholder.
        /// </summary>
        public static bool AwaitsOffThread(IBlockOperation body, AsyncCounterpartExclusions inMemory)
        {
            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                switch (operation)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        continue;
                    case IForEachLoopOperation { IsAsynchronous: true }:
                        return true;
                    case IAwaitOperation await when operation.Syntax is AwaitExpressionSyntax syntax && !IsPlaceholderAwait(syntax.Expression):
                        var awaited = BlockingFormRecognizer.Unwrap(await.Operation);
                        if (awaited is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured })
                        {
                            awaited = BlockingFormRecognizer.Unwrap(configured);
                        }

                        if (awaited is not IInvocationOperation call || !inMemory.CompletesSynchronously(call))
                        {
                            return true;
                        }

                        break;
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }

            return false;
        }

        public static bool DeclaredInside(ISymbol symbol, SyntaxNode declaration)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == declaration.SyntaxTree && declaration.Span.Contains(reference.Span))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPlaceholderAwait(ExpressionSyntax awaited) => awaited switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CompletedTask" } => true,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Yield" }, ArgumentList.Arguments.Count: 0 } => true,
            DefaultExpressionSyntax { Type: var type } => IsValueTask(type),
            ObjectCreationExpressionSyntax { Type: var type, ArgumentList.Arguments.Count: 0, Initializer: null } => IsValueTask(type),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromResult", Expression: var owner } }
                => owner is IdentifierNameSyntax { Identifier.ValueText: "Task" or "ValueTask" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Task" or "ValueTask" },
            ParenthesizedExpressionSyntax parenthesized => IsPlaceholderAwait(parenthesized.Expression),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure }
                => IsPlaceholderAwait(configure.Expression),
            _ => false,
        };

        /// <summary><c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>, however qualified: its default is a completed task.</summary>
        private static bool IsValueTask(TypeSyntax type) => type switch
        {
            QualifiedNameSyntax qualified => IsValueTask(qualified.Right),
            AliasQualifiedNameSyntax aliased => IsValueTask(aliased.Name),
            SimpleNameSyntax name => name.Identifier.ValueText == "ValueTask",
            _ => false,
        };

        private static bool IsNone(IPropertyReferenceOperation property, CancellationTypes types) =>
            property.Property.IsStatic && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, types.CancellationToken);

        /// <summary>A token read off an object the function created itself (a local source, a new object): not the caller's.</summary>
        private static bool MadeInside(IOperation? instance, SyntaxNode declaration)
        {
            while (true)
            {
                switch (instance)
                {
                    case IMemberReferenceOperation member:
                        instance = member.Instance;
                        continue;
                    case IInvocationOperation invocation:
                        instance = invocation.Instance;
                        continue;
                    case IConversionOperation conversion:
                        instance = conversion.Operand;
                        continue;
                    case ILocalReferenceOperation local:
                        return DeclaredInside(local.Local, declaration);
                    case IObjectCreationOperation:
                        return true;
                    default:
                        return false;
                }
            }
        }
    }
}
