using PSEstimation.Estimation;

namespace PSEstimation.Input
{
    /// <summary>
    /// Where a regression's response comes from: one property holding an exact value, which
    /// -CensoredAbove/-CensoredBelow may censor (<see cref="Censoring"/> with limits), or the
    /// interval form, two properties holding its bounds (an empty bound open, equal bounds exact).
    /// </summary>
    internal sealed class RegressionResponse
    {
        private RegressionResponse(string name, string? property, string? lowerProperty, string? upperProperty, CensoringRule? censoring)
        {
            Name = name;
            Property = property;
            LowerProperty = lowerProperty;
            UpperProperty = upperProperty;
            Censoring = censoring;
        }

        /// <summary>How the estimate names the response: the property, or "[lower, upper]".</summary>
        public string Name { get; }

        /// <summary>-Response, or null in the interval form.</summary>
        public string? Property { get; }

        /// <summary>-LowerProperty in the interval form, else null.</summary>
        public string? LowerProperty { get; }

        /// <summary>-UpperProperty in the interval form, else null.</summary>
        public string? UpperProperty { get; }

        /// <summary>The censoring limits and the support checks of bounds; null for an uncensored exact response.</summary>
        public CensoringRule? Censoring { get; }

        /// <summary>Whether the response is read as bounds.</summary>
        public bool IsInterval => LowerProperty is not null;

        public static RegressionResponse Exact(string property, CensoringRule? censoring) => new RegressionResponse(property, property, null, null, censoring);

        public static RegressionResponse Interval(string lowerProperty, string upperProperty, CensoringRule censoring)
            => new RegressionResponse($"[{lowerProperty}, {upperProperty}]", null, lowerProperty, upperProperty, censoring);
    }
}
