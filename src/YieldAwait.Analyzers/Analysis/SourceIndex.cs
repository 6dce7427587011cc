using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Syntactic facts about a compilation's sources, built lazily once per compilation and shared by every rule: which
    /// files spell <c>yield</c>, which functions are iterators, the names of the compilation's iterators. Most code has
    /// no iterator, so a rule that needs one asks here before it makes any semantic call. It also counts, per rule, the
    /// callbacks that pass the rule's cheap gate (<see cref="Passed"/>): the cost guard test reads the counts.
    /// </summary>
    internal sealed class SourceIndex
    {
        private static readonly ConditionalWeakTable<Compilation, SourceIndex> Indexes = new();
        private static readonly ConditionalWeakTable<Compilation, SourceIndex>.CreateValueCallback CreateIndex = c => new SourceIndex(c);
        private static readonly Func<SyntaxTree, TreeFacts> CreateFacts = TreeFacts.Create;
        private static readonly Func<SyntaxTree, TextSpan[]> CreateUsingScopes = FindUsingScopes;

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<SyntaxTree, TreeFacts> _trees;
        private readonly ConcurrentDictionary<SyntaxTree, TextSpan[]> _usingScopes;
        private readonly ConcurrentDictionary<SyntaxTree, List<int>> _iteratorNameSpellings;
        private readonly Func<SyntaxTree, List<int>> _findIteratorNameSpellings;
        private WordSet? _iteratorWords;
        private readonly int[] _passes = new int[GateCount];
        private HashSet<string>? _iteratorNames;

        private SourceIndex(Compilation compilation)
        {
            _compilation = compilation;
            _findIteratorNameSpellings = FindIteratorNameSpellings;

            // Sized for every file at once: each table ends up with an entry per file, and growing one takes its locks.
            var files = compilation.SyntaxTrees.Count();
            _trees = new ConcurrentDictionary<SyntaxTree, TreeFacts>(ConcurrencyLevel, files);
            _usingScopes = new ConcurrentDictionary<SyntaxTree, TextSpan[]>(ConcurrencyLevel, files);
            _iteratorNameSpellings = new ConcurrentDictionary<SyntaxTree, List<int>>(ConcurrencyLevel, files);
        }

        /// <summary>The default of <see cref="ConcurrentDictionary{TKey, TValue}"/> on a small machine; the tables only need a size.</summary>
        private const int ConcurrencyLevel = 4;

        /// <summary>The rule slots of <see cref="Passed"/>: twelve per series, YA1001 to YA5012 (see <see cref="Slot"/>).</summary>
        public const int GateCount = 60;

        public static SourceIndex For(Compilation compilation) => Indexes.GetValue(compilation, CreateIndex);

        /// <summary>False when the file never spells <c>yield</c>: then no function in it is an iterator.</summary>
        public bool MayHaveIterators(SyntaxTree tree) => Facts(tree).IteratorBodies is not null;

        /// <summary>
        /// True when <paramref name="declaration"/> (a method, local function, accessor or operator) has a <c>yield</c> of
        /// its own, not one in a function nested in it: the same answer as <see cref="IteratorFacts.ContainsYield"/>, from the index.
        /// </summary>
        public bool IsIteratorDeclaration(SyntaxNode declaration) =>
            Facts(declaration.SyntaxTree).IteratorBodies is { } bodies && bodies.Contains(declaration.Span);

        /// <summary>
        /// True when <paramref name="node"/> runs in the body of an iterator function: its innermost enclosing function
        /// (a lambda is one, and never an iterator) has a <c>yield</c> of its own. A cheap syntactic gate for the rules about
        /// code inside iterators.
        /// </summary>
        public bool IsInIterator(SyntaxNode node)
        {
            if (Facts(node.SyntaxTree).IteratorBodies is not { } bodies)
            {
                return false;
            }

            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                if (IteratorFacts.IsFunctionDeclaration(current))
                {
                    return bodies.Contains(current.Span);
                }

                if (current is AnonymousFunctionExpressionSyntax)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>
        /// True when an iterator function overlaps <paramref name="node"/>: it is one, or holds one (a local function). Rules
        /// about code in iterators register their operation actions only for the operation blocks where this holds, so the
        /// driver does not call them at all for the members (most of them) that have no iterator.
        /// </summary>
        public bool OverlapsIterator(SyntaxNode node)
        {
            if (Facts(node.SyntaxTree).IteratorBodies is not { } bodies)
            {
                return false;
            }

            var span = node.Span;
            foreach (var body in bodies)
            {
                if (body.OverlapsWith(span))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The functions of <paramref name="tree"/> that have a <c>yield</c> of their own (methods, local functions, accessors, operators).</summary>
        public IReadOnlyList<SyntaxNode> IteratorDeclarations(SyntaxTree tree) =>
            Facts(tree).IteratorDeclarations ?? (IReadOnlyList<SyntaxNode>)Array.Empty<SyntaxNode>();

        /// <summary>Every function of the compilation that has a <c>yield</c> of its own, file by file.</summary>
        public IEnumerable<SyntaxNode> AllIteratorDeclarations(CancellationToken cancellationToken)
        {
            foreach (var tree in _compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var declaration in IteratorDeclarations(tree))
                {
                    yield return declaration;
                }
            }
        }

        /// <summary>True when some iterator function of the compilation satisfies <paramref name="predicate"/> (a syntactic test of its declaration).</summary>
        public bool AnyIteratorDeclaration(Func<SyntaxNode, bool> predicate, CancellationToken cancellationToken) =>
            AllIteratorDeclarations(cancellationToken).Any(predicate);

        /// <summary>The names of the compilation's own iterator functions (methods, local functions, operators, properties).</summary>
        public bool IsIteratorName(string name) => IteratorNames().Contains(name);

        /// <summary>True when the compilation declares no iterator at all.</summary>
        public bool HasNoIterators => IteratorNames().Count == 0;

        /// <summary>
        /// True when <paramref name="node"/> overlaps the scope of a <c>using</c> statement or declaration (not a directive):
        /// the statement itself, or the block or switch section a <c>using var</c> is declared in. Code outside every such
        /// scope disposes nothing it could outlive.
        /// </summary>
        public bool OverlapsUsingScope(SyntaxNode node)
        {
            var scopes = _usingScopes.GetOrAdd(node.SyntaxTree, CreateUsingScopes);
            var span = node.Span;
            foreach (var scope in scopes)
            {
                if (scope.OverlapsWith(span))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the text of <paramref name="node"/> spells the name of one of the compilation's iterators as a word (in
        /// code, a comment or a string alike): code that never names one cannot call one of them.
        /// </summary>
        public bool SpellsIteratorNameIn(SyntaxNode node)
        {
            return AnyWithin(_iteratorNameSpellings.GetOrAdd(node.SyntaxTree, _findIteratorNameSpellings), node.Span);
        }

        private static bool AnyWithin(List<int> positions, TextSpan span)
        {
            var at = positions.BinarySearch(span.Start);
            if (at < 0)
            {
                at = ~at;
            }

            return at < positions.Count && positions[at] < span.End;
        }

        private List<int> FindIteratorNameSpellings(SyntaxTree tree)
        {
            var words = Volatile.Read(ref _iteratorWords);
            if (words is null)
            {
                words = new WordSet(IteratorNames());
                words = Interlocked.CompareExchange(ref _iteratorWords, words, null) ?? words;
            }

            var text = tree.GetText();

            return TextSearch.AnyWordPositions(text, words);
        }

        /// <summary>Counts a callback of <paramref name="rule"/> that passed the rule's cheap gate and goes on to semantic work.</summary>
        public void Passed(string rule) => Interlocked.Increment(ref _passes[Slot(rule)]);

        /// <summary>The callbacks of <paramref name="rule"/> that passed its gate so far, on this compilation.</summary>
        public int PassesOf(string rule) => Volatile.Read(ref _passes[Slot(rule)]);

        /// <summary>YA1001 → 0, YA1002 → 1 … YA2001 → 12 …: twelve slots per series; IDs are YAsnnn.</summary>
        private static int Slot(string rule) =>
            (int)((uint)(((rule[2] - '1') * 12) + ((rule[4] - '0') * 10) + (rule[5] - '0') - 1) % GateCount);

        private TreeFacts Facts(SyntaxTree tree) => _trees.GetOrAdd(tree, CreateFacts);

        private HashSet<string> IteratorNames()
        {
            var names = Volatile.Read(ref _iteratorNames);
            if (names is not null)
            {
                return names;
            }

            names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in _compilation.SyntaxTrees)
            {
                var facts = Facts(tree);
                if (facts.IteratorNames is not null)
                {
                    names.UnionWith(facts.IteratorNames);
                }
            }

            return Interlocked.CompareExchange(ref _iteratorNames, names, null) ?? names;
        }

        /// <summary>Found from where the text spells <c>using</c>, like the yield statements: directives are skipped by the token's parent.</summary>
        private static TextSpan[] FindUsingScopes(SyntaxTree tree)
        {
            var text = tree.GetText();

            var positions = TextSearch.WordPositions(text, "using");
            if (positions.Count == 0)
            {
                return Array.Empty<TextSpan>();
            }

            // Most files spell using only in their directives: those are told apart by where they stand, without a token lookup.
            var root = tree.GetRoot();
            var directives = DirectiveSpans(root);
            positions.RemoveAll(position => directives.Exists(span => span.Contains(position)));

            var scopes = new List<TextSpan>();
            foreach (var token in WordTokens.At(root, positions))
            {
                if (!token.IsKind(SyntaxKind.UsingKeyword))
                {
                    continue;
                }

                switch (token.Parent)
                {
                    case UsingStatementSyntax statement:
                        scopes.Add(statement.Span);
                        break;
                    case LocalDeclarationStatementSyntax { Parent: { } scope } when scope is BlockSyntax or SwitchSectionSyntax:
                        scopes.Add(scope.Span);
                        break;
                    case LocalDeclarationStatementSyntax { Parent: GlobalStatementSyntax { Parent: { } unit } }:
                        scopes.Add(unit.Span);
                        break;
                }
            }

            return scopes.ToArray();
        }

        /// <summary>The spans of the file's lists of using directives: at its top and at the top of each namespace.</summary>
        private static List<TextSpan> DirectiveSpans(SyntaxNode root)
        {
            var spans = new List<TextSpan>();
            var pending = new Stack<SyntaxNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var (usings, members) = pending.Pop() switch
                {
                    CompilationUnitSyntax unit => (unit.Usings, unit.Members),
                    BaseNamespaceDeclarationSyntax space => (space.Usings, space.Members),
                    _ => (default, default),
                };
                if (usings.Count > 0)
                {
                    spans.Add(usings.Span);
                }

                foreach (var member in members)
                {
                    if (member is BaseNamespaceDeclarationSyntax)
                    {
                        pending.Push(member);
                    }
                }
            }

            return spans;
        }

        /// <summary>What one file holds. The text search is far cheaper than a walk of the tree, which only files that spell <c>yield</c> pay.</summary>
        private sealed class TreeFacts
        {
            private TreeFacts(HashSet<TextSpan>? iteratorBodies, List<SyntaxNode>? iteratorDeclarations, List<string>? iteratorNames)
            {
                IteratorBodies = iteratorBodies;
                IteratorDeclarations = iteratorDeclarations;
                IteratorNames = iteratorNames;
            }

            /// <summary>The spans of the functions that have a <c>yield</c> of their own; null when the file never spells <c>yield</c>.</summary>
            public HashSet<TextSpan>? IteratorBodies { get; }

            public List<SyntaxNode>? IteratorDeclarations { get; }

            public List<string>? IteratorNames { get; }

            /// <summary>The facts of every file that never spells <c>yield</c> (most of them): one shared instance.</summary>
            private static readonly TreeFacts NoIterators = new(null, null, null);

            public static TreeFacts Create(SyntaxTree tree)
            {
                var text = tree.GetText();

                // The yield statements are found from where the text spells the word, without a walk of the whole tree:
                // a match in a comment, a string or an identifier such as @yield is not a yield keyword's token.
                var positions = TextSearch.WordPositions(text, "yield");
                if (positions.Count == 0)
                {
                    return NoIterators;
                }

                var bodies = new HashSet<TextSpan>();
                var declarations = new List<SyntaxNode>();
                var names = new List<string>();
                foreach (var token in WordTokens.At(tree.GetRoot(), positions))
                {
                    if (!token.IsKind(SyntaxKind.YieldKeyword) || token.Parent is not YieldStatementSyntax node)
                    {
                        continue;
                    }

                    for (var owner = node.Parent; owner is not null; owner = owner.Parent)
                    {
                        if (owner is AnonymousFunctionExpressionSyntax)
                        {
                            break;
                        }

                        if (IteratorFacts.IsFunctionDeclaration(owner))
                        {
                            if (bodies.Add(owner.Span))
                            {
                                declarations.Add(owner);
                                if (NameOf(owner) is { } name)
                                {
                                    names.Add(name);
                                }
                            }

                            break;
                        }
                    }
                }

                return new TreeFacts(bodies, declarations, names);
            }

            private static string? NameOf(SyntaxNode function) => function switch
            {
                MethodDeclarationSyntax method => method.Identifier.ValueText,
                LocalFunctionStatementSyntax local => local.Identifier.ValueText,
                AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
                AccessorDeclarationSyntax { Parent.Parent: IndexerDeclarationSyntax } => "this[]",
                OperatorDeclarationSyntax op => op.OperatorToken.ValueText,
                ConversionOperatorDeclarationSyntax => "op_Implicit",
                _ => null,
            };
        }
    }
}
