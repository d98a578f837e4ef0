using System.Collections.Generic;

namespace PSEstimation.Regression
{
    /// <summary>What a regression fit found, in the fitter's coordinates (see <see cref="RegressionProblem"/>).</summary>
    internal sealed class RegressionFit
    {
        public RegressionFit(RegressionProblem problem, double[] v)
        {
            Problem = problem;
            V = v;
        }

        public RegressionProblem Problem { get; }

        /// <summary>Coefficients, then the free parameters.</summary>
        public double[] V { get; }

        public double LogLikelihood { get; set; }

        /// <summary>The log-posterior at the mode (MAP only).</summary>
        public double? LogPosterior { get; set; }

        /// <summary>The covariance of v; rows and columns of coefficients at a lasso zero are NaN.</summary>
        public double[,] Covariance { get; set; } = new double[0, 0];

        /// <summary>Positions in v that sit exactly at the Laplace prior's location (lasso zeros).</summary>
        public HashSet<int> AtKink { get; } = new HashSet<int>();

        public string Method { get; set; } = string.Empty;

        public int Iterations { get; set; }

        public bool Converged { get; set; }

        /// <summary>Warnings for the user (separation, non-convergence, KKT).</summary>
        public List<string> Warnings { get; } = new List<string>();
    }
}
