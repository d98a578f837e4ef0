using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using PSEstimation.Estimation;
using PSEstimation.Models;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Cauchy(Location, Scale): f(x) = 1 / (π s (1 + z²)) with z = (x - Location) / Scale.
    /// No closed form: Newton-Raphson on (Location, log Scale) from several starts, keeping the
    /// highest log-likelihood, because the Cauchy likelihood in Location can have several local
    /// maxima (always possible with Scale fixed; tests/reference/mle.json notes it for the joint fit).
    /// </summary>
    /// <remarks>
    /// With a = 1/(1 + z²), b = z²/(1 + z²) and c = z/(1 + z²): ∂/∂Location = 2c/s,
    /// ∂/∂Scale = (b - a)/s; ∂²/∂Location² = 2(b - a)a/s², ∂²/∂Location∂Scale = -4ca/s²,
    /// ∂²/∂Scale² = (a² - 4ab - b²)/s². For |z| &gt; 1 they are formed from 1/z, so a far outlier
    /// (z² beyond the double range) gives exact zeros, not NaN.
    /// When half of the sample or more sits at one value the likelihood is largest as Scale → 0
    /// there (two distinct values: constant on a half-circle of (Location, Scale)), so no
    /// estimate exists and the fit says so.
    /// </remarks>
    internal sealed class CauchyFamily : LocationScaleFamily
    {
        private const double LogPi = CauchyModel.LogPi;

        private const string TiesWhy = "with half of the sample or more at one value the Cauchy likelihood has no maximum with Scale > 0 (it is largest as Scale → 0 at that value).";

        public CauchyFamily()
            : base(new CauchyModel())
        {
        }

        public override string NumericalMethod
            => $"Newton-Raphson on unconstrained scales from several starts (Location at the sample median and quartiles, also the 10% and 90% quantiles when Scale is fixed, one start when Location is fixed; Scale = IQR/2); the highest log-likelihood is kept (above {SubsampleThreshold} values the starts are tried on a stratified subsample of {SubsampleSize} of them, and the best is refined on every value)";

        /// <summary>The first start: median and IQR/2 (the Cauchy quartiles are Location ± Scale).</summary>
        public override double[] InitialEstimate(SampleAccumulator sample, double?[] fixedValues)
        {
            var sorted = Prepare(sample, fixedValues);
            var theta = new double[2];
            QuantileStart(sorted, theta, fixedValues, 1.0);
            return theta;
        }

        /// <summary>
        /// Newton from each start; the best log-likelihood wins. Location starts at the median and
        /// the quartiles (also the 10% and 90% quantiles when Scale is fixed, where the likelihood
        /// in Location has a local maximum near every cluster of values); a fixed Location needs one
        /// start (the likelihood in log Scale alone has a single maximum).
        /// </summary>
        public override OptimizationResult MaximizeLikelihood(SampleAccumulator sample, double?[] fixedValues, CancellationToken cancellation, Action<string>? trace)
        {
            if (sample is BufferedSample buffered && buffered.Length > SubsampleThreshold)
            {
                // The ties check on every value (no sort), then the starts on a subsample.
                if (fixedValues[1] is null)
                {
                    var (value, tied) = fixedValues[0] is double location ? (location, WeightAt(buffered, location)) : MajorityValue(buffered);
                    CheckScaleIdentified(value, tied, sample.TotalWeight, buffered.Length, (t, n) => t >= 0.5 * n, TiesWhy);
                }

                if (SubsampleEstimate(sample, fixedValues, cancellation, trace, out int subsampleIterations) is double[] start)
                {
                    RequireInformationInRange(start, sample.TotalWeight, fixedValues);
                    var refined = Refine(sample, start, subsampleIterations, fixedValues, cancellation, trace);
                    CheckNotCollapsed(buffered, refined.Theta, fixedValues, TiesWhy);
                    return refined;
                }
            }

            var sorted = Prepare(sample, fixedValues);
            cancellation.ThrowIfCancellationRequested();
            var first = new double[2];
            QuantileStart(sorted, first, fixedValues, 1.0);
            RequireInformationInRange(first, sample.TotalWeight, fixedValues);
            var starts = new List<double[]> { first };
            if (fixedValues[0] is null)
            {
                var levels = fixedValues[1] is null ? new[] { 0.25, 0.75 } : new[] { 0.25, 0.75, 0.1, 0.9 };
                foreach (double level in levels)
                {
                    double location = sorted.Quantile(level);
                    if (starts.TrueForAll(st => st[0] != location))
                    {
                        starts.Add(new[] { location, first[1] });
                    }
                }
            }

            var objective = new LogLikelihoodObjective(this, sample);
            OptimizationResult? best = null;
            int iterations = 0;
            foreach (var start in starts)
            {
                trace?.Invoke(string.Format(CultureInfo.InvariantCulture, "Cauchy start: Location {0:G10}, Scale {1:G10}", start[0], start[1]));
                var result = NewtonRaphson.Maximize(objective, Parameters, start, fixedValues, cancellation, trace);
                iterations += result.Iterations;
                if (best is null || result.LogLikelihood > best.LogLikelihood)
                {
                    best = result;
                }
            }

            CheckNotCollapsed(sorted, best!.Theta, fixedValues, TiesWhy);
            return new OptimizationResult(best.Theta, best.LogLikelihood, iterations, best.Converged);
        }

        protected override double EvaluateRange(BufferedSample sample, int from, int to, double[] theta, double[] score, double[,] hessian)
        {
            double mu = theta[0], s = theta[1];
            double[] values = sample.Values;
            double[]? weights = sample.Weights;
            double sw = 0, sLog = 0, sC = 0, sBa = 0, sBaA = 0, sCa = 0, sSecond = 0;
            for (int i = from; i < to; i++)
            {
                double w = weights is null ? 1.0 : weights[i];
                double z = (values[i] - mu) / s, z2 = z * z;
                double a, b, c, log1pz2;
                if (z2 < 1e300)
                {
                    // The pass's fast form, without the branch on |z| ≤ 1 (mispredicted half the time on
                    // Cauchy data) and with log(1 + z²) for log1p(z²): off by at most 1.1e-16 absolute
                    // per value, nothing in a sum; LogDensity, which reports one value, keeps log1p.
                    double q = 1 + z2;
                    a = 1 / q;
                    b = z2 * a;
                    c = z * a;
                    log1pz2 = Math.Log(q);
                }
                else
                {
                    CauchyModel.Terms(values[i], mu, s, out a, out b, out c, out log1pz2);
                }

                double ba = b - a;
                sw += w;
                sLog += w * log1pz2;
                sC += w * c;
                sBa += w * ba;
                sBaA += w * ba * a;
                sCa += w * c * a;
                sSecond += w * (a * a - 4 * a * b - b * b);
            }

            double s2 = s * s;
            score[0] = 2 * sC / s;
            score[1] = sBa / s;
            hessian[0, 0] = 2 * sBaA / s2;
            hessian[0, 1] = hessian[1, 0] = -4 * sCa / s2;
            hessian[1, 1] = sSecond / s2;
            return -sw * (LogPi + Math.Log(s)) - sLog;
        }

        private SortedSample Prepare(SampleAccumulator sample, double?[] fixedValues)
        {
            var sorted = new SortedSample((BufferedSample)sample);
            CheckScaleIdentified(sorted, fixedValues, (tied, n) => tied >= 0.5 * n, TiesWhy);
            return sorted;
        }
    }
}
