using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using YieldAwait.CodeFixes.Conversion.Engine;

namespace YieldAwait.CodeFixes.Conversion.Policies
{
    /// <summary>
    /// Whether a method may gain an optional parameter (YA4001's token). Every call keeps compiling, except: overrides of a
    /// virtual method (they must match), a method group or delegate use, a call that passes <c>params</c> arguments (they
    /// would land on the new parameter), a <c>cref</c> that spells the parameter list, and <c>GetAsyncEnumerator</c>, which
    /// <c>await foreach</c> finds by name.
    /// </summary>
    internal sealed class OptionalParameterPolicy : ChangePolicy<NoRewrite>
    {
        private readonly Solution _solution;

        private OptionalParameterPolicy(Solution solution) => _solution = solution;

        public static async Task<bool> SignatureMayGrowAsync(Document document, SyntaxNode declaration, CancellationToken cancellationToken) =>
            (await SolutionChangeEngine.PlanAsync(document.Project.Solution, document, declaration, new OptionalParameterPolicy(document.Project.Solution), cancellationToken).ConfigureAwait(false)).Succeeded;

        public override async Task<bool> AcceptAsync(IReadOnlyList<FamilyMember> family, CancellationToken cancellationToken)
        {
            var function = family[0].Symbol;
            // Named like a member of an interface its type implements, it is (or, while that member is half-typed, is meant to be)
            // its implementation, which a longer signature would stop it being.
            return function.Name != "GetAsyncEnumerator"
                && function.PartialDefinitionPart is null && function.PartialImplementationPart is null
                && function.ContainingType?.AllInterfaces.Any(i => !i.GetMembers(function.Name).IsEmpty) != true
                && !await MemberFamily.IsOverriddenAsync(_solution, function, cancellationToken).ConfigureAwait(false);
        }

        public override async Task<ReferenceVerdict<NoRewrite>> SortAsync(MemberReference reference, FamilyMember target, CancellationToken cancellationToken)
        {
            if (reference.IsImplicit)
            {
                return ReferenceVerdict<NoRewrite>.Blocks;
            }

            if (reference.IsNameOnly)
            {
                return reference.Node.FirstAncestorOrSelf<CrefSyntax>()?.DescendantNodesAndSelf().OfType<CrefParameterListSyntax>().Any() == true
                    ? ReferenceVerdict<NoRewrite>.Blocks
                    : ReferenceVerdict<NoRewrite>.Follows();
            }

            return reference.Invocation is { } call
                && (!target.Symbol.Parameters.Any(p => p.IsParams) || await PassesNoParamsArgumentsAsync(reference, call, cancellationToken).ConfigureAwait(false))
                ? ReferenceVerdict<NoRewrite>.Follows()
                : ReferenceVerdict<NoRewrite>.Blocks;
        }

        private static async Task<bool> PassesNoParamsArgumentsAsync(MemberReference reference, InvocationExpressionSyntax call, CancellationToken cancellationToken)
        {
            var model = await reference.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model?.GetOperation(call, cancellationToken) is not IInvocationOperation invocation)
            {
                return false;
            }

            var paramsArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.IsParams == true);
            return paramsArgument is null
                || (paramsArgument.ArgumentKind == ArgumentKind.ParamArray
                    && paramsArgument.Value is IArrayCreationOperation { Initializer.ElementValues.Length: 0 });
        }
    }
}
