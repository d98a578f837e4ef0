namespace PSEstimation.Distributions
{
    /// <summary>
    /// One fused pass's results (log-likelihood, score, Hessian) and the family, sample state and
    /// point they belong to. A sample keeps its last pass (<see cref="BufferedSample.LastPass"/>)
    /// so that Newton's value, gradient and Hessian at one point cost one pass, not three. It
    /// belongs to the sample being fitted, not to the family: one family object fits many samples
    /// (the groups of -GroupBy, the replicates of a bootstrap in parallel), and a pass kept in the
    /// family would be evicted by each of them in turn.
    /// </summary>
    internal sealed class FusedPass
    {
        private readonly DistributionFamily family;
        private readonly long count;
        private readonly double totalWeight;
        private readonly double[] theta;

        public FusedPass(DistributionFamily family, SampleAccumulator sample, double[] theta, double logLikelihood, double[] score, double[,] hessian)
        {
            this.family = family;
            count = sample.Count;
            totalWeight = sample.TotalWeight;
            this.theta = theta;
            LogLikelihood = logLikelihood;
            Score = score;
            Hessian = hessian;
        }

        public double LogLikelihood { get; }

        public double[] Score { get; }

        public double[,] Hessian { get; }

        /// <summary>Whether this pass is <paramref name="other"/>'s at <paramref name="point"/> on a sample that has not grown since.</summary>
        public bool Matches(DistributionFamily other, SampleAccumulator sample, double[] point)
        {
            if (!ReferenceEquals(family, other) || sample.Count != count || sample.TotalWeight != totalWeight || point.Length != theta.Length)
            {
                return false;
            }

            for (int i = 0; i < point.Length; i++)
            {
                if (!(point[i] == theta[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
