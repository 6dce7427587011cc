using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// The tasks a call such as <c>Task.WhenAll(a, b)</c>, <c>Task.WhenAny(t, delay)</c> or <c>Task.WaitAll(a, b)</c> lists one by one.
    /// Which overload a list binds to depends on the framework and the compiler: a <c>params Task[]</c> array before .NET 9, a
    /// <c>params ReadOnlySpan&lt;Task&gt;</c> collection (one argument whose children are the tasks) with .NET 9 and C# 13, or
    /// separate parameters (<c>WhenAny(Task, Task)</c>). A proof about "the tasks of this call" must read all three the same way.
    /// </summary>
    internal static class TaskArguments
    {
        public static ImmutableArray<IOperation> Listed(IInvocationOperation call, AsyncTypes types)
        {
            var tasks = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var argument in call.Arguments)
            {
                var value = BlockingFormRecognizer.Unwrap(argument.Value);
                if (value is IArrayCreationOperation array)
                {
                    if (array.Initializer is { } initializer)
                    {
                        tasks.AddRange(initializer.ElementValues);
                    }
                }
                else if (IsCollectionOfTasks(value, types))
                {
                    // A collection expression (C# 12) or params collection (C# 13): Roslyn 4.8 has no operation kind for it, so read its children.
                    foreach (var element in value.ChildOperations)
                    {
                        tasks.Add(element);
                    }
                }
                else
                {
                    tasks.Add(value);
                }
            }

            return tasks.ToImmutable();
        }

        private static bool IsCollectionOfTasks(IOperation value, AsyncTypes types) =>
            value.Type is { } type
            && !types.IsTaskLike(type)
            && value is not (IInvocationOperation or ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation
                or IPropertyReferenceOperation or IObjectCreationOperation or IConditionalOperation or ICoalesceOperation or IAwaitOperation);
    }
}
