using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The trees that spell an identifier, found by a search of the compilation's text the first time a rule needs the
    /// references of that name, and kept for the compilation: every instance made for one compilation shares the answers, so
    /// the rules that follow references (YA1002, YA1003, YA3001, YA4003) search for a name once between them. Only the rare
    /// candidates of those rules ask, so searching the text per name costs far less than one walk of every token of the
    /// compilation (documentation comments included), which on a well-documented library took as long as a tenth of the
    /// compile. The answer may hold a tree that spells the name only in a comment or a string: callers match the nodes.
    /// </summary>
    internal sealed class IdentifierIndex
    {
        private static readonly ConditionalWeakTable<Compilation, SharedTable> Tables = new();
        private static readonly ConditionalWeakTable<Compilation, SharedTable>.CreateValueCallback CreateTable = c => new SharedTable(c);

        private readonly SharedTable _table;
        private readonly CancellationToken _cancellationToken;

        public IdentifierIndex(Compilation compilation, CancellationToken cancellationToken)
        {
            _table = Tables.GetValue(compilation, CreateTable);
            _cancellationToken = cancellationToken;
        }

        /// <summary>The trees in which <paramref name="name"/> appears as a word (in code, comments or strings), in the compilation's order.</summary>
        public IReadOnlyList<SyntaxTree> TreesSpelling(string name) => _table.TreesSpelling(name, _cancellationToken);

        private sealed class SharedTable
        {
            private readonly Compilation _compilation;
            private readonly ConcurrentDictionary<string, IReadOnlyList<SyntaxTree>> _treesByName = new(StringComparer.Ordinal);

            public SharedTable(Compilation compilation) => _compilation = compilation;

            /// <summary>A search cancelled with one caller's token throws and is not kept, so the next caller searches again.</summary>
            public IReadOnlyList<SyntaxTree> TreesSpelling(string name, CancellationToken cancellationToken)
            {
                if (_treesByName.TryGetValue(name, out var trees))
                {
                    return trees;
                }

                var found = new List<SyntaxTree>();
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (TextSearch.SpellsWord(tree.GetText(cancellationToken), name))
                    {
                        found.Add(tree);
                    }
                }

                return _treesByName.GetOrAdd(name, found);
            }
        }
    }
}
