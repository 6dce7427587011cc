using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The one "where may await go" fact that YA1002 reports by and the conversion awaits by: each marked call <c>Here()</c>
    /// must be judged as the language judges an <c>await</c> there.
    /// </summary>
    public class AwaitPlacementTests
    {
        [Theory]
        [InlineData("var x = Here();")]
        [InlineData("if (Here() > 0) { }")]
        [InlineData("foreach (var x in from a in Here2() select a) { }")]
        [InlineData("foreach (var x in from a in Xs() join b in Here2() on a equals b select a) { }")]
        [InlineData("try { Here(); } catch { Here(); } finally { Here(); }")]
        [InlineData("using (null as System.IDisposable) { Here(); }")]
        public void Allowed(string statement) =>
            Assert.All(Calls(statement), call => Assert.True(AwaitPlacement.IsAllowedAt(call), call.ToString()));

        [Theory]
        [InlineData("lock (this) { Here(); }")]
        [InlineData("try { } catch when (Here() > 0) { }")]
        [InlineData("unsafe { Here(); }")]
        [InlineData("foreach (var x in from a in Xs() where Here() > 0 select a) { }")]
        [InlineData("foreach (var x in from a in Xs() from b in Here2() select b) { }")]
        [InlineData("foreach (var x in from a in Xs() select Here()) { }")]
        [InlineData("foreach (var x in from a in Xs() join b in Xs() on Here() equals b select a) { }")]
        public void NotAllowed(string statement) =>
            Assert.All(Calls(statement), call => Assert.False(AwaitPlacement.IsAllowedAt(call), call.ToString()));

        [Fact]
        public void NotAllowed_InAnUnsafeFunction()
        {
            var tree = CSharpSyntaxTree.ParseText("class C { unsafe int M() { return Here(); } }");
            var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Single();
            Assert.False(AwaitPlacement.IsAllowedAt(call));
        }

        [Fact]
        public void NotAllowed_OutsideAnyFunction()
        {
            var tree = CSharpSyntaxTree.ParseText("class C { int F = Here(); }");
            var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Single();
            Assert.False(AwaitPlacement.IsAllowedAt(call));
        }

        /// <summary>The calls of <c>Here</c>/<c>Here2</c> in <paramref name="statement"/>, placed in an ordinary method.</summary>
        private static InvocationExpressionSyntax[] Calls(string statement)
        {
            var tree = CSharpSyntaxTree.ParseText("class C { void M() { " + statement + " } }");
            var calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "Here" or "Here2" })
                .ToArray();
            Assert.NotEmpty(calls);
            return calls;
        }
    }
}
