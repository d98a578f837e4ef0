using System;
using System.Globalization;
using MathNet.Numerics;
using PSEstimation.Models;
using PSEstimation.Numerics;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Gamma(Shape a, Rate b): f(x) = bᵃ xᵃ⁻¹ e^(-bx) / Γ(a), x > 0.
    /// Streams: the likelihood depends on the sample only through n, the mean x̄ and the mean
    /// of log x, so the accumulator keeps those (one pass over the data, whatever the
    /// iterations). The Hessian does not involve x, so observed and expected information agree.
    /// </summary>
    /// <remarks>
    /// The fit: with Shape fixed, Rate = Shape / x̄ in closed form. Otherwise Newton-Raphson on
    /// (log a, log b): from Minka's approximation to the root of log a - ψ(a) = log x̄ - mean(log x)
    /// ("Estimating a Gamma distribution", 2002; within 1.5 % of the root) with Rate = a / x̄ when
    /// both are free, or from ψ(a) = log b + mean(log x) solved by MathNet's DiGammaInv when Rate is
    /// fixed. s = log x̄ - mean(log x) is accumulated relative to the first value, so a sample with
    /// a small relative spread keeps its digits (a ≈ 1/(2 s) is then large).
    /// </remarks>
    internal sealed class GammaFamily : DistributionFamily
    {
        /// <summary>
        /// Largest shape a fit starts from: beyond it (coefficient of variation below about 1e-5)
        /// the log-likelihood, a difference of terms of size a·log a, has lost its digits.
        /// </summary>
        internal const double MaxShape = 1e10;

        public GammaFamily()
            : base(new GammaModel())
        {
        }

        public override bool CanFit(double x, double?[] fixedValues) => x > 0 && !double.IsInfinity(x);

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => BulkSupport.Positive;

        public override SampleAccumulator CreateAccumulator() => new Statistics();

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double a = theta[0], b = theta[1];
            return s.TotalWeight * (a * Math.Log(b) - SpecialFunctions.GammaLn(a) + (a - 1) * s.MeanLog - b * s.Mean);
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double n = s.TotalWeight, a = theta[0], b = theta[1];
            return new[]
            {
                n * (Math.Log(b) - SpecialFunctions.DiGamma(a) + s.MeanLog),
                n * (a / b - s.Mean),
            };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double n = s.TotalWeight, a = theta[0], b = theta[1];
            return new[,]
            {
                { -n * SpecialMath.Trigamma(a), n / b },
                { n / b, -n * a / (b * b) },
            };
        }

        /// <summary>With Shape fixed, the Rate MLE is Shape / x̄.</summary>
        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
        {
            if (fixedValues[0] is double shape && fixedValues[1] is null)
            {
                var s = (Statistics)sample;
                double rate = shape / s.Mean;
                RequireFinite(rate, "Rate", s);
                return RequireInformationInRange(new[] { shape, rate }, s, fixedValues);
            }

            return null;
        }

        public override double[] InitialEstimate(SampleAccumulator sample, double?[] fixedValues)
        {
            var s = (Statistics)sample;
            if (fixedValues[1] is double rate)
            {
                // ψ(a) = log b + mean(log x) has one root for every right-hand side.
                double target = Math.Log(rate) + s.MeanLog;
                double shape = SpecialFunctions.DiGammaInv(target);
                RequireFinite(shape, "Shape", s);
                return RequireInformationInRange(new[] { shape, rate }, s, fixedValues);
            }

            if (s.Minimum == s.Maximum)
            {
                throw new EstimationException(
                    ErrorIds.ZeroVariance,
                    $"All {s.Count} values equal {Format(s.Minimum)}: the Gamma likelihood grows without bound as Shape → ∞ (with Shape/Rate held at the mean), so there is no finite estimate. Fix the shape with -Fixed @{{ Shape = ... }} or supply values that differ.");
            }

            double gap = s.LogMeanGap;
            double start = gap > 0 ? MinkaShape(gap) : double.PositiveInfinity;
            if (!(start <= MaxShape))
            {
                throw new EstimationException(
                    ErrorIds.InsufficientSpread,
                    $"The values (from {Format(s.Minimum)} to {Format(s.Maximum)}) differ too little relative to their mean: the Gamma Shape estimate would be about {Format(start)}, beyond {Format(MaxShape)}, where double precision no longer resolves the likelihood. Fix the shape with -Fixed @{{ Shape = ... }}, or fit a Normal distribution.");
            }

            double startRate = start / s.Mean;
            RequireFinite(startRate, "Rate", s);
            return RequireInformationInRange(new[] { start, startRate }, s, fixedValues);
        }

        /// <summary>
        /// The information on Rate is n·Shape/Rate² = n·x̄²/Shape at the optimum: for values near
        /// 1e300 (or 1e-300) it overflows (or underflows) a double, and then neither Newton's
        /// curvature nor the covariance exist. Rescaling the data fixes it (Shape is unchanged).
        /// </summary>
        private double[] RequireInformationInRange(double[] theta, Statistics s, double?[] fixedValues)
        {
            if (!SpecialMath.InformationInRange(ExpectedInformation(theta), s.TotalWeight, fixedValues, out int worst))
            {
                throw new EstimationException(
                    ErrorIds.InformationOutOfRange,
                    $"The values (mean {Format(s.Mean)}, from {Format(s.Minimum)} to {Format(s.Maximum)}) are at a scale where the Fisher information for {Parameters[worst].Name} (at Shape ≈ {Format(theta[0])}, Rate ≈ {Format(theta[1])}) is outside the range of a double, so the fit cannot be carried out or its standard errors reported. Divide the values by about {SpecialMath.PowerOfTen(s.Mean)} and fit again: Shape does not change, and Rate scales by the same factor.");
            }

            return theta;
        }

        /// <summary>
        /// Minka's closed approximation to the root of log a - ψ(a) = s:
        /// a ≈ (3 - s + √((s - 3)² + 24 s)) / (12 s).
        /// </summary>
        internal static double MinkaShape(double s) => (3 - s + Math.Sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);

        private static void RequireFinite(double value, string name, Statistics s)
        {
            if (!(value > 0) || double.IsInfinity(value))
            {
                throw new EstimationException(
                    ErrorIds.EstimateOutOfRange,
                    $"The Gamma {name} estimate for values from {Format(s.Minimum)} to {Format(s.Maximum)} is {(value > 0 ? "beyond the largest" : "below the smallest positive")} double. Rescale the data (e.g. divide by {Format(s.Maximum)}) and fit again.");
            }
        }

        private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

        /// <summary>
        /// Weighted n, mean and mean of log x, both kept relative to the first value x₀ (as
        /// means of x - x₀ and of log(x/x₀)), so that s = log x̄ - mean(log x) = log(x̄/x₀) - mean(log(x/x₀))
        /// keeps its digits when the values are close together.
        /// </summary>
        internal sealed class Statistics : SampleAccumulator
        {
            public double Reference { get; private set; } = double.NaN;

            /// <summary>Weighted mean of x - x₀.</summary>
            public double MeanShift { get; private set; }

            /// <summary>Weighted mean of log(x / x₀).</summary>
            public double MeanLogRatio { get; private set; }

            public double Minimum { get; private set; } = double.PositiveInfinity;

            public double Maximum { get; private set; } = double.NegativeInfinity;

            /// <summary>The weighted mean x̄.</summary>
            public double Mean => Reference + MeanShift;

            /// <summary>The weighted mean of log x.</summary>
            public double MeanLog => Math.Log(Reference) + MeanLogRatio;

            /// <summary>s = log x̄ - mean(log x) ≥ 0 (Jensen), 0 only for a constant sample.</summary>
            public double LogMeanGap
            {
                get
                {
                    double logMeanRatio = Math.Abs(MeanShift) <= 0.5 * Reference
                        ? SpecialMath.Log1p(MeanShift / Reference)
                        : Math.Log(Mean) - Math.Log(Reference);
                    return logMeanRatio - MeanLogRatio;
                }
            }

            public override void Add(double x, double weight)
            {
                if (Count == 0)
                {
                    Reference = x;
                }

                double total = TotalWeight + weight;
                double f = weight / total;
                MeanShift += (x - Reference - MeanShift) * f;
                MeanLogRatio += (SpecialMath.LogRatio(x, Reference) - MeanLogRatio) * f;
                Minimum = Math.Min(Minimum, x);
                Maximum = Math.Max(Maximum, x);
                TotalWeight = total;
                Count++;
            }

            public override void AddRange(double[] values)
            {
                if (values.Length == 0)
                {
                    return;
                }

                if (Count == 0)
                {
                    Reference = values[0];
                }

                double n = TotalWeight, x0 = Reference, shift = MeanShift, logRatio = MeanLogRatio, min = Minimum, max = Maximum;
                foreach (double x in values)
                {
                    n += 1;
                    min = x < min ? x : min;
                    max = x > max ? x : max;
                    shift += (x - x0 - shift) / n;
                    logRatio += (SpecialMath.LogRatio(x, x0) - logRatio) / n;
                }

                TotalWeight = n;
                MeanShift = shift;
                MeanLogRatio = logRatio;
                Minimum = min;
                Maximum = max;
                Count += values.Length;
            }

            /// <summary>
            /// Σ(x - x₀) and Σ log(x/x₀) (each term as <see cref="SpecialMath.LogRatio"/> forms it),
            /// the minimum, the maximum and the support check, block by block (on every core for a
            /// large array, <see cref="ParallelBlocks"/>), merged into the running means.
            /// </summary>
            public override bool TryAddRange(double[] values, BulkSupport support)
            {
                int count = values.Length;
                if (count == 0)
                {
                    return true;
                }

                // A fresh accumulator takes the first value as x₀, as Add does.
                double x0 = Count == 0 ? values[0] : Reference;
                var blocks = ParallelBlocks.Map(count, (start, length) => Block(values, start, length, support, x0), Cancellation);
                bool accepted = true;
                double shift = 0, logRatio = 0, min = Minimum, max = Maximum;
                foreach (var block in blocks)
                {
                    accepted &= block.Range.Accepted;
                    shift += block.Range.SumOfDifferences;
                    min = Math.Min(min, block.Range.Minimum);
                    max = Math.Max(max, block.Range.Maximum);
                    logRatio += block.SumOfLogRatios;
                }

                if (!accepted)
                {
                    return false;
                }

                double total = TotalWeight + count, f = count / total;
                Reference = x0;
                MeanShift += (shift / count - MeanShift) * f;
                MeanLogRatio += (logRatio / count - MeanLogRatio) * f;
                Minimum = min;
                Maximum = max;
                TotalWeight = total;
                Count += count;
                return true;
            }

            /// <summary>
            /// One block of the bulk path, a chunk at a time: the support check, Σ(x - x₀), the
            /// minimum, the maximum and Σ log(x/x₀) in one look at each value (SIMD on net8.0).
            /// </summary>
            private static (RangeSummary Range, double SumOfLogRatios) Block(double[] values, int start, int length, BulkSupport support, double x0)
            {
                bool accepted = true;
                double shift = 0, logRatio = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
                for (int from = start; from < start + length; from += BulkChunk)
                {
                    int chunkLength = Math.Min(BulkChunk, start + length - from);
                    var (chunk, chunkLogRatios) = VectorMath.SummariseWithLogRatios(values, from, chunkLength, support.Lower, support.Upper, support.Integers, x0);
                    accepted &= chunk.Accepted;
                    shift += chunk.SumOfDifferences;
                    min = Math.Min(min, chunk.Minimum);
                    max = Math.Max(max, chunk.Maximum);
                    logRatio += chunkLogRatios;
                }

                return (new RangeSummary(accepted, shift, min, max), logRatio);
            }
        }
    }
}
