using System.Globalization;

namespace PSEstimation
{
    /// <summary>Density, cumulative and survival probabilities at one value (Get-Probability), with the survival's interval from the fit.</summary>
    public sealed class Probability
    {
        internal Probability(string distribution, object value, double density, double logDensity, double? cumulative, double? survival, double? logSurvival, double? survivalLower, double? survivalUpper, double? confidenceLevel, string? intervalMethod)
        {
            Distribution = distribution;
            Value = value;
            Density = density;
            LogDensity = logDensity;
            Cumulative = cumulative;
            Survival = survival;
            LogSurvival = logSurvival;
            SurvivalLower = survivalLower;
            SurvivalUpper = survivalUpper;
            ConfidenceLevel = confidenceLevel;
            IntervalMethod = intervalMethod;
        }

        /// <summary>The distribution's name.</summary>
        public string Distribution { get; }

        /// <summary>The property the fit was made from (-Property), or null.</summary>
        public string? Property { get; internal set; }

        /// <summary>The -GroupBy group of the fit, or null.</summary>
        public object? Group { get; internal set; }

        /// <summary>The point: a number, or a category for Categorical.</summary>
        public object Value { get; }

        /// <summary>The density at Value (the probability mass for discrete families and Categorical).</summary>
        public double Density { get; }

        /// <summary>log Density, finite where Density underflows; -Infinity outside the support.</summary>
        public double LogDensity { get; }

        /// <summary>P(X &lt;= Value) (null for Categorical, which has no order).</summary>
        public double? Cumulative { get; }

        /// <summary>P(X &gt; Value), computed directly, never as 1 - Cumulative (null for Categorical).</summary>
        public double? Survival { get; }

        /// <summary>log Survival, finite far beyond where Survival underflows (null for Categorical).</summary>
        public double? LogSurvival { get; }

        /// <summary>The lower end of Survival's interval from the fit (logit scale); null without a fit.</summary>
        public double? SurvivalLower { get; }

        /// <summary>The upper end of Survival's interval from the fit (logit scale); null without a fit.</summary>
        public double? SurvivalUpper { get; }

        /// <summary>The level of SurvivalLower and SurvivalUpper (null without a fit).</summary>
        public double? ConfidenceLevel { get; }

        /// <summary>How the interval was found: Wald (delta method) for a maximum-likelihood fit, PosteriorWald for a MAP fit; null without a fit.</summary>
        public string? IntervalMethod { get; }

        /// <inheritdoc/>
        public override string ToString()
            => string.Format(CultureInfo.InvariantCulture, "{0} at {1}: density {2:G6}, P(X <= x) = {3:G6}, P(X > x) = {4:G6}", Distribution, Value, Density, Cumulative, Survival);
    }
}
