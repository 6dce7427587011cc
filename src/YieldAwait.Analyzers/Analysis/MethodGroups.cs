using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Where a method group goes. A console tool's <c>Main</c> keeps its commands in a local map
    /// (<c>commands["download"] = Download.Run;</c>, <c>new Dictionary&lt;…&gt; { ["list"] = List.Run }</c>) and invokes the one the
    /// arguments name: the function that stores the group is the one that runs it. A group handed to a call, stored in a field
    /// or returned can run anywhere.
    /// </summary>
    internal static class MethodGroups
    {
        /// <summary>
        /// The method group <paramref name="reference"/> lands in a local of its function (directly, as a value of a local
        /// collection, or in the initializer of one) and that local never leaves the function.
        /// </summary>
        public static bool StaysInItsFunction(ExpressionSyntax reference, SemanticModel model, CancellationToken cancellationToken) =>
            HoldingLocal(reference) is { } holder
            && StaysInItsFunction(holder, model, depth: 0, cancellationToken);

        private const int MaxHops = 3;

        private static bool StaysInItsFunction(Holder holder, SemanticModel model, int depth, CancellationToken cancellationToken) =>
            LocalSymbol(holder, model, cancellationToken) is { } local
            && !Escapes(local, holder.Node, model, depth, cancellationToken);

        private readonly struct Holder
        {
            public Holder(SyntaxNode node, VariableDeclaratorSyntax? declarator, IdentifierNameSyntax? target)
            {
                Node = node;
                Declarator = declarator;
                Target = target;
            }

            public SyntaxNode Node { get; }

            public VariableDeclaratorSyntax? Declarator { get; }

            public IdentifierNameSyntax? Target { get; }
        }

        /// <summary>The local declaration or assignment that receives the group, climbing through collection initializers.</summary>
        private static Holder? HoldingLocal(ExpressionSyntax reference)
        {
            SyntaxNode value = reference;
            while (true)
            {
                switch (value.Parent)
                {
                    // ["download"] = Download.Run inside the { … } of a new collection.
                    case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } assignment when assignment.Right == value:
                        value = initializer;
                        continue;
                    // { "download", Download.Run }, and the collection initializer around it.
                    case InitializerExpressionSyntax initializer:
                        value = initializer;
                        continue;
                    case BaseObjectCreationExpressionSyntax creation when creation.Initializer == value:
                        value = creation;
                        continue;
                    case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax target } assignment when assignment.Right == value:
                        return new Holder(assignment, null, target);
                    case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax target } } assignment
                        when assignment.Right == value:
                        return new Holder(assignment, null, target);
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } declarator }:
                        return new Holder(declarator, declarator, null);
                    default:
                        return null;
                }
            }
        }

        private static ILocalSymbol? LocalSymbol(Holder holder, SemanticModel model, CancellationToken cancellationToken) =>
            holder.Declarator is { } declarator
                ? model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol
                : model.GetSymbolInfo(holder.Target!, cancellationToken).Symbol as ILocalSymbol;

        /// <summary>
        /// A use of the local as an argument, a returned value, a value assigned elsewhere, or inside a lambda, followed through
        /// a few locals it is copied into.
        /// </summary>
        private static bool Escapes(ILocalSymbol local, SyntaxNode holder, SemanticModel model, int depth, CancellationToken cancellationToken)
        {
            var body = holder.FirstAncestorOrSelf<SyntaxNode>(node => node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);
            if (body is null)
            {
                return true;
            }

            foreach (var node in body.DescendantNodes())
            {
                if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != local.Name)
                {
                    continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
                {
                    continue;
                }

                // run = Download.Run; commands = new() { ["download"] = run }: the local goes on into another local.
                if (HoldingLocal(name) is { } next && next.Node != holder)
                {
                    if (depth >= MaxHops || !StaysInItsFunction(next, model, depth + 1, cancellationToken))
                    {
                        return true;
                    }
                }
                else if (LeavesThroughUse(name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool LeavesThroughUse(IdentifierNameSyntax use)
        {
            if (use.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is not null
                || use.FirstAncestorOrSelf<LocalFunctionStatementSyntax>() is not null)
            {
                return true;
            }

            return use.Parent switch
            {
                ArgumentSyntax => true,
                ReturnStatementSyntax or ArrowExpressionClauseSyntax or YieldStatementSyntax => true,
                AssignmentExpressionSyntax assignment => assignment.Right == use,
                EqualsValueClauseSyntax => true,
                InitializerExpressionSyntax => true,
                _ => false,
            };
        }
    }
}
