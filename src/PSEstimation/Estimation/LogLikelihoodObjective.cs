using PSEstimation.Distributions;

namespace PSEstimation.Estimation
{
    /// <summary>A family's log-likelihood of one sample, as an objective to maximise.</summary>
    internal sealed class LogLikelihoodObjective : ILogObjective
    {
        private readonly DistributionFamily family;
        private readonly SampleAccumulator sample;

        public LogLikelihoodObjective(DistributionFamily family, SampleAccumulator sample)
        {
            this.family = family;
            this.sample = sample;
        }

        public double Value(double[] theta) => family.LogLikelihood(sample, theta);

        public double[] Gradient(double[] theta) => family.Score(sample, theta);

        public double[,] Hessian(double[] theta) => family.Hessian(sample, theta);
    }
}
