using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Cheap syntactic checks that let a rule dismiss a callback before any semantic call. Each one over-approximates
    /// what the rule then checks on the operation tree: it may let through code the rule later dismisses, never the reverse.
    /// </summary>
    internal static class SyntacticGates
    {
        /// <summary>
        /// True when <paramref name="node"/> runs inside a <c>using</c> statement's body or after a <c>using</c> declaration of
        /// its own function: only there can a value outlive a resource the function disposes.
        /// </summary>
        public static bool IsInUsingScope(SyntaxNode node)
        {
            var child = node;
            for (var current = node.Parent; current is not null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case UsingStatementSyntax:
                        return true;
                    case BlockSyntax block when HasUsingDeclarationBefore(block.Statements, child):
                        return true;
                    case SwitchSectionSyntax section when HasUsingDeclarationBefore(section.Statements, child):
                        return true;
                    case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>A node inside <c>nameof(…)</c>: it names a symbol, nothing there runs or is called.</summary>
        public static bool IsInNameOf(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                if (ancestor is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// False when <paramref name="name"/> stands where no method can: the left side of a member access (<c>Convert</c> in
        /// <c>Convert.ToInt32(x)</c>), a qualified name, or a type or namespace. The reference searches (callers of a method by
        /// its name) bind only the names that pass, so that a method named like a common type does not bind every file that
        /// uses the type.
        /// </summary>
        public static bool MayNameMethod(SimpleNameSyntax name) => name.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Name == name,
            QualifiedNameSyntax or AliasQualifiedNameSyntax => false,
            NameMemberCrefSyntax => true,
            _ => !SyntaxFacts.IsInNamespaceOrTypeContext(name),
        };

        private static bool HasUsingDeclarationBefore(SyntaxList<StatementSyntax> statements, SyntaxNode child)
        {
            foreach (var statement in statements)
            {
                if (statement == child)
                {
                    return false;
                }

                if (statement is LocalDeclarationStatementSyntax declaration && declaration.UsingKeyword.IsKind(SyntaxKind.UsingKeyword))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
