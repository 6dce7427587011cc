using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace YieldAwait.CodeFixes.Conversion.Engine
{
    /// <summary>
    /// One reference to a member that changes, found in the original solution and resolved to syntax once, so that each
    /// policy sorts the same facts: where it is, the name to rename, and the call it is the callee of.
    /// </summary>
    internal sealed class MemberReference
    {
        private MemberReference(Document document, ReferenceLocation location, SyntaxNode node, SimpleNameSyntax? name)
        {
            Document = document;
            Location = location;
            Node = node;
            Name = name;
            IsNameOnly = node.AncestorsAndSelf().Any(n => n is CrefSyntax) || ReferenceRenaming.IsInsideNameOf(node);
            Invocation = CalledAt(node);
        }

        public Document Document { get; }

        public ReferenceLocation Location { get; }

        /// <summary>The innermost node at the reference.</summary>
        public SyntaxNode Node { get; }

        /// <summary>The name that is renamed with the member; null when the reference has none (rare: an implicit use).</summary>
        public SimpleNameSyntax? Name { get; }

        /// <summary>A <c>cref</c> or a <c>nameof(…)</c>: nothing runs there, only the name may change.</summary>
        public bool IsNameOnly { get; }

        /// <summary>The call whose callee the reference is (<c>M()</c>, <c>x.M()</c>, <c>x?.M()</c>); null for a method group or delegate use.</summary>
        public InvocationExpressionSyntax? Invocation { get; }

        /// <summary>Implicit references (a deconstruction, a <c>foreach</c>'s <c>GetEnumerator</c>) have no syntax of their own to change.</summary>
        public bool IsImplicit => Location.IsImplicit;

        public bool IsCandidate => Location.IsCandidateLocation;

        /// <summary>The reference's project speaks C# 8 or later (<c>await foreach</c>, async iterators).</summary>
        public bool AllowsAsyncStreams =>
            Node.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 };

        public Task<SemanticModel?> GetSemanticModelAsync(CancellationToken cancellationToken) =>
            Document.GetSemanticModelAsync(cancellationToken);

        public static async Task<MemberReference?> ResolveAsync(ReferenceLocation location, CancellationToken cancellationToken)
        {
            var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || !root.FullSpan.Contains(location.Location.SourceSpan))
            {
                return null;
            }

            var node = root.FindNode(location.Location.SourceSpan, findInsideTrivia: true, getInnermostNodeForTie: true);
            var name = node as SimpleNameSyntax ?? node.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().LastOrDefault();
            return new MemberReference(location.Document, location, node, name);
        }

        private static InvocationExpressionSyntax? CalledAt(SyntaxNode node)
        {
            var callee = node;
            if (callee.Parent is MemberAccessExpressionSyntax access && access.Name == callee)
            {
                callee = access;
            }
            else if (callee.Parent is MemberBindingExpressionSyntax binding && binding.Name == callee)
            {
                callee = binding;
            }

            return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;
        }
    }
}
