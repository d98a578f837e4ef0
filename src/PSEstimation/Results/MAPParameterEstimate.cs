using System.Globalization;

namespace PSEstimation
{
    /// <summary>One parameter of a MAP fit: its posterior mode, mean, standard deviation and credible interval, beside its MLE.</summary>
    public sealed class MAPParameterEstimate
    {
        internal MAPParameterEstimate(
            string name,
            double value,
            double? posteriorMean,
            double? posteriorStandardDeviation,
            double? lower,
            double? upper,
            double? maximumLikelihood,
            bool isFixed)
        {
            Name = name;
            Value = value;
            PosteriorMean = posteriorMean;
            PosteriorStandardDeviation = posteriorStandardDeviation;
            Lower = lower;
            Upper = upper;
            MaximumLikelihood = maximumLikelihood;
            Fixed = isFixed;
        }

        /// <summary>The parameter's name in the contract (Mean, Variance, P ...), or the category for Categorical.</summary>
        public string Name { get; }

        /// <summary>The posterior mode (the MAP estimate); for NormalInverseGamma, the joint mode.</summary>
        public double Value { get; }

        /// <summary>
        /// The posterior mean (+Infinity where it diverges). From a numerical fit, the mean of the
        /// Laplace approximation, which is the mode. Null for a parameter held at its MLE.
        /// </summary>
        public double? PosteriorMean { get; }

        /// <summary>The posterior standard deviation (+Infinity where it diverges; 0 for a fixed parameter; null where none exists).</summary>
        public double? PosteriorStandardDeviation { get; }

        /// <summary>Lower end of the equal-tailed credible interval at the result's ConfidenceLevel.</summary>
        public double? Lower { get; }

        /// <summary>Upper end of the equal-tailed credible interval at the result's ConfidenceLevel.</summary>
        public double? Upper { get; }

        /// <summary>The maximum-likelihood estimate of the same parameter from the same data (null when no MLE exists).</summary>
        public double? MaximumLikelihood { get; }

        /// <summary>Whether the parameter was held fixed (-Fixed) rather than estimated.</summary>
        public bool Fixed { get; }

        /// <summary>"Mean = 2.5 (MLE 2.7)".</summary>
        public override string ToString()
        {
            string value = Value.ToString("G10", CultureInfo.InvariantCulture);
            if (Fixed)
            {
                return $"{Name} = {value} (fixed)";
            }

            return MaximumLikelihood is double mle
                ? $"{Name} = {value} (MLE {mle.ToString("G10", CultureInfo.InvariantCulture)})"
                : $"{Name} = {value} (no MLE)";
        }
    }
}
