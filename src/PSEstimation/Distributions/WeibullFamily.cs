using System;
using System.Globalization;
using PSEstimation.Models;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Weibull(Shape k, Scale λ): f(x) = (k/λ)(x/λ)ᵏ⁻¹ exp(-(x/λ)ᵏ), x ≥ 0 (x > 0 for the fit).
    /// Buffered: the likelihood involves Σ xᵏ for the unknown k, which no fixed set of
    /// statistics gives.
    /// </summary>
    /// <remarks>
    /// Every term is computed from z = log(x/λ) (log1p of the exact difference near x = λ) and
    /// t = (x/λ)ᵏ = exp(k·z), so values from 1e-300 to 1e300 neither overflow nor lose digits.
    /// The fit: with Shape fixed, Scale = (Σ w xᵏ / n)^(1/k) in closed form, computed as
    /// max·(Σ w (x/max)ᵏ / n)^(1/k). Otherwise Newton-Raphson on (log k, log λ), from Menon's
    /// estimate k = π / (√6 · sd(log x)) (log x is Gumbel with that spread) and the Scale that
    /// maximises the likelihood for it; with Scale fixed the log-likelihood is concave in k.
    /// MathNet's Weibull.Estimate has no iteration cap (MathNet #648) and is not used.
    /// </remarks>
    internal sealed class WeibullFamily : FusedLikelihoodFamily
    {
        /// <summary>
        /// Largest shape a fit starts from: beyond it (sd(log x) below about 1e-10) the
        /// sample is constant to double precision for this purpose.
        /// </summary>
        internal const double MaxShape = 1e10;

        public WeibullFamily()
            : base(new WeibullModel())
        {
        }

        public override bool CanFit(double x, double?[] fixedValues) => x > 0 && !double.IsInfinity(x);

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => BulkSupport.Positive;

        /// <summary>
        /// Log-likelihood, score and Hessian in one pass, from z = log(x/λ) and t = e^(k z)
        /// = (x/λ)^k: one exp per value. log(x/r) for a reference r (the largest value) is taken
        /// once per sample, and z = log(x/r) - log(λ/r): both terms are small where the values
        /// are close together (1e9 + small offsets), so z keeps its digits; values from 1e-300
        /// to 1e300 neither overflow nor cost a log per pass.
        /// </summary>
        protected override double EvaluateRange(BufferedSample s, int from, int to, double[] theta, double[] score, double[,] hessian)
        {
            double k = theta[0], lambda = theta[1];
            double logLambda = Math.Log(lambda);
            var relative = s.RelativeLogs();
            double[] logs = relative.Logs;
            double reference = relative.Reference;
            double lambdaOffset = SpecialMath.LogRatio(lambda, reference);
            double[]? weights = s.Weights;
            double n = 0, sumZ = 0, sumT = 0, sumZT = 0, sumZZT = 0;
            for (int i = from; i < to; i++)
            {
                double w = weights is null ? 1.0 : weights[i];
                double z = logs[i] - lambdaOffset;
                double t = Math.Exp(k * z);
                n += w;
                sumZ += w * z;
                if (t != 0)
                {
                    double wt = w * t;
                    sumT += wt;
                    sumZT += wt * z;
                    sumZZT += wt * z * z;
                }
            }

            score[0] = n / k + sumZ - sumZT;
            score[1] = k * (sumT - n) / lambda;
            double cross = (sumT - n + k * sumZT) / lambda;
            hessian[0, 0] = -n / (k * k) - sumZZT;
            hessian[0, 1] = cross;
            hessian[1, 0] = cross;
            hessian[1, 1] = k * (n - (k + 1) * sumT) / (lambda * lambda);
            return n * (Math.Log(k) - logLambda) + (k - 1) * sumZ - sumT;
        }

        /// <summary>Builds the sample's logs before the ranges of a pass read them in parallel.</summary>
        protected override void BeginPass(BufferedSample s) => s.RelativeLogs();

        /// <summary>With Shape fixed, the Scale MLE is (Σ w xᵏ / n)^(1/k).</summary>
        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
        {
            if (fixedValues[0] is double shape && fixedValues[1] is null)
            {
                double scale = ScaleForShape((BufferedSample)sample, shape);
                RequireScaleInformationInRange(shape, scale, scale, sample.TotalWeight);
                return new[] { shape, scale };
            }

            return null;
        }

        public override double[] InitialEstimate(SampleAccumulator sample, double?[] fixedValues)
        {
            var s = (BufferedSample)sample;
            s.Range(out double min, out double max);
            double sdLog = SdLog(s, max);
            double menon = Math.PI / (Math.Sqrt(6) * sdLog);
            if (fixedValues[1] is double scale)
            {
                if (min == scale && max == scale)
                {
                    throw new EstimationException(
                        ErrorIds.ZeroVariance,
                        $"All {s.Count} values equal the fixed Scale {Format(scale)}: the Weibull likelihood grows without bound as Shape → ∞, so there is no finite estimate. Supply values that differ.");
                }

                // The log-likelihood is concave in k for a fixed λ, so any start reaches the root.
                return new[] { menon <= MaxShape ? menon : 1.0, scale };
            }

            if (min == max)
            {
                throw new EstimationException(
                    ErrorIds.ZeroVariance,
                    $"All {s.Count} values equal {Format(min)}: the Weibull likelihood grows without bound as Shape → ∞ (with Scale at that value), so there is no finite estimate. Fix the shape with -Fixed @{{ Shape = ... }} or supply values that differ.");
            }

            if (!(menon <= MaxShape))
            {
                throw new EstimationException(
                    ErrorIds.InsufficientSpread,
                    $"The values (from {Format(min)} to {Format(max)}) differ too little relative to their size: the Weibull Shape estimate would be about {Format(menon)}, beyond {Format(MaxShape)}, where double precision no longer resolves the likelihood. Fix the shape with -Fixed @{{ Shape = ... }}, or fit a Normal distribution.");
            }

            // λ is a power mean of the values, so it lies in [min, max].
            RequireScaleInformationInRange(menon, min, max, s.TotalWeight);
            return new[] { menon, ScaleForShape(s, menon) };
        }

        /// <summary>
        /// The information on Scale is n·k²/λ²: for a Scale near 1e-300 (or 1e300) it overflows
        /// (or underflows) a double, and then neither Newton's curvature nor the covariance exist.
        /// Throws when that happens for every λ in [<paramref name="low"/>, <paramref name="high"/>]
        /// (it decreases in λ). Rescaling the data fixes it (Shape is unchanged).
        /// </summary>
        private static void RequireScaleInformationInRange(double k, double low, double high, double n)
        {
            double atLow = n * (k / low) * (k / low), atHigh = n * (k / high) * (k / high);
            if (!(atLow >= 1e-306) || double.IsInfinity(atHigh))
            {
                double typical = Math.Sqrt(low) * Math.Sqrt(high);
                string scale = low == high ? "≈ " + Format(low) : $"between {Format(low)} and {Format(high)}";
                throw new EstimationException(
                    ErrorIds.InformationOutOfRange,
                    $"At these values the Weibull Scale is {scale}, where its Fisher information n·Shape²/Scale² (Shape ≈ {Format(k)}) is outside the range of a double, so the fit cannot be carried out or its standard errors reported. Divide the values by about {SpecialMath.PowerOfTen(typical)} and fit again: Shape does not change, and Scale scales by the same factor.");
            }
        }

        /// <summary>
        /// λ(k) = (Σ w xᵏ / n)^(1/k) without overflow: log λ = log max + log(Σ w (x/max)ᵏ / n) / k,
        /// where every (x/max)ᵏ is in (0, 1] and the largest is 1.
        /// </summary>
        internal static double ScaleForShape(BufferedSample s, double k)
        {
            s.Range(out _, out double max);
            double sum = 0;
            for (int i = 0; i < s.Length; i++)
            {
                CancellationCheck.At(i, s.Cancellation);
                sum += s.WeightAt(i) * Math.Exp(k * SpecialMath.LogRatio(s.ValueAt(i), max));
            }

            double scale = Math.Exp(Math.Log(max) + Math.Log(sum / s.TotalWeight) / k);
            if (!(scale > 0) || double.IsInfinity(scale))
            {
                throw new EstimationException(
                    ErrorIds.EstimateOutOfRange,
                    $"The Weibull Scale estimate for Shape {Format(k)} is {(scale > 0 ? "beyond the largest" : "below the smallest positive")} double. Rescale the data (e.g. divide by {Format(max)}) and fit again.");
            }

            return scale;
        }

        /// <summary>
        /// The weighted standard deviation of log x (divisor n), in two passes over log(x/max),
        /// which keeps its digits for values close together.
        /// </summary>
        private static double SdLog(BufferedSample s, double max)
        {
            double mean = s.WeightedSum(x => SpecialMath.LogRatio(x, max)) / s.TotalWeight;
            double squares = s.WeightedSum(x =>
            {
                double d = SpecialMath.LogRatio(x, max) - mean;
                return d * d;
            });
            return Math.Sqrt(squares / s.TotalWeight);
        }

        private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
    }
}
