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
using YieldAwait.Analyzers.Rules;
using YieldAwait.CodeFixes.Editing;
using YieldAwait.CodeFixes.FixAll;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA5002 "Remove the copy": <c>foreach (var x in q.ToList())</c> → <c>foreach (var x in q)</c>, <c>q.ToArray().Any(p)</c> →
    /// <c>q.Any(p)</c>, and <c>q.ToList().Count</c> → <c>q.Count()</c> (or <c>q.Count</c>/<c>q.Length</c> where the source is
    /// already a collection or an array). Offered only when the document has no more compiler errors after it than before.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA5002MaterialisationConsumedAtOnceCodeFix)), Shared]
    public sealed class YA5002MaterialisationConsumedAtOnceCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA5002.RemoveMaterialisation";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.MaterialisationConsumedAtOnce);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            (context, document, diagnostics) => FixAllInDocumentAsync(document, diagnostics, context.CancellationToken));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root is null || Materialiser(root, diagnostic) is not { } materialiser)
                {
                    continue;
                }

                var fixedDocument = await TryRewriteAsync(context.Document, new[] { (materialiser, Kind(diagnostic)) }, context.CancellationToken).ConfigureAwait(false);
                if (fixedDocument is not null)
                {
                    var name = ((MemberAccessExpressionSyntax)materialiser.Expression).Name.Identifier.ValueText;
                    context.RegisterCodeFix(CodeAction.Create($"Remove '{name}()' and read the sequence directly", _ => Task.FromResult(fixedDocument), EquivalenceKey), diagnostic);
                }
            }
        }

        /// <summary>All at once when that compiles (nested copies included); otherwise one at a time, each checked on its own.</summary>
        private static async Task<Document?> FixAllInDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                return document;
            }

            var targets = new List<(InvocationExpressionSyntax, YA5002Consumer?)>();
            foreach (var diagnostic in diagnostics)
            {
                if (Materialiser(root, diagnostic) is { } materialiser && !targets.Any(t => t.Item1 == materialiser))
                {
                    targets.Add((materialiser, Kind(diagnostic)));
                }
            }

            if (targets.Count == 0)
            {
                return document;
            }

            if (await TryRewriteAsync(document, targets, cancellationToken).ConfigureAwait(false) is { } all)
            {
                return all;
            }

            return await SequentialFixAll.ApplyInTurnAsync(
                document,
                root,
                targets.Select(t => ((SyntaxNode)t.Item1, t.Item2)).ToList(),
                (current, node, kind, ct) => node is InvocationExpressionSyntax target ? TryRewriteAsync(current, new[] { (target, kind) }, ct) : Task.FromResult<Document?>(null),
                cancellationToken).ConfigureAwait(false);
        }

        private static YA5002Consumer? Kind(Diagnostic diagnostic) =>
            YA5002FixProperties.TryRead(diagnostic, out var properties) ? properties.Consumer : null;

        private static InvocationExpressionSyntax? Materialiser(SyntaxNode root, Diagnostic diagnostic) =>
            DiagnosticTargets.ReportedNode(root, diagnostic)?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToList" or "ToArray" } && i.ArgumentList.Arguments.Count == 0);

        private static async Task<Document?> TryRewriteAsync(Document document, IReadOnlyList<(InvocationExpressionSyntax Materialiser, YA5002Consumer? Kind)> targets, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || root is null)
            {
                return null;
            }

            var edits = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var (materialiser, kind) in targets)
            {
                if (Edit(model, materialiser, kind, cancellationToken) is not var (oldNode, newNode) || edits.ContainsKey(oldNode))
                {
                    return null;
                }

                edits.Add(oldNode, newNode);
            }

            // Nested targets: the outer replacement is rebuilt around the already rewritten inner one.
            var newRoot = root.ReplaceNodes(edits.Keys, (original, rewritten) => original == rewritten ? edits[original] : Rebuild(edits[original], original, rewritten));
            var fixedDocument = document.WithSyntaxRoot(newRoot);
            return await AddsNoErrorAsync(model, fixedDocument, cancellationToken).ConfigureAwait(false) ? fixedDocument : null;
        }

        /// <summary>An edit whose inner part changed (a copy nested in another's source): redo it on the rewritten node.</summary>
        private static SyntaxNode Rebuild(SyntaxNode planned, SyntaxNode original, SyntaxNode rewritten)
        {
            switch (rewritten)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }:
                    return WithoutCall(access.Expression, rewritten);
                case MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } }:
                    return planned switch
                    {
                        MemberAccessExpressionSyntax property => property.WithExpression(inner.Expression),
                        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax count } call => call.WithExpression(count.WithExpression(inner.Expression)),
                        _ => planned,
                    };
                default:
                    return planned;
            }
        }

        /// <summary>
        /// The source in place of <c>source.ToList()</c>: the line break that led to the removed call goes, the copy's own
        /// trailing trivia (a comment after it) stays.
        /// </summary>
        private static ExpressionSyntax WithoutCall(ExpressionSyntax source, SyntaxNode call)
        {
            var trailing = source.GetTrailingTrivia().ToList();
            while (trailing.Count > 0 && trailing[trailing.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) || trailing.Count > 0 && trailing[trailing.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                trailing.RemoveAt(trailing.Count - 1);
            }

            return source.WithTrailingTrivia(trailing.Concat(call.GetTrailingTrivia()));
        }

        private static (SyntaxNode Old, SyntaxNode New)? Edit(SemanticModel model, InvocationExpressionSyntax materialiser, YA5002Consumer? kind, CancellationToken cancellationToken)
        {
            if (materialiser.Expression is not MemberAccessExpressionSyntax access)
            {
                return null;
            }

            var source = access.Expression;
            if (kind != YA5002Consumer.Count)
            {
                // The copy's trailing trivia (a comment after it, the line break before the next call) stays in place.
                return (materialiser, WithoutCall(source, materialiser));
            }

            if (materialiser.Parent is not MemberAccessExpressionSyntax countAccess || countAccess.Expression != materialiser)
            {
                return null;
            }

            var sourceType = model.GetTypeInfo(source, cancellationToken).Type;
            var property = sourceType switch
            {
                IArrayTypeSymbol { Rank: 1 } => "Length",
                not null when HasCollectionCount(sourceType) => "Count",
                _ => null,
            };

            SyntaxNode replacement = property is not null
                ? countAccess.WithExpression(source).WithName(SyntaxFactory.IdentifierName(property).WithTriviaFrom(countAccess.Name))
                : SyntaxFactory.InvocationExpression(
                    countAccess.WithExpression(source).WithName(SyntaxFactory.IdentifierName("Count").WithTriviaFrom(countAccess.Name)),
                    SyntaxFactory.ArgumentList());
            return (countAccess, replacement.WithTriviaFrom(countAccess));
        }

        /// <summary>A collection with its own <c>Count</c> property (a list, a set, a dictionary): no need for the operator.</summary>
        private static bool HasCollectionCount(ITypeSymbol type) =>
            type.TypeKind is TypeKind.Class or TypeKind.Struct
            && type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_ICollection_T
                || i.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IReadOnlyCollection<T>")
            && type.GetMembers("Count").OfType<IPropertySymbol>().Any(p => p.DeclaredAccessibility == Accessibility.Public && !p.IsStatic && p.Type.SpecialType == SpecialType.System_Int32)
                || (type.BaseType is { } baseType && baseType.SpecialType != SpecialType.System_Object && HasCollectionCount(baseType));

        private static async Task<bool> AddsNoErrorAsync(SemanticModel before, Document after, CancellationToken cancellationToken)
        {
            var model = await after.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return model is not null && Errors(model, cancellationToken) <= Errors(before, cancellationToken);
        }

        private static int Errors(SemanticModel model, CancellationToken cancellationToken) =>
            model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
    }
}
