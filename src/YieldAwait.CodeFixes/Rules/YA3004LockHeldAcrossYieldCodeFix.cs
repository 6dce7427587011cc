using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using YieldAwait.Analyzers;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.FixProperties;
using YieldAwait.Analyzers.Rules;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA3004 "Yield from a snapshot": <c>lock (g) { foreach (var x in xs) yield return x; }</c> becomes
    /// <c>List&lt;T&gt; snapshot; lock (g) { snapshot = new List&lt;T&gt;(xs); } foreach (var x in snapshot) yield return x;</c>.
    /// <c>new List&lt;T&gt;(…)</c> rather than <c>ToArray()</c>, because it needs no <c>System.Linq</c> import.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA3004LockHeldAcrossYieldCodeFix)), Shared]
    public sealed class YA3004LockHeldAcrossYieldCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA3004.YieldFromSnapshot";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.LockHeldAcrossYield);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) => await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Plan(root, model, diagnostic, context.CancellationToken) is null)
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create("Yield from a snapshot", cancellationToken => ApplyAsync(document, new[] { diagnostic }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }

        private sealed class Target
        {
            public Target(LockStatementSyntax lockStatement, ForEachStatementSyntax forEach, ITypeSymbol elementType, SyntaxNode function)
            {
                LockStatement = lockStatement;
                ForEach = forEach;
                ElementType = elementType;
                Function = function;
            }

            public LockStatementSyntax LockStatement { get; }

            public ForEachStatementSyntax ForEach { get; }

            public ITypeSymbol ElementType { get; }

            public SyntaxNode Function { get; }
        }

        /// <summary>The lock to rewrite, or null when the diagnostic is not the snapshot shape or the copy would not compile.</summary>
        private static Target? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!YA3004FixProperties.TryRead(diagnostic, out var properties) || !properties.SnapshotShape
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                || node.FirstAncestorOrSelf<ForEachStatementSyntax>() is not { } forEach
                || forEach.FirstAncestorOrSelf<LockStatementSyntax>() is not { } lockStatement
                || lockStatement.Parent is not BlockSyntax
                || model.GetForEachStatementInfo(forEach).ElementType is not { } elementType
                || elementType.TypeKind == TypeKind.Error
                || elementType.IsAnonymousType
                || elementType.IsRefLikeType
                || model.GetTypeInfo(forEach.Expression, cancellationToken).Type is not { } collectionType
                || model.Compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T) is not { TypeKind: not TypeKind.Error } enumerable
                || model.Compilation.GetBestTypeByMetadataName("System.Collections.Generic.List`1") is null)
            {
                return null;
            }

            // new List<T>(xs) needs xs to be an IEnumerable<T> of exactly the loop's element type.
            var enumerableOfElement = enumerable.Construct(elementType);
            var conversion = model.Compilation.ClassifyConversion(collectionType, enumerableOfElement);
            if (!conversion.IsImplicit)
            {
                return null;
            }

            var function = lockStatement.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax);
            return function is null ? null : new Target(lockStatement, forEach, elementType, function);
        }

        private static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var targets = diagnostics
                .Select(diagnostic => Plan(root, model, diagnostic, cancellationToken))
                .OfType<Target>()
                .GroupBy(target => target.LockStatement)
                .Select(group => group.First())
                .ToList();
            if (targets.Count == 0)
            {
                return document;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var generator = editor.Generator;
            var usedNames = new Dictionary<SyntaxNode, HashSet<string>>();
            foreach (var target in targets)
            {
                if (!usedNames.TryGetValue(target.Function, out var names))
                {
                    names = new HashSet<string>(
                        target.Function.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText),
                        System.StringComparer.Ordinal);
                    usedNames.Add(target.Function, names);
                }

                var name = UniqueName("snapshot", names, model, target.LockStatement.SpanStart);
                names.Add(name);

                var listType = model.Compilation.GetBestTypeByMetadataName("System.Collections.Generic.List`1")!.Construct(target.ElementType);
                var listTypeSyntax = ((TypeSyntax)generator.TypeExpression(listType)).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

                var declaration = SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(listTypeSyntax, SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(name))))
                    .WithLeadingTrivia(target.LockStatement.GetLeadingTrivia())
                    .WithAdditionalAnnotations(Formatter.Annotation);

                var copy = SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression,
                        SyntaxFactory.IdentifierName(name),
                        (ExpressionSyntax)generator.ObjectCreationExpression(listTypeSyntax, target.ForEach.Expression.WithoutTrivia())));
                var lockBody = target.LockStatement.Statement is BlockSyntax block
                    ? block.WithStatements(SyntaxFactory.SingletonList<StatementSyntax>(copy))
                    : SyntaxFactory.Block(copy);
                var newLock = target.LockStatement
                    .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                    .WithStatement(lockBody)
                    .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
                    .WithAdditionalAnnotations(Formatter.Annotation);

                var newForEach = target.ForEach
                    .WithExpression(SyntaxFactory.IdentifierName(name).WithTriviaFrom(target.ForEach.Expression))
                    .WithLeadingTrivia(target.ForEach.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia)))
                    .WithTrailingTrivia(target.LockStatement.GetTrailingTrivia())
                    .WithAdditionalAnnotations(Formatter.Annotation);

                editor.InsertBefore(target.LockStatement, declaration);
                editor.InsertAfter(target.LockStatement, newForEach);
                editor.ReplaceNode(target.LockStatement, newLock);
            }

            return await DocumentCleanup.RunAsync(editor.GetChangedDocument(), document, cancellationToken).ConfigureAwait(false);
        }

        private static string UniqueName(string baseName, HashSet<string> taken, SemanticModel model, int position)
        {
            var name = baseName;
            for (var i = 2; taken.Contains(name) || !model.LookupSymbols(position, name: name).IsEmpty; i++)
            {
                name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }
    }
}
