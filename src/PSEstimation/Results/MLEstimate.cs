using System.Collections.Specialized;
using System.Globalization;
using System.Linq;

namespace PSEstimation
{
    /// <summary>A maximum-likelihood fit, as Get-MLEstimate returns it.</summary>
    public sealed class MLEstimate
    {
        internal MLEstimate(
            string distribution,
            double sampleSize,
            ParameterEstimate[] parameters,
            OrderedDictionary estimate,
            double logLikelihood,
            int freeParameterCount,
            double[] score,
            double[,] fisherInformation,
            double[,] covariance,
            double confidenceLevel,
            string method,
            int iterations,
            bool converged)
        {
            Distribution = distribution;
            SampleSize = sampleSize;
            Parameters = parameters;
            Estimate = estimate;
            LogLikelihood = logLikelihood;
            NegativeLogLikelihood = -logLikelihood;
            AIC = 2 * freeParameterCount - 2 * logLikelihood;
            BIC = freeParameterCount * System.Math.Log(sampleSize) - 2 * logLikelihood;
            Score = score;
            FisherInformation = fisherInformation;
            Covariance = covariance;
            ConfidenceLevel = confidenceLevel;
            Method = method;
            Iterations = iterations;
            Converged = converged;
        }

        /// <summary>The fitted family's name (Normal, Gamma ...).</summary>
        public string Distribution { get; }

        /// <summary>With -Property, the property the values were read from; otherwise null.</summary>
        public string? Property { get; internal set; }

        /// <summary>With -GroupBy, the value of the grouping property this result covers ($null for objects without it); otherwise null.</summary>
        public object? Group { get; internal set; }

        /// <summary>The number of observations used (the sum of the weights with -Weight).</summary>
        public double SampleSize { get; }

        /// <summary>How many input values were skipped because they could not be used (each reported as an error).</summary>
        public long SkippedCount { get; internal set; }

        /// <summary>Every parameter in the contract's order, with standard error and interval.</summary>
        public ParameterEstimate[] Parameters { get; }

        /// <summary>Parameter name → value (case-insensitive), including constants such as Binomial's Trials;
        /// accepted as it is by -Parameter of Measure-NegativeLogLikelihood.</summary>
        public OrderedDictionary Estimate { get; }

        /// <summary>The log-likelihood at the estimate.</summary>
        public double LogLikelihood { get; }

        /// <summary>The negative log-likelihood at the estimate.</summary>
        public double NegativeLogLikelihood { get; }

        /// <summary>Akaike's information criterion, 2k - 2 log L, k counting the estimated parameters only.</summary>
        public double AIC { get; }

        /// <summary>Bayesian information criterion, k log n - 2 log L.</summary>
        public double BIC { get; }

        /// <summary>The gradient of the log-likelihood at the estimate, in parameter order (≈ 0 for free parameters at an interior optimum).</summary>
        public double[] Score { get; }

        /// <summary>The expected Fisher information of the whole sample at the estimate, in parameter order.</summary>
        public double[,] FisherInformation { get; }

        /// <summary>The estimate's covariance: the inverse observed information over the estimated parameters (0 for fixed ones).</summary>
        public double[,] Covariance { get; }

        /// <summary>The level of the intervals in Parameters.</summary>
        public double ConfidenceLevel { get; }

        /// <summary>How Lower and Upper in Parameters were formed: Wald (the default), Profile or Bootstrap (-IntervalMethod).</summary>
        public string IntervalMethod { get; internal set; } = nameof(PSEstimation.IntervalMethod.Wald);

        /// <summary>With -IntervalMethod Profile, why a side of some parameter's interval is the edge of the space or missing (each parameter's IntervalNote, joined); otherwise null.</summary>
        public string? IntervalNote { get; internal set; }

        /// <summary>With -IntervalMethod Bootstrap, the number of simulated samples; otherwise null.</summary>
        public int? Simulations { get; internal set; }

        /// <summary>With -IntervalMethod Bootstrap, how many simulated samples could not be fitted or did not converge (left out of the percentiles); otherwise null.</summary>
        public int? BootstrapFailures { get; internal set; }

        /// <summary>The data and model the fit was made from, for profile and bootstrap intervals of derived quantities (live results only; not serialized).</summary>
        internal Estimation.FitProblem? Problem { get; set; }

        /// <summary>How the estimate was found ("Closed form", "Newton-Raphson on log scale" ...), and any caveat.</summary>
        public string Method { get; }

        /// <summary>Optimiser iterations (0 for a closed form).</summary>
        public int Iterations { get; }

        /// <summary>Whether the optimiser met its convergence test (always true for a closed form).</summary>
        public bool Converged { get; }

        /// <summary>
        /// How many observations were censored (not exact values: right-, left- or interval-censored;
        /// the sum of their weights with -Weight); 0 without -CensoredAbove, -CensoredBelow or -LowerProperty/-UpperProperty.
        /// </summary>
        public double CensoredCount { get; internal set; }

        /// <summary>
        /// The fit as one row of plain values, for Export-Csv: the scalar properties, and each
        /// parameter as columns (Mean, MeanStandardError, MeanLower, MeanUpper, MeanFixed ...).
        /// $fits | ForEach-Object { $_.ToFlatObject() } | Export-Csv fits.csv
        /// </summary>
        public System.Management.Automation.PSObject ToFlatObject() => FlatView.Of(this);

        /// <summary>"Normal: Mean = 2.88 (SE 0.2373), Variance = 0.2816 (SE 0.1781); n = 5; LogLikelihood = -3.926523529".</summary>
        public override string ToString()
        {
            string parameters = string.Join(", ", Parameters.Select(p => p.ToString()));
            return string.Format(
                CultureInfo.InvariantCulture,
                "{0}: {1}; n = {2}; LogLikelihood = {3:G10}{4}",
                Distribution,
                parameters,
                SampleSize,
                LogLikelihood,
                Converged ? string.Empty : " (not converged)");
        }
    }
}
