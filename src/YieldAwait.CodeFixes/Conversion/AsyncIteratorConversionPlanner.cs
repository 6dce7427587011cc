using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.CodeFixes.Conversion
{
    /// <summary>
    /// Decides what "Convert to async iterator" changes: the seed iterators, every sync iterator that
    /// enumerates one of them (the change walks up the call graph), and every <c>foreach</c> that must become
    /// <c>await foreach</c>. Returns null when some caller cannot follow, so the fix is never offered
    /// where it would break the build.
    /// </summary>
    internal sealed class AsyncIteratorConversionPlanner
    {
        private const string DefaultTokenName = "cancellationToken";

        private readonly Solution _solution;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<SyntaxNode, ConvertedFunction> _functions = new();
        private readonly List<CallerSite> _callers = new();
        private readonly Queue<(Document Document, SyntaxNode Declaration)> _pending = new();

        private AsyncIteratorConversionPlanner(Solution solution, CancellationToken cancellationToken)
        {
            _solution = solution;
            _cancellationToken = cancellationToken;
        }

        public static async Task<ConversionPlan?> PlanAsync(Solution solution, Document document, SyntaxNode declaration, CancellationToken cancellationToken)
        {
            var planner = new AsyncIteratorConversionPlanner(solution, cancellationToken);
            return await planner.TryAddAsync(document, declaration).ConfigureAwait(false)
                ? new ConversionPlan(solution, planner._functions.Values.ToList(), planner._callers)
                : null;
        }

        /// <summary>Fix All: every seed whose own conversion succeeds, merged into one plan.</summary>
        public static async Task<ConversionPlan?> PlanManyAsync(Solution solution, IEnumerable<(Document Document, SyntaxNode Declaration)> seeds, CancellationToken cancellationToken)
        {
            var functions = new Dictionary<SyntaxNode, ConvertedFunction>();
            var callers = new Dictionary<CommonForEachStatementSyntax, CallerSite>();
            foreach (var (document, declaration) in seeds)
            {
                if (functions.ContainsKey(declaration))
                {
                    continue;
                }

                var plan = await PlanAsync(solution, document, declaration, cancellationToken).ConfigureAwait(false);
                if (plan is null)
                {
                    continue;
                }

                foreach (var function in plan.Functions)
                {
                    functions[function.Declaration] = function;
                }

                foreach (var caller in plan.Callers)
                {
                    callers[caller.ForEach] = caller;
                }
            }

            return functions.Count == 0 ? null : new ConversionPlan(solution, functions.Values.ToList(), callers.Values.ToList());
        }

        private async Task<bool> TryAddAsync(Document seedDocument, SyntaxNode seedDeclaration)
        {
            _pending.Enqueue((seedDocument, seedDeclaration));
            var queued = new HashSet<SyntaxNode> { seedDeclaration };
            while (_pending.Count > 0)
            {
                var (document, declaration) = _pending.Dequeue();
                var model = await document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
                if (model is null || model.GetDeclaredSymbol(declaration, _cancellationToken) is not IMethodSymbol symbol)
                {
                    return false;
                }

                var function = CreateFunction(document, declaration, symbol, model);
                if (function is null || (declaration == seedDeclaration && function.Rewrites.Count == 0))
                {
                    // The seed must gain an await: converting an iterator that still blocks would only move the warning.
                    return false;
                }

                _functions[declaration] = function;
                var references = await SymbolFinder.FindReferencesAsync(symbol, _solution, _cancellationToken).ConfigureAwait(false);
                foreach (var location in references.SelectMany(r => r.Locations))
                {
                    if (!location.Location.IsInSource)
                    {
                        continue;
                    }

                    var caller = await ClassifyReferenceAsync(location, declaration).ConfigureAwait(false);
                    if (caller is null)
                    {
                        return false;
                    }

                    if (caller.Value.Site is { } site)
                    {
                        _callers.Add(site);
                    }

                    if (caller.Value.CallerToConvert is { } next && queued.Add(next.Declaration))
                    {
                        _pending.Enqueue(next);
                    }
                }
            }

            return true;
        }

        private ConvertedFunction? CreateFunction(Document document, SyntaxNode declaration, IMethodSymbol symbol, SemanticModel model)
        {
            var compilation = model.Compilation;
            var context = RewriteContext.TryCreate(compilation, document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider);
            var enumeratorCancellation = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.EnumeratorCancellationAttribute");
            if (context?.Types.IAsyncEnumerableOfT is null
                || !CanConvert(declaration, symbol, context.Types)
                || ((CSharpParseOptions)declaration.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp8)
            {
                return null;
            }

            var returnsEnumerable = symbol.ReturnType.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;
            var existingTokens = symbol.Parameters.Where(p => SymbolEqualityComparer.Default.Equals(p.Type, context.CancellationTokenType)).ToList();
            string? tokenName = null;
            var addsTokenParameter = false;
            if (existingTokens.Count == 1)
            {
                tokenName = existingTokens[0].Name;
            }
            else if (existingTokens.Count == 0 && returnsEnumerable && !symbol.Parameters.Any(p => p.IsParams))
            {
                tokenName = UniqueName(declaration, DefaultTokenName);
                addsTokenParameter = true;
            }

            var addsAttribute = returnsEnumerable && tokenName is not null && enumeratorCancellation is not null
                && (addsTokenParameter || !existingTokens[0].GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, enumeratorCancellation)));
            if (returnsEnumerable && tokenName is not null && enumeratorCancellation is null)
            {
                return null;
            }

            var rewrites = FindRewrites(declaration, model, context);
            return new ConvertedFunction(document.Id, declaration, symbol.Name, returnsEnumerable, tokenName, addsTokenParameter, addsAttribute, rewrites);
        }

        private static bool CanConvert(SyntaxNode declaration, IMethodSymbol symbol, AsyncTypes types)
        {
            var returnType = declaration switch
            {
                MethodDeclarationSyntax { Body: not null } method => method.ReturnType,
                LocalFunctionStatementSyntax { Body: not null } local => local.ReturnType,
                _ => null,
            };
            if (returnType is null || !AsyncSignature.CanRewriteReturnType(returnType)
                || IteratorFacts.Classify(symbol, types) != IteratorKind.Sync
                || symbol.ReturnType is not INamedTypeSymbol { Arity: 1 }
                || symbol.IsOverride || symbol.IsVirtual || symbol.IsAbstract || symbol.IsExtern
                || symbol.PartialDefinitionPart is not null || symbol.PartialImplementationPart is not null
                || !symbol.ExplicitInterfaceImplementations.IsEmpty
                || !IteratorFacts.ContainsYield(declaration)
                || YieldsInsideLock(declaration))
            {
                return false;
            }

            var containingType = symbol.ContainingType;
            return symbol.MethodKind == MethodKind.LocalFunction
                || !containingType.AllInterfaces.SelectMany(i => i.GetMembers()).Any(member =>
                    SymbolEqualityComparer.Default.Equals(containingType.FindImplementationForInterfaceMember(member), symbol));
        }

        /// <summary>
        /// A Monitor lock held across <c>yield</c> is released by whatever thread resumes the async iterator,
        /// which throws; such an iterator needs YA3004's snapshot fix first.
        /// </summary>
        private static bool YieldsInsideLock(SyntaxNode declaration) =>
            IteratorFacts.YieldStatements(IteratorFacts.GetBody(declaration)!)
                .Any(yield => yield.Ancestors().TakeWhile(n => n != declaration).Any(n => n is LockStatementSyntax));

        private IReadOnlyList<AwaitRewrite> FindRewrites(SyntaxNode declaration, SemanticModel model, RewriteContext context)
        {
            var rewrites = new List<AwaitRewrite>();
            var body = IteratorFacts.GetBody(declaration)!;
            foreach (var node in body.DescendantNodes(n => !IteratorFacts.IsNestedFunction(n)))
            {
                if (AwaitRewriteSources.TryCreate(node, model, context, _cancellationToken) is { } rewrite)
                {
                    rewrites.Add(rewrite);
                }
            }

            return rewrites;
        }

        private async Task<(CallerSite? Site, (Document Document, SyntaxNode Declaration)? CallerToConvert)?> ClassifyReferenceAsync(ReferenceLocation reference, SyntaxNode callee)
        {
            var document = reference.Document;
            var root = await document.GetSyntaxRootAsync(_cancellationToken).ConfigureAwait(false);
            var node = root?.FindNode(reference.Location.SourceSpan, findInsideTrivia: true, getInnermostNodeForTie: true);
            if (node is null)
            {
                return null;
            }

            if (node.AncestorsAndSelf().Any(n => n is CrefSyntax) || IsInsideNameOf(node))
            {
                return (null, null);
            }

            var calleeExpression = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access : node;
            if (calleeExpression.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != calleeExpression
                || invocation.Parent is not CommonForEachStatementSyntax forEach || forEach.Expression != invocation
                || forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword)
                || !AwaitContext.IsAllowedAt(forEach)
                || ((CSharpParseOptions)forEach.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp8)
            {
                return null;
            }

            var enclosing = forEach.Ancestors().FirstOrDefault(n => IteratorFacts.IsFunctionDeclaration(n) || IteratorFacts.IsNestedFunction(n));
            switch (enclosing)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword)
                        ? (new CallerSite(document.Id, forEach, callee, null, null), null)
                        : null;

                case LocalFunctionStatementSyntax or MethodDeclarationSyntax:
                    var model = await document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
                    if (model?.GetDeclaredSymbol(enclosing, _cancellationToken) is not IMethodSymbol caller)
                    {
                        return null;
                    }

                    if (caller.IsAsync)
                    {
                        var tokenType = model.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
                        var tokens = caller.Parameters.Where(p => SymbolEqualityComparer.Default.Equals(p.Type, tokenType)).ToList();
                        return (new CallerSite(document.Id, forEach, callee, null, tokens.Count == 1 ? tokens[0].Name : null), null);
                    }

                    return IteratorFacts.ContainsYield(enclosing)
                        ? (new CallerSite(document.Id, forEach, callee, enclosing, null), (document, enclosing))
                        : null;

                default:
                    return null;
            }
        }

        private static bool IsInsideNameOf(SyntaxNode node) =>
            node.Ancestors().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" });

        private static string UniqueName(SyntaxNode declaration, string preferred)
        {
            var taken = new HashSet<string>(declaration.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            var name = preferred;
            for (var i = 1; taken.Contains(name); i++)
            {
                name = preferred + i;
            }

            return name;
        }
    }
}
