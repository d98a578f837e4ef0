using System;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// A buffered family whose log-likelihood, score and Hessian come from one pass over the
    /// data (the per-value terms share their expensive parts: an exp, a log). The pass for the
    /// last parameter vector is kept, so Newton's value at an accepted trial point and its
    /// gradient and Hessian there cost one pass, not three: 10^6 values stay within a few dozen
    /// passes for a whole fit. The kept pass is an immutable object swapped in one assignment,
    /// so concurrent callers at worst recompute.
    /// </summary>
    internal abstract class FusedLikelihoodFamily : DistributionFamily
    {
        private Evaluation? last;

        protected FusedLikelihoodFamily(DistributionName name, params ParameterSpec[] parameters)
            : base(name, parameters)
        {
        }

        public override double LogLikelihood(SampleAccumulator sample, double[] theta) => Evaluate(sample, theta).LogLikelihood;

        public override double[] Score(SampleAccumulator sample, double[] theta) => (double[])Evaluate(sample, theta).Score.Clone();

        public override double[,] Hessian(SampleAccumulator sample, double[] theta) => (double[,])Evaluate(sample, theta).Hessian.Clone();

        /// <summary>
        /// One pass over the sample: returns the log-likelihood and fills <paramref name="score"/>
        /// and <paramref name="hessian"/> (zeroed on entry) with the weighted sums.
        /// </summary>
        protected abstract double EvaluateSample(BufferedSample sample, double[] theta, double[] score, double[,] hessian);

        private Evaluation Evaluate(SampleAccumulator sample, double[] theta)
        {
            var kept = last;
            if (kept is not null && kept.Matches(sample, theta))
            {
                return kept;
            }

            int p = Parameters.Count;
            var score = new double[p];
            var hessian = new double[p, p];
            double logLik = EvaluateSample((BufferedSample)sample, theta, score, hessian);
            kept = new Evaluation(sample, (double[])theta.Clone(), logLik, score, hessian);
            last = kept;
            return kept;
        }

        /// <summary>One pass's results and the point and sample it belongs to.</summary>
        private sealed class Evaluation
        {
            private readonly SampleAccumulator sample;
            private readonly long count;
            private readonly double totalWeight;
            private readonly double[] theta;

            public Evaluation(SampleAccumulator sample, double[] theta, double logLikelihood, double[] score, double[,] hessian)
            {
                this.sample = sample;
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

            public bool Matches(SampleAccumulator other, double[] point)
            {
                if (!ReferenceEquals(sample, other) || other.Count != count || other.TotalWeight != totalWeight || point.Length != theta.Length)
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
}
