using System;
using System.Collections.Specialized;
using MathNet.Numerics.Distributions;
using PSEstimation.Distributions;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// The categorical MLE: relative frequencies. Its K probabilities sum to 1, which shapes
    /// what the result reports: the score is the log-likelihood's gradient projected onto the
    /// simplex (zero at the MLE), FisherInformation is diag(n/p) (the information about each
    /// probability, before the constraint), Covariance is the multinomial (p_i δ_ij - p_i p_j)/n,
    /// and AIC/BIC count K - 1 parameters.
    /// </summary>
    internal static class CategoricalEstimator
    {
        public static MLEstimate Fit(CategoricalCounts counts, double confidenceLevel)
        {
            if (counts.TotalWeight <= 0)
            {
                throw new EstimationException(ErrorIds.NoUsableInput, "No usable values to fit a Categorical distribution to.");
            }

            int k = counts.CategoryCount;
            double n = counts.TotalWeight;
            double z = Normal.InvCDF(0, 1, 0.5 + confidenceLevel / 2);
            var p = new double[k];
            var parameters = new ParameterEstimate[k];
            var estimate = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            double logLik = 0;
            for (int i = 0; i < k; i++)
            {
                p[i] = counts.Counts[i] / n;
                string name = CategoricalCounts.NameOf(counts.Categories[i]);
                double se = Math.Sqrt(p[i] * (1 - p[i]) / n);
                parameters[i] = new ParameterEstimate(name, p[i], se, p[i] - z * se, p[i] + z * se, isFixed: false);
                if (!estimate.Contains(name))
                {
                    estimate.Add(name, p[i]);
                }

                logLik += counts.Counts[i] * Math.Log(p[i]);
            }

            var information = new double[k, k];
            var covariance = new double[k, k];
            for (int i = 0; i < k; i++)
            {
                information[i, i] = n / p[i];
                for (int j = 0; j < k; j++)
                {
                    covariance[i, j] = ((i == j ? p[i] : 0) - p[i] * p[j]) / n;
                }
            }

            return new MLEstimate(
                DistributionName.Categorical.ToString(),
                n,
                parameters,
                estimate,
                logLik,
                k - 1,
                new double[k],
                information,
                covariance,
                confidenceLevel,
                "Closed form (relative frequencies); the probabilities sum to 1, so the score is projected onto the simplex and AIC/BIC count K - 1 parameters",
                0,
                true);
        }
    }
}
