using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Every reference in a compilation to methods of a given name, found once per name and only when a method of that name
    /// is a YA4003 candidate (they are rare, so most compilations never build any of it). Reporting from the method's own
    /// body, rather than at compilation end, keeps the diagnostic local: shown live in the IDE and fixable.
    /// </summary>
    internal sealed class CallerIndex
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<(SyntaxTree Tree, SyntaxNode Name)>>> _byName = new(StringComparer.Ordinal);

        public CallerIndex(Compilation compilation) => _compilation = compilation;

        /// <summary>How many calls of <paramref name="method"/> only enumerate its result; null when some reference needs the list.</summary>
        public int? StreamableCallers(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var names = _byName.GetOrAdd(method.Name, name => new Lazy<IReadOnlyList<(SyntaxTree, SyntaxNode)>>(() => Find(name, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
            var streamable = 0;
            SemanticModel? model = null;
            foreach (var (tree, name) in names)
            {
                if (model?.SyntaxTree != tree)
                {
#pragma warning disable RS1030 // Callers live in other trees; this runs only for the rare candidate methods, once per tree that names them.
                    model = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                }

                var info = model.GetSymbolInfo(name, cancellationToken);
                if (!Refers(info.Symbol, method) && !info.CandidateSymbols.Any(s => Refers(s, method)))
                {
                    continue;
                }

                if (!StreamableCall.TryClassify(model, name, method, cancellationToken, out var call))
                {
                    return null;
                }

                if (call is not null)
                {
                    streamable++;
                }
            }

            return streamable;
        }

        private static bool Refers(ISymbol? symbol, IMethodSymbol method) =>
            symbol is IMethodSymbol referenced && SymbolEqualityComparer.Default.Equals(referenced.OriginalDefinition, method);

        private IReadOnlyList<(SyntaxTree, SyntaxNode)> Find(string name, CancellationToken cancellationToken)
        {
            var found = new List<(SyntaxTree, SyntaxNode)>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                var root = tree.GetRoot(cancellationToken);
                foreach (var node in root.DescendantNodes(descendIntoTrivia: true))
                {
                    if (node is SimpleNameSyntax simple && simple.Identifier.ValueText == name && node.Parent is not MethodDeclarationSyntax)
                    {
                        found.Add((tree, node));
                    }
                }
            }

            return found;
        }
    }
}
