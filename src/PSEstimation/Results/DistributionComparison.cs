using System.Globalization;

namespace PSEstimation
{
    /// <summary>One candidate family of Compare-Distribution, fitted to the same observations as the others.</summary>
    public sealed class DistributionComparison
    {
        internal DistributionComparison(string distribution, double sampleSize, MLEstimate estimate)
        {
            Distribution = distribution;
            SampleSize = sampleSize;
            Estimate = estimate;
            LogLikelihood = estimate.LogLikelihood;
            AIC = estimate.AIC;
            BIC = estimate.BIC;
            Converged = estimate.Converged;
        }

        /// <summary>The place in the ranking by AIC (1 = smallest AIC).</summary>
        public int Rank { get; internal set; }

        /// <summary>The family.</summary>
        public string Distribution { get; }

        /// <summary>The property the values were read from (-Property), or null.</summary>
        public string? Property { get; internal set; }

        /// <summary>The -GroupBy group, or null.</summary>
        public object? Group { get; internal set; }

        /// <summary>The number of observations, the same for every candidate.</summary>
        public double SampleSize { get; }

        /// <summary>The maximised log-likelihood.</summary>
        public double LogLikelihood { get; }

        /// <summary>2k - 2 log L with k the free parameters.</summary>
        public double AIC { get; }

        /// <summary>AIC minus the smallest AIC among the candidates.</summary>
        public double DeltaAIC { get; internal set; }

        /// <summary>exp(-DeltaAIC/2) normalised over the candidates: the weight of evidence for this family among them.</summary>
        public double AkaikeWeight { get; internal set; }

        /// <summary>k log n - 2 log L.</summary>
        public double BIC { get; }

        /// <summary>The Kolmogorov-Smirnov statistic at the fit (null for discrete families).</summary>
        public double? KolmogorovSmirnov { get; internal set; }

        /// <summary>The Cramer-von Mises statistic at the fit (null for discrete families).</summary>
        public double? CramerVonMises { get; internal set; }

        /// <summary>The Anderson-Darling statistic at the fit (null for discrete families).</summary>
        public double? AndersonDarling { get; internal set; }

        /// <summary>Pearson's chi-squared statistic at the fit (discrete families; null for continuous ones).</summary>
        public double? ChiSquare { get; internal set; }

        /// <summary>The chi-squared p-value (discrete families, asymptotic; null when no degree of freedom is left).</summary>
        public double? ChiSquarePValue { get; internal set; }

        /// <summary>Bootstrap p-value of KolmogorovSmirnov (with -Simulations; else null).</summary>
        public double? KolmogorovSmirnovPValue { get; internal set; }

        /// <summary>Bootstrap p-value of CramerVonMises (with -Simulations; else null).</summary>
        public double? CramerVonMisesPValue { get; internal set; }

        /// <summary>Bootstrap p-value of AndersonDarling (with -Simulations; else null).</summary>
        public double? AndersonDarlingPValue { get; internal set; }

        /// <summary>The bootstrap simulations behind the p-values (null without -Simulations).</summary>
        public int? Simulations { get; internal set; }

        /// <summary>Whether the fit converged; a row that did not is ranked but marked.</summary>
        public bool Converged { get; }

        /// <summary>The fit itself.</summary>
        public MLEstimate Estimate { get; }

        /// <summary>Observations that are not exact values (-CensoredAbove, -CensoredBelow, -LowerProperty/-UpperProperty), the same for every candidate; 0 without censoring.</summary>
        public double CensoredCount { get; internal set; }

        /// <inheritdoc/>
        public override string ToString()
            => string.Format(CultureInfo.InvariantCulture, "{0}. {1}: AIC {2:G8}, weight {3:G4}", Rank, Distribution, AIC, AkaikeWeight);
    }
}
