using System.Collections.Specialized;
using System.Globalization;
using System.Linq;

namespace PSEstimation
{
    /// <summary>A maximum a posteriori fit, as Get-MAPEstimate returns it, with the MLE of the same data beside it.</summary>
    public sealed class MAPEstimate
    {
        internal MAPEstimate(
            string distribution,
            double sampleSize,
            ParameterDistribution[] prior,
            MAPParameterEstimate[] parameters,
            OrderedDictionary estimate,
            ParameterDistribution? posterior,
            double logPosterior,
            double logLikelihood,
            MLEstimate? mlEstimate,
            double[,] covariance,
            double confidenceLevel,
            string method,
            int iterations,
            bool converged)
        {
            Distribution = distribution;
            SampleSize = sampleSize;
            Prior = prior;
            Parameters = parameters;
            Estimate = estimate;
            Posterior = posterior;
            LogPosterior = logPosterior;
            LogLikelihood = logLikelihood;
            MLEstimate = mlEstimate;
            Covariance = covariance;
            ConfidenceLevel = confidenceLevel;
            Method = method;
            Iterations = iterations;
            Converged = converged;
        }

        /// <summary>The fitted family's name (Normal, Binomial ...).</summary>
        public string Distribution { get; }

        /// <summary>With -Property, the property the values were read from; otherwise null.</summary>
        public string? Property { get; internal set; }

        /// <summary>With -GroupBy, the value of the grouping property this result covers ($null for objects without it); otherwise null.</summary>
        public object? Group { get; internal set; }

        /// <summary>The number of observations used (the sum of the weights with -Weight).</summary>
        public double SampleSize { get; }

        /// <summary>How many input values were skipped because they could not be used (each reported as an error).</summary>
        public long SkippedCount { get; internal set; }

        /// <summary>
        /// The prior of each estimated parameter (Target names it), in parameter order; a
        /// parameter given no prior appears with the Flat prior. A joint prior is one entry.
        /// </summary>
        public ParameterDistribution[] Prior { get; }

        /// <summary>Every parameter in the contract's order (Categorical: every category), with posterior summaries and its MLE.</summary>
        public MAPParameterEstimate[] Parameters { get; }

        /// <summary>Parameter name → posterior mode (case-insensitive), including constants such as
        /// Binomial's Trials; accepted as it is by -Parameter of Measure-NegativeLogLikelihood.</summary>
        public OrderedDictionary Estimate { get; }

        /// <summary>The posterior distribution when the prior is conjugate (e.g. Beta(7.5, 3.5) for P); null for a numerical fit.</summary>
        public ParameterDistribution? Posterior { get; }

        /// <summary>
        /// The unnormalised log-posterior at the mode: the log-likelihood plus the log prior
        /// density (each prior normalised, a flat prior counting 0), without the evidence.
        /// </summary>
        public double LogPosterior { get; }

        /// <summary>The log-likelihood at the posterior mode.</summary>
        public double LogLikelihood { get; }

        /// <summary>The maximum-likelihood fit of the same data (as Get-MLEstimate returns it), or null when no MLE exists.</summary>
        public MLEstimate? MLEstimate { get; }

        /// <summary>
        /// The posterior covariance of the parameters in parameter order (0 for fixed ones): exact
        /// for a conjugate posterior, the inverse negative Hessian of the log-posterior for a
        /// numerical fit (the Laplace approximation).
        /// </summary>
        public double[,] Covariance { get; }

        /// <summary>
        /// What Lower and Upper in Parameters are: Posterior (equal-tailed quantiles of the exact
        /// conjugate posterior) or PosteriorWald (the mode ± z posterior standard deviations of the
        /// Laplace approximation, for a numerical fit). Both are credible intervals, posterior
        /// quantities: -IntervalMethod Profile or Bootstrap, which are about the sampling of the
        /// data, do not apply.
        /// </summary>
        public string IntervalMethod => Posterior is not null ? "Posterior" : "PosteriorWald";

        /// <summary>The level of the credible intervals in Parameters.</summary>
        public double ConfidenceLevel { get; }

        /// <summary>How the posterior was found (conjugate closed form, or numerical mode with a Laplace approximation), which priors are flat, and any caveat.</summary>
        public string Method { get; }

        /// <summary>Optimiser iterations (0 for a closed form).</summary>
        public int Iterations { get; }

        /// <summary>Whether the optimiser met its convergence test (always true for a closed form).</summary>
        public bool Converged { get; }

        /// <summary>How many observations were censored (not exact values), as in <see cref="MLEstimate.CensoredCount"/>.</summary>
        public double CensoredCount { get; internal set; }

        /// <summary>
        /// The fit as one row of plain values, for Export-Csv: the scalar properties, and each
        /// parameter as columns (Mean, MeanStandardError, MeanLower, MeanUpper, MeanFixed ...).
        /// $fits | ForEach-Object { $_.ToFlatObject() } | Export-Csv fits.csv
        /// </summary>
        public System.Management.Automation.PSObject ToFlatObject() => FlatView.Of(this);

        /// <summary>"Normal MAP: Mean = 2.5 (MLE 2.7); n = 5; prior Mean ~ Normal(2, 0.5); posterior Normal(2.5, 0.1428571429)".</summary>
        public override string ToString()
        {
            string parameters = string.Join(", ", Parameters.Select(p => p.ToString()));
            string prior = string.Join(", ", Prior.Select(p => string.Join(", ", p.Target) + " ~ " + p));
            return string.Format(
                CultureInfo.InvariantCulture,
                "{0} MAP: {1}; n = {2}; prior {3}; {4}{5}",
                Distribution,
                parameters,
                SampleSize,
                prior,
                Posterior is null ? "Laplace approximation" : "posterior " + Posterior,
                Converged ? string.Empty : " (not converged)");
        }
    }
}
