using System;
using System.Globalization;
using MathNet.Numerics;
using PSEstimation.Models;
using PSEstimation.Numerics;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Beta(Alpha a, Beta b): f(x) = xᵃ⁻¹ (1 - x)ᵇ⁻¹ / B(a, b), 0 &lt; x &lt; 1.
    /// Streams: the likelihood depends on the sample only through n, the mean of log x and the
    /// mean of log(1 - x) (computed as log1p(-x), exact for x near 0); the mean and variance are
    /// kept as well for the method-of-moments start. The Hessian does not involve x, so observed
    /// and expected information agree.
    /// </summary>
    /// <remarks>
    /// The fit is Newton-Raphson on (log a, log b). Both free: from the method of moments,
    /// a = m·c, b = (1 - m)·c with c = m(1 - m)/v - 1, or, where that is not positive or not
    /// finite (v underflows for values near 1e-300), from the best point of a coarse search
    /// along the same line a/(a + b) = m. One free: from the best point of a coarse search on
    /// its log scale (the log-likelihood is concave in each parameter).
    /// </remarks>
    internal sealed class BetaFamily : DistributionFamily
    {
        /// <summary>
        /// Largest Alpha or Beta a fit starts from: beyond it log B(a, b), a difference of terms
        /// of size b·log b, has lost its digits against the other terms of the likelihood. The
        /// sample is then nearly constant (relative spread below about 1e-5) or all near 0 or 1.
        /// </summary>
        internal const double MaxParameter = 1e10;

        public BetaFamily()
            : base(new BetaModel())
        {
        }

        public override bool CanFit(double x, double?[] fixedValues) => x > 0 && x < 1;

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => new BulkSupport(double.Epsilon, 1 - 1.0 / (1L << 53));

        public override SampleAccumulator CreateAccumulator() => new Statistics();

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double a = theta[0], b = theta[1];
            return s.TotalWeight * ((a - 1) * s.MeanLog + (b - 1) * s.MeanLogComplement - SpecialFunctions.BetaLn(a, b));
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double n = s.TotalWeight, a = theta[0], b = theta[1];
            double psiSum = SpecialFunctions.DiGamma(a + b);
            return new[]
            {
                n * (s.MeanLog - SpecialFunctions.DiGamma(a) + psiSum),
                n * (s.MeanLogComplement - SpecialFunctions.DiGamma(b) + psiSum),
            };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var info = ExpectedInformation(theta);
            double n = sample.TotalWeight;
            return new[,]
            {
                { -n * info[0, 0], -n * info[0, 1] },
                { -n * info[1, 0], -n * info[1, 1] },
            };
        }

        public override double[] InitialEstimate(SampleAccumulator sample, double?[] fixedValues)
        {
            var s = (Statistics)sample;
            if (fixedValues[0] is double alpha)
            {
                return RequireResolvable(s, fixedValues[1] is double beta ? new[] { alpha, beta } : new[] { alpha, BestOnGrid(s, t => new[] { alpha, t }) });
            }

            if (fixedValues[1] is double fixedBeta)
            {
                return RequireResolvable(s, new[] { BestOnGrid(s, t => new[] { t, fixedBeta }), fixedBeta });
            }

            if (s.Minimum == s.Maximum)
            {
                throw new EstimationException(
                    ErrorIds.ZeroVariance,
                    $"All {s.Count} values equal {Format(s.Minimum)}: the Beta likelihood grows without bound as Alpha and Beta → ∞ with Alpha/(Alpha + Beta) at that value, so there is no finite estimate. Fix a parameter with -Fixed @{{ Alpha = ... }} or supply values that differ.");
            }

            double m = s.Mean, v = s.Variance;
            double c = m * (1 - m) / v - 1;
            double[] start = c > 0 && !double.IsInfinity(c) && m * c > 0 && (1 - m) * c > 0
                ? new[] { m * c, (1 - m) * c }
                : LineStart(s, m);
            return RequireResolvable(s, start);
        }

        private static double[] RequireResolvable(Statistics s, double[] start)
        {
            double largest = Math.Max(start[0], start[1]);
            if (!(largest <= MaxParameter))
            {
                throw new EstimationException(
                    ErrorIds.InsufficientSpread,
                    $"The values (from {Format(s.Minimum)} to {Format(s.Maximum)}, mean {Format(s.Mean)}) are too close together or too close to 0 or 1: Alpha or Beta would be about {Format(largest)}, beyond {Format(MaxParameter)}, where double precision no longer resolves the Beta likelihood. Fix a parameter with -Fixed, or supply values that spread more.");
            }

            return start;
        }

        /// <summary>The best point of a coarse search along a/(a + b) = m, c = a + b from e^-10 to e^710.</summary>
        private double[] LineStart(Statistics s, double m)
        {
            double c = BestOnGrid(s, t => new[] { m * t, (1 - m) * t });
            return new[] { m * c, (1 - m) * c };
        }

        /// <summary>
        /// The value t on the grid e^-10, e^-9.5, ..., e^710 (beyond e^710 a parameter overflows)
        /// where the log-likelihood at <paramref name="point"/>(t) is largest. The statistics are
        /// a few numbers, so the 1441 evaluations cost microseconds.
        /// </summary>
        private double BestOnGrid(Statistics s, Func<double, double[]> point)
        {
            double best = 1, bestValue = double.NegativeInfinity;
            for (double eta = -10; eta <= 710; eta += 0.5)
            {
                double t = Math.Exp(eta);
                var theta = point(t);
                if (!(theta[0] > 0 && theta[1] > 0) || double.IsInfinity(theta[0]) || double.IsInfinity(theta[1]))
                {
                    continue;
                }

                double value = LogLikelihood(s, theta);
                if (value > bestValue)
                {
                    best = t;
                    bestValue = value;
                }
            }

            return best;
        }

        private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

        /// <summary>Weighted n, mean and sum of squared deviations (Welford), mean of log x and of log(1 - x).</summary>
        internal sealed class Statistics : SampleAccumulator
        {
            public double Mean { get; private set; }

            public double SumOfSquares { get; private set; }

            /// <summary>The weighted mean of log x.</summary>
            public double MeanLog { get; private set; }

            /// <summary>The weighted mean of log(1 - x), each term computed as log1p(-x).</summary>
            public double MeanLogComplement { get; private set; }

            public double Minimum { get; private set; } = double.PositiveInfinity;

            public double Maximum { get; private set; } = double.NegativeInfinity;

            /// <summary>The variance with divisor n.</summary>
            public double Variance => SumOfSquares / TotalWeight;

            public override void Add(double x, double weight)
            {
                double total = TotalWeight + weight;
                double f = weight / total;
                double delta = x - Mean;
                Mean += delta * f;
                SumOfSquares += weight * delta * (x - Mean);
                MeanLog += (Math.Log(x) - MeanLog) * f;
                MeanLogComplement += (SpecialMath.Log1p(-x) - MeanLogComplement) * f;
                Minimum = Math.Min(Minimum, x);
                Maximum = Math.Max(Maximum, x);
                TotalWeight = total;
                Count++;
            }

            /// <summary>
            /// Block by block (on every core for a large array, <see cref="ParallelBlocks"/>), merged
            /// in block order (<see cref="RunningMoments"/>).
            /// </summary>
            public override bool TryAddRange(double[] values, BulkSupport support)
            {
                int count = values.Length;
                var blocks = ParallelBlocks.Map(count, (start, length) => Block(values, start, length, support), Cancellation);
                var moments = new RunningMoments(TotalWeight, Mean, SumOfSquares);
                double sumLog = 0, sumLogComplement = 0, min = Minimum, max = Maximum;
                foreach (var block in blocks)
                {
                    if (!block.Accepted)
                    {
                        return false;
                    }

                    moments.Merge(block.Moments);
                    sumLog += block.SumLog;
                    sumLogComplement += block.SumLogComplement;
                    min = Math.Min(min, block.Minimum);
                    max = Math.Max(max, block.Maximum);
                }

                if (count > 0)
                {
                    double n = moments.Count, f = count / n;
                    Mean = moments.Mean;
                    SumOfSquares = moments.Squares;
                    MeanLog += (sumLog / count - MeanLog) * f;
                    MeanLogComplement += (sumLogComplement / count - MeanLogComplement) * f;
                    Minimum = min;
                    Maximum = max;
                    TotalWeight = n;
                    Count += count;
                }

                return true;
            }

            /// <summary>
            /// One block, in chunks that stay in the cache: the support check, Σx, the minimum and
            /// the maximum in one look, Σ log x and Σ log1p(-x), then the squared deviations from
            /// the chunk's mean (no division per value); each look SIMD on net8.0.
            /// </summary>
            private static BlockStatistics Block(double[] values, int start, int length, BulkSupport support)
            {
                var block = new BlockStatistics { Accepted = true, Minimum = double.PositiveInfinity, Maximum = double.NegativeInfinity };
                for (int from = start; from < start + length; from += BulkChunk)
                {
                    int chunkLength = Math.Min(BulkChunk, start + length - from);
                    var chunk = VectorMath.Summarise(values, from, chunkLength, support.Lower, support.Upper, support.Integers, 0);
                    block.Accepted &= chunk.Accepted;
                    block.Minimum = Math.Min(block.Minimum, chunk.Minimum);
                    block.Maximum = Math.Max(block.Maximum, chunk.Maximum);

                    // log x, and log(1 - x) as log1p((x - 0)/(-1)).
                    block.SumLog += VectorMath.SumOfLogs(values, from, chunkLength);
                    block.SumLogComplement += VectorMath.SumOfLog1p(values, from, chunkLength, 0, -1);

                    double chunkMean = chunk.SumOfDifferences / chunkLength;
                    double chunkSquares = VectorMath.SumOfSquaredDeviations(values, from, chunkLength, 0, chunkMean, out _);
                    block.Moments.Merge(chunkLength, chunkMean, chunkSquares);
                }

                return block;
            }

            private struct BlockStatistics
            {
                public bool Accepted;
                public RunningMoments Moments;
                public double SumLog;
                public double SumLogComplement;
                public double Minimum;
                public double Maximum;
            }
        }
    }
}
