using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.CodeFixes.Conversion
{
    /// <summary>How one reference to a converted function takes the conversion.</summary>
    internal readonly struct ReferenceUse
    {
        private ReferenceUse(SimpleNameSyntax? name, CallerSite? site, Document? callerDocument, SyntaxNode? callerToConvert, bool canFollow)
        {
            Name = name;
            Site = site;
            CallerDocument = callerDocument;
            CallerToConvert = callerToConvert;
            CanFollow = canFollow;
        }

        /// <summary>The name to rename with the function, when it has one.</summary>
        public SimpleNameSyntax? Name { get; }

        /// <summary>The <c>foreach</c> that becomes <c>await foreach</c>; null for a <c>cref</c> or <c>nameof</c>.</summary>
        public CallerSite? Site { get; }

        public Document? CallerDocument { get; }

        /// <summary>The sync iterator that enumerates the function and must be converted with it.</summary>
        public SyntaxNode? CallerToConvert { get; }

        /// <summary>False when the reference uses the result as a sequence that cannot become a stream.</summary>
        public bool CanFollow { get; }

        public static ReferenceUse Blocked { get; } = new(null, null, null, null, canFollow: false);

        public static ReferenceUse NameOnly(SimpleNameSyntax? name) => new(name, null, null, null, canFollow: true);

        public static ReferenceUse AsyncCaller(SimpleNameSyntax? name, CallerSite site) => new(name, site, null, null, canFollow: true);

        public static ReferenceUse IteratorCaller(SimpleNameSyntax? name, CallerSite site, Document document, SyntaxNode caller) =>
            new(name, site, document, caller, canFollow: true);
    }
}
