using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>
    /// The signature half of the conversion: <c>async</c>, <c>IAsyncEnumerable&lt;T&gt;</c>/<c>IAsyncEnumerator&lt;T&gt;</c>,
    /// and the <c>[EnumeratorCancellation]</c> token. Attributes, XML docs and the user's spelling of the
    /// element type are kept.
    /// </summary>
    internal static class AsyncSignature
    {
        public static bool CanRewriteReturnType(TypeSyntax returnType) => RewriteReturnType(returnType, enumerable: true) is not null;

        public static SyntaxNode Apply(SyntaxNode current, ConvertedFunction function) => current switch
        {
            MethodDeclarationSyntax method => ApplyTo(method, method.ReturnType, method.Modifiers, method.ParameterList, function,
                (returnType, modifiers, parameters) => method.WithReturnType(returnType).WithModifiers(modifiers).WithParameterList(parameters)
                    .WithIdentifier(Renamed(method.Identifier, function))),
            LocalFunctionStatementSyntax local => ApplyTo(local, local.ReturnType, local.Modifiers, local.ParameterList, function,
                (returnType, modifiers, parameters) => local.WithReturnType(returnType).WithModifiers(modifiers).WithParameterList(parameters)
                    .WithIdentifier(Renamed(local.Identifier, function))),
            _ => current,
        };

        private static SyntaxNode ApplyTo(
            SyntaxNode declaration,
            TypeSyntax returnType,
            SyntaxTokenList modifiers,
            ParameterListSyntax parameters,
            ConvertedFunction function,
            System.Func<TypeSyntax, SyntaxTokenList, ParameterListSyntax, SyntaxNode> rebuild)
        {
            var newReturnType = RewriteReturnType(returnType, function.ReturnsEnumerable);
            if (newReturnType is null)
            {
                return declaration;
            }

            if (!function.HasBody)
            {
                // An interface or abstract member: no 'async', and no [EnumeratorCancellation], which only an iterator body honours.
                return rebuild(newReturnType, modifiers, WithToken(parameters, function));
            }

            SyntaxToken asyncKeyword;
            if (modifiers.Count == 0)
            {
                // The return type carries the declaration's indentation (and XML docs when there are no attributes): hand it to 'async'.
                asyncKeyword = SyntaxFactory.Token(newReturnType.GetLeadingTrivia(), SyntaxKind.AsyncKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
                newReturnType = newReturnType.WithLeadingTrivia(SyntaxFactory.TriviaList());
            }
            else
            {
                asyncKeyword = SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            }

            return rebuild(newReturnType, modifiers.Add(asyncKeyword), WithToken(parameters, function));
        }

        private static SyntaxToken Renamed(SyntaxToken identifier, ConvertedFunction function) =>
            function.NewName is null ? identifier : SyntaxFactory.Identifier(identifier.LeadingTrivia, function.NewName, identifier.TrailingTrivia);

        private static TypeSyntax? RewriteReturnType(TypeSyntax type, bool enumerable)
        {
            var name = enumerable ? "IAsyncEnumerable" : "IAsyncEnumerator";
            return type switch
            {
                GenericNameSyntax generic => Rename(generic, name),
                QualifiedNameSyntax { Right: GenericNameSyntax generic } qualified => qualified.WithRight(Rename(generic, name)),
                AliasQualifiedNameSyntax { Name: GenericNameSyntax generic } aliased => aliased.WithName(Rename(generic, name)),
                _ => null,
            };
        }

        private static GenericNameSyntax Rename(GenericNameSyntax generic, string name) =>
            generic.WithIdentifier(SyntaxFactory.Identifier(generic.Identifier.LeadingTrivia, name, generic.Identifier.TrailingTrivia));

        private static ParameterListSyntax WithToken(ParameterListSyntax parameters, ConvertedFunction function)
        {
            if (function.TokenName is null)
            {
                return parameters;
            }

            if (function.AddsTokenParameter)
            {
                var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(function.TokenName))
                    .WithType(KnownNames.CancellationToken.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithDefault(SyntaxFactory.EqualsValueClause(SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression)));
                if (function.AddsEnumeratorCancellation)
                {
                    parameter = parameter.WithAttributeLists(SyntaxFactory.SingletonList(EnumeratorCancellation()));
                }

                if (parameters.Parameters.Count > 0)
                {
                    parameter = parameter.WithLeadingTrivia(SyntaxFactory.Space);
                }

                return parameters.AddParameters(parameter.WithAdditionalAnnotations(Formatter.Annotation));
            }

            if (!function.AddsEnumeratorCancellation)
            {
                return parameters;
            }

            var existing = parameters.Parameters.FirstOrDefault(p => p.Identifier.ValueText == function.TokenName);
            if (existing is null)
            {
                return parameters;
            }

            var decorated = existing
                .WithoutLeadingTrivia()
                .WithAttributeLists(existing.AttributeLists.Add(EnumeratorCancellation()))
                .WithLeadingTrivia(existing.GetLeadingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            return parameters.ReplaceNode(existing, decorated);
        }

        private static AttributeListSyntax EnumeratorCancellation() =>
            SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Attribute(KnownNames.EnumeratorCancellation)))
                .WithTrailingTrivia(SyntaxFactory.Space);
    }
}
