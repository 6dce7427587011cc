using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The trees that spell each identifier, built by one walk over the compilation's tokens the first time a rule needs the
    /// references of a name. Searching every tree's text once per name would cost names × trees instead.
    /// </summary>
    internal sealed class IdentifierIndex
    {
        private static readonly IReadOnlyList<SyntaxTree> None = Array.Empty<SyntaxTree>();
        private readonly Lazy<Dictionary<string, List<SyntaxTree>>> _treesByIdentifier;

        public IdentifierIndex(Compilation compilation, CancellationToken cancellationToken) =>
            _treesByIdentifier = new Lazy<Dictionary<string, List<SyntaxTree>>>(() => Build(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>The trees in which <paramref name="name"/> appears as an identifier (in code or in documentation comments).</summary>
        public IReadOnlyList<SyntaxTree> TreesSpelling(string name) =>
            _treesByIdentifier.Value.TryGetValue(name, out var trees) ? trees : None;

        private static Dictionary<string, List<SyntaxTree>> Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var index = new Dictionary<string, List<SyntaxTree>>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens(descendIntoTrivia: true))
                {
                    if (token.RawKind != (int)SyntaxKind.IdentifierToken)
                    {
                        continue;
                    }

                    var name = token.ValueText;
                    if (!index.TryGetValue(name, out var trees))
                    {
                        index[name] = trees = new List<SyntaxTree>(1);
                    }

                    if (trees.Count == 0 || trees[trees.Count - 1] != tree)
                    {
                        trees.Add(tree);
                    }
                }
            }

            return index;
        }
    }
}
