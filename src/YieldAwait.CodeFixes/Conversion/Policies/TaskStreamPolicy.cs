using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.CodeFixes.Cancellation;
using YieldAwait.CodeFixes.Conversion.Engine;
using YieldAwait.CodeFixes.Editing;
using YieldAwait.CodeFixes.Rewrites;
using YieldAwait.CodeFixes.Rewrites.AsyncIterator;

namespace YieldAwait.CodeFixes.Conversion.Policies
{
    /// <summary>
    /// Decides what "Convert to async stream" changes for an iterator of tasks: the producer, and every reference to
    /// it in the solution. Every call must be a <c>foreach</c> that awaits each element once (see <see cref="AwaitedTaskLoop"/>);
    /// one other use anywhere (a <c>Task.WhenAll</c>, a delegate, a loop that keeps the task) and there is no plan.
    /// </summary>
    internal sealed class TaskStreamPolicy : ChangePolicy<TaskStreamConsumer>
    {
        private readonly CancellationToken _cancellationToken;
        private TaskStreamProducer? _producer;
        private INamedTypeSymbol? _tokenType;

        private TaskStreamPolicy(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

        public static async Task<TaskStreamPlan?> PlanAsync(Solution solution, Document document, SyntaxNode declaration, CancellationToken cancellationToken)
        {
            var policy = new TaskStreamPolicy(cancellationToken);
            var change = await SolutionChangeEngine.PlanAsync(solution, document, declaration, policy, cancellationToken).ConfigureAwait(false);
            if (!change.Succeeded || policy._producer is not { } producer || change.Rewrites.Count == 0)
            {
                return null;
            }

            producer.ConfigureAwaitFalse = change.Rewrites.All(c => c.ConfigureAwait is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.FalseLiteralExpression));
            return new TaskStreamPlan(solution, new[] { producer }, change.Rewrites, change.Renames);
        }

        /// <summary>Fix All: the plans that succeed, merged (each producer's references are its own, so they never overlap).</summary>
        public static async Task<TaskStreamPlan?> PlanManyAsync(Solution solution, IEnumerable<(Document Document, SyntaxNode Declaration)> seeds, CancellationToken cancellationToken)
        {
            var producers = new List<TaskStreamProducer>();
            var consumers = new List<TaskStreamConsumer>();
            var renames = new List<RenameSite>();
            foreach (var (document, declaration) in seeds.Distinct())
            {
                if (await PlanAsync(solution, document, declaration, cancellationToken).ConfigureAwait(false) is { } plan)
                {
                    producers.AddRange(plan.Producers);
                    consumers.AddRange(plan.Consumers);
                    renames.AddRange(plan.Renames);
                }
            }

            return producers.Count == 0 ? null : new TaskStreamPlan(solution, producers, consumers, renames);
        }

        /// <summary>The producer alone changes (no family): its signature, token and yields are decided here.</summary>
        public override async Task<bool> AcceptAsync(IReadOnlyList<FamilyMember> family, CancellationToken cancellationToken)
        {
            var (document, declaration, symbol) = (family[0].Document, family[0].Declaration, family[0].Symbol);
            var model = await document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
            if (model is null
                || AsyncTypes.TryCreate(model.Compilation) is not { IAsyncEnumerableOfT: not null } types
                || model.Compilation.GetBestTypeByMetadataName("System.Threading.CancellationToken") is not { } tokenType
                || model.Compilation.GetBestTypeByMetadataName("System.Runtime.CompilerServices.EnumeratorCancellationAttribute") is not { } enumeratorCancellation
                || TaskIterators.ProducerDeclaration(symbol, types, _cancellationToken) != declaration
                || ResultTypeSyntax(declaration) is not { } resultType)
            {
                return false;
            }

            var tokens = symbol.Parameters.Where(p => SymbolEqualityComparer.Default.Equals(p.Type, tokenType)).ToList();
            string? tokenName = null;
            var addsToken = false;
            if (tokens.Count == 1)
            {
                tokenName = tokens[0].Name;
            }
            else if (tokens.Count == 0 && !symbol.Parameters.Any(p => p.IsParams))
            {
                tokenName = TokenParameter.UniqueName(declaration);
                addsToken = true;
            }

            var addsAttribute = tokenName is not null
                && (addsToken || !tokens[0].GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, enumeratorCancellation)));
            var signature = new ConvertedFunction(document.Id, declaration, symbol.Name, hasBody: true, returnsEnumerable: true, tokenName, addsToken, addsAttribute, new List<AwaitRewrite>())
            {
                NewName = await NewNameAsync(document, declaration, symbol, model).ConfigureAwait(false),
            };

            var yields = new List<(YieldStatementSyntax, CancellationTokenArgument?)>();
            foreach (var yield in IteratorFacts.YieldStatements(IteratorFacts.GetBody(declaration)!).Where(y => y.IsKind(SyntaxKind.YieldReturnStatement)))
            {
                var token = tokenName is not null && model.GetOperation(yield.Expression!, _cancellationToken) is IInvocationOperation call
                    ? CancellationTokenArgument.For(call, tokenType)
                    : null;
                yields.Add((yield, token));
            }

            _producer = new TaskStreamProducer(signature, resultType, yields);
            _tokenType = tokenType;
            return true;
        }

        public override string? NewNameOf(FamilyMember member) => _producer?.Signature.NewName;

        public override async Task<ReferenceVerdict<TaskStreamConsumer>> SortAsync(MemberReference reference, FamilyMember target, CancellationToken cancellationToken)
        {
            if (reference.Name is not { } name)
            {
                return ReferenceVerdict<TaskStreamConsumer>.Blocks;
            }

            if (reference.IsNameOnly)
            {
                return ReferenceVerdict<TaskStreamConsumer>.Follows();
            }

            var signature = _producer!.Signature;
            return await ConsumerAsync(reference.Document, name, signature.AddsTokenParameter ? signature.TokenName : null, _tokenType!).ConfigureAwait(false) is { } consumer
                ? ReferenceVerdict<TaskStreamConsumer>.NeedsRewrite(consumer)
                : ReferenceVerdict<TaskStreamConsumer>.Blocks;
        }

        /// <summary>The call at <paramref name="name"/> as a loop that awaits each task once; null for any other use.</summary>
        private async Task<TaskStreamConsumer?> ConsumerAsync(Document document, SimpleNameSyntax name, string? addedTokenName, INamedTypeSymbol tokenType)
        {
            var callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : (ExpressionSyntax)name;
            if (callee.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != callee
                || await document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false) is not { } model
                || AsyncTypes.TryCreate(model.Compilation) is not { } types
                || model.GetOperation(invocation, _cancellationToken) is not IInvocationOperation call
                || AwaitedTaskLoop.Match(call, types) is not { } loop
                || ((CSharpParseOptions)invocation.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp8)
            {
                return null;
            }

            // A loop that awaits in a function that is not async is half-typed code (the async modifier cut off while the
            // signature is typed): an await foreach there would trade its error for another, so the plan is blocked.
            if (model.GetEnclosingSymbol(loop.Syntax.SpanStart, _cancellationToken) is IMethodSymbol { IsAsync: false })
            {
                return null;
            }

            var use = loop.Use;
            if (use == AwaitedTaskUse.Declaration && ResultIsWrittenLater(loop, model))
            {
                use = AwaitedTaskUse.InPlace; // a foreach variable is read-only: keep the local, initialised from the loop variable
            }

            ArgumentSyntax? tokenArgument = null;
            if (addedTokenName is not null
                && model.GetEnclosingSymbol(loop.Syntax.SpanStart, _cancellationToken) is IMethodSymbol enclosing
                && enclosing.Parameters.Where(p => SymbolEqualityComparer.Default.Equals(p.Type, tokenType)).ToList() is { Count: 1 } own)
            {
                tokenArgument = SyntaxFactory.Argument(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(addedTokenName)), default, SyntaxFactory.IdentifierName(own[0].Name));
            }

            var configureAwait = loop.ConfigureAwait?.Value.Syntax as ExpressionSyntax;
            var needsImport = configureAwait is not null
                && model.LookupNamespacesAndTypes(loop.Syntax.SpanStart, name: "TaskAsyncEnumerableExtensions").IsEmpty;
            return new TaskStreamConsumer(document.Id, loop.Syntax, invocation, (AwaitExpressionSyntax)loop.Await.Syntax, configureAwait, use, tokenArgument, needsImport);
        }

        private bool ResultIsWrittenLater(AwaitedTaskLoop loop, SemanticModel model)
        {
            var block = (BlockSyntax)loop.Syntax.Statement;
            var local = model.GetDeclaredSymbol(((LocalDeclarationStatementSyntax)block.Statements[0]).Declaration.Variables[0], _cancellationToken);
            if (block.Statements.Count < 2 || local is null)
            {
                return false;
            }

            var flow = model.AnalyzeDataFlow(block.Statements[1], block.Statements[block.Statements.Count - 1]);
            return flow is null || !flow.Succeeded || flow.WrittenInside.Contains(local, SymbolEqualityComparer.Default);
        }

        /// <summary>The <c>T</c> of <c>IEnumerable&lt;Task&lt;T&gt;&gt;</c> as written; null for spellings the signature rewrite does not know (aliases).</summary>
        private static TypeSyntax? ResultTypeSyntax(SyntaxNode declaration)
        {
            var returnType = declaration switch
            {
                MethodDeclarationSyntax method => method.ReturnType,
                LocalFunctionStatementSyntax local => local.ReturnType,
                _ => null,
            };
            if (returnType is null || !AsyncSignature.CanRewriteReturnType(returnType) || SequenceTypeArguments(returnType) is not { Arguments.Count: 1 } arguments)
            {
                return null;
            }

            var element = arguments.Arguments[0];
            var task = element switch
            {
                GenericNameSyntax generic => generic,
                QualifiedNameSyntax { Right: GenericNameSyntax generic } => generic,
                AliasQualifiedNameSyntax { Name: GenericNameSyntax generic } => generic,
                _ => null,
            };
            return task is { TypeArgumentList.Arguments.Count: 1 } ? task.TypeArgumentList.Arguments[0] : null;
        }

        public static TypeArgumentListSyntax? SequenceTypeArguments(TypeSyntax returnType) => returnType switch
        {
            GenericNameSyntax generic => generic.TypeArgumentList,
            QualifiedNameSyntax { Right: GenericNameSyntax generic } => generic.TypeArgumentList,
            AliasQualifiedNameSyntax { Name: GenericNameSyntax generic } => generic.TypeArgumentList,
            _ => null,
        };

        /// <summary>The name with the <c>Async</c> suffix when the option asks for it and nothing of that name exists; null to keep it.</summary>
        private async Task<string?> NewNameAsync(Document document, SyntaxNode declaration, IMethodSymbol symbol, SemanticModel model)
        {
            var newName = AsyncNaming.WithSuffix(symbol.Name);
            if (newName == symbol.Name)
            {
                return null;
            }

            var compilation = await document.Project.GetCompilationAsync(_cancellationToken).ConfigureAwait(false);
            if (compilation is null || !AsyncNaming.WantsSuffix(document.Project, declaration.SyntaxTree, compilation, _cancellationToken))
            {
                return null;
            }

            var taken = symbol.MethodKind == MethodKind.LocalFunction
                ? !model.LookupSymbols(declaration.SpanStart, name: newName).IsEmpty
                : !symbol.ContainingType.GetMembers(newName).IsEmpty;
            return taken ? null : newName;
        }

    }
}
