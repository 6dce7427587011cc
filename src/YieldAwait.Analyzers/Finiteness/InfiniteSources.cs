using System.Collections.Generic;
using System.Linq;
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
        /// <summary>The types that hold the library producers <see cref="KnownInfiniteMethods"/> knows, by their metadata names.</summary>
        private static readonly (string Name, string MetadataName)[] ProducerTypes =
        {
            ("EnumerableEx", "System.Linq.EnumerableEx"),
            ("AsyncEnumerableEx", "System.Linq.AsyncEnumerableEx"),
            ("MoreEnumerable", "MoreLinq.MoreEnumerable"),
        };

        /// <summary>.NET 10's <c>Enumerable.InfiniteSequence</c> (in every .NET 10 compilation, so looked for by its call), and the attribute's short name.</summary>
        private const string InfiniteSequenceName = "InfiniteSequence";

        public static bool MayExist(Compilation compilation, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
        {
            if (DeclaresProducerType(compilation.Assembly, compilation.Assembly))
            {
                return true;
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (!IsFrameworkAssembly(assembly) && DeclaresProducerType(assembly, compilation.Assembly))
                {
                    return true;
                }
            }

            var index = SourceIndex.For(compilation);
            var mayCallInfiniteSequence = HasInfiniteSequenceMethod(compilation);
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (RuleOptions.InfiniteMethods.ValueOrDefault(options.GetOptions(tree)).Trim(' ', ',').Length > 0
                    || (mayCallInfiniteSequence && TextSearch.SpellsWord(tree.GetText(cancellationToken), InfiniteSequenceName))
                    || HasEndlessIterator(compilation, index, tree, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the compilation sees .NET 10's <c>InfiniteSequence</c> (on <c>Enumerable</c> or <c>AsyncEnumerable</c>): only then
        /// can a call spell it without a producer the other checks find. Every definition is asked: System.Linq.Async and the
        /// BCL both declare an <c>AsyncEnumerable</c>.
        /// </summary>
        private static bool HasInfiniteSequenceMethod(Compilation compilation)
        {
            foreach (var typeName in InfiniteSequenceTypes)
            {
                foreach (var type in compilation.GetTypesByMetadataName(typeName))
                {
                    if (!type.GetMembers(InfiniteSequenceName).IsEmpty)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static readonly string[] InfiniteSequenceTypes = { "System.Linq.Enumerable", "System.Linq.AsyncEnumerable" };

        /// <summary>Public key tokens of the .NET and ASP.NET Core assemblies, which declare no producer and no such attribute.</summary>
        private static readonly string[] FrameworkKeyTokens =
        {
            "b03f5f7f11d50a3a", "b77a5c561934e089", "31bf3856ad364e35", "cc7b13ffcd2ddd51", "adb9793829ddae60", "7cec85d7bea7798e",
        };

        /// <summary>
        /// Reading the type names of an assembly loads its whole type table; a .NET target references about 160 framework
        /// assemblies, which are skipped by their signing key.
        /// </summary>
        private static bool IsFrameworkAssembly(IAssemblySymbol assembly)
        {
            var token = assembly.Identity.PublicKeyToken;
            if (token.Length != 8)
            {
                return false;
            }

            var text = new System.Text.StringBuilder(16);
            foreach (var b in token)
            {
                text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return System.Array.IndexOf(FrameworkKeyTokens, text.ToString()) >= 0;
        }

        /// <summary>
        /// The assembly declares a producer type the compilation can call (public, or internal to an assembly that shares its
        /// internals with it), or any type named <c>InfiniteSequenceAttribute</c>, whose marks may be on its members.
        /// </summary>
        private static bool DeclaresProducerType(IAssemblySymbol assembly, IAssemblySymbol compilationAssembly)
        {
            var names = assembly.TypeNames;
            if (names.Contains(KnownInfiniteMethods.AttributeName))
            {
                return true;
            }

            foreach (var (name, metadataName) in ProducerTypes)
            {
                if (names.Contains(name)
                    && assembly.GetTypeByMetadataName(metadataName) is { } type
                    && (type.DeclaredAccessibility == Accessibility.Public
                        || SymbolEqualityComparer.Default.Equals(assembly, compilationAssembly)
                        || assembly.GivesAccessTo(compilationAssembly)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// An iterator with a <c>goto</c>, or with a loop without a <c>yield break</c> whose condition is absent or the constant <c>true</c> and whose end
        /// cannot be reached: only such a body can run forever (<see cref="IteratorTermination"/>). A loop without a
        /// <c>break</c> of its own counts without binding; one with a <c>break</c> (<c>while (true) { … if (done) break; }</c>, the
        /// common case) is asked of the compiler's control-flow analysis, which knows whether the <c>break</c> is reachable.
        /// </summary>
        private static bool HasEndlessIterator(Compilation compilation, SourceIndex index, SyntaxTree tree, CancellationToken cancellationToken)
        {
            SemanticModel? model = null;
            HashSet<string>? constants = null;
            foreach (var declaration in index.IteratorDeclarations(tree))
            {
                if (IteratorFacts.GetBody(declaration) is not { } body)
                {
                    continue;
                }

                foreach (var node in body.DescendantNodes(n => !IteratorFacts.IsNestedFunction(n)))
                {
                    if (node is GotoStatementSyntax or LabeledStatementSyntax)
                    {
                        return true;
                    }

                    var (loop, statement, condition) = node switch
                    {
                        WhileStatementSyntax @while => (@while, @while.Statement, @while.Condition),
                        DoStatementSyntax @do => (@do, @do.Statement, @do.Condition),
                        ForStatementSyntax @for => ((StatementSyntax?)@for, @for.Statement, @for.Condition),
                        _ => ((StatementSyntax?)null, (StatementSyntax?)null, (ExpressionSyntax?)null),
                    };

                    if (loop is null || statement is null || (condition is not null && !condition.IsKind(SyntaxKind.TrueLiteralExpression) && !MayBeConstant(condition, ConstantNames(tree, ref constants))))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Once per compilation, only for the iterators with a loop that may run forever.
                    model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (condition is not null && !condition.IsKind(SyntaxKind.TrueLiteralExpression)
                        && model.GetConstantValue(condition, cancellationToken) is not { HasValue: true, Value: true })
                    {
                        continue;
                    }

                    // A yield break in the loop ends the iterator, and the rules count an iterator with a reachable one as
                    // finite; whether it is reachable is not asked (one that is not, as in if (false) yield break;, is missed).
                    if (HasYieldBreak(statement))
                    {
                        continue;
                    }

                    if (!IteratorTermination.HasBreak(statement) || EndIsUnreachable(model, loop))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool HasYieldBreak(StatementSyntax loopBody) =>
            IteratorFacts.YieldStatements(loopBody).Any(statement => statement.IsKind(SyntaxKind.YieldBreakStatement));

        private static bool EndIsUnreachable(SemanticModel model, StatementSyntax loop)
        {
            try
            {
                return model.AnalyzeControlFlow(loop) is not { Succeeded: true, EndPointIsReachable: true };
            }
            catch (System.ArgumentException)
            {
                return true; // not a region the compiler can analyse (broken code): keep the rules on
            }
        }

        /// <summary>
        /// False for a condition with a call, an indexer, an assignment or anything else a constant cannot hold, or with a name
        /// that cannot be a constant; it then needs no binding. Binding a loop's condition binds its whole method, which on
        /// real code cost more than every other check of the rule together. A simple name may be a constant when its file
        /// declares a constant of that name (<paramref name="fileConstants"/>); <c>Limits.Forever</c> when both names are in
        /// Pascal case, as types and constants are named (.NET naming guidelines), not <c>_state.Running</c>. A constant of a
        /// partial type's other file, named without its type, is missed.
        /// </summary>
        private static bool MayBeConstant(ExpressionSyntax condition, HashSet<string> fileConstants)
        {
            foreach (var node in condition.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case IdentifierNameSyntax name:
                        var text = name.Identifier.ValueText;
                        var mayBeConstant = name.Parent is MemberAccessExpressionSyntax access
                            ? IsPascalCase(text) || (access.Name == name && fileConstants.Contains(text))
                            : fileConstants.Contains(text);
                        if (!mayBeConstant)
                        {
                            return false;
                        }

                        continue;
                    case LiteralExpressionSyntax or ParenthesizedExpressionSyntax or PrefixUnaryExpressionSyntax
                        or BinaryExpressionSyntax or ConditionalExpressionSyntax or CastExpressionSyntax or TypeSyntax or DefaultExpressionSyntax:
                        continue;
                    case MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression):
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

        private static bool IsPascalCase(string name) => name.Length > 0 && char.IsUpper(name[0]);

        /// <summary>The names the file declares with <c>const</c> (fields and locals), found from where its text spells the word.</summary>
        private static HashSet<string> ConstantNames(SyntaxTree tree, ref HashSet<string>? constants)
        {
            if (constants is not null)
            {
                return constants;
            }

            constants = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var token in WordTokens.At(tree.GetRoot(), TextSearch.WordPositions(tree.GetText(), "const")))
            {
                if (!token.IsKind(SyntaxKind.ConstKeyword))
                {
                    continue;
                }

                var declaration = token.Parent switch
                {
                    FieldDeclarationSyntax field => field.Declaration,
                    LocalDeclarationStatementSyntax local => local.Declaration,
                    _ => null,
                };

                foreach (var variable in declaration?.Variables ?? default)
                {
                    constants.Add(variable.Identifier.ValueText);
                }
            }

            return constants;
        }
    }
}
