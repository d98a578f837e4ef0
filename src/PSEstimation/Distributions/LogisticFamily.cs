using System;
using System.Runtime.CompilerServices;
using System.Threading;
using PSEstimation.Estimation;
using PSEstimation.Models;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Logistic(Location, Scale): f(x) = e^{-z} / (s (1 + e^{-z})²) with z = (x - Location) / Scale.
    /// No closed form: Newton-Raphson on (Location, log Scale) from the median and IQR / (2 ln 3)
    /// (the logistic quartiles are Location ± Scale·ln 3). The log-likelihood is bounded for any
    /// sample with two distinct values, so only a constant sample (or one value) is refused.
    /// </summary>
    /// <remarks>
    /// With t = tanh(z/2): ∂/∂Location = t/s, ∂/∂Scale = (z t - 1)/s; ∂²/∂Location² = -(1 - t²)/(2s²),
    /// ∂²/∂Location∂Scale = -(t + z(1 - t²)/2)/s², ∂²/∂Scale² = (1 - 2 z t - z²(1 - t²)/2)/s².
    /// Everything is computed from e = exp(-|z|), so no term overflows for a far outlier.
    /// </remarks>
    internal sealed class LogisticFamily : LocationScaleFamily
    {
        /// <summary>ln 3: the upper quartile of the standard logistic distribution.</summary>
        private static readonly double UpperQuartile = Math.Log(3);

        public LogisticFamily()
            : base(new LogisticModel())
        {
        }

        /// <summary>
        /// The quantile start (median, IQR / (2 ln 3)) or the moment start (mean, SD·√3/π),
        /// whichever has the higher log-likelihood. The logistic's light tails let one far value
        /// pull the MLE's Scale up to its own size: there the quantile start sits so far from the
        /// optimum (Scale 0.4 against 1e307, a log-likelihood of -Infinity) that Newton could not
        /// start, or ran out of iterations climbing 5 units of log Scale at a time.
        /// </summary>
        public override double[] InitialEstimate(SampleAccumulator sample, double?[] fixedValues)
        {
            var sorted = new SortedSample((BufferedSample)sample);
            CheckScaleIdentified(sorted, fixedValues, (tied, n) => false, string.Empty);
            var theta = new double[2];
            QuantileStart(sorted, theta, fixedValues, UpperQuartile);
            sample.Cancellation.ThrowIfCancellationRequested();
            if (fixedValues[1] is null && MomentStart((BufferedSample)sample, fixedValues) is double[] moments)
            {
                sample.Cancellation.ThrowIfCancellationRequested();
                double atQuantiles = LogLikelihood(sample, theta);
                sample.Cancellation.ThrowIfCancellationRequested();
                double atMoments = LogLikelihood(sample, moments);
                if (atMoments > atQuantiles || (double.IsNaN(atQuantiles) && !double.IsNaN(atMoments)))
                {
                    theta = moments;
                }
            }

            return RequireInformationInRange(theta, sample.TotalWeight, fixedValues);
        }

        public override string NumericalMethod
            => $"Newton-Raphson on unconstrained scales (above {SubsampleThreshold} values, from a fit to a stratified subsample of {SubsampleSize} of them)";

        /// <summary>
        /// Above <see cref="LocationScaleFamily.SubsampleThreshold"/> values: the fit of a
        /// subsample (with the start of <see cref="InitialEstimate"/>), or the moment start where
        /// that has the higher log-likelihood on every value (a far value the subsample missed
        /// pulls the Scale up), then Newton on every value. Smaller samples: Newton from
        /// <see cref="InitialEstimate"/>.
        /// </summary>
        public override OptimizationResult MaximizeLikelihood(SampleAccumulator sample, double?[] fixedValues, CancellationToken cancellation, Action<string>? trace)
        {
            if (!(SubsampleEstimate(sample, fixedValues, cancellation, trace, out int iterations) is double[] start))
            {
                return base.MaximizeLikelihood(sample, fixedValues, cancellation, trace);
            }

            // The moments agree with the subsample's Scale within a few per cent on logistic data; only
            // a far larger moment Scale (a far value, or much heavier tails) is worth two more passes.
            if (fixedValues[1] is null && MomentStart((BufferedSample)sample, fixedValues) is double[] moments && moments[1] > 4 * start[1])
            {
                double atSubsample = LogLikelihood(sample, start);
                double atMoments = LogLikelihood(sample, moments);
                if (atMoments > atSubsample || (double.IsNaN(atSubsample) && !double.IsNaN(atMoments)))
                {
                    start = moments;
                }
            }

            RequireInformationInRange(start, sample.TotalWeight, fixedValues);
            return Refine(sample, start, iterations, fixedValues, cancellation, trace);
        }

        /// <summary>
        /// Location = the mean (or its fixed value), Scale = the root mean square deviation from it
        /// times √3/π (the logistic's SD is Scale·π/√3), computed on x / max|x| so that values near
        /// 1e308 do not overflow; null when that Scale is not a positive double.
        /// </summary>
        private static double[]? MomentStart(BufferedSample sample, double?[] fixedValues)
        {
            double big = 0;
            for (int i = 0; i < sample.Length; i++)
            {
                CancellationCheck.At(i, sample.Cancellation);
                big = Math.Max(big, Math.Abs(sample.ValueAt(i)));
            }

            double n = sample.TotalWeight, mean = 0;
            for (int i = 0; i < sample.Length; i++)
            {
                CancellationCheck.At(i, sample.Cancellation);
                mean += sample.WeightAt(i) * (sample.ValueAt(i) / big);
            }

            mean = fixedValues[0] is double location ? location / big : mean / n;
            double squares = 0;
            for (int i = 0; i < sample.Length; i++)
            {
                CancellationCheck.At(i, sample.Cancellation);
                double d = sample.ValueAt(i) / big - mean;
                squares += sample.WeightAt(i) * d * d;
            }

            double scale = Math.Sqrt(squares / n) * Math.Sqrt(3) / Math.PI * big;
            if (!(scale > 0) || double.IsInfinity(scale) || double.IsNaN(mean))
            {
                return null;
            }

            return new[] { fixedValues[0] ?? mean * big, scale };
        }

        protected override double EvaluateRange(BufferedSample sample, int from, int to, double[] theta, double[] score, double[,] hessian)
        {
            double mu = theta[0], s = theta[1];
            double[] values = sample.Values;
            double[]? weights = sample.Weights;
            double sw = 0, sCore = 0, sT = 0, sZt = 0, sU = 0, sCross = 0, sSecond = 0;
            for (int i = from; i < to; i++)
            {
                double w = weights is null ? 1.0 : weights[i];
                double z = (values[i] - mu) / s;
                PassTerms(z, out double core, out double t, out double u);
                double zt = z * t, zu = z * u;
                sw += w;
                sCore += w * core;
                sT += w * t;
                sZt += w * zt;
                sU += w * u;
                sCross += w * (t + 0.5 * zu);
                sSecond += w * (2 * zt + 0.5 * z * zu);
            }

            double s2 = s * s;
            score[0] = sT / s;
            score[1] = (sZt - sw) / s;
            hessian[0, 0] = -0.5 * sU / s2;
            hessian[0, 1] = hessian[1, 0] = -sCross / s2;
            hessian[1, 1] = (sw - sSecond) / s2;
            return sCore - sw * Math.Log(s);
        }

        /// <summary>
        /// <see cref="LogisticModel.Terms"/> for the passes over the data: log(1 + e) for log1p(e), off by at most
        /// 2.2e-16 absolute per value (nothing in a sum; LogDensity, which reports one value, keeps
        /// log1p), and one division instead of three.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void PassTerms(double z, out double core, out double t, out double u)
        {
            double a = Math.Abs(z);
            double e = Math.Exp(-a);
            double d = 1 / (1 + e);
            core = -a - 2 * Math.Log(1 + e);
            double magnitude = (1 - e) * d;
            t = z < 0 ? -magnitude : magnitude;
            u = 4 * e * d * d;
        }
    }
}
