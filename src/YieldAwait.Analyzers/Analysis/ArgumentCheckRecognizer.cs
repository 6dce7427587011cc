using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Recognises an argument check: a <c>throw</c> of <c>ArgumentException</c> or a subclass, the framework's
    /// <c>ArgumentNullException.ThrowIfNull</c>-style helpers, the well-known guard libraries, and guard methods
    /// in the compilation whose whole body is checks that throw <c>ArgumentException</c>s.
    /// </summary>
    internal sealed class ArgumentCheckRecognizer
    {
        private static readonly string[] GuardTypes =
        {
            "CommunityToolkit.Diagnostics.Guard",
            "Microsoft.Toolkit.Diagnostics.Guard",
            "Microsoft.Requires",
            "Dawn.Guard",
        };

        private readonly INamedTypeSymbol _argumentException;
        private readonly INamedTypeSymbol?[] _guardTypes;
        private readonly INamedTypeSymbol? _ardalisGuardClause;
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _sourceGuards = new(SymbolEqualityComparer.Default);

        private ArgumentCheckRecognizer(Compilation compilation, INamedTypeSymbol argumentException)
        {
            _argumentException = argumentException;
            _guardTypes = GuardTypes.Select(compilation.GetBestTypeByMetadataName).ToArray();
            _ardalisGuardClause = compilation.GetBestTypeByMetadataName("Ardalis.GuardClauses.IGuardClause");
        }

        public static ArgumentCheckRecognizer? TryCreate(Compilation compilation) =>
            compilation.GetBestTypeByMetadataName("System.ArgumentException") is { } argumentException
                ? new ArgumentCheckRecognizer(compilation, argumentException)
                : null;

        /// <summary>True for a check; <paramref name="display"/> names it for the message, <paramref name="location"/> is where to report it.</summary>
        public bool TryRecognize(IOperation operation, out string display, out Location location)
        {
            display = "";
            location = operation.Syntax.GetLocation();
            switch (operation)
            {
                case IThrowOperation { Exception: { } thrown } throwOperation when IsArgumentException(Unwrap(thrown).Type):
                    display = "throw " + Unwrap(thrown).Type!.Name;
                    location = ThrowLocation(throwOperation.Syntax);
                    return true;

                // throw Error.ArgumentNull(nameof(source)): a factory of argument exceptions, typed as Exception.
                case IThrowOperation { Exception: { } thrown } throwOperation
                    when Unwrap(thrown) is IInvocationOperation { TargetMethod: { IsStatic: true } factory }
                        && factory.Name.IndexOf("Argument", System.StringComparison.Ordinal) >= 0:
                    display = "throw " + factory.ContainingType.Name + "." + factory.Name;
                    location = ThrowLocation(throwOperation.Syntax);
                    return true;

                case IInvocationOperation invocation when IsCheckCall(invocation.TargetMethod):
                    display = CalleeText(invocation);
                    return true;

                default:
                    return false;
            }
        }

        /// <summary>
        /// A recognised check that only rejects null: <c>throw new ArgumentNullException(…)</c>, <c>ArgumentNullException.ThrowIfNull</c>,
        /// and guards named for it (<c>ArgumentNotNull</c>, <c>Guard.NotNull</c>, <c>Against.Null</c>), not <c>…NullOrEmpty</c>.
        /// </summary>
        public static bool IsNullCheck(IOperation check)
        {
            var name = check switch
            {
                IThrowOperation { Exception: { } thrown } => Unwrap(thrown).Type?.Name,
                IInvocationOperation invocation => invocation.TargetMethod.Name,
                _ => null,
            };
            return name is not null
                && (name == "ArgumentNullException" || name.EndsWith("NotNull", System.StringComparison.Ordinal)
                    || name.EndsWith("IfNull", System.StringComparison.Ordinal) || name is "Null" or "ThrowArgumentNullException");
        }

        public bool IsArgumentException(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, _argumentException))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsCheckCall(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            var type = method.ContainingType;

            // Every form recognised is static (extension methods included): most calls leave here.
            if (!method.IsStatic || type is null)
            {
                return false;
            }

            // ArgumentNullException.ThrowIfNull, ArgumentException.ThrowIfNullOrEmpty, ArgumentOutOfRangeException.ThrowIfNegative, ...
            if (method.Name.StartsWith("ThrowIf", System.StringComparison.Ordinal) && IsArgumentException(type))
            {
                return true;
            }

            // ThrowHelper.ThrowArgumentNullException(...) and the like, whatever the helper class is called.
            if (method.Name.StartsWith("ThrowArgument", System.StringComparison.Ordinal))
            {
                return true;
            }

            var definition = type.OriginalDefinition;
            foreach (var guardType in _guardTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(definition, guardType))
                {
                    return true;
                }
            }

            // Ardalis: Guard.Against.Null(x, nameof(x)) is an extension method on IGuardClause.
            if (_ardalisGuardClause is not null && method.IsExtensionMethod && method.Parameters.Length > 0
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, _ardalisGuardClause))
            {
                return true;
            }

            return !method.DeclaringSyntaxReferences.IsEmpty && _sourceGuards.GetOrAdd(method.OriginalDefinition, IsGuardMethod);
        }

        /// <summary>
        /// A guard written in the compilation: a static method whose body does nothing but check and throw an
        /// argument exception (then possibly return a parameter), e.g. <c>Check.NotNull(value, nameof(value))</c>.
        /// Judged by syntax because its body may live in another tree.
        /// </summary>
        private static bool IsGuardMethod(IMethodSymbol method)
        {
            if (method.DeclaringSyntaxReferences.Length != 1
                || method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax declaration
                || declaration.ParameterList.Parameters.Count == 0)
            {
                return false;
            }

            if (declaration.ExpressionBody is { } arrow)
            {
                return ThrowsArgumentException(arrow.Expression) && IsGuardExpression(arrow.Expression);
            }

            if (declaration.Body is not { } body || body.Statements.Count == 0)
            {
                return false;
            }

            var throws = false;
            foreach (var statement in body.Statements)
            {
                switch (statement)
                {
                    case IfStatementSyntax { Else: null } check when OnlyThrows(check.Statement):
                        throws = true;
                        break;
                    case ThrowStatementSyntax thrown when NamesArgumentException(thrown.Expression):
                        throws = true;
                        break;
                    case ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } when IsFrameworkThrowIf(call):
                        throws = true;
                        break;
                    case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Right: var right } } when IsGuardExpression(right):
                        throws |= ThrowsArgumentException(right);
                        break;
                    case ReturnStatementSyntax { Expression: var returned } when returned is null || IsGuardExpression(returned):
                        throws |= returned is not null && ThrowsArgumentException(returned);
                        break;
                    default:
                        return false;
                }
            }

            return throws;
        }

        private static bool OnlyThrows(StatementSyntax statement) => statement switch
        {
            ThrowStatementSyntax thrown => NamesArgumentException(thrown.Expression),
            BlockSyntax { Statements.Count: 1 } block => OnlyThrows(block.Statements[0]),
            ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } => IsFrameworkThrowIf(call) || IsThrowArgumentHelper(call),
            _ => false,
        };

        /// <summary><c>value</c>, <c>value ?? throw new ArgumentNullException(...)</c>: what a guard may hand back.</summary>
        private static bool IsGuardExpression(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax => true,
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce => IsGuardExpression(coalesce.Left) && IsGuardExpression(coalesce.Right),
            ThrowExpressionSyntax thrown => NamesArgumentException(thrown.Expression),
            InvocationExpressionSyntax call => IsFrameworkThrowIf(call),
            ConditionalExpressionSyntax conditional => IsGuardExpression(conditional.WhenTrue) && IsGuardExpression(conditional.WhenFalse),
            ParenthesizedExpressionSyntax parenthesized => IsGuardExpression(parenthesized.Expression),
            _ => false,
        };

        private static bool ThrowsArgumentException(ExpressionSyntax expression) =>
            expression.DescendantNodesAndSelf().Any(node => node is ThrowExpressionSyntax || (node is InvocationExpressionSyntax call && IsFrameworkThrowIf(call)));

        private static bool NamesArgumentException(ExpressionSyntax? expression) =>
            expression is ObjectCreationExpressionSyntax { Type: var type } && RightmostName(type) is { } name
            && (name == "ArgumentException" || name.EndsWith("ArgumentException", System.StringComparison.Ordinal)
                || name == "ArgumentNullException" || name == "ArgumentOutOfRangeException");

        private static bool IsFrameworkThrowIf(InvocationExpressionSyntax call) =>
            call.Expression is MemberAccessExpressionSyntax { Expression: var receiver, Name: var name }
            && name.Identifier.ValueText.StartsWith("ThrowIf", System.StringComparison.Ordinal)
            && RightmostName(receiver) is "ArgumentException" or "ArgumentNullException" or "ArgumentOutOfRangeException";

        private static bool IsThrowArgumentHelper(InvocationExpressionSyntax call) =>
            call.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => "",
            } is var name && name.StartsWith("ThrowArgument", System.StringComparison.Ordinal);

        private static string? RightmostName(SyntaxNode node) => node switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary><c>throw new X(...)</c> without the semicolon, so the squiggle ends where the check does.</summary>
        private static Location ThrowLocation(SyntaxNode syntax) => syntax switch
        {
            ThrowStatementSyntax { Expression: { } expression } statement =>
                Location.Create(statement.SyntaxTree, TextSpan.FromBounds(statement.ThrowKeyword.SpanStart, expression.Span.End)),
            _ => syntax.GetLocation(),
        };

        private static string CalleeText(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (invocation.Syntax is InvocationExpressionSyntax { Expression: var callee } && callee.Span.Length <= 60 && !callee.ToString().Contains('\n'))
            {
                return callee.ToString();
            }

            return method.ContainingType.Name + "." + method.Name;
        }
    }
}
