using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using YieldAwait.Analyzers.Analysis;

namespace YieldAwait.Analyzers.Finiteness
{
    /// <summary>
    /// Whether an iterator's body can end, decided by the compiler's control-flow analysis rather than by keywords:
    /// a generator is infinite when no <c>yield break</c> is reachable and the end of its body is not reachable either,
    /// unless every way out of it is a <c>throw</c> (a generator that yields a few items and then throws is not infinite).
    /// An iterator whose body ends in a <c>foreach</c> over an infinite sequence, with no <c>break</c>, is infinite too.
    /// </summary>
    internal static class IteratorTermination
    {
        /// <param name="shape">The body's yields, loops and labels, found in one walk.</param>
        /// <param name="evaluateCollection">How infinite the collection of a <c>foreach</c> in the body is.</param>
        public static Finiteness Analyze(SemanticModel model, BlockSyntax body, BodyShape shape, string name, Func<CommonForEachStatementSyntax, Finiteness> evaluateCollection)
        {
            var statements = body.Statements;
            if (statements.Count == 0)
            {
                return Finiteness.Unknown;
            }

            // For the compiler, only a loop whose condition is absent or constant true, or a goto, can keep a body from
            // reaching its end other than by throwing: without one, the control-flow analysis (a pass over the method) is skipped.
            if (shape.MayLoopForever(model))
            {
                if (Flow(model, statements[0], statements[statements.Count - 1]) is not { } whole)
                {
                    return Finiteness.Unknown;
                }

                if (!whole.EndPointIsReachable)
                {
                    return !HasReachableYieldBreak(model, shape) && DivergesAfterFirstUnreachableEnd(model, statements)
                        ? Finiteness.Infinite(name)
                        : Finiteness.Unknown;
                }
            }

            if (shape.ForEachLoops.Count == 0 || shape.HasGotoOrLabel)
            {
                return Finiteness.Unknown;
            }

            var endless = EndlessForEach(model, body, evaluateCollection);
            return endless.Kind != FinitenessKind.Unknown && !HasReachableYieldBreak(model, shape) ? endless : Finiteness.Unknown;
        }

        private static bool HasReachableYieldBreak(SemanticModel model, BodyShape shape)
        {
            foreach (var yieldBreak in shape.YieldBreaks)
            {
                if (Flow(model, yieldBreak, yieldBreak) is not { } flow || flow.StartPointIsReachable)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The body's end is unreachable: find the statement that makes it so and ask whether that is a loop that never
        /// ends (or a <c>goto</c> back), rather than a <c>throw</c>.
        /// </summary>
        private static bool DivergesAfterFirstUnreachableEnd(SemanticModel model, SyntaxList<StatementSyntax> statements)
        {
            foreach (var statement in statements)
            {
                if (statement is LocalFunctionStatementSyntax)
                {
                    continue;
                }

                if (Flow(model, statement, statement) is not { } flow)
                {
                    return false;
                }

                if (flow.StartPointIsReachable && !flow.EndPointIsReachable)
                {
                    return Diverges(model, statement);
                }
            }

            return false;
        }

        /// <summary>Called only on a statement whose end is unreachable: true when that is because it loops forever.</summary>
        private static bool Diverges(SemanticModel model, StatementSyntax statement) => statement switch
        {
            WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax => true,
            GotoStatementSyntax @goto => @goto.IsKind(SyntaxKind.GotoStatement),
            LabeledStatementSyntax labeled => Diverges(model, labeled.Statement),
            BlockSyntax block => DivergesAfterFirstUnreachableEnd(model, block.Statements),
            IfStatementSyntax @if => Diverges(model, @if.Statement) || (@if.Else is not null && Diverges(model, @if.Else.Statement)),
            TryStatementSyntax @try => Diverges(model, @try.Block) || @try.Catches.Any(c => Diverges(model, c.Block)),
            UsingStatementSyntax @using => Diverges(model, @using.Statement),
            LockStatementSyntax @lock => Diverges(model, @lock.Statement),
            FixedStatementSyntax @fixed => Diverges(model, @fixed.Statement),
            CheckedStatementSyntax @checked => Diverges(model, @checked.Block),
            UnsafeStatementSyntax @unsafe => Diverges(model, @unsafe.Block),
            SwitchStatementSyntax @switch => @switch.Sections.Any(s => DivergesAfterFirstUnreachableEnd(model, s.Statements)),
            _ => false,
        };

        /// <summary>
        /// The end is reachable for the compiler, but the body runs, unconditionally, a <c>foreach</c> over an infinite
        /// sequence with no way out of it (<c>foreach (var n in Naturals()) yield return n * 2;</c>).
        /// Bodies with labels are left alone by the caller: a <c>goto</c> could jump past the loop.
        /// </summary>
        private static Finiteness EndlessForEach(SemanticModel model, BlockSyntax body, Func<CommonForEachStatementSyntax, Finiteness> evaluateCollection)
        {
            foreach (var loop in UnconditionalStatements(body).OfType<CommonForEachStatementSyntax>())
            {
                // The collection first: it is cheap to rule out, the break search and the reachability check are not.
                var collection = evaluateCollection(loop);
                if (collection.Kind != FinitenessKind.Unknown
                    && !HasBreak(loop.Statement)
                    && Flow(model, loop, loop) is { StartPointIsReachable: true })
                {
                    return collection;
                }
            }

            return Finiteness.Unknown;
        }

        /// <summary>The statements of the body that run whenever the body runs to them: nested blocks, <c>using</c>, <c>lock</c>, <c>try</c> bodies.</summary>
        private static IEnumerable<StatementSyntax> UnconditionalStatements(BlockSyntax block)
        {
            foreach (var statement in block.Statements)
            {
                yield return statement;
                var inner = statement switch
                {
                    BlockSyntax nested => nested,
                    UsingStatementSyntax { Statement: BlockSyntax nested } => nested,
                    LockStatementSyntax { Statement: BlockSyntax nested } => nested,
                    TryStatementSyntax @try => @try.Block,
                    CheckedStatementSyntax @checked => @checked.Block,
                    UnsafeStatementSyntax @unsafe => @unsafe.Block,
                    _ => null,
                };

                if (inner is not null)
                {
                    foreach (var nested in UnconditionalStatements(inner))
                    {
                        yield return nested;
                    }
                }
            }
        }

        /// <summary>A <c>break</c> that leaves this loop (not one that leaves a nested loop or <c>switch</c>).</summary>
        public static bool HasBreak(StatementSyntax loopBody) =>
            loopBody.DescendantNodesAndSelf(n => !IteratorFacts.IsNestedFunction(n) && !IsBreakTarget(n))
                .OfType<BreakStatementSyntax>()
                .Any();

        private static bool IsBreakTarget(SyntaxNode node) =>
            node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax or SwitchStatementSyntax;

        /// <summary>The compiler's control-flow analysis of a statement range; null when it cannot be computed (broken code).</summary>
        private static ControlFlowAnalysis? Flow(SemanticModel model, StatementSyntax first, StatementSyntax last)
        {
            try
            {
                var flow = model.AnalyzeControlFlow(first, last);
                return flow is { Succeeded: true } ? flow : null;
            }
            catch (ArgumentException)
            {
                // Statements the compiler does not consider a region (e.g. in code that does not parse): nothing is known.
                return null;
            }
        }
    }
}
