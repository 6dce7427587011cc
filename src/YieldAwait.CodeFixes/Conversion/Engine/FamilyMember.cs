using Microsoft.CodeAnalysis;

namespace YieldAwait.CodeFixes.Conversion.Engine
{
    /// <summary>
    /// A method that must change signature together with the one being converted: the interface member it
    /// implements, the base it overrides, the other implementations and overrides, and itself.
    /// </summary>
    internal sealed class FamilyMember
    {
        public FamilyMember(Document document, SyntaxNode declaration, IMethodSymbol symbol)
        {
            Document = document;
            Declaration = declaration;
            Symbol = symbol;
        }

        public Document Document { get; }

        public SyntaxNode Declaration { get; }

        public IMethodSymbol Symbol { get; }
    }
}
