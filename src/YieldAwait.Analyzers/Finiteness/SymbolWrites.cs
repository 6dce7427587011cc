using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.Analyzers.Finiteness
{
    /// <summary>
    /// The writes to a local, field or auto-property inside a piece of syntax, found by name first and confirmed by
    /// symbol: plain assignments give their value; any other write (compound, <c>++</c>, <c>ref</c>/<c>out</c>,
    /// deconstruction) makes the value unknowable.
    /// </summary>
    internal static class SymbolWrites
    {
        /// <summary>
        /// Adds the right-hand sides of plain assignments to <paramref name="symbol"/> within <paramref name="scope"/> to
        /// <paramref name="values"/>; false when some other kind of write exists.
        /// </summary>
        public static bool TryCollectAssignedValues(SemanticModel model, SyntaxNode scope, ISymbol symbol, List<(SemanticModel Model, ExpressionSyntax Value)> values)
        {
            foreach (var node in scope.DescendantNodes())
            {
                if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != symbol.Name)
                {
                    continue;
                }

                ExpressionSyntax target = identifier;
                if (identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
                {
                    target = access;
                }

                var write = Classify(target, out var value);
                if (write == WriteKind.None || !IsSymbol(model, identifier, symbol))
                {
                    continue;
                }

                if (write == WriteKind.Other)
                {
                    return false;
                }

                values.Add((model, value!));
            }

            return true;
        }

        private enum WriteKind
        {
            None,
            Assignment,
            Other,
        }

        private static WriteKind Classify(ExpressionSyntax target, out ExpressionSyntax? value)
        {
            value = null;
            var parent = target.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                target = (ExpressionSyntax)parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == target:
                    if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                    {
                        value = assignment.Right;
                        return WriteKind.Assignment;
                    }

                    return WriteKind.Other;

                case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax
                    when parent.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
                        or SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression:
                    return WriteKind.Other;

                case ArgumentSyntax argument:
                    if (argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword))
                    {
                        return WriteKind.Other;
                    }

                    // A tuple element on the left of a deconstruction: (xs, ys) = …
                    return argument.Parent is TupleExpressionSyntax tuple && IsDeconstructionTarget(tuple) ? WriteKind.Other : WriteKind.None;

                case RefExpressionSyntax:
                    return WriteKind.Other;

                default:
                    return WriteKind.None;
            }
        }

        private static bool IsDeconstructionTarget(TupleExpressionSyntax tuple)
        {
            SyntaxNode current = tuple;
            while (current.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax outer })
            {
                current = outer;
            }

            return current.Parent is AssignmentExpressionSyntax assignment && assignment.Left == current;
        }

        private static bool IsSymbol(SemanticModel model, IdentifierNameSyntax identifier, ISymbol symbol)
        {
            var bound = model.GetSymbolInfo(identifier).Symbol;
            return bound is not null && SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, symbol.OriginalDefinition);
        }
    }
}
