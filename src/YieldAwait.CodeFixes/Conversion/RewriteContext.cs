using Microsoft.CodeAnalysis;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.CodeFixes.Conversion
{
    /// <summary>What rewrite sources need of one compilation, resolved once per fix.</summary>
    internal sealed class RewriteContext
    {
        private RewriteContext(Compilation compilation, AsyncTypes types, INamedTypeSymbol cancellationTokenType)
        {
            Compilation = compilation;
            Types = types;
            CancellationTokenType = cancellationTokenType;
            Recognizer = new BlockingFormRecognizer(types);
        }

        public Compilation Compilation { get; }

        public AsyncTypes Types { get; }

        public INamedTypeSymbol CancellationTokenType { get; }

        public BlockingFormRecognizer Recognizer { get; }

        public static RewriteContext? TryCreate(Compilation compilation)
        {
            var types = AsyncTypes.TryCreate(compilation);
            var cancellationTokenType = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            return types is null || cancellationTokenType is null ? null : new RewriteContext(compilation, types, cancellationTokenType);
        }
    }
}
