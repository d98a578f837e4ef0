using System;
using System.Globalization;
using PSEstimation.Models;
using PSEstimation.Numerics;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// LogNormal(MeanLog, SdLog): log x ~ Normal(MeanLog, SdLog²), x > 0. The MLE is the Normal
    /// MLE of the logarithms: MeanLog = mean of log x, SdLog = sqrt(Σ(log x - MeanLog)² / n),
    /// dividing by n (MathNet's LogNormal.Estimate divides by n - 1 and is not used).
    /// Streams: keeps n, the mean and the sum of squared deviations of log x by the weighted
    /// Welford update, as Normal does. The logarithms are taken relative to the first value,
    /// log(x / pivot) = log1p((x - pivot) / pivot), so data with a huge offset (1e9 + small)
    /// keep their spread on the log scale to full precision.
    /// </summary>
    internal sealed class LogNormalFamily : DistributionFamily
    {
        private const double LogTwoPi = 1.8378770664093454835606594728112;

        public LogNormalFamily()
            : base(new LogNormalModel())
        {
        }

        public override bool CanFit(double x, double?[] fixedValues) => x > 0;

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => BulkSupport.Positive;

        public override SampleAccumulator CreateAccumulator() => new Statistics();

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double n = s.TotalWeight, sd = theta[1];
            return -n * s.MeanLog - n * (Math.Log(sd) + 0.5 * LogTwoPi) - s.SumOfSquaresAbout(theta[0]) / (2 * sd * sd);
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double n = s.TotalWeight, sd = theta[1], s2 = sd * sd;
            return new[]
            {
                n * s.DeviationOfMean(theta[0]) / s2,
                (s.SumOfSquaresAbout(theta[0]) / s2 - n) / sd,
            };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double n = s.TotalWeight, sd = theta[1], s2 = sd * sd;
            double cross = -2 * n * s.DeviationOfMean(theta[0]) / (s2 * sd);
            return new[,]
            {
                { -n / s2, cross },
                { cross, (n - 3 * s.SumOfSquaresAbout(theta[0]) / s2) / s2 },
            };
        }

        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
        {
            var s = (Statistics)sample;

            // The MLE of MeanLog does not depend on SdLog, so every pattern of fixed values has a closed form.
            double meanLog = fixedValues[0] ?? s.MeanLog;
            double sdLog = fixedValues[1] ?? Math.Sqrt(s.SumOfSquaresAbout(meanLog) / s.TotalWeight);
            if (!(sdLog > 0))
            {
                string what = fixedValues[0] is null
                    ? $"All {s.Count} values have the same logarithm (to double precision)"
                    : $"The logarithms of all {s.Count} values equal the fixed MeanLog {meanLog.ToString("R", CultureInfo.InvariantCulture)}";
                throw new EstimationException(
                    ErrorIds.ZeroVariance,
                    what + ": the SdLog estimate would be 0, where the LogNormal likelihood is unbounded. Fix it with -Fixed @{ SdLog = ... } or supply values that differ.");
            }

            return new[] { meanLog, sdLog };
        }

        /// <summary>
        /// Weighted count, mean and sum of squared deviations of log x, with log x kept as
        /// log(pivot) + log(x / pivot), the pivot being the first value.
        /// </summary>
        internal sealed class Statistics : SampleAccumulator
        {
            private double pivot = double.NaN;
            private double logPivot;

            /// <summary>Mean of log(x / pivot).</summary>
            private double relativeMean;

            /// <summary>Σ w (log x - mean of log x)².</summary>
            public double SumOfSquares { get; private set; }

            /// <summary>The weighted mean of log x.</summary>
            public double MeanLog => logPivot + relativeMean;

            /// <summary>mean of log x - m, without the rounding of log x itself when m is near it.</summary>
            public double DeviationOfMean(double m) => (logPivot - m) + relativeMean;

            /// <summary>Σ w (log x - m)² = M2 + n (mean - m)².</summary>
            public double SumOfSquaresAbout(double m)
            {
                double d = DeviationOfMean(m);
                return SumOfSquares + TotalWeight * d * d;
            }

            public override void Add(double x, double weight)
            {
                if (Count == 0)
                {
                    pivot = x;
                    logPivot = Math.Log(x);
                }

                double y = SpecialMath.LogRatio(x, pivot);
                double total = TotalWeight + weight;
                double delta = y - relativeMean;
                relativeMean += delta * weight / total;
                SumOfSquares += weight * delta * (y - relativeMean);
                TotalWeight = total;
                Count++;
            }

            /// <summary>
            /// Block by block (on every core for a large array, <see cref="ParallelBlocks"/>), each
            /// chunk's mean and squared deviations of log(x / pivot) merged in order with Chan's
            /// formula (<see cref="RunningMoments"/>: as exact as the per-value Welford update,
            /// without its division per value).
            /// </summary>
            public override bool TryAddRange(double[] values, BulkSupport support)
            {
                int count = values.Length;
                if (count == 0)
                {
                    return true;
                }

                // A fresh accumulator takes the first value as its pivot (any positive pivot gives
                // the same statistics).
                double p = Count != 0 ? pivot : values[0];
                var moments = new RunningMoments(TotalWeight, relativeMean, SumOfSquares);
                foreach (var block in ParallelBlocks.Map(count, (start, length) => Block(values, start, length, support, p), Cancellation))
                {
                    if (!block.Accepted)
                    {
                        return false;
                    }

                    moments.Merge(block.Moments);
                }

                if (Count == 0)
                {
                    pivot = p;
                    logPivot = Math.Log(p);
                }

                relativeMean = moments.Mean;
                SumOfSquares = moments.Squares;
                TotalWeight = moments.Count;
                Count += count;
                return true;
            }

            /// <summary>
            /// One block, in chunks that stay in the cache: the support check, log(x / pivot) of
            /// each value into a buffer with their sum, then their squared deviations from the
            /// chunk's mean; each look SIMD on net8.0.
            /// </summary>
            private static (bool Accepted, RunningMoments Moments) Block(double[] values, int start, int length, BulkSupport support, double p)
            {
                var logs = new double[Math.Min(length, BulkChunk)];
                bool accepted = true;
                var moments = default(RunningMoments);
                for (int from = start; from < start + length; from += BulkChunk)
                {
                    int chunkLength = Math.Min(BulkChunk, start + length - from);
                    accepted &= VectorMath.Summarise(values, from, chunkLength, support.Lower, support.Upper, support.Integers, 0).Accepted;
                    double chunkMean = VectorMath.SumOfLogRatios(values, from, chunkLength, p, logs) / chunkLength;
                    moments.Merge(chunkLength, chunkMean, VectorMath.SumOfSquaredDeviations(logs, 0, chunkLength, 0, chunkMean, out _));
                }

                return (accepted, moments);
            }
        }
    }
}
