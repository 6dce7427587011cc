using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Registers a rule's per-member work only in the types whose source a cheap syntactic gate lets through (a type with no
    /// iterator, no <c>using</c>… in its text), and within them only for the members the same gate lets through. The host
    /// charges every callback to the rule, and most of a rule's time on real code was the callbacks themselves: one per
    /// invocation or per member in every file. A type is far rarer than a member, and a member than an operation.
    /// </summary>
    internal static class GatedRegistration
    {
        /// <summary>
        /// Calls <paramref name="register"/> for the operation blocks of each member whose type has a declaration that
        /// <paramref name="gate"/> accepts and whose own blocks it accepts too. Each member is registered once, by its own
        /// type: a nested type is gated on its own declarations.
        /// </summary>
        public static void ForMembers(
            CompilationStartAnalysisContext start,
            Func<SyntaxNode, bool> gate,
            Action<OperationBlockStartAnalysisContext> register)
        {
            start.RegisterSymbolStartAction(
                typeStart =>
                {
                    var type = (INamedTypeSymbol)typeStart.Symbol;
                    if (!AnyDeclarationPasses(type, gate, typeStart.CancellationToken))
                    {
                        return;
                    }

                    typeStart.RegisterOperationBlockStartAction(block =>
                    {
                        if (SymbolEqualityComparer.Default.Equals(block.OwningSymbol.ContainingType, type) && AnyBlockPasses(block.OperationBlocks, gate))
                        {
                            register(block);
                        }
                    });
                },
                SymbolKind.NamedType);
        }

        private static bool AnyDeclarationPasses(INamedTypeSymbol type, Func<SyntaxNode, bool> gate, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (gate(reference.GetSyntax(cancellationToken)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AnyBlockPasses(ImmutableArray<IOperation> blocks, Func<SyntaxNode, bool> gate)
        {
            foreach (var operation in blocks)
            {
                if (gate(operation.Syntax))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
