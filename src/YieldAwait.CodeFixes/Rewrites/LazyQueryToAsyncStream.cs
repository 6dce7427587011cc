using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.CodeFixes.Editing;
using YieldAwait.CodeFixes.Rewrites.AsyncIterator;

namespace YieldAwait.CodeFixes.Rewrites
{
    /// <summary>
    /// YA1006's fix: a LINQ pipeline whose lambdas block becomes an async stream consumed with <c>await</c>.
    /// <c>foreach (var x in xs.Where(p).Select(x => F(x).Result))</c> →
    /// <c>await foreach (var x in xs.Where(p).ToAsyncEnumerable().Select(async (x, ct) => await F(x, ct)))</c> with .NET 10's
    /// <c>System.Linq.AsyncEnumerable</c>, or <c>….SelectAwait(async x => await F(x))</c> with System.Linq.Async; a terminal
    /// <c>ToList()</c>/<c>First()</c>/<c>Count()</c>… becomes <c>await ….ToListAsync()</c>. Planned only where the consumer is in an
    /// async function, every operator from the first blocking lambda on has an async form, and each blocking lambda binds to an
    /// overload whose delegate returns <c>ValueTask</c> (so an <c>OrderBy</c> key is the awaited value, never a task).
    /// </summary>
    internal sealed class LazyQueryToAsyncStream
    {
        private const string LinqAsyncSuffix = "Await";

        private static readonly SyntaxAnnotation ConvertedLambda = new("YieldAwait.YA1006.Lambda");

        private readonly Dictionary<SyntaxNode, System.Func<SyntaxNode, SyntaxNode>> _replacements;

        private LazyQueryToAsyncStream(SyntaxNode consumer, Dictionary<SyntaxNode, System.Func<SyntaxNode, SyntaxNode>> replacements)
        {
            Consumer = consumer;
            _replacements = replacements;
        }

        /// <summary>The <c>foreach</c> statement or terminal call that consumes the pipeline: one plan per consumer.</summary>
        public SyntaxNode Consumer { get; }

        /// <summary>The plan for the pipeline that holds the reported blocking form, or null when it cannot become an async stream.</summary>
        /// <param name="typedParameters">
        /// Write the lambda's parameter types, <c>async (int id, CancellationToken ct) =></c>: needed when the token goes unused, or
        /// <c>(id, ct)</c> binds just as well to the index overload <c>Func&lt;T, int, Task&lt;R&gt;&gt;</c>, and the stream would hold tasks.
        /// </param>
        public static LazyQueryToAsyncStream? TryPlan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, bool typedParameters, CancellationToken cancellationToken)
        {
            var compilation = model.Compilation;
            var enumerable = compilation.GetBestTypeByMetadataName("System.Linq.Enumerable");
            var asyncLinq = compilation.GetBestTypeByMetadataName("System.Linq.AsyncEnumerable");
            var types = AsyncTypes.TryCreate(compilation);
            var tokenType = compilation.GetBestTypeByMetadataName("System.Threading.CancellationToken");
            if (enumerable is null || asyncLinq is null || types is null || tokenType is null
                || asyncLinq.GetMembers("ToAsyncEnumerable").IsEmpty
                || DiagnosticTargets.ReportedNode(root, diagnostic) is not { } reported
                || model.GetOperation(reported, cancellationToken) is not { } operation
                || !LazyQueryLambda.TryFind(operation, enumerable, out _, out var query)
                || query.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax })
            {
                return null;
            }

            var chain = Chain(query, enumerable, model, cancellationToken);
            var recognizer = new BlockingFormRecognizer(types, compilation);
            var blocking = chain.Select(link => BlockingLambdas(link, enumerable, recognizer, model, cancellationToken)).ToList();
            var first = blocking.FindIndex(lambdas => lambdas.Count > 0);
            if (first < 0)
            {
                return null;
            }

            var top = (InvocationExpressionSyntax)chain[chain.Count - 1].Syntax;
            var replacements = new Dictionary<SyntaxNode, System.Func<SyntaxNode, SyntaxNode>>();
            for (var i = first + 1; i < chain.Count; i++)
            {
                if (asyncLinq.GetMembers(chain[i].TargetMethod.Name).IsEmpty)
                {
                    return null;
                }
            }

            var consumerToken = TokenInScope(top, model, tokenType, cancellationToken);
            var consumer = ConsumerOf(top, model, enumerable, asyncLinq, consumerToken, replacements, cancellationToken);
            if (consumer is null || !IsInAsyncFunction(consumer) || !AwaitPlacement.IsAllowedAt(consumer))
            {
                return null;
            }

            var linqAsync = asyncLinq.GetMembers("SelectAwait").Any();
            for (var i = first; i < chain.Count; i++)
            {
                foreach (var (lambda, forms) in blocking[i])
                {
                    var tokenName = linqAsync ? null : UniqueName(lambda.Syntax, model, "ct", "cancellationToken", "token");
                    if (!TryPlanLambda(lambda, forms, types, tokenType, tokenName, typedParameters ? model : null, replacements))
                    {
                        return null;
                    }
                }

                if (linqAsync && blocking[i].Count > 0)
                {
                    var name = ((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)chain[i].Syntax).Expression).Name;
                    var renamed = chain[i].TargetMethod.Name + LinqAsyncSuffix;
                    if (name is not IdentifierNameSyntax || asyncLinq.GetMembers(renamed).IsEmpty)
                    {
                        return null;
                    }

                    replacements.Add(name, current => SyntaxFactory.IdentifierName(renamed).WithTriviaFrom(current));
                }
            }

            var receiver = ((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)chain[first].Syntax).Expression).Expression;
            replacements.Add(receiver, current => ToAsyncEnumerable((ExpressionSyntax)current));
            return new LazyQueryToAsyncStream(consumer, replacements);
        }

        /// <summary>The rewrites of <paramref name="plans"/> (one per consumer) applied to <paramref name="root"/> in one pass.</summary>
        public static SyntaxNode Apply(SyntaxNode root, IEnumerable<LazyQueryToAsyncStream> plans)
        {
            var all = new Dictionary<SyntaxNode, System.Func<SyntaxNode, SyntaxNode>>();
            foreach (var plan in plans)
            {
                foreach (var pair in plan._replacements)
                {
                    all[pair.Key] = pair.Value;
                }
            }

            return root.ReplaceNodes(all.Keys, (original, current) => all[original](current));
        }

        /// <summary>
        /// True when the rewritten document adds no compiler error and every converted lambda binds to an async LINQ overload
        /// whose delegate returns <c>ValueTask</c>: a lambda that bound to a synchronous overload would yield tasks as keys or values.
        /// </summary>
        public static async Task<bool> IsSoundAsync(SemanticModel before, Document after, CancellationToken cancellationToken)
        {
            var model = await after.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || root is null || Errors(model, cancellationToken) > Errors(before, cancellationToken))
            {
                return false;
            }

            foreach (var lambda in root.GetAnnotatedNodes(ConvertedLambda))
            {
                if (model.GetTypeInfo(lambda, cancellationToken).ConvertedType is not INamedTypeSymbol { DelegateInvokeMethod: { } invoke }
                    || invoke.ReturnType.OriginalDefinition is not INamedTypeSymbol { Name: "ValueTask", ContainingNamespace.Name: "Tasks" }
                    || lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
                    || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { ContainingType.Name: "AsyncEnumerable" })
                {
                    return false;
                }
            }

            return true;
        }

        private static int Errors(SemanticModel model, CancellationToken cancellationToken) =>
            model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);

        /// <summary>The method-syntax <c>Enumerable</c> operators around <paramref name="query"/>, innermost first.</summary>
        private static List<IInvocationOperation> Chain(IInvocationOperation query, INamedTypeSymbol enumerable, SemanticModel model, CancellationToken cancellationToken)
        {
            var chain = new List<IInvocationOperation>();
            for (var link = query; ;)
            {
                chain.Insert(0, link);
                if (LazyQueryLambda.SourceOf(link) is IInvocationOperation below
                    && IsDeferredCall(below, enumerable)
                    && below.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax }
                    && below.Syntax.Parent is MemberAccessExpressionSyntax)
                {
                    link = below;
                    continue;
                }

                break;
            }

            for (var current = query.Syntax; current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax next } access && access.Expression == current;)
            {
                if (model.GetOperation(next, cancellationToken) is not IInvocationOperation above || !IsDeferredCall(above, enumerable))
                {
                    break;
                }

                chain.Add(above);
                current = next;
            }

            return chain;
        }

        private static bool IsDeferredCall(IInvocationOperation invocation, INamedTypeSymbol enumerable) =>
            SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, enumerable)
            && DeferredSequences.DeferredOperators.Contains(invocation.TargetMethod.Name)
            && invocation.TargetMethod.Name is not ("AsQueryable" or "AsEnumerable");

        /// <summary>The lambdas passed to <paramref name="link"/> whose own bodies hold blocking forms YA1006 reports, with those forms.</summary>
        private static List<(IAnonymousFunctionOperation Lambda, List<BlockingForm> Forms)> BlockingLambdas(
            IInvocationOperation link, INamedTypeSymbol enumerable, BlockingFormRecognizer recognizer, SemanticModel model, CancellationToken cancellationToken)
        {
            var result = new List<(IAnonymousFunctionOperation, List<BlockingForm>)>();
            foreach (var argument in link.Arguments)
            {
                if (argument.Value.WithoutImplicitConversions() is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                {
                    continue;
                }

                var forms = new List<BlockingForm>();
                foreach (var operation in lambda.Body.Descendants())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (recognizer.TryMatch(operation, out var form)
                        && LazyQueryLambda.TryFind(operation, enumerable, out var owner, out _)
                        && owner == lambda
                        && !recognizer.CannotBlock(form))
                    {
                        forms.Add(form);
                    }
                }

                if (forms.Count > 0)
                {
                    result.Add((lambda, forms));
                }
            }

            return result;
        }

        /// <summary>
        /// The <c>foreach</c> over <paramref name="top"/>, or the terminal operator called on it, with the rewrite that makes it
        /// await; null for any other consumer (a local, a return, an argument), whose type would change under it.
        /// </summary>
        private static SyntaxNode? ConsumerOf(
            InvocationExpressionSyntax top,
            SemanticModel model,
            INamedTypeSymbol enumerable,
            INamedTypeSymbol asyncLinq,
            string? token,
            Dictionary<SyntaxNode, System.Func<SyntaxNode, SyntaxNode>> replacements,
            CancellationToken cancellationToken)
        {
            if (top.Parent is CommonForEachStatementSyntax forEach && forEach.Expression == top && !forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword))
            {
                replacements.Add(forEach, current =>
                {
                    var loop = (CommonForEachStatementSyntax)current;
                    if (token is not null)
                    {
                        // The stream hands this token to every lambda's ct, as the captured token would have been used.
                        loop = loop.WithExpression(SyntaxFactory.InvocationExpression(
                            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, loop.Expression, SyntaxFactory.IdentifierName("WithCancellation")),
                            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token))))));
                    }

                    return loop.WithoutLeadingTrivia()
                        .WithAwaitKeyword(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                        .WithLeadingTrivia(current.GetLeadingTrivia());
                });
                return forEach;
            }

            if (top.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax terminal, Name: IdentifierNameSyntax } access
                || access.Expression != top
                || model.GetSymbolInfo(terminal, cancellationToken).Symbol is not IMethodSymbol method
                || !SymbolEqualityComparer.Default.Equals(method.ContainingType, enumerable)
                || !DeferredSequences.EnumeratingOperators.Contains(method.Name)
                || asyncLinq.GetMembers(method.Name + "Async").IsEmpty)
            {
                return null;
            }

            var asyncName = method.Name + "Async";
            replacements.Add(terminal, current =>
            {
                var call = (InvocationExpressionSyntax)current;
                var renamed = call.WithExpression(((MemberAccessExpressionSyntax)call.Expression).WithName(SyntaxFactory.IdentifierName(asyncName)));
                if (token is not null && !renamed.ArgumentList.Arguments.Any(a => a.NameColon is not null))
                {
                    renamed = renamed.WithArgumentList(renamed.ArgumentList.AddArguments(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token))));
                }

                return AwaitedCall.Create(terminal, renamed).WithTriviaFrom(current);
            });
            return terminal;
        }

        /// <summary>The enclosing function's token parameter: the <c>[EnumeratorCancellation]</c> one, or the only one.</summary>
        private static string? TokenInScope(SyntaxNode node, SemanticModel model, INamedTypeSymbol tokenType, CancellationToken cancellationToken)
        {
            var function = node.Ancestors().FirstOrDefault(n => IteratorFacts.IsFunctionDeclaration(n) || IteratorFacts.IsNestedFunction(n));
            var symbol = function switch
            {
                null => null,
                AnonymousFunctionExpressionSyntax anonymous => model.GetSymbolInfo(anonymous, cancellationToken).Symbol as IMethodSymbol,
                _ => model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol,
            };
            if (symbol is null)
            {
                return null;
            }

            var tokens = symbol.Parameters.Where(p => SymbolEqualityComparer.Default.Equals(p.Type, tokenType)).ToList();
            var marked = tokens.FirstOrDefault(p => p.GetAttributes().Any(a => a.AttributeClass?.Name == "EnumeratorCancellationAttribute"));
            return marked?.Name ?? (tokens.Count == 1 ? tokens[0].Name : null);
        }

        private static bool IsInAsyncFunction(SyntaxNode node)
        {
            var function = node.Ancestors().FirstOrDefault(n => IteratorFacts.IsFunctionDeclaration(n) || IteratorFacts.IsNestedFunction(n));
            return function switch
            {
                AnonymousFunctionExpressionSyntax anonymous => anonymous.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
                LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
                BaseMethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
                _ => false,
            };
        }

        /// <summary>Plans the lambda's rewrite: <c>async</c>, a token parameter for .NET 10's overloads, and each blocking form awaited.</summary>
        private static bool TryPlanLambda(
            IAnonymousFunctionOperation lambda,
            List<BlockingForm> forms,
            AsyncTypes types,
            INamedTypeSymbol tokenType,
            string? tokenName,
            SemanticModel? typesFrom,
            Dictionary<SyntaxNode, System.Func<SyntaxNode, SyntaxNode>> replacements)
        {
            if (lambda.Syntax is not LambdaExpressionSyntax syntax
                || syntax.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword)
                || syntax is ParenthesizedLambdaExpressionSyntax { ReturnType: not null })
            {
                return false;
            }

            foreach (var form in forms)
            {
                if (BlockingRewrite.TryCreate(form, types, tokenType) is not { } rewrite)
                {
                    return false;
                }

                var token = tokenName is null ? null : SyntaxFactory.IdentifierName(tokenName);
                replacements.Add(rewrite.Node, current => rewrite.Apply(current, token).WithAdditionalAnnotations(Formatter.Annotation));
            }

            TypeSyntax[]? parameterTypes = null;
            if (typesFrom is not null && tokenName is not null)
            {
                if (lambda.Symbol.Parameters.Any(p => p.Type.IsAnonymousType || p.Type.TypeKind == TypeKind.Error || p.RefKind != RefKind.None))
                {
                    return false;
                }

                parameterTypes = lambda.Symbol.Parameters
                    .Select(p => SyntaxFactory.ParseTypeName(p.Type.ToMinimalDisplayString(typesFrom, syntax.SpanStart)).WithTrailingTrivia(SyntaxFactory.Space))
                    .Append(KnownNames.CancellationToken.WithTrailingTrivia(SyntaxFactory.Space))
                    .ToArray();
            }

            replacements.Add(syntax, current => MakeAsync((LambdaExpressionSyntax)current, tokenName, parameterTypes).WithAdditionalAnnotations(ConvertedLambda));
            return true;
        }

        private static LambdaExpressionSyntax MakeAsync(LambdaExpressionSyntax lambda, string? tokenName, TypeSyntax[]? parameterTypes)
        {
            var leading = lambda.GetLeadingTrivia();
            lambda = lambda.WithoutLeadingTrivia();
            if (tokenName is not null)
            {
                lambda = lambda switch
                {
                    SimpleLambdaExpressionSyntax simple => SyntaxFactory.ParenthesizedLambdaExpression(
                            SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(
                                    new[] { simple.Parameter.WithoutTrivia(), SyntaxFactory.Parameter(SyntaxFactory.Identifier(tokenName)) },
                                    new[] { SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space) }))
                                .WithTrailingTrivia(simple.Parameter.GetTrailingTrivia()),
                            simple.Block,
                            simple.ExpressionBody)
                        .WithModifiers(simple.Modifiers)
                        .WithAttributeLists(simple.AttributeLists)
                        .WithArrowToken(simple.ArrowToken),
                    ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.WithParameterList(
                        parenthesized.ParameterList.AddParameters(TokenParameter(parenthesized.ParameterList, tokenName))),
                    _ => lambda,
                };
            }

            if (parameterTypes is not null && lambda is ParenthesizedLambdaExpressionSyntax typed && typed.ParameterList.Parameters.Count == parameterTypes.Length)
            {
                var parameters = typed.ParameterList.Parameters;
                for (var i = 0; i < parameterTypes.Length; i++)
                {
                    parameters = parameters.Replace(parameters[i], parameters[i].Type is null ? parameters[i].WithType(parameterTypes[i]) : parameters[i]);
                }

                lambda = typed.WithParameterList(typed.ParameterList.WithParameters(parameters));
            }

            var modifiers = lambda.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space));
            return lambda.WithModifiers(modifiers).WithLeadingTrivia(leading);
        }

        /// <summary><c>ct</c>, or <c>CancellationToken ct</c> when the other parameters are typed.</summary>
        private static ParameterSyntax TokenParameter(ParameterListSyntax parameters, string name)
        {
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)).WithLeadingTrivia(SyntaxFactory.Space);
            return parameters.Parameters.Any(p => p.Type is not null)
                ? parameter.WithType(KnownNames.CancellationToken.WithTrailingTrivia(SyntaxFactory.Space))
                : parameter;
        }

        private static ExpressionSyntax ToAsyncEnumerable(ExpressionSyntax receiver) =>
            SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        AwaitedCall.AsReceiver(receiver.WithoutTrailingTrivia()),
                        SyntaxFactory.IdentifierName("ToAsyncEnumerable")))
                .WithTrailingTrivia(receiver.GetTrailingTrivia());

        /// <summary>A name neither the lambda mentions nor its position sees.</summary>
        private static string UniqueName(SyntaxNode lambda, SemanticModel model, params string[] candidates)
        {
            var mentioned = new HashSet<string>(lambda.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            bool Taken(string name) => mentioned.Contains(name) || !model.LookupSymbols(lambda.SpanStart, name: name).IsEmpty;
            foreach (var candidate in candidates)
            {
                if (!Taken(candidate))
                {
                    return candidate;
                }
            }

            var name = candidates[0];
            for (var i = 1; Taken(name); i++)
            {
                name = candidates[0] + i;
            }

            return name;
        }
    }
}
