using System.Globalization;

namespace PSEstimation
{
    /// <summary>One quantile of a fitted or given distribution (Get-Quantile), with its interval from the fit.</summary>
    public sealed class Quantile
    {
        internal Quantile(string distribution, double probability, double exceedanceProbability, double value, double? standardError, double? lower, double? upper, double? confidenceLevel, string? intervalMethod)
        {
            Distribution = distribution;
            Probability = probability;
            ExceedanceProbability = exceedanceProbability;
            Value = value;
            StandardError = standardError;
            Lower = lower;
            Upper = upper;
            ConfidenceLevel = confidenceLevel;
            IntervalMethod = intervalMethod;
        }

        /// <summary>The distribution's name.</summary>
        public string Distribution { get; }

        /// <summary>The property the fit was made from (-Property), or null.</summary>
        public string? Property { get; internal set; }

        /// <summary>The -GroupBy group of the fit, or null.</summary>
        public object? Group { get; internal set; }

        /// <summary>The lower-tail probability p: the quantile x has P(X &lt;= x) = p.</summary>
        public double Probability { get; }

        /// <summary>1 - Probability; exactly as given when the quantile was asked for by -ExceedanceProbability.</summary>
        public double ExceedanceProbability { get; }

        /// <summary>The quantile.</summary>
        public double Value { get; }

        /// <summary>The delta-method standard error of the quantile (null without a fit, and for discrete families: a step function has none).</summary>
        public double? StandardError { get; }

        /// <summary>The lower end of the interval at ConfidenceLevel (null without a fit).</summary>
        public double? Lower { get; }

        /// <summary>The upper end of the interval at ConfidenceLevel (null without a fit).</summary>
        public double? Upper { get; }

        /// <summary>The level of Lower and Upper (null without a fit).</summary>
        public double? ConfidenceLevel { get; }

        /// <summary>How Lower and Upper were found: Wald (delta method) for a maximum-likelihood fit, PosteriorWald for a MAP fit; null without a fit.</summary>
        public string? IntervalMethod { get; }

        /// <inheritdoc/>
        public override string ToString()
            => string.Format(CultureInfo.InvariantCulture, "{0} quantile at p = {1:G6}: {2:G10}{3}", Distribution, Probability, Value,
                Lower is double l && Upper is double u ? string.Format(CultureInfo.InvariantCulture, " ({0:G6} to {1:G6})", l, u) : string.Empty);
    }
}
