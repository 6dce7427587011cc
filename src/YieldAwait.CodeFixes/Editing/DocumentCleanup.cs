using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.CodeFixes.Editing
{
    /// <summary>
    /// Finishes a changed document: shortens the <see cref="KnownNames"/> the rewrites introduced, adds their
    /// <c>using</c>s, and formats only the annotated nodes, so the user's own formatting is kept. Names are decided
    /// on <paramref name="original"/>'s semantic model (already built while planning); Roslyn's import adder and
    /// simplifier run only for nodes that ask for them, because they need the changed project compiled.
    /// </summary>
    internal static class DocumentCleanup
    {
        public static async Task<Document> RunAsync(Document changed, Document original, CancellationToken cancellationToken)
        {
            var root = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var originalRoot = await original.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is CompilationUnitSyntax unit && originalRoot is not null)
            {
                var names = KnownNames.In(unit);
                if (names.Count > 0)
                {
                    var model = await original.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                    unit = ShortenNames(unit, names, model!, PositionForLookup(originalRoot));
                    changed = changed.WithSyntaxRoot(unit);
                }
            }

            var changedRoot = (await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            if (changedRoot.GetAnnotatedNodes(Simplifier.AddImportsAnnotation).Any())
            {
                changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            if (changedRoot.GetAnnotatedNodes(Simplifier.Annotation).Any())
            {
                changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        private static CompilationUnitSyntax ShortenNames(
            CompilationUnitSyntax unit,
            ILookup<(string Namespace, string Name, string MetadataName), SyntaxNode> names,
            SemanticModel model,
            int position)
        {
            var shortened = new Dictionary<SyntaxNode, SyntaxNode>();
            var namespaces = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var group in names)
            {
                var (ns, name, metadataName) = group.Key;
                var target = model.Compilation.GetBestTypeByMetadataName(ns + "." + metadataName);
                var visible = model.LookupNamespacesAndTypes(position, name: name)
                    .Concat(name == metadataName ? Enumerable.Empty<ISymbol>() : model.LookupNamespacesAndTypes(position, name: metadataName))
                    .Where(s => s is not INamedTypeSymbol { Arity: > 0 }) // Task<T> does not compete with Task.
                    .ToList();
                var bindsToTarget = visible.Count > 0 && visible.All(s => SymbolEqualityComparer.Default.Equals(s, target));
                if (!bindsToTarget && visible.Count > 0)
                {
                    continue; // Something else has that name here: keep the qualified name.
                }

                if (!bindsToTarget)
                {
                    namespaces.Add(ns);
                }

                foreach (var node in group)
                {
                    shortened[node] = SyntaxFactory.IdentifierName(name).WithTriviaFrom(node);
                }
            }

            unit = unit.ReplaceNodes(shortened.Keys, (original, _) => shortened[original]);
            return namespaces.Aggregate(unit, AddUsing);
        }

        /// <summary>
        /// A position inside the file's first type with a body, where the file's usings (and a namespace's) are in scope. A
        /// <c>record R(int X);</c> has no brace: its default token sits at 0, where no using applies yet.
        /// </summary>
        private static int PositionForLookup(SyntaxNode originalRoot) =>
            originalRoot.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault(t => t.OpenBraceToken.IsKind(SyntaxKind.OpenBraceToken) && !t.OpenBraceToken.IsMissing)?.OpenBraceToken.Span.End
            ?? originalRoot.FullSpan.End;

        /// <summary>Adds <c>using <paramref name="ns"/>;</c> in order (also used for extension-method namespaces, which have no name to shorten).</summary>
        internal static CompilationUnitSyntax AddUsing(CompilationUnitSyntax unit, string ns)
        {
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns)).WithAdditionalAnnotations(Formatter.Annotation);
            if (unit.Usings.Count == 0 && unit.Members.FirstOrDefault() is BaseNamespaceDeclarationSyntax { Usings.Count: > 0 } scoped)
            {
                return unit.ReplaceNode(scoped, scoped.WithUsings(Insert(scoped.Usings, directive)));
            }

            return unit.WithUsings(Insert(unit.Usings, directive));
        }

        /// <summary>In order among the plain usings (System first), after any <c>global using</c>s and before aliases and statics.</summary>
        private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, UsingDirectiveSyntax directive)
        {
            var name = directive.Name!.ToString();
            var index = 0;
            for (; index < usings.Count; index++)
            {
                var existing = usings[index];
                if (existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                {
                    continue;
                }

                if (existing.Alias is not null || existing.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) || Compare(existing.Name!.ToString(), name) > 0)
                {
                    break;
                }
            }

            if (usings.Count == 0)
            {
                directive = directive.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed, SyntaxFactory.ElasticCarriageReturnLineFeed);
            }
            else
            {
                var endOfLine = usings.Last().GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                directive = directive.WithTrailingTrivia(endOfLine == default ? SyntaxFactory.ElasticCarriageReturnLineFeed : endOfLine);
                if (index == 0)
                {
                    // The first using carries the file's leading trivia (a header comment): keep it first.
                    var first = usings[0];
                    directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
                    usings = usings.Replace(first, first.WithLeadingTrivia());
                }
            }

            return usings.Insert(index, directive);
        }

        private static int Compare(string left, string right)
        {
            var leftSystem = left == "System" || left.StartsWith("System.", StringComparison.Ordinal);
            var rightSystem = right == "System" || right.StartsWith("System.", StringComparison.Ordinal);
            return leftSystem != rightSystem ? (leftSystem ? -1 : 1) : string.Compare(left, right, StringComparison.Ordinal);
        }
    }
}
