using System.Globalization;

namespace PSEstimation
{
    /// <summary>One estimated parameter: its value, standard error and interval.</summary>
    public sealed class ParameterEstimate
    {
        internal ParameterEstimate(string name, double value, double? standardError, double? lower, double? upper, bool isFixed)
        {
            Name = name;
            Value = value;
            StandardError = standardError;
            Lower = lower;
            Upper = upper;
            Fixed = isFixed;
        }

        /// <summary>The parameter's name in the contract (Mean, Variance, Rate ...).</summary>
        public string Name { get; }

        /// <summary>The estimate.</summary>
        public double Value { get; }

        /// <summary>
        /// Standard error from the observed information (0 for a fixed parameter; null where the
        /// model is non-regular and none exists, e.g. Uniform's bounds).
        /// </summary>
        public double? StandardError { get; }

        /// <summary>Lower end of the interval at the result's ConfidenceLevel (null where no interval exists).</summary>
        public double? Lower { get; }

        /// <summary>Upper end of the interval at the result's ConfidenceLevel (null where no interval exists).</summary>
        public double? Upper { get; }

        /// <summary>Whether the parameter was held fixed (-Fixed) rather than estimated.</summary>
        public bool Fixed { get; }

        /// <summary>
        /// Why a side of a profile interval is the edge of the parameter space (the likelihood never
        /// dropped far enough) or missing (a re-fit failed); null otherwise.
        /// </summary>
        public string? IntervalNote { get; internal set; }

        /// <summary>"Mean = 2.88 (SE 0.2373)".</summary>
        public override string ToString()
        {
            string value = Value.ToString("G10", CultureInfo.InvariantCulture);
            if (Fixed)
            {
                return $"{Name} = {value} (fixed)";
            }

            return StandardError is double se
                ? $"{Name} = {value} (SE {se.ToString("G4", CultureInfo.InvariantCulture)})"
                : $"{Name} = {value}";
        }
    }
}
