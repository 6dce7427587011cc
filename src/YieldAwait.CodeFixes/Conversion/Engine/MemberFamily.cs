using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace YieldAwait.CodeFixes.Conversion.Engine
{
    /// <summary>
    /// The methods whose signature must change together with one method: the interface members it implements, the base
    /// it overrides, the other implementations and overrides of those, and itself (a local function is alone).
    /// </summary>
    internal static class MemberFamily
    {
        /// <summary>The family, seed first; null when a member has no single declaration in the solution (metadata, partial).</summary>
        public static async Task<IReadOnlyList<FamilyMember>?> FindAsync(Solution solution, FamilyMember seed, CancellationToken cancellationToken)
        {
            var family = new List<FamilyMember> { seed };
            if (seed.Symbol.MethodKind == MethodKind.LocalFunction)
            {
                return family;
            }

            var seen = new HashSet<(SyntaxTree, TextSpan)> { (seed.Declaration.SyntaxTree, seed.Declaration.Span) };
            var pending = new Queue<IMethodSymbol>();
            pending.Enqueue(seed.Symbol);
            while (pending.Count > 0)
            {
                foreach (var related in await RelatedAsync(solution, pending.Dequeue(), cancellationToken).ConfigureAwait(false))
                {
                    if (related.DeclaringSyntaxReferences.Length != 1)
                    {
                        return null;
                    }

                    var reference = related.DeclaringSyntaxReferences[0];
                    if (!seen.Add((reference.SyntaxTree, reference.Span)))
                    {
                        continue;
                    }

                    if (solution.GetDocument(reference.SyntaxTree) is not { } document)
                    {
                        return null;
                    }

                    family.Add(new FamilyMember(document, await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false), related));
                    pending.Enqueue(related);
                }
            }

            return family;
        }

        /// <summary>Whether anything overrides <paramref name="method"/> in the solution (a longer signature would break the overrides).</summary>
        public static async Task<bool> IsOverriddenAsync(Solution solution, IMethodSymbol method, CancellationToken cancellationToken) =>
            (method.IsVirtual || method.IsAbstract)
            && (await SymbolFinder.FindOverridesAsync(method, solution, cancellationToken: cancellationToken).ConfigureAwait(false)).Any();

        private static async Task<IReadOnlyList<IMethodSymbol>> RelatedAsync(Solution solution, IMethodSymbol method, CancellationToken cancellationToken)
        {
            var related = new List<IMethodSymbol>();
            if (method.OverriddenMethod is { } overridden)
            {
                related.Add(overridden.OriginalDefinition);
            }

            related.AddRange(method.ExplicitInterfaceImplementations.Select(m => m.OriginalDefinition));
            if (!method.ContainingType.AllInterfaces.IsEmpty)
            {
                related.AddRange((await SymbolFinder.FindImplementedInterfaceMembersAsync(method, solution, cancellationToken: cancellationToken).ConfigureAwait(false)).OfType<IMethodSymbol>());
            }

            if (method.IsVirtual || method.IsAbstract || method.IsOverride)
            {
                related.AddRange((await SymbolFinder.FindOverridesAsync(method, solution, cancellationToken: cancellationToken).ConfigureAwait(false)).OfType<IMethodSymbol>());
            }

            if (method.ContainingType.TypeKind == TypeKind.Interface)
            {
                related.AddRange((await SymbolFinder.FindImplementationsAsync(method, solution, cancellationToken: cancellationToken).ConfigureAwait(false)).OfType<IMethodSymbol>());
            }

            return related;
        }
    }
}
