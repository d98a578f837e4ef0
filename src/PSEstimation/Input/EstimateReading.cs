using System.Collections;

namespace PSEstimation.Input
{
    /// <summary>
    /// What a cmdlet that takes a fit (-Estimate) needs from it, whatever form the fit came in:
    /// the distribution, the parameter values, the property it was fitted to, and, when the fit
    /// carries them, the covariance and which parameters were held fixed.
    /// </summary>
    internal sealed class EstimateReading
    {
        internal EstimateReading(DistributionName distribution, IDictionary values, string? property, string[] parameterNames, bool[]? isFixed, double[,]? covariance)
        {
            Distribution = distribution;
            Values = values;
            Property = property;
            ParameterNames = parameterNames;
            Fixed = isFixed;
            Covariance = covariance;
        }

        /// <summary>The fitted family.</summary>
        public DistributionName Distribution { get; }

        /// <summary>
        /// Name → value (case-insensitive) as the fit's Estimate table holds them: every parameter,
        /// then constants such as Binomial's Trials; for Categorical, category → probability.
        /// Read by ParameterTable as a -Parameter table would be.
        /// </summary>
        public IDictionary Values { get; }

        /// <summary>The property the fit was made from (-Property), or null.</summary>
        public string? Property { get; }

        /// <summary>The names of the fit's Parameters in their order (the order of Covariance); empty when the fit has no Parameters list.</summary>
        public string[] ParameterNames { get; }

        /// <summary>Whether each of ParameterNames was held fixed; null when the fit does not say.</summary>
        public bool[]? Fixed { get; }

        /// <summary>
        /// The covariance of the estimate in the order of ParameterNames (ParameterNames.Length square),
        /// rebuilt from the flat list that CliXml and JSON make of a matrix; null when the fit has
        /// none or it is not a matrix of that size.
        /// </summary>
        public double[,]? Covariance { get; }
    }
}
