using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>The task, awaiter and stream types the YA1xxx rules need, resolved once per compilation.</summary>
    internal sealed class AsyncTypes
    {
        private AsyncTypes(Compilation compilation, INamedTypeSymbol task)
        {
            Task = task;
            TaskOfT = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.Task`1");
            ValueTask = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.ValueTask");
            ValueTaskOfT = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            Thread = compilation.GetBestTypeByMetadataName("System.Threading.Thread");
            NotifyCompletion = compilation.GetBestTypeByMetadataName("System.Runtime.CompilerServices.INotifyCompletion");
            IEnumerableOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            IEnumeratorOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerator_T);
            IAsyncEnumerableOfT = compilation.GetBestTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
            IAsyncEnumeratorOfT = compilation.GetBestTypeByMetadataName("System.Collections.Generic.IAsyncEnumerator`1");
        }

        public INamedTypeSymbol Task { get; }
        public INamedTypeSymbol? TaskOfT { get; }
        public INamedTypeSymbol? ValueTask { get; }
        public INamedTypeSymbol? ValueTaskOfT { get; }
        public INamedTypeSymbol? Thread { get; }
        public INamedTypeSymbol? NotifyCompletion { get; }
        public INamedTypeSymbol IEnumerableOfT { get; }
        public INamedTypeSymbol IEnumeratorOfT { get; }
        public INamedTypeSymbol? IAsyncEnumerableOfT { get; }
        public INamedTypeSymbol? IAsyncEnumeratorOfT { get; }

        /// <summary>Null when the compilation has no <c>Task</c>: then there is nothing to block on.</summary>
        public static AsyncTypes? TryCreate(Compilation compilation)
        {
            var task = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.Task");
            return task is null ? null : new AsyncTypes(compilation, task);
        }

        public bool IsTaskLike(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol named)
            {
                return false;
            }

            var definition = named.OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(definition, Task)
                || SymbolEqualityComparer.Default.Equals(definition, TaskOfT)
                || SymbolEqualityComparer.Default.Equals(definition, ValueTask)
                || SymbolEqualityComparer.Default.Equals(definition, ValueTaskOfT)
                || (TaskOfT is not null && InheritsFrom(named, Task));
        }

        private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
