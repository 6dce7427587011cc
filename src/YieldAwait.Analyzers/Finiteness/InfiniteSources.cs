using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.Options;

namespace YieldAwait.Analyzers.Finiteness
{
    /// <summary>
    /// Whether anything in a compilation can start a sequence that never ends. Every infinite value the analysis finds comes
    /// from one of these: an iterator of the compilation with a loop or <c>goto</c> that can keep its body from ending, a library
    /// producer the catalog names (<c>InfiniteSequence</c>, System.Interactive's and MoreLINQ's), a member marked with an
    /// attribute named <c>InfiniteSequenceAttribute</c>, or one listed in <c>yieldawait.infinite_methods</c>. Everything else
    /// (summaries of methods, locals, fields, operators, <c>foreach</c> over an infinite source) only passes infiniteness on.
    /// Most compilations have none of these, and then the YA2xxx rules register nothing. Each check over-approximates.
    /// </summary>
    internal static class InfiniteSources
    {
        /// <summary>The types that hold the library producers <see cref="KnownInfiniteMethods"/> knows, and the marking attribute.</summary>
        private static readonly string[] ProducerTypeNames = { "EnumerableEx", "AsyncEnumerableEx", "MoreEnumerable", KnownInfiniteMethods.AttributeName };

        /// <summary>.NET 10's <c>Enumerable.InfiniteSequence</c> (in every .NET 10 compilation, so looked for by its call), and the attribute's short name.</summary>
        private const string InfiniteSequenceName = "InfiniteSequence";

        public static bool MayExist(Compilation compilation, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
        {
            if (DeclaresProducerType(compilation.Assembly))
            {
                return true;
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (DeclaresProducerType(assembly))
                {
                    return true;
                }
            }

            var index = SourceIndex.For(compilation);
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (RuleOptions.InfiniteMethods.ValueOrDefault(options.GetOptions(tree)).Trim(' ', ',').Length > 0
                    || TextSearch.SpellsWord(tree.GetText(cancellationToken), InfiniteSequenceName)
                    || HasEndlessIterator(compilation, index, tree, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DeclaresProducerType(IAssemblySymbol assembly)
        {
            var names = assembly.TypeNames;
            foreach (var name in ProducerTypeNames)
            {
                if (names.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An iterator with a <c>goto</c> or a loop whose condition is absent or may be the constant <c>true</c> (see <see cref="BodyShape.MayLoopForever"/>).</summary>
        private static bool HasEndlessIterator(Compilation compilation, SourceIndex index, SyntaxTree tree, CancellationToken cancellationToken)
        {
            SemanticModel? model = null;
            foreach (var declaration in index.IteratorDeclarations(tree))
            {
                if (IteratorFacts.GetBody(declaration) is not { } body)
                {
                    continue;
                }

                var shape = BodyShape.Of(body);
                if (shape.HasGotoOrLabel)
                {
                    return true;
                }

                foreach (var condition in shape.LoopConditions)
                {
                    if (condition is null || condition.IsKind(SyntaxKind.TrueLiteralExpression))
                    {
                        return true;
                    }

                    if (!MayBeConstant(condition))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Once per compilation, only for the iterators whose loop condition could be a constant.
                    model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (model.GetConstantValue(condition, cancellationToken) is { HasValue: true, Value: true })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>False for a condition with a call, an indexer, an assignment or anything else a constant cannot hold; it then needs no binding.</summary>
        private static bool MayBeConstant(ExpressionSyntax condition)
        {
            foreach (var node in condition.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case LiteralExpressionSyntax or IdentifierNameSyntax or ParenthesizedExpressionSyntax or PrefixUnaryExpressionSyntax
                        or BinaryExpressionSyntax or ConditionalExpressionSyntax or CastExpressionSyntax or TypeSyntax or DefaultExpressionSyntax:
                        continue;
                    case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                        continue;
                    case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }:
                    case ArgumentListSyntax or ArgumentSyntax:
                        continue;
                    default:
                        return false;
                }
            }

            return true;
        }
    }
}
