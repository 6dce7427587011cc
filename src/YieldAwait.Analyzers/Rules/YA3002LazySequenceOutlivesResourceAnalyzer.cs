using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA3002: a deferred sequence (iterator call, deferred LINQ chain, <c>IQueryable</c>, async stream) that reads a
    /// <c>using</c> local is returned or stored beyond the <c>using</c> scope. It runs after the resource is disposed.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA3002LazySequenceOutlivesResourceAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Present when appending <c>.ToList()</c> to the reported expression compiles where it stands.</summary>
        public const string CanMaterialiseKey = "CanMaterialise";

        /// <summary>Present when the enclosing method can become an iterator (<c>foreach (…) yield return …;</c>).</summary>
        public const string CanConvertToIteratorKey = "CanConvertToIterator";

        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.LazySequenceOutlivesResource,
            title: "Lazy sequence outlives the resource it reads",
            messageFormat: "This lazy sequence reads '{0}', which is disposed when its using scope ends, before the sequence is enumerated",
            DiagnosticCategories.DeferredExecution,
            DiagnosticSeverity.Warning,
            description: "An iterator call, a deferred LINQ query, an IQueryable or an async stream runs only when it is enumerated. Returned or stored "
                + "out of a using scope, it runs after the resource it reads was disposed. Materialise it inside the scope, or make the method an iterator.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = AsyncTypes.TryCreate(start.Compilation);
                if (types is null)
                {
                    return;
                }

                var state = new State(start.Compilation, types, SourceIndex.For(start.Compilation));
                start.RegisterOperationAction(state.AnalyzeReturn, OperationKind.Return);
                start.RegisterOperationAction(state.AnalyzeAssignment, OperationKind.SimpleAssignment);
            });
        }

        private sealed class State
        {
            private readonly AsyncTypes _types;
            private readonly INamedTypeSymbol? _enumerable;
            private readonly INamedTypeSymbol? _queryable;
            private readonly INamedTypeSymbol? _queryableInterface;
            private readonly INamedTypeSymbol? _list;
            private readonly ConcurrentDictionary<IMethodSymbol, bool> _isIterator = new(SymbolEqualityComparer.Default);

            private readonly SourceIndex _index;

            public State(Compilation compilation, AsyncTypes types, SourceIndex index)
            {
                _types = types;
                _index = index;
                _enumerable = compilation.GetBestTypeByMetadataName("System.Linq.Enumerable");
                _queryable = compilation.GetBestTypeByMetadataName("System.Linq.Queryable");
                _queryableInterface = compilation.GetBestTypeByMetadataName("System.Linq.IQueryable");
                _list = compilation.GetBestTypeByMetadataName("System.Collections.Generic.List`1");
                Compilation = compilation;
            }

            private Compilation Compilation { get; }

            public void AnalyzeReturn(OperationAnalysisContext context)
            {
                var operation = (IReturnOperation)context.Operation;

                // Gate: without a using around it, nothing returned here can outlive a resource this function disposes.
                if (!SyntacticGates.IsInUsingScope(operation.Syntax))
                {
                    return;
                }

                _index.Passed(DiagnosticIds.LazySequenceOutlivesResource);
                if (operation.ReturnedValue is not { } value
                    || operation.Syntax is not ReturnStatementSyntax returnSyntax
                    || !EnclosingFunction.TryFind(operation, context.ContainingSymbol, out var function, out var declaration))
                {
                    return;
                }

                Analyze(context, operation, value, function.IsAsync ? null : function.ReturnType, () => CanConvertToIterator(function, declaration, returnSyntax));
            }

            public void AnalyzeAssignment(OperationAnalysisContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (!SyntacticGates.IsInUsingScope(assignment.Syntax))
                {
                    return;
                }

                _index.Passed(DiagnosticIds.LazySequenceOutlivesResource);
                var escapes = assignment.Target switch
                {
                    IFieldReferenceOperation => true,
                    IPropertyReferenceOperation => true,
                    ILocalReferenceOperation local => local.Local.DeclaringSyntaxReferences.FirstOrDefault() is { } reference
                        && reference.SyntaxTree == assignment.Syntax.SyntaxTree
                        && OutermostUsing(assignment) is { } scope
                        && reference.Span.End <= scope.SpanStart,
                    _ => false,
                };
                if (escapes && !assignment.IsRef)
                {
                    Analyze(context, assignment, assignment.Value, assignment.Target.Type, () => false);
                }
            }

            private void Analyze(OperationAnalysisContext context, IOperation at, IOperation value, ITypeSymbol? targetType, System.Func<bool> canConvertToIterator)
            {
                var resources = UsingLocalsInScope(at);
                if (resources.Count == 0 || value.Syntax.ContainsDiagnostics)
                {
                    return;
                }

                var read = DeferredRead(value.WithoutImplicitConversions(), resources, depth: 0);
                if (read is null)
                {
                    return;
                }

                var properties = ImmutableDictionary<string, string?>.Empty;
                if (CanMaterialise(value.WithoutImplicitConversions(), targetType))
                {
                    properties = properties.Add(CanMaterialiseKey, "true");
                }

                if (canConvertToIterator())
                {
                    properties = properties.Add(CanConvertToIteratorKey, "true");
                }

                var location = value.Syntax.GetLocation();
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, read.Name));
            }

            /// <summary>The <c>using</c> locals whose scope holds the operation (inside the function that runs it).</summary>
            private static List<ILocalSymbol> UsingLocalsInScope(IOperation operation)
            {
                var locals = new List<ILocalSymbol>();
                foreach (var (scopeLocals, _) in UsingScopes(operation))
                {
                    locals.AddRange(scopeLocals);
                }

                return locals;
            }

            /// <summary>The outermost <c>using</c> statement or declaration around the operation, to tell locals declared outside it.</summary>
            private static SyntaxNode? OutermostUsing(IOperation operation)
            {
                SyntaxNode? outermost = null;
                foreach (var (_, syntax) in UsingScopes(operation))
                {
                    outermost = syntax;
                }

                return outermost;
            }

            /// <summary>The <c>using</c> scopes around the operation, innermost first, up to the function that runs it.</summary>
            private static IEnumerable<(IEnumerable<ILocalSymbol> Locals, SyntaxNode Syntax)> UsingScopes(IOperation operation)
            {
                var child = operation;
                for (var current = operation.Parent; current is not null && current is not (IAnonymousFunctionOperation or ILocalFunctionOperation); child = current, current = current.Parent)
                {
                    if (current is IUsingOperation usingOperation && usingOperation.Body == child)
                    {
                        yield return (usingOperation.Locals, usingOperation.Syntax);
                    }
                    else if (current is IBlockOperation block)
                    {
                        foreach (var statement in block.Operations.TakeWhile(statement => statement != child).Reverse())
                        {
                            if (statement is IUsingDeclarationOperation declaration)
                            {
                                yield return (declaration.DeclarationGroup.Declarations.SelectMany(d => d.Declarators).Select(d => d.Symbol), statement.Syntax);
                            }
                        }
                    }
                }
            }

            /// <summary>
            /// The resource a deferred value reads when it is enumerated: an iterator call given the resource, a deferred
            /// LINQ operator over such a value or with a lambda capturing it, or an <c>IQueryable</c> obtained from it.
            /// </summary>
            private ILocalSymbol? DeferredRead(IOperation value, List<ILocalSymbol> resources, int depth)
            {
                if (depth > 4)
                {
                    return null;
                }

                switch (value)
                {
                    case IInvocationOperation invocation when IsLinqOperator(invocation.TargetMethod):
                        if (!DeferredSequences.DeferredOperators.Contains(invocation.TargetMethod.Name))
                        {
                            return null;
                        }

                        foreach (var argument in invocation.Arguments)
                        {
                            var argumentValue = argument.Value.WithoutImplicitConversions();
                            if (argumentValue is IDelegateCreationOperation or IAnonymousFunctionOperation)
                            {
                                if (ReadsResource(argumentValue, resources) is { } captured)
                                {
                                    return captured;
                                }
                            }
                            else if (DeferredRead(argumentValue, resources, depth + 1) is { } inner)
                            {
                                return inner;
                            }
                        }

                        return null;
                    case IInvocationOperation invocation when IsIterator(invocation.TargetMethod):
                        return (invocation.Instance is { } instance ? PassesResource(instance, resources) : null)
                            ?? invocation.Arguments.Select(argument => PassesResource(argument.Value, resources)).FirstOrDefault(local => local is not null);
                    case ILocalReferenceOperation local when !resources.Contains(local.Local, SymbolEqualityComparer.Default):
                        return SingleInitializer(local.Local, value) is { } initializer ? DeferredRead(initializer.WithoutImplicitConversions(), resources, depth + 1) : null;
                    default:
                        return IsQueryable(value.Type) ? ReadsResource(value, resources) : null;
                }
            }

            /// <summary>
            /// An argument the iterator reads later: the resource itself, an object reached through its fields or properties
            /// (<c>reader.BaseStream</c>), or a lambda capturing it. A value computed from it now (<c>reader.Peek()</c>) is not.
            /// </summary>
            private static ILocalSymbol? PassesResource(IOperation argument, List<ILocalSymbol> resources)
            {
                var value = argument.WithoutImplicitConversions();
                while (value is IMemberReferenceOperation { Instance: { } owner } member
                    && member is IPropertyReferenceOperation or IFieldReferenceOperation
                    && value.Type is { IsReferenceType: true })
                {
                    value = owner.WithoutImplicitConversions();
                }

                return value switch
                {
                    ILocalReferenceOperation local => resources.FirstOrDefault(r => SymbolEqualityComparer.Default.Equals(r, local.Local)),
                    IAnonymousFunctionOperation or IDelegateCreationOperation => ReadsResource(value, resources),
                    _ => null,
                };
            }

            private static ILocalSymbol? ReadsResource(IOperation operation, List<ILocalSymbol> resources)
            {
                foreach (var reference in operation.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                {
                    foreach (var resource in resources)
                    {
                        if (SymbolEqualityComparer.Default.Equals(reference.Local, resource))
                        {
                            return resource;
                        }
                    }
                }

                return null;
            }

            /// <summary>The initializer of a local that is never assigned again, in the same function.</summary>
            private static IOperation? SingleInitializer(ILocalSymbol local, IOperation use)
            {
                if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1 || use.SemanticModel is not { } model)
                {
                    return null;
                }

                var syntax = local.DeclaringSyntaxReferences[0].GetSyntax();
                if (syntax is not VariableDeclaratorSyntax declarator
                    || declarator.Initializer is null
                    || declarator.SyntaxTree != use.Syntax.SyntaxTree
                    || model.GetOperation(declarator) is not IVariableDeclaratorOperation { Initializer.Value: { } initializer })
                {
                    return null;
                }

                var scope = declarator.FirstAncestorOrSelf<BlockSyntax>();
                var reassigned = scope is not null && scope.DescendantNodes()
                    .OfType<AssignmentExpressionSyntax>()
                    .Any(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name);
                return reassigned ? null : initializer;
            }

            private bool IsLinqOperator(IMethodSymbol method) =>
                method.ContainingType is { } type
                && (SymbolEqualityComparer.Default.Equals(type, _enumerable) || SymbolEqualityComparer.Default.Equals(type, _queryable));

            private bool IsQueryable(ITypeSymbol? type) =>
                _queryableInterface is not null
                && type is not null
                && (SymbolEqualityComparer.Default.Equals(type, _queryableInterface) || type.AllInterfaces.Contains(_queryableInterface, SymbolEqualityComparer.Default));

            private bool IsIterator(IMethodSymbol method) =>
                _isIterator.GetOrAdd(method.OriginalDefinition, m => DeferredSequences.DeclaredIteratorKind(m, _types) != IteratorKind.None);

            /// <summary><c>value.ToList()</c> compiles where <c>value</c> stands: a sync sequence, and the target accepts a list.</summary>
            private bool CanMaterialise(IOperation value, ITypeSymbol? targetType)
            {
                if (_enumerable is null || _list is null || targetType is null || value.Type is not { } type || IsQueryable(targetType))
                {
                    return false;
                }

                var element = ElementType(type);
                if (element is null)
                {
                    return false;
                }

                var list = _list.Construct(element);
                return Compilation.ClassifyConversion(list, targetType).IsImplicit;
            }

            private static ITypeSymbol? ElementType(ITypeSymbol type)
            {
                if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } named)
                {
                    return named.TypeArguments[0];
                }

                return type.AllInterfaces
                    .FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)?
                    .TypeArguments[0];
            }

            /// <summary>
            /// The method returns <c>IEnumerable&lt;T&gt;</c>, is not async, has this one <c>return</c> and no <c>ref</c>/<c>out</c>
            /// parameters: <c>return xs;</c> can become <c>foreach (var x in xs) yield return x;</c>.
            /// </summary>
            private static bool CanConvertToIterator(IMethodSymbol function, SyntaxNode declaration, ReturnStatementSyntax returnSyntax)
            {
                if (function.IsAsync
                    || function.ReturnType is not INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T }
                    || function.Parameters.Any(p => p.RefKind != RefKind.None)
                    || IteratorFacts.GetBody(declaration) is not { } body
                    || returnSyntax.Parent is not BlockSyntax)
                {
                    return false;
                }

                var returns = body.DescendantNodes(node => !IteratorFacts.IsNestedFunction(node)).OfType<ReturnStatementSyntax>().ToList();
                return returns.Count == 1 && returns[0] == returnSyntax && !IteratorFacts.YieldStatements(body).Any() && IsTail(returnSyntax, body);
            }

            /// <summary>The statement ends the body (through blocks and using statements): nothing after it would start to run.</summary>
            private static bool IsTail(StatementSyntax statement, BlockSyntax body)
            {
                for (SyntaxNode node = statement; node != body; node = node.Parent!)
                {
                    switch (node.Parent)
                    {
                        case BlockSyntax block when block.Statements.LastOrDefault() == node:
                        case UsingStatementSyntax:
                            continue;
                        default:
                            return false;
                    }
                }

                return true;
            }
        }
    }
}
