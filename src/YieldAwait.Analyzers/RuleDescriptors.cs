using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers
{
    /// <summary>
    /// The only way to build a descriptor in this package (the raw constructor is banned), so the
    /// help link is always derived from the rule ID and points at the rule's docs page.
    /// </summary>
    public static class RuleDescriptors
    {
        /// <summary>The base address of the rule pages; <c>{ID}.md</c> is appended.</summary>
        public const string HelpLinkBase = "https://github.com/yieldawait/YieldAwait.Analyzers/blob/main/docs/rules/";

        public static string HelpLinkFor(string id) => HelpLinkBase + id + ".md";

        public static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string category,
            DiagnosticSeverity defaultSeverity,
            string description,
            params string[] customTags)
        {
#pragma warning disable RS0030 // The one sanctioned call of the banned constructor.
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                defaultSeverity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLinkFor(id),
                customTags: customTags);
#pragma warning restore RS0030
        }
    }
}
