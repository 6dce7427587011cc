using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The trees that spell an identifier, found by a search of the compilation's text the first time a rule needs the
    /// references of that name, and kept for the compilation: every instance made for one compilation shares the answers, so
    /// the rules that follow references (YA1002, YA1003, YA3001, YA4003) search for a name once between them. Only the rare
    /// candidates of those rules ask, so searching the text per name costs far less than one walk of every token of the
    /// compilation (documentation comments included), which on a well-documented library took as long as a tenth of the
    /// compile. The answer may hold a tree that spells the name only in a comment or a string: callers match the nodes.
    /// A compilation whose rules ask for many names gets the walk after all (<see cref="SharedTable"/>).
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

        /// <summary>
        /// Every simple name spelled <paramref name="name"/> in the compilation (outside <c>nameof</c>), with what it binds to,
        /// bound once per compilation and shared by the rules that follow references (YA1002's consumers, YA1003's callers):
        /// code that repeats names, generated code above all, would otherwise bind each spelling once per method of that name.
        /// </summary>
        public IReadOnlyList<BoundSpelling> BoundSpellings(string name) => _table.BoundSpellings(name, _cancellationToken);

        private sealed class SharedTable
        {
            /// <summary>
            /// Past this many names, one walk of every token (the old way) costs less than a search of the text per name: a
            /// compilation whose rules follow many names (generated code, where every file repeats the same ones) switches to it.
            /// </summary>
            private const int SearchesBeforeWalk = 32;

            private readonly Compilation _compilation;
            private readonly ConcurrentDictionary<string, IReadOnlyList<SyntaxTree>> _treesByName = new(StringComparer.Ordinal);
            private readonly object _walkGate = new();
            private Dictionary<string, List<SyntaxTree>>? _walked;
            private int _searches;

            private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<BoundSpelling>>> _bound = new(StringComparer.Ordinal);

            public SharedTable(Compilation compilation) => _compilation = compilation;

            /// <summary>PublicationOnly: a binding cancelled with one caller's token is not kept as the answer for the next.</summary>
            public IReadOnlyList<BoundSpelling> BoundSpellings(string name, CancellationToken cancellationToken) =>
                _bound.GetOrAdd(name, key => new Lazy<IReadOnlyList<BoundSpelling>>(
                    () => Bind(key, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

            private IReadOnlyList<BoundSpelling> Bind(string name, CancellationToken cancellationToken)
            {
                var bound = new List<BoundSpelling>();
                foreach (var tree in TreesSpelling(name, cancellationToken))
                {
                    SemanticModel? model = null;
                    foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                    {
                        if (node is not Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax simple || simple.Identifier.ValueText != name || SyntacticGates.IsInNameOf(simple))
                        {
                            continue;
                        }

#pragma warning disable RS1030 // References live in other trees; bound once per name, only for the rare candidates that follow them.
                        model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                        bound.Add(new BoundSpelling(simple, model, model.GetSymbolInfo(simple, cancellationToken)));
                    }
                }

                return bound;
            }

            /// <summary>A search cancelled with one caller's token throws and is not kept, so the next caller searches again.</summary>
            public IReadOnlyList<SyntaxTree> TreesSpelling(string name, CancellationToken cancellationToken)
            {
                if (_treesByName.TryGetValue(name, out var trees))
                {
                    return trees;
                }

                if (Volatile.Read(ref _walked) is { } walked || Interlocked.Increment(ref _searches) > SearchesBeforeWalk)
                {
                    walked = Walked(cancellationToken);
                    return walked.TryGetValue(name, out var spelled) ? spelled : Array.Empty<SyntaxTree>();
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

            private Dictionary<string, List<SyntaxTree>> Walked(CancellationToken cancellationToken)
            {
                if (Volatile.Read(ref _walked) is { } walked)
                {
                    return walked;
                }

                lock (_walkGate)
                {
                    walked = _walked ?? Walk(_compilation, cancellationToken);
                    Volatile.Write(ref _walked, walked);
                    return walked;
                }
            }

            private static Dictionary<string, List<SyntaxTree>> Walk(Compilation compilation, CancellationToken cancellationToken)
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

    /// <summary>A simple name in the compilation and what it binds to.</summary>
    internal readonly struct BoundSpelling
    {
        public BoundSpelling(Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax node, SemanticModel model, SymbolInfo info)
        {
            Node = node;
            Model = model;
            Info = info;
        }

        public Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax Node { get; }

        public SemanticModel Model { get; }

        public SymbolInfo Info { get; }
    }
}
