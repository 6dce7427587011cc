using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// What makes a value lazy, for the YA3xxx rules: the LINQ operators that return a deferred view of their source, the
    /// ones that enumerate it at once, and the iterators whose <c>yield</c> is visible in the compilation.
    /// </summary>
    internal static class DeferredSequences
    {
        /// <summary><c>Enumerable</c>/<c>Queryable</c> operators that enumerate nothing until their result is enumerated.</summary>
        public static readonly ImmutableHashSet<string> DeferredOperators = LinqOperators.Named(LinqFacets.Deferred);

        /// <summary><c>Enumerable</c> operators that enumerate their source when called (wholly or until they have an answer).</summary>
        public static readonly ImmutableHashSet<string> EnumeratingOperators = LinqOperators.Named(LinqFacets.Enumerates);

        /// <summary>The kind of iterator <paramref name="method"/> is, when its declaration (with <c>yield</c>) is in the compilation.</summary>
        public static IteratorKind DeclaredIteratorKind(IMethodSymbol method, AsyncTypes types)
        {
            var definition = method.OriginalDefinition.PartialImplementationPart ?? method.OriginalDefinition;
            foreach (var reference in definition.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax();
                if (IteratorFacts.IsFunctionDeclaration(declaration) && IteratorFacts.ContainsYield(declaration))
                {
                    return IteratorFacts.Classify(definition, types);
                }
            }

            return IteratorKind.None;
        }

        /// <summary>The operation under any implicit conversions.</summary>
        public static IOperation WithoutImplicitConversions(this IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
