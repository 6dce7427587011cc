using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rewrites
{
    /// <summary>
    /// YA3001's "Validate eagerly": an iterator whose first statements check its arguments becomes a method that runs
    /// those checks and returns a local iterator function holding the rest of the body:
    /// <code>
    /// ArgumentNullException.ThrowIfNull(source);
    /// return ReadIterator(source, cancellationToken);
    ///
    /// static async IAsyncEnumerable&lt;T&gt; ReadIterator(IEnumerable&lt;T&gt; source, [EnumeratorCancellation] CancellationToken cancellationToken) { … }
    /// </code>
    /// Parameters are passed, not captured, so each call (and each enumeration) gets its own copies as before; the
    /// <c>[EnumeratorCancellation]</c> token moves to the local function, which stays <c>async</c>, and the outer method
    /// passes its token through. Signature, attributes, XML docs, constraints, comments and <c>#if</c> regions are kept.
    /// </summary>
    internal static class EagerValidationSplit
    {
        /// <summary>A plan for one iterator, or null when the split would not compile or would change what the code does.</summary>
        public static SplitPlan? Plan(SemanticModel model, SyntaxNode declaration, IReadOnlyCollection<int> checkIndices, CancellationToken cancellationToken)
        {
            if (!IsSplittable(declaration)
                || IteratorFacts.GetBody(declaration) is not { } body
                || Symbol(model, declaration, cancellationToken) is not { } declared
                || AsyncTypes.TryCreate(model.Compilation) is not { } types
                || declaration.SyntaxTree.Options is not CSharpParseOptions { LanguageVersion: var languageVersion }
                || languageVersion < LanguageVersion.CSharp8)
            {
                return null;
            }

            // A partial method's body binds to its implementation part.
            var function = declared.PartialImplementationPart ?? declared;
            var kind = IteratorFacts.Classify(function, types);
            var indices = checkIndices.Distinct().OrderBy(i => i).ToList();
            var firstYield = PreYieldRegion.FirstYieldingStatement(body);
            if (kind == IteratorKind.None || indices.Count == 0 || indices[0] < 0 || indices[indices.Count - 1] >= firstYield
                || function.Parameters.Any(p => p.RefKind != RefKind.None || ParameterSyntaxOf(p) is null))
            {
                return null;
            }

            var checks = indices.Select(i => body.Statements[i]).ToList();
            if (checks.Any(check => !CanRunOutsideIterator(check))
                || !ChecksKeepTheirInputs(model, body, indices, cancellationToken)
                || !DirectivesAllowMove(body, indices, out var movedTriviaCount))
            {
                return null;
            }

            var rest = body.Statements.Where(s => !checks.Contains(s)).ToList();
            var usage = RestUsage.Collect(model, body, rest, checks, function, cancellationToken);
            if (usage is null || (usage.UsesThis && !function.IsStatic && function.ContainingType.IsValueType))
            {
                return null;
            }

            CancellationTokenParameter? token = null;
            if (kind == IteratorKind.Async && EnumeratorCancellationParameter(function) is { } tokenParameter)
            {
                // Attributes on local function parameters need C# 9; the token must keep its attribute on the iterator.
                token = languageVersion >= LanguageVersion.CSharp9 ? TokenAttribute(model, tokenParameter, cancellationToken) : null;
                if (token is null)
                {
                    return null;
                }
            }

            var parameters = function.Parameters
                .Where(p => usage.Parameters.Contains(p) || SymbolEqualityComparer.Default.Equals(p, token?.Parameter))
                .ToList();
            if (usage.Locals.Any(l => l.RefKind != RefKind.None || l.Type.IsAnonymousType || l.Type.TypeKind == TypeKind.Error))
            {
                return null;
            }

            var provedNotNull = parameters.Where(p => ProvedNotNull(model, p, p.Type, rest, cancellationToken)).ToList();
            return new SplitPlan(
                declaration,
                checks,
                movedTriviaCount,
                UniqueName(model, declaration, body, BaseName(declaration)),
                isStatic: !usage.UsesThis && !usage.CapturesOuter,
                isAsync: kind == IteratorKind.Async,
                parameters,
                usage.Locals.Select(l => (l.Name, FlowType(model, l, rest, cancellationToken))).ToList(),
                token,
                provedNotNull);
        }

        public static async Task<Document> ApplyAsync(Document document, SplitPlan plan, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var generator = SyntaxGenerator.GetGenerator(document);
            var replacement = Reindentation.WithoutElasticTrivia(Rewrite(plan, generator));
            return document.WithSyntaxRoot(root.ReplaceNode(plan.Declaration, replacement));
        }

        /// <summary>The declaration of a parameter; an indexer accessor's parameters are declared on the indexer.</summary>
        private static ParameterSyntax? ParameterSyntaxOf(IParameterSymbol parameter)
        {
            var declared = parameter.DeclaringSyntaxReferences;
            if (declared.IsEmpty && parameter.ContainingSymbol is IMethodSymbol { AssociatedSymbol: IPropertySymbol indexer } && parameter.Ordinal < indexer.Parameters.Length)
            {
                declared = indexer.Parameters[parameter.Ordinal].DeclaringSyntaxReferences;
            }

            return declared.FirstOrDefault()?.GetSyntax() as ParameterSyntax;
        }

        private static bool IsSplittable(SyntaxNode declaration) =>
            declaration is MethodDeclarationSyntax or LocalFunctionStatementSyntax or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax
                or AccessorDeclarationSyntax { RawKind: (int)SyntaxKind.GetAccessorDeclaration, Parent.Parent: BasePropertyDeclarationSyntax };

        /// <summary>
        /// The type to declare a passed local with. A <c>var</c> local is declared nullable in a nullable context
        /// (<c>string?</c>); when the checks have proved it not null, the parameter says so, or every use warns.
        /// </summary>
        private static ITypeSymbol FlowType(SemanticModel model, ILocalSymbol local, List<StatementSyntax> rest, CancellationToken cancellationToken) =>
            ProvedNotNull(model, local, local.Type, rest, cancellationToken) ? local.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : local.Type;

        /// <summary>A nullable reference that the checks have proved not null where the iterator first reads it.</summary>
        private static bool ProvedNotNull(SemanticModel model, ISymbol symbol, ITypeSymbol type, List<StatementSyntax> rest, CancellationToken cancellationToken)
        {
            if (type.IsValueType || type.NullableAnnotation != NullableAnnotation.Annotated)
            {
                return false;
            }

            var firstUse = rest.SelectMany(s => s.DescendantNodes()).OfType<IdentifierNameSyntax>()
                .FirstOrDefault(n => n.Identifier.ValueText == symbol.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, symbol));
            return firstUse is not null && model.GetTypeInfo(firstUse, cancellationToken).Nullability.FlowState == NullableFlowState.NotNull;
        }

        private static IMethodSymbol? Symbol(SemanticModel model, SyntaxNode declaration, CancellationToken cancellationToken) =>
            model.GetDeclaredSymbol(declaration, cancellationToken) as IMethodSymbol;

        /// <summary>A check that awaits, jumps, declares a <c>using</c> resource or a label cannot leave the iterator.</summary>
        private static bool CanRunOutsideIterator(StatementSyntax check)
        {
            if (check is LocalFunctionStatementSyntax or LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 }
                || check is LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: not 0 })
            {
                return false;
            }

            return !check.DescendantNodesAndSelf(n => !IteratorFacts.IsNestedFunction(n)).Any(n =>
                n is AwaitExpressionSyntax or LabeledStatementSyntax or GotoStatementSyntax or YieldStatementSyntax or ReturnStatementSyntax
                || n is CommonForEachStatementSyntax { AwaitKeyword.RawKind: not 0 }
                || n is UsingStatementSyntax { AwaitKeyword.RawKind: not 0 }
                || n is LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: not 0 });
        }

        /// <summary>
        /// Moving a check ahead of the statements before it is safe only when none of them writes or declares what the
        /// check reads, none of them uses what the check writes, and the check calls no local function that will move
        /// into the iterator.
        /// </summary>
        private static bool ChecksKeepTheirInputs(SemanticModel model, BlockSyntax body, List<int> indices, CancellationToken cancellationToken)
        {
            var changedBefore = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var readBefore = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var checkSet = new HashSet<int>(indices);
            var movedSpans = indices.Select(i => body.Statements[i].Span).ToList();
            for (var i = 0; i <= indices[indices.Count - 1]; i++)
            {
                var statement = body.Statements[i];
                var flow = model.AnalyzeDataFlow(statement);
                if (flow is null || !flow.Succeeded)
                {
                    return false;
                }

                if (!checkSet.Contains(i))
                {
                    changedBefore.UnionWith(flow.WrittenInside);
                    changedBefore.UnionWith(flow.VariablesDeclared);
                    readBefore.UnionWith(flow.ReadInside);
                    continue;
                }

                if (flow.ReadInside.Any(changedBefore.Contains) || flow.WrittenInside.Any(readBefore.Contains) || flow.WrittenInside.Any(changedBefore.Contains))
                {
                    return false;
                }

                if (model.GetOperation(statement, cancellationToken) is { } operation && operation.DescendantsAndSelf().Any(o =>
                    o switch
                    {
                        IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call => DeclaredOutside(call.TargetMethod, body, movedSpans),
                        IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference => DeclaredOutside(reference.Method, body, movedSpans),
                        _ => false,
                    }))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool DeclaredOutside(IMethodSymbol localFunction, BlockSyntax body, List<TextSpan> movedSpans) =>
            localFunction.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == body.SyntaxTree && body.Span.Contains(r.Span) && !movedSpans.Any(s => s.Contains(r.Span)));

        /// <summary>
        /// The checks take their trivia with them; an <c>#if</c> opened among them must close among them, or in the
        /// directives that start the next statement (the <c>#else … #endif</c> of a multi-targeted check), which then move
        /// too: <paramref name="movedTriviaCount"/> is how many of the next statement's leading trivia go.
        /// </summary>
        private static bool DirectivesAllowMove(BlockSyntax body, List<int> indices, out int movedTriviaCount)
        {
            movedTriviaCount = 0;
            var last = indices[indices.Count - 1];
            var next = body.Statements[last + 1];
            var contiguous = indices[0] == 0 && last == indices.Count - 1;
            if (!contiguous)
            {
                return !body.Statements.Take(last + 1).Any(s => s.ContainsDirectives) && !next.GetLeadingTrivia().Any(t => t.IsDirective);
            }

            var open = new Stack<SyntaxKind>();
            foreach (var trivia in body.Statements.Take(last + 1).SelectMany(s => s.DescendantTrivia(descendIntoTrivia: false)))
            {
                if (!Track(open, trivia))
                {
                    return false;
                }
            }

            var leading = next.GetLeadingTrivia();
            for (var i = 0; open.Count > 0 && i < leading.Count; i++)
            {
                if (!Track(open, leading[i]))
                {
                    return false;
                }

                movedTriviaCount = i + 1;
            }

            return open.Count == 0;
        }

        private static bool Track(Stack<SyntaxKind> open, SyntaxTrivia trivia)
        {
            switch (trivia.Kind())
            {
                case SyntaxKind.IfDirectiveTrivia:
                case SyntaxKind.RegionDirectiveTrivia:
                    open.Push(trivia.Kind());
                    return true;
                case SyntaxKind.ElifDirectiveTrivia:
                case SyntaxKind.ElseDirectiveTrivia:
                    return open.Count > 0 && open.Peek() == SyntaxKind.IfDirectiveTrivia;
                case SyntaxKind.EndIfDirectiveTrivia:
                    return open.Count > 0 && open.Pop() == SyntaxKind.IfDirectiveTrivia;
                case SyntaxKind.EndRegionDirectiveTrivia:
                    return open.Count > 0 && open.Pop() == SyntaxKind.RegionDirectiveTrivia;
                default:
                    return true;
            }
        }

        private const string EnumeratorCancellationAttribute = "System.Runtime.CompilerServices.EnumeratorCancellationAttribute";

        private static IParameterSymbol? EnumeratorCancellationParameter(IMethodSymbol function) =>
            function.Parameters.FirstOrDefault(p => p.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == EnumeratorCancellationAttribute));

        private static CancellationTokenParameter? TokenAttribute(SemanticModel model, IParameterSymbol parameter, CancellationToken cancellationToken)
        {
            if (parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not ParameterSyntax syntax)
            {
                return null;
            }

            var attribute = syntax.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a =>
                model.GetSymbolInfo(a, cancellationToken).Symbol?.ContainingType?.ToDisplayString() == EnumeratorCancellationAttribute);
            return attribute is null ? null : new CancellationTokenParameter(parameter, attribute);
        }

        /// <summary><c>ReadIterator</c> for <c>Read</c> (explicit interface implementations included), <c>ItemsIterator</c> for a property, else <c>Iterator</c>.</summary>
        private static string BaseName(SyntaxNode declaration) => declaration switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText + "Iterator",
            LocalFunctionStatementSyntax local => local.Identifier.ValueText + "Iterator",
            AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText + "Iterator",
            _ => "Iterator",
        };

        private static string UniqueName(SemanticModel model, SyntaxNode declaration, BlockSyntax body, string baseName)
        {
            var taken = new HashSet<string>(declaration.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            taken.UnionWith(model.LookupSymbols(body.SpanStart).Select(s => s.Name));
            var name = baseName;
            for (var n = 2; taken.Contains(name); n++)
            {
                name = baseName + n;
            }

            return name;
        }

        private static SyntaxNode Rewrite(SplitPlan plan, SyntaxGenerator generator)
        {
            var declaration = plan.Declaration;
            var body = IteratorFacts.GetBody(declaration)!;
            var endOfLine = declaration.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (!endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                endOfLine = SyntaxFactory.ElasticCarriageReturnLineFeed;
            }

            var statementIndent = Reindentation.IndentationOf(body.Statements[0].GetFirstToken());
            var unit = Reindentation.Unit(Reindentation.IndentationOf(body.OpenBraceToken), statementIndent);
            var lastCheck = plan.Checks[plan.Checks.Count - 1];
            var next = body.Statements[body.Statements.IndexOf(lastCheck) + 1];
            var movedTrivia = next.GetLeadingTrivia().Take(plan.MovedTriviaCount).ToList();

            // The iterator: the old body without the checks, one level deeper (statements keep their places, so indices still hold).
            var checkIndices = new HashSet<int>(plan.Checks.Select(c => body.Statements.IndexOf(c)));
            var nextIndex = body.Statements.IndexOf(next);
            var indented = Reindentation.Indent(body, unit);
            var remaining = indented.Statements.Where((_, i) => !checkIndices.Contains(i)).ToList();
            var firstLeading = indented.Statements[nextIndex].GetLeadingTrivia();
            firstLeading = SyntaxFactory.TriviaList(firstLeading.Skip(plan.MovedTriviaCount));
            if (remaining[0] == indented.Statements[nextIndex])
            {
                remaining[0] = remaining[0].WithLeadingTrivia(Reindentation.WithoutLeadingBlankLines(firstLeading));
            }
            else
            {
                remaining[0] = remaining[0].WithLeadingTrivia(Reindentation.WithoutLeadingBlankLines(remaining[0].GetLeadingTrivia()));
            }

            // The braces' own comments (`{ // validate`) stay on the method's braces.
            var iteratorBody = indented.WithStatements(SyntaxFactory.List(remaining))
                .WithOpenBraceToken(indented.OpenBraceToken.WithTrailingTrivia(endOfLine))
                .WithCloseBraceToken(indented.CloseBraceToken.WithTrailingTrivia(endOfLine));

            var arguments = plan.Parameters.Select(p => p.Name).Concat(plan.Locals.Select(l => l.Name)).ToList();
            var returnStatement = SyntaxFactory.ReturnStatement(
                    SyntaxFactory.Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.InvocationExpression(
                        SyntaxFactory.IdentifierName(plan.IteratorName),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(
                            arguments.Select(a => SyntaxFactory.Argument(SyntaxFactory.IdentifierName(a))),
                            arguments.Skip(1).Select(_ => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space))))),
                    SyntaxFactory.Token(SyntaxKind.SemicolonToken))
                .WithLeadingTrivia(movedTrivia.Concat(new[] { endOfLine, SyntaxFactory.Whitespace(statementIndent) }))
                .WithTrailingTrivia(endOfLine);

            var localFunction = IteratorFunction(plan, declaration, body, iteratorBody, generator)
                .WithLeadingTrivia(endOfLine, SyntaxFactory.Whitespace(statementIndent));

            var outerStatements = plan.Checks.Select(c => (StatementSyntax)c).ToList();
            outerStatements[0] = outerStatements[0].WithLeadingTrivia(Reindentation.WithoutLeadingBlankLines(outerStatements[0].GetLeadingTrivia()));
            outerStatements.Add(returnStatement);
            outerStatements.Add(localFunction);
            var outerBody = SyntaxFactory.Block(body.OpenBraceToken, SyntaxFactory.List(outerStatements), body.CloseBraceToken);

            return OuterSignature(plan, declaration.ReplaceNode(body, outerBody));
        }

        private static LocalFunctionStatementSyntax IteratorFunction(SplitPlan plan, SyntaxNode declaration, BlockSyntax body, BlockSyntax iteratorBody, SyntaxGenerator generator)
        {
            var modifiers = new List<SyntaxToken>();
            if (plan.IsStatic)
            {
                modifiers.Add(SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTrailingTrivia(SyntaxFactory.Space));
            }

            if (plan.IsAsync)
            {
                modifiers.Add(SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space));
            }

            var parameters = new List<ParameterSyntax>();
            foreach (var parameter in plan.Parameters)
            {
                var syntax = ParameterSyntaxOf(parameter)!;
                var type = syntax.Type!.WithoutTrivia();
                if (type is NullableTypeSyntax { ElementType: var elementType } && plan.ProvedNotNull.Contains(parameter, SymbolEqualityComparer.Default))
                {
                    type = elementType;
                }

                var typed = SyntaxFactory.Parameter(SyntaxFactory.Identifier(syntax.Identifier.Text))
                    .WithType(type.WithTrailingTrivia(SyntaxFactory.Space));
                if (plan.Token is { } token && SymbolEqualityComparer.Default.Equals(token.Parameter, parameter))
                {
                    typed = typed.WithAttributeLists(SyntaxFactory.SingletonList(
                        SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(token.Attribute.WithoutTrivia())).WithTrailingTrivia(SyntaxFactory.Space)));
                }

                parameters.Add(typed);
            }

            foreach (var local in plan.Locals)
            {
                parameters.Add(SyntaxFactory.Parameter(SyntaxFactory.Identifier(local.Name))
                    .WithType(((TypeSyntax)generator.TypeExpression(local.Type)).WithAdditionalAnnotations(Simplifier.Annotation).WithTrailingTrivia(SyntaxFactory.Space)));
            }

            var returnType = declaration switch
            {
                MethodDeclarationSyntax method => method.ReturnType,
                LocalFunctionStatementSyntax local => local.ReturnType,
                OperatorDeclarationSyntax op => op.ReturnType,
                ConversionOperatorDeclarationSyntax conversion => conversion.Type,
                AccessorDeclarationSyntax { Parent.Parent: BasePropertyDeclarationSyntax property } => property.Type,
                _ => SyntaxFactory.ParseTypeName("object"), // unreachable: Plan accepts only the declarations above
            };

            var closeParen = SyntaxFactory.Token(SyntaxKind.CloseParenToken).WithTrailingTrivia(body.OpenBraceToken.GetPreviousToken().TrailingTrivia);
            return SyntaxFactory.LocalFunctionStatement(
                SyntaxFactory.TokenList(modifiers),
                returnType.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Identifier(plan.IteratorName),
                typeParameterList: null,
                SyntaxFactory.ParameterList(
                    SyntaxFactory.Token(SyntaxKind.OpenParenToken),
                    SyntaxFactory.SeparatedList(parameters, parameters.Skip(1).Select(_ => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space))),
                    closeParen),
                SyntaxFactory.List<TypeParameterConstraintClauseSyntax>(),
                iteratorBody,
                expressionBody: null);
        }

        /// <summary>The outer method is no longer an iterator: it drops <c>async</c>, and its token loses <c>[EnumeratorCancellation]</c> (CS8424).</summary>
        private static SyntaxNode OuterSignature(SplitPlan plan, SyntaxNode declaration)
        {
            var parameterList = declaration switch
            {
                MethodDeclarationSyntax method => method.ParameterList,
                LocalFunctionStatementSyntax local => local.ParameterList,
                _ => null,
            };
            if (plan.Token is { } token
                && parameterList?.Parameters.FirstOrDefault(p => p.Identifier.ValueText == token.Parameter.Name) is { } parameter
                && parameter.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => a.IsEquivalentTo(token.Attribute)) is { Parent: AttributeListSyntax list } attribute)
            {
                declaration = declaration.ReplaceNode(
                    parameter,
                    list.Attributes.Count == 1 ? RemoveAttributeList(parameter, list) : parameter.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute))));
            }

            if (!plan.IsAsync)
            {
                return declaration;
            }

            return declaration switch
            {
                MethodDeclarationSyntax method => WithoutAsync(method.Modifiers, method.ReturnType, (m, t) => method.WithModifiers(m).WithReturnType(t)),
                LocalFunctionStatementSyntax local => WithoutAsync(local.Modifiers, local.ReturnType, (m, t) => local.WithModifiers(m).WithReturnType(t)),
                _ => declaration,
            };
        }

        /// <summary>Removes <c>async</c>; its leading trivia (indentation, and XML docs when it came first) goes to what follows it.</summary>
        private static SyntaxNode WithoutAsync(SyntaxTokenList modifiers, TypeSyntax returnType, System.Func<SyntaxTokenList, TypeSyntax, SyntaxNode> rebuild)
        {
            var index = modifiers.IndexOf(SyntaxKind.AsyncKeyword);
            if (index < 0)
            {
                return rebuild(modifiers, returnType);
            }

            var leading = modifiers[index].LeadingTrivia;
            var remaining = modifiers.RemoveAt(index);
            if (index < remaining.Count)
            {
                remaining = remaining.Replace(remaining[index], remaining[index].WithLeadingTrivia(leading.AddRange(remaining[index].LeadingTrivia)));
                return rebuild(remaining, returnType);
            }

            return rebuild(remaining, returnType.WithLeadingTrivia(leading.AddRange(returnType.GetLeadingTrivia())));
        }

        private static ParameterSyntax RemoveAttributeList(ParameterSyntax parameter, AttributeListSyntax list)
        {
            var leading = list.GetLeadingTrivia();
            var stripped = parameter.WithAttributeLists(parameter.AttributeLists.Remove(list));
            return stripped.WithLeadingTrivia(leading.AddRange(stripped.GetLeadingTrivia()));
        }

        /// <summary>What the statements that become the local iterator use from outside them.</summary>
        private sealed class RestUsage
        {
            public HashSet<IParameterSymbol> Parameters { get; } = new(SymbolEqualityComparer.Default);

            public List<ILocalSymbol> Locals { get; } = new();

            public bool UsesThis { get; private set; }

            public bool CapturesOuter { get; private set; }

            public static RestUsage? Collect(SemanticModel model, BlockSyntax body, List<StatementSyntax> rest, List<StatementSyntax> checks, IMethodSymbol function, CancellationToken cancellationToken)
            {
                var usage = new RestUsage();
                var locals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
                foreach (var statement in rest)
                {
                    if (model.GetOperation(statement, cancellationToken) is not { } root)
                    {
                        return null;
                    }

                    foreach (var operation in root.DescendantsAndSelf())
                    {
                        switch (operation)
                        {
                            case IInstanceReferenceOperation:
                                usage.UsesThis = true;
                                break;
                            case IParameterReferenceOperation { Parameter: var parameter }:
                                if (SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, function))
                                {
                                    usage.Parameters.Add(parameter);
                                }
                                else if (SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, function.AssociatedSymbol) && parameter.Ordinal < function.Parameters.Length)
                                {
                                    usage.Parameters.Add(function.Parameters[parameter.Ordinal]);
                                }
                                else if (!IsDeclaredIn(parameter, rest))
                                {
                                    usage.CapturesOuter = true;
                                }

                                break;
                            case ILocalReferenceOperation { Local: var local } when !local.IsConst:
                                if (IsDeclaredIn(local, checks))
                                {
                                    locals.Add(local);
                                }
                                else if (!IsDeclaredIn(local, rest))
                                {
                                    usage.CapturesOuter = true;
                                }

                                break;
                            case IInvocationOperation { TargetMethod: { MethodKind: MethodKind.LocalFunction, IsStatic: false } target } when !IsDeclaredIn(target, rest):
                                usage.CapturesOuter = true;
                                break;
                            case IMethodReferenceOperation { Method: { MethodKind: MethodKind.LocalFunction, IsStatic: false } target } when !IsDeclaredIn(target, rest):
                                usage.CapturesOuter = true;
                                break;
                        }
                    }
                }

                usage.Locals.AddRange(locals.OrderBy(l => l.DeclaringSyntaxReferences.FirstOrDefault()?.Span.Start ?? 0));
                return usage;
            }

            private static bool IsDeclaredIn(ISymbol symbol, List<StatementSyntax> statements) =>
                symbol.DeclaringSyntaxReferences.Any(r => statements.Any(s => s.SyntaxTree == r.SyntaxTree && s.Span.Contains(r.Span)));
        }
    }

    /// <summary>The <c>[EnumeratorCancellation]</c> token of an async iterator and the attribute as the user wrote it.</summary>
    internal sealed class CancellationTokenParameter
    {
        public CancellationTokenParameter(IParameterSymbol parameter, AttributeSyntax attribute)
        {
            Parameter = parameter;
            Attribute = attribute;
        }

        public IParameterSymbol Parameter { get; }

        public AttributeSyntax Attribute { get; }
    }

    internal sealed class SplitPlan
    {
        public SplitPlan(
            SyntaxNode declaration,
            IReadOnlyList<StatementSyntax> checks,
            int movedTriviaCount,
            string iteratorName,
            bool isStatic,
            bool isAsync,
            IReadOnlyList<IParameterSymbol> parameters,
            IReadOnlyList<(string Name, ITypeSymbol Type)> locals,
            CancellationTokenParameter? token,
            IReadOnlyList<IParameterSymbol> provedNotNull)
        {
            ProvedNotNull = provedNotNull;
            Declaration = declaration;
            Checks = checks;
            MovedTriviaCount = movedTriviaCount;
            IteratorName = iteratorName;
            IsStatic = isStatic;
            IsAsync = isAsync;
            Parameters = parameters;
            Locals = locals;
            Token = token;
        }

        public SyntaxNode Declaration { get; }

        public IReadOnlyList<StatementSyntax> Checks { get; }

        public int MovedTriviaCount { get; }

        public string IteratorName { get; }

        public bool IsStatic { get; }

        public bool IsAsync { get; }

        public IReadOnlyList<IParameterSymbol> Parameters { get; }

        /// <summary>Locals a check declares and the iterator uses: passed by value like the parameters.</summary>
        public IReadOnlyList<(string Name, ITypeSymbol Type)> Locals { get; }

        /// <summary>Nullable parameters the checks prove not null: the iterator declares them without <c>?</c>.</summary>
        public IReadOnlyList<IParameterSymbol> ProvedNotNull { get; }

        public CancellationTokenParameter? Token { get; }
    }
}
