using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.FixProperties;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA3002: a deferred sequence (iterator call, deferred LINQ chain, <c>IQueryable</c>, async stream) that reads a
    /// <c>using</c> local is returned or stored beyond the <c>using</c> scope. It runs after the resource is disposed.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA3002LazySequenceOutlivesResourceAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Methods that store their argument in a collection for later (<c>_pending.Add(query)</c>).</summary>
        private static readonly ImmutableHashSet<string> StoringMethods = ImmutableHashSet.Create(
            "Add", "Enqueue", "Push", "Insert", "TryAdd", "AddLast", "AddFirst", "TryEnqueue");

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

                var index = SourceIndex.For(start.Compilation);
                var state = new State(start.Compilation, new DeferredSequenceClassifier(start.Compilation, new KnownIterators(start.Compilation, types)), index);

                // Only members with a using statement or declaration can dispose what a value outlives: most have none.
                GatedRegistration.ForMembers(start, index.OverlapsUsingScope, block =>
                {
                    block.RegisterOperationAction(state.AnalyzeReturn, OperationKind.Return);
                    block.RegisterOperationAction(state.AnalyzeAssignment, OperationKind.SimpleAssignment);
                    block.RegisterOperationAction(state.AnalyzeStore, OperationKind.Invocation);
                });
            });
        }

        private sealed class State
        {
            private readonly DeferredSequenceClassifier _deferred;
            private readonly INamedTypeSymbol? _enumerable;
            private readonly INamedTypeSymbol? _list;

            private readonly SourceIndex _index;

            public State(Compilation compilation, DeferredSequenceClassifier deferred, SourceIndex index)
            {
                _deferred = deferred;
                _index = index;
                _enumerable = compilation.GetBestTypeByMetadataName("System.Linq.Enumerable");
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

                // In an async method the value returned is the T of Task<T>: that is what a list must fit.
                var target = function.IsAsync ? TaskResult(function.ReturnType) : function.ReturnType;
                if (LazyBranches(value) is not { } branches)
                {
                    return;
                }

                Analyze(
                    context,
                    operation,
                    value,
                    branches,
                    target,
                    () => CanConvertToIterator(function, declaration, returnSyntax, async: false),
                    () => CanConvertToIterator(function, declaration, returnSyntax, async: true));
            }

            public void AnalyzeAssignment(OperationAnalysisContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (!SyntacticGates.IsInUsingScope(assignment.Syntax))
                {
                    return;
                }

                _index.Passed(DiagnosticIds.LazySequenceOutlivesResource);
                var lambda = assignment.Value.WithoutImplicitConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation stored } ? stored : null;
                var branches = lambda is null ? LazyBranches(assignment.Value) : null;
                if (assignment.IsRef || (lambda is null && branches is null) || !Escapes(assignment.Target, assignment))
                {
                    return;
                }

                // A lambda stored for later that reads the resource, or a lazy value over it, runs after the scope ended.
                if (lambda is not null)
                {
                    var resources = UsingLocalsInScope(assignment);
                    if (resources.Count > 0 && !lambda.Syntax.ContainsDiagnostics && LambdaRead(lambda, resources) is { } read)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Rule, lambda.Syntax.GetLocation(), read.Name));
                    }

                    return;
                }

                if (branches is not null)
                {
                    Analyze(context, assignment, assignment.Value, branches, assignment.Target.Type, () => false, () => false);
                }
            }

            /// <summary><c>_pending.Add(query)</c>: a lazy value put in a collection that outlives the scope.</summary>
            public void AnalyzeStore(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (!StoringMethods.Contains(method.Name)
                    || invocation.Instance is not { } collection
                    || invocation.Arguments.Length == 0
                    || method.ContainingType?.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable) != true
                    || !Escapes(collection.WithoutImplicitConversions(), invocation))
                {
                    return;
                }

                // The stored element is the last argument (Add(x), Insert(i, x), TryAdd(key, x)).
                var element = invocation.Arguments[invocation.Arguments.Length - 1];
                if (element.Parameter is not { } parameter || parameter.RefKind != RefKind.None || !IsSequenceType(parameter.Type))
                {
                    return;
                }

                if (LazyBranches(element.Value) is { } branches)
                {
                    Analyze(context, invocation, element.Value, branches, parameter.Type, () => false, () => false);
                }
            }

            /// <summary>Whether a value written to <paramref name="target"/> is still reachable after the <c>using</c> scopes around <paramref name="at"/>.</summary>
            private static bool Escapes(IOperation target, IOperation at) => target switch
            {
                // A member of an object held in a local lives as long as that local: one declared inside the scope does not escape.
                IMemberReferenceOperation { Instance: { } owner } member when member is IFieldReferenceOperation or IPropertyReferenceOperation
                    && owner.WithoutImplicitConversions() is ILocalReferenceOperation => Escapes(owner.WithoutImplicitConversions(), at),
                IFieldReferenceOperation => true,
                IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } owner } => Escapes(owner.WithoutImplicitConversions(), at),
                IPropertyReferenceOperation => true,
                IParameterReferenceOperation => true,
                IInstanceReferenceOperation => true,
                ILocalReferenceOperation local => local.Local.DeclaringSyntaxReferences.FirstOrDefault() is { } reference
                    && reference.SyntaxTree == at.Syntax.SyntaxTree
                    && OutermostUsing(at) is { } scope
                    && reference.Span.End <= scope.SpanStart,
                _ => false,
            };

            private bool IsSequenceType(ITypeSymbol type) =>
                type.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_IEnumerable
                || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable)
                || _deferred.IsAsyncStream(type);

            private static ITypeSymbol? TaskResult(ITypeSymbol type) =>
                type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task ? task.TypeArguments[0] : null;

            private void Analyze(
                OperationAnalysisContext context,
                IOperation at,
                IOperation value,
                List<(IOperation Leaf, ITypeSymbol? BranchType)> branches,
                ITypeSymbol? targetType,
                System.Func<bool> canConvertToIterator,
                System.Func<bool> canConvertToAsyncIterator)
            {
                var resources = UsingLocalsInScope(at);
                if (resources.Count == 0 || value.Syntax.ContainsDiagnostics)
                {
                    return;
                }

                var whole = branches.Count == 1 && branches[0].BranchType is null;
                foreach (var (leaf, branchType) in branches)
                {
                    var leafValue = leaf.WithoutImplicitConversions();
                    var read = DeferredRead(leafValue, resources, depth: 0);
                    if (read is null)
                    {
                        continue;
                    }

                    var isStream = _deferred.IsAsyncStream(leafValue.Type);
                    var properties = new YA3002FixProperties(
                        canMaterialise: CanMaterialise(leafValue, targetType) && (branchType is null || CanMaterialise(leafValue, branchType)),
                        canConvertToIterator: whole && !isStream && canConvertToIterator(),
                        canConvertToAsyncIterator: whole && isStream && canConvertToAsyncIterator()).Write();

                    var location = (whole ? value : leaf).Syntax.GetLocation();
                    context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, read.Name));
                }
            }

            /// <summary>
            /// The expressions the value may come from (b ? xs.ToList() : xs, a switch expression, ??): each lazy branch is reported
            /// on its own, and its fix materialises only that branch. Null when none of them can be lazy at all (see
            /// <see cref="CouldBeLazy"/>), before the using scopes are looked up.
            /// </summary>
            private List<(IOperation Leaf, ITypeSymbol? BranchType)>? LazyBranches(IOperation value)
            {
                var branches = new List<(IOperation Leaf, ITypeSymbol? BranchType)>();
                CollectBranches(value, null, branches, depth: 0);
                return branches.Exists(branch => CouldBeLazy(branch.Leaf.WithoutImplicitConversions().Type)) ? branches : null;
            }

            /// <summary>
            /// Whether a value of this type can be lazy at all, before the using scopes are looked up: deferred queries, iterators'
            /// results and most async streams are typed as interfaces, and a local typed <c>object</c> may hold one. A class or a
            /// struct (a list, an array, a string, an entity, a number) is lazy only as an <c>IQueryable</c> or an async stream.
            /// </summary>
            private bool CouldBeLazy(ITypeSymbol? type) =>
                type is null
                || type.SpecialType == SpecialType.System_Object
                || type.TypeKind is TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Error or TypeKind.Dynamic
                || (type.TypeKind is TypeKind.Class or TypeKind.Struct && type.SpecialType == SpecialType.None
                    && (_deferred.IsQueryable(type) || _deferred.IsAsyncStream(type)));

            /// <summary>The expressions a value can come from: the arms of conditionals, switch expressions and <c>??</c>.</summary>
            private static void CollectBranches(IOperation value, ITypeSymbol? branchType, List<(IOperation, ITypeSymbol?)> branches, int depth)
            {
                switch (DeferredSequenceClassifier.Unwrap(value))
                {
                    case IConditionalOperation { WhenFalse: { } whenFalse } conditional when depth < 4:
                        CollectBranches(conditional.WhenTrue, conditional.Type, branches, depth + 1);
                        CollectBranches(whenFalse, conditional.Type, branches, depth + 1);
                        break;
                    case ISwitchExpressionOperation switchExpression when depth < 4:
                        foreach (var arm in switchExpression.Arms)
                        {
                            CollectBranches(arm.Value, switchExpression.Type, branches, depth + 1);
                        }

                        break;
                    case ICoalesceOperation coalesce when depth < 4:
                        CollectBranches(coalesce.Value, coalesce.Type, branches, depth + 1);
                        CollectBranches(coalesce.WhenNull, coalesce.Type, branches, depth + 1);
                        break;
                    default:
                        branches.Add((value, branchType));
                        break;
                }
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
                        // The statements before the one that holds the operation, nearest first.
                        var statements = block.Operations;
                        var at = statements.IndexOf(child);
                        for (var i = (at < 0 ? statements.Length : at) - 1; i >= 0; i--)
                        {
                            if (statements[i] is IUsingDeclarationOperation declaration)
                            {
                                yield return (declaration.DeclarationGroup.Declarations.SelectMany(d => d.Declarators).Select(d => d.Symbol), declaration.Syntax);
                            }
                        }
                    }
                }
            }

            /// <summary>
            /// The resource a deferred value reads when it is enumerated: an iterator call given the resource (or reading it
            /// through a closure), a deferred LINQ operator over such a value or with a lambda capturing it, an
            /// <c>IQueryable</c> obtained from it, or an async stream built on it.
            /// </summary>
            private ILocalSymbol? DeferredRead(IOperation value, List<ILocalSymbol> resources, int depth)
            {
                if (depth > 4)
                {
                    return null;
                }

                switch (value)
                {
                    case IInvocationOperation invocation when _deferred.IsLinqOperator(invocation.TargetMethod):
                        if (!DeferredSequences.DeferredOperators.Contains(invocation.TargetMethod.Name))
                        {
                            return null;
                        }

                        return OperandRead(invocation, resources, depth, passesDirectly: false);
                    case IInvocationOperation invocation when _deferred.Iterators.KindOfCallee(invocation) != IteratorKind.None:
                        return (invocation.Instance is { } instance ? PassesResource(instance, resources, depth) : null)
                            ?? invocation.Arguments.Select(argument => PassesResource(argument.Value, resources, depth)).FirstOrDefault(local => local is not null)
                            ?? ClosureRead(invocation.TargetMethod, resources, value.SemanticModel);
                    case IInvocationOperation invocation when _deferred.IsAsyncStream(invocation.Type):
                        // A library stream (reader.ReadAllAsync(), parser.EnumerateAsync(), async LINQ over one) runs as it is awaited.
                        return OperandRead(invocation, resources, depth, passesDirectly: true);
                    case ILocalReferenceOperation local when !resources.Contains(local.Local, SymbolEqualityComparer.Default):
                        return SingleInitializer(local.Local, value) is { } initializer ? DeferredRead(initializer.WithoutImplicitConversions(), resources, depth + 1) : null;
                    default:
                        return _deferred.IsQueryable(value.Type) ? ReadsResource(value, resources) : null;
                }
            }

            /// <summary>The resource read by a lazy operator's receiver or arguments: a lambda capturing it, a lazy source over it, or (for streams) the resource itself.</summary>
            private ILocalSymbol? OperandRead(IInvocationOperation invocation, List<ILocalSymbol> resources, int depth, bool passesDirectly)
            {
                var operands = invocation.Instance is { } instance
                    ? new[] { instance }.Concat(invocation.Arguments.Select(a => a.Value))
                    : invocation.Arguments.Select(a => a.Value);
                foreach (var operand in operands)
                {
                    var operandValue = operand.WithoutImplicitConversions();
                    if (operandValue is IDelegateCreationOperation or IAnonymousFunctionOperation)
                    {
                        if (ReadsResource(operandValue, resources) is { } captured)
                        {
                            return captured;
                        }
                    }
                    else if (((passesDirectly ? PassesResource(operandValue, resources, depth) : null) ?? DeferredRead(operandValue, resources, depth + 1)) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            }

            /// <summary>
            /// An argument the lazy value reads later: the resource itself, an object reached through its fields or properties
            /// (<c>reader.BaseStream</c>), an object built on it (<c>new StreamReader(stream)</c>, <c>Parser.Create(stream)</c>), or
            /// a lambda capturing it. A value computed from it now (<c>reader.Peek()</c>, <c>reader.ReadToEnd()</c>) is not.
            /// </summary>
            private ILocalSymbol? PassesResource(IOperation argument, List<ILocalSymbol> resources, int depth)
            {
                var value = argument.WithoutImplicitConversions();
                while (value is IMemberReferenceOperation { Instance: { } owner } member
                    && member is IPropertyReferenceOperation or IFieldReferenceOperation
                    && value.Type is { IsReferenceType: true })
                {
                    value = owner.WithoutImplicitConversions();
                }

                switch (value)
                {
                    case ILocalReferenceOperation local:
                        // A local holding an object built on the resource (var parser = Parser.Create(stream)) passes it on.
                        return resources.FirstOrDefault(r => SymbolEqualityComparer.Default.Equals(r, local.Local))
                            ?? (depth < 4 && IsWrapper(local.Type) && SingleInitializer(local.Local, local) is { } initializer
                                && initializer.WithoutImplicitConversions() is IObjectCreationOperation or IInvocationOperation { Instance: null }
                                ? PassesResource(initializer, resources, depth + 1)
                                : null);
                    case IAnonymousFunctionOperation or IDelegateCreationOperation:
                        return ReadsResource(value, resources);
                    case IObjectCreationOperation creation when depth < 4 && IsWrapper(creation.Type):
                        return creation.Arguments.Select(a => PassesResource(a.Value, resources, depth + 1)).FirstOrDefault(local => local is not null);
                    case IInvocationOperation { Instance: null } call when depth < 4 && IsWrapper(call.Type):
                        return call.Arguments.Select(a => PassesResource(a.Value, resources, depth + 1)).FirstOrDefault(local => local is not null);
                    default:
                        return null;
                }
            }

            /// <summary>
            /// An object that may keep reading what it was built on: a reference type that is not a string, an array or a
            /// collection (those are read when they are built; a lazy one is judged as a sequence instead).
            /// </summary>
            private static bool IsWrapper(ITypeSymbol? type) =>
                type is { IsReferenceType: true, SpecialType: SpecialType.None, TypeKind: TypeKind.Class or TypeKind.Interface }
                && type.SpecialType != SpecialType.System_String
                && !type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

            /// <summary>A local function iterator that reads the resource through its closure (<c>IEnumerable&lt;T&gt; Rows() { while (reader.Read()) … }</c>).</summary>
            private static ILocalSymbol? ClosureRead(IMethodSymbol method, List<ILocalSymbol> resources, SemanticModel? model)
            {
                if (method.MethodKind != MethodKind.LocalFunction || model is null)
                {
                    return null;
                }

                foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree != model.SyntaxTree)
                    {
                        continue;
                    }

                    foreach (var name in reference.GetSyntax().DescendantNodes().OfType<IdentifierNameSyntax>())
                    {
                        var text = name.Identifier.ValueText;
                        foreach (var resource in resources)
                        {
                            if (resource.Name == text && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, resource))
                            {
                                return resource;
                            }
                        }
                    }
                }

                return null;
            }

            /// <summary>A lambda stored for later that reads the resource, or a local holding a lazy value over it.</summary>
            private ILocalSymbol? LambdaRead(IAnonymousFunctionOperation lambda, List<ILocalSymbol> resources)
            {
                foreach (var reference in lambda.Body.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                {
                    if (resources.FirstOrDefault(r => SymbolEqualityComparer.Default.Equals(r, reference.Local)) is { } direct)
                    {
                        return direct;
                    }

                    if (SingleInitializer(reference.Local, reference) is { } initializer
                        && DeferredRead(initializer.WithoutImplicitConversions(), resources, depth: 1) is { } lazy)
                    {
                        return lazy;
                    }
                }

                return null;
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

            /// <summary><c>value.ToList()</c> compiles where <c>value</c> stands: a sync sequence, and the target accepts a list.</summary>
            private bool CanMaterialise(IOperation value, ITypeSymbol? targetType)
            {
                if (_enumerable is null || _list is null || targetType is null || value.Type is not { } type || _deferred.IsQueryable(targetType) || _deferred.IsAsyncStream(type))
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
            /// The method returns <c>IEnumerable&lt;T&gt;</c> (for <paramref name="async"/>, <c>IAsyncEnumerable&lt;T&gt;</c> and it is a
            /// method or local function, which can be made <c>async</c>), is not async, has this one <c>return</c> and no
            /// <c>ref</c>/<c>out</c> parameters: <c>return xs;</c> can become <c>foreach (var x in xs) yield return x;</c>
            /// (<c>await foreach</c> for a stream).
            /// </summary>
            private bool CanConvertToIterator(IMethodSymbol function, SyntaxNode declaration, ReturnStatementSyntax returnSyntax, bool async)
            {
                var returnsSequence = async
                    ? declaration is MethodDeclarationSyntax or LocalFunctionStatementSyntax
                        && SymbolEqualityComparer.Default.Equals(function.ReturnType.OriginalDefinition, _deferred.Iterators.Types.IAsyncEnumerableOfT)
                    : function.ReturnType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T };
                if (function.IsAsync
                    || !returnsSequence
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
