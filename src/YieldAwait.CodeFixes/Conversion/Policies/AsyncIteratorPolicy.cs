using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.Options;
using YieldAwait.CodeFixes.Cancellation;
using YieldAwait.CodeFixes.Conversion.Engine;
using YieldAwait.CodeFixes.Editing;
using YieldAwait.CodeFixes.Rewrites.AsyncIterator;

namespace YieldAwait.CodeFixes.Conversion.Policies
{
    /// <summary>
    /// Decides what "Convert to async iterator" changes: the seed iterator with every interface member,
    /// base, implementation and override that shares its signature; every sync iterator that enumerates one
    /// of them (the change walks up the call graph); every <c>foreach</c> that becomes <c>await foreach</c>;
    /// every reference renamed with the <c>Async</c> suffix. No plan when some caller cannot follow, so the
    /// fix is never offered where it would break the build; "Add async counterpart" is planned then instead:
    /// the same policy in its counterpart mode, where only the already-async callers move to the new method.
    /// </summary>
    internal sealed class AsyncIteratorPolicy : ChangePolicy<CallerSite>
    {
        private readonly bool _asCounterpart;
        private readonly string _ruleId;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<SyntaxNode, ConvertedFunction> _functions = new();
        private readonly Dictionary<ProjectId, bool> _wantsSuffix = new();
        private readonly Dictionary<ProjectId, RewriteContext?> _contexts = new();
        private SyntaxNode? _seed;

        private AsyncIteratorPolicy(bool asCounterpart, string ruleId, CancellationToken cancellationToken)
        {
            _asCounterpart = asCounterpart;
            _ruleId = ruleId;
            _cancellationToken = cancellationToken;
        }

        /// <summary>True once a member that would change is outside the rule's <c>api_surface</c>: its signature must stay.</summary>
        private bool OutsideApiSurface { get; set; }

        /// <summary>Only the conversion changes the family; a counterpart is a new method beside the untouched original.</summary>
        public override bool ChangesFamily => !_asCounterpart;

        /// <summary>
        /// The conversion of the iterator at <paramref name="declaration"/> with everything that must follow, and
        /// "Add async counterpart" where callers cannot follow or the iterator is a library's public API.
        /// </summary>
        /// <param name="ruleId">The rule whose fix this is: its <c>dotnet_code_quality.YAnnnn.api_surface</c> key is read.</param>
        public static async Task<(ConversionPlan? Conversion, ConversionPlan? Counterpart)> PlanAsync(Solution solution, Document document, SyntaxNode declaration, string ruleId, CancellationToken cancellationToken)
        {
            var (conversion, blocked) = await TryPlanAsync(solution, document, declaration, asCounterpart: false, ruleId, cancellationToken).ConfigureAwait(false);
            var counterpart = blocked || (conversion is not null && await IsLibraryApiAsync(document, declaration, cancellationToken).ConfigureAwait(false))
                ? (await TryPlanAsync(solution, document, declaration, asCounterpart: true, ruleId, cancellationToken).ConfigureAwait(false)).Plan
                : null;
            return (conversion, counterpart);
        }

        /// <summary>Fix All: every seed whose own plan succeeds, merged into one plan.</summary>
        public static async Task<ConversionPlan?> PlanManyAsync(Solution solution, IEnumerable<(Document Document, SyntaxNode Declaration)> seeds, bool asCounterparts, string ruleId, CancellationToken cancellationToken)
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

                var (planned, _) = await TryPlanAsync(solution, document, declaration, asCounterparts, ruleId, cancellationToken).ConfigureAwait(false);
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

        /// <summary>
        /// The plan, or null; and whether a caller that could not follow, or a signature outside the <c>api_surface</c>, stopped
        /// it (then a counterpart, which changes no existing signature, may help).
        /// </summary>
        private static async Task<(ConversionPlan? Plan, bool Blocked)> TryPlanAsync(Solution solution, Document document, SyntaxNode declaration, bool asCounterpart, string ruleId, CancellationToken cancellationToken)
        {
            var policy = new AsyncIteratorPolicy(asCounterpart, ruleId, cancellationToken);
            var change = await SolutionChangeEngine.PlanAsync(solution, document, declaration, policy, cancellationToken).ConfigureAwait(false);
            return change.Succeeded
                ? (new ConversionPlan(solution, policy._functions.Values.ToList(), change.Rewrites, change.Renames), false)
                : (null, change.Blocked || policy.OutsideApiSurface);
        }

        public override Task<bool> AcceptAsync(IReadOnlyList<FamilyMember> family, CancellationToken cancellationToken) =>
            _asCounterpart ? AcceptCounterpartAsync(family[0]) : AcceptConversionAsync(family);

        public override string? NewNameOf(FamilyMember member) =>
            _functions.TryGetValue(member.Declaration, out var function) ? function.NewName : null;

        public override async Task<ReferenceVerdict<CallerSite>> SortAsync(MemberReference reference, FamilyMember target, CancellationToken cancellationToken)
        {
            var verdict = await SortCallAsync(reference, target.Declaration).ConfigureAwait(false);
            if (!_asCounterpart)
            {
                return verdict;
            }

            // Only callers that are already async move to the counterpart; the rest keep the sync original.
            return verdict.Rewrite is { ConvertedCaller: null } && reference.Name is not null
                ? ReferenceVerdict<CallerSite>.NeedsRewrite(verdict.Rewrite)
                : ReferenceVerdict<CallerSite>.Follows(renamed: false);
        }

        private async Task<bool> AcceptConversionAsync(IReadOnlyList<FamilyMember> family)
        {
            _seed ??= family[0].Declaration;
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
            }

            // Overrides and implementations must keep matching signatures.
            if (created.Select(f => (f.ReturnsEnumerable, f.TokenName, f.AddsTokenParameter)).Distinct().Count() != 1)
            {
                return false;
            }

            // As the analyzers whose fix changes a signature: a member outside the configured api_surface keeps its signature.
            if (family.Any(member => !ApiSurface.Includes(member.Document.Project.AnalyzerOptions, member.Declaration.SyntaxTree, member.Symbol, _ruleId)))
            {
                OutsideApiSurface = true;
                return false;
            }

            var newName = await NewNameAsync(family, family[0].Document.Project).ConfigureAwait(false);
            foreach (var function in created)
            {
                function.NewName = newName;
            }

            // The seed must gain an await: converting an iterator that still blocks would only move the warning.
            return family[0].Declaration != _seed || _functions[_seed].Rewrites.Count > 0;
        }

        private async Task<bool> AcceptCounterpartAsync(FamilyMember seed)
        {
            var (document, declaration) = (seed.Document, seed.Declaration);
            var model = await document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
            if (model is null || seed.Symbol is not { MethodKind: MethodKind.Ordinary } symbol
                || symbol.IsVirtual || symbol.IsAbstract || symbol.IsOverride || ImplementsInterfaceMember(symbol)
                || CreateFunction(seed, model) is not { Rewrites.Count: > 0 } function)
            {
                return false;
            }

            var newName = AsyncNaming.AsyncNameOf(symbol.Name);
            if (newName == symbol.Name || !symbol.ContainingType.GetMembers(newName).IsEmpty)
            {
                return false;
            }

            function.NewName = newName;
            function.AsCounterpart = true;
            _functions[declaration] = function;
            return true;
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

        /// <summary>
        /// A call whose consumer can await: a <c>foreach</c> (or an async-LINQ chain) in an async function follows with
        /// <c>await foreach</c>; in a sync iterator it does too, and that iterator is converted with it.
        /// </summary>
        private async Task<ReferenceVerdict<CallerSite>> SortCallAsync(MemberReference reference, SyntaxNode callee)
        {
            var document = reference.Document;
            if (reference.IsNameOnly)
            {
                return ReferenceVerdict<CallerSite>.Follows();
            }

            var model = await reference.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
            if (reference.Invocation is not { } invocation || invocation.Expression is MemberBindingExpressionSyntax
                || model is null || Consumer(invocation, model) is not { } consumer
                || !AwaitPlacement.IsAllowedAt(consumer.Node)
                || !reference.AllowsAsyncStreams)
            {
                return ReferenceVerdict<CallerSite>.Blocks;
            }

            var enclosing = invocation.Ancestors().FirstOrDefault(n => IteratorFacts.IsFunctionDeclaration(n) || IteratorFacts.IsNestedFunction(n));
            switch (enclosing)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword)
                        ? ReferenceVerdict<CallerSite>.NeedsRewrite(new CallerSite(document.Id, invocation, consumer.ForEach, consumer.Terminal, callee, null, null))
                        : ReferenceVerdict<CallerSite>.Blocks;

                case LocalFunctionStatementSyntax or MethodDeclarationSyntax:
                    if (model.GetDeclaredSymbol(enclosing, _cancellationToken) is not IMethodSymbol caller)
                    {
                        return ReferenceVerdict<CallerSite>.Blocks;
                    }

                    if (caller.IsAsync)
                    {
                        var tokenType = ContextFor(document.Project, model.Compilation)?.CancellationTokenType;
                        var tokens = caller.Parameters.Where(p => SymbolEqualityComparer.Default.Equals(p.Type, tokenType)).ToList();
                        return ReferenceVerdict<CallerSite>.NeedsRewrite(new CallerSite(document.Id, invocation, consumer.ForEach, consumer.Terminal, callee, null, tokens.Count == 1 ? tokens[0].Name : null));
                    }

                    return IteratorFacts.ContainsYield(enclosing)
                        ? ReferenceVerdict<CallerSite>.NeedsRewrite(
                            new CallerSite(document.Id, invocation, consumer.ForEach, consumer.Terminal, callee, enclosing, null),
                            alsoChanges: new FamilyMember(document, enclosing, caller))
                        : ReferenceVerdict<CallerSite>.Blocks;

                default:
                    return ReferenceVerdict<CallerSite>.Blocks;
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
