using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.CodeFixes.Cancellation;
using YieldAwait.CodeFixes.Conversion.Engine;
using YieldAwait.CodeFixes.Conversion.Policies;
using YieldAwait.CodeFixes.Editing;
using YieldAwait.CodeFixes.Rewrites.AsyncIterator;

namespace YieldAwait.CodeFixes.Rewrites
{
    /// <summary>
    /// Applies a <see cref="TaskStreamPlan"/>. Each document's edit targets are marked first, then edited in order from
    /// the innermost kind (names, calls, yields) to the outermost (loops, declarations), each finding its node again
    /// by its mark, so a loop edit sees the renamed call inside it.
    /// </summary>
    internal static class TaskStreamConverter
    {
        private const string MarkKind = "YieldAwait.TaskStream";

        public static Task<Solution> ApplyAsync(TaskStreamPlan plan, CancellationToken cancellationToken)
        {
            var documentIds = plan.Producers.Select(p => p.Signature.DocumentId)
                .Concat(plan.Consumers.Select(c => c.DocumentId))
                .Concat(plan.Renames.Select(r => r.DocumentId));
            return SolutionEdits.ApplyAsync(plan.Solution, documentIds, (documentId, root) => Edit(documentId, root, plan), cancellationToken);
        }

        private static SyntaxNode Edit(DocumentId documentId, SyntaxNode root, TaskStreamPlan plan)
        {
            var edits = EditsIn(documentId, plan);
            var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var node in edits.Select(e => e.Node).Concat(plan.Consumers.Where(c => c.DocumentId == documentId).Select(c => (SyntaxNode)c.Await)))
            {
                if (!marks.ContainsKey(node))
                {
                    marks[node] = new SyntaxAnnotation(MarkKind, marks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            var edited = root.ReplaceNodes(marks.Keys, (original, current) => current.WithAdditionalAnnotations(marks[original]));
            foreach (var (node, _, apply) in edits.OrderBy(e => e.Order))
            {
                var current = edited.GetAnnotatedNodes(marks[node]).Single();
                edited = edited.ReplaceNode(current, apply(current, marks));
            }

            if (plan.Consumers.Any(c => c.DocumentId == documentId && c.NeedsTasksImport) && edited is CompilationUnitSyntax unit)
            {
                edited = DocumentCleanup.AddUsing(unit, "System.Threading.Tasks");
            }

            return edited;
        }

        private static List<(SyntaxNode Node, int Order, Func<SyntaxNode, Dictionary<SyntaxNode, SyntaxAnnotation>, SyntaxNode> Apply)> EditsIn(DocumentId documentId, TaskStreamPlan plan)
        {
            var edits = new List<(SyntaxNode, int, Func<SyntaxNode, Dictionary<SyntaxNode, SyntaxAnnotation>, SyntaxNode>)>();
            foreach (var rename in plan.Renames.Where(r => r.DocumentId == documentId))
            {
                edits.Add((rename.Name, 0, (current, _) => ReferenceRenaming.Renamed((SimpleNameSyntax)current, rename.NewName)));
            }

            foreach (var consumer in plan.Consumers.Where(c => c.DocumentId == documentId))
            {
                if (consumer.TokenArgument is { } token)
                {
                    edits.Add((consumer.Call, 1, (current, _) => ((InvocationExpressionSyntax)current).AddArgumentListArguments(token)));
                }

                edits.Add((consumer.Loop, 3, (current, marks) => AwaitForEach((ForEachStatementSyntax)current, consumer, marks[consumer.Await])));
            }

            foreach (var producer in plan.Producers.Where(p => p.Signature.DocumentId == documentId))
            {
                var tokenName = producer.Signature.TokenName;
                foreach (var (yield, token) in producer.Yields)
                {
                    edits.Add((yield, 2, (current, _) => AwaitYield((YieldStatementSyntax)current, token, tokenName, producer.ConfigureAwaitFalse)));
                }

                edits.Add((producer.Signature.Declaration, 4, (current, _) => AsyncSignature.Apply(WithResultElement(current, producer.ResultType), producer.Signature)));
            }

            return edits;
        }

        /// <summary><c>yield return F(x);</c> → <c>yield return await F(x, cancellationToken);</c>.</summary>
        private static SyntaxNode AwaitYield(YieldStatementSyntax yield, CancellationTokenArgument? token, string? tokenName, bool configureAwaitFalse)
        {
            var expression = yield.Expression!;
            var task = expression.WithoutTrivia();
            if (token is not null && tokenName is not null && task is InvocationExpressionSyntax call)
            {
                task = token.AddTo(call, SyntaxFactory.IdentifierName(tokenName));
            }

            if (configureAwaitFalse)
            {
                task = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, task, SyntaxFactory.IdentifierName("ConfigureAwait")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression)))));
            }

            var awaited = SyntaxFactory.AwaitExpression(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space), task);
            return yield.WithExpression(awaited.WithTriviaFrom(expression));
        }

        /// <summary><c>IEnumerable&lt;Task&lt;T&gt;&gt;</c> → <c>IEnumerable&lt;T&gt;</c>; <see cref="AsyncSignature"/> then makes it <c>IAsyncEnumerable&lt;T&gt;</c>.</summary>
        private static SyntaxNode WithResultElement(SyntaxNode declaration, TypeSyntax resultType)
        {
            var returnType = declaration switch
            {
                MethodDeclarationSyntax method => method.ReturnType,
                LocalFunctionStatementSyntax local => local.ReturnType,
                _ => null,
            };
            if (returnType is null || TaskStreamPolicy.SequenceTypeArguments(returnType) is not { Arguments.Count: 1 } arguments)
            {
                return declaration;
            }

            var element = arguments.Arguments[0];
            return declaration.ReplaceNode(element, resultType.WithTriviaFrom(element));
        }

        private static SyntaxNode AwaitForEach(ForEachStatementSyntax loop, TaskStreamConsumer consumer, SyntaxAnnotation awaitMark)
        {
            var await = (AwaitExpressionSyntax)loop.GetAnnotatedNodes(awaitMark).Single();
            var first = await.Ancestors().OfType<StatementSyntax>().First(s => s.Parent == loop.Statement || s == loop.Statement);
            var type = loop.Type;
            var identifier = loop.Identifier;
            StatementSyntax body;
            switch (consumer.Use)
            {
                case AwaitedTaskUse.Declaration:
                    var declaration = ((LocalDeclarationStatementSyntax)first).Declaration;
                    type = declaration.Type.WithTriviaFrom(loop.Type);
                    identifier = declaration.Variables[0].Identifier.WithTriviaFrom(loop.Identifier);
                    body = WithoutFirst(loop.Statement, first);
                    break;
                case AwaitedTaskUse.Discarded:
                    type = ResultTypeOf(loop.Type);
                    body = WithoutFirst(loop.Statement, first);
                    break;
                default:
                    type = ResultTypeOf(loop.Type);
                    // A name needs no parentheses: '(await t).Length' becomes 't.Length'.
                    var replaced = await.Parent is ParenthesizedExpressionSyntax parenthesized ? (ExpressionSyntax)parenthesized : await;
                    body = loop.Statement.ReplaceNode(replaced, SyntaxFactory.IdentifierName(loop.Identifier.ValueText).WithTriviaFrom(replaced));
                    break;
            }

            ExpressionSyntax stream = loop.Expression;
            if (consumer.ConfigureAwait is { } continueOnCapturedContext)
            {
                stream = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, stream.WithoutTrivia(), SyntaxFactory.IdentifierName("ConfigureAwait")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(continueOnCapturedContext.WithoutTrivia()))))
                    .WithTriviaFrom(loop.Expression);
            }

            var foreachKeyword = loop.ForEachKeyword;
            return loop
                .WithForEachKeyword(foreachKeyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                .WithAwaitKeyword(SyntaxFactory.Token(foreachKeyword.LeadingTrivia, SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)))
                .WithType(type)
                .WithIdentifier(identifier)
                .WithExpression(stream)
                .WithStatement(body);
        }

        private static bool IsComment(SyntaxTrivia trivia) =>
            trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);

        /// <summary><c>Task&lt;T&gt;</c> written out becomes <c>T</c>; <c>var</c> stays; anything else becomes <c>var</c>.</summary>
        private static TypeSyntax ResultTypeOf(TypeSyntax loopType)
        {
            if (loopType.IsVar)
            {
                return loopType;
            }

            var generic = loopType switch
            {
                GenericNameSyntax g => g,
                QualifiedNameSyntax { Right: GenericNameSyntax g } => g,
                _ => null,
            };
            return generic is { TypeArgumentList.Arguments.Count: 1 }
                ? generic.TypeArgumentList.Arguments[0].WithTriviaFrom(loopType)
                : SyntaxFactory.IdentifierName("var").WithTriviaFrom(loopType);
        }

        private static StatementSyntax WithoutFirst(StatementSyntax body, StatementSyntax first)
        {
            if (body is BlockSyntax block)
            {
                // The other statements keep their own trivia, so the user's formatting needs no formatter here.
                var rest = block.Statements.Remove(first);
                if (rest.Count > 0 && first.GetLeadingTrivia().Any(IsComment))
                {
                    // A comment above the removed line now describes the loop's next statement: keep it there.
                    var next = rest[0];
                    var own = next.GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
                    rest = rest.Replace(next, next.WithLeadingTrivia(first.GetLeadingTrivia().Concat(own)));
                }

                return block.WithStatements(rest);
            }

            return SyntaxFactory.Block().WithTriviaFrom(body).WithAdditionalAnnotations(Formatter.Annotation);
        }
    }
}
