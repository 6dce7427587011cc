using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.CodeFixes.Conversion.Engine;

namespace YieldAwait.CodeFixes.Rewrites.AsyncIterator
{
    /// <summary>A sync iterator that becomes an async iterator, with everything decided on the original code.</summary>
    internal sealed class ConvertedFunction
    {
        public ConvertedFunction(DocumentId documentId, SyntaxNode declaration, string name, bool hasBody, bool returnsEnumerable, string? tokenName, bool addsTokenParameter, bool addsEnumeratorCancellation, IReadOnlyList<AwaitRewrite> rewrites)
        {
            HasBody = hasBody;
            DocumentId = documentId;
            Declaration = declaration;
            Name = name;
            ReturnsEnumerable = returnsEnumerable;
            TokenName = tokenName;
            AddsTokenParameter = addsTokenParameter;
            AddsEnumeratorCancellation = addsEnumeratorCancellation;
            Rewrites = rewrites;
        }

        public DocumentId DocumentId { get; }

        /// <summary>A <c>MethodDeclarationSyntax</c> or <c>LocalFunctionStatementSyntax</c> in the original tree.</summary>
        public SyntaxNode Declaration { get; }

        public string Name { get; }

        /// <summary>False for an interface or abstract member: only its signature changes (no <c>async</c>, no attribute).</summary>
        public bool HasBody { get; }

        /// <summary>The name after conversion (the <c>Async</c> suffix added); null to keep <see cref="Name"/>.</summary>
        public string? NewName { get; set; }

        /// <summary>True for "Add async counterpart": the converted copy goes beside the untouched original.</summary>
        public bool AsCounterpart { get; set; }

        /// <summary>True for <c>IEnumerable&lt;T&gt;</c> (becomes <c>IAsyncEnumerable&lt;T&gt;</c>), false for <c>IEnumerator&lt;T&gt;</c>.</summary>
        public bool ReturnsEnumerable { get; }

        /// <summary>The token the converted body passes on; null when none can be added (a <c>params</c> method, an enumerator).</summary>
        public string? TokenName { get; }

        public bool AddsTokenParameter { get; }

        /// <summary>True when the token parameter (new or existing) gets <c>[EnumeratorCancellation]</c>.</summary>
        public bool AddsEnumeratorCancellation { get; }

        public IReadOnlyList<AwaitRewrite> Rewrites { get; }
    }

    /// <summary>
    /// A call of a converted function whose consumer follows: a <c>foreach</c> over it (or over a deferred LINQ chain
    /// on it) becomes <c>await foreach</c>, and a LINQ chain on it that ends in a terminal operator becomes
    /// <c>await ….XAsync()</c> on async LINQ.
    /// </summary>
    internal sealed class CallerSite
    {
        public CallerSite(DocumentId documentId, InvocationExpressionSyntax invocation, CommonForEachStatementSyntax? forEach, InvocationExpressionSyntax? terminal, SyntaxNode callee, SyntaxNode? convertedCaller, string? callerTokenName)
        {
            DocumentId = documentId;
            Invocation = invocation;
            ForEach = forEach;
            Terminal = terminal;
            Callee = callee;
            ConvertedCaller = convertedCaller;
            CallerTokenName = callerTokenName;
        }

        public DocumentId DocumentId { get; }

        /// <summary>The call of the converted function; its token argument is added here.</summary>
        public InvocationExpressionSyntax Invocation { get; }

        /// <summary>The <c>foreach</c> that becomes <c>await foreach</c>; null when a terminal operator consumes the stream.</summary>
        public CommonForEachStatementSyntax? ForEach { get; }

        /// <summary>The terminal LINQ operator (<c>ToList()</c>, <c>Count()</c>…) that becomes <c>await ….ToListAsync()</c>.</summary>
        public InvocationExpressionSyntax? Terminal { get; }

        /// <summary>The declaration of the function whose result is consumed.</summary>
        public SyntaxNode Callee { get; }

        /// <summary>The enclosing sync iterator, converted too; null when the caller is already async.</summary>
        public SyntaxNode? ConvertedCaller { get; }

        /// <summary>The caller's own token, for an already-async caller that has exactly one.</summary>
        public string? CallerTokenName { get; }
    }

    /// <summary>Everything one "Convert to async iterator" (or its Fix All, or "Add async counterpart") changes.</summary>
    internal sealed class ConversionPlan
    {
        public ConversionPlan(Solution solution, IReadOnlyList<ConvertedFunction> functions, IReadOnlyList<CallerSite> callers, IReadOnlyList<RenameSite> renames)
        {
            Solution = solution;
            Functions = functions;
            Callers = callers;
            Renames = renames;
        }

        public IReadOnlyList<RenameSite> Renames { get; }

        public Solution Solution { get; }

        public IReadOnlyList<ConvertedFunction> Functions { get; }

        public IReadOnlyList<CallerSite> Callers { get; }
    }
}
