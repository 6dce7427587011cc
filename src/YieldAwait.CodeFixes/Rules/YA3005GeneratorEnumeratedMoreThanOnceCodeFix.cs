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
using Microsoft.CodeAnalysis.Formatting;
using YieldAwait.Analyzers;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rules
{
    /// <summary>
    /// YA3005 "Materialise once": <c>var xs = Gen();</c> becomes <c>var xs = Gen().ToList();</c>, adding
    /// <c>using System.Linq;</c> where needed. A <c>var</c> local used through a member that <c>List&lt;T&gt;</c> also has
    /// (<c>xs.Reverse()</c> would bind to <c>List&lt;T&gt;.Reverse</c>) keeps its type, spelled out.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(YA3005GeneratorEnumeratedMoreThanOnceCodeFix)), Shared]
    public sealed class YA3005GeneratorEnumeratedMoreThanOnceCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "YA3005.MaterialiseOnce";

        private static readonly ImmutableHashSet<string> HarmlessListMethods = ImmutableHashSet.Create(
            "Contains", "ToArray", "GetEnumerator", "Equals", "GetHashCode", "ToString", "GetType");

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.GeneratorEnumeratedMoreThanOnce);

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
                if (Declarator(root, model, diagnostic) is null)
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create("Materialise once with ToList()", cancellationToken => ApplyAsync(document, new[] { diagnostic }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }

        private static VariableDeclaratorSyntax? Declarator(SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count == 0
                || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree
                || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan) is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
                || declarator.Parent is not VariableDeclarationSyntax
                || model.GetDeclaredSymbol(declarator) is not ILocalSymbol { Type.TypeKind: not TypeKind.Error }
                || model.GetTypeInfo(value).Type is not { TypeKind: not TypeKind.Error } valueType
                || !IsSequence(valueType)
                || model.Compilation.GetBestTypeByMetadataName("System.Linq.Enumerable") is null)
            {
                return null;
            }

            return declarator;
        }

        /// <summary>
        /// An <c>IEnumerable&lt;T&gt;</c>, which <c>ToList()</c> materialises. An async stream is left alone: its copy would be a
        /// list that <c>await foreach</c> cannot enumerate, so every use would have to change too.
        /// </summary>
        private static bool IsSequence(ITypeSymbol type) =>
            type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
            || type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);

        private static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is not CompilationUnitSyntax unit || model is null)
            {
                return document;
            }

            var declarators = diagnostics
                .Select(diagnostic => Declarator(root, model, diagnostic))
                .OfType<VariableDeclaratorSyntax>()
                .Distinct()
                .ToList();
            if (declarators.Count == 0)
            {
                return document;
            }

            var needsLinq = false;
            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var declarator in declarators)
            {
                var value = declarator.Initializer!.Value;
                var materialised = ToListMaterialisation.Materialise(value);
                needsLinq |= ToListMaterialisation.NeedsLinqImport(model, value, materialised);

                var declaration = (VariableDeclarationSyntax)declarator.Parent!;
                var local = (ILocalSymbol)model.GetDeclaredSymbol(declarator, cancellationToken)!;
                if (declaration.Type.IsVar && UsesListMember(local, declaration.Parent!, model, cancellationToken))
                {
                    var type = SyntaxFactory.ParseTypeName(local.Type.ToMinimalDisplayString(model, declaration.SpanStart))
                        .WithTriviaFrom(declaration.Type);
                    replacements[declaration.Type] = type;
                }

                replacements[value] = materialised;
            }

            var newRoot = (CompilationUnitSyntax)unit.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            if (needsLinq)
            {
                newRoot = ToListMaterialisation.EnsureLinqImport(newRoot);
            }

            return await Formatter.FormatAsync(document.WithSyntaxRoot(newRoot), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>True when the local is the receiver of a member that <c>List&lt;T&gt;</c> declares (so <c>var</c> would rebind it).</summary>
        private static bool UsesListMember(ILocalSymbol local, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
        {
            // List<T>'s instance methods win over extension methods of the same name; those that agree with LINQ are harmless.
            var listMethods = model.Compilation.GetBestTypeByMetadataName("System.Collections.Generic.List`1")?.GetMembers()
                .OfType<IMethodSymbol>()
                .Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic && !HarmlessListMethods.Contains(m.Name))
                .Select(m => m.Name)
                .ToImmutableHashSet()
                ?? ImmutableHashSet<string>.Empty;
            var block = scope.FirstAncestorOrSelf<BlockSyntax>() ?? scope;
            return block.DescendantNodes()
                .OfType<MemberAccessExpressionSyntax>()
                .Where(access => access.Expression is IdentifierNameSyntax identifier
                    && identifier.Identifier.ValueText == local.Name
                    && listMethods.Contains(access.Name.Identifier.ValueText))
                .Any(access => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression, cancellationToken).Symbol, local));
        }
    }
}
