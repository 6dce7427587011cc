using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.Analyzers.Finiteness
{
    /// <summary>
    /// What one walk over a function body (not into nested lambdas or local functions) finds: its <c>yield</c>s, its
    /// <c>return</c>s, its <c>foreach</c> loops, and the loops that could run forever. The summaries need all of these,
    /// and walking the syntax once is much cheaper than walking it for each question.
    /// </summary>
    internal sealed class BodyShape
    {
        private BodyShape()
        {
        }

        public bool HasYield { get; private set; }

        public List<YieldStatementSyntax> YieldBreaks { get; } = new();

        public List<ReturnStatementSyntax> Returns { get; } = new();

        public List<CommonForEachStatementSyntax> ForEachLoops { get; } = new();

        /// <summary><c>goto</c> statements and labels: a <c>goto</c> can loop, or jump past a loop.</summary>
        public bool HasGotoOrLabel { get; private set; }

        /// <summary>
        /// Loops whose condition is absent (<c>for (;;)</c>) or may be a constant: for the compiler, only these (and
        /// <c>goto</c>) can make the end of a body unreachable other than by <c>throw</c>. Conditions are checked later.
        /// </summary>
        public List<ExpressionSyntax?> LoopConditions { get; } = new();

        public static BodyShape Of(BlockSyntax body)
        {
            var shape = new BodyShape();
            foreach (var node in body.DescendantNodes(n => !IteratorFacts.IsNestedFunction(n)))
            {
                switch (node)
                {
                    case YieldStatementSyntax yield:
                        shape.HasYield = true;
                        if (yield.IsKind(SyntaxKind.YieldBreakStatement))
                        {
                            shape.YieldBreaks.Add(yield);
                        }

                        break;
                    case ReturnStatementSyntax @return:
                        shape.Returns.Add(@return);
                        break;
                    case CommonForEachStatementSyntax loop:
                        shape.ForEachLoops.Add(loop);
                        break;
                    case WhileStatementSyntax loop:
                        shape.AddCondition(loop.Condition);
                        break;
                    case DoStatementSyntax loop:
                        shape.AddCondition(loop.Condition);
                        break;
                    case ForStatementSyntax loop:
                        shape.LoopConditions.Add(loop.Condition);
                        break;
                    case GotoStatementSyntax or LabeledStatementSyntax:
                        shape.HasGotoOrLabel = true;
                        break;
                }
            }

            return shape;
        }

        /// <summary>Whether some loop or <c>goto</c> could keep the body from reaching its end.</summary>
        public bool MayLoopForever(SemanticModel model)
        {
            if (HasGotoOrLabel)
            {
                return true;
            }

            foreach (var condition in LoopConditions)
            {
                if (condition is null
                    || condition.IsKind(SyntaxKind.TrueLiteralExpression)
                    || model.GetConstantValue(condition) is { HasValue: true, Value: true })
                {
                    return true;
                }
            }

            return false;
        }

        private void AddCondition(ExpressionSyntax condition)
        {
            // A literal false or a comparison with a variable is the common case; keep only what could be constant.
            if (!condition.IsKind(SyntaxKind.FalseLiteralExpression))
            {
                LoopConditions.Add(condition);
            }
        }
    }
}
