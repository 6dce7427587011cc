using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Iterators of tasks (<c>IEnumerable&lt;Task&lt;T&gt;&gt;</c>, <c>IEnumerable&lt;ValueTask&lt;T&gt;&gt;</c>) that could become
    /// async streams of <c>T</c> without changing what runs when. Shared by YA1004's analyzer and fix.
    /// </summary>
    internal static class TaskIterators
    {
        /// <summary><c>T</c> when <paramref name="returnType"/> is <c>IEnumerable&lt;Task&lt;T&gt;&gt;</c> or <c>IEnumerable&lt;ValueTask&lt;T&gt;&gt;</c>.</summary>
        public static ITypeSymbol? ResultType(ITypeSymbol returnType, AsyncTypes types)
        {
            if (returnType is not INamedTypeSymbol { TypeArguments.Length: 1 } sequence
                || sequence.OriginalDefinition.SpecialType != SpecialType.System_Collections_Generic_IEnumerable_T
                || sequence.TypeArguments[0] is not INamedTypeSymbol { TypeArguments.Length: 1 } task
                || !IsTaskOfT(task, types))
            {
                return null;
            }

            return task.TypeArguments[0];
        }

        public static bool IsTaskOfT(ITypeSymbol type, AsyncTypes types) =>
            SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, types.TaskOfT)
            || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, types.ValueTaskOfT);

        /// <summary>
        /// The declaration of a producer the rule may convert: a non-virtual method or local function of this
        /// compilation whose body yields freshly started tasks. Members of an interface or override family stay
        /// out (their signatures move together, and other implementations may yield tasks started ahead), as do
        /// iterators that yield tasks they started earlier (a prefetch or a materialised batch: deliberate concurrency).
        /// </summary>
        public static SyntaxNode? ProducerDeclaration(IMethodSymbol method, AsyncTypes types, CancellationToken cancellationToken)
        {
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
                || method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern || method.IsAsync
                || method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null
                || !method.ExplicitInterfaceImplementations.IsEmpty
                || method.DeclaringSyntaxReferences.Length != 1
                || ResultType(method.ReturnType, types) is null
                || ImplementsInterfaceMember(method))
            {
                return null;
            }

            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (declaration is not (MethodDeclarationSyntax { Body: not null } or LocalFunctionStatementSyntax { Body: not null })
                || declaration.ContainsDiagnostics
                || ((CSharpParseOptions)declaration.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp8)
            {
                return null;
            }

            var body = IteratorFacts.GetBody(declaration)!;
            var yields = IteratorFacts.YieldStatements(body).ToList();
            var returns = yields.Where(y => y.IsKind(SyntaxKind.YieldReturnStatement)).ToList();
            if (returns.Count == 0)
            {
                return null;
            }

            foreach (var yield in returns)
            {
                if (yield.Expression is not (InvocationExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax)
                    || yield.Ancestors().TakeWhile(n => n != declaration).Any(n => n is LockStatementSyntax))
                {
                    return null;
                }
            }

            return declaration;
        }

        private static bool ImplementsInterfaceMember(IMethodSymbol method) =>
            method.MethodKind == MethodKind.Ordinary
            && method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name)).Any(member =>
                SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method));
    }

    /// <summary>How the loop's body uses the awaited element, which decides the shape of its <c>await foreach</c>.</summary>
    internal enum AwaitedTaskUse
    {
        /// <summary><c>var v = await t;</c> first: <c>v</c> becomes the loop variable.</summary>
        Declaration,

        /// <summary><c>await t;</c> or <c>_ = await t;</c> first: the statement goes.</summary>
        Discarded,

        /// <summary><c>await t</c> inside the first statement: it becomes <c>t</c>, the loop variable now holding the result.</summary>
        InPlace,
    }

    /// <summary>
    /// <c>foreach (var t in Producer(…)) { … await t … }</c> where the loop variable is used once, awaited
    /// unconditionally in the body's first statement (optionally through <c>ConfigureAwait(bool)</c>). Only this
    /// consumer sees no difference when the producer awaits each task itself before yielding its result:
    /// any other (tasks collected, passed on, awaited later, in another order or only sometimes) relies on holding
    /// the task.
    /// </summary>
    internal sealed class AwaitedTaskLoop
    {
        private AwaitedTaskLoop(IForEachLoopOperation loop, IInvocationOperation call, IAwaitOperation await, IArgumentOperation? configureAwait, AwaitedTaskUse use)
        {
            Loop = loop;
            Call = call;
            Await = await;
            ConfigureAwait = configureAwait;
            Use = use;
        }

        public IForEachLoopOperation Loop { get; }

        /// <summary>The producer call the loop enumerates.</summary>
        public IInvocationOperation Call { get; }

        public IAwaitOperation Await { get; }

        /// <summary>The <c>bool</c> given to <c>t.ConfigureAwait(…)</c>; null when the task is awaited plainly.</summary>
        public IArgumentOperation? ConfigureAwait { get; }

        public AwaitedTaskUse Use { get; }

        public ForEachStatementSyntax Syntax => (ForEachStatementSyntax)Loop.Syntax;

        /// <summary>The loop that enumerates <paramref name="call"/> and awaits each element once; null for any other use of the call.</summary>
        public static AwaitedTaskLoop? Match(IInvocationOperation call, AsyncTypes types)
        {
            if (LoopOver(call) is not { IsAsynchronous: false } loop
                || loop.Syntax is not ForEachStatementSyntax forEach
                || forEach.ContainsDiagnostics
                || loop.LoopControlVariable is not IVariableDeclaratorOperation { Symbol: { } local }
                || !IsTaskOfT(local.Type, types)
                || TaskIterators.ResultType(call.TargetMethod.ReturnType, types) is not { } result
                || !SymbolEqualityComparer.Default.Equals(((INamedTypeSymbol)local.Type).TypeArguments[0], result)
                || FirstStatement(forEach.Statement) is not { } first)
            {
                return null;
            }

            var references = loop.Body.Descendants().OfType<ILocalReferenceOperation>()
                .Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local))
                .ToList();
            if (references.Count != 1)
            {
                return null;
            }

            var reference = references[0];
            IArgumentOperation? configureAwait = null;
            var awaited = (IOperation)reference;
            if (reference.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Arguments.Length: 1 } configured
                && configured.Instance == reference
                && configured.Arguments[0].Parameter?.Type.SpecialType == SpecialType.System_Boolean)
            {
                configureAwait = configured.Arguments[0];
                awaited = configured;
            }

            if (awaited.Parent is not IAwaitOperation await
                || await.Syntax is not AwaitExpressionSyntax awaitSyntax
                || !first.Span.Contains(awaitSyntax.Span)
                || !RunsUnconditionally(awaitSyntax, first))
            {
                return null;
            }

            return new AwaitedTaskLoop(loop, call, await, configureAwait, UseOf(first, awaitSyntax));
        }

        private static bool IsTaskOfT(ITypeSymbol type, AsyncTypes types) =>
            type is INamedTypeSymbol { TypeArguments.Length: 1 } && TaskIterators.IsTaskOfT(type, types);

        /// <summary>
        /// The <c>foreach</c> whose collection is <paramref name="call"/>, or, when the call initialises a <c>var</c> local of its
        /// block (<c>var tasks = LoadAll(ids);</c>), the later <c>foreach</c> of that block over the local, provided the loop is the
        /// local's only use: the producer is lazy, so storing its result first runs nothing earlier, and the loop alone sees the tasks.
        /// </summary>
        private static IForEachLoopOperation? LoopOver(IInvocationOperation call)
        {
            IOperation collection = call;
            while (collection.Parent is IConversionOperation { IsImplicit: true } conversion)
            {
                collection = conversion;
            }

            if (collection.Parent is IForEachLoopOperation direct)
            {
                return direct.Collection == collection ? direct : null;
            }

            if (call.Parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } declarator }
                || declarator.Parent is not IVariableDeclarationOperation { Declarators.Length: 1, Syntax: VariableDeclarationSyntax { Type.IsVar: true } } declaration
                || declaration.Parent is not IVariableDeclarationGroupOperation { Parent: IBlockOperation block } group
                || local.IsRef
                || !SymbolEqualityComparer.Default.Equals(local.Type, call.Type))
            {
                return null;
            }

            var uses = block.Descendants().OfType<ILocalReferenceOperation>().Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local)).ToList();
            if (uses.Count != 1)
            {
                return null;
            }

            var after = false;
            foreach (var statement in block.Operations)
            {
                if (statement == group)
                {
                    after = true;
                }
                else if (after && statement is IForEachLoopOperation loop && loop.Collection.WithoutImplicitConversions() == uses[0])
                {
                    return loop;
                }
            }

            return null;
        }

        /// <summary>The statement that runs first in the body, if it is a plain expression or declaration; a try, if, loop or using would guard or skip the await.</summary>
        private static StatementSyntax? FirstStatement(StatementSyntax body)
        {
            var first = body is BlockSyntax block ? block.Statements.FirstOrDefault() : body;
            return first switch
            {
                ExpressionStatementSyntax => first,
                LocalDeclarationStatementSyntax { IsConst: false, Parent: BlockSyntax } => first,
                _ => null,
            };
        }

        /// <summary>No branch, lambda or query between the await and its statement: the task is awaited on every iteration.</summary>
        private static bool RunsUnconditionally(AwaitExpressionSyntax await, StatementSyntax statement)
        {
            SyntaxNode child = await;
            var node = await.Parent;
            for (; node is not null && node != statement; child = node, node = node.Parent)
            {
                switch (node)
                {
                    case ConditionalExpressionSyntax conditional when conditional.Condition != child:
                    case BinaryExpressionSyntax binary when binary.Right == child
                        && (binary.IsKind(SyntaxKind.LogicalAndExpression) || binary.IsKind(SyntaxKind.LogicalOrExpression) || binary.IsKind(SyntaxKind.CoalesceExpression)):
                    case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression) && assignment.Right == child:
                    case ConditionalAccessExpressionSyntax access when access.WhenNotNull == child:
                    case SwitchExpressionSyntax switchExpression when switchExpression.GoverningExpression != child:
                    case AnonymousFunctionExpressionSyntax:
                    case QueryExpressionSyntax:
                        return false;
                }
            }

            return node == statement;
        }

        private static AwaitedTaskUse UseOf(StatementSyntax first, AwaitExpressionSyntax await)
        {
            switch (first)
            {
                case ExpressionStatementSyntax { Expression: var expression } when expression == await:
                case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Right: var right } } when right == await:
                    return AwaitedTaskUse.Discarded;
                case LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, AwaitKeyword.RawKind: 0, Declaration.Variables: { Count: 1 } variables }
                    when variables[0].Initializer?.Value == await:
                    return AwaitedTaskUse.Declaration;
                default:
                    return AwaitedTaskUse.InPlace;
            }
        }
    }
}
