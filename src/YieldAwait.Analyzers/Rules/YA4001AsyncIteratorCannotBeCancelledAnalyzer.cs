using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.Cancellation;
using YieldAwait.Analyzers.Finiteness;
using YieldAwait.Analyzers.FixProperties;
using YieldAwait.Analyzers.Options;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA4001: an async iterator that awaits, with no <c>[EnumeratorCancellation]</c> token (for <c>IAsyncEnumerator&lt;T&gt;</c>, no
    /// token at all). The token a consumer passes to <c>WithCancellation</c> goes to <c>GetAsyncEnumerator</c>; without the
    /// attribute the compiler-generated enumerator drops it, and the awaits inside run to completion.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA4001AsyncIteratorCannotBeCancelledAnalyzer : DiagnosticAnalyzer
    {
        private const string NeverReachesAwaits = "it takes no CancellationToken, so a consumer's token never reaches the awaits inside it";

        private const string NeverStops = "it never ends and takes no CancellationToken, so a consumer that cancels it with WithCancellation(token) waits forever; only a token checked in its loop could stop it";

        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.AsyncIteratorCannotBeCancelled,
            title: "Async iterator cannot be cancelled",
            messageFormat: "'{0}' cannot be cancelled: {1}",
            DiagnosticCategories.AsyncStreams,
            DiagnosticSeverity.Warning,
            description: "A consumer cancels an async stream with WithCancellation(token) or by passing a token to the producer. The token "
                + "reaches an async iterator's body only through a CancellationToken parameter marked [EnumeratorCancellation]; without "
                + "one, the awaits inside keep running after the consumer has given up.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (CancellationTypes.TryCreate(start.Compilation) is not { EnumeratorCancellationAttribute: not null } types)
                {
                    return;
                }

                // Every report is about an async iterator of the compilation, or a base member one of them implements.
                var index = SourceIndex.For(start.Compilation);
                if (!index.AnyIteratorDeclaration(IsAsyncFunction, start.CancellationToken))
                {
                    return;
                }

                // Resolved only when some async iterator without a token awaits something.
                var inMemory = new Lazy<AsyncCounterpartExclusions>(() => new AsyncCounterpartExclusions(start.Compilation));
                // Only members that are or hold an iterator get the per-body callbacks.
                GatedRegistration.ForMembers(start, index.OverlapsIterator, block =>
                {
                    block.RegisterOperationAction(
                        context =>
                        {
                            if (context.ContainingSymbol is IMethodSymbol { IsAsync: true } method
                                && context.Operation is IMethodBodyOperation { BlockBody: { } body })
                            {
                                Analyze(context, method, body, types, inMemory);
                            }
                        },
                        OperationKind.MethodBody);
                    block.RegisterOperationAction(
                        context =>
                        {
                            if (context.Operation is ILocalFunctionOperation { Symbol.IsAsync: true, Body: { } body } local)
                            {
                                Analyze(context, local.Symbol, body, types, inMemory);
                            }
                        },
                        OperationKind.LocalFunction);
                });

                // Found once per compilation, and only when some base member could need them.
                var compilation = start.Compilation;
                var implementations = new Lazy<ImmutableArray<IMethodSymbol>>(() => UncancellableImplementations(compilation, types));
                start.RegisterSymbolAction(context => AnalyzeBase(context, types, implementations), SymbolKind.Method);
            });
        }

        private static void Analyze(
            OperationAnalysisContext context,
            IMethodSymbol function,
            IBlockOperation body,
            CancellationTypes types,
            Lazy<AsyncCounterpartExclusions> inMemory)
        {
            var returnsEnumerable = types.IsAsyncEnumerable(function.ReturnType);
            if (!returnsEnumerable && !types.IsAsyncEnumerator(function.ReturnType))
            {
                return;
            }

            SourceIndex.For(context.Compilation).Passed(Rule.Id);

            // The symbol checks first: most async iterators have their token, and then no syntax is walked.
            var tokens = function.Parameters.Where(p => types.IsToken(p.Type)).ToList();
            if ((returnsEnumerable ? tokens.Any(types.HasEnumeratorCancellation) : tokens.Count > 0)
                || body.Syntax is not BlockSyntax block
                || block.Parent is not { } declaration
                || !IteratorFacts.ContainsYield(declaration))
            {
                return;
            }

            // A parameter whose type does not bind (half-typed code, a using lost to a syntax error) may be the token, and an
            // attribute that does not bind may be [EnumeratorCancellation]: the fix would add a second one, so nothing is said
            // until the signature binds.
            if ((tokens.Count == 0 && function.Parameters.Any(p => p.Type.TypeKind == TypeKind.Error))
                || tokens.Any(p => p.GetAttributes().Any(a => a.AttributeClass is null or { TypeKind: TypeKind.Error })))
            {
                return;
            }

            if (tokens.Count > 0)
            {
                // CS8425 territory: the token is there, but WithCancellation's token never reaches it.
                var token = tokens[0];
                var properties = new YA4001FixProperties(tokens.Count == 1 ? YA4001Shape.MarkToken : YA4001Shape.AmbiguousToken).Write();
                if (!ApiSurface.Includes(context.Options, declaration.SyntaxTree, function, DiagnosticIds.AsyncIteratorCannotBeCancelled))
                {
                    return;
                }

                // On the iterator's name, as every rule about a method; the parameter that lacks the attribute goes along.
                context.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    IdentifierLocation(declaration),
                    token.Locations.Where(l => l.IsInSource),
                    properties,
                    EnclosingFunction.DisplayName(function),
                    $"its CancellationToken parameter '{token.Name}' is not marked [EnumeratorCancellation], so a token given to WithCancellation never reaches it"));
                return;
            }

            // An iterator that never waits (only placeholder awaits) completes each MoveNextAsync at once, and its consumer can
            // stop between items; unless it never ends, when a consumer's WithCancellation(token) is the only way out it has.
            var waits = TokenSources.AwaitsSomething(block) && TokenSources.AwaitsOffThread(body, inMemory.Value);
            var endlessLoop = waits ? null : EndlessLoop(body, block, function);
            if ((!waits && endlessLoop is null)
                || TokenSources.ObservesOutsideToken(body, declaration, types)
                || !ApiSurface.Includes(context.Options, declaration.SyntaxTree, function, DiagnosticIds.AsyncIteratorCannotBeCancelled))
            {
                return;
            }

            if (function.MethodKind != MethodKind.LocalFunction && RootMembers(function).Count > 0)
            {
                // An override or implementation must keep its base's signature: the base is reported (AnalyzeBase), or, in metadata, nothing can be.
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                IdentifierLocation(declaration),
                new YA4001FixProperties(YA4001Shape.AddToken, endlessLoop?.SpanStart).Write(),
                EnclosingFunction.DisplayName(function),
                endlessLoop is null ? NeverReachesAwaits : NeverStops));
        }

        /// <summary>
        /// The loop that keeps an async iterator running forever (<c>while (true)</c>, <c>for (;;)</c> whose end is unreachable, and
        /// no reachable <c>yield break</c>), for a body whose awaits are all placeholders; null when the iterator can end.
        /// </summary>
        private static StatementSyntax? EndlessLoop(IBlockOperation body, BlockSyntax block, IMethodSymbol function)
        {
            if (body.SemanticModel is not { } model)
            {
                return null;
            }

            var shape = BodyShape.Of(block);
            if (!shape.MayLoopForever(model)
                || !IteratorTermination.Analyze(model, block, shape, function.Name, _ => default).IsInfinite)
            {
                return null;
            }

            // The outermost such loop: the fix checks the token once per turn of it.
            foreach (var node in block.DescendantNodes(n => !IteratorFacts.IsNestedFunction(n)))
            {
                var condition = node switch
                {
                    WhileStatementSyntax loop => loop.Condition,
                    DoStatementSyntax loop => loop.Condition,
                    ForStatementSyntax loop => loop.Condition,
                    _ => null,
                };
                if (node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax
                    && (condition is null || model.GetConstantValue(condition) is { HasValue: true, Value: true })
                    && EndIsUnreachable(model, (StatementSyntax)node))
                {
                    return (StatementSyntax)node;
                }
            }

            return null;
        }

        /// <summary>
        /// An interface, abstract or virtual (non-iterator) member with no token, implemented or overridden in this compilation by an
        /// async iterator that awaits: no implementation can get a token until the base signature has one. Reported on the base,
        /// once, however many implementations there are.
        /// </summary>
        private static bool IsAsyncFunction(SyntaxNode declaration) => declaration switch
        {
            MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
            LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
            _ => false,
        };

        private static void AnalyzeBase(SymbolAnalysisContext context, CancellationTypes types, Lazy<ImmutableArray<IMethodSymbol>> implementations)
        {
            var member = (IMethodSymbol)context.Symbol;
            var isBase = member.ContainingType.TypeKind == TypeKind.Interface
                ? !member.IsStatic && (member.IsAbstract || member.IsVirtual)
                : member.IsAbstract || (member.IsVirtual && !member.IsAsync);
            if (!isBase
                || member.IsOverride
                || (!types.IsAsyncEnumerable(member.ReturnType) && !types.IsAsyncEnumerator(member.ReturnType))
                || member.Parameters.Any(p => types.IsToken(p.Type))
                || member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not MethodDeclarationSyntax declaration
                || !implementations.Value.Any(implementation => RootMembers(implementation).Contains(member, SymbolEqualityComparer.Default))
                || !ApiSurface.Includes(context.Options, declaration.SyntaxTree, member, DiagnosticIds.AsyncIteratorCannotBeCancelled))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                declaration.Identifier.GetLocation(),
                new YA4001FixProperties(YA4001Shape.BaseSignature).Write(),
                EnclosingFunction.DisplayName(member),
                "it takes no CancellationToken, so the async iterators that implement it cannot be cancelled"));
        }

        /// <summary>The async iterators in source that override or implement a member, take no token and await something.</summary>
        private static ImmutableArray<IMethodSymbol> UncancellableImplementations(Compilation compilation, CancellationTypes types)
        {
            var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
            var index = SourceIndex.For(compilation);
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                var container = pending.Pop();
                foreach (var member in container.GetMembers())
                {
                    switch (member)
                    {
                        // Only a type whose source holds an iterator (nested types included) can declare one.
                        case INamedTypeSymbol type when !type.DeclaringSyntaxReferences.Any(reference => index.OverlapsIterator(reference.GetSyntax())):
                            break;
                        case INamespaceOrTypeSymbol nested:
                            pending.Push(nested);
                            break;
                        case IMethodSymbol { IsAsync: true } method
                            when (types.IsAsyncEnumerable(method.ReturnType) || types.IsAsyncEnumerator(method.ReturnType))
                                && !method.Parameters.Any(p => types.IsToken(p.Type))
                                && method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is MethodDeclarationSyntax { Body: { } body }
                                && TokenSources.AwaitsSomething(body)
                                && RootMembers(method).Count > 0:
                            found.Add(method);
                            break;
                    }
                }
            }

            return found.ToImmutable();
        }

        /// <summary>The members whose signature <paramref name="function"/> must keep: the first declaration it overrides, and the interface members it implements.</summary>
        private static List<IMethodSymbol> RootMembers(IMethodSymbol function)
        {
            var roots = new List<IMethodSymbol>();
            if (function.IsOverride)
            {
                var top = function;
                while (top.OverriddenMethod is { } overridden)
                {
                    top = overridden;
                }

                roots.Add(top.OriginalDefinition);
            }

            roots.AddRange(function.ExplicitInterfaceImplementations.Select(m => m.OriginalDefinition));
            var type = function.ContainingType;
            if (function.DeclaredAccessibility == Accessibility.Public && !function.IsStatic)
            {
                foreach (var candidate in type.AllInterfaces.SelectMany(i => i.GetMembers(function.Name)).OfType<IMethodSymbol>())
                {
                    if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), function))
                    {
                        roots.Add(candidate.OriginalDefinition);
                    }
                }
            }

            return roots;
        }

        private static bool EndIsUnreachable(SemanticModel model, StatementSyntax loop)
        {
            try
            {
                return model.AnalyzeControlFlow(loop) is { Succeeded: true, StartPointIsReachable: true, EndPointIsReachable: false };
            }
            catch (System.ArgumentException)
            {
                // A statement the compiler does not consider a region (code that does not parse): not known to be endless.
                return false;
            }
        }

        private static Location IdentifierLocation(SyntaxNode declaration) => declaration switch
        {
            MethodDeclarationSyntax method => method.Identifier.GetLocation(),
            LocalFunctionStatementSyntax local => local.Identifier.GetLocation(),
            _ => declaration.GetLocation(),
        };
    }
}
