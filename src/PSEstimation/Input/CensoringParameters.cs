namespace PSEstimation.Input
{
    /// <summary>
    /// The censoring parameters a command was given: the limits (-CensoredAbove, -CensoredBelow) or
    /// the interval form (-LowerProperty with -UpperProperty). Every command that takes them checks
    /// them against each other here, so they are refused with the same words everywhere; the checks
    /// that depend on the family stay with the command that knows it.
    /// </summary>
    internal readonly struct CensoringParameters
    {
        private readonly double? above;
        private readonly double? below;
        private readonly string? lowerProperty;
        private readonly string? upperProperty;

        public CensoringParameters(double? above, double? below, string? lowerProperty, string? upperProperty)
        {
            this.above = above;
            this.below = below;
            this.lowerProperty = lowerProperty;
            this.upperProperty = upperProperty;
        }

        /// <summary>Whether any censoring parameter was given.</summary>
        public bool Any => IsIntervalForm || above is not null || below is not null;

        /// <summary>Whether the observations come as bounds (-LowerProperty/-UpperProperty).</summary>
        public bool IsIntervalForm => lowerProperty is not null || upperProperty is not null;

        /// <summary>
        /// Why the parameters cannot be used together (and with -Property when <paramref name="withProperty"/>), or null when they can.
        /// </summary>
        public string? Conflict(bool withProperty)
        {
            if (!IsIntervalForm)
            {
                return null;
            }

            if (lowerProperty is null || upperProperty is null)
            {
                return "-LowerProperty and -UpperProperty go together: give both (an empty bound in the data marks a left- or right-censored observation).";
            }

            if (above is not null || below is not null)
            {
                return "Give censoring either as limits (-CensoredAbove, -CensoredBelow) or as bounds (-LowerProperty/-UpperProperty), not both.";
            }

            if (withProperty)
            {
                return "-LowerProperty/-UpperProperty name the properties to read; drop -Property (with -CensoredAbove or -CensoredBelow, -Property works as usual).";
            }

            return null;
        }
    }
}
