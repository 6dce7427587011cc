using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldAwait.Analyzers.Analysis
{
    /// <summary>
    /// Whether a synchronous method can run on a coroutine's thread: some call of it in the compilation sits in an async
    /// function, directly or through a short chain of synchronous callers. Blocking in a method that only synchronous code
    /// calls (a console tool's <c>Main</c> and the commands it runs) holds no coroutine's thread, so nothing waits behind it.
    /// Built lazily, once per compilation, and only asked for the rare method that blocks in a sync context.
    /// </summary>
    internal sealed class AsyncReachability
    {
        private const int MaxDepth = 4;

        private readonly ConcurrentDictionary<IMethodSymbol, bool> _reached = new(SymbolEqualityComparer.Default);
        private readonly IdentifierIndex _names;

        public AsyncReachability(Compilation compilation, CancellationToken cancellationToken)
        {
            _names = new IdentifierIndex(compilation, cancellationToken);
        }

        /// <summary>
        /// True when an async function calls the method (up to four sync callers away), or when nothing in the compilation
        /// calls it by name (a public API, an interface implementation, a delegate target: its callers are out of sight).
        /// False for entry points and for methods whose every call is in synchronous code.
        /// </summary>
        public bool MayRunOnAsyncCaller(IMethodSymbol method, CancellationToken cancellationToken) =>
            _reached.GetOrAdd(method.OriginalDefinition, m => Reached(m, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), 0, cancellationToken));

        private bool Reached(IMethodSymbol method, HashSet<IMethodSymbol> visiting, int depth, CancellationToken cancellationToken)
        {
            if (method.IsAsync)
            {
                return true;
            }

            if (IsEntryPoint(method) || !visiting.Add(method))
            {
                return false;
            }

            if (depth >= MaxDepth)
            {
                return true;
            }

            var callers = Callers(method, cancellationToken);
            if (callers is null)
            {
                return true;
            }

            foreach (var caller in callers)
            {
                if (caller is null || caller.IsAsync || Reached(caller.OriginalDefinition, visiting, depth + 1, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsEntryPoint(IMethodSymbol method) =>
            method.IsStatic && method.Name == "Main" && method.MethodKind == MethodKind.Ordinary;

        /// <summary>
        /// The functions that call the method by name: the enclosing lambda, local function or member of each call (null for a
        /// call in an async lambda or a field initializer). A method group stored in a local table the function keeps to itself
        /// (a console tool's command map) counts as a call by that function. Null when no call is found, or when the method is
        /// used other than by a call (a method group handed to someone).
        /// </summary>
        private List<IMethodSymbol?>? Callers(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var callers = new List<IMethodSymbol?>();
            foreach (var bound in _names.BoundSpellings(method.Name))
            {
                if (bound.Node is not IdentifierNameSyntax name || !SyntacticGates.MayNameMethod(name)
                    || bound.Info.Symbol is not IMethodSymbol target
                    || !SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method))
                {
                    continue;
                }

                var reference = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : (ExpressionSyntax)name;
                if (reference.Parent is not InvocationExpressionSyntax && !MethodGroups.StaysInItsFunction(reference, bound.Model, cancellationToken))
                {
                    return null;
                }

                callers.Add(EnclosingFunction(name, bound.Model, cancellationToken));
            }

            return callers.Count == 0 ? null : callers;
        }

        private static IMethodSymbol? EnclosingFunction(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case AnonymousFunctionExpressionSyntax lambda:
                        return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword)
                            ? null
                            : model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol;
                    case LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                        return model.GetDeclaredSymbol(current, cancellationToken) as IMethodSymbol;
                }
            }

            return null;
        }
    }
}
