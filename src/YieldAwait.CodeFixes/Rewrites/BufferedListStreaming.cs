using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.CodeFixes.Conversion.Engine;
using YieldAwait.CodeFixes.Conversion.Policies;
using YieldAwait.CodeFixes.Editing;

namespace YieldAwait.CodeFixes.Rewrites
{
    /// <summary>
    /// YA4003's conversion, decided on the original solution: the buffering method becomes an async iterator
    /// (<c>list.Add(x)</c> → <c>yield return x;</c>, the list and its final <c>return</c> go, earlier returns become
    /// <c>yield break;</c>, the token parameter gets <c>[EnumeratorCancellation]</c>) and every caller in the solution becomes
    /// <c>await foreach</c> over the call, passing the caller's token. Null when any reference cannot follow.
    /// </summary>
    internal static class BufferedListStreaming
    {
        private const string NewTokenName = "cancellationToken";

        public static async Task<StreamingPlan?> PlanAsync(Document document, MethodDeclarationSyntax declaration, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is null
                || BufferedListTypes.TryCreate(model.Compilation) is not { } types
                || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } method
                || model.GetOperation(declaration, cancellationToken) is not IMethodBodyOperation body
                || BufferedListMethod.Recognize(method, body, types) is not { } buffered
                || declaration.ReturnType is not GenericNameSyntax and not QualifiedNameSyntax { Right: GenericNameSyntax }
                || ElementTypeSyntax(declaration.ReturnType) is not { } elementSyntax)
            {
                return null;
            }

            var token = BufferedListMethod.TokenParameter(method, types);
            var tokenName = token?.Name ?? NewTokenName;
            // A new parameter must not clash with a parameter or local, nor shadow a member the body reads by that name.
            if (token is null && (method.Parameters.Any(p => p.Name == NewTokenName)
                || declaration.Body!.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == NewTokenName)))
            {
                return null;
            }

            var newName = NewName(document, model, method, cancellationToken);
            var plan = new StreamingPlan(document.Project.Solution, method.Name, newName, buffered.ElementType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
            var edits = plan.EditsFor(document.Id);
            edits.Replace(declaration, rewritten => Signature((MethodDeclarationSyntax)rewritten, elementSyntax, token is null, tokenName, StreamBinds(model, declaration), newName));
            edits.Remove((StatementSyntax)buffered.Declaration.Syntax);
            var last = body.BlockBody!.Operations[body.BlockBody.Operations.Length - 1];
            foreach (var @return in buffered.Returns)
            {
                if (@return == last)
                {
                    edits.Remove((StatementSyntax)@return.Syntax);
                }
                else
                {
                    edits.Replace(@return.Syntax, rewritten => SyntaxFactory.YieldStatement(SyntaxKind.YieldBreakStatement).WithTriviaFrom(rewritten));
                }
            }

            foreach (var add in buffered.Adds)
            {
                edits.Replace(add.Parent!.Syntax, rewritten => YieldReturn((ExpressionStatementSyntax)rewritten));
            }

            var policy = new BufferedListPolicy(plan, types, method, token, tokenName, newName);
            var change = await SolutionChangeEngine.PlanAsync(document.Project.Solution, document, declaration, policy, cancellationToken).ConfigureAwait(false);
            if (!change.Succeeded)
            {
                return null;
            }

            foreach (var renames in change.Renames.GroupBy(r => r.DocumentId))
            {
                SolutionEdits.AddRenames(plan.EditsFor(renames.Key), renames);
            }

            plan.Callers = change.Rewrites.Count;
            return plan.Callers > 0 ? plan : null;
        }

        /// <summary>
        /// The <c>Async</c> suffix follows <c>yieldawait.async_suffix</c> as in the engine's other conversions; a method that already
        /// has it, or whose new name is taken in its type, keeps its name.
        /// </summary>
        private static string? NewName(Document document, SemanticModel model, IMethodSymbol method, CancellationToken cancellationToken)
        {
            var suffixed = AsyncNaming.WithSuffix(method.Name);
            return suffixed == method.Name
                || method.ContainingType.GetMembers(suffixed).Any()
                || !AsyncNaming.WantsSuffix(document.Project, model.SyntaxTree, model.Compilation, cancellationToken)
                ? null
                : suffixed;
        }

        private static StatementSyntax YieldReturn(ExpressionStatementSyntax statement)
        {
            var add = (InvocationExpressionSyntax)statement.Expression;
            var value = add.ArgumentList.Arguments[0].Expression.WithoutTrivia();
            return SyntaxFactory.YieldStatement(SyntaxKind.YieldReturnStatement, value)
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithTrailingTrivia(statement.GetTrailingTrivia());
        }

        private static TypeSyntax? ElementTypeSyntax(TypeSyntax returnType)
        {
            var task = returnType is QualifiedNameSyntax qualified ? (GenericNameSyntax)qualified.Right : (GenericNameSyntax)returnType;
            if (task.TypeArgumentList.Arguments.Count != 1)
            {
                return null;
            }

            return task.TypeArgumentList.Arguments[0] switch
            {
                ArrayTypeSyntax { RankSpecifiers.Count: 1 } array => array.ElementType,
                GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } collection => collection.TypeArgumentList.Arguments[0],
                QualifiedNameSyntax { Right: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } collection } => collection.TypeArgumentList.Arguments[0],
                _ => null,
            };
        }

        private static bool StreamBinds(SemanticModel model, SyntaxNode position) =>
            model.LookupNamespacesAndTypes(position.SpanStart, name: "IAsyncEnumerable")
                .Any(s => s is INamedTypeSymbol { Arity: 1, ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace.Name: "System" } } });

        private static MethodDeclarationSyntax Signature(MethodDeclarationSyntax method, TypeSyntax elementType, bool addToken, string tokenName, bool streamBinds, string? newName)
        {
            if (newName is not null)
            {
                method = method.WithIdentifier(SyntaxFactory.Identifier(method.Identifier.LeadingTrivia, newName, method.Identifier.TrailingTrivia));
            }

            var stream = SyntaxFactory.GenericName(SyntaxFactory.Identifier("IAsyncEnumerable"), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(elementType.WithoutTrivia())));
            TypeSyntax returnType = streamBinds
                ? stream
                : SyntaxFactory.QualifiedName(SyntaxFactory.ParseName("global::System.Collections.Generic"), stream)
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            returnType = returnType.WithTriviaFrom(method.ReturnType);

            var parameters = method.ParameterList;
            if (addToken)
            {
                var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(tokenName))
                    .WithAttributeLists(SyntaxFactory.SingletonList(EnumeratorCancellation()))
                    .WithType(KnownNames.CancellationToken.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithDefault(SyntaxFactory.EqualsValueClause(SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression)));
                if (parameters.Parameters.Count > 0)
                {
                    parameter = parameter.WithLeadingTrivia(SyntaxFactory.Space);
                }

                parameters = parameters.AddParameters(parameter.WithAdditionalAnnotations(Formatter.Annotation));
            }
            else
            {
                var existing = parameters.Parameters.First(p => p.Identifier.ValueText == tokenName);
                var decorated = existing
                    .WithoutLeadingTrivia()
                    .WithAttributeLists(existing.AttributeLists.Add(EnumeratorCancellation()))
                    .WithLeadingTrivia(existing.GetLeadingTrivia());
                parameters = parameters.ReplaceNode(existing, decorated);
            }

            return method.WithReturnType(returnType).WithParameterList(parameters);
        }

        private static AttributeListSyntax EnumeratorCancellation() =>
            SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(KnownNames.EnumeratorCancellation)))
                .WithTrailingTrivia(SyntaxFactory.Space);

        /// <summary>Applies the plans' edits, document by document, each document rewritten once.</summary>
        public static Task<Solution> ApplyAsync(Solution solution, IEnumerable<StreamingPlan> plans, CancellationToken cancellationToken)
        {
            var merged = new Dictionary<DocumentId, DocumentEdits>();
            foreach (var plan in plans)
            {
                foreach (var pair in plan.Documents)
                {
                    if (!merged.TryGetValue(pair.Key, out var edits))
                    {
                        merged[pair.Key] = edits = new DocumentEdits();
                    }

                    edits.Merge(pair.Value);
                }
            }

            return SolutionEdits.ApplyAsync(solution, merged, cancellationToken);
        }
    }

    /// <summary>What one YA4003 conversion changes, per document.</summary>
    internal sealed class StreamingPlan
    {
        private readonly Dictionary<DocumentId, DocumentEdits> _documents = new();

        public StreamingPlan(Solution solution, string methodName, string? newName, string elementType)
        {
            Solution = solution;
            MethodName = methodName;
            NewName = newName;
            ElementType = elementType;
        }

        public Solution Solution { get; }

        public string MethodName { get; }

        /// <summary>The name with the <c>Async</c> suffix added; null when the name stays.</summary>
        public string? NewName { get; }

        public string ElementType { get; }

        public int Callers { get; set; }

        public IReadOnlyDictionary<DocumentId, DocumentEdits> Documents => _documents;

        public DocumentEdits EditsFor(DocumentId id)
        {
            if (!_documents.TryGetValue(id, out var edits))
            {
                _documents[id] = edits = new DocumentEdits();
            }

            return edits;
        }
    }
}
