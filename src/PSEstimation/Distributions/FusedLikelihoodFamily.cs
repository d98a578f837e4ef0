using System;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// A buffered family whose log-likelihood, score and Hessian come from one pass over the
    /// data (the per-value terms share their expensive parts: an exp, a log). The sample keeps
    /// its pass for the last parameter vector (<see cref="FusedPass"/>), so Newton's value at an
    /// accepted trial point and its gradient and Hessian there cost one pass, not three: 10^6
    /// values stay within a few dozen passes for a whole fit. The family itself holds no state,
    /// so one family object fits many samples at once.
    /// </summary>
    /// <remarks>
    /// A large sample's pass is cut into fixed chunks of <see cref="ChunkSize"/> values evaluated
    /// in parallel and summed in chunk order (<see cref="ParallelBlocks"/>).
    /// </remarks>
    internal abstract class FusedLikelihoodFamily : DistributionFamily
    {
        /// <summary>Values per chunk of a parallel pass (large enough that scheduling one costs nothing next to it).</summary>
        internal const int ChunkSize = 1 << 15;

        /// <summary>A fused fitter of <paramref name="model"/>.</summary>
        protected FusedLikelihoodFamily(PSEstimation.Models.DistributionModel model)
            : base(model)
        {
        }

        public override double LogLikelihood(SampleAccumulator sample, double[] theta) => Evaluate(sample, theta).LogLikelihood;

        public override double[] Score(SampleAccumulator sample, double[] theta) => (double[])Evaluate(sample, theta).Score.Clone();

        public override double[,] Hessian(SampleAccumulator sample, double[] theta) => (double[,])Evaluate(sample, theta).Hessian.Clone();

        /// <summary>
        /// The values [<paramref name="from"/>, <paramref name="to"/>) of the sample: returns their
        /// log-likelihood and fills <paramref name="score"/> and <paramref name="hessian"/> (zeroed
        /// on entry) with their weighted sums. Must be additive over ranges (every term a sum over
        /// the values in the range, the weight total included) and must not write shared state:
        /// ranges run in parallel.
        /// </summary>
        protected abstract double EvaluateRange(BufferedSample sample, int from, int to, double[] theta, double[] score, double[,] hessian);

        /// <summary>Called once before each pass, before any range: the place to build what the sample derives once (e.g. <see cref="BufferedSample.RelativeLogs"/>) before ranges read it in parallel.</summary>
        protected virtual void BeginPass(BufferedSample sample)
        {
        }

        private FusedPass Evaluate(SampleAccumulator sample, double[] theta)
        {
            var buffered = (BufferedSample)sample;
            var kept = buffered.LastPass;
            if (kept is not null && kept.Matches(this, sample, theta))
            {
                return kept;
            }

            int p = Parameters.Count;
            var score = new double[p];
            var hessian = new double[p, p];
            double logLik = EvaluateSample(buffered, theta, score, hessian);
            kept = new FusedPass(this, sample, (double[])theta.Clone(), logLik, score, hessian);
            buffered.LastPass = kept;
            return kept;
        }

        /// <summary>One pass: the whole sample as one range, or fixed chunks in parallel summed in order.</summary>
        private double EvaluateSample(BufferedSample sample, double[] theta, double[] score, double[,] hessian)
        {
            BeginPass(sample);
            sample.NotePass();
            int length = sample.Length;
            if (length <= ChunkSize)
            {
                return EvaluateRange(sample, 0, length, theta, score, hessian);
            }

            int p = score.Length;
            var chunks = ParallelBlocks.Map(
                length,
                (from, count) =>
                {
                    var chunkScore = new double[p];
                    var chunkHessian = new double[p, p];
                    return (LogLikelihood: EvaluateRange(sample, from, from + count, theta, chunkScore, chunkHessian), Score: chunkScore, Hessian: chunkHessian);
                },
                sample.Cancellation,
                ChunkSize);

            double logLik = 0;
            foreach (var chunk in chunks)
            {
                logLik += chunk.LogLikelihood;
                for (int i = 0; i < p; i++)
                {
                    score[i] += chunk.Score[i];
                    for (int j = 0; j < p; j++)
                    {
                        hessian[i, j] += chunk.Hessian[i, j];
                    }
                }
            }

            return logLik;
        }
    }
}
