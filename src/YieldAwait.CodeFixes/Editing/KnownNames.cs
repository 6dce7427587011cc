using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.CodeFixes.Editing
{
    /// <summary>
    /// Framework names the rewrites introduce (<c>Task</c>, <c>CancellationToken</c>, <c>EnumeratorCancellation</c>, <c>Array</c>).
    /// They are written fully qualified and annotated; <see cref="DocumentCleanup"/> shortens them where the name binds
    /// (adding the <c>using</c> when nothing else has that name). That decision reads the original document's semantic
    /// model, which the plan has already built, so no changed project is ever recompiled to clean up.
    /// </summary>
    internal static class KnownNames
    {
        public const string AnnotationKind = "YieldAwait.KnownName";

        public static TypeSyntax TaskType => Type("System.Threading.Tasks", "Task");

        /// <summary><c>Task</c> as the receiver of a static call (<c>Task.Delay(…)</c>).</summary>
        public static ExpressionSyntax Task => Expression("System.Threading.Tasks", "Task");

        /// <summary><c>Array</c> as the receiver of a static call (<c>Array.IndexOf(…)</c>).</summary>
        public static ExpressionSyntax Array => Expression("System", "Array");

        public static TypeSyntax CancellationToken => Type("System.Threading", "CancellationToken");

        /// <summary>The attribute as it is written, without the <c>Attribute</c> suffix.</summary>
        public static NameSyntax EnumeratorCancellation => (NameSyntax)Type("System.Runtime.CompilerServices", "EnumeratorCancellation", "EnumeratorCancellationAttribute");

        /// <summary>A <c>global::</c>-qualified name carrying <c>namespace|name|metadataName</c> in its annotation.</summary>
        public static TypeSyntax Type(string @namespace, string name, string? metadataName = null) =>
            SyntaxFactory.ParseTypeName($"global::{@namespace}.{name}")
                .WithAdditionalAnnotations(new SyntaxAnnotation(AnnotationKind, $"{@namespace}|{name}|{metadataName ?? name}"));

        /// <summary>The same name in expression form, so the tree matches what the compiler parses for <c>global::N.T.M()</c>.</summary>
        public static ExpressionSyntax Expression(string @namespace, string name) =>
            SyntaxFactory.ParseExpression($"global::{@namespace}.{name}")
                .WithAdditionalAnnotations(new SyntaxAnnotation(AnnotationKind, $"{@namespace}|{name}|{name}"));

        public static (string Namespace, string Name, string MetadataName) Parse(SyntaxAnnotation annotation)
        {
            var parts = annotation.Data!.Split('|');
            return (parts[0], parts[1], parts[2]);
        }

        /// <summary>
        /// Whether an expression put where <paramref name="original"/> stands needs parentheses: after it comes a
        /// member access, call, index or postfix operator (<c>(await t).Length</c>), or, for a binary
        /// <paramref name="replacement"/>, an operator that binds tighter than equality.
        /// </summary>
        public static bool NeedsParentheses(SyntaxNode original, bool binaryReplacement)
        {
            var parent = original.Parent;
            switch (parent)
            {
                case MemberAccessExpressionSyntax access when access.Expression == original:
                case ConditionalAccessExpressionSyntax conditional when conditional.Expression == original:
                case ElementAccessExpressionSyntax element when element.Expression == original:
                case InvocationExpressionSyntax invocation when invocation.Expression == original:
                case PostfixUnaryExpressionSyntax:
                    return true;
                case PrefixUnaryExpressionSyntax or CastExpressionSyntax:
                    return binaryReplacement;
                case BinaryExpressionSyntax binary:
                    return binaryReplacement && !binary.IsKind(SyntaxKind.LogicalAndExpression) && !binary.IsKind(SyntaxKind.LogicalOrExpression)
                        && !binary.IsKind(SyntaxKind.CoalesceExpression);
                case IsPatternExpressionSyntax or SwitchExpressionSyntax or RangeExpressionSyntax:
                    return binaryReplacement;
                default:
                    return false;
            }
        }

        public static ExpressionSyntax Parenthesized(ExpressionSyntax expression) =>
            SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia()).WithTriviaFrom(expression);

        /// <summary>Every known name in <paramref name="root"/>, as annotated.</summary>
        public static ILookup<(string Namespace, string Name, string MetadataName), SyntaxNode> In(SyntaxNode root) =>
            root.GetAnnotatedNodes(AnnotationKind).ToLookup(n => Parse(n.GetAnnotations(AnnotationKind).First()));
    }
}
