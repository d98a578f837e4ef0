using System;
using System.Globalization;
using PSEstimation.Models;
using PSEstimation.Numerics;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Pareto type I (Scale, Shape): f(x) = Shape · Scale^Shape / x^(Shape + 1) for x >= Scale.
    /// The likelihood grows with Scale up to the smallest value, so the MLE is Scale = min x
    /// (on the boundary of the support: non-regular, no standard error), and then
    /// Shape = n / Σ log(x / Scale), whose standard error Shape/sqrt(n) is the observed
    /// information's with Scale treated as known. Every pattern of fixed values has a closed form.
    /// Streams: keeps n, the minimum and Σ log x, the logarithms taken relative to the first
    /// value (log1p near it) so that Σ log(x / Scale) keeps its digits for data with a huge offset.
    /// </summary>
    internal sealed class ParetoFamily : DistributionFamily
    {
        public ParetoFamily()
            : base(new ParetoModel())
        {
        }

        /// <summary>Any x > 0 (Scale becomes the minimum); x >= Scale when Scale is fixed.</summary>
        public override bool CanFit(double x, double?[] fixedValues)
            => x > 0 && (fixedValues[0] is not double scale || x >= scale);

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => new BulkSupport(Math.Max(double.Epsilon, fixedValues[0] ?? 0), double.MaxValue);

        /// <summary>Scale moves the support; its MLE (the minimum) does not depend on Shape.</summary>
        public override bool IsSmoothIn(int parameterIndex) => parameterIndex != 0;

        public override SampleAccumulator CreateAccumulator() => new Statistics();

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double scale = theta[0], shape = theta[1], n = s.TotalWeight;
            if (!(s.Minimum >= scale))
            {
                return double.NegativeInfinity;
            }

            return n * (Math.Log(shape) - Math.Log(scale)) - (shape + 1) * s.SumOfLogRatios(scale);
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double scale = theta[0], shape = theta[1], n = s.TotalWeight;
            if (!(s.Minimum >= scale))
            {
                return new[] { double.NaN, double.NaN };
            }

            return new[] { n * shape / scale, n / shape - s.SumOfLogRatios(scale) };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double scale = theta[0], shape = theta[1], n = s.TotalWeight;
            if (!(s.Minimum >= scale))
            {
                return new[,] { { double.NaN, double.NaN }, { double.NaN, double.NaN } };
            }

            return new[,]
            {
                { -n * shape / (scale * scale), n / scale },
                { n / scale, -n / (shape * shape) },
            };
        }

        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
        {
            var s = (Statistics)sample;

            // log L is increasing in Scale for every Shape > 0, so Scale = min whether Shape is fixed or not.
            double scale = fixedValues[0] ?? s.Minimum;
            if (fixedValues[1] is double shape)
            {
                return new[] { scale, shape };
            }

            double sumLogRatios = s.SumOfLogRatios(scale);
            if (!(sumLogRatios > 0))
            {
                string what = fixedValues[0] is null
                    ? $"All {s.Count} values are equal ({scale.ToString("R", CultureInfo.InvariantCulture)})"
                    : $"All {s.Count} values equal the fixed Scale {scale.ToString("R", CultureInfo.InvariantCulture)}";
                throw new EstimationException(
                    ErrorIds.ZeroVariance,
                    what + ": the Shape estimate n / Σ log(x / Scale) would be infinite. Fix it with -Fixed @{ Shape = ... } or supply values that differ.");
            }

            return new[] { scale, s.TotalWeight / sumLogRatios };
        }

        /// <summary>
        /// With Scale estimated (the minimum, on the boundary of the support) Scale has no
        /// standard error; Shape's variance is Shape²/n, the inverse of its observed information
        /// n/Shape² with Scale treated as known. With Scale fixed the model is regular (null).
        /// </summary>
        public override NonRegularCovariance? NonRegularCovariance(SampleAccumulator sample, double[] theta, double?[] fixedValues)
        {
            if (fixedValues[0] is not null)
            {
                return null;
            }

            bool shapeFree = fixedValues[1] is null;
            double shapeVariance = shapeFree ? theta[1] * theta[1] / sample.TotalWeight : 0;
            double cross = shapeFree ? double.NaN : 0;
            var covariance = new[,] { { double.NaN, cross }, { cross, shapeVariance } };
            string explanation = "Scale is the sample minimum, on the boundary of the support (non-regular), so it has no standard error or Wald interval";
            if (shapeFree)
            {
                explanation += "; the standard error of Shape is Shape/sqrt(n), from its observed information n/Shape² with Scale treated as known";
            }

            return new NonRegularCovariance(covariance, explanation);
        }

        /// <summary>log(x / p) to full relative precision when x is near p, and without overflow when it is not.</summary>
        private static double LogRatio(double x, double p)
        {
            double ratio = x / p;
            return ratio > 0.5 && ratio < 2 ? SpecialMath.Log1p((x - p) / p) : Math.Log(x) - Math.Log(p);
        }

        /// <summary>Weighted count, minimum, and Σ w log(x / pivot) with the first value as pivot.</summary>
        internal sealed class Statistics : SampleAccumulator
        {
            private double pivot = double.NaN;
            private double sumLogRelative;

            public double Minimum { get; private set; } = double.PositiveInfinity;

            /// <summary>Σ w log(x / scale) = Σ w log(x / pivot) - n log(scale / pivot).</summary>
            public double SumOfLogRatios(double scale)
                => sumLogRelative - TotalWeight * LogRatio(scale, pivot);

            public override void Add(double x, double weight)
            {
                if (Count == 0)
                {
                    pivot = x;
                }

                sumLogRelative += weight * LogRatio(x, pivot);
                Minimum = Math.Min(Minimum, x);
                TotalWeight += weight;
                Count++;
            }

            /// <summary>The support check, Σ log(x / pivot) and the minimum in one loop.</summary>
            public override bool TryAddRange(double[] values, BulkSupport support)
            {
                int count = values.Length;
                if (count == 0)
                {
                    return true;
                }

                // A fresh accumulator takes the smallest value as its pivot (see BulkSupport.LowPivot).
                double low = Count == 0 ? BulkSupport.LowPivot(values) : double.NaN;
                bool above = !double.IsNaN(low);
                double p = Count != 0 ? pivot : above ? low : values[0], sum = 0, min = Minimum;
                bool accepted = true;
                if (above)
                {
                    // Every ratio is at least 1: the chunk's support check, then its logs in VectorMath (SIMD on net8.0).
                    for (int from = 0; from < count; from += BulkChunk)
                    {
                        Cancellation.ThrowIfCancellationRequested();
                        int length = Math.Min(BulkChunk, count - from);
                        var chunk = VectorMath.Summarise(values, from, length, support.Lower, support.Upper, support.Integers, 0);
                        accepted &= chunk.Accepted;
                        min = Math.Min(min, chunk.Minimum);
                        sum += VectorMath.SumOfLog1p(values, from, length, p, p);
                    }
                }
                else
                {
                    for (int i = 0; i < count; i++)
                    {
                        CancellationCheck.At(i, Cancellation);
                        double x = values[i];
                        accepted &= support.Accepts(x);
                        sum += LogRatio(x, p);
                        min = x < min ? x : min;
                    }
                }

                if (!accepted)
                {
                    return false;
                }

                pivot = p;
                sumLogRelative += sum;
                Minimum = min;
                TotalWeight += count;
                Count += count;
                return true;
            }
        }
    }
}
