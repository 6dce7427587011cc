using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Analysis;
using YieldAwait.Analyzers.FixProperties;

namespace YieldAwait.Analyzers.Rules
{
    /// <summary>
    /// YA3004: an iterator yields while it holds a lock (<c>lock</c>, <c>Monitor</c>, <c>SemaphoreSlim</c>,
    /// <c>ReaderWriterLockSlim</c>, <c>Mutex</c>). The consumer's loop body then runs under the lock, and an
    /// enumeration that is abandoned without <c>Dispose</c> never releases it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YA3004LockHeldAcrossYieldAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.LockHeldAcrossYield,
            title: "Lock held across yield",
            messageFormat: "Iterator '{0}' yields while holding {1}; the consumer's code runs under the lock, and an abandoned enumeration never releases it",
            DiagnosticCategories.DeferredExecution,
            DiagnosticSeverity.Warning,
            description: "A 'yield return' suspends the iterator and hands control to the consumer. A lock held at that point stays held for as long as "
                + "the consumer takes, across threads and forever if the enumerator is never disposed. Copy what you need inside the lock and yield outside it.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = AsyncTypes.TryCreate(start.Compilation);
                if (types is null)
                {
                    return;
                }

                var state = new State(start.Compilation, types);
                start.RegisterOperationAction(state.AnalyzeYield, OperationKind.YieldReturn);
            });
        }

        private enum LockFamily
        {
            Monitor,
            Semaphore,
            ReadLock,
            WriteLock,
            UpgradeableReadLock,
            Mutex,
        }

        /// <summary>An acquire or release call on a lock, keyed by the lock it works on.</summary>
        private readonly struct LockEvent
        {
            public LockEvent(LockFamily family, object key, bool acquires, SyntaxNode syntax, string display)
            {
                Family = family;
                Key = key;
                Acquires = acquires;
                Syntax = syntax;
                Display = display;
            }

            public LockFamily Family { get; }

            public object Key { get; }

            public bool Acquires { get; }

            public SyntaxNode Syntax { get; }

            public string Display { get; }

            public bool SameLock(LockEvent other) =>
                Family == other.Family
                && (Key is ISymbol symbol && other.Key is ISymbol otherSymbol
                    ? SymbolEqualityComparer.Default.Equals(symbol, otherSymbol)
                    : Key is string text && other.Key is string otherText && text == otherText);
        }

        private sealed class State
        {
            private const int CSharp13 = 1300;

            private readonly AsyncTypes _types;
            private readonly INamedTypeSymbol? _monitor;
            private readonly INamedTypeSymbol? _semaphoreSlim;
            private readonly INamedTypeSymbol? _readerWriterLockSlim;
            private readonly INamedTypeSymbol? _mutex;
            private readonly INamedTypeSymbol? _lockType;

            public State(Compilation compilation, AsyncTypes types)
            {
                _types = types;
                _monitor = compilation.GetBestTypeByMetadataName("System.Threading.Monitor");
                _semaphoreSlim = compilation.GetBestTypeByMetadataName("System.Threading.SemaphoreSlim");
                _readerWriterLockSlim = compilation.GetBestTypeByMetadataName("System.Threading.ReaderWriterLockSlim");
                _mutex = compilation.GetBestTypeByMetadataName("System.Threading.Mutex");
                _lockType = compilation.GetBestTypeByMetadataName("System.Threading.Lock");
            }

            public void AnalyzeYield(OperationAnalysisContext context)
            {
                var yield = context.Operation;
                SourceIndex.For(context.Compilation).Passed(Rule.Id);
                if (yield.Syntax is not YieldStatementSyntax yieldSyntax
                    || !EnclosingFunction.TryFind(yield, context.ContainingSymbol, out var function, out var declaration)
                    || IteratorFacts.Classify(function, _types) == IteratorKind.None)
                {
                    return;
                }

                var name = EnclosingFunction.DisplayName(function);
                if (EnclosingLock(yield) is { } lockOperation)
                {
                    if (lockOperation.LockedValue is IInvalidOperation || lockOperation.LockedValue.Syntax.IsMissing || IsScopedLock(lockOperation, yieldSyntax))
                    {
                        return;
                    }

                    var properties = new YA3004FixProperties(snapshotShape: IsSnapshotShape(lockOperation, yieldSyntax)).Write();
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rule,
                        yieldSyntax.GetLocation(),
                        properties,
                        name,
                        $"the lock on '{lockOperation.LockedValue.Syntax}'"));
                    return;
                }

                if (IteratorFacts.GetBody(declaration) is not { } body || yield.SemanticModel is not { } model)
                {
                    return;
                }

                var held = HeldAcquire(body, declaration, yieldSyntax, model, context.CancellationToken);
                if (held is { } acquire && !GuardsAnAsyncRead(acquire, body, yieldSyntax))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, yieldSyntax.GetLocation(), name, acquire.Display));
                }
            }

            /// <summary>
            /// <c>await gate.WaitAsync()</c> followed, before the yield, by awaits that read (a database reader, a network page):
            /// the async lock keeps one reader on a resource that streams while it is held. A snapshot would buffer the whole
            /// stream, so the advice does not apply; this is the deliberate way to serialise a streamed read.
            /// </summary>
            private static bool GuardsAnAsyncRead(LockEvent acquire, BlockSyntax body, YieldStatementSyntax yieldSyntax)
            {
                if (acquire.Syntax is not InvocationExpressionSyntax invocation || CalledName(invocation.Expression) != "WaitAsync")
                {
                    return false;
                }

                var from = acquire.Syntax.Span.End;
                foreach (var node in body.DescendantNodes(descendIntoChildren: node => !IteratorFacts.IsNestedFunction(node)))
                {
                    if (node.SpanStart < from || node.SpanStart >= yieldSyntax.SpanStart)
                    {
                        continue;
                    }

                    if (node is AwaitExpressionSyntax
                        || (node is CommonForEachStatementSyntax forEach && forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword)))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The innermost <c>lock</c> around the yield, inside the same function.</summary>
            private static ILockOperation? EnclosingLock(IOperation yield)
            {
                for (var current = yield.Parent; current is not null; current = current.Parent)
                {
                    switch (current)
                    {
                        case ILockOperation lockOperation:
                            return lockOperation;
                        case IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation:
                            return null;
                    }
                }

                return null;
            }

            /// <summary>
            /// C# 13 lowers <c>lock</c> on a <c>System.Threading.Lock</c> to a ref-struct scope that the compiler refuses
            /// to keep across <c>yield</c> (CS4007): that is already an error, so it is not reported twice.
            /// </summary>
            private bool IsScopedLock(ILockOperation lockOperation, YieldStatementSyntax yieldSyntax) =>
                _lockType is not null
                && SymbolEqualityComparer.Default.Equals(lockOperation.LockedValue.Type, _lockType)
                && yieldSyntax.SyntaxTree.Options is CSharpParseOptions options
                && (int)options.LanguageVersion >= CSharp13;

            /// <summary><c>lock (g) { foreach (var x in xs) yield return x; }</c>, the lock directly in a block.</summary>
            private static bool IsSnapshotShape(ILockOperation lockOperation, YieldStatementSyntax yieldSyntax)
            {
                if (lockOperation.Syntax is not LockStatementSyntax lockSyntax || lockSyntax.Parent is not BlockSyntax)
                {
                    return false;
                }

                var inner = SingleStatement(lockSyntax.Statement);
                if (inner is not ForEachStatementSyntax forEach
                    || forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword)
                    || forEach.Type is RefTypeSyntax
                    || SingleStatement(forEach.Statement) != yieldSyntax
                    || !yieldSyntax.IsKind(SyntaxKind.YieldReturnStatement))
                {
                    return false;
                }

                return yieldSyntax.Expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == forEach.Identifier.ValueText;
            }

            private static StatementSyntax? SingleStatement(StatementSyntax statement) => statement switch
            {
                BlockSyntax { Statements.Count: 1 } block => block.Statements[0],
                BlockSyntax => null,
                _ => statement,
            };

            /// <summary>The names <see cref="TryClassify"/> knows; other calls are skipped before any binding.</summary>
            private static readonly ImmutableHashSet<string> LockMethodNames = ImmutableHashSet.Create(
                System.StringComparer.Ordinal,
                "Enter", "TryEnter", "Exit", "Wait", "WaitAsync", "Release", "EnterReadLock", "TryEnterReadLock", "ExitReadLock",
                "EnterWriteLock", "TryEnterWriteLock", "ExitWriteLock", "EnterUpgradeableReadLock", "TryEnterUpgradeableReadLock",
                "ExitUpgradeableReadLock", "WaitOne", "ReleaseMutex");

            private static string CalledName(ExpressionSyntax expression) => expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                SimpleNameSyntax name => name.Identifier.ValueText,
                _ => string.Empty,
            };

            /// <summary>
            /// The acquire call whose lock is held at the yield: the last call on that lock before the yield is an acquire,
            /// and a release of it follows the yield (later in the body, or in a <c>finally</c>).
            /// </summary>
            private LockEvent? HeldAcquire(BlockSyntax body, SyntaxNode declaration, YieldStatementSyntax yieldSyntax, SemanticModel model, System.Threading.CancellationToken cancellationToken)
            {
                var events = ImmutableArray.CreateBuilder<LockEvent>();
                foreach (var node in body.DescendantNodes(descendIntoChildren: node => !IteratorFacts.IsNestedFunction(node)))
                {
                    if (node is InvocationExpressionSyntax invocationSyntax
                        && LockMethodNames.Contains(CalledName(invocationSyntax.Expression))
                        && model.GetOperation(invocationSyntax, cancellationToken) is IInvocationOperation invocation
                        && TryClassify(invocation) is { } lockEvent)
                    {
                        events.Add(lockEvent);
                    }
                }

                if (events.Count == 0)
                {
                    return null;
                }

                foreach (var acquire in events)
                {
                    if (!acquire.Acquires || acquire.Syntax.Span.End > yieldSyntax.SpanStart || IsNestedLocalFunction(acquire.Syntax, declaration))
                    {
                        continue;
                    }

                    var heldAtYield = true;
                    var releasedLater = false;
                    foreach (var other in events)
                    {
                        if (!other.SameLock(acquire) || ReferenceEquals(other.Syntax, acquire.Syntax))
                        {
                            continue;
                        }

                        if (other.Syntax.SpanStart > acquire.Syntax.SpanStart && other.Syntax.Span.End <= yieldSyntax.SpanStart)
                        {
                            // A later acquire or a release of the same lock before the yield: that event decides, not this one.
                            heldAtYield = false;
                            break;
                        }

                        if (!other.Acquires && other.Syntax.SpanStart >= yieldSyntax.Span.End)
                        {
                            releasedLater = true;
                        }
                    }

                    if (heldAtYield && releasedLater)
                    {
                        return acquire;
                    }
                }

                return null;
            }

            private static bool IsNestedLocalFunction(SyntaxNode node, SyntaxNode declaration)
            {
                for (var current = node.Parent; current is not null && current != declaration; current = current.Parent)
                {
                    if (IteratorFacts.IsNestedFunction(current))
                    {
                        return true;
                    }
                }

                return false;
            }

            private LockEvent? TryClassify(IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                var type = method.ContainingType;
                if (type is null)
                {
                    return null;
                }

                if (_monitor is not null && SymbolEqualityComparer.Default.Equals(type, _monitor) && invocation.Arguments.Length > 0)
                {
                    var locked = invocation.Arguments[0].Value;
                    return method.Name switch
                    {
                        "Enter" or "TryEnter" => Event(LockFamily.Monitor, locked, acquires: true, invocation, $"the lock on '{locked.WithoutImplicitConversions().Syntax}' (Monitor.{method.Name})"),
                        "Exit" => Event(LockFamily.Monitor, locked, acquires: false, invocation, string.Empty),
                        _ => null,
                    };
                }

                if (invocation.Instance is not { } instance)
                {
                    return null;
                }

                var receiverType = instance.Type;
                var display = $"'{instance.WithoutImplicitConversions().Syntax}' ({method.Name})";
                if (IsOrDerives(receiverType, _semaphoreSlim))
                {
                    return method.Name switch
                    {
                        "Wait" or "WaitAsync" => Event(LockFamily.Semaphore, instance, acquires: true, invocation, display),
                        "Release" => Event(LockFamily.Semaphore, instance, acquires: false, invocation, string.Empty),
                        _ => null,
                    };
                }

                if (IsOrDerives(receiverType, _readerWriterLockSlim))
                {
                    return method.Name switch
                    {
                        "EnterReadLock" or "TryEnterReadLock" => Event(LockFamily.ReadLock, instance, acquires: true, invocation, display),
                        "ExitReadLock" => Event(LockFamily.ReadLock, instance, acquires: false, invocation, string.Empty),
                        "EnterWriteLock" or "TryEnterWriteLock" => Event(LockFamily.WriteLock, instance, acquires: true, invocation, display),
                        "ExitWriteLock" => Event(LockFamily.WriteLock, instance, acquires: false, invocation, string.Empty),
                        "EnterUpgradeableReadLock" or "TryEnterUpgradeableReadLock" => Event(LockFamily.UpgradeableReadLock, instance, acquires: true, invocation, display),
                        "ExitUpgradeableReadLock" => Event(LockFamily.UpgradeableReadLock, instance, acquires: false, invocation, string.Empty),
                        _ => null,
                    };
                }

                if (IsOrDerives(receiverType, _mutex))
                {
                    return method.Name switch
                    {
                        "WaitOne" => Event(LockFamily.Mutex, instance, acquires: true, invocation, display),
                        "ReleaseMutex" => Event(LockFamily.Mutex, instance, acquires: false, invocation, string.Empty),
                        _ => null,
                    };
                }

                return null;
            }

            private static LockEvent Event(LockFamily family, IOperation locked, bool acquires, IInvocationOperation invocation, string display) =>
                new(family, KeyOf(locked), acquires, invocation.Syntax, display);

            /// <summary>The lock's identity: the field, local, parameter or property it is read from, or else its text.</summary>
            private static object KeyOf(IOperation locked)
            {
                var value = locked.WithoutImplicitConversions();
                return value switch
                {
                    IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation => field.Field,
                    IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation => property.Property,
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => value.Syntax.ToString(),
                };
            }

            private static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? target)
            {
                if (target is null)
                {
                    return false;
                }

                for (var current = type; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, target))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
