using System;
using PSEstimation.Models;
using PSEstimation.Numerics;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Rayleigh(Scale): f(x) = x / Scale² · exp(-x² / (2 Scale²)) for x >= 0 (the density is 0
    /// at x = 0, so such a value is fitted but makes the log-likelihood -Infinity). The MLE is
    /// Scale² = Σx² / (2n), in closed form.
    /// Streams: keeps n, Σ log x and Σx² as scale² · Σ(x / scale)² with scale the largest value
    /// so far (the rescaling of LAPACK's dnrm2), so values near 1e300 do not overflow x².
    /// </summary>
    internal sealed class RayleighFamily : DistributionFamily
    {
        public RayleighFamily()
            : base(new RayleighModel())
        {
        }

        public override bool CanFit(double x, double?[] fixedValues) => x > 0;

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => BulkSupport.Positive;

        public override SampleAccumulator CreateAccumulator() => new Statistics();

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double sigma = theta[0];
            return s.SumOfLogs - 2 * s.TotalWeight * Math.Log(sigma) - 0.5 * s.SumOfSquaresOver(sigma);
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double sigma = theta[0];
            return new[] { (s.SumOfSquaresOver(sigma) - 2 * s.TotalWeight) / sigma };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double sigma = theta[0];
            return new[,] { { (2 * s.TotalWeight - 3 * s.SumOfSquaresOver(sigma)) / (sigma * sigma) } };
        }

        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
        {
            var s = (Statistics)sample;

            // Scale = sqrt(Σx² / 2n) = largest · sqrt(Σ(x/largest)² / 2n): no x² is ever formed.
            double sigma = s.Largest * Math.Sqrt(s.ScaledSumOfSquares / (2 * s.TotalWeight));
            if (!(sigma > 0))
            {
                throw new EstimationException(
                    ErrorIds.AllValuesZero,
                    $"All {s.Count} values are 0: the Scale estimate sqrt(Σx² / 2n) would be 0, where the Rayleigh likelihood is degenerate. Fix the scale with -Fixed @{{ Scale = ... }} or supply positive values.");
            }

            return new[] { sigma };
        }

        /// <summary>Weighted count, Σ w log x, and Σ w x² kept as Largest² · ScaledSumOfSquares.</summary>
        internal sealed class Statistics : SampleAccumulator
        {
            /// <summary>Σ w log x (-Infinity once a 0 arrives).</summary>
            public double SumOfLogs { get; private set; }

            /// <summary>The largest value so far (0 before any positive value).</summary>
            public double Largest { get; private set; }

            /// <summary>Σ w (x / Largest)².</summary>
            public double ScaledSumOfSquares { get; private set; }

            /// <summary>Σ w (x / sigma)², formed from the scaled sum without squaring a huge number.</summary>
            public double SumOfSquaresOver(double sigma)
            {
                double r = Largest / sigma;
                return r * r * ScaledSumOfSquares;
            }

            public override void Add(double x, double weight)
            {
                if (x > Largest)
                {
                    double r = Largest / x;
                    ScaledSumOfSquares = ScaledSumOfSquares * r * r + weight;
                    Largest = x;
                }
                else if (x > 0)
                {
                    double r = x / Largest;
                    ScaledSumOfSquares += weight * r * r;
                }

                SumOfLogs += weight * Math.Log(x);
                TotalWeight += weight;
                Count++;
            }

            /// <summary>
            /// The support check, Σ log x and the largest value in one loop, then Σ (x / largest)²
            /// in a second, merged with the sum so far by rescaling the one with the smaller largest value.
            /// </summary>
            public override bool TryAddRange(double[] values, BulkSupport support)
            {
                int count = values.Length;
                bool accepted = true;
                double logs = 0, largest = 0;
                for (int from = 0; from < count; from += BulkChunk)
                {
                    // The chunk's support check, then its logs in VectorMath (SIMD on net8.0).
                    Cancellation.ThrowIfCancellationRequested();
                    int length = Math.Min(BulkChunk, count - from);
                    var chunk = VectorMath.Summarise(values, from, length, support.Lower, support.Upper, support.Integers, 0);
                    accepted &= chunk.Accepted;
                    largest = Math.Max(largest, chunk.Maximum);
                    logs += VectorMath.SumOfLogs(values, from, length);
                }

                if (!accepted)
                {
                    return false;
                }

                double top = Math.Max(largest, Largest), squares = 0;
                if (top > 0)
                {
                    for (int i = 0; i < count; i++)
                    {
                        CancellationCheck.At(i, Cancellation);
                        double r = values[i] / top;
                        squares += r * r;
                    }

                    double rescale = Largest / top;
                    ScaledSumOfSquares = ScaledSumOfSquares * rescale * rescale + squares;
                    Largest = top;
                }

                SumOfLogs += logs;
                TotalWeight += count;
                Count += count;
                return true;
            }
        }
    }
}
