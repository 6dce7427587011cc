using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.Analyzers;
using YieldAwait.Analyzers.FixProperties;
using YieldAwait.CodeFixes.Editing;
using YieldAwait.CodeFixes.FixAll;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA2001's two fixes for <c>ToList()</c>/<c>ToArray()</c> on an infinite sequence.
    /// <b>Bound before materialising</b>: <c>inf.ToList().Take(n)</c> → <c>inf.Take(n).ToList()</c> (also <c>TakeWhile</c>),
    /// <c>inf.ToArray().First(p)</c> → <c>inf.First(p)</c> (also <c>FirstOrDefault</c>, <c>Any</c>, <c>ElementAt</c>…),
    /// <c>inf.ToList()[i]</c> → <c>inf.ElementAt(i)</c>.
    /// <b>Keep it lazy</b>: <c>var xs = inf.ToList();</c> → <c>var xs = inf;</c> when every use of <c>xs</c> is an enumeration
    /// (<c>foreach</c>, <c>Take</c>, <c>First</c>…). Each rewrite is compiled before it is offered: one that would add an error
    /// (a <c>var</c> whose new type no longer fits a later assignment, say) is not offered.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA2001InfiniteSequenceMaterialisedCodeFix)), Shared]
    public sealed class YA2001InfiniteSequenceMaterialisedCodeFix : CodeFixProvider
    {
        public const string BoundEquivalenceKey = "YA2001.BoundBeforeMaterialising";
        public const string LazyEquivalenceKey = "YA2001.KeepItLazy";

        private const string BoundTitle = "Bound before materialising";
        private const string LazyTitle = "Keep it lazy";

        /// <summary>Operators that end on an infinite sequence; after <c>ToList()</c> they can take the sequence itself.</summary>
        private static readonly ImmutableHashSet<string> Terminating = ImmutableHashSet.Create("First", "FirstOrDefault", "Any", "ElementAt", "ElementAtOrDefault");

        /// <summary>Operators that bound a sequence and return one; they move before the materialisation.</summary>
        private static readonly ImmutableHashSet<string> Bounding = ImmutableHashSet.Create("Take", "TakeWhile");

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.InfiniteSequenceMaterialised);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            (context, document, diagnostics) => FixAllInDocumentAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root is null || Materialiser(root, diagnostic) is not { } materialiser)
                {
                    continue;
                }

                foreach (var key in new[] { BoundEquivalenceKey, LazyEquivalenceKey })
                {
                    var fixedDocument = await TryRewriteAsync(context.Document, materialiser, key, context.CancellationToken).ConfigureAwait(false);
                    if (fixedDocument is not null)
                    {
                        var title = key == BoundEquivalenceKey ? BoundTitle : LazyTitle;
                        context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(fixedDocument), key), diagnostic);
                    }
                }
            }
        }

        /// <summary>One fix after another, each planned and compiled on the document the previous ones produced.</summary>
        private static async Task<Document?> FixAllInDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
        {
            if (equivalenceKey is not (BoundEquivalenceKey or LazyEquivalenceKey)
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                return document;
            }

            var targets = new List<(SyntaxNode, string)>();
            foreach (var diagnostic in diagnostics)
            {
                if (Materialiser(root, diagnostic) is { } materialiser && !targets.Any(t => t.Item1 == materialiser))
                {
                    targets.Add((materialiser, equivalenceKey));
                }
            }

            return await SequentialFixAll.ApplyInTurnAsync(
                document,
                root,
                targets,
                (current, node, key, ct) => node is InvocationExpressionSyntax materialiser ? TryRewriteAsync(current, materialiser, key, ct) : Task.FromResult<Document?>(null),
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The reported <c>ToList()</c> or <c>ToArray()</c> call; the analyzer names the operator, so other materialisers are passed over unparsed.</summary>
        private static InvocationExpressionSyntax? Materialiser(SyntaxNode root, Diagnostic diagnostic) =>
            YA2001FixProperties.TryRead(diagnostic, out var properties) && properties.Operator is "ToList" or "ToArray"
                ? DiagnosticTargets.ReportedNode(root, diagnostic)?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault()
                : null;

        private static async Task<Document?> TryRewriteAsync(Document document, InvocationExpressionSyntax materialiser, string equivalenceKey, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || root is null
                || materialiser.Expression is not MemberAccessExpressionSyntax access
                || materialiser.ArgumentList.Arguments.Count != 0
                || !IsLinqMethod(model.GetSymbolInfo(materialiser, cancellationToken).Symbol, out var materialiserMethod)
                || materialiserMethod.Name is not ("ToList" or "ToArray"))
            {
                return null;
            }

            var edit = equivalenceKey == BoundEquivalenceKey
                ? BoundBeforeMaterialising(model, materialiser, access, cancellationToken)
                : KeepItLazy(model, materialiser, access, cancellationToken);
            if (edit is not var (oldNode, newNode))
            {
                return null;
            }

            var fixedDocument = document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode));
            return await AddsNoErrorAsync(model, fixedDocument, cancellationToken).ConfigureAwait(false) ? fixedDocument : null;
        }

        private static (SyntaxNode Old, SyntaxNode New)? BoundBeforeMaterialising(SemanticModel model, InvocationExpressionSyntax materialiser, MemberAccessExpressionSyntax access, CancellationToken cancellationToken)
        {
            switch (materialiser.Parent)
            {
                case MemberAccessExpressionSyntax outerAccess when outerAccess.Expression == materialiser
                    && outerAccess.Parent is InvocationExpressionSyntax outer && outer.Expression == outerAccess
                    && IsLinqMethod(model.GetSymbolInfo(outer, cancellationToken).Symbol, out var outerMethod):

                    if (Bounding.Contains(outerMethod.Name) && TakesIntOrDelegate(outerMethod))
                    {
                        // inf.ToList().Take(n) → inf.Take(n).ToList(): the names and argument lists swap places, so the layout stays.
                        // Each position keeps its own trivia (the line break after the first call stays there).
                        var bounded = materialiser
                            .WithExpression(access.WithName(outerAccess.Name.WithTriviaFrom(access.Name)))
                            .WithArgumentList(outer.ArgumentList.WithTriviaFrom(materialiser.ArgumentList));
                        return (outer, outer
                            .WithExpression(outerAccess.WithExpression(bounded).WithName(access.Name.WithTriviaFrom(outerAccess.Name)))
                            .WithArgumentList(materialiser.ArgumentList.WithTriviaFrom(outer.ArgumentList)));
                    }

                    if (Terminating.Contains(outerMethod.Name) && TakesIntOrDelegate(outerMethod))
                    {
                        // inf.ToArray().First(p) → inf.First(p).
                        return (outer, outer.WithExpression(outerAccess.WithExpression(access.Expression)));
                    }

                    return null;

                case ElementAccessExpressionSyntax element when element.Expression == materialiser
                    && element.ArgumentList.Arguments.Count == 1
                    && element.ArgumentList.Arguments[0] is { RefKindKeyword.RawKind: 0 } index
                    && model.GetTypeInfo(index.Expression, cancellationToken).ConvertedType?.SpecialType == SpecialType.System_Int32
                    && !IsWritten(element):
                    // inf.ToList()[i] → inf.ElementAt(i).
                    var elementAt = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, access.Expression, access.OperatorToken, SyntaxFactory.IdentifierName("ElementAt")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(index.WithoutTrivia())));
                    return (element, elementAt.WithTriviaFrom(element));

                default:
                    return null;
            }
        }

        private static (SyntaxNode Old, SyntaxNode New)? KeepItLazy(SemanticModel model, InvocationExpressionSyntax materialiser, MemberAccessExpressionSyntax access, CancellationToken cancellationToken)
        {
            if (materialiser.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent is not VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax statement } declaration
                || statement.UsingKeyword != default
                || statement.IsConst
                || declaration.Type is RefTypeSyntax
                || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local)
            {
                return null;
            }

            var sequence = access.Expression;
            if (!declaration.Type.IsVar)
            {
                var conversion = model.ClassifyConversion(sequence, local.Type);
                if (!conversion.IsImplicit || !(conversion.IsIdentity || conversion.IsReference))
                {
                    return null;
                }
            }

            var scope = statement.Parent is GlobalStatementSyntax global ? global.Parent : statement.Parent;
            if (scope is null)
            {
                return null;
            }

            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local)
                    && !IsEnumeration(model, identifier, cancellationToken))
                {
                    return null;
                }
            }

            return (materialiser, sequence.WithTrailingTrivia(materialiser.GetTrailingTrivia()));
        }

        /// <summary><c>foreach (var x in xs)</c>, or <c>xs.Take(n)</c>, <c>xs.First(p)</c>… : uses that work the same on the lazy sequence and end.</summary>
        private static bool IsEnumeration(SemanticModel model, IdentifierNameSyntax identifier, CancellationToken cancellationToken)
        {
            switch (identifier.Parent)
            {
                case CommonForEachStatementSyntax loop when loop.Expression == identifier:
                    return loop.AwaitKeyword == default;

                case MemberAccessExpressionSyntax access when access.Expression == identifier
                    && access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access:
                    return IsLinqMethod(model.GetSymbolInfo(invocation, cancellationToken).Symbol, out var method)
                        && (Bounding.Contains(method.Name) || Terminating.Contains(method.Name))
                        && TakesIntOrDelegate(method);

                default:
                    return false;
            }
        }

        /// <summary>Take(int) and ElementAt(int), not the Range/Index overloads that need the end; predicates for the others.</summary>
        private static bool TakesIntOrDelegate(IMethodSymbol method)
        {
            var parameters = (method.ReducedFrom ?? method).Parameters;
            return parameters.Length == 1
                || parameters.Skip(1).All(p => p.Type.SpecialType == SpecialType.System_Int32 || p.Type.TypeKind is TypeKind.Delegate or TypeKind.TypeParameter);
        }

        private static bool IsLinqMethod(ISymbol? symbol, out IMethodSymbol method)
        {
            method = null!;
            if (symbol is not IMethodSymbol candidate)
            {
                return false;
            }

            var definition = candidate.ReducedFrom ?? candidate;
            if (definition.ContainingType is not { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
            {
                return false;
            }

            method = candidate;
            return true;
        }

        private static bool IsWritten(ExpressionSyntax expression) => expression.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == expression,
            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
            RefExpressionSyntax => true,
            ArgumentSyntax argument => argument.RefKindKeyword != default,
            _ => false,
        };

        /// <summary>The rewrite is offered only if the document has no more compiler errors after it than before.</summary>
        private static async Task<bool> AddsNoErrorAsync(SemanticModel before, Document after, CancellationToken cancellationToken)
        {
            var model = await after.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return model is not null && Errors(model, cancellationToken) <= Errors(before, cancellationToken);
        }

        private static int Errors(SemanticModel model, CancellationToken cancellationToken) =>
            model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
    }
}
