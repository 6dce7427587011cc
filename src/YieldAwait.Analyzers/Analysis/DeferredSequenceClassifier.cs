using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>What kind of lazy value an expression is, by what runs when it is enumerated.</summary>
    internal enum DeferredKind
    {
        /// <summary>Not lazy, or not known to be.</summary>
        None,

        /// <summary>A deferred LINQ-to-objects chain (<c>Select</c>, <c>Where</c>, …): its lambdas run later.</summary>
        LinqChain,

        /// <summary>A call to an iterator: its whole body runs later.</summary>
        IteratorCall,

        /// <summary>An <c>IAsyncEnumerable&lt;T&gt;</c> from a call: the stream's work runs as it is awaited.</summary>
        AsyncStream,

        /// <summary>An <c>IQueryable</c> built by query operators: the query runs against its provider later.</summary>
        Query,

        /// <summary>A lazy file-system enumeration (<c>File.ReadLines</c>, <c>Directory.EnumerateFiles</c>, …): the I/O happens later.</summary>
        LazyFileSystem,
    }

    /// <summary>
    /// A lazy value and what its later execution may throw: <see cref="CanFail"/> is false for a chain of trivial
    /// projections (<c>x =&gt; x.Name</c>) over an in-memory source, where nothing worth catching can happen later.
    /// </summary>
    internal readonly struct DeferredSequence
    {
        public static readonly ImmutableHashSet<ITypeSymbol> NoExceptions = ImmutableHashSet.Create<ITypeSymbol>(SymbolEqualityComparer.Default);

        private readonly ImmutableHashSet<ITypeSymbol>? _likelyExceptions;

        public DeferredSequence(DeferredKind kind, bool canFail, bool runsExternalWork, ImmutableHashSet<ITypeSymbol> likelyExceptions)
        {
            Kind = kind;
            CanFail = canFail;
            RunsExternalWork = runsExternalWork;
            _likelyExceptions = likelyExceptions;
        }

        public DeferredKind Kind { get; }

        public bool CanFail { get; }

        /// <summary>Iterator bodies, streams, queries or I/O run later, not just lambdas.</summary>
        public bool RunsExternalWork { get; }

        /// <summary>Exceptions the deferred code is known to be prone to: <c>FormatException</c> from <c>Parse</c>, <c>InvalidCastException</c> from <c>Cast</c>, …</summary>
        public ImmutableHashSet<ITypeSymbol> LikelyExceptions => _likelyExceptions ?? NoExceptions;

        public bool IsDeferred => Kind != DeferredKind.None;
    }

    /// <summary>
    /// Classifies a value by what runs when it is enumerated: iterator calls (through interfaces and overrides too),
    /// deferred LINQ operators and whether their delayed work can fail, query operators, async streams and lazy
    /// file-system enumerations. One instance per compilation; the operator list is <see cref="DeferredSequences.DeferredOperators"/>.
    /// </summary>
    internal sealed class DeferredSequenceClassifier
    {
        private static readonly ImmutableHashSet<string> LazyFileSystemMethods = ImmutableHashSet.Create(
            "ReadLines", "EnumerateFiles", "EnumerateDirectories", "EnumerateFileSystemEntries", "EnumerateFileSystemInfos");

        private static readonly ImmutableHashSet<string> ParseMethods = ImmutableHashSet.Create("Parse", "ParseExact");

        private static readonly string[] FrameworkExceptionNamespaces =
        {
            "System", "System.IO", "System.Collections.Generic", "System.Text.Json", "System.Net.Http", "System.Data", "System.Xml",
        };

        private readonly KnownIterators _iterators;
        private readonly INamedTypeSymbol? _enumerable;
        private readonly INamedTypeSymbol? _queryable;
        private readonly INamedTypeSymbol? _iQueryable;
        private readonly INamedTypeSymbol? _convert;
        private readonly INamedTypeSymbol?[] _fileSystemTypes;
        private readonly ImmutableHashSet<ITypeSymbol> _parseExceptions;
        private readonly ImmutableHashSet<ITypeSymbol> _castExceptions;
        private readonly ImmutableHashSet<ITypeSymbol> _lookupExceptions;
        private readonly ImmutableHashSet<ITypeSymbol> _divisionExceptions;
        private readonly ImmutableHashSet<ITypeSymbol> _emptySequenceExceptions;
        private readonly Compilation _compilation;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, ImmutableHashSet<ITypeSymbol>> _calleeExceptions = new(SymbolEqualityComparer.Default);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, bool> _totalInSource = new(SymbolEqualityComparer.Default);
        private readonly INamedTypeSymbol? _path;

        public DeferredSequenceClassifier(Compilation compilation, KnownIterators iterators)
        {
            _iterators = iterators;
            _enumerable = compilation.GetBestTypeByMetadataName("System.Linq.Enumerable");
            _queryable = compilation.GetBestTypeByMetadataName("System.Linq.Queryable");
            _iQueryable = compilation.GetBestTypeByMetadataName("System.Linq.IQueryable");
            _convert = compilation.GetBestTypeByMetadataName("System.Convert");
            _path = compilation.GetBestTypeByMetadataName("System.IO.Path");
            _fileSystemTypes = new[]
            {
                compilation.GetBestTypeByMetadataName("System.IO.File"),
                compilation.GetBestTypeByMetadataName("System.IO.Directory"),
                compilation.GetBestTypeByMetadataName("System.IO.DirectoryInfo"),
            };
            _parseExceptions = Types(compilation, "System.FormatException", "System.OverflowException");
            _castExceptions = Types(compilation, "System.InvalidCastException");
            _lookupExceptions = Types(compilation, "System.Collections.Generic.KeyNotFoundException", "System.IndexOutOfRangeException", "System.ArgumentOutOfRangeException");
            _divisionExceptions = Types(compilation, "System.DivideByZeroException");
            _emptySequenceExceptions = Types(compilation, "System.InvalidOperationException");
            _compilation = compilation;
        }

        public KnownIterators Iterators => _iterators;

        /// <summary>Classifies the value an expression produces; conversions around it are looked through.</summary>
        public DeferredSequence Classify(IOperation? value)
        {
            value = Unwrap(value);
            switch (value)
            {
                case IConditionalOperation conditional:
                    return Either(Classify(conditional.WhenTrue), Classify(conditional.WhenFalse));
                case ICoalesceOperation coalesce:
                    return Either(Classify(coalesce.Value), Classify(coalesce.WhenNull));
                case IInvocationOperation invocation:
                    var call = ClassifyCall(invocation);
                    // db.Set<T>(), repository.Query(): a query by its type. AsQueryable() stays judged by what it wraps.
                    return call.IsDeferred || !IsQueryable(invocation.Type) || IsLinqOperator(invocation.TargetMethod) ? call : External(DeferredKind.Query);
                case IPropertyReferenceOperation { Property: var property } when IsQueryable(value.Type) && !IsInMemoryQuery(property):
                    return External(DeferredKind.Query); // db.Orders: a DbSet<T> or a query property, deferred by its type
                case IFieldReferenceOperation { Field: var field } when IsQueryable(value.Type) && !IsInMemoryQuery(field):
                    return External(DeferredKind.Query);
                default:
                    return default;
            }
        }

        /// <summary>
        /// A property or field declared here with an initializer that ends in <c>.AsQueryable()</c> (<c>= list.AsQueryable();</c>):
        /// an in-memory stand-in for a query, which has nothing to fail later.
        /// </summary>
        private static bool IsInMemoryQuery(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var initializer = reference.GetSyntax() switch
                {
                    PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                    VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                    _ => null,
                };
                if (initializer is InvocationExpressionSyntax
                    {
                        Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsQueryable" },
                    })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Looks through conversions that keep the object (implicit and reference conversions, casts to an interface)
        /// and through query syntax to the operator calls it stands for.
        /// </summary>
        public static IOperation? Unwrap(IOperation? value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation { OperatorMethod: null } conversion:
                        value = conversion.Operand;
                        break;
                    case ITranslatedQueryOperation query:
                        value = query.Operation;
                        break;
                    case IParenthesizedOperation parenthesized:
                        value = parenthesized.Operand;
                        break;
                    default:
                        return value;
                }
            }
        }

        private DeferredSequence ClassifyCall(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var iteratorKind = _iterators.KindOfCallee(invocation);
            if (iteratorKind != IteratorKind.None)
            {
                return External(iteratorKind == IteratorKind.Async ? DeferredKind.AsyncStream : DeferredKind.IteratorCall);
            }

            var containingType = method.ContainingType?.OriginalDefinition;
            if (method.IsStatic && LazyFileSystemMethods.Contains(method.Name) && _fileSystemTypes.Any(t => SymbolEqualityComparer.Default.Equals(t, containingType))
                || !method.IsStatic && LazyFileSystemMethods.Contains(method.Name) && SymbolEqualityComparer.Default.Equals(_fileSystemTypes[2], containingType))
            {
                return External(DeferredKind.LazyFileSystem);
            }

            if (IsAsyncStream(method.ReturnType))
            {
                return External(DeferredKind.AsyncStream);
            }

            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition.ContainingType, _queryable) && IsQueryable(method.ReturnType))
            {
                // AsQueryable() only wraps its source; what it wraps decides.
                return method.Name == "AsQueryable" && invocation.Arguments.Length == 1
                    ? Classify(invocation.Arguments[0].Value)
                    : External(DeferredKind.Query);
            }

            if (SymbolEqualityComparer.Default.Equals(definition.ContainingType, _enumerable) && DeferredSequences.DeferredOperators.Contains(method.Name))
            {
                return ClassifyOperator(invocation, method);
            }

            if (definition.IsExtensionMethod && IsQueryable(method.ReturnType) && definition.Parameters.Length > 0 && IsQueryable(definition.Parameters[0].Type))
            {
                // Provider operators outside System.Linq: Include, AsNoTracking, AsSplitQuery...
                return External(DeferredKind.Query);
            }

            return default;
        }

        private DeferredSequence ClassifyOperator(IInvocationOperation invocation, IMethodSymbol method)
        {
            var arguments = invocation.Arguments;
            var source = invocation.Instance ?? (arguments.Length > 0 ? arguments[0].Value : null);
            var inner = Classify(source);
            var canFail = inner.CanFail;
            var likely = inner.LikelyExceptions;
            if (method.Name == "Cast")
            {
                canFail = true;
                likely = likely.Union(_castExceptions);
            }

            foreach (var argument in arguments)
            {
                if (argument.Value == source)
                {
                    continue;
                }

                var delegateValue = Unwrap(argument.Value);
                switch (delegateValue)
                {
                    case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                        var (fails, exceptions) = Inspect(lambda.Body);
                        canFail |= fails;
                        likely = likely.Union(exceptions);
                        break;
                    case IDelegateCreationOperation { Target: IMethodReferenceOperation reference }:
                        canFail = true;
                        likely = likely.Union(CallExceptions(reference.Method));
                        break;
                    case { Type.TypeKind: TypeKind.Delegate }:
                        canFail = true;
                        break;
                }

                // A second source (Concat, Zip, Join, Union...) contributes its own deferred work.
                var other = Classify(argument.Value);
                if (other.IsDeferred)
                {
                    canFail |= other.CanFail;
                    likely = likely.Union(other.LikelyExceptions);
                    inner = inner.RunsExternalWork ? inner : other;
                }
            }

            return new DeferredSequence(DeferredKind.LinqChain, canFail, inner.RunsExternalWork, likely);
        }

        /// <summary>Whether a lambda body can throw when it runs, and what it is likely to throw.</summary>
        private (bool CanFail, ImmutableHashSet<ITypeSymbol> Likely) Inspect(IOperation body, int depth = 0)
        {
            var canFail = false;
            var likely = DeferredSequence.NoExceptions;
            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                switch (operation)
                {
                    case IInvocationOperation call when IsTotal(call.TargetMethod, depth):
                        break; // string and path building, deferred operators, and helpers made only of those
                    case IInvocationOperation call:
                        canFail = true;
                        likely = likely.Union(CallExceptions(call.TargetMethod));
                        break;
                    case IObjectCreationOperation creation when IsPlainConstruction(creation):
                        break; // a record's or tuple's constructor, or an implicit one with an initializer: only stores values
                    case IObjectCreationOperation { Constructor: { } constructor } when IsTotal(constructor, depth):
                        break; // a constructor of the compilation that only stores values (a DTO setting its defaults)
                    case IObjectCreationOperation or IThrowOperation or IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IAwaitOperation:
                        canFail = true;
                        break;
                    case IArrayElementReferenceOperation element when ArrayIndexGuard.IsInRange(element):
                        break; // segments[1] under if (segments.Length == 3): the length was checked where the query was built
                    case IArrayElementReferenceOperation:
                    case IPropertyReferenceOperation { Property.IsIndexer: true }:
                        canFail = true;
                        likely = likely.Union(_lookupExceptions);
                        break;
                    case IConversionOperation { IsImplicit: false, OperatorMethod: var userDefined } conversion
                        when userDefined is not null || conversion.GetConversion().IsUnboxing || (conversion.GetConversion().IsReference && !conversion.GetConversion().IsImplicit):
                        canFail = true;
                        likely = likely.Union(_castExceptions);
                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder } division
                        when division.Type?.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_UInt64 || division.Type?.SpecialType == SpecialType.System_Decimal:
                        canFail = true;
                        likely = likely.Union(_divisionExceptions);
                        break;
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }

            return (canFail, likely);
        }

        /// <summary>
        /// A call that cannot fail on the values a query hands it, so a catch around I/O is not written for it: building
        /// strings and paths (<c>string.Join</c>, <c>Trim</c>, <c>Path.Combine</c>), a deferred operator (its lambdas are inspected
        /// where they are written), <c>ToString()</c> of a primitive, and a non-virtual method of the compilation whose body, two
        /// calls deep, is made only of those. They throw only for a null argument, a programming error, not a failure to catch.
        /// </summary>
        private bool IsTotal(IMethodSymbol method, int depth)
        {
            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            if (TotalCalls.IsKnownTotal(definition, _enumerable, _path))
            {
                return true;
            }

            if (depth >= TotalCalls.MaxDepth || definition.IsVirtual || definition.IsAbstract || definition.IsOverride
                || definition.IsExtern || definition.ContainingType?.TypeKind == TypeKind.Interface
                || definition.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            return _totalInSource.GetOrAdd(definition, m => BodyCannotFail(m, depth + 1));
        }

        private bool BodyCannotFail(IMethodSymbol method, int depth)
        {
            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax();
            SyntaxNode? body = declaration switch
            {
                MethodDeclarationSyntax { Body: { } block } => block,
                MethodDeclarationSyntax { ExpressionBody.Expression: { } expression } => expression,
                ConstructorDeclarationSyntax { Initializer: null, Body: { } block } when IsSimpleConstruction(method) => block,
                ConstructorDeclarationSyntax { Initializer: null, ExpressionBody.Expression: { } expression } when IsSimpleConstruction(method) => expression,
                _ => null,
            };
            if (body is null || method.IsAsync || IteratorFacts.ContainsYield(declaration))
            {
                return false;
            }

#pragma warning disable RS1030 // The helper's body may live in another tree; read once per helper, only for lambdas of a query returned from a try.
            var operation = _compilation.GetSemanticModel(body.SyntaxTree).GetOperation(body);
#pragma warning restore RS1030
            return operation is not null && !Inspect(operation, depth).CanFail;
        }

        /// <summary>
        /// A constructor whose only hidden work is <c>object()</c>: the type derives from <c>object</c> directly and its instance
        /// fields and properties have no initializers but literals (initializers run in the constructor too).
        /// </summary>
        private static bool IsSimpleConstruction(IMethodSymbol constructor)
        {
            var type = constructor.ContainingType;
            if (type is null || type.BaseType?.SpecialType is not (SpecialType.System_Object or null) || type.TypeKind != TypeKind.Class)
            {
                return false;
            }

            foreach (var member in type.GetMembers())
            {
                if (member.IsStatic || member.IsImplicitlyDeclared && member is not IFieldSymbol)
                {
                    continue;
                }

                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    var initializer = reference.GetSyntax() switch
                    {
                        VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                        PropertyDeclarationSyntax property => property.Initializer?.Value,
                        _ => null,
                    };
                    if (initializer is not (null or LiteralExpressionSyntax or DefaultExpressionSyntax))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// What a call in a deferred lambda is prone to throw: parse and conversion errors for <c>Parse</c> and <c>Convert</c>,
        /// an empty-sequence error for <c>First</c>/<c>Single</c>/…, and for a method declared here what its own body throws
        /// (<c>throw new KeyNotFoundException(…)</c>) or parses, one call deep.
        /// </summary>
        private ImmutableHashSet<ITypeSymbol> CallExceptions(IMethodSymbol method)
        {
            if (ParseMethods.Contains(method.Name) || SymbolEqualityComparer.Default.Equals(method.ContainingType, _convert))
            {
                return _parseExceptions;
            }

            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition.ContainingType, _enumerable)
                && method.Name is "First" or "Single" or "Last" or "ElementAt" or "Min" or "Max" or "Average" or "Aggregate")
            {
                return _emptySequenceExceptions;
            }

            return definition.DeclaringSyntaxReferences.IsEmpty
                ? DeferredSequence.NoExceptions
                : _calleeExceptions.GetOrAdd(definition, ThrownBySource);
        }

        private ImmutableHashSet<ITypeSymbol> ThrownBySource(IMethodSymbol method)
        {
            var thrown = DeferredSequence.NoExceptions;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    switch (node)
                    {
                        case ThrowStatementSyntax { Expression: ObjectCreationExpressionSyntax created }:
                            thrown = thrown.Union(ExceptionTypesNamed(created.Type));
                            break;
                        case ThrowExpressionSyntax { Expression: ObjectCreationExpressionSyntax created }:
                            thrown = thrown.Union(ExceptionTypesNamed(created.Type));
                            break;
                        case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } access }
                            when ParseMethods.Contains(name) || access.Expression is IdentifierNameSyntax { Identifier.ValueText: "Convert" }:
                            thrown = thrown.Union(_parseExceptions);
                            break;
                    }
                }
            }

            return thrown;
        }

        /// <summary>
        /// The exception types a <c>throw new X(…)</c> may name, found without binding the callee's tree: the usual framework
        /// namespaces first, then the types of that name declared in the compilation.
        /// </summary>
        private ImmutableHashSet<ITypeSymbol> ExceptionTypesNamed(TypeSyntax type)
        {
            var name = type switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
            if (name is null)
            {
                return DeferredSequence.NoExceptions;
            }

            foreach (var ns in FrameworkExceptionNamespaces)
            {
                if (_compilation.GetBestTypeByMetadataName(ns + "." + name) is { } known)
                {
                    return ImmutableHashSet.Create<ITypeSymbol>(SymbolEqualityComparer.Default, known);
                }
            }

            return _compilation.GetSymbolsWithName(name, SymbolFilter.Type).OfType<ITypeSymbol>().ToImmutableHashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        }

        /// <summary><c>new Point(x, y)</c> for a record's primary constructor, a tuple, or an implicit constructor with an initializer.</summary>
        private static bool IsPlainConstruction(IObjectCreationOperation creation)
        {
            if (creation.Constructor is not { } constructor || creation.Type is not { } type)
            {
                return false;
            }

            // System.Tuple and KeyValuePair only store their arguments, like a value tuple.
            if (type.IsTupleType || constructor.IsImplicitlyDeclared
                || type is { Name: "Tuple" or "KeyValuePair", ContainingNamespace: { Name: "System" or "Generic" } })
            {
                return true;
            }

            return type.IsRecord
                && constructor.DeclaringSyntaxReferences.Length == 1
                && constructor.DeclaringSyntaxReferences[0].GetSyntax() is RecordDeclarationSyntax;
        }

        /// <summary>A method of <c>System.Linq.Enumerable</c> or <c>System.Linq.Queryable</c> (extension form included).</summary>
        public bool IsLinqOperator(IMethodSymbol method)
        {
            var type = (method.ReducedFrom ?? method).OriginalDefinition.ContainingType;
            return type is not null
                && (SymbolEqualityComparer.Default.Equals(type, _enumerable) || SymbolEqualityComparer.Default.Equals(type, _queryable));
        }

        /// <summary>The type is or implements <c>IAsyncEnumerable&lt;T&gt;</c>.</summary>
        public bool IsAsyncStream(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }


            var asyncEnumerable = _iterators.Types.IAsyncEnumerableOfT;
            if (asyncEnumerable is null)
            {
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, asyncEnumerable)
                || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, asyncEnumerable));
        }

        /// <summary>The type is or implements the non-generic <c>IQueryable</c> (so every <c>IQueryable&lt;T&gt;</c>).</summary>
        public bool IsQueryable(ITypeSymbol? type) =>
            _iQueryable is not null
            && type is not null
            && (SymbolEqualityComparer.Default.Equals(type, _iQueryable) || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, _iQueryable)));

        private static DeferredSequence External(DeferredKind kind) =>
            new(kind, canFail: true, runsExternalWork: true, DeferredSequence.NoExceptions);

        private static DeferredSequence Either(DeferredSequence a, DeferredSequence b)
        {
            if (!a.IsDeferred)
            {
                return b;
            }

            if (!b.IsDeferred)
            {
                return a;
            }

            var main = a.RunsExternalWork || !b.RunsExternalWork ? a : b;
            return new DeferredSequence(main.Kind, a.CanFail || b.CanFail, a.RunsExternalWork || b.RunsExternalWork, a.LikelyExceptions.Union(b.LikelyExceptions));
        }

        private static ImmutableHashSet<ITypeSymbol> Types(Compilation compilation, params string[] names) =>
            names.Select(compilation.GetBestTypeByMetadataName).Where(t => t is not null).Cast<ITypeSymbol>()
                .ToImmutableHashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
    }
}
