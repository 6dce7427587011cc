namespace YieldAwait.Analyzers.Benchmarks
{
    internal static class ExitCodes
    {
        public const int Success = 0;

        /// <summary>With <c>--enforce</c>: the total or a rule is over its target.</summary>
        public const int OverTarget = 1;

        public const int Usage = 2;

        /// <summary>The corpus does not compile, an analyzer crashed, or the analyzers reported nothing: no figure can be trusted.</summary>
        public const int Broken = 3;
    }
}
