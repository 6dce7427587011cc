using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.CodeFixes.Conversion
{
    /// <summary>Adds a <c>using</c> directive beside the file's others, in order, in the file's own layout.</summary>
    internal static class UsingDirectives
    {
        public static CompilationUnitSyntax Add(CompilationUnitSyntax root, string namespaceName)
        {
            var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (!endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                endOfLine = SyntaxFactory.CarriageReturnLineFeed;
            }

            if (root.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == namespaceName))
            {
                return root;
            }

            if (root.Usings.Count == 0
                && root.Members.FirstOrDefault() is BaseNamespaceDeclarationSyntax { Usings.Count: > 0 } namespaceDeclaration)
            {
                return root.ReplaceNode(namespaceDeclaration, namespaceDeclaration.WithUsings(Insert(namespaceDeclaration.Usings, namespaceName, endOfLine)));
            }

            return root.WithUsings(Insert(root.Usings, namespaceName, endOfLine));
        }

        private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, string namespaceName, SyntaxTrivia endOfLine)
        {
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName).WithLeadingTrivia(SyntaxFactory.Space));
            if (usings.Count == 0)
            {
                return usings.Add(directive.WithTrailingTrivia(endOfLine, endOfLine));
            }

            var plain = usings.Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.GlobalKeyword.IsKind(SyntaxKind.None)).ToList();
            var before = plain.LastOrDefault(u => string.CompareOrdinal(Key(u.Name?.ToString() ?? ""), Key(namespaceName)) < 0);
            var template = before ?? plain.FirstOrDefault() ?? usings[0];
            directive = directive
                .WithLeadingTrivia(template.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
                .WithTrailingTrivia(template.GetTrailingTrivia());
            if (before is not null)
            {
                return usings.Insert(usings.IndexOf(before) + 1, directive);
            }

            // First in the list: the file's header stays on top, the new directive goes under it.
            var first = usings[0];
            directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
            return usings.Replace(first, first.WithLeadingTrivia(template.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))).Insert(0, directive);
        }

        /// <summary>System namespaces first, as dotnet_sort_system_directives_first does by default.</summary>
        private static string Key(string name) =>
            name == "System" || name.StartsWith("System.", StringComparison.Ordinal) ? "0" + name : "1" + name;
    }
}
