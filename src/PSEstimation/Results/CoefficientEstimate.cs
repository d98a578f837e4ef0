using System.Globalization;

namespace PSEstimation
{
    /// <summary>One coefficient of a regression model: its value, standard error, Wald test and interval.</summary>
    public sealed class CoefficientEstimate
    {
        internal CoefficientEstimate(string name, double value, double? standardError, double? lower, double? upper, string? note)
        {
            Name = name;
            Value = value;
            StandardError = standardError;
            if (standardError is double se && se > 0)
            {
                ZValue = value / se;
                PValue = 2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -System.Math.Abs(value / se));
            }

            Lower = lower;
            Upper = upper;
            Note = note;
        }

        /// <summary>Intercept, a numeric predictor's name, or &lt;Predictor&gt;&lt;Level&gt; for a level of a categorical one.</summary>
        public string Name { get; }

        /// <summary>The estimate (the posterior mode for Get-MAPEstimate).</summary>
        public double Value { get; }

        /// <summary>
        /// From the observed information (Laplace: the expected information; MAP: the curvature of
        /// the log-posterior); null for a lasso coefficient at exactly 0, where no curvature applies.
        /// </summary>
        public double? StandardError { get; }

        /// <summary>Value / StandardError.</summary>
        public double? ZValue { get; }

        /// <summary>Two-sided p-value of ZValue against the standard normal: 2 Φ(-|Z|).</summary>
        public double? PValue { get; }

        /// <summary>Lower end of the interval at the result's ConfidenceLevel, formed as the result's IntervalMethod says (Wald by default).</summary>
        public double? Lower { get; }

        /// <summary>Upper end of the interval at the result's ConfidenceLevel, formed as the result's IntervalMethod says (Wald by default).</summary>
        public double? Upper { get; }

        /// <summary>
        /// With -IntervalMethod Profile, why a side of the interval is infinite (the likelihood never
        /// dropped far enough) or missing (a re-fit failed); null otherwise.
        /// </summary>
        public string? IntervalNote { get; internal set; }

        /// <summary>Why a number is missing (a lasso coefficient at exactly 0), or null.</summary>
        public string? Note { get; }

        /// <summary>"AirFlow = 0.8318840580 (SE 0.08332)".</summary>
        public override string ToString()
        {
            string value = Value.ToString("G10", CultureInfo.InvariantCulture);
            return StandardError is double se
                ? $"{Name} = {value} (SE {se.ToString("G4", CultureInfo.InvariantCulture)})"
                : $"{Name} = {value}";
        }
    }
}
