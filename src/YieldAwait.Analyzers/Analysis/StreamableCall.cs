using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The consumer half of YA4003: a call whose awaited result is only enumerated once, so <c>await foreach</c> over the
    /// stream can replace it. Two shapes: <c>foreach (var x in await M())</c>, and <c>var r = await M();</c> immediately
    /// followed by <c>foreach (var x in r)</c> with <c>r</c> used nowhere else. Anything else (an indexer, <c>Count</c>,
    /// LINQ, passing or storing the list, a second enumeration, a combinator on the task) needs the list.
    /// </summary>
    internal sealed class StreamableCall
    {
        private StreamableCall(IInvocationOperation invocation, IAwaitOperation awaited, IForEachLoopOperation loop, IVariableDeclarationGroupOperation? declaration)
        {
            Invocation = invocation;
            Awaited = awaited;
            Loop = loop;
            Declaration = declaration;
        }

        public IInvocationOperation Invocation { get; }

        /// <summary>The <c>await</c> of the call (or of its <c>ConfigureAwait(…)</c>).</summary>
        public IAwaitOperation Awaited { get; }

        /// <summary>The <c>foreach</c> that becomes <c>await foreach</c>.</summary>
        public IForEachLoopOperation Loop { get; }

        /// <summary>The <c>var r = await M();</c> statement that goes away; null for the inline shape.</summary>
        public IVariableDeclarationGroupOperation? Declaration { get; }

        public static StreamableCall? Match(IInvocationOperation invocation)
        {
            if (invocation.Syntax is not InvocationExpressionSyntax)
            {
                return null;
            }

            // 'await M().ConfigureAwait(false)' keeps its meaning as 'await foreach (… in M().ConfigureAwait(false))'.
            var awaitedValue = (IOperation)invocation;
            if (invocation.Parent is IInvocationOperation { TargetMethod: { Name: "ConfigureAwait", IsStatic: false, Parameters.Length: 1 } } configure && configure.Instance == invocation
                && configure.TargetMethod.Parameters[0].Type.SpecialType == SpecialType.System_Boolean)
            {
                awaitedValue = configure;
            }

            if (awaitedValue.Parent is not IAwaitOperation awaited)
            {
                return null;
            }

            var parent = awaited.Parent;
            while (parent is IConversionOperation { IsImplicit: true })
            {
                parent = parent.Parent;
            }

            if (parent is IForEachLoopOperation { IsAsynchronous: false } inline
                && BufferedListMethod.WithoutConversions(inline.Collection) == awaited
                && inline.Syntax is ForEachStatementSyntax or ForEachVariableStatementSyntax)
            {
                return SharesResourceWithProducer(inline, invocation.TargetMethod) ? null : new StreamableCall(invocation, awaited, inline, null);
            }

            if (parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                || declarator.Parent is not IVariableDeclarationOperation { Declarators.Length: 1, Parent: IVariableDeclarationGroupOperation { Declarations.Length: 1 } group }
                || group.Syntax is not LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, AwaitKeyword.RawKind: 0, Parent: BlockSyntax block } statement
                || group.Parent is not IBlockOperation scope)
            {
                return null;
            }

            var index = block.Statements.IndexOf(statement);
            if (index + 1 >= block.Statements.Count
                || block.Statements[index + 1] is not CommonForEachStatementSyntax { AwaitKeyword.RawKind: 0 } next
                || next.Expression is not IdentifierNameSyntax)
            {
                return null;
            }

            var references = scope.Descendants().OfType<ILocalReferenceOperation>()
                .Where(r => SymbolEqualityComparer.Default.Equals(r.Local, declarator.Symbol))
                .ToList();
            if (references.Count != 1
                || references[0].Syntax != next.Expression
                || FindLoop(references[0]) is not { IsAsynchronous: false } loop
                || loop.Syntax != next)
            {
                return null;
            }

            return SharesResourceWithProducer(loop, invocation.TargetMethod) ? null : new StreamableCall(invocation, awaited, loop, group);
        }

        /// <summary>
        /// The loop body uses a disposable field or property of the producer's type that the producer also reads (its
        /// connection, its DbContext, its stream). As a stream, the producer would be suspended mid-read on that object while
        /// the body uses it: a second command while a reader is open, a second operation on a DbContext. The list keeps them apart.
        /// </summary>
        private static bool SharesResourceWithProducer(IForEachLoopOperation loop, IMethodSymbol producer)
        {
            HashSet<string>? producerNames = null;
            foreach (var reference in loop.Body.DescendantsAndSelf().OfType<IMemberReferenceOperation>())
            {
                if (reference.Member is not (IFieldSymbol { IsConst: false } or IPropertySymbol)
                    || !IsDisposable(reference.Type)
                    || !DeclaredIn(producer.ContainingType, reference.Member.ContainingType))
                {
                    continue;
                }

                producerNames ??= new HashSet<string>(
                    producer.DeclaringSyntaxReferences.SelectMany(r => r.GetSyntax().DescendantTokens())
                        .Where(t => t.IsKind(SyntaxKind.IdentifierToken))
                        .Select(t => t.ValueText),
                    System.StringComparer.Ordinal);
                if (producerNames.Contains(reference.Member.Name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDisposable(ITypeSymbol? type) =>
            type is not null
            && (type.SpecialType == SpecialType.System_IDisposable
                || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable || i.Name == "IAsyncDisposable")
                || type.Name == "IAsyncDisposable");

        private static bool DeclaredIn(INamedTypeSymbol? type, INamedTypeSymbol owner)
        {
            for (; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, owner.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What a reference to <paramref name="method"/> (the name node found by a search) means: a streamable call, a name
        /// that survives the conversion unchanged (<c>nameof</c>, a <c>cref</c>), or a use that needs the list (returns false).
        /// </summary>
        public static bool TryClassify(SemanticModel model, SyntaxNode name, IMethodSymbol method, CancellationToken cancellationToken, out StreamableCall? call)
        {
            call = null;
            if (name.FirstAncestorOrSelf<DocumentationCommentTriviaSyntax>(ascendOutOfTrivia: false) is not null
                || SyntacticGates.IsInNameOf(name))
            {
                return true;
            }

            var callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            if (callee.Parent is not InvocationExpressionSyntax invocation
                || invocation.Expression != callee
                || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
                || SymbolEqualityComparer.Default.Equals(model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken), method))
            {
                return false;
            }

            call = Match(operation);
            return call is not null;
        }

        private static IForEachLoopOperation? FindLoop(IOperation reference)
        {
            var parent = reference.Parent;
            while (parent is IConversionOperation { IsImplicit: true })
            {
                parent = parent.Parent;
            }

            return parent as IForEachLoopOperation;
        }
    }
}
