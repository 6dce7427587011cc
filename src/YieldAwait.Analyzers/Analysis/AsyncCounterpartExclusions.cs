using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.Analyzers.Options;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Sync methods whose async twin is not a real replacement: the package's own short list, and the
    /// documentation IDs a project names in <c>yieldawait.blocking_call_exclusions</c>.
    /// </summary>
    internal sealed class AsyncCounterpartExclusions
    {
        /// <summary>
        /// The built-in list, one place: (type metadata name, or null for any type; member name, or null for every member;
        /// whether the type's async methods complete synchronously, so that awaiting them never waits). Each entry says why
        /// the twin does not replace the sync call.
        /// </summary>
        private static readonly (string? Type, string? Member, bool Synchronous)[] BuiltIn =
        {
            // DisposeAsync belongs with 'await using'; an explicit Dispose is cleanup that the conversion should not reorder.
            (null, "Dispose", false),
            // A ToStringAsync, where one exists, is a different operation, not the formatting ToString does.
            (null, "ToString", false),
            // EF Core: AddAsync/AddRangeAsync exist only for value generators that need the database (HiLo); the docs say use Add.
            ("Microsoft.EntityFrameworkCore.DbSet`1", "Add", false),
            ("Microsoft.EntityFrameworkCore.DbSet`1", "AddRange", false),
            ("Microsoft.EntityFrameworkCore.DbContext", "Add", false),
            ("Microsoft.EntityFrameworkCore.DbContext", "AddRange", false),
            // Cancel runs the registered callbacks inline; CancelAsync only moves them off the thread. No I/O is waited on.
            ("System.Threading.CancellationTokenSource", "Cancel", false),
            // The row is already buffered after Read/ReadAsync unless CommandBehavior.SequentialAccess; the async column getters only add overhead.
            ("System.Data.Common.DbDataReader", "GetFieldValue", false),
            ("System.Data.Common.DbDataReader", "IsDBNull", false),
            // The async methods throw InvalidOperationException unless the reader/writer was created with Settings.Async = true.
            ("System.Xml.XmlReader", null, false),
            ("System.Xml.XmlWriter", null, false),
            // In memory: the async methods complete synchronously and only add a state machine.
            ("System.IO.MemoryStream", null, true),
            ("System.IO.StringReader", null, true),
            ("System.IO.StringWriter", null, true),
            // Microsoft.Data.Sqlite: SQLite has no asynchronous I/O, and the provider documents that its async methods run
            // synchronously; the twins would add a state machine and block just the same.
            ("Microsoft.Data.Sqlite.SqliteConnection", null, true),
            ("Microsoft.Data.Sqlite.SqliteCommand", null, true),
            ("Microsoft.Data.Sqlite.SqliteDataReader", null, true),
            ("Microsoft.Data.Sqlite.SqliteTransaction", null, true),
        };

        private readonly ImmutableArray<(INamedTypeSymbol? Type, string? Member)> _builtIn;
        private readonly ImmutableArray<INamedTypeSymbol> _synchronous;
        private readonly INamedTypeSymbol? _console;
        private readonly ConcurrentDictionary<string, ImmutableHashSet<string>> _parsedOptions = new(StringComparer.Ordinal);

        public AsyncCounterpartExclusions(Compilation compilation)
        {
            var builtIn = ImmutableArray.CreateBuilder<(INamedTypeSymbol?, string?)>();
            var synchronous = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var (typeName, member, runsSynchronously) in BuiltIn)
            {
                if (typeName is null)
                {
                    builtIn.Add((null, member));
                }
                else if (compilation.GetBestTypeByMetadataName(typeName) is { } type)
                {
                    builtIn.Add((type, member));
                    if (runsSynchronously)
                    {
                        synchronous.Add(type);
                    }
                }
            }

            _builtIn = builtIn.ToImmutable();
            _synchronous = synchronous.ToImmutable();
            _console = compilation.GetBestTypeByMetadataName("System.Console");
        }

        /// <summary>The documentation IDs a tree's options name; empty when the option is not set.</summary>
        public ImmutableHashSet<string> UserExclusions(AnalyzerConfigOptions? options) =>
            RuleOptions.BlockingCallExclusions.ValueOrDefault(options) is { Length: > 0 } raw
                ? _parsedOptions.GetOrAdd(raw, Parse)
                : ImmutableHashSet<string>.Empty;

        public bool IsExcluded(IInvocationOperation invocation, ImmutableHashSet<string> userExclusions)
        {
            var method = invocation.TargetMethod;
            var receiver = JudgedReceiver(invocation);

            if (IsConsoleStream(receiver))
            {
                // Console.Out/Error/In: the console's writers run their async methods synchronously.
                return true;
            }

            foreach (var (type, member) in _builtIn)
            {
                if ((member is null || member == method.Name)
                    && (type is null || DerivesFrom(method.ContainingType, type) || DerivesFrom(receiver?.Type, type)))
                {
                    return true;
                }
            }

            return !userExclusions.IsEmpty && IsExcludedByUser(method, receiver?.Type, userExclusions);
        }

        /// <summary>
        /// An async call that completes before it returns: a method of a type that works in memory (<c>StringReader.ReadLineAsync</c>,
        /// <c>MemoryStream.WriteAsync</c>, also through a local that only ever holds one) or of the console's streams, or of a
        /// provider whose async methods run synchronously (Microsoft.Data.Sqlite). Awaiting it never gives the thread back.
        /// </summary>
        public bool CompletesSynchronously(IInvocationOperation invocation)
        {
            var receiver = JudgedReceiver(invocation);
            if (IsConsoleStream(receiver))
            {
                return true;
            }

            foreach (var type in _synchronous)
            {
                if (DerivesFrom(receiver?.Type, type) || (receiver is null && DerivesFrom(invocation.TargetMethod.ContainingType, type)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsExcludedByUser(IMethodSymbol method, ITypeSymbol? receiverType, ImmutableHashSet<string> ids)
        {
            for (var current = method.OriginalDefinition; current is not null; current = current.OverriddenMethod?.OriginalDefinition)
            {
                if (Names(DocumentationCommentId.CreateDeclarationId(current), ids))
                {
                    return true;
                }
            }

            return ExcludesType(method.ContainingType, ids) || ExcludesType(receiverType, ids);
        }

        private static bool ExcludesType(ITypeSymbol? type, ImmutableHashSet<string> ids)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Names(DocumentationCommentId.CreateDeclarationId(current.OriginalDefinition), ids))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Roslyn appends <c>~ReturnType</c> to method IDs; the IDs users copy from XML docs have it only on conversion operators.</summary>
        private static bool Names(string? id, ImmutableHashSet<string> ids) =>
            id is not null && (ids.Contains(id) || (id.IndexOf('~') is var tilde and > 0 && ids.Contains(id.Substring(0, tilde))));

        /// <summary>
        /// The receiver a call is judged by: what a local always holds (<c>TextReader reader = new StringReader(text)</c>,
        /// <c>var input = Console.In</c>), else the receiver itself.
        /// </summary>
        private static IOperation? JudgedReceiver(IInvocationOperation invocation)
        {
            var receiver = Receiver(invocation);
            return receiver is ILocalReferenceOperation { Local: var local } && OnlyValue(local, invocation.SemanticModel) is { } origin
                ? origin
                : receiver;
        }

        private static IOperation? Receiver(IInvocationOperation invocation) =>
            invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0
                ? BlockingFormRecognizer.Unwrap(invocation.Arguments[0].Value)
                : null);

        /// <summary>The initializer of a local that nothing assigns again, or null.</summary>
        private static IOperation? OnlyValue(ILocalSymbol local, SemanticModel? semanticModel)
        {
            if (semanticModel is null || local.IsRef || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
                || declarator.SyntaxTree != semanticModel.SyntaxTree
                || declarator.FirstAncestorOrSelf<BlockSyntax>() is not { } scope)
            {
                return null;
            }

            foreach (var node in scope.DescendantNodes())
            {
                var written = node switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left,
                    ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
                    _ => null,
                };
                if (written is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name)
                {
                    return null;
                }
            }

            return semanticModel.GetOperation(value) is { } operation ? BlockingFormRecognizer.Unwrap(operation) : null;
        }

        private bool IsConsoleStream(IOperation? receiver) =>
            receiver is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Out" or "Error" or "In" } property }
            && SymbolEqualityComparer.Default.Equals(property.ContainingType, _console);

        private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private static ImmutableHashSet<string> Parse(string raw)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in raw.Split(','))
            {
                var id = part.Trim();
                if (id.Length > 0)
                {
                    ids.Add(id);
                }
            }

            return ids.ToImmutableHashSet(StringComparer.Ordinal);
        }
    }
}
