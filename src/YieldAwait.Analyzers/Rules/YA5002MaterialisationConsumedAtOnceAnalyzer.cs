using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.Finiteness;
using YieldAwait.Analyzers.FixProperties;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA5002: <c>ToList()</c>/<c>ToArray()</c> whose copy is read once and dropped: <c>foreach (var x in q.ToList())</c>,
    /// <c>q.ToList().First()</c>, <c>q.ToArray().Any(p)</c>, <c>q.ToList().Count</c>. The sequence could be read directly.
    /// Silent wherever the copy may be a snapshot: the loop or predicate could change what the source reads, other code
    /// runs meanwhile (<c>await</c>, <c>yield return</c>) over shared state, inside <c>lock</c>, over an <c>IQueryable</c> or
    /// a concurrent collection, and inside expression trees.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA5002MaterialisationConsumedAtOnceAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.MaterialisationConsumedAtOnce,
            title: "Materialisation is consumed at once",
            messageFormat: "'{0}' copies the sequence only for {1} to read it once; read the sequence directly",
            DiagnosticCategories.LazyForms,
            DiagnosticSeverity.Info,
            description: "A ToList() or ToArray() whose result is read once, by a foreach loop or by an operator such as First, Any or "
                + "Count, allocates a copy that nothing needs: the sequence can be read directly, and operators such as First and Any "
                + "then stop at the first match. Not reported where the copy may be a snapshot: the loop changes the source, other "
                + "code runs while it is read, or the source is a query or a concurrent collection.");

        private static readonly ImmutableHashSet<string> Consumers = ImmutableHashSet.Create(
            "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "Any", "All", "Count", "LongCount",
            "Contains", "Sum", "Min", "Max", "MinBy", "MaxBy", "Average", "Aggregate", "ElementAt", "ElementAtOrDefault",
            "ToList", "ToArray", "ToDictionary", "ToHashSet", "ToLookup");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (start.Compilation.GetBestTypeByMetadataName("System.Linq.Enumerable") is not { } enumerable)
                {
                    return;
                }

                var queryable = start.Compilation.GetBestTypeByMetadataName("System.Linq.IQueryable");
                start.RegisterOperationAction(context => Analyze(context, enumerable, queryable), OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol enumerable, INamedTypeSymbol? queryable)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.Name is not ("ToList" or "ToArray")
                || invocation.Arguments.Length != 1
                || invocation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax, ArgumentList.Arguments.Count: 0 })
            {
                return;
            }

            SourceIndex.For(context.Compilation).Passed(Rule.Id);
            if (!SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, enumerable)
                || invocation.Arguments[0].Value is not { } sourceArgument
                || Unwrap(sourceArgument) is not { Type: { } sourceType } source)
            {
                return;
            }

            var use = Consumer(invocation, enumerable);
            if (use is null
                || InExpressionTreeOrLock(invocation)
                || SnapshotNeed.ForSource(source, queryable) is not { } need)
            {
                return;
            }

            var (kind, reader, region, taintSpan) = use.Value;
            if (reader == "'Contains'" && HasOwnComparer(sourceType))
            {
                // Without the copy, Contains goes to the set's or the dictionary's own Contains, which may use its comparer
                // (StringComparer.OrdinalIgnoreCase); the copy's Contains uses default equality.
                return;
            }

            if (kind == YA5002Consumer.Loop && !EnumeratesAs(sourceType, ElementType(invocation.Type)))
            {
                return;
            }

            if (need.IsNeededBy(region, taintSpan))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                OperatorLocation.Of(invocation.Syntax),
                new YA5002FixProperties(kind).Write(),
                method.Name,
                reader));
        }

        /// <summary>What reads the copy, the code that runs while it is read, and the span whose declarations hold its elements.</summary>
        private static (YA5002Consumer Kind, string Reader, IEnumerable<IOperation> Region, TextSpan TaintSpan)? Consumer(IInvocationOperation invocation, INamedTypeSymbol enumerable)
        {
            var parent = invocation.Parent;
            var value = (IOperation)invocation;
            while (parent is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion;
                parent = conversion.Parent;
            }

            switch (parent)
            {
                case IForEachLoopOperation { IsAsynchronous: false } loop when loop.Collection == value:
                    return (YA5002Consumer.Loop, "this loop", new[] { loop.Body }, loop.Syntax.Span);

                case IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation consumer } argument
                    when argument.Value == value
                        && Consumers.Contains(consumer.TargetMethod.Name)
                        && SymbolEqualityComparer.Default.Equals((consumer.TargetMethod.ReducedFrom ?? consumer.TargetMethod).ContainingType, enumerable):
                    var others = consumer.Arguments.Skip(1).Select(a => a.Value).ToList();
                    var span = others.Count == 0 ? default : TextSpan.FromBounds(others.Min(o => o.Syntax.SpanStart), others.Max(o => o.Syntax.Span.End));
                    return (YA5002Consumer.Operator, "'" + consumer.TargetMethod.Name + "'", others, span);

                case IInvocationOperation { TargetMethod: { Name: "Contains", IsStatic: false } contains } consumer
                    when consumer.Instance == value && contains.Parameters.Length == 1 && contains.ContainingType.Name == "List":
                    return (YA5002Consumer.Operator, "'Contains'", consumer.Arguments.Select(a => a.Value).ToList(), default);

                case IPropertyReferenceOperation { Property.Name: "Count" or "Length" } property
                    when property.Instance == value && !IsWritten(property):
                    return (YA5002Consumer.Count, "'" + property.Property.Name + "'", Enumerable.Empty<IOperation>(), default);

                default:
                    return null;
            }
        }

        private static bool HasOwnComparer(ITypeSymbol source) =>
            source.TypeKind != TypeKind.Array
            && source.OriginalDefinition.ToDisplayString() != "System.Collections.Generic.List<T>"
            && (source is INamedTypeSymbol { TypeKind: TypeKind.Interface } self ? source.AllInterfaces.Add(self) : source.AllInterfaces)
                .Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_ICollection_T || i.Name == "IReadOnlySet");

        private static bool IsWritten(IOperation operation) =>
            operation.Parent is IAssignmentOperation assignment && assignment.Target == operation;

        private static bool InExpressionTreeOrLock(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ILockOperation:
                        return true;
                    case IAnonymousFunctionOperation when current.Parent is IConversionOperation { Type.TypeKind: not TypeKind.Delegate }:
                        return true;
                }
            }

            return false;
        }

        private static ITypeSymbol? ElementType(ITypeSymbol? collection) => collection switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { TypeArguments.Length: 1 } named => named.TypeArguments[0],
            _ => null,
        };

        /// <summary>
        /// A foreach over the source itself binds its iteration variable to the same type. A public <c>GetEnumerator()</c>
        /// decides first (<c>MatchCollection</c>'s yields <c>object</c>), then the one <c>IEnumerable&lt;T&gt;</c>.
        /// </summary>
        private static bool EnumeratesAs(ITypeSymbol source, ITypeSymbol? element)
        {
            if (element is null || source.TypeKind is TypeKind.Dynamic or TypeKind.TypeParameter or TypeKind.Error)
            {
                return false;
            }

            if (source is IArrayTypeSymbol array)
            {
                return array.Rank == 1 && SymbolEqualityComparer.Default.Equals(array.ElementType, element);
            }

            if (source.TypeKind != TypeKind.Interface)
            {
                for (var type = source; type is not null; type = type.BaseType)
                {
                    var getEnumerator = type.GetMembers("GetEnumerator").OfType<IMethodSymbol>()
                        .FirstOrDefault(m => m.Parameters.IsEmpty && !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && m.TypeParameters.IsEmpty);
                    if (getEnumerator is not null)
                    {
                        var current = getEnumerator.ReturnType.GetMembers("Current").OfType<IPropertySymbol>().FirstOrDefault()
                            ?? getEnumerator.ReturnType.AllInterfaces.SelectMany(i => i.GetMembers("Current")).OfType<IPropertySymbol>().FirstOrDefault(p => p.Type.SpecialType != SpecialType.System_Object);
                        return current is not null && SymbolEqualityComparer.Default.Equals(current.Type, element);
                    }
                }
            }

            var candidates = source is INamedTypeSymbol { TypeKind: TypeKind.Interface } self ? source.AllInterfaces.Add(self) : source.AllInterfaces;
            var sequences = candidates
                .Where(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default)
                .ToList();
            return sequences.Count == 1 && SymbolEqualityComparer.Default.Equals(sequences[0].TypeArguments[0], element);
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
