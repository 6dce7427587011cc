using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Cancellation
{
    /// <summary>The token parameter of an async iterator: added (<c>CancellationToken cancellationToken = default</c>) or marked.</summary>
    internal static class TokenParameter
    {
        public const string DefaultName = "cancellationToken";

        /// <summary><c>cancellationToken</c>, or <c>cancellationToken2</c>… when the function already uses the name for something else.</summary>
        public static string UniqueName(SyntaxNode declaration)
        {
            var taken = new HashSet<string>(
                declaration.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText),
                System.StringComparer.Ordinal);
            var name = DefaultName;
            for (var i = 2; taken.Contains(name); i++)
            {
                name = DefaultName + i;
            }

            return name;
        }

        /// <summary>
        /// Adds the parameter after the last one that is not <c>params</c> (an optional parameter cannot follow <c>params</c>),
        /// copying the list's own layout: one line, or one parameter a line.
        /// </summary>
        public static ParameterListSyntax Add(ParameterListSyntax list, string name, bool enumeratorCancellation)
        {
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name))
                .WithType(KnownNames.CancellationToken.WithTrailingTrivia(SyntaxFactory.Space))
                .WithDefault(SyntaxFactory.EqualsValueClause(SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression)));
            if (enumeratorCancellation)
            {
                parameter = parameter.WithAttributeLists(SyntaxFactory.SingletonList(EnumeratorCancellation()));
            }

            var parameters = list.Parameters;
            var index = parameters.Count > 0 && parameters.Last().Modifiers.Any(SyntaxKind.ParamsKeyword) ? parameters.Count - 1 : parameters.Count;
            if (parameters.Count == 0)
            {
                return list.WithParameters(SyntaxFactory.SingletonSeparatedList(parameter.WithAdditionalAnnotations(Formatter.Annotation)));
            }

            // The layout between the first two parameters is the list's layout.
            var separatorTrivia = parameters.Count > 1 ? parameters.GetSeparator(0).TrailingTrivia : SyntaxFactory.TriviaList(SyntaxFactory.Space);
            var leadingTrivia = parameters.Count > 1 ? parameters[1].GetLeadingTrivia() : SyntaxFactory.TriviaList();
            var nodes = parameters.ToList();
            var separators = parameters.GetSeparators().ToList();
            var separator = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separatorTrivia);
            if (index == parameters.Count)
            {
                // The old last parameter may carry the trivia before ')': it stays at the end of the list.
                var last = nodes[index - 1];
                nodes[index - 1] = last.WithTrailingTrivia();
                nodes.Add(parameter.WithLeadingTrivia(leadingTrivia).WithTrailingTrivia(last.GetTrailingTrivia()));
                separators.Add(separator);
            }
            else
            {
                nodes.Insert(index, parameter.WithLeadingTrivia(nodes[index].GetLeadingTrivia()));
                separators.Insert(index, separator);
            }

            return list.WithParameters(SyntaxFactory.SeparatedList(nodes, separators));
        }

        /// <summary><c>[EnumeratorCancellation]</c> in front of the parameter's other attributes and modifiers, its trivia kept.</summary>
        public static ParameterSyntax Mark(ParameterSyntax parameter) =>
            parameter
                .WithoutLeadingTrivia()
                .WithAttributeLists(parameter.AttributeLists.Insert(0, EnumeratorCancellation()))
                .WithLeadingTrivia(parameter.GetLeadingTrivia());

        private static AttributeListSyntax EnumeratorCancellation() =>
            SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(KnownNames.EnumeratorCancellation)))
                .WithTrailingTrivia(SyntaxFactory.Space);
    }
}
