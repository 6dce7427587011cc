namespace YieldAwait.Analyzers.Finiteness
{
    /// <summary>What the analysis knows about whether a sequence ends.</summary>
    internal enum FinitenessKind
    {
        /// <summary>It may end (or nothing is known): no rule reports on it.</summary>
        Unknown,

        /// <summary>It never ends: enumerating it to the end never returns.</summary>
        Infinite,

        /// <summary>
        /// Inside a method summary only: the result is infinite exactly when the argument for one parameter is,
        /// as in <c>Evens(this IEnumerable&lt;int&gt; source) =&gt; source.Where(...)</c>.
        /// </summary>
        FollowsParameter,
    }

    /// <summary>The verdict on one sequence, with the producer a message can name.</summary>
    internal readonly struct Finiteness
    {
        private Finiteness(FinitenessKind kind, string origin, int parameterOrdinal)
        {
            Kind = kind;
            Origin = origin;
            ParameterOrdinal = parameterOrdinal;
        }

        public static Finiteness Unknown => default;

        public FinitenessKind Kind { get; }

        /// <summary>The name of the method or member that produces the infinite sequence, e.g. <c>Naturals</c>.</summary>
        public string Origin { get; }

        public int ParameterOrdinal { get; }

        public bool IsInfinite => Kind == FinitenessKind.Infinite;

        public static Finiteness Infinite(string origin) => new(FinitenessKind.Infinite, origin, -1);

        public static Finiteness Parameter(int ordinal) => new(FinitenessKind.FollowsParameter, "", ordinal);

        /// <summary>Either part infinite makes the whole infinite (<c>Concat</c>, <c>Union</c>, two branches of a loop).</summary>
        public static Finiteness Any(Finiteness first, Finiteness second)
        {
            if (first.IsInfinite)
            {
                return first;
            }

            if (second.IsInfinite)
            {
                return second;
            }

            return first.Kind == FinitenessKind.FollowsParameter ? first : second;
        }

        /// <summary>Every part must be infinite (<c>Zip</c>, both branches of <c>?:</c>, every <c>return</c>).</summary>
        public static Finiteness All(Finiteness first, Finiteness second)
        {
            if (first.Kind == FinitenessKind.Unknown || second.Kind == FinitenessKind.Unknown)
            {
                return Unknown;
            }

            if (first.IsInfinite)
            {
                return second;
            }

            if (second.IsInfinite)
            {
                return first;
            }

            return first.ParameterOrdinal == second.ParameterOrdinal ? first : Unknown;
        }
    }
}
