using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.FixProperties;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA3003: a lazy sequence is returned from inside a <c>try</c> whose <c>catch</c> is meant to guard it (or stored
    /// in a local that is returned after the <c>try</c>). The generator runs when the caller enumerates it, after the
    /// <c>try</c> has exited, so the <c>catch</c> never sees what it throws.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA3003DeferredExecutionEscapesTryAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.DeferredExecutionEscapesTry,
            title: "try/catch does not cover deferred execution",
            messageFormat: "This {0} runs when it is enumerated, after the try/catch has exited, so the catch does not see its exceptions; materialise it inside the try",
            DiagnosticCategories.DeferredExecution,
            DiagnosticSeverity.Warning,
            description: "Returning a lazy sequence (an iterator call, a deferred LINQ query, an IQueryable, an async stream) from a try block "
                + "returns the generator, not its results. It runs when the caller enumerates it, after the try has exited, and its exceptions escape the catch.");

        private static readonly ImmutableDictionary<DeferredKind, string> KindNames = new Dictionary<DeferredKind, string>
        {
            [DeferredKind.LinqChain] = "deferred LINQ query",
            [DeferredKind.IteratorCall] = "iterator's sequence",
            [DeferredKind.AsyncStream] = "async stream",
            [DeferredKind.Query] = "IQueryable query",
            [DeferredKind.LazyFileSystem] = "lazy file-system enumeration",
        }.ToImmutableDictionary();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = start.Compilation;
                var list = compilation.GetBestTypeByMetadataName("System.Collections.Generic.List`1");
                if (AsyncTypes.TryCreate(compilation) is not { } types || list is null)
                {
                    return;
                }

                var detection = new Detection(compilation, new DeferredSequenceClassifier(compilation, new KnownIterators(compilation, types)), list);
                start.RegisterOperationAction(detection.Analyze, OperationKind.Try);
            });
        }

        private sealed class Detection
        {
            private readonly Compilation _compilation;
            private readonly DeferredSequenceClassifier _deferred;
            private readonly INamedTypeSymbol _list;

            public Detection(Compilation compilation, DeferredSequenceClassifier deferred, INamedTypeSymbol list)
            {
                _compilation = compilation;
                _deferred = deferred;
                _list = list;
            }

            public void Analyze(OperationAnalysisContext context)
            {
                var tryOperation = (ITryOperation)context.Operation;
                var index = SourceIndex.For(context.Compilation);
                if (tryOperation.Catches.IsEmpty
                    || FunctionBody(tryOperation, context.ContainingSymbol, index, out var function) is not { } functionBody
                    || !CanReturnSequence(function))
                {
                    return;
                }

                index.Passed(Rule.Id);

                foreach (var operation in OwnDescendants(tryOperation.Body))
                {
                    if (InnermostGuardingTry(operation) != tryOperation)
                    {
                        continue;
                    }

                    switch (operation)
                    {
                        case IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } returned } returnOperation
                            when returnOperation.Syntax is ReturnStatementSyntax { Expression: { } expression }:
                            var sequence = DeferredSequenceClassifier.Unwrap(returned) is ILocalReferenceOperation local
                                ? ClassifyLocalDeclaredIn(local.Local, tryOperation.Body)
                                : _deferred.Classify(returned);
                            Report(context, tryOperation, sequence, returned, returned.Type, expression);
                            break;

                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var target }, Value: var value, Parent: IExpressionStatementOperation }
                            when !IsDeclaredIn(target, tryOperation.Body)
                                && IsReturnedAfter(target, tryOperation, functionBody)
                                && OnlyChainedIn(target, tryOperation.Body):
                            Report(context, tryOperation, _deferred.Classify(value), value, target.Type, value.Syntax);
                            break;
                    }
                }
            }

            private void Report(OperationAnalysisContext context, ITryOperation tryOperation, DeferredSequence sequence, IOperation value, ITypeSymbol? targetType, SyntaxNode location)
            {
                if (!sequence.IsDeferred || !sequence.CanFail || CatchesOnlyOpenErrors(tryOperation, value) || !CatchIsMeantFor(tryOperation, sequence))
                {
                    return;
                }

                var properties = new YA3003FixProperties(
                    canMaterialise: sequence.Kind != DeferredKind.AsyncStream && CanMaterialiseAsList(DeferredSequenceClassifier.Unwrap(value)?.Type, targetType)).Write();

                context.ReportDiagnostic(Diagnostic.Create(Rule, location.GetLocation(), properties, KindNames[sequence.Kind]));
            }

            /// <summary>
            /// A catch-all is meant for everything in the try. A specific catch is meant for the sequence when the try does
            /// nothing else, when the sequence does real work later (an iterator, a query, I/O), or when its lambdas are
            /// prone to exactly that exception (<c>FormatException</c> from <c>Parse</c>, …).
            /// </summary>
            private bool CatchIsMeantFor(ITryOperation tryOperation, DeferredSequence sequence)
            {
                foreach (var clause in tryOperation.Catches)
                {
                    var caught = clause.ExceptionType;
                    if (IsCatchAll(caught) || sequence.RunsExternalWork || sequence.LikelyExceptions.Any(likely => DerivesFrom(likely, caught)))
                    {
                        return true;
                    }
                }

                return DoesNothingElse(tryOperation.Body);
            }

            /// <summary>
            /// <c>Directory.EnumerateFiles(…)</c> and <c>File.ReadLines(…)</c> open the directory or file when they are called
            /// (the enumerable is built with its first enumerator), so a missing path, a denied access or a bad argument throws
            /// inside the try. A catch for only those errors guards the call, not the later enumeration. Recursing with
            /// <c>SearchOption.AllDirectories</c> meets denied subdirectories later, so access errors count there.
            /// </summary>
            private static bool CatchesOnlyOpenErrors(ITryOperation tryOperation, IOperation value)
            {
                if (DeferredSequenceClassifier.Unwrap(value) is not IInvocationOperation { TargetMethod.ContainingType: { ContainingNamespace: { Name: "IO", ContainingNamespace.Name: "System" } } } call
                    || call.TargetMethod.Name is not ("ReadLines" or "EnumerateFiles" or "EnumerateDirectories" or "EnumerateFileSystemEntries"))
                {
                    return false;
                }

                var recursive = call.Arguments.Any(a => a.Value.Type is { Name: "SearchOption" } && !(a.Value.ConstantValue is { HasValue: true, Value: 0 }));
                foreach (var clause in tryOperation.Catches)
                {
                    var caught = clause.Filter is { } filter && IsCatchAll(clause.ExceptionType) ? FilteredTypes(filter) : new List<ITypeSymbol> { clause.ExceptionType };
                    if (caught is null || caught.Count == 0 || !caught.All(type => IsOpenError(type, recursive)))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static bool IsOpenError(ITypeSymbol type, bool recursive) => type.Name switch
            {
                "DirectoryNotFoundException" or "FileNotFoundException" or "PathTooLongException" or "DriveNotFoundException" => true,
                "ArgumentException" or "ArgumentNullException" or "ArgumentOutOfRangeException" or "NotSupportedException" => true,
                "UnauthorizedAccessException" or "SecurityException" => !recursive,
                _ => false,
            };

            /// <summary>The types a filter such as <c>when (ex is A or B)</c> admits; null when it tests anything else.</summary>
            private static List<ITypeSymbol>? FilteredTypes(IOperation filter)
            {
                var types = new List<ITypeSymbol>();
                var pending = new Stack<IOperation>();
                pending.Push(filter);
                while (pending.Count > 0)
                {
                    switch (pending.Pop())
                    {
                        case IIsPatternOperation { Pattern: var pattern }:
                            pending.Push(pattern);
                            break;
                        case IIsTypeOperation { TypeOperand: var tested }:
                            types.Add(tested);
                            break;
                        case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either:
                            pending.Push(either.LeftPattern);
                            pending.Push(either.RightPattern);
                            break;
                        case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                            pending.Push(or.LeftOperand);
                            pending.Push(or.RightOperand);
                            break;
                        case ITypePatternOperation typePattern:
                            types.Add(typePattern.MatchedType);
                            break;
                        case IDeclarationPatternOperation { MatchedType: { } declared }:
                            types.Add(declared);
                            break;
                        default:
                            return null;
                    }
                }

                return types;
            }

            private static bool IsCatchAll(ITypeSymbol type) =>
                type.SpecialType == SpecialType.System_Object
                || type is { Name: "Exception" or "SystemException", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

            private static bool DerivesFrom(ITypeSymbol type, ITypeSymbol baseType)
            {
                for (var current = type; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, baseType))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The try block only builds sequences and returns: a catch around it can only be meant for them.</summary>
            private bool DoesNothingElse(IBlockOperation body)
            {
                foreach (var operation in body.Operations)
                {
                    var ok = operation switch
                    {
                        IReturnOperation { ReturnedValue: var returned } => returned is null || IsSimple(returned) || _deferred.Classify(returned).IsDeferred,
                        IVariableDeclarationGroupOperation group => group.Declarations.SelectMany(d => d.Declarators)
                            .All(d => d.Initializer is null || IsSimple(d.Initializer.Value) || _deferred.Classify(d.Initializer.Value).IsDeferred),
                        IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation, Value: var value } } =>
                            IsSimple(value) || _deferred.Classify(value).IsDeferred,
                        _ => false,
                    };
                    if (!ok)
                    {
                        return false;
                    }
                }

                return true;
            }

            private static bool IsSimple(IOperation value) =>
                DeferredSequenceClassifier.Unwrap(value) is ILiteralOperation or ILocalReferenceOperation or IParameterReferenceOperation
                    or IFieldReferenceOperation or IDefaultValueOperation || value.ConstantValue.HasValue;

            /// <summary>
            /// A local declared in the try and returned from it: lazy when every value it is given is lazy and nothing in the
            /// try reads it except to chain more operators onto it.
            /// </summary>
            private DeferredSequence ClassifyLocalDeclaredIn(ILocalSymbol local, IBlockOperation body)
            {
                if (!IsDeclaredIn(local, body) || !OnlyChainedIn(local, body))
                {
                    return default;
                }

                DeferredSequence combined = default;
                foreach (var operation in OwnDescendants(body))
                {
                    IOperation? value = operation switch
                    {
                        IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => declarator.Initializer?.Value,
                        ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                        _ => null,
                    };
                    if (value is null)
                    {
                        continue;
                    }

                    var sequence = _deferred.Classify(value);
                    if (!sequence.IsDeferred)
                    {
                        return default;
                    }

                    combined = !combined.IsDeferred
                        ? sequence
                        : new DeferredSequence(
                            combined.RunsExternalWork ? combined.Kind : sequence.Kind,
                            combined.CanFail || sequence.CanFail,
                            combined.RunsExternalWork || sequence.RunsExternalWork,
                            combined.LikelyExceptions.Union(sequence.LikelyExceptions));
                }

                return combined;
            }

            /// <summary>
            /// Every read of <paramref name="local"/> in <paramref name="scope"/> is a <c>return</c> of it or feeds a lazy operator
            /// whose result goes back into it (<c>q = q.Where(…)</c>); any other read enumerates or hands it on, inside the try.
            /// </summary>
            private bool OnlyChainedIn(ILocalSymbol local, IOperation scope)
            {
                foreach (var operation in OwnDescendants(scope))
                {
                    if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        continue;
                    }

                    if (reference.Parent is ISimpleAssignmentOperation { Target: var assigned } && assigned == reference)
                    {
                        continue;
                    }

                    if (IsReturned(reference))
                    {
                        continue;
                    }

                    var chainedBack = EnclosingAssignment(reference) is { Target: ILocalReferenceOperation target } assignment
                        && SymbolEqualityComparer.Default.Equals(target.Local, local)
                        && _deferred.Classify(assignment.Value).IsDeferred;
                    if (!chainedBack)
                    {
                        return false;
                    }
                }

                return true;
            }

            private static ISimpleAssignmentOperation? EnclosingAssignment(IOperation operation)
            {
                for (var current = operation.Parent; current is not null and not IExpressionStatementOperation and not IBlockOperation; current = current.Parent)
                {
                    if (current is ISimpleAssignmentOperation assignment)
                    {
                        return assignment;
                    }
                }

                return null;
            }

            private static bool IsReturned(IOperation reference)
            {
                var current = reference.Parent;
                while (current is IConversionOperation { OperatorMethod: null })
                {
                    current = current.Parent;
                }

                return current is IReturnOperation { Kind: OperationKind.Return };
            }

            private static bool IsDeclaredIn(ILocalSymbol local, IBlockOperation block) =>
                local.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == block.Syntax.SyntaxTree && block.Syntax.Span.Contains(r.Span));

            private static bool IsReturnedAfter(ILocalSymbol local, ITryOperation tryOperation, IOperation functionBody) =>
                OwnDescendants(functionBody).Any(operation =>
                    operation is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: var returned }
                    && operation.Syntax.SpanStart >= tryOperation.Syntax.Span.End
                    && DeferredSequenceClassifier.Unwrap(returned) is ILocalReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local));

            private bool CanMaterialiseAsList(ITypeSymbol? sequenceType, ITypeSymbol? targetType)
            {
                if (sequenceType is null || targetType is null || sequenceType.TypeKind == TypeKind.Dynamic || targetType.TypeKind == TypeKind.Error)
                {
                    return false;
                }

                var elementTypes = ElementTypes(sequenceType).Distinct<ITypeSymbol>(SymbolEqualityComparer.Default).ToList();
                if (elementTypes.Count != 1)
                {
                    return false;
                }

                var listType = _list.Construct(elementTypes[0]);
                var conversion = _compilation.ClassifyCommonConversion(listType, targetType);
                return conversion.IsImplicit && (conversion.IsIdentity || conversion.IsReference);
            }

            private static IEnumerable<ITypeSymbol> ElementTypes(ITypeSymbol type)
            {
                if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } named)
                {
                    yield return named.TypeArguments[0];
                    yield break;
                }

                foreach (var implemented in type.AllInterfaces)
                {
                    if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                    {
                        yield return implemented.TypeArguments[0];
                    }
                }
            }

            /// <summary>The try with a catch whose block holds <paramref name="operation"/> most closely, within its function.</summary>
            private static ITryOperation? InnermostGuardingTry(IOperation operation)
            {
                var child = operation;
                for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
                {
                    if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return null;
                    }

                    if (parent is ITryOperation { Catches.IsEmpty: false } candidate && candidate.Body == child)
                    {
                        return candidate;
                    }
                }

                return null;
            }

            /// <summary>
            /// The body of the function the try is in, or null when that function is an iterator (there the try does cover the
            /// generator's execution) or cannot be found.
            /// </summary>
            /// <summary>
            /// The body of the function the try is in and what that function returns; null for an iterator, whose values are
            /// produced lazily anyway.
            /// </summary>
            private static IOperation? FunctionBody(IOperation operation, ISymbol containingSymbol, SourceIndex index, out IMethodSymbol? function)
            {
                function = null;
                var child = operation;
                for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
                {
                    switch (parent)
                    {
                        case IAnonymousFunctionOperation lambda:
                            function = lambda.Symbol;
                            return child;
                        case ILocalFunctionOperation localFunction:
                            function = localFunction.Symbol;
                            return index.IsIteratorDeclaration(localFunction.Syntax) ? null : child;
                    }
                }

                if (containingSymbol is not IMethodSymbol method
                    || IteratorFacts.FindDeclaration(method, operation.Syntax) is not { } declaration
                    || index.IsIteratorDeclaration(declaration))
                {
                    return null;
                }

                function = method;
                return child;
            }

            /// <summary>
            /// Whether a lazy sequence can leave <paramref name="function"/> through what it returns (the T of its task-like type
            /// when it is async): most functions with a try return nothing, a number, a string or a task of one, and are not
            /// looked into.
            /// </summary>
            private bool CanReturnSequence(IMethodSymbol? function)
            {
                var type = function?.ReturnType;
                if (function is { IsAsync: true } && type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } taskLike)
                {
                    type = taskLike.TypeArguments[0];
                }

                switch (type)
                {
                    case null:
                    case { SpecialType: SpecialType.System_Object }:
                    case { TypeKind: TypeKind.Error or TypeKind.Dynamic or TypeKind.TypeParameter }:
                        return true;
                    case { SpecialType: SpecialType.System_String or SpecialType.System_Void }:
                        return false;
                }

                return _deferred.IsAsyncStream(type)
                    || type.SpecialType is SpecialType.System_Collections_IEnumerable or SpecialType.System_Collections_Generic_IEnumerable_T
                    || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);
            }

            /// <summary>Descendants that run in this function, not in lambdas or local functions nested in it.</summary>
            private static IEnumerable<IOperation> OwnDescendants(IOperation root)
            {
                var pending = new Stack<IOperation>();
                pending.Push(root);
                while (pending.Count > 0)
                {
                    var operation = pending.Pop();
                    yield return operation;
                    foreach (var child in operation.ChildOperations.Reverse())
                    {
                        if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                        {
                            pending.Push(child);
                        }
                    }
                }
            }
        }
    }
}
