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
    /// YA3005: a local holding a call of an iterator in the compilation (or a deferred LINQ chain over one) is
    /// enumerated more than once on one path. Each enumeration runs the generator's body again: its I/O, its side
    /// effects, and possibly different results.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA3005GeneratorEnumeratedMoreThanOnceAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.GeneratorEnumeratedMoreThanOnce,
            title: "Generator enumerated more than once",
            messageFormat: "'{0}' holds a call of iterator '{1}' and is enumerated more than once; each enumeration runs the iterator again",
            DiagnosticCategories.DeferredExecution,
            DiagnosticSeverity.Warning,
            description: "A call of an iterator returns a recipe, not a collection: every foreach, Count() or ToList() on it runs the iterator's body "
                + "from the start again, repeating its work and side effects. Materialise it once where it is bound.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var enumerable = start.Compilation.GetBestTypeByMetadataName("System.Linq.Enumerable");
                var types = AsyncTypes.TryCreate(start.Compilation);
                if (types is null)
                {
                    return;
                }

                var index = SourceIndex.For(start.Compilation);
                if (index.HasNoIterators)
                {
                    return;
                }

                var state = new State(
                    types,
                    enumerable,
                    start.Compilation.GetBestTypeByMetadataName("System.Linq.AsyncEnumerable"),
                    start.Compilation.GetBestTypeByMetadataName("System.Threading.Tasks.TaskAsyncEnumerableExtensions"),
                    index);

                // A generator is bound by a call that names one of the compilation's iterators: only members whose text
                // names one get the per-declarator callbacks.
                GatedRegistration.ForMembers(start, index.SpellsIteratorNameIn, state.AnalyzeBlockStart);
            });
        }

        private sealed class State
        {
            private readonly AsyncTypes _types;
            private readonly INamedTypeSymbol? _enumerable;

            /// <summary>LINQ over async streams: the .NET 10 BCL's or System.Linq.Async's, which share the name.</summary>
            private readonly INamedTypeSymbol? _asyncEnumerable;

            /// <summary>Where <c>WithCancellation</c> and <c>ConfigureAwait</c> for streams live: they configure, not enumerate.</summary>
            private readonly INamedTypeSymbol? _streamConfiguration;
            private readonly ConcurrentDictionary<IMethodSymbol, IteratorKind> _generatorKind = new(SymbolEqualityComparer.Default);
            private readonly SourceIndex _index;

            public State(AsyncTypes types, INamedTypeSymbol? enumerable, INamedTypeSymbol? asyncEnumerable, INamedTypeSymbol? streamConfiguration, SourceIndex index)
            {
                _index = index;
                _types = types;
                _enumerable = enumerable;
                _asyncEnumerable = asyncEnumerable;
                _streamConfiguration = streamConfiguration;
            }

            /// <summary>
            /// Bindings are rare and recognisable in the syntax (a local initialised with a call that names one of the
            /// compilation's iterators), so the rule looks at declarators only, and at the rest of the function only for a
            /// declarator that binds a generator. It reports at the end of the member's block, where a diagnostic away from the
            /// declarator (the second enumeration) is still local to the member.
            /// </summary>
            public void AnalyzeBlockStart(OperationBlockStartAnalysisContext context)
            {
                var bindings = new List<(IVariableDeclaratorOperation Declarator, ILocalSymbol Local, IMethodSymbol Generator)>();
                context.RegisterOperationAction(
                    operation =>
                    {
                        if (operation.Operation.Syntax is VariableDeclaratorSyntax { Initializer.Value: var initializer }
                            && IsCall(initializer)
                            && MentionsIterator(initializer)
                            && operation.Operation is IVariableDeclaratorOperation { Symbol: { IsRef: false } local, Initializer.Value: { } value } declarator
                            && GeneratorOf(value) is { } generator)
                        {
                            lock (bindings)
                            {
                                bindings.Add((declarator, local, generator));
                            }
                        }
                    },
                    OperationKind.VariableDeclarator);
                context.RegisterOperationBlockEndAction(end =>
                {
                    foreach (var (declarator, local, generator) in bindings)
                    {
                        AnalyzeBinding(end, declarator, local, generator);
                    }
                });
            }

            private void AnalyzeBinding(OperationBlockAnalysisContext context, IVariableDeclaratorOperation declarator, ILocalSymbol local, IMethodSymbol generator)
            {
                IOperation root = declarator;
                while (root.Parent is { } parent)
                {
                    root = parent;
                }

                var uses = new List<ILocalReferenceOperation>();
                foreach (var operation in root.Descendants())
                {
                    if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        if (IsWrite(reference))
                        {
                            return;
                        }

                        uses.Add(reference);
                    }
                }

                var scope = declarator.Syntax.FirstAncestorOrSelf<BlockSyntax>();
                if (uses.Count == 0 || scope is null)
                {
                    return;
                }

                var sites = new List<(SyntaxNode Site, bool Repeated)>();
                foreach (var use in uses.OrderBy(u => u.Syntax.SpanStart))
                {
                    if (EnumerationSite(use) is { } site && !InConditionalCall(use) && Repetition(site, scope) is { } repeated)
                    {
                        sites.Add((site, repeated));
                    }
                }

                var second = SecondEnumeration(sites);
                if (second is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rule,
                        second.GetLocation(),
                        additionalLocations: new[] { declarator.Syntax.GetLocation() },
                        properties: null,
                        local.Name,
                        generator.Name));
                }
            }

            /// <summary>
            /// Gate before binding a declarator: its value can only be a generator when its initializer spells the name of one
            /// of the compilation's iterators (the call itself, or the source of a LINQ chain over it).
            /// </summary>
            private bool MentionsIterator(ExpressionSyntax initializer)
            {
                foreach (var node in initializer.DescendantNodesAndSelf())
                {
                    if (node is SimpleNameSyntax name && _index.IsIteratorName(name.Identifier.ValueText))
                    {
                        _index.Passed(DiagnosticIds.GeneratorEnumeratedMoreThanOnce);
                        return true;
                    }
                }

                return false;
            }

            /// <summary>A call, possibly parenthesized or with <c>!</c>: the only syntax <see cref="GeneratorOf"/> can accept.</summary>
            private static bool IsCall(ExpressionSyntax expression)
            {
                while (true)
                {
                    switch (expression)
                    {
                        case InvocationExpressionSyntax:
                            return true;
                        case ParenthesizedExpressionSyntax parenthesized:
                            expression = parenthesized.Expression;
                            break;
                        case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                            expression = suppressed.Operand;
                            break;
                        default:
                            return false;
                    }
                }
            }

            /// <summary>The site that makes the enumeration multiple: one repeated by a loop, or the second on one path.</summary>
            private static SyntaxNode? SecondEnumeration(List<(SyntaxNode Site, bool Repeated)> sites)
            {
                for (var i = 0; i < sites.Count; i++)
                {
                    if (sites[i].Repeated)
                    {
                        return sites[i].Site;
                    }

                    for (var j = 0; j < i; j++)
                    {
                        if (!MutuallyExclusive(sites[j].Site, sites[i].Site))
                        {
                            return sites[i].Site;
                        }
                    }
                }

                return null;
            }

            /// <summary>The method whose iterator the value runs: an iterator call, or a deferred LINQ chain over one.</summary>
            private IMethodSymbol? GeneratorOf(IOperation value)
            {
                value = value.WithoutImplicitConversions();
                if (value is not IInvocationOperation invocation)
                {
                    return null;
                }

                if ((IsEnumerableMethod(invocation.TargetMethod) && DeferredSequences.DeferredOperators.Contains(invocation.TargetMethod.Name))
                    || IsStreamConfiguration(invocation.TargetMethod))
                {
                    return invocation.Arguments.Length > 0 ? GeneratorOf(invocation.Arguments[0].Value) : null;
                }

                var method = invocation.TargetMethod;
                var expected = method.ReturnType.OriginalDefinition switch
                {
                    { SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } => IteratorKind.Sync,
                    var type when _types.IAsyncEnumerableOfT is not null && SymbolEqualityComparer.Default.Equals(type, _types.IAsyncEnumerableOfT) => IteratorKind.Async,
                    _ => IteratorKind.None,
                };
                return expected != IteratorKind.None && _generatorKind.GetOrAdd(method.OriginalDefinition, DeclaredKind) == expected
                    ? method
                    : null;
            }

            private IteratorKind DeclaredKind(IMethodSymbol method) => DeferredSequences.DeclaredIteratorKind(method, _types);

            /// <summary>A LINQ operator over sequences or over async streams.</summary>
            private bool IsEnumerableMethod(IMethodSymbol method) =>
                (_enumerable is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _enumerable))
                || (_asyncEnumerable is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _asyncEnumerable));

            private bool IsStreamConfiguration(IMethodSymbol method) =>
                _streamConfiguration is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _streamConfiguration);

            /// <summary>An operator that enumerates its source: <c>ToList</c>, <c>Count</c>…, and for streams <c>ToListAsync</c>, <c>CountAsync</c>….</summary>
            private bool IsEnumeratingOperator(IMethodSymbol method) =>
                DeferredSequences.EnumeratingOperators.Contains(method.Name)
                || (_asyncEnumerable is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _asyncEnumerable)
                    && method.Name.EndsWith("Async", System.StringComparison.Ordinal)
                    && DeferredSequences.EnumeratingOperators.Contains(method.Name.Substring(0, method.Name.Length - "Async".Length)));

            private static bool IsWrite(ILocalReferenceOperation reference) => reference.Parent switch
            {
                IAssignmentOperation assignment => assignment.Target == reference,
                IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
                IIncrementOrDecrementOperation => true,
                IAddressOfOperation => true,
                _ => false,
            };

            /// <summary>
            /// The syntax of the operation that enumerates the local through this use: a <c>foreach</c> over it, an enumerating
            /// LINQ operator on it (possibly through deferred ones), or a collection built from it. Null for any other use.
            /// </summary>
            private SyntaxNode? EnumerationSite(ILocalReferenceOperation reference)
            {
                IOperation current = reference;
                while (true)
                {
                    var parent = current.Parent;
                    while (parent is IConversionOperation { IsImplicit: true })
                    {
                        current = parent;
                        parent = parent.Parent;
                    }

                    switch (parent)
                    {
                        case IForEachLoopOperation loop when loop.Collection == current:
                            return ((CommonForEachStatementSyntax)loop.Syntax).Expression;
                        case IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation configured }
                            when IsStreamConfiguration(configured.TargetMethod):
                            current = configured;
                            continue;
                        case IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation invocation }
                            when IsEnumerableMethod(invocation.TargetMethod) && invocation.TargetMethod.IsExtensionMethod:
                            if (IsEnumeratingOperator(invocation.TargetMethod))
                            {
                                return invocation.Syntax;
                            }

                            if (DeferredSequences.DeferredOperators.Contains(invocation.TargetMethod.Name))
                            {
                                current = invocation;
                                continue;
                            }

                            return null;
                        case IArgumentOperation { Parent: IObjectCreationOperation creation }
                            when creation.Type?.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic":
                            return creation.Syntax;
                        default:
                            return null;
                    }
                }
            }

            /// <summary>
            /// A use in the arguments of a <c>[Conditional]</c> method (<c>Debug.Assert(xs.All(…))</c>) is compiled away outside
            /// debug builds: a debug-only check, not a second run of the generator in the shipped code.
            /// </summary>
            private static bool InConditionalCall(IOperation use)
            {
                for (var node = use.Parent; node is not null and not IAnonymousFunctionOperation; node = node.Parent)
                {
                    if (node is IInvocationOperation invocation
                        && invocation.TargetMethod.GetAttributes().Any(a => a.AttributeClass is { Name: "ConditionalAttribute" } attribute
                            && attribute.ContainingNamespace?.ToDisplayString() == "System.Diagnostics"))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// True when the site runs repeatedly (a loop or a lambda given to a LINQ operator between it and the local's
            /// scope), false when once, null when unknown (another lambda or a local function: it may never run).
            /// </summary>
            private bool? Repetition(SyntaxNode site, BlockSyntax scope)
            {
                var child = site;
                for (var node = site.Parent; node is not null && node != scope; child = node, node = node.Parent)
                {
                    switch (node)
                    {
                        case WhileStatementSyntax or DoStatementSyntax:
                            return true;
                        case ForStatementSyntax forStatement when !(child is ExpressionSyntax expression && forStatement.Initializers.Contains(expression)) && forStatement.Declaration != child:
                            return true;
                        case CommonForEachStatementSyntax forEach when forEach.Statement == child:
                            return true;
                        case LocalFunctionStatementSyntax:
                            return null;
                        case AnonymousFunctionExpressionSyntax:
                            // Per element when given to a LINQ operator; otherwise unknown (Task.Run runs it once, an event handler maybe never).
                            return node.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } }
                                && (DeferredSequences.DeferredOperators.Contains(member.Name.Identifier.ValueText) || DeferredSequences.EnumeratingOperators.Contains(member.Name.Identifier.ValueText))
                                ? true
                                : null;
                    }
                }

                return false;
            }

            /// <summary>
            /// True when no path runs both: they sit in different branches of one <c>if</c>/<c>switch</c>/<c>?:</c>, or the
            /// earlier one is in a branch that always leaves (return, throw, break, continue) before the later one.
            /// </summary>
            private static bool MutuallyExclusive(SyntaxNode first, SyntaxNode second)
            {
                var common = first.Parent;
                while (common is not null && !common.Span.Contains(second.Span))
                {
                    common = common.Parent;
                }

                if (common is null)
                {
                    return false;
                }

                var firstChild = ChildOn(first, common);
                var secondChild = ChildOn(second, common);
                switch (common)
                {
                    case IfStatementSyntax ifStatement when firstChild != ifStatement.Condition && secondChild != ifStatement.Condition:
                    case ConditionalExpressionSyntax conditional when firstChild != conditional.Condition && secondChild != conditional.Condition:
                    case SwitchStatementSyntax when firstChild is SwitchSectionSyntax && secondChild is SwitchSectionSyntax:
                    case SwitchExpressionSyntax when firstChild is SwitchExpressionArmSyntax && secondChild is SwitchExpressionArmSyntax:
                        return true;
                }

                for (var node = first; node is not null && node != common; node = node.Parent)
                {
                    var isBranch = node.Parent is IfStatementSyntax owner && owner.Statement == node || node.Parent is ElseClauseSyntax || node is SwitchSectionSyntax;
                    if (isBranch && AlwaysLeaves(node))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static SyntaxNode? ChildOn(SyntaxNode node, SyntaxNode ancestor)
            {
                for (var current = node; current is not null; current = current.Parent)
                {
                    if (current.Parent == ancestor)
                    {
                        return current;
                    }
                }

                return null;
            }

            private static bool AlwaysLeaves(SyntaxNode branch)
            {
                var last = branch switch
                {
                    BlockSyntax block => block.Statements.LastOrDefault(),
                    SwitchSectionSyntax section => section.Statements.LastOrDefault() is BlockSyntax inner ? inner.Statements.LastOrDefault() : section.Statements.LastOrDefault(),
                    StatementSyntax statement => statement,
                    _ => null,
                };
                return last is ReturnStatementSyntax or ThrowStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax
                    || last is BreakStatementSyntax && branch is not SwitchSectionSyntax
                    || last is YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldBreakStatement }
                    || last is ExpressionStatementSyntax { Expression: ThrowExpressionSyntax };
            }
        }
    }
}
