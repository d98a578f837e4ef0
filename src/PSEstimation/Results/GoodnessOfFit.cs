using System.Globalization;

namespace PSEstimation
{
    /// <summary>One goodness-of-fit test of data against a distribution (Test-GoodnessOfFit).</summary>
    public sealed class GoodnessOfFit
    {
        internal GoodnessOfFit(string distribution, double sampleSize, GoodnessOfFitTest test, double statistic, double? pValue, int? degreesOfFreedom, bool parametersEstimated, int? simulations, string method)
        {
            Distribution = distribution;
            SampleSize = sampleSize;
            Test = test;
            Statistic = statistic;
            PValue = pValue;
            DegreesOfFreedom = degreesOfFreedom;
            ParametersEstimated = parametersEstimated;
            Simulations = simulations;
            Method = method;
        }

        /// <summary>The hypothesised distribution's name.</summary>
        public string Distribution { get; }

        /// <summary>The property the values were read from (-Property), or null.</summary>
        public string? Property { get; internal set; }

        /// <summary>The -GroupBy group, or null.</summary>
        public object? Group { get; internal set; }

        /// <summary>The number of observations (frequency weights expanded).</summary>
        public double SampleSize { get; }

        /// <summary>Which test.</summary>
        public GoodnessOfFitTest Test { get; }

        /// <summary>The test statistic (D, W², A² or Pearson's X²).</summary>
        public double Statistic { get; }

        /// <summary>The p-value, in [0, 1]; null when the test has no degrees of freedom left.</summary>
        public double? PValue { get; }

        /// <summary>Degrees of freedom of the chi-squared test (cells - 1 - estimated parameters); null for the EDF tests.</summary>
        public int? DegreesOfFreedom { get; }

        /// <summary>Whether parameters of the distribution were estimated from these data.</summary>
        public bool ParametersEstimated { get; }

        /// <summary>The bootstrap simulations the p-value rests on (those whose re-fit converged); null when no simulation was needed.</summary>
        public int? Simulations { get; }

        /// <summary>Simulations whose re-fit failed or did not converge (left out of Simulations); null without a bootstrap.</summary>
        public int? FailedSimulations { get; internal set; }

        /// <summary>The parameters the statistic was computed at (the fit, or -Parameter), by name.</summary>
        public System.Collections.Specialized.OrderedDictionary? Estimate { get; internal set; }

        /// <summary>How the p-value was obtained.</summary>
        public string Method { get; }

        /// <inheritdoc/>
        public override string ToString()
            => string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2:G6} (p = {3})", Distribution, Test, Statistic, PValue is double p ? p.ToString("G4", CultureInfo.InvariantCulture) : "n/a");
    }
}
