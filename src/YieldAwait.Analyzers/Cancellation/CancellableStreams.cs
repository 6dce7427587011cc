using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Cancellation
{
    /// <summary>
    /// Which <c>await foreach</c> loops enumerate an <c>IAsyncEnumerable&lt;T&gt;</c> that no token reaches, and where
    /// <c>.WithCancellation(token)</c> would go: on the stream, before any <c>.ConfigureAwait(…)</c>.
    /// </summary>
    internal static class CancellableStreams
    {
        /// <summary>
        /// The stream expression that should get <c>.WithCancellation(token)</c>, or null when the loop already has a token
        /// (<c>WithCancellation</c> in the chain, a token argument anywhere in the chain that made the stream, a local made
        /// with one) or enumerates something <c>WithCancellation</c> does not apply to (a pattern-based stream).
        /// </summary>
        public static IOperation? UncancelledStream(IForEachLoopOperation loop, CancellationTypes types)
        {
            if (!loop.IsAsynchronous || loop.Syntax is not CommonForEachStatementSyntax syntax)
            {
                return null;
            }

            var collection = Unwrap(loop.Collection);
            if (collection is IInvocationOperation { TargetMethod: { Name: "ConfigureAwait", IsExtensionMethod: true } } configure
                && configure.Arguments.Length == 2
                && types.IsAsyncEnumerable(configure.TargetMethod.Parameters[0].Type))
            {
                var receiver = configure.Arguments[0].Value;
                return ChainTakesToken(receiver, types, LocalDepth) ? null : Unwrap(receiver);
            }

            // Only loops that already enumerate through IAsyncEnumerable<T>.GetAsyncEnumerator: WithCancellation goes through
            // that interface too, so a type's own pattern-based GetAsyncEnumerator() would otherwise be swapped for another.
            var enumerator = loop.SemanticModel?.GetForEachStatementInfo(syntax).GetEnumeratorMethod;
            if (enumerator is null || !types.IsAsyncEnumerable(enumerator.ContainingType) || collection is null)
            {
                return null;
            }

            return ChainTakesToken(collection, types, LocalDepth) ? null : collection;
        }

        /// <summary>How many locals deep a chain is followed (var a = Read(token); var b = a.Where(...); await foreach (… in b)).</summary>
        private const int LocalDepth = 3;

        private static bool ChainTakesToken(IOperation? operation, CancellationTypes types, int localsLeft)
        {
            for (var depth = 0; operation is not null && depth < 32; depth++)
            {
                operation = Unwrap(operation);
                switch (operation)
                {
                    case IInvalidOperation:
                        // Code that does not bind (a half-typed line, a missing reference) says nothing about tokens.
                        return true;
                    case IAwaitOperation awaited:
                        // await WithTimeout(token, ct => Open(ct)): the awaited call makes the stream.
                        operation = awaited.Operation;
                        break;
                    case IInvocationOperation invocation:
                        if (invocation.TargetMethod.Name == "WithCancellation"
                            || PassesToken(invocation.Arguments, types)
                            || CapturesToken(invocation.TargetMethod, operation, types))
                        {
                            return true;
                        }

                        operation = invocation.Instance
                            ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                        break;
                    case IObjectCreationOperation creation:
                        return PassesToken(creation.Arguments, types);
                    case IMemberReferenceOperation member:
                        operation = member.Instance;
                        break;
                    case ILocalReferenceOperation local when localsLeft > 0:
                        // var stream = Read(token); await foreach (var x in stream): the token is already in. A local declared
                        // without a value is assigned elsewhere, with a token or not, so it is given the benefit of the doubt.
                        return LocalValue(local.Local, operation) is var (declared, initializer)
                            && (declared && initializer is null || (initializer is not null && ChainTakesToken(initializer, types, localsLeft - 1)));
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the local comes from a plain declaration (not a foreach variable, pattern or out variable), and its initializer
        /// if it has one.
        /// </summary>
        private static (bool Declared, IOperation? Initializer) LocalValue(ILocalSymbol local, IOperation use)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == use.Syntax.SyntaxTree
                    && use.SemanticModel?.GetOperation(reference.GetSyntax()) is IVariableDeclaratorOperation declarator)
                {
                    return (true, declarator.GetVariableInitializer()?.Value);
                }
            }

            return (false, null);
        }

        /// <summary>
        /// A token argument, or a lambda argument that uses a token of the enclosing code
        /// (<c>Select(x => LoadAsync(x, token))</c>, <c>WithTimeout(t, ct => List(ct))</c>): the token reaches the producers.
        /// </summary>
        private static bool PassesToken(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, CancellationTypes types)
        {
            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    continue;
                }

                if (types.IsToken(argument.Parameter?.Type ?? argument.Value.Type))
                {
                    return true;
                }

                if (Unwrap(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                    && UsesToken(lambda.Syntax, lambda.SemanticModel, types))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A local function iterator that reads a token of its enclosing method passes that token to its own awaits: the
        /// caller's <c>WithCancellation</c> would add nothing.
        /// </summary>
        private static bool CapturesToken(IMethodSymbol method, IOperation call, CancellationTypes types)
        {
            if (method.MethodKind != MethodKind.LocalFunction)
            {
                return false;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == call.Syntax.SyntaxTree && UsesToken(reference.GetSyntax(), call.SemanticModel, types))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the code names a token (or a token source's Token) declared outside it.</summary>
        private static bool UsesToken(SyntaxNode body, SemanticModel? model, CancellationTypes types)
        {
            if (model is null)
            {
                return false;
            }

            foreach (var name in body.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol;
                var type = symbol switch
                {
                    ILocalSymbol local => local.Type,
                    IParameterSymbol parameter => parameter.Type,
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };
                if (types.IsToken(type)
                    && symbol!.DeclaringSyntaxReferences.All(r => !body.Span.Contains(r.Span) || r.SyntaxTree != body.SyntaxTree))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? Unwrap(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation { IsImplicit: true } conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }
    }
}
