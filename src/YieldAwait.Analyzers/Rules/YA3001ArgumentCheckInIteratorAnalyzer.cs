using System.Collections.Concurrent;
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
    /// YA3001: an iterator (sync or async) checks its arguments before its first <c>yield return</c>. A generator's
    /// body starts on the first <c>MoveNext</c>, so the check throws far from the bad call, or never if the result is
    /// not enumerated; a non-iterator method that checks and then returns a local iterator throws at the call. Only a check
    /// of a parameter whose value is known at the call is late (<see cref="CheckSubject"/>), and only in an iterator that a
    /// caller can reach with a bad argument (<see cref="ValidatingCallers"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA3001ArgumentCheckInIteratorAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.ArgumentCheckInIterator,
            title: "Argument check in an iterator runs late",
            messageFormat: "'{0}' in iterator '{1}' runs when the sequence is first enumerated, not when '{1}' is called; check arguments in a non-iterator method",
            DiagnosticCategories.DeferredExecution,
            DiagnosticSeverity.Warning,
            description: "An iterator's body, argument checks included, starts on the first MoveNext. A bad argument then throws far from the "
                + "call that passed it, or never when the sequence is not enumerated. Check in a method that is not an iterator and return a local iterator function.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = AsyncTypes.TryCreate(start.Compilation);
                var recognizer = ArgumentCheckRecognizer.TryCreate(start.Compilation);
                if (types is null || recognizer is null)
                {
                    return;
                }

                var index = SourceIndex.For(start.Compilation);
                if (index.HasNoIterators)
                {
                    return;
                }

                var detection = new Detection(types, recognizer, index, new ValidatingCallers(start.Compilation, recognizer, start.CancellationToken));

                // Only members that are or hold an iterator get the per-operation callbacks: most members have none.
                GatedRegistration.ForMembers(start, index.OverlapsIterator, block => block.RegisterOperationAction(detection.Analyze, OperationKind.Throw, OperationKind.Invocation));
            });
        }

        private sealed class Detection
        {
            private readonly AsyncTypes _types;
            private readonly ArgumentCheckRecognizer _recognizer;
            private readonly SourceIndex _index;
            private readonly ConcurrentDictionary<SyntaxNode, bool> _iterators = new();
            private readonly ConcurrentDictionary<SyntaxNode, ImmutableArray<int>> _checkStatements = new();
            private readonly ConcurrentDictionary<SyntaxNode, CheckSubject?> _subjects = new();
            private readonly ValidatingCallers _callers;

            public Detection(AsyncTypes types, ArgumentCheckRecognizer recognizer, SourceIndex index, ValidatingCallers callers)
            {
                _types = types;
                _recognizer = recognizer;
                _index = index;
                _callers = callers;
            }

            public void Analyze(OperationAnalysisContext context)
            {
                var operation = context.Operation;

                // Gate: a late check needs an iterator around it, and most throws and calls have none.
                if (!_index.IsInIterator(operation.Syntax))
                {
                    return;
                }

                _index.Passed(DiagnosticIds.ArgumentCheckInIterator);
                if (!_recognizer.TryRecognize(operation, out var display, out var location)
                    || ChecksOwnState(operation)
                    || IsPartOfEnclosingCheck(operation)
                    || !EnclosingFunction.TryFind(operation, context.ContainingSymbol, out var function, out var declaration)
                    || IteratorFacts.GetBody(declaration) is not { } body
                    || !_iterators.GetOrAdd(declaration, _ => IsIterator(function, declaration, body))
                    || !PreYieldRegion.RunsBeforeFirstYield(operation.Syntax, body)
                    || SubjectOf(declaration, body, operation.SemanticModel) is not { } subject)
                {
                    return;
                }

                // Late only for a parameter known at the call, in an iterator a caller can reach with a bad value.
                var parameters = subject.CheckedParameters(operation);
                if (parameters.Count == 0 || _callers.AllValidate(function, parameters, ArgumentCheckRecognizer.IsNullCheck(operation), context.CancellationToken))
                {
                    return;
                }

                var checkStatements = _checkStatements.GetOrAdd(declaration, _ => MovableCheckStatements(body, operation.SemanticModel, subject));
                var index = PreYieldRegion.MovableStatementIndex(operation.Syntax, body);
                var properties = new YA3001FixProperties(checkStatements, movable: index >= 0 && checkStatements.Contains(index)).Write();

                context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, display, EnclosingFunction.DisplayName(function)));
            }

            /// <summary>
            /// A member without parameters (a property getter, <c>GetEnumerator()</c>) has no arguments to check: what it
            /// checks is its object's state, which may be set between the call and the enumeration. A local function can
            /// still check the parameters of the method around it.
            /// </summary>
            private bool IsIterator(IMethodSymbol function, SyntaxNode declaration, BlockSyntax body) =>
                (function.MethodKind == MethodKind.LocalFunction || !function.Parameters.IsEmpty)
                && IteratorFacts.ContainsYield(declaration)
                && IteratorFacts.Classify(function, _types) != IteratorKind.None
                && !PreYieldRegion.HasGoto(body);

            /// <summary>
            /// <c>ArgumentNullException.ThrowIfNull(_connection)</c> checks a field or property of the object, not an argument:
            /// that state may be set between the call and the enumeration, so checking it late is not the caller's mistake.
            /// </summary>
            private static bool ChecksOwnState(IOperation operation)
            {
                // An extension guard (Guard.Against.Null(x, …)) checks its second argument: the first is the guard clause.
                var index = operation is IInvocationOperation { TargetMethod.IsExtensionMethod: true } ? 1 : 0;
                if (operation is not IInvocationOperation invocation || invocation.Arguments.Length <= index)
                {
                    return false;
                }

                var checkedValue = invocation.Arguments[index].Value;
                while (checkedValue is IConversionOperation conversion)
                {
                    checkedValue = conversion.Operand;
                }

                return checkedValue is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation }
                    or IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 };
            }

            /// <summary>A guard library's chained call (<c>Guard.Argument(x).NotNull()</c>) is one check, reported at its outer call.</summary>
            private bool IsPartOfEnclosingCheck(IOperation operation)
            {
                var parent = operation.Parent;
                if (parent is IArgumentOperation { Parent: IInvocationOperation outerCall } && outerCall.Arguments.Length > 0 && outerCall.Arguments[0] == parent)
                {
                    return _recognizer.TryRecognize(outerCall, out _, out _);
                }

                return parent is IInvocationOperation outer && outer.Instance == operation && _recognizer.TryRecognize(outer, out _, out _);
            }

            private CheckSubject? SubjectOf(SyntaxNode declaration, BlockSyntax body, SemanticModel? semanticModel) =>
                _subjects.GetOrAdd(declaration, _ => semanticModel?.GetOperation(body) is { } operation ? CheckSubject.For(operation) : null);

            private ImmutableArray<int> MovableCheckStatements(BlockSyntax body, SemanticModel? semanticModel, CheckSubject subject)
            {
                if (semanticModel is null)
                {
                    return ImmutableArray<int>.Empty;
                }

                var indices = ImmutableArray.CreateBuilder<int>();
                var end = PreYieldRegion.FirstYieldingStatement(body);
                for (var i = 0; i < end; i++)
                {
                    var statement = body.Statements[i];
                    if (statement is not LocalFunctionStatementSyntax && semanticModel.GetOperation(statement) is { } operation && IsPlainCheck(operation, subject))
                    {
                        indices.Add(i);
                    }
                }

                return indices.ToImmutable();
            }

            /// <summary>
            /// A statement that holds a check and can run eagerly as it is. A declaration or expression statement that also
            /// calls or creates something besides the check (<c>var lines = File.ReadAllLines(path ?? throw …);</c>) does work
            /// that must stay lazy; the conditions and branches of <c>if</c>, <c>switch</c> or <c>try</c> are part of the validation.
            /// A check that is not reported (of a local, or of data read from the source) cannot run eagerly and keeps its statement lazy.
            /// </summary>
            private bool IsPlainCheck(IOperation statement, CheckSubject subject)
            {
                var judgeWork = statement is IExpressionStatementOperation or IVariableDeclarationGroupOperation;
                var hasCheck = false;
                var pending = new Stack<IOperation>();
                pending.Push(statement);
                while (pending.Count > 0)
                {
                    var operation = pending.Pop();
                    if (_recognizer.TryRecognize(operation, out _, out _) && !ChecksOwnState(operation))
                    {
                        if (subject.CheckedParameters(operation).Count == 0)
                        {
                            return false;
                        }

                        hasCheck = true;
                        continue;
                    }

                    if (judgeWork && operation is IInvocationOperation or IObjectCreationOperation or IDynamicInvocationOperation or IAwaitOperation)
                    {
                        return false;
                    }

                    foreach (var child in operation.ChildOperations)
                    {
                        if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation or INameOfOperation))
                        {
                            pending.Push(child);
                        }
                    }
                }

                return hasCheck;
            }
        }
    }
}
