using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// A constant index into an array whose length an enclosing <c>if</c> has checked: <c>segments[2]</c> under
    /// <c>if (segments.Length == 3)</c> or <c>if (segments.Length &gt; 2 &amp;&amp; …)</c>. An array's length never changes, so the
    /// check still holds when a lambda built under it runs later (a variable assigned another array in between is not looked for:
    /// rare, and the catch would then miss an IndexOutOfRangeException the code would also miss without the query).
    /// </summary>
    internal static class ArrayIndexGuard
    {
        public static bool IsInRange(IArrayElementReferenceOperation element)
        {
            if (element.Indices.Length != 1
                || element.Indices[0].ConstantValue is not { HasValue: true, Value: int index }
                || index < 0
                || Referenced(element.ArrayReference) is not { } array
                || IsReassignable(array))
            {
                return false;
            }

            IOperation child = element;
            for (var parent = element.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional && conditional.WhenTrue == child && ProvesLongerThan(conditional.Condition, array, index))
                {
                    return true;
                }

                if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both && both.RightOperand == child
                    && ProvesLongerThan(both.LeftOperand, array, index))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A parameter or local that is not a <c>ref</c>/<c>out</c> parameter (its array could be swapped by the caller).</summary>
        private static bool IsReassignable(ISymbol array) =>
            array is IParameterSymbol { RefKind: RefKind.Ref or RefKind.Out };

        /// <summary>The condition, when true, means <c>array.Length &gt; index</c>.</summary>
        private static bool ProvesLongerThan(IOperation condition, ISymbol array, int index)
        {
            switch (condition.WithoutImplicitConversions())
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                    return ProvesLongerThan(both.LeftOperand, array, index) || ProvesLongerThan(both.RightOperand, array, index);

                case IBinaryOperation comparison:
                    if (IsLengthOf(comparison.LeftOperand, array) && comparison.RightOperand.ConstantValue is { HasValue: true, Value: int right })
                    {
                        return comparison.OperatorKind switch
                        {
                            BinaryOperatorKind.Equals => right > index,
                            BinaryOperatorKind.GreaterThan => right >= index,
                            BinaryOperatorKind.GreaterThanOrEqual => right > index,
                            _ => false,
                        };
                    }

                    if (IsLengthOf(comparison.RightOperand, array) && comparison.LeftOperand.ConstantValue is { HasValue: true, Value: int left })
                    {
                        return comparison.OperatorKind switch
                        {
                            BinaryOperatorKind.Equals => left > index,
                            BinaryOperatorKind.LessThan => left >= index,
                            BinaryOperatorKind.LessThanOrEqual => left > index,
                            _ => false,
                        };
                    }

                    return false;

                default:
                    return false;
            }
        }

        private static bool IsLengthOf(IOperation operation, ISymbol array) =>
            operation.WithoutImplicitConversions() is IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance }
            && SymbolEqualityComparer.Default.Equals(Referenced(instance), array);

        private static ISymbol? Referenced(IOperation operation) => operation.WithoutImplicitConversions() switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }
}
