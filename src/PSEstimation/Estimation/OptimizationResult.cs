namespace PSEstimation.Estimation
{
    /// <summary>Where a numerical fit ended.</summary>
    internal sealed class OptimizationResult
    {
        public OptimizationResult(double[] theta, double logLikelihood, int iterations, bool converged)
        {
            Theta = theta;
            LogLikelihood = logLikelihood;
            Iterations = iterations;
            Converged = converged;
        }

        /// <summary>The best point found (all parameters, fixed ones included).</summary>
        public double[] Theta { get; }

        public double LogLikelihood { get; }

        public int Iterations { get; }

        public bool Converged { get; }
    }
}
