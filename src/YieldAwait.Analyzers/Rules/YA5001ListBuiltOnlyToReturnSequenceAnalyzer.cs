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
    /// YA5001: a method returning <c>IEnumerable&lt;T&gt;</c> that fills a local <c>List&lt;T&gt;</c> in a loop, does nothing
    /// else with it and returns it. It could be an iterator that yields each element as it is found. Only shapes the
    /// conversion keeps correct are reported: the list is only added to and returned, no <c>try</c>, <c>using</c>,
    /// <c>lock</c>, ref locals or <c>unsafe</c>, and nothing but argument checks and local computation besides the adds.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA5001ListBuiltOnlyToReturnSequenceAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.ListBuiltOnlyToReturnSequence,
            title: "Method builds a list only to return it as a sequence",
            messageFormat: "'{0}' fills list '{1}' only to return it as a sequence; it could yield each element instead",
            DiagnosticCategories.LazyForms,
            DiagnosticSeverity.Hidden,
            description: "A method that returns IEnumerable<T> and builds a local list only to return it computes every element "
                + "before the caller sees the first. As an iterator (yield return) it produces elements on demand and allocates no "
                + "list. Converting makes the method lazy: its body then runs as the caller enumerates, and again on each enumeration.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (start.Compilation.GetBestTypeByMetadataName("System.Collections.Generic.List`1") is not { } list
                    || ArgumentCheckRecognizer.TryCreate(start.Compilation) is not { } checks)
                {
                    return;
                }

                start.RegisterSyntaxNodeAction(
                    context => Analyze(context, list, checks),
                    SyntaxKind.MethodDeclaration,
                    SyntaxKind.LocalFunctionStatement);
            });
        }

        /// <summary>Counts the declarations that pass the syntax filters (the cost guard reads the count); always true.</summary>
        private static bool PassesGate(SyntaxNodeAnalysisContext context)
        {
            SourceIndex.For(context.Compilation).Passed(Rule.Id);
            return true;
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol listType, ArgumentCheckRecognizer checks)
        {
            var (returnType, modifiers, body) = context.Node switch
            {
                MethodDeclarationSyntax method => (method.ReturnType, method.Modifiers, method.Body),
                LocalFunctionStatementSyntax localFunction => (localFunction.ReturnType, localFunction.Modifiers, localFunction.Body),
                _ => (null!, default, null),
            };

            // Cheap syntax filters first: a block body, a return type spelled IEnumerable<…>, no async or unsafe, a returned
            // local declared in the body with `new …(…)`.
            if (body is null
                || !SpellsGenericEnumerable(returnType)
                || modifiers.Any(SyntaxKind.AsyncKeyword) || modifiers.Any(SyntaxKind.UnsafeKeyword)
                || body.Statements.LastOrDefault() is not ReturnStatementSyntax { Expression: IdentifierNameSyntax returned }
                || ReturnedLocalDeclaration(body, returned.Identifier.ValueText) is not (var declarationIndex, { } declarator)
                || declarator.Initializer?.Value is not BaseObjectCreationExpressionSyntax
                || SourceIndex.For(context.SemanticModel.Compilation).IsIteratorDeclaration(context.Node)
                || !PassesGate(context)
                || context.Node.Ancestors().OfType<TypeDeclarationSyntax>().Any(t => t.Modifiers.Any(SyntaxKind.UnsafeKeyword))
                || context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken) is not IMethodSymbol function
                || function.ReturnType is not INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } sequenceType
                || function.Parameters.Any(p => p.RefKind != RefKind.None)
                || function.IsAsync)
            {
                return;
            }

            if (context.SemanticModel.GetDeclaredSymbol(declarator, context.CancellationToken) is not ILocalSymbol local
                || !IsNewEmptyList(context.SemanticModel, declarator, listType, sequenceType.TypeArguments[0], context.CancellationToken)
                || context.SemanticModel.GetOperation(body, context.CancellationToken) is not IBlockOperation block)
            {
                return;
            }

            if (!OnlyAddedToAndReturned(block, body, local, out var addsInLoop) || !addsInLoop
                || (!SymbolEqualityComparer.Default.Equals(((INamedTypeSymbol)local.Type).TypeArguments.FirstOrDefault() ?? local.Type, sequenceType.TypeArguments[0]) && AddsTargetTypedValue(body, local.Name))
                || HasForbiddenShape(body, local.Name)
                || HasOutsideEffects(block, local, body)
                || ReadsCollectionTheTypeChanges(block, function, body, context.CancellationToken)
                || LeadingChecks(block, body, declarationIndex, local.Name, checks) is not { } checkIndices
                || OnlyCallerReadsItWhole(context, function))
            {
                return;
            }

            // On the method's name, as every rule about a method; the list's declaration goes along.
            var name = context.Node is MethodDeclarationSyntax methodDeclaration ? methodDeclaration.Identifier : ((LocalFunctionStatementSyntax)context.Node).Identifier;
            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                name.GetLocation(),
                new[] { declarator.Identifier.GetLocation() },
                new YA5001FixProperties(checkIndices).Write(),
                EnclosingFunction.DisplayName(function),
                local.Name));
        }

        /// <summary>The statement of the body that declares the returned local, alone in its declaration, and its index; null when there is none.</summary>
        private static (int Index, VariableDeclaratorSyntax Declarator)? ReturnedLocalDeclaration(BlockSyntax body, string name)
        {
            for (var i = 0; i < body.Statements.Count - 1; i++)
            {
                if (body.Statements[i] is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, Declaration.Variables: { Count: 1 } variables } declaration
                    && !declaration.IsConst
                    && variables[0].Identifier.ValueText == name)
                {
                    return (i, variables[0]);
                }
            }

            return null;
        }

        /// <summary>Operators and calls that read a whole sequence before returning: a caller that uses one keeps every element anyway.</summary>
        private static readonly ImmutableHashSet<string> WholeReaders = ImmutableHashSet.Create(
            "ToList", "ToArray", "ToHashSet", "ToDictionary", "ToLookup", "ToImmutableArray", "ToImmutableList", "ToImmutableHashSet",
            "Count", "LongCount", "Sum", "Min", "Max", "Average", "Aggregate", "AddRange", "UnionWith");

        /// <summary>
        /// A private method or local function with a single call, whose result that call reads whole at once (<c>Helper().ToList()</c>,
        /// <c>new HashSet&lt;T&gt;(Helper())</c>, <c>string.Join(",", Helper())</c>, <c>Helper().Count()</c>): as an iterator it would
        /// only move the list into the caller, so nothing is gained. Callers are searched in every part of the type's declaration
        /// (a partial type split over several files included), and in the enclosing member for a local function.
        /// </summary>
        private static bool OnlyCallerReadsItWhole(SyntaxNodeAnalysisContext context, IMethodSymbol function)
        {
            var scopes = new List<SyntaxNode>();
            if (function.MethodKind == MethodKind.LocalFunction)
            {
                if (context.Node.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or AccessorDeclarationSyntax) is { } member)
                {
                    scopes.Add(member);
                }
            }
            else if (function.DeclaredAccessibility == Accessibility.Private && function.ContainingType is { } type)
            {
                foreach (var part in type.DeclaringSyntaxReferences)
                {
                    scopes.Add(part.GetSyntax(context.CancellationToken));
                }
            }

            InvocationExpressionSyntax? onlyCall = null;
            SemanticModel? callModel = null;
            foreach (var scope in scopes)
            {
#pragma warning disable RS1030 // Another part of a partial type lives in another tree; this runs only for a method that would be reported.
                var model = scope.SyntaxTree == context.Node.SyntaxTree ? context.SemanticModel : context.Compilation.GetSemanticModel(scope.SyntaxTree);
#pragma warning restore RS1030
                foreach (var name in scope.DescendantNodes().OfType<SimpleNameSyntax>())
                {
                    if (name.Identifier.ValueText != function.Name
                        || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, context.CancellationToken).Symbol?.OriginalDefinition, function))
                    {
                        continue;
                    }

                    var callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? (ExpressionSyntax)access : name;
                    if (onlyCall is not null || callee.Parent is not InvocationExpressionSyntax call || call.Expression != callee)
                    {
                        // A second reference, a method group or a nameof: not the one-caller shape.
                        return false;
                    }

                    onlyCall = call;
                    callModel = model;
                }
            }

            return onlyCall is not null && ReadsWholeAtOnce(callModel!, onlyCall, context.CancellationToken);
        }

        private static bool ReadsWholeAtOnce(SemanticModel model, ExpressionSyntax call, System.Threading.CancellationToken cancellationToken)
        {
            SyntaxNode use = call;
            while (use.Parent is ParenthesizedExpressionSyntax)
            {
                use = use.Parent;
            }

            // var props = Helper(…); or props = Helper(…); (a local or a by-value parameter): every later read of the variable decides.
            ISymbol? local = use.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol,
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.Right == use && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    => model.GetSymbolInfo(target, cancellationToken).Symbol switch
                    {
                        ILocalSymbol assigned => assigned,
                        IParameterSymbol { RefKind: RefKind.None } parameter => parameter,
                        _ => null,
                    },
                _ => null,
            };
            if (local is not null)
            {
                return LaterReadsAreWhole(model, call, local, cancellationToken);
            }

            if (use.Parent is ForEachStatementSyntax loop && loop.Expression == use)
            {
                return RunsToTheEnd(loop);
            }

            var reader = use.Parent switch
            {
                MemberAccessExpressionSyntax receiver when receiver.Expression == use && receiver.Parent is InvocationExpressionSyntax outer => outer,
                ArgumentSyntax { RefKindKeyword.RawKind: 0, Parent: ArgumentListSyntax { Parent: var consumer } } => consumer,
                _ => null,
            };
            if (reader is null || model.GetSymbolInfo(reader, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return false;
            }

            var ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (method.MethodKind == MethodKind.Constructor)
            {
                // new List<T>(Helper()), new HashSet<T>(Helper()): a copy of every element.
                return ns.StartsWith("System.Collections", System.StringComparison.Ordinal);
            }

            if (method.ContainingType?.SpecialType == SpecialType.System_String)
            {
                return method.Name is "Join" or "Concat";
            }

            // Enumerable.Concat, Where, Select… are lazy: their own consumer decides, and they are not in the list.
            return WholeReaders.Contains(method.Name)
                && (ns == "System.Linq" || ns.StartsWith("System.Collections", System.StringComparison.Ordinal));
        }

        private static readonly ImmutableHashSet<string> Mutators = ImmutableHashSet.Create(
            "Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "RemoveWhere", "Clear",
            "Enqueue", "Dequeue", "Push", "Pop", "TryAdd", "TryRemove", "Sort", "Reverse");

        /// <summary>
        /// The body reads a collection field or property of its own type that the type changes elsewhere (<c>_items.Remove(i)</c>).
        /// The returned list is then a snapshot that callers may rely on while they change that collection
        /// (<c>foreach (var i in Active()) _items.Remove(i);</c>); as an iterator, that loop would throw.
        /// </summary>
        private static bool ReadsCollectionTheTypeChanges(IBlockOperation block, IMethodSymbol function, BlockSyntax body, System.Threading.CancellationToken cancellationToken)
        {
            var type = function.ContainingType;
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var reference in block.Descendants().OfType<IMemberReferenceOperation>())
            {
                if (reference.Member is IFieldSymbol or IPropertySymbol
                    && SymbolEqualityComparer.Default.Equals(reference.Member.ContainingType?.OriginalDefinition, type?.OriginalDefinition)
                    && reference.Type is { SpecialType: not SpecialType.System_String } collection
                    && collection.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
                {
                    names.Add(reference.Member.Name);
                }
            }

            if (names.Count == 0 || type is null)
            {
                return false;
            }

            foreach (var declaration in type.DeclaringSyntaxReferences)
            {
                foreach (var access in declaration.GetSyntax(cancellationToken).DescendantNodes().OfType<MemberAccessExpressionSyntax>())
                {
                    if (!Mutators.Contains(access.Name.Identifier.ValueText)
                        || (access.SyntaxTree == body.SyntaxTree && body.Span.Contains(access.Span)))
                    {
                        continue;
                    }

                    var target = access.Expression switch
                    {
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
                        _ => null,
                    };
                    if (target is not null && names.Contains(target))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// <c>list.Add(new())</c> and other target-typed values: as <c>yield return</c> they would take the sequence's element
        /// type, not the list's (a <c>new()</c> of the base class instead of the derived one).
        /// </summary>
        private static bool AddsTargetTypedValue(BlockSyntax body, string list) =>
            body.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call =>
                call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name.Identifier.ValueText: "Add" }
                && receiver.Identifier.ValueText == list
                && call.ArgumentList.Arguments.Count == 1
                && call.ArgumentList.Arguments[0].Expression.DescendantNodesAndSelf(n => n is ParenthesizedExpressionSyntax or ConditionalExpressionSyntax or SwitchExpressionSyntax or SwitchExpressionArmSyntax)
                    .Any(n => n.IsKind(SyntaxKind.ImplicitObjectCreationExpression) || n.IsKind(SyntaxKind.DefaultLiteralExpression)
                        || n.IsKind(SyntaxKind.CollectionExpression) || n is AnonymousFunctionExpressionSyntax || n.IsKind(SyntaxKind.ImplicitArrayCreationExpression)));

        private static bool SpellsGenericEnumerable(TypeSyntax type) => type switch
        {
            GenericNameSyntax { Identifier.ValueText: "IEnumerable", TypeArgumentList.Arguments.Count: 1 } => true,
            QualifiedNameSyntax { Right: var right } => SpellsGenericEnumerable(right),
            AliasQualifiedNameSyntax { Name: var name } => SpellsGenericEnumerable(name),
            _ => false,
        };

        /// <summary><c>new List&lt;E&gt;()</c> (or with a capacity that only reads), with <c>E</c> convertible to the sequence's element.</summary>
        private static bool IsNewEmptyList(SemanticModel model, VariableDeclaratorSyntax declarator, INamedTypeSymbol listType, ITypeSymbol element, System.Threading.CancellationToken cancellationToken)
        {
            if (declarator.Initializer?.Value is not BaseObjectCreationExpressionSyntax creationSyntax
                || model.GetOperation(creationSyntax, cancellationToken) is not IObjectCreationOperation creation
                || creation.Type is not INamedTypeSymbol { TypeArguments.Length: 1 } created
                || !SymbolEqualityComparer.Default.Equals(created.OriginalDefinition, listType)
                || creation.Initializer is { Initializers.Length: > 0 }
                || creation.Constructor is not { } constructor
                || constructor.Parameters.Any(p => p.Type.SpecialType != SpecialType.System_Int32)
                || creation.Arguments.Any(a => a.Value.DescendantsAndSelf().Any(o => o is IInvocationOperation or IObjectCreationOperation)))
            {
                return false;
            }

            var conversion = model.Compilation.ClassifyConversion(created.TypeArguments[0], element);
            return conversion.IsImplicit && (conversion.IsIdentity || conversion.IsReference);
        }

        /// <summary>Every use of the list is <c>list.Add(x);</c> or <c>return list;</c> in the body itself (not in a lambda).</summary>
        private static bool OnlyAddedToAndReturned(IBlockOperation block, BlockSyntax body, ILocalSymbol list, out bool addsInLoop)
        {
            addsInLoop = false;
            foreach (var reference in block.Descendants().OfType<ILocalReferenceOperation>())
            {
                if (!SymbolEqualityComparer.Default.Equals(reference.Local, list))
                {
                    continue;
                }

                if (InNestedFunction(reference.Syntax, body))
                {
                    return false;
                }

                var parent = reference.Parent;
                while (parent is IConversionOperation { IsImplicit: true })
                {
                    parent = parent.Parent;
                }

                switch (parent)
                {
                    case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1, Parent: IExpressionStatementOperation } add
                        when add.Instance == reference && add.TargetMethod.ReturnsVoid:
                        addsInLoop |= add.Syntax.Ancestors().TakeWhile(a => a != body).Any(a => a is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax);
                        break;
                    case IReturnOperation { Kind: OperationKind.Return }:
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        /// <summary>Shapes an iterator cannot have, or whose meaning laziness would change (a resource, a lock, a catch).</summary>
        private static bool HasForbiddenShape(BlockSyntax body, string list)
        {
            foreach (var node in body.DescendantNodes(descendIntoChildren: n => !IteratorFacts.IsNestedFunction(n)))
            {
                switch (node)
                {
                    case TryStatementSyntax or UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax or UnsafeStatementSyntax
                        or GotoStatementSyntax or LabeledStatementSyntax or StackAllocArrayCreationExpressionSyntax or RefExpressionSyntax or AwaitExpressionSyntax:
                    case LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 }:
                    case RefTypeSyntax:
                    case ReturnStatementSyntax { Expression: var value } when value is not IdentifierNameSyntax { Identifier.ValueText: var name } || name != list:
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Work that laziness would move or repeat: writes to anything but locals and parameters, statements run for
        /// their effect (a call, logging, a counter), locals of ref-like types.
        /// </summary>
        private static bool HasOutsideEffects(IBlockOperation block, ILocalSymbol list, BlockSyntax body)
        {
            foreach (var operation in block.Descendants())
            {
                if (InNestedFunction(operation.Syntax, body))
                {
                    continue;
                }

                switch (operation)
                {
                    case IExpressionStatementOperation { Operation: var expression }:
                        if (expression is IInvocationOperation { Instance: ILocalReferenceOperation receiver } && SymbolEqualityComparer.Default.Equals(receiver.Local, list))
                        {
                            break;
                        }

                        if (expression is not (IAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation))
                        {
                            // A call for its effect, unless it is an argument check (judged by LeadingChecks).
                            if (!(expression is IInvocationOperation { TargetMethod.ReturnsVoid: true } call && IsCheckName(call.TargetMethod.Name)))
                            {
                                return true;
                            }
                        }

                        break;
                    case IAssignmentOperation assignment when !IsLocalTarget(assignment.Target):
                        return true;
                    case IIncrementOrDecrementOperation increment when !IsLocalTarget(increment.Target):
                        return true;
                    case IVariableDeclaratorOperation { Symbol: var local } when local.Type.IsRefLikeType || local.RefKind != RefKind.None:
                        return true;
                    case IInvocationOperation { TargetMethod.Name: "Wait" or "WaitAll" or "WaitAny" or "GetResult" or "Sleep" }:
                    case IPropertyReferenceOperation { Property: { Name: "Result", ContainingType.Name: "Task" or "ValueTask" } }:
                        // Blocking on async work is tolerable in a method; in an iterator it blocks per element (YA1001).
                        return true;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } byRef when !IsLocalTarget(byRef.Value):
                        return true;
                }
            }

            return false;
        }

        /// <summary>Guard helpers are recognised by ArgumentCheckRecognizer; this only lets their statements through here.</summary>
        private static bool IsCheckName(string name) => name.StartsWith("ThrowIf", System.StringComparison.Ordinal) || name.StartsWith("Against", System.StringComparison.Ordinal);

        private static bool IsLocalTarget(IOperation target) => target switch
        {
            ILocalReferenceOperation or IParameterReferenceOperation or IDiscardOperation => true,
            ITupleOperation tuple => tuple.Elements.All(IsLocalTarget),
            IDeclarationExpressionOperation => true,
            _ => false,
        };

        /// <summary>
        /// The indices (without the list's declaration) of the leading statements holding argument checks; null when a check
        /// is anywhere else or shares its statement with other work, since it would then run late in the iterator (YA3001).
        /// </summary>
        private static List<int>? LeadingChecks(IBlockOperation block, BlockSyntax body, int declarationIndex, string listName, ArgumentCheckRecognizer recognizer)
        {
            var indices = new List<int>();
            var leading = true;
            for (var i = 0; i < body.Statements.Count; i++)
            {
                if (i == declarationIndex)
                {
                    continue;
                }

                var statement = body.Statements[i];
                var operation = block.Operations.FirstOrDefault(o => o.Syntax == statement);
                var hasCheck = operation is not null && operation.DescendantsAndSelf().Any(o => !InNestedFunction(o.Syntax, body) && recognizer.TryRecognize(o, out _, out _));
                if (hasCheck && (operation is ILoopOperation || operation!.Descendants().Any(o => o is ILoopOperation || o is ILocalReferenceOperation { Local.Name: var name } && name == listName)))
                {
                    // A check inside the loop that fills the list validates elements; it stays lazy and YA3001 would report it.
                    return null;
                }

                var index = i < declarationIndex ? i : i - 1;
                if (hasCheck)
                {
                    if (!leading || !IsPlainCheck(operation!, recognizer))
                    {
                        return null;
                    }

                    indices.Add(index);
                }
                else if (statement is not LocalDeclarationStatementSyntax)
                {
                    // Checks may follow local declarations they read; after anything else they are no longer leading.
                    leading = false;
                }
            }

            return indices;
        }

        /// <summary>A statement that checks and does no other work (a call or creation besides the check), so it can run eagerly.</summary>
        private static bool IsPlainCheck(IOperation statement, ArgumentCheckRecognizer recognizer)
        {
            if (statement is not (IExpressionStatementOperation or IVariableDeclarationGroupOperation))
            {
                return true;
            }

            var pending = new Stack<IOperation>();
            pending.Push(statement);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                if (recognizer.TryRecognize(operation, out _, out _))
                {
                    continue;
                }

                if (operation is IInvocationOperation or IObjectCreationOperation or IDynamicInvocationOperation)
                {
                    return false;
                }

                foreach (var child in operation.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or INameOfOperation))
                    {
                        pending.Push(child);
                    }
                }
            }

            return true;
        }

        /// <summary>Every read of <paramref name="local"/> after the call is a loop or call that reads it whole (see <see cref="ReadsWholeAtOnce"/>).</summary>
        private static bool LaterReadsAreWhole(SemanticModel model, ExpressionSyntax call, ISymbol local, System.Threading.CancellationToken cancellationToken)
        {
            var function = call.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax || IteratorFacts.IsNestedFunction(a));
            if (function is null || call.Ancestors().TakeWhile(a => a != function).Any(a => a is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax))
            {
                // Inside a loop, an earlier read may run after the call too.
                return false;
            }

            var reads = 0;
            foreach (var name in function.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.SpanStart < call.Span.End
                    || name.Identifier.ValueText != local.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
                {
                    continue;
                }

                if (name.Parent is AssignmentExpressionSyntax assignment && assignment.Left == name)
                {
                    return false;
                }

                if (!(name.Parent is ForEachStatementSyntax loop && loop.Expression == name && RunsToTheEnd(loop))
                    && !ReadsWholeAtOnce(model, name, cancellationToken))
                {
                    return false;
                }

                reads++;
            }

            return reads > 0;
        }

        /// <summary>A <c>foreach</c> with no way out of it but its end (no <c>break</c>, <c>return</c>, <c>goto</c> or <c>yield break</c>).</summary>
        private static bool RunsToTheEnd(ForEachStatementSyntax loop) =>
            !loop.Statement.DescendantNodesAndSelf(n => !IteratorFacts.IsNestedFunction(n) && n is not (ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or SwitchStatementSyntax))
                .Any(n => n is BreakStatementSyntax or ReturnStatementSyntax or GotoStatementSyntax or YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldBreakStatement })
            && !loop.Statement.DescendantNodes(n => !IteratorFacts.IsNestedFunction(n))
                .Any(n => n is ReturnStatementSyntax or GotoStatementSyntax or YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldBreakStatement });

        private static bool InNestedFunction(SyntaxNode node, BlockSyntax body) =>
            node.Ancestors().TakeWhile(a => a != body).Any(IteratorFacts.IsNestedFunction);
    }
}
