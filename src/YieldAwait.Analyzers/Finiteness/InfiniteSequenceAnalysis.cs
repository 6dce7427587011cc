using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.Analyzers.Finiteness
{
    /// <summary>
    /// Decides whether a sequence expression never ends, following the catalog's definition: calls of infinite
    /// iterators in the compilation (<see cref="IteratorTermination"/>), known infinite library methods and
    /// user-declared ones (<see cref="KnownInfiniteMethods"/>), deferred operators that keep infiniteness
    /// (<see cref="SequenceOperators"/>), non-iterator methods that return an infinite sequence (or pass one of their
    /// arguments through), and locals, readonly fields and get-only properties initialised only with one.
    /// </summary>
    /// <remarks>
    /// One instance per compilation, shared by the concurrent callbacks of one analyzer. Summaries of methods, locals,
    /// fields and properties are cached in a <see cref="ConcurrentDictionary{TKey, TValue}"/>. Recursion (a method that
    /// calls itself, directly or through others) is cut by treating a symbol still being summarised as "unknown"; a
    /// summary that depended on such a cut below its own level is not cached, so every cached summary is the same
    /// whichever query computed it first, and diagnostics do not depend on the order callbacks run in.
    /// </remarks>
    internal sealed class InfiniteSequenceAnalysis
    {
        /// <summary>Summaries computed in one query before it gives up (only pathological call graphs reach this).</summary>
        private const int SummaryBudget = 400;

        private static readonly ConditionalWeakTable<Compilation, InfiniteSequenceAnalysis> Shared = new();

        private readonly Compilation _compilation;
        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly KnownInfiniteMethods _known;
        private readonly ConcurrentDictionary<ISymbol, Finiteness> _summaries = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
        private int _mayHaveInfiniteSources; // 0 not known yet, 1 no, 2 yes

        private InfiniteSequenceAnalysis(Compilation compilation, AnalyzerConfigOptionsProvider options)
        {
            _compilation = compilation;
            _options = options;
            _known = new KnownInfiniteMethods(options);
        }

        /// <summary>
        /// Null when the compilation has no <c>IEnumerable&lt;T&gt;</c> (no usable core library): then no sequence can be
        /// infinite and the rules register nothing.
        /// </summary>
        public static InfiniteSequenceAnalysis? TryCreate(Compilation compilation, AnalyzerOptions options)
        {
            if (compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T).TypeKind == TypeKind.Error)
            {
                return null;
            }

            // The three YA2xxx analyzers of one compilation share one analysis, so each summary is computed once.
            var shared = Shared.GetValue(compilation, c => new InfiniteSequenceAnalysis(c, options.AnalyzerConfigOptionsProvider));
            return ReferenceEquals(shared._options, options.AnalyzerConfigOptionsProvider)
                ? shared
                : new InfiniteSequenceAnalysis(compilation, options.AnalyzerConfigOptionsProvider);
        }

        /// <summary>
        /// False when nothing in the compilation can start an infinite sequence (<see cref="InfiniteSources"/>): then every
        /// evaluation is unknown, and the rules need not look at any operation. Computed once per compilation and options.
        /// </summary>
        public bool MayHaveInfiniteSources(CancellationToken cancellationToken)
        {
            var known = Volatile.Read(ref _mayHaveInfiniteSources);
            if (known == 0)
            {
                known = InfiniteSources.MayExist(_compilation, _options, cancellationToken) ? 2 : 1;
                Volatile.Write(ref _mayHaveInfiniteSources, known);
            }

            return known == 2;
        }

        /// <summary>Infinite when <paramref name="sequence"/> never ends; otherwise unknown.</summary>
        public Finiteness Evaluate(IOperation? sequence, ISymbol? containingSymbol, CancellationToken cancellationToken)
        {
            if (sequence is null)
            {
                return Finiteness.Unknown;
            }

            var result = Evaluate(sequence, containingSymbol, new Query(cancellationToken));
            return result.IsInfinite ? result : Finiteness.Unknown;
        }

        /// <summary>
        /// The sequences an operator reads (<see cref="SequenceOperator.SequenceOrdinals"/>): infinite when any of them is,
        /// or with <paramref name="every"/> only when every one is (<c>SequenceEqual</c>).
        /// </summary>
        public Finiteness EvaluateSequenceArguments(SequenceOperator shape, ImmutableArray<IArgumentOperation> arguments, ISymbol? containingSymbol, bool every, CancellationToken cancellationToken)
        {
            var first = Finiteness.Unknown;
            foreach (var ordinal in shape.SequenceOrdinals)
            {
                var finiteness = Evaluate(SequenceOperators.ArgumentFor(arguments, ordinal), containingSymbol, cancellationToken);
                if (finiteness.IsInfinite != every)
                {
                    return every ? Finiteness.Unknown : finiteness;
                }

                first = first.IsInfinite ? first : finiteness;
            }

            return every ? first : Finiteness.Unknown;
        }

        /// <summary>Under conversions that keep the object, query syntax and parentheses, as the deferred-sequence rules see it.</summary>
        public static IOperation Unwrap(IOperation operation) => DeferredSequenceClassifier.Unwrap(operation)!;

        /// <param name="owner">The function whose parameters a parameter reference may stand for in a summary.</param>
        private Finiteness Evaluate(IOperation? operation, ISymbol? owner, Query query)
        {
            if (operation is null || query.Exhausted)
            {
                return Finiteness.Unknown;
            }

            query.CancellationToken.ThrowIfCancellationRequested();
            operation = Unwrap(operation);
            if (IsCollection(operation.Type))
            {
                // An array, a string, a List<T>, anything with a Count: whatever produced it has ended.
                return Finiteness.Unknown;
            }

            if (query.Model is null && operation.SemanticModel is { } callerModel)
            {
                // The caller's model serves the summaries of methods in the same file without a lookup.
                query.Model = callerModel;
            }

            switch (operation)
            {
                case IInvocationOperation invocation:
                    return EvaluateInvocation(invocation, owner, query);

                case ILocalReferenceOperation local:
                    return Summary(local.Local, query);

                case IFieldReferenceOperation field:
                    return Summary(field.Field.OriginalDefinition, query);

                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                    if (property.Property.GetMethod is { } getter && _known.IsInfinite(getter, property.Syntax.SyntaxTree))
                    {
                        return Finiteness.Infinite(property.Property.Name);
                    }

                    return Named(Summary(property.Property.OriginalDefinition, query), property.Property.Name);

                case IParameterReferenceOperation parameter:
                    return SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, owner)
                        ? Finiteness.Parameter(parameter.Parameter.Ordinal)
                        : Finiteness.Unknown;

                case IObjectCreationOperation { Type: INamedTypeSymbol type }:
                    return EvaluateEnumerableType(type, query);

                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Finiteness.All(Evaluate(conditional.WhenTrue, owner, query), Evaluate(whenFalse, owner, query));

                case ICoalesceOperation coalesce:
                    return Finiteness.All(Evaluate(coalesce.Value, owner, query), Evaluate(coalesce.WhenNull, owner, query));

                default:
                    return Finiteness.Unknown;
            }
        }

        private Finiteness EvaluateInvocation(IInvocationOperation invocation, ISymbol? owner, Query query)
        {
            var method = invocation.TargetMethod;
            var shape = SequenceOperators.Classify(method);
            switch (shape.Role)
            {
                case SequenceOperatorRole.Keeps:
                    return AnyArgument(invocation, shape.SequenceOrdinals, owner, query);

                case SequenceOperatorRole.KeepsIfAll:
                    var all = shape.SequenceOrdinals.Length < 2 ? Finiteness.Unknown : Finiteness.Infinite("");
                    foreach (var ordinal in shape.SequenceOrdinals)
                    {
                        all = Finiteness.All(all, Evaluate(SequenceOperators.ArgumentFor(invocation.Arguments, ordinal), owner, query));
                    }

                    return all;

                case SequenceOperatorRole.Materialises:
                    return AnyArgument(invocation, shape.KeptOrdinals, owner, query);

                case SequenceOperatorRole.Searches:
                    return Finiteness.Unknown;
            }

            if (!SequenceOperators.IsSequenceType(method.ReturnType) && !method.ReturnType.AllInterfaces.Any(SequenceOperators.IsSequenceType))
            {
                return Finiteness.Unknown;
            }

            // The summary first (cached for methods in the compilation), then the producers known by name or mark.
            var summary = method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction && !method.DeclaringSyntaxReferences.IsEmpty
                ? Summary(method.OriginalDefinition, query)
                : Finiteness.Unknown;
            return summary.Kind switch
            {
                FinitenessKind.Infinite => Finiteness.Infinite(method.Name),
                _ when _known.IsInfinite(method, invocation.Syntax.SyntaxTree) => Finiteness.Infinite(method.Name),
                FinitenessKind.FollowsParameter => Evaluate(SequenceOperators.ArgumentFor(invocation.Arguments, summary.ParameterOrdinal), owner, query),
                _ => Finiteness.Unknown,
            };
        }

        private Finiteness AnyArgument(IInvocationOperation invocation, System.Collections.Immutable.ImmutableArray<int> ordinals, ISymbol? owner, Query query)
        {
            var any = Finiteness.Unknown;
            foreach (var ordinal in ordinals)
            {
                any = Finiteness.Any(any, Evaluate(SequenceOperators.ArgumentFor(invocation.Arguments, ordinal), owner, query));
                if (any.IsInfinite)
                {
                    break;
                }
            }

            return any;
        }

        /// <summary><c>new Naturals()</c>, where the class's <c>GetEnumerator()</c> is an infinite iterator.</summary>
        private Finiteness EvaluateEnumerableType(INamedTypeSymbol type, Query query)
        {
            if (type.DeclaringSyntaxReferences.IsEmpty || !type.AllInterfaces.Any(i => SequenceOperators.IsSequenceType(i)))
            {
                return Finiteness.Unknown;
            }

            foreach (var member in type.GetMembers("GetEnumerator"))
            {
                if (member is IMethodSymbol { Parameters.IsEmpty: true, IsStatic: false } getEnumerator
                    && getEnumerator.ReturnType.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerator_T)
                {
                    return Named(Summary(getEnumerator.OriginalDefinition, query), type.Name);
                }
            }

            return Finiteness.Unknown;
        }

        private static Finiteness Named(Finiteness finiteness, string name) =>
            finiteness.IsInfinite ? Finiteness.Infinite(name) : finiteness;

        private Finiteness Summary(ISymbol symbol, Query query)
        {
            if (_summaries.TryGetValue(symbol, out var cached))
            {
                return cached;
            }

            if (query.InProgress.TryGetValue(symbol, out var level))
            {
                query.LowLink = System.Math.Min(query.LowLink, level);
                return Finiteness.Unknown;
            }

            if (++query.Computed > SummaryBudget)
            {
                query.Exhausted = true;
                query.LowLink = -1;
                return Finiteness.Unknown;
            }

            var myLevel = query.InProgress.Count;
            query.InProgress.Add(symbol, myLevel);
            var outerLowLink = query.LowLink;
            query.LowLink = int.MaxValue;
            Finiteness result;
            try
            {
                result = Compute(symbol, query);
            }
            finally
            {
                query.InProgress.Remove(symbol);
            }

            if (query.LowLink >= myLevel)
            {
                _summaries.TryAdd(symbol, result);
            }

            query.LowLink = System.Math.Min(outerLowLink, query.LowLink);
            return result;
        }

        private Finiteness Compute(ISymbol symbol, Query query) => symbol switch
        {
            IMethodSymbol method => MethodSummary(method, query),
            ILocalSymbol local => LocalSummary(local, query),
            IFieldSymbol field => FieldSummary(field, query),
            IPropertySymbol property => PropertySummary(property, query),
            _ => Finiteness.Unknown,
        };

        private Finiteness MethodSummary(IMethodSymbol method, Query query)
        {
            method = method.PartialImplementationPart ?? method;
            if (method.IsAbstract || method.IsExtern || MayBeOverridden(method) || !ReturnsSequence(method))
            {
                return Finiteness.Unknown;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(query.CancellationToken);
                if (ModelFor(declaration.SyntaxTree, query) is not { } model)
                {
                    continue;
                }

                var (body, expression) = declaration switch
                {
                    BaseMethodDeclarationSyntax m => (m.Body, m.ExpressionBody?.Expression),
                    LocalFunctionStatementSyntax f => (f.Body, f.ExpressionBody?.Expression),
                    AccessorDeclarationSyntax a => (a.Body, a.ExpressionBody?.Expression),
                    ArrowExpressionClauseSyntax arrow => (null, arrow.Expression),
                    _ => ((BlockSyntax?)null, (ExpressionSyntax?)null),
                };

                if (expression is not null)
                {
                    return Evaluate(model.GetOperation(expression, query.CancellationToken), method, query);
                }

                if (body is null)
                {
                    continue;
                }

                var shape = BodyShape.Of(body);
                if (shape.HasYield)
                {
                    return IteratorTermination.Analyze(
                        model,
                        body,
                        shape,
                        EnclosingFunction.DisplayName(method),
                        loop => model.GetOperation(loop, query.CancellationToken) is IForEachLoopOperation forEach
                            ? Evaluate(forEach.Collection, method, query)
                            : Finiteness.Unknown);
                }

                return EveryReturn(model, shape.Returns, method, query);
            }

            return Finiteness.Unknown;
        }

        private Finiteness EveryReturn(SemanticModel model, List<ReturnStatementSyntax> returns, IMethodSymbol method, Query query)
        {
            Finiteness? all = null;
            foreach (var statement in returns)
            {
                var value = statement.Expression is null ? Finiteness.Unknown : Evaluate(model.GetOperation(statement.Expression, query.CancellationToken), method, query);
                all = all is { } previous ? Finiteness.All(previous, value) : value;
                if (all.Value.Kind == FinitenessKind.Unknown)
                {
                    break;
                }
            }

            return all ?? Finiteness.Unknown;
        }

        private Finiteness LocalSummary(ILocalSymbol local, Query query)
        {
            if (local.IsRef || local.IsConst
                || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(query.CancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator
                || declarator.Parent?.Parent is not (LocalDeclarationStatementSyntax or UsingStatementSyntax)
                || ModelFor(declarator.SyntaxTree, query) is not { } model)
            {
                return Finiteness.Unknown;
            }

            // The initializer first: most locals are finite, and then the search for other writes is not needed.
            var value = Evaluate(model.GetOperation(initializer.Value, query.CancellationToken), local.ContainingSymbol, query);
            if (value.Kind == FinitenessKind.Unknown)
            {
                return value;
            }

            var statement = declarator.Parent.Parent;
            var scope = statement.Parent is GlobalStatementSyntax global ? global.Parent : statement.Parent;
            var writes = new List<(SemanticModel, ExpressionSyntax)>();
            return scope is not null && SymbolWrites.TryCollectAssignedValues(model, scope, local, writes) && writes.Count == 0
                ? value
                : Finiteness.Unknown;
        }

        private Finiteness FieldSummary(IFieldSymbol field, Query query)
        {
            if (!field.IsReadOnly || field.IsConst || field.DeclaringSyntaxReferences.IsEmpty)
            {
                return Finiteness.Unknown;
            }

            var initializer = field.DeclaringSyntaxReferences[0].GetSyntax(query.CancellationToken) is VariableDeclaratorSyntax declarator
                ? declarator.Initializer?.Value
                : null;
            return InitialisedOnlyWithInfinite(field, initializer, query);
        }

        private Finiteness PropertySummary(IPropertySymbol property, Query query)
        {
            if (property.IsIndexer || property.IsAbstract || MayBeOverridden(property) || property.GetMethod is not { } getter
                || property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(query.CancellationToken) is not PropertyDeclarationSyntax declaration)
            {
                return Finiteness.Unknown;
            }

            var isAuto = declaration.ExpressionBody is null
                && declaration.AccessorList is { } accessors
                && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);
            if (!isAuto)
            {
                return Summary(getter.OriginalDefinition, query);
            }

            return property.SetMethod is null
                ? InitialisedOnlyWithInfinite(property, declaration.Initializer?.Value, query)
                : Finiteness.Unknown;
        }

        /// <summary>A readonly field or get-only auto-property: its initializer and every assignment in its type must be infinite.</summary>
        private Finiteness InitialisedOnlyWithInfinite(ISymbol member, ExpressionSyntax? initializer, Query query)
        {
            var values = new List<(SemanticModel Model, ExpressionSyntax Value)>();
            if (initializer is not null && ModelFor(initializer.SyntaxTree, query) is { } initializerModel)
            {
                // A finite initializer settles it without reading the constructors.
                if (!Evaluate(initializerModel.GetOperation(initializer, query.CancellationToken), null, query).IsInfinite)
                {
                    return Finiteness.Unknown;
                }

                values.Add((initializerModel, initializer));
            }

            foreach (var part in member.ContainingType.DeclaringSyntaxReferences)
            {
                var typeSyntax = part.GetSyntax(query.CancellationToken);
                if (ModelFor(typeSyntax.SyntaxTree, query) is not { } model || !SymbolWrites.TryCollectAssignedValues(model, typeSyntax, member, values))
                {
                    return Finiteness.Unknown;
                }
            }

            Finiteness? all = null;
            foreach (var (model, value) in values)
            {
                var operation = model.GetOperation(value, query.CancellationToken);
                var finiteness = Evaluate(operation, null, query);
                all = all is { } previous ? Finiteness.All(previous, finiteness) : finiteness;
                if (!all.Value.IsInfinite)
                {
                    return Finiteness.Unknown;
                }
            }

            return all ?? Finiteness.Unknown;
        }

        private static bool MayBeOverridden(ISymbol member) =>
            (member.IsVirtual || member.IsOverride || member.IsAbstract) && !member.IsSealed && member.ContainingType is { IsSealed: false };

        private static bool ReturnsSequence(IMethodSymbol method)
        {
            var type = method.ReturnType;
            if (SequenceOperators.IsSequenceType(type))
            {
                return true;
            }

            var definition = type.OriginalDefinition;
            return definition.SpecialType is SpecialType.System_Collections_Generic_IEnumerator_T or SpecialType.System_Collections_IEnumerator
                || definition is INamedTypeSymbol { Name: "IAsyncEnumerator", Arity: 1 }
                || type.AllInterfaces.Any(i => SequenceOperators.IsSequenceType(i));
        }

        /// <summary>
        /// Arrays, strings, the collection interfaces (<c>IList&lt;T&gt;</c>, <c>IReadOnlyCollection&lt;T&gt;</c>…) and the
        /// framework's collection classes hold a finite number of elements. Decided without walking all interfaces,
        /// which allocates: this check runs for every sequence the rules look at.
        /// </summary>
        private static bool IsCollection(ITypeSymbol? type)
        {
            switch (type)
            {
                case null:
                    return false;
                case { TypeKind: TypeKind.Array } or { SpecialType: SpecialType.System_String }:
                    return true;
                case INamedTypeSymbol { TypeKind: TypeKind.Interface } named:
                    return named.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_ICollection_T
                        or SpecialType.System_Collections_Generic_IList_T
                        or SpecialType.System_Collections_Generic_IReadOnlyCollection_T
                        or SpecialType.System_Collections_Generic_IReadOnlyList_T;
                case INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named:
                    return SequenceOperators.IsInNamespace(named, "System", "Collections");
                default:
                    return false;
            }
        }

        private SemanticModel? ModelFor(SyntaxTree tree, Query query)
        {
            if (query.Model is { } callerModel && callerModel.SyntaxTree == tree)
            {
                return callerModel;
            }

            return ModelFor(tree);
        }

        private SemanticModel? ModelFor(SyntaxTree tree)
        {
            if (_models.TryGetValue(tree, out var model))
            {
                return model;
            }

            if (!_compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }

            // Summaries read other methods' bodies, in other trees; the driver's semantic-model provider caches these models.
#pragma warning disable RS1030 // Cross-method analysis needs the models of other trees; there is no context for them.
            return _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030
        }

        /// <summary>The state of one question, asked from one analyzer callback on one thread.</summary>
        private sealed class Query
        {
            public Query(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

            public CancellationToken CancellationToken { get; }

            private Dictionary<ISymbol, int>? _inProgress;

            /// <summary>The symbols being summarised, with their depth (allocated by the first summary a query needs).</summary>
            public Dictionary<ISymbol, int> InProgress => _inProgress ??= new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);

            /// <summary>The shallowest in-progress symbol the current summary depended on (Tarjan's low link).</summary>
            public int LowLink { get; set; } = int.MaxValue;

            public int Computed { get; set; }

            /// <summary>The semantic model of the file the question was asked in.</summary>
            public SemanticModel? Model { get; set; }

            public bool Exhausted { get; set; }
        }
    }
}
