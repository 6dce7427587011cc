using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace YieldAwait.Analyzers.FixProperties
{
    /// <summary>What YA4002's analyzer tells its fix: the token to pass.</summary>
    public readonly struct YA4002FixProperties
    {
        internal const string TokenKey = "Token";

        public YA4002FixProperties(string token) => Token = token;

        /// <summary>The token as source text (<c>cancellationToken</c>, <c>timeout.Token</c>).</summary>
        public string Token { get; }

        public ImmutableDictionary<string, string?> Write() =>
            ImmutableDictionary<string, string?>.Empty.Add(TokenKey, Token);

        public static bool TryRead(Diagnostic diagnostic, out YA4002FixProperties properties)
        {
            properties = default;
            if (!diagnostic.Properties.TryGetValue(TokenKey, out var token) || string.IsNullOrEmpty(token))
            {
                return false;
            }

            properties = new YA4002FixProperties(token!);
            return true;
        }
    }
}
