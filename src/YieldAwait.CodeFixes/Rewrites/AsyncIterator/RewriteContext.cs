using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>What rewrite sources need of one compilation, resolved once per fix.</summary>
    internal sealed class RewriteContext
    {
        private readonly Lazy<AsyncCounterparts?> _counterparts;
        private readonly Lazy<AsyncStreamBlocking?> _streams;

        private RewriteContext(Compilation compilation, AsyncTypes types, INamedTypeSymbol cancellationTokenType, AnalyzerConfigOptionsProvider? options)
        {
            Compilation = compilation;
            Types = types;
            CancellationTokenType = cancellationTokenType;
            Options = options;
            Recognizer = new BlockingFormRecognizer(types, compilation);
            _counterparts = new Lazy<AsyncCounterparts?>(() => AsyncCounterparts.TryCreate(compilation));
            _streams = new Lazy<AsyncStreamBlocking?>(() => AsyncStreamBlocking.TryCreate(compilation));
        }

        public Compilation Compilation { get; }

        public AsyncTypes Types { get; }

        public INamedTypeSymbol CancellationTokenType { get; }

        public BlockingFormRecognizer Recognizer { get; }

        /// <summary>The project's <c>.editorconfig</c> options, so a fix honours the same options as the analyzer; null when unknown.</summary>
        public AnalyzerConfigOptionsProvider? Options { get; }

        /// <summary>YA1002's counterpart search; null when the compilation lacks what it needs.</summary>
        public AsyncCounterparts? Counterparts => _counterparts.Value;

        /// <summary>YA1003's stream forms; null when the compilation has no async streams.</summary>
        public AsyncStreamBlocking? Streams => _streams.Value;

        public static RewriteContext? TryCreate(Compilation compilation, AnalyzerConfigOptionsProvider? options = null)
        {
            var types = AsyncTypes.TryCreate(compilation);
            var cancellationTokenType = compilation.GetBestTypeByMetadataName("System.Threading.CancellationToken");
            return types is null || cancellationTokenType is null ? null : new RewriteContext(compilation, types, cancellationTokenType, options);
        }
    }
}
