using System;
using PSEstimation.Models;
using PSEstimation.Numerics;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Normal(Mean, Variance). The variance, not the standard deviation, is the parameter, so
    /// score and information are with respect to it; the MLE variance divides by n.
    /// Streams: keeps n, the mean and the sum of squared deviations (weighted Welford update),
    /// which stays exact for data with a huge offset where Σx² - n·x̄² would cancel.
    /// </summary>
    internal sealed class NormalFamily : DistributionFamily
    {
        private const double LogTwoPi = 1.8378770664093454835606594728112;

        public NormalFamily()
            : base(new NormalModel())
        {
        }

        public override bool CanFit(double x, double?[] fixedValues) => true;

        public override SampleAccumulator CreateAccumulator() => new Statistics();

        public override bool TryAddRange(SampleAccumulator sample, double[] values, double?[] fixedValues)
            => ((Statistics)sample).TryAddFinite(values);

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double n = s.TotalWeight, v = theta[1];
            return -0.5 * n * (LogTwoPi + Math.Log(v)) - s.SumOfSquaresAbout(theta[0]) / (2 * v);
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double n = s.TotalWeight, v = theta[1];
            return new[]
            {
                n * (s.Mean - theta[0]) / v,
                s.SumOfSquaresAbout(theta[0]) / (2 * v * v) - n / (2 * v),
            };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double n = s.TotalWeight, v = theta[1];
            double cross = -n * (s.Mean - theta[0]) / (v * v);
            return new[,]
            {
                { -n / v, cross },
                { cross, n / (2 * v * v) - s.SumOfSquaresAbout(theta[0]) / (v * v * v) },
            };
        }

        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
        {
            var s = (Statistics)sample;
            double mean = fixedValues[0] ?? s.Mean;
            double variance = fixedValues[1] ?? s.SumOfSquaresAbout(mean) / s.TotalWeight;
            if (double.IsNaN(mean) || double.IsInfinity(mean) || double.IsNaN(variance) || double.IsInfinity(variance))
            {
                // Values near ±1e308 (or differences beyond about 1e154): the mean or the squared
                // deviations leave the double range, and a variance of Infinity is no estimate.
                throw new EstimationException(
                    ErrorIds.EstimateOutOfRange,
                    "The values are so large or so spread out (differences of about 1e154 or more) that the Normal variance estimate exceeds the largest double (about 1.8e308). Divide the values by a power of ten (e.g. 1e160) and fit again: the Mean scales by that factor and the Variance by its square.");
            }

            if (!(variance > 0) && s.ValuesDiffer)
            {
                throw new EstimationException(
                    ErrorIds.VarianceUnderflow,
                    "The values differ, but their variance is below the smallest positive double (about 5e-324); rescale the data (e.g. multiply by 1e150) and fit again.");
            }

            if (!(variance > 0))
            {
                throw new EstimationException(
                    ErrorIds.ZeroVariance,
                    $"All {s.Count} values equal {mean.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}: the variance estimate would be 0, where the Normal likelihood is unbounded. Fix the variance with -Fixed @{{ Variance = ... }} or supply values that differ.");
            }

            return new[] { mean, variance };
        }

        /// <summary>
        /// Weighted count, mean and sum of squared deviations from the mean, the mean kept as
        /// x₀ + (mean of x - x₀) about the first value x₀: Welford's update on x itself rounds the
        /// running mean to the spacing of doubles near it (1.2e-7 at 1e9), which cost a variance
        /// of unit-spread values at a 1e9 offset 6e-9 of its value; on x - x₀ (exact there) it
        /// keeps every digit.
        /// </summary>
        internal sealed class Statistics : SampleAccumulator
        {
            /// <summary>x₀, the first value (NaN before any).</summary>
            private double reference = double.NaN;

            /// <summary>The weighted mean of x - x₀.</summary>
            private double shift;

            public double Mean => Count == 0 ? 0 : reference + shift;

            public double SumOfSquares { get; private set; }

            /// <summary>Whether two of the values differ: a zero variance then means underflow, not a constant sample.</summary>
            public bool ValuesDiffer { get; private set; }

            /// <summary>Σ w (x - m)² = M2 + n (x̄ - m)², without cancellation for m near x̄.</summary>
            public double SumOfSquaresAbout(double m)
            {
                double d = Count == 0 ? 0 : (reference - m) + shift;
                return SumOfSquares + TotalWeight * d * d;
            }

            public override void Add(double x, double weight)
            {
                if (Count == 0)
                {
                    reference = x;
                }
                else if (x != reference)
                {
                    ValuesDiffer = true;
                }

                double d = x - reference;
                double total = TotalWeight + weight;
                double delta = d - shift;
                shift += delta * weight / total;
                SumOfSquares += weight * delta * (d - shift);
                TotalWeight = total;
                Count++;
            }

            public override void AddRange(double[] values)
            {
                if (!TryAddFinite(values))
                {
                    foreach (double x in values)
                    {
                        Add(x, 1.0);
                    }
                }
            }

            /// <summary>
            /// Adds an array in two passes (the sum, then squared deviations from the array's own
            /// mean) and merges the result with Chan's formula: exact for large offsets and about
            /// as fast as summing (four partial sums keep the adder busy). A non-finite sum
            /// means a non-finite value (NaN and infinities propagate) or an overflow: then
            /// nothing is added and the caller goes value by value.
            /// </summary>
            public bool TryAddFinite(double[] values)
            {
                int count = values.Length;
                if (count == 0)
                {
                    return true;
                }

                // Everything about x₀ (the first value ever seen), as in Add. A chunk at a time, so
                // that its second look finds it in the cache: its sum (with the finiteness check),
                // then the squared deviations from its own mean, corrected for the rounding left in
                // that mean (the corrected two-pass algorithm), merged with Chan's formula.
                double x0 = Count == 0 ? values[0] : reference;
                var moments = default(RunningMoments);
                double min = double.PositiveInfinity, max = double.NegativeInfinity;
                for (int from = 0; from < count; from += BulkChunk)
                {
                    Cancellation.ThrowIfCancellationRequested();
                    int length = Math.Min(BulkChunk, count - from);
                    var chunk = VectorMath.Summarise(values, from, length, -double.MaxValue, double.MaxValue, false, x0);
                    if (!chunk.Accepted || double.IsInfinity(chunk.SumOfDifferences))
                    {
                        return false;
                    }

                    double chunkMean = chunk.SumOfDifferences / length;
                    double chunkSquares = VectorMath.SumOfSquaredDeviations(values, from, length, x0, chunkMean, out double residual);
                    chunkSquares -= residual * residual / length;
                    chunkMean += residual / length;
                    min = Math.Min(min, chunk.Minimum);
                    max = Math.Max(max, chunk.Maximum);

                    moments.Merge(length, chunkMean, chunkSquares);
                }

                if (Count == 0)
                {
                    reference = x0;
                }
                else
                {
                    ValuesDiffer |= values[0] != reference;
                }

                ValuesDiffer |= min != max;

                var all = new RunningMoments(TotalWeight, shift, SumOfSquares);
                all.Merge(moments);
                shift = all.Mean;
                SumOfSquares = all.Squares;
                TotalWeight = all.Count;
                Count += count;
                return true;
            }
        }
    }
}
