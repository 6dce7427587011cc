using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using YieldAwait.Analyzers.Cancellation;
using YieldAwait.Analyzers.FixProperties;
using YieldAwait.CodeFixes.Conversion.Policies;

namespace YieldAwait.CodeFixes.Cancellation
{
    /// <summary>
    /// YA4001's fix for one async iterator, decided on the original document: which token (added or marked), and where it flows.
    /// Null from <see cref="TryCreateAsync"/> when the change would break code elsewhere.
    /// </summary>
    internal sealed class CancellableIteratorPlan
    {
        private CancellableIteratorPlan(SyntaxNode declaration, ParameterListSyntax parameters, ParameterSyntax? marked, string token, bool addsAttribute, List<TokenEdit> flow)
        {
            Declaration = declaration;
            Parameters = parameters;
            Marked = marked;
            Token = token;
            AddsAttribute = addsAttribute;
            Flow = flow;
        }

        public SyntaxNode Declaration { get; }

        public ParameterListSyntax Parameters { get; }

        /// <summary>The existing token parameter that gets the attribute; null when a parameter is added.</summary>
        public ParameterSyntax? Marked { get; }

        public string Token { get; }

        public bool AddsAttribute { get; }

        public List<TokenEdit> Flow { get; }

        /// <summary>The loop whose turns check the added token; null when the awaited calls take it.</summary>
        public StatementSyntax? EndlessLoop { get; private set; }

        public static async Task<CancellableIteratorPlan?> TryCreateAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!YA4001FixProperties.TryRead(diagnostic, out var properties)
                || properties.Shape is not (YA4001Shape.AddToken or YA4001Shape.MarkToken)
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
                || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
                || CancellationTypes.TryCreate(model.Compilation) is not { EnumeratorCancellationAttribute: not null } types
                || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                // The fix may add usings: among half-typed ones there is no sound place for another.
                || (root is CompilationUnitSyntax unit && unit.Usings.Any(u => u.ContainsDiagnostics)))
            {
                return null;
            }

            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf()
                .FirstOrDefault(n => n is MethodDeclarationSyntax or LocalFunctionStatementSyntax);
            var (parameters, body) = declaration switch
            {
                MethodDeclarationSyntax method => (method.ParameterList, method.Body),
                LocalFunctionStatementSyntax local => (local.ParameterList, local.Body),
                _ => (null, null),
            };
            // A parameter list with syntax errors (half-typed) has no sound place for a new parameter.
            if (declaration is null || parameters is null || body is null || parameters.ContainsDiagnostics
                || model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol function)
            {
                return null;
            }

            var returnsEnumerable = types.IsAsyncEnumerable(function.ReturnType);
            if (properties.Shape == YA4001Shape.MarkToken)
            {
                var tokens = function.Parameters.Where(p => types.IsToken(p.Type)).ToList();
                var marked = tokens.Count == 1 && returnsEnumerable
                    ? parameters.Parameters.FirstOrDefault(p => p.Identifier.ValueText == tokens[0].Name)
                    : null;
                return marked is null
                    ? null
                    : new CancellableIteratorPlan(declaration, parameters, marked, tokens[0].Name, addsAttribute: true, TokenFlow.Find(body, model, types, cancellationToken));
            }

            if (!await OptionalParameterPolicy.SignatureMayGrowAsync(document, declaration, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var name = TokenParameter.UniqueName(declaration);
            return new CancellableIteratorPlan(declaration, parameters, null, name, returnsEnumerable, TokenFlow.Find(body, model, types, cancellationToken))
            {
                EndlessLoop = EndlessLoopAt(body, properties.EndlessLoop),
            };
        }

        /// <summary>
        /// The endless loop of an iterator that never really waits (reported with its position): no awaited call in it takes the
        /// token, so the fix checks it at the top of each turn.
        /// </summary>
        private static StatementSyntax? EndlessLoopAt(BlockSyntax body, int? endlessLoop)
        {
            if (endlessLoop is not { } position || !body.Span.Contains(position))
            {
                return null;
            }

            return body.FindToken(position).Parent?.AncestorsAndSelf()
                .OfType<StatementSyntax>()
                .FirstOrDefault(s => s is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax && s.SpanStart == position);
        }

        public void ApplyTo(DocumentEditor editor)
        {
            if (Marked is not null)
            {
                editor.ReplaceNode(Marked, (current, _) => TokenParameter.Mark((ParameterSyntax)current).WithAdditionalAnnotations(Formatter.Annotation));
            }
            else
            {
                editor.ReplaceNode(Parameters, (current, _) => TokenParameter.Add((ParameterListSyntax)current, Token, AddsAttribute));
            }

            if (EndlessLoop is not null)
            {
                editor.ReplaceNode(EndlessLoop, (current, _) => CheckEachTurn((StatementSyntax)current, Token));
            }

            TokenFlow.Apply(editor, Flow, Token);
        }

        /// <summary><c>token.ThrowIfCancellationRequested();</c> first in the loop's body: a cancelled stream throws at its next item.</summary>
        private static StatementSyntax CheckEachTurn(StatementSyntax loop, string token)
        {
            // The document's own line ending: an elastic one survives the formatter where the loop body was a single statement.
            var endOfLine = loop.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var check = SyntaxFactory.ParseStatement(token + ".ThrowIfCancellationRequested();")
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.ElasticCarriageReturnLineFeed)
                .WithAdditionalAnnotations(Formatter.Annotation);
            var body = loop switch
            {
                WhileStatementSyntax @while => @while.Statement,
                DoStatementSyntax @do => @do.Statement,
                ForStatementSyntax @for => @for.Statement,
                _ => null,
            };
            if (body is null)
            {
                return loop;
            }

            var checkedBody = body is BlockSyntax block
                ? block.WithStatements(block.Statements.Insert(0, check))
                : SyntaxFactory.Block(check, body).WithAdditionalAnnotations(Formatter.Annotation);
            return loop switch
            {
                WhileStatementSyntax @while => @while.WithStatement(checkedBody),
                DoStatementSyntax @do => @do.WithStatement(checkedBody),
                ForStatementSyntax @for => @for.WithStatement(checkedBody),
                _ => loop,
            };
        }
    }
}
