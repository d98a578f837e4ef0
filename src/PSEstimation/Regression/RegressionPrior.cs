using System;
using System.Collections.Generic;
using PSEstimation.Bayesian;

namespace PSEstimation.Regression
{
    /// <summary>
    /// The prior of a MAP regression in the fitter's coordinates v: independent smooth priors
    /// (a Normal prior on every coefficient but the intercept is ridge regression; priors on the
    /// family's other parameters by name), and a Laplace prior on the coefficients (the lasso),
    /// which has a kink at its location and is handled apart from the smooth part.
    /// </summary>
    internal sealed class RegressionPrior
    {
        /// <summary>Smooth priors by position in v.</summary>
        public Dictionary<int, UnivariatePrior> Smooth { get; } = new Dictionary<int, UnivariatePrior>();

        /// <summary>Positions in v under the Laplace prior.</summary>
        public List<int> LaplaceIndices { get; } = new List<int>();

        public double LaplaceLocation { get; set; }

        public double LaplaceScale { get; set; } = 1;

        public bool HasLasso => LaplaceIndices.Count > 0;

        /// <summary>The log prior density at v (normalised: log-densities, not just the penalty).</summary>
        public double LogDensity(double[] v)
        {
            double total = SmoothLogDensity(v);
            foreach (int j in LaplaceIndices)
            {
                total += -Math.Log(2 * LaplaceScale) - Math.Abs(v[j] - LaplaceLocation) / LaplaceScale;
            }

            return total;
        }

        public double SmoothLogDensity(double[] v)
        {
            double total = 0;
            foreach (var pair in Smooth)
            {
                total += pair.Value.LogDensity(v[pair.Key]);
            }

            return total;
        }

        /// <summary>Adds the smooth priors' gradient and curvature.</summary>
        public void AddSmoothDerivatives(double[] v, double[] gradient, double[,] hessian)
        {
            foreach (var pair in Smooth)
            {
                gradient[pair.Key] += pair.Value.Gradient(v[pair.Key]);
                hessian[pair.Key, pair.Key] += pair.Value.SecondDerivative(v[pair.Key]);
            }
        }
    }
}
