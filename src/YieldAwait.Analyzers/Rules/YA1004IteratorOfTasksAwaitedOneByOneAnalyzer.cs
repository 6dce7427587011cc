using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.Options;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA1004: an iterator of tasks (<c>IEnumerable&lt;Task&lt;T&gt;&gt;</c>) whose every consumer in the compilation awaits
    /// the elements one by one in a <c>foreach</c>. That is an async stream spelled by hand: a generator of coroutines
    /// that nobody runs concurrently. Reported at the end of the compilation, because it is a claim about every caller.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA1004IteratorOfTasksAwaitedOneByOneAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.IteratorOfTasksAwaitedOneByOne,
            title: "Iterator of tasks awaited one by one should be an async stream",
            messageFormat: "Every caller of '{0}' awaits its tasks one at a time in a foreach; make it an async stream of '{1}' and consume it with 'await foreach'",
            DiagnosticCategories.AsyncInIterators,
            DiagnosticSeverity.Info,
            description: "An iterator that yields tasks which every consumer awaits in turn is an async stream written by hand: the caller must "
                + "remember to await each element, exceptions surface in the consumer instead of the producer, and nothing can be cancelled. "
                + "'async IAsyncEnumerable<T>' with 'yield return await …' says the same thing, and 'await foreach' consumes it.",
            WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (AsyncTypes.TryCreate(start.Compilation) is not { TaskOfT: not null, IAsyncEnumerableOfT: not null } types)
                {
                    return;
                }

                var names = ProducerNames(start.Compilation, start.CancellationToken);
                if (names.Count == 0)
                {
                    return;
                }

                // A call or a method group of a producer spells its name: only the members whose text does get callbacks.
                var producers = new Producers(start.Compilation, types);
                GatedRegistration.ForMembers(
                    start,
                    node => SpellsAny(node, names),
                    block =>
                    {
                        block.RegisterOperationAction(producers.AnalyzeCall, OperationKind.Invocation);
                        block.RegisterOperationAction(producers.AnalyzeMethodReference, OperationKind.MethodReference);
                    });
                start.RegisterCompilationEndAction(producers.Report);
            });
        }

        /// <summary>
        /// The names of the candidate producers: iterators of the compilation whose declared return type names a task
        /// (<c>IEnumerable&lt;Task&lt;T&gt;&gt;</c>, <c>IEnumerable&lt;ValueTask&lt;T&gt;&gt;</c>). Most compilations have none, and
        /// then the rule needs no callback at all. A type alias of a task slips through this check (none seen in real code).
        /// </summary>
        private static List<string> ProducerNames(Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            var names = new List<string>();
            foreach (var declaration in SourceIndex.For(compilation).AllIteratorDeclarations(cancellationToken))
            {
                var name = declaration switch
                {
                    MethodDeclarationSyntax method when NamesTask(method.ReturnType) => method.Identifier.ValueText,
                    LocalFunctionStatementSyntax local when NamesTask(local.ReturnType) => local.Identifier.ValueText,
                    _ => null,
                };
                if (name is not null && !names.Contains(name))
                {
                    names.Add(name);
                }
            }

            return names;
        }

        private static bool SpellsAny(SyntaxNode node, List<string> names)
        {
            var text = node.SyntaxTree.GetText();
            foreach (var name in names)
            {
                if (TextSearch.SpellsWordWithin(text, node.Span, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool NamesTask(TypeSyntax type)
        {
            foreach (var node in type.DescendantNodesAndSelf())
            {
                if (node is SimpleNameSyntax { Identifier.ValueText: "Task" or "ValueTask" })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Per compilation: each candidate producer and how its callers use it.</summary>
        private sealed class Producers
        {
            private readonly Compilation _compilation;
            private readonly AsyncTypes _types;
            private readonly ConcurrentDictionary<IMethodSymbol, Uses?> _uses = new(SymbolEqualityComparer.Default);

            public Producers(Compilation compilation, AsyncTypes types)
            {
                _compilation = compilation;
                _types = types;
            }

            public void AnalyzeCall(OperationAnalysisContext context)
            {
                var call = (IInvocationOperation)context.Operation;
                if (UsesOf(call.TargetMethod, context) is not { } uses)
                {
                    return;
                }

                if (AwaitedTaskLoop.Match(call, _types) is not null)
                {
                    uses.AddLoop();
                }
                else
                {
                    uses.Block();
                }
            }

            /// <summary>A method group (a delegate, an event handler) hands the tasks to code this rule cannot follow.</summary>
            public void AnalyzeMethodReference(OperationAnalysisContext context)
            {
                var reference = (IMethodReferenceOperation)context.Operation;
                if (!IsInsideNameOf(reference) && UsesOf(reference.Method, context) is { } uses)
                {
                    uses.Block();
                }
            }

            public void Report(CompilationAnalysisContext context)
            {
                foreach (var entry in _uses)
                {
                    if (entry.Value is not { Blocked: false, Loops: > 0 } uses)
                    {
                        continue;
                    }

                    var method = entry.Key;
                    if (!ApiSurface.Includes(context.Options, uses.Declaration.SyntaxTree, method, DiagnosticIds.IteratorOfTasksAwaitedOneByOne))
                    {
                        // Public API of a library that tracks it: callers outside the compilation may run the tasks together.
                        continue;
                    }

                    var result = TaskIterators.ResultType(method.ReturnType, _types)!;
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rule,
                        IdentifierLocation(uses.Declaration),
                        method.Name,
                        result.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
                }
            }

            private Uses? UsesOf(IMethodSymbol method, OperationAnalysisContext context)
            {
                // Most calls: not a sequence of tasks, decided from the return type alone.
                if (method.ReturnType.OriginalDefinition.SpecialType != SpecialType.System_Collections_Generic_IEnumerable_T
                    || TaskIterators.ResultType(method.ReturnType, _types) is null)
                {
                    return null;
                }

                var definition = (method.ReducedFrom ?? method).OriginalDefinition;
                if (!SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, _compilation.Assembly))
                {
                    return null;
                }

                SourceIndex.For(context.Compilation).Passed(Rule.Id);

                return _uses.GetOrAdd(definition, d =>
                    TaskIterators.ProducerDeclaration(d, _types, context.CancellationToken) is { } declaration ? new Uses(declaration) : null);
            }

            private static bool IsInsideNameOf(IOperation operation)
            {
                for (var current = operation.Parent; current is not null; current = current.Parent)
                {
                    if (current is INameOfOperation)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static Location IdentifierLocation(SyntaxNode declaration) => declaration switch
            {
                MethodDeclarationSyntax method => method.Identifier.GetLocation(),
                LocalFunctionStatementSyntax local => local.Identifier.GetLocation(),
                _ => declaration.GetLocation(),
            };
        }

        private sealed class Uses
        {
            private int _loops;
            private int _blocked;

            public Uses(SyntaxNode declaration) => Declaration = declaration;

            public SyntaxNode Declaration { get; }

            public int Loops => System.Threading.Volatile.Read(ref _loops);

            public bool Blocked => System.Threading.Volatile.Read(ref _blocked) != 0;

            public void AddLoop() => System.Threading.Interlocked.Increment(ref _loops);

            public void Block() => System.Threading.Interlocked.Exchange(ref _blocked, 1);
        }
    }
}
