using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The operations a function body runs itself: not those of lambdas or local functions declared in it, which run when
    /// (and if) they are called, nor those inside <c>nameof</c>, which run nothing.
    /// </summary>
    internal static class OwnOperations
    {
        public static IEnumerable<IOperation> Of(IOperation root)
        {
            var pending = new Stack<IOperation>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                yield return operation;
                foreach (var child in operation.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation or INameOfOperation))
                    {
                        pending.Push(child);
                    }
                }
            }
        }
    }
}
