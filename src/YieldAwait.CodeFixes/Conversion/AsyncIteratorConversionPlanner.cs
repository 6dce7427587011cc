using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.CodeFixes.Cancellation;
using YieldAwait.CodeFixes.Editing;
using YieldAwait.CodeFixes.Conversion.Engine;

namespace YieldAwait.CodeFixes.Conversion
{
    /// <summary>
    /// Decides what "Convert to async iterator" changes: the seed iterator with every interface member,
    /// base, implementation and override that shares its signature; every sync iterator that enumerates one
    /// of them (the change walks up the call graph); every <c>foreach</c> that becomes <c>await foreach</c>;
    /// every reference renamed with the <c>Async</c> suffix. No plan when some caller cannot follow, so the
    /// fix is never offered where it would break the build; "Add async counterpart" is planned then instead.
    /// </summary>
    internal sealed class AsyncIteratorConversionPlanner
    {

        private readonly Solution _solution;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<SyntaxNode, ConvertedFunction> _functions = new();
        private readonly Dictionary<InvocationExpressionSyntax, CallerSite> _callers = new();
        private readonly Dictionary<SimpleNameSyntax, RenameSite> _renames = new();
        private readonly Queue<(Document Document, SyntaxNode Declaration)> _pending = new();
        private readonly HashSet<SyntaxNode> _queued = new();
        private readonly Dictionary<ProjectId, bool> _wantsSuffix = new();
        private readonly Dictionary<ProjectId, RewriteContext?> _contexts = new();

        private AsyncIteratorConversionPlanner(Solution solution, CancellationToken cancellationToken)
        {
            _solution = solution;
            _cancellationToken = cancellationToken;
        }

        /// <summary>True once a reference was found that cannot follow the conversion.</summary>
        private bool CallerBlocked { get; set; }

        private ConversionPlan ToPlan() =>
            new(_solution, _functions.Values.ToList(), _callers.Values.ToList(), _renames.Values.ToList());

        /// <summary>
        /// The conversion of the iterator at <paramref name="declaration"/> with everything that must follow, and
        /// "Add async counterpart" where callers cannot follow or the iterator is a library's public API.
        /// </summary>
        public static async Task<(ConversionPlan? Conversion, ConversionPlan? Counterpart)> PlanAsync(Solution solution, Document document, SyntaxNode declaration, CancellationToken cancellationToken)
        {
            var planner = new AsyncIteratorConversionPlanner(solution, cancellationToken);
            var conversion = await planner.TryConvertAsync(document, declaration).ConfigureAwait(false) ? planner.ToPlan() : null;
            var counterpart = planner.CallerBlocked || (conversion is not null && await IsLibraryApiAsync(document, declaration, cancellationToken).ConfigureAwait(false))
                ? await new AsyncIteratorConversionPlanner(solution, cancellationToken).TryCounterpartAsync(document, declaration).ConfigureAwait(false)
                : null;
            return (conversion, counterpart);
        }

        /// <summary>Fix All: every seed whose own plan succeeds, merged into one plan.</summary>
        public static async Task<ConversionPlan?> PlanManyAsync(Solution solution, IEnumerable<(Document Document, SyntaxNode Declaration)> seeds, bool asCounterparts, CancellationToken cancellationToken)
        {
            var functions = new Dictionary<SyntaxNode, ConvertedFunction>();
            var callers = new Dictionary<InvocationExpressionSyntax, CallerSite>();
            var renames = new Dictionary<SimpleNameSyntax, RenameSite>();
            foreach (var (document, declaration) in seeds)
            {
                if (functions.ContainsKey(declaration))
                {
                    continue;
                }

                var planner = new AsyncIteratorConversionPlanner(solution, cancellationToken);
                var planned = asCounterparts
                    ? await planner.TryCounterpartAsync(document, declaration).ConfigureAwait(false)
                    : await planner.TryConvertAsync(document, declaration).ConfigureAwait(false) ? planner.ToPlan() : null;
                if (planned is null || planned.Callers.Any(c => callers.ContainsKey(c.Invocation) && callers[c.Invocation].Callee != c.Callee))
                {
                    continue;
                }

                foreach (var function in planned.Functions)
                {
                    functions[function.Declaration] = function;
                }

                foreach (var caller in planned.Callers)
                {
                    callers[caller.Invocation] = caller;
                }

                foreach (var rename in planned.Renames)
                {
                    renames[rename.Name] = rename;
                }
            }

            return functions.Count == 0 ? null : new ConversionPlan(solution, functions.Values.ToList(), callers.Values.ToList(), renames.Values.ToList());
        }

        private async Task<bool> TryConvertAsync(Document seedDocument, SyntaxNode seedDeclaration)
        {
            _pending.Enqueue((seedDocument, seedDeclaration));
            _queued.Add(seedDeclaration);
            while (_pending.Count > 0)
            {
                var (document, declaration) = _pending.Dequeue();
                var model = await document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
                if (model?.GetDeclaredSymbol(declaration, _cancellationToken) is not IMethodSymbol symbol
                    || await FamilyAsync(document, declaration, symbol).ConfigureAwait(false) is not { } family
                    || !await AddFamilyAsync(family, document.Project).ConfigureAwait(false))
                {
                    return false;
                }

                if (declaration == seedDeclaration && _functions[seedDeclaration].Rewrites.Count == 0)
                {
                    // The seed must gain an await: converting an iterator that still blocks would only move the warning.
                    return false;
                }

                foreach (var member in family)
                {
                    if (!await AddReferencesAsync(member, _functions[member.Declaration]).ConfigureAwait(false))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private async Task<bool> AddFamilyAsync(IReadOnlyList<FamilyMember> family, Project seedProject)
        {
            var created = new List<ConvertedFunction>();
            foreach (var member in family)
            {
                if (_functions.TryGetValue(member.Declaration, out var existing))
                {
                    created.Add(existing);
                    continue;
                }

                var model = await member.Document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
                if (model is null || CreateFunction(member, model) is not { } function)
                {
                    return false;
                }

                created.Add(function);
                _functions[member.Declaration] = function;
                _queued.Add(member.Declaration);
            }

            // Overrides and implementations must keep matching signatures.
            if (created.Select(f => (f.ReturnsEnumerable, f.TokenName, f.AddsTokenParameter)).Distinct().Count() != 1)
            {
                return false;
            }

            var newName = await NewNameAsync(family, seedProject).ConfigureAwait(false);
            foreach (var function in created)
            {
                function.NewName = newName;
            }

            return true;
        }

        private async Task<bool> AddReferencesAsync(FamilyMember member, ConvertedFunction function)
        {
            var references = await SymbolFinder.FindReferencesAsync(member.Symbol, _solution, _cancellationToken).ConfigureAwait(false);
            foreach (var location in references.SelectMany(r => r.Locations))
            {
                if (!location.Location.IsInSource)
                {
                    continue;
                }

                var use = await ClassifyReferenceAsync(location, member.Declaration).ConfigureAwait(false);
                if (!use.CanFollow)
                {
                    CallerBlocked = true;
                    return false;
                }

                if (use.Site is { } site)
                {
                    _callers[site.Invocation] = site;
                }

                if (function.NewName is { } newName && use.Name is { } name)
                {
                    _renames[name] = new RenameSite(location.Document.Id, name, newName);
                }

                if (use.CallerToConvert is { } caller && _queued.Add(caller))
                {
                    _pending.Enqueue((use.CallerDocument!, caller));
                }
            }

            return true;
        }

        private async Task<ConversionPlan?> TryCounterpartAsync(Document document, SyntaxNode declaration)
        {
            var model = await document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
            if (model?.GetDeclaredSymbol(declaration, _cancellationToken) is not IMethodSymbol { MethodKind: MethodKind.Ordinary } symbol
                || symbol.IsVirtual || symbol.IsAbstract || symbol.IsOverride || ImplementsInterfaceMember(symbol)
                || CreateFunction(new FamilyMember(document, declaration, symbol), model) is not { Rewrites.Count: > 0 } function)
            {
                return null;
            }

            var newName = AsyncNaming.AsyncNameOf(symbol.Name);
            if (newName == symbol.Name || !symbol.ContainingType.GetMembers(newName).IsEmpty)
            {
                return null;
            }

            function.NewName = newName;
            function.AsCounterpart = true;
            _functions[declaration] = function;
            var references = await SymbolFinder.FindReferencesAsync(symbol, _solution, _cancellationToken).ConfigureAwait(false);
            foreach (var location in references.SelectMany(r => r.Locations).Where(l => l.Location.IsInSource))
            {
                // Only callers that are already async move to the counterpart; the rest keep the sync original.
                var use = await ClassifyReferenceAsync(location, declaration).ConfigureAwait(false);
                if (use.Site is { ConvertedCaller: null } site && use.Name is { } name)
                {
                    _callers[site.Invocation] = site;
                    _renames[name] = new RenameSite(location.Document.Id, name, newName);
                }
            }

            return ToPlan();
        }

        private async Task<IReadOnlyList<FamilyMember>?> FamilyAsync(Document document, SyntaxNode declaration, IMethodSymbol symbol)
        {
            var family = new List<FamilyMember> { new(document, declaration, symbol) };
            if (symbol.MethodKind == MethodKind.LocalFunction)
            {
                return family;
            }

            var seen = new HashSet<(SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan)> { (declaration.SyntaxTree, declaration.Span) };
            var pending = new Queue<IMethodSymbol>();
            pending.Enqueue(symbol);
            while (pending.Count > 0)
            {
                foreach (var related in await RelatedAsync(pending.Dequeue()).ConfigureAwait(false))
                {
                    if (related.DeclaringSyntaxReferences.Length != 1)
                    {
                        return null;
                    }

                    var reference = related.DeclaringSyntaxReferences[0];
                    if (!seen.Add((reference.SyntaxTree, reference.Span)))
                    {
                        continue;
                    }

                    if (_solution.GetDocument(reference.SyntaxTree) is not { } relatedDocument)
                    {
                        return null;
                    }

                    family.Add(new FamilyMember(relatedDocument, await reference.GetSyntaxAsync(_cancellationToken).ConfigureAwait(false), related));
                    pending.Enqueue(related);
                }
            }

            return family;
        }

        private async Task<IReadOnlyList<IMethodSymbol>> RelatedAsync(IMethodSymbol method)
        {
            var related = new List<IMethodSymbol>();
            if (method.OverriddenMethod is { } overridden)
            {
                related.Add(overridden.OriginalDefinition);
            }

            related.AddRange(method.ExplicitInterfaceImplementations.Select(m => m.OriginalDefinition));
            if (!method.ContainingType.AllInterfaces.IsEmpty)
            {
                related.AddRange((await SymbolFinder.FindImplementedInterfaceMembersAsync(method, _solution, cancellationToken: _cancellationToken).ConfigureAwait(false)).OfType<IMethodSymbol>());
            }

            if (method.IsVirtual || method.IsAbstract || method.IsOverride)
            {
                related.AddRange((await SymbolFinder.FindOverridesAsync(method, _solution, cancellationToken: _cancellationToken).ConfigureAwait(false)).OfType<IMethodSymbol>());
            }

            if (method.ContainingType.TypeKind == TypeKind.Interface)
            {
                related.AddRange((await SymbolFinder.FindImplementationsAsync(method, _solution, cancellationToken: _cancellationToken).ConfigureAwait(false)).OfType<IMethodSymbol>());
            }

            return related;
        }

        private ConvertedFunction? CreateFunction(FamilyMember member, SemanticModel model)
        {
            var document = member.Document;
            var declaration = member.Declaration;
            var symbol = member.Symbol;
            var compilation = model.Compilation;
            var context = ContextFor(document.Project, compilation);
            var enumeratorCancellation = compilation.GetBestTypeByMetadataName("System.Runtime.CompilerServices.EnumeratorCancellationAttribute");
            var hasBody = IteratorFacts.GetBody(declaration) is not null;
            if (context?.Types.IAsyncEnumerableOfT is null
                || !(hasBody ? CanConvert(declaration, symbol, context.Types) : CanChangeSignature(declaration, symbol))
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
            else if (existingTokens.Count == 0 && !symbol.Parameters.Any(p => p.IsParams))
            {
                tokenName = hasBody ? TokenParameter.UniqueName(declaration) : TokenParameter.DefaultName;
                addsTokenParameter = true;
            }

            if (returnsEnumerable && tokenName is not null && enumeratorCancellation is null)
            {
                return null;
            }

            var addsAttribute = hasBody && returnsEnumerable && tokenName is not null
                && (addsTokenParameter || !existingTokens[0].GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, enumeratorCancellation)));
            var rewrites = hasBody ? FindRewrites(declaration, model, context) : new List<AwaitRewrite>();
            return new ConvertedFunction(document.Id, declaration, symbol.Name, hasBody, returnsEnumerable, tokenName, addsTokenParameter, addsAttribute, rewrites);
        }

        private static bool CanConvert(SyntaxNode declaration, IMethodSymbol symbol, AsyncTypes types)
        {
            var returnType = declaration switch
            {
                MethodDeclarationSyntax { Body: not null } method => method.ReturnType,
                LocalFunctionStatementSyntax { Body: not null } local => local.ReturnType,
                _ => null,
            };
            return returnType is not null && AsyncSignature.CanRewriteReturnType(returnType)
                && IteratorFacts.Classify(symbol, types) == IteratorKind.Sync
                && symbol.ReturnType is INamedTypeSymbol { Arity: 1 }
                && !symbol.IsExtern
                && symbol.PartialDefinitionPart is null && symbol.PartialImplementationPart is null
                && IteratorFacts.ContainsYield(declaration)
                && !YieldsInsideLock(declaration);
        }

        /// <summary>An interface or abstract member: it has no body, so only its declared return type must fit.</summary>
        private static bool CanChangeSignature(SyntaxNode declaration, IMethodSymbol symbol) =>
            declaration is MethodDeclarationSyntax { Body: null, ExpressionBody: null } method
            && (symbol.IsAbstract || symbol.ContainingType.TypeKind == TypeKind.Interface)
            && AsyncSignature.CanRewriteReturnType(method.ReturnType)
            && symbol.ReturnType is INamedTypeSymbol { Arity: 1 } returnType
            && returnType.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_Generic_IEnumerator_T;

        private static bool ImplementsInterfaceMember(IMethodSymbol symbol) =>
            !symbol.ExplicitInterfaceImplementations.IsEmpty
            || symbol.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers()).Any(member =>
                SymbolEqualityComparer.Default.Equals(symbol.ContainingType.FindImplementationForInterfaceMember(member), symbol));

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

        /// <summary>The family's name with the <c>Async</c> suffix when the option asks for it and no member of that name exists.</summary>
        private async Task<string?> NewNameAsync(IReadOnlyList<FamilyMember> family, Project seedProject)
        {
            var name = family[0].Symbol.Name;
            var newName = AsyncNaming.AsyncNameOf(name);
            if (newName == name || (!AsyncNaming.IsPatternName(name) && !await WantsSuffixAsync(seedProject, family[0].Declaration.SyntaxTree).ConfigureAwait(false)))
            {
                return null;
            }

            foreach (var member in family)
            {
                var taken = member.Symbol.MethodKind == MethodKind.LocalFunction
                    ? (await member.Document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false))!.LookupSymbols(member.Declaration.SpanStart, name: newName).Any()
                    : !member.Symbol.ContainingType.GetMembers(newName).IsEmpty;
                if (taken)
                {
                    return null;
                }
            }

            return newName;
        }

        /// <summary>
        /// One rewrite context per project for the whole plan: its types are resolved once, and its caches (async
        /// counterparts, stream forms) serve every function converted there instead of being rebuilt per function.
        /// </summary>
        private RewriteContext? ContextFor(Project project, Compilation compilation)
        {
            if (!_contexts.TryGetValue(project.Id, out var context))
            {
                context = RewriteContext.TryCreate(compilation, project.AnalyzerOptions.AnalyzerConfigOptionsProvider);
                _contexts[project.Id] = context;
            }

            return context;
        }

        private async Task<bool> WantsSuffixAsync(Project project, SyntaxTree tree)
        {
            if (!_wantsSuffix.TryGetValue(project.Id, out var wants))
            {
                var compilation = await project.GetCompilationAsync(_cancellationToken).ConfigureAwait(false);
                wants = compilation is not null && AsyncNaming.WantsSuffix(project, tree, compilation, _cancellationToken);
                _wantsSuffix[project.Id] = wants;
            }

            return wants;
        }

        private async Task<ReferenceUse> ClassifyReferenceAsync(ReferenceLocation reference, SyntaxNode callee)
        {
            var document = reference.Document;
            var root = await document.GetSyntaxRootAsync(_cancellationToken).ConfigureAwait(false);
            var node = root?.FindNode(reference.Location.SourceSpan, findInsideTrivia: true, getInnermostNodeForTie: true);
            if (node is null)
            {
                return ReferenceUse.Blocked;
            }

            var name = node as SimpleNameSyntax ?? node.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().LastOrDefault();
            if (node.AncestorsAndSelf().Any(n => n is CrefSyntax) || ReferenceRenaming.IsInsideNameOf(node))
            {
                return ReferenceUse.NameOnly(name);
            }

            var calleeExpression = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access : node;
            if (calleeExpression.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != calleeExpression)
            {
                return ReferenceUse.Blocked;
            }

            var model = await document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
            if (model is null || Consumer(invocation, model) is not { } consumer
                || !AwaitContext.IsAllowedAt(consumer.Node)
                || ((CSharpParseOptions)invocation.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp8)
            {
                return ReferenceUse.Blocked;
            }

            var enclosing = invocation.Ancestors().FirstOrDefault(n => IteratorFacts.IsFunctionDeclaration(n) || IteratorFacts.IsNestedFunction(n));
            switch (enclosing)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword)
                        ? ReferenceUse.AsyncCaller(name, new CallerSite(document.Id, invocation, consumer.ForEach, consumer.Terminal, callee, null, null))
                        : ReferenceUse.Blocked;

                case LocalFunctionStatementSyntax or MethodDeclarationSyntax:
                    if (model.GetDeclaredSymbol(enclosing, _cancellationToken) is not IMethodSymbol caller)
                    {
                        return ReferenceUse.Blocked;
                    }

                    if (caller.IsAsync)
                    {
                        var tokenType = ContextFor(document.Project, model.Compilation)?.CancellationTokenType;
                        var tokens = caller.Parameters.Where(p => SymbolEqualityComparer.Default.Equals(p.Type, tokenType)).ToList();
                        return ReferenceUse.AsyncCaller(name, new CallerSite(document.Id, invocation, consumer.ForEach, consumer.Terminal, callee, null, tokens.Count == 1 ? tokens[0].Name : null));
                    }

                    return IteratorFacts.ContainsYield(enclosing)
                        ? ReferenceUse.IteratorCaller(name, new CallerSite(document.Id, invocation, consumer.ForEach, consumer.Terminal, callee, enclosing, null), document, enclosing)
                        : ReferenceUse.Blocked;

                default:
                    return ReferenceUse.Blocked;
            }
        }

        /// <summary>
        /// What consumes the call's result, if it can become asynchronous: a <c>foreach</c> directly or through
        /// deferred LINQ operators that async LINQ also has, or a terminal LINQ operator with an <c>…Async</c> twin.
        /// </summary>
        private static (SyntaxNode Node, CommonForEachStatementSyntax? ForEach, InvocationExpressionSyntax? Terminal)? Consumer(InvocationExpressionSyntax invocation, SemanticModel model)
        {
            ExpressionSyntax top = invocation;
            var asyncLinq = model.Compilation.GetBestTypeByMetadataName("System.Linq.AsyncEnumerable");
            while (top.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax next } member && member.Expression == top && next.Expression == member)
            {
                if (asyncLinq is null || model.GetSymbolInfo(next).Symbol is not IMethodSymbol { ContainingType: { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace.Name: "System" } } } linq)
                {
                    return null;
                }

                if (!IsSequence(linq.ReturnType))
                {
                    // A terminal operator: it needs an awaitable twin.
                    return asyncLinq.GetMembers(linq.Name + "Async").IsEmpty ? null : (next, null, next);
                }

                if (asyncLinq.GetMembers(linq.Name).IsEmpty)
                {
                    return null;
                }

                top = next;
            }

            return top.Parent is CommonForEachStatementSyntax forEach && forEach.Expression == top && !forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword)
                ? (forEach, forEach, null)
                : null;
        }

        private static bool IsSequence(ITypeSymbol type) =>
            type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
            || type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                && type.TypeKind == TypeKind.Interface;

        /// <summary>Whether code outside the solution can call the iterator: a public member of a library.</summary>
        private static async Task<bool> IsLibraryApiAsync(Document document, SyntaxNode declaration, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (document.Project.CompilationOptions?.OutputKind != OutputKind.DynamicallyLinkedLibrary
                || model?.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                return false;
            }

            for (ISymbol? current = method; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                {
                    return false;
                }
            }

            return true;
        }

    }
}
