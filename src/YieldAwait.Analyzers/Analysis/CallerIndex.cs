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
    /// How the references in a compilation use the async methods of a given name, found once per name and only when a method of
    /// that name is a YA4003 candidate (they are rare, so most compilations never build any of it). Each tree that mentions the
    /// name is bound once, and every method of that name gets its tally in the same pass. Reporting from the method's own body,
    /// rather than at compilation end, keeps the diagnostic local: shown live in the IDE and fixable.
    /// </summary>
    internal sealed class CallerIndex
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, Lazy<Dictionary<IMethodSymbol, Tally>>> _byName = new(StringComparer.Ordinal);

        private readonly IdentifierIndex _identifiers;

        public CallerIndex(Compilation compilation, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _identifiers = new IdentifierIndex(compilation, cancellationToken);
        }

        /// <summary>How many calls of <paramref name="method"/> only enumerate its result; null when some reference needs the list.</summary>
        public int? StreamableCallers(IMethodSymbol method, CancellationToken cancellationToken)
        {
            // A private method is called only from inside its type, so only that type's files are read; the tallies are then
            // the method's own, not shared with same-named methods elsewhere.
            var tallies = method.DeclaredAccessibility == Accessibility.Private
                ? Build(method.Name, TreesOf(method.ContainingType), cancellationToken)
                : _byName.GetOrAdd(method.Name, name => new Lazy<Dictionary<IMethodSymbol, Tally>>(() => Build(name, null, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
            return !tallies.TryGetValue(method, out var tally) ? 0 : tally.NeedsList ? null : tally.Streamable;
        }

        private static HashSet<SyntaxTree> TreesOf(INamedTypeSymbol type) =>
            new(type.DeclaringSyntaxReferences.Select(reference => reference.SyntaxTree));

        /// <summary>The tallies of every async method named <paramref name="name"/>, from the trees that spell it (within <paramref name="within"/> when given).</summary>
        private Dictionary<IMethodSymbol, Tally> Build(string name, HashSet<SyntaxTree>? within, CancellationToken cancellationToken)
        {
            var tallies = new Dictionary<IMethodSymbol, Tally>(SymbolEqualityComparer.Default);
            IEnumerable<SyntaxTree> spelling;
            if (within is not null)
            {
                spelling = within;
            }
            else
            {
                spelling = _identifiers.TreesSpelling(name);
            }

            // The names are found from where the text spells the word, not by a walk of the tree (which builds every node of
            // the file): a match in a comment or a string is not the start of an identifier token. Documentation comments are
            // left out that way too: a cref names the method, it neither calls it nor needs its list.
            foreach (var tree in spelling)
            {
                SemanticModel? model = null;
                foreach (var token in WordTokens.At(tree.GetRoot(cancellationToken), TextSearch.WordPositions(tree.GetText(cancellationToken), name)))
                {
                    if (token.Parent is not SimpleNameSyntax simple
                        || simple.Identifier != token
                        || simple.Identifier.ValueText != name
                        || !SyntacticGates.MayNameMethod(simple))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Callers live in other trees; this runs only for the names of the rare candidate methods, once per tree that mentions one.
                    model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    var info = model.GetSymbolInfo(simple, cancellationToken);
                    foreach (var symbol in info.Symbol is { } bound ? new[] { bound } : info.CandidateSymbols.ToArray())
                    {
                        if (symbol is not IMethodSymbol { OriginalDefinition: { IsAsync: true } method })
                        {
                            continue;
                        }

                        if (!tallies.TryGetValue(method, out var tally))
                        {
                            tallies[method] = tally = new Tally();
                        }

                        if (!StreamableCall.TryClassify(model, simple, method, cancellationToken, out var call))
                        {
                            tally.NeedsList = true;
                        }
                        else if (call is not null)
                        {
                            tally.Streamable++;
                        }
                    }
                }
            }

            return tallies;
        }

        private sealed class Tally
        {
            public int Streamable;
            public bool NeedsList;
        }
    }
}
