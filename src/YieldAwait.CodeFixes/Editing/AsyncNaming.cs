using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.Options;

namespace YieldAwait.CodeFixes.Editing
{
    /// <summary>
    /// The option <c>yieldawait.async_suffix</c> (<c>true</c>, <c>false</c>, <c>auto</c>; default <c>auto</c>): whether a
    /// converted iterator gets the <c>Async</c> suffix. <c>auto</c> follows the project: the suffix is added when at
    /// least half of the project's own methods that return a task or an async stream carry it.
    /// </summary>
    internal static class AsyncNaming
    {
        private const string Suffix = "Async";

        public static bool WantsSuffix(Project project, SyntaxTree tree, Compilation compilation, CancellationToken cancellationToken)
        {
            var value = RuleOptions.AsyncSuffix.ValueOrDefault(project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree));
            if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return ProjectUsesSuffix(compilation, cancellationToken);
        }

        /// <summary>The name with the suffix, unless it has it already.</summary>
        public static string WithSuffix(string name) =>
            name.EndsWith(Suffix, StringComparison.Ordinal) ? name : name + Suffix;

        /// <summary>
        /// The name of the async form: <c>GetEnumerator</c> becomes <c>GetAsyncEnumerator</c>, the name <c>await foreach</c>
        /// looks for (as <c>foreach</c> looks for <c>GetEnumerator</c>); any other name takes the suffix.
        /// </summary>
        public static string AsyncNameOf(string name) =>
            IsPatternName(name) ? AsyncEnumeratorPatternName : WithSuffix(name);

        /// <summary>True for a name the language binds by pattern, which must change whatever the suffix option says.</summary>
        public static bool IsPatternName(string name) => name == EnumeratorPatternName;

        private const string EnumeratorPatternName = "GetEnumerator";

        private const string AsyncEnumeratorPatternName = "GetAsyncEnumerator";

        private static bool ProjectUsesSuffix(Compilation compilation, CancellationToken cancellationToken)
        {
            var types = AsyncTypes.TryCreate(compilation);
            if (types is null)
            {
                return false;
            }

            int asyncMethods = 0, suffixed = 0;
            foreach (var method in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member, cancellationToken).OfType<IMethodSymbol>())
            {
                if (method.MethodKind != MethodKind.Ordinary || method.IsImplicitlyDeclared || method.IsOverride || method.Name == "Main"
                    || !(types.IsTaskLike(method.ReturnType) || IsStream(method.ReturnType, types)))
                {
                    continue;
                }

                asyncMethods++;
                if (method.Name.EndsWith(Suffix, StringComparison.Ordinal))
                {
                    suffixed++;
                }
            }

            return asyncMethods > 0 && suffixed * 2 >= asyncMethods;
        }

        private static bool IsStream(ITypeSymbol type, AsyncTypes types) =>
            SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, types.IAsyncEnumerableOfT);
    }
}
