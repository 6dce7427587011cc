using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace YieldAwait.CodeFixes.Conversion.Engine
{
    /// <summary>
    /// The one walk behind every fix that changes a member's contract across the solution (a new return type, a new
    /// parameter, a lazy result): find the member's family, find every reference to each member, let the fix's
    /// <see cref="ChangePolicy{TRewrite}"/> sort each one, rename, and follow the callers the policy says must change too.
    /// One blocking reference stops the walk: a fix is offered only where every caller can follow.
    /// </summary>
    internal static class SolutionChangeEngine
    {
        /// <summary>The change that starts at <paramref name="declaration"/>; see <see cref="SolutionChange{T}.Succeeded"/>.</summary>
        public static async Task<SolutionChange<TRewrite>> PlanAsync<TRewrite>(
            Solution solution, Document document, SyntaxNode declaration, ChangePolicy<TRewrite> policy, CancellationToken cancellationToken)
            where TRewrite : class
        {
            var walk = new Walk<TRewrite>(solution, policy, cancellationToken);
            var succeeded = await walk.RunAsync(document, declaration).ConfigureAwait(false);
            return walk.ToChange(succeeded);
        }

        private sealed class Walk<TRewrite>
            where TRewrite : class
        {
            private readonly Solution _solution;
            private readonly ChangePolicy<TRewrite> _policy;
            private readonly CancellationToken _cancellationToken;
            private readonly List<FamilyMember> _members = new();
            private readonly Dictionary<SimpleNameSyntax, RenameSite> _renames = new();
            private readonly List<TRewrite> _rewrites = new();
            private readonly Queue<FamilyMember> _pending = new();
            private readonly HashSet<SyntaxNode> _queued = new();
            private readonly HashSet<SyntaxNode> _changed = new();
            private readonly HashSet<(SyntaxTree, TextSpan)> _sorted = new();

            public Walk(Solution solution, ChangePolicy<TRewrite> policy, CancellationToken cancellationToken)
            {
                _solution = solution;
                _policy = policy;
                _cancellationToken = cancellationToken;
            }

            private bool Blocked { get; set; }

            public SolutionChange<TRewrite> ToChange(bool succeeded) =>
                new(_solution, succeeded, Blocked, _members, _renames.Values.ToList(), _rewrites);

            public async Task<bool> RunAsync(Document document, SyntaxNode declaration)
            {
                var model = await document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
                if (model?.GetDeclaredSymbol(declaration, _cancellationToken) is not IMethodSymbol symbol)
                {
                    return false;
                }

                _pending.Enqueue(new FamilyMember(document, declaration, symbol));
                _queued.Add(declaration);
                while (_pending.Count > 0)
                {
                    var next = _pending.Dequeue();
                    var family = _policy.ChangesFamily
                        ? await MemberFamily.FindAsync(_solution, next, _cancellationToken).ConfigureAwait(false)
                        : new[] { next };
                    if (family is null || !await _policy.AcceptAsync(family, _cancellationToken).ConfigureAwait(false))
                    {
                        return false;
                    }

                    var added = family.Where(m => _changed.Add(m.Declaration)).ToList();
                    foreach (var member in added)
                    {
                        _queued.Add(member.Declaration);
                        _members.Add(member);
                    }

                    foreach (var member in added)
                    {
                        if (!await SortReferencesAsync(member).ConfigureAwait(false))
                        {
                            return false;
                        }
                    }
                }

                return true;
            }

            private async Task<bool> SortReferencesAsync(FamilyMember member)
            {
                var newName = _policy.NewNameOf(member);
                var references = await SymbolFinder.FindReferencesAsync(member.Symbol, _solution, _cancellationToken).ConfigureAwait(false);
                foreach (var referenced in references.Where(r => _policy.Includes(r, member)))
                {
                    // Roslyn cascades to the family's other members, so one reference can come twice: it is sorted once.
                    foreach (var location in referenced.Locations.Where(l => l.Location.IsInSource && _sorted.Add((l.Location.SourceTree!, l.Location.SourceSpan))))
                    {
                        var reference = await MemberReference.ResolveAsync(location, _cancellationToken).ConfigureAwait(false);
                        var verdict = reference is null
                            ? ReferenceVerdict<TRewrite>.Blocks
                            : await _policy.SortAsync(reference, member, _cancellationToken).ConfigureAwait(false);
                        if (verdict.Fate == ReferenceFate.Blocks)
                        {
                            Blocked = true;
                            return false;
                        }

                        if (verdict.Rewrite is { } rewrite)
                        {
                            _rewrites.Add(rewrite);
                        }

                        if (verdict.Renamed && newName is not null && reference!.Name is { } name)
                        {
                            _renames[name] = new RenameSite(location.Document.Id, name, newName);
                        }

                        if (verdict.AlsoChanges is { } caller && _queued.Add(caller.Declaration))
                        {
                            _pending.Enqueue(caller);
                        }
                    }
                }

                return true;
            }
        }
    }
}
