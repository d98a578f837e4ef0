using System;
using System.Globalization;
using System.Threading;
using PSEstimation.Estimation;
using PSEstimation.Models;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Student t(Location, Scale, DegreesOfFreedom), the location-scale t:
    /// log f = lnΓ((ν+1)/2) - lnΓ(ν/2) - ½ log(νπ) - log s - ((ν+1)/2) log(1 + z²/ν), z = (x - Location)/Scale.
    /// No closed form: Newton-Raphson on (Location, log Scale, log ν) from the median, a MAD-based
    /// Scale and ν from the sample kurtosis (excess kurtosis 6/(ν - 4)).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The mathematics (log density, score, Hessian, information, distribution functions,
    /// quantiles, sampling) is <see cref="StudentTModel"/>'s; here are the fit and its fused pass.
    /// </para>
    /// <para>
    /// For platykurtic data the likelihood keeps increasing as ν → ∞, toward its supremum, the
    /// Normal fit. With the Location and Scale refitted at each ν, the profile log-likelihood is
    /// ℓ_Normal + n(κ - 3)/(4ν) + O(n/ν²), κ = m₄/m₂² the sample kurtosis (from
    /// log t_ν(z) = log φ(z) + (z⁴ - 2z² - 1)/(4ν) + O(ν⁻²) summed at the Normal MLE, where Σz² = n):
    /// the deficit at ν falls as n/ν, not n/ν². At ν = 10^6 it is 3.7e-6 to 4e-4 on R's faithful,
    /// precip or Nile. So Newton follows ν up to <see cref="DegreesOfFreedomSwitch"/> only: when it
    /// would pass it, Location and Scale are fitted with ν there, and if the likelihood still
    /// increases in ν there (the score in ν is reliable at 10^6, while at 10^20 its n/ν² signal is
    /// below rounding), the fit is reported at <see cref="DegreesOfFreedomCap"/> = 10^20 with
    /// Location and Scale refitted there: within n(3 - κ)/(4·10^20) ≤ n/(2·10^20) of the Normal
    /// log-likelihood (κ ≥ 1), below 1e-9 for n up to 2·10^11, and Location and Scale equal the
    /// Normal's to within about 1e-20 relative (converged, with no standard error for ν and a
    /// sentence in Method). Reporting ν = +Infinity instead would need every consumer of a fit
    /// (-Parameter, -Estimate, priors, serialization) to accept an infinite parameter; 10^20 is a
    /// double that every one of them takes and that evaluates the Normal density to rounding.
    /// </para>
    /// <para>
    /// With ν free the likelihood is unbounded as ν → 0 and Scale → 0 at any data point
    /// (Fernández and Steel 1999); the estimate is the interior local maximum that Newton reaches
    /// from the robust start, and a fit that runs into the singularity is refused with a clear error.
    /// </para>
    /// </remarks>
    internal sealed class StudentTFamily : LocationScaleFamily
    {
        /// <summary>
        /// The largest DegreesOfFreedom a fit reports, where a fit ends that the likelihood pushes
        /// toward the Normal limit: there the profile log-likelihood is within n(3 - κ)/(4ν) ≤
        /// n/(2ν) = n·5e-21 of its supremum, the Normal's (κ the sample kurtosis).
        /// </summary>
        public const double DegreesOfFreedomCap = 1e20;

        /// <summary>
        /// Where Newton stops following ν upward: past it the fit is decided by the sign of the score
        /// in ν at this point (with Location and Scale refitted), which n(3 - κ)/(4ν²) makes reliable
        /// here and which rounding hides near <see cref="DegreesOfFreedomCap"/>.
        /// </summary>
        internal const double DegreesOfFreedomSwitch = 1e6;

        private const string CollapseWhy = "with DegreesOfFreedom free the Student t likelihood is unbounded as DegreesOfFreedom and Scale go to 0 at any data point, and no interior maximum was found from the robust start.";

        public StudentTFamily()
            : base(new StudentTModel())
        {
        }

        public override string NumericalMethod
            => "Newton-Raphson on unconstrained scales (DegreesOfFreedom capped at " + DegreesOfFreedomCap.ToString("G", CultureInfo.InvariantCulture) + ")";

        /// <summary>
        /// Location = median, ν from the excess kurtosis k (ν = 4 + 6/k, kept within [4, 50];
        /// 50 when k ≤ 0, 5 when it cannot be computed), Scale = MAD / t_ν(0.75).
        /// </summary>
        public override double[] InitialEstimate(SampleAccumulator sample, double?[] fixedValues)
            => RequireInformationInRange(Start(Prepare(sample, fixedValues), sample, fixedValues), sample.TotalWeight, fixedValues);

        /// <summary>
        /// Newton from <see cref="InitialEstimate"/>. With ν free: should Newton pass the cap, Location
        /// and Scale are refitted with ν at the cap; if the score in ν is still positive there the
        /// cap is the answer, otherwise Newton continues below the cap from that point.
        /// </summary>
        public override OptimizationResult MaximizeLikelihood(SampleAccumulator sample, double?[] fixedValues, CancellationToken cancellation, Action<string>? trace)
        {
            if (sample is BufferedSample buffered && buffered.Length > SubsampleThreshold)
            {
                // As Logistic and Cauchy: the ties check on every value without sorting them (a sort
                // of 2·10^7 values took 2 s), then the start from a fit to a subsample.
                if (fixedValues[1] is null)
                {
                    var (value, tied) = fixedValues[0] is double location ? (location, WeightAt(buffered, location)) : MajorityValue(buffered);
                    CheckTies(value, tied, sample.TotalWeight, buffered.Length, fixedValues);
                }

                if (SubsampleEstimate(sample, fixedValues, cancellation, trace, out int subsampleIterations) is double[] subsampleStart)
                {
                    RequireInformationInRange(subsampleStart, sample.TotalWeight, fixedValues);
                    var refined = fixedValues[2] is not null
                        ? Refine(sample, subsampleStart, subsampleIterations, fixedValues, cancellation, trace)
                        : FitWithCap(sample, subsampleStart, fixedValues, cancellation, trace);
                    if (fixedValues[2] is null)
                    {
                        refined = new OptimizationResult(refined.Theta, refined.LogLikelihood, subsampleIterations + refined.Iterations, refined.Converged);
                    }

                    CheckNotCollapsed(buffered, refined.Theta, fixedValues, CollapseWhy);
                    return refined;
                }
            }

            var sorted = Prepare(sample, fixedValues);
            cancellation.ThrowIfCancellationRequested();
            double[] start = RequireInformationInRange(Start(sorted, sample, fixedValues), sample.TotalWeight, fixedValues);
            cancellation.ThrowIfCancellationRequested();
            trace?.Invoke(string.Format(CultureInfo.InvariantCulture, "Student t start: Location {0:G10}, Scale {1:G10}, DegreesOfFreedom {2:G10}", start[0], start[1], start[2]));
            OptimizationResult result;
            if (fixedValues[2] is not null)
            {
                result = NewtonRaphson.Maximize(new LogLikelihoodObjective(this, sample), Parameters, start, fixedValues, cancellation, trace);
            }
            else
            {
                result = FitWithCap(sample, start, fixedValues, cancellation, trace);
            }

            CheckNotCollapsed(sorted, result.Theta, fixedValues, CollapseWhy);
            return result;
        }

        /// <summary>
        /// With ν free and at the cap, ν has no standard error (the likelihood still increases
        /// there); Location and Scale get theirs from the observed information with ν held at the cap.
        /// </summary>
        public override NonRegularCovariance? NonRegularCovariance(SampleAccumulator sample, double[] theta, double?[] fixedValues)
        {
            if (fixedValues[2] is not null || theta[2] < DegreesOfFreedomSwitch)
            {
                return null;
            }

            var heldAtCap = (double?[])fixedValues.Clone();
            heldAtCap[2] = theta[2];
            var covariance = Covariances.InvertFree(Covariances.Negate(Hessian(sample, theta)), heldAtCap);
            if (covariance is null)
            {
                covariance = new double[3, 3];
                for (int i = 0; i < 2; i++)
                {
                    for (int j = 0; j < 2; j++)
                    {
                        covariance[i, j] = fixedValues[i] is null && fixedValues[j] is null ? double.NaN : 0;
                    }
                }
            }

            for (int i = 0; i < 3; i++)
            {
                covariance[i, 2] = covariance[2, i] = fixedValues[i] is null ? double.NaN : 0;
            }

            return new NonRegularCovariance(
                covariance,
                "the likelihood increases toward the Normal limit (DegreesOfFreedom → Infinity, its supremum), so DegreesOfFreedom is reported at the cap " + theta[2].ToString("G", CultureInfo.InvariantCulture) +
                ", where Location, Scale and LogLikelihood are the Normal fit's to rounding, without a standard error, and the other standard errors hold it there");
        }

        protected override double EvaluateRange(BufferedSample sample, int from, int to, double[] theta, double[] score, double[,] hessian)
        {
            double mu = theta[0], s = theta[1], nu = theta[2], np1 = nu + 1;
            var df = new StudentTModel.DegreesOfFreedomTerms(nu);
            double[] values = sample.Values;
            double[]? weights = sample.Weights;
            double sw = 0, sLogQ = 0, sZd = 0, sB = 0, sAmB = 0, sZdd = 0, sBd = 0, sZdBd = 0, sBBd = 0, sDd = 0, sBb = 0, sScoreTerm = 0, sCurvatureTerm = 0;
            bool large = nu >= StudentTModel.LargeScoreThreshold;
            for (int i = from; i < to; i++)
            {
                double w = weights is null ? 1.0 : weights[i];
                StudentTModel.Terms(values[i], mu, s, nu, out double invD, out double b, out double zInvD, out double logQ);
                double bMinusInvD = b - invD;
                sw += w;
                sLogQ += w * logQ;
                sZd += w * zInvD;
                sB += w * b;
                sAmB += w * (nu * invD - b) * invD;
                sZdd += w * zInvD * invD;
                sBd += w * b * invD;
                sZdBd += w * zInvD * bMinusInvD;
                sBBd += w * b * bMinusInvD;
                sDd += w * invD * invD;
                sBb += w * b * b;
                if (large)
                {
                    sScoreTerm += w * StudentTModel.DegreesOfFreedomScoreTerm(nu, b, invD);
                    sCurvatureTerm += w * StudentTModel.DegreesOfFreedomCurvatureTerm(nu, b, invD);
                }
            }

            double s2 = s * s;
            score[0] = np1 * sZd / s;
            score[1] = (np1 * sB - sw) / s;
            // From 1e6 on the ν-terms per observation without cancellation (StudentTModel.DegreesOfFreedomScoreTerm).
            score[2] = large ? 0.5 * (sw * df.DiGammaDifference + sScoreTerm) : 0.5 * (sw * df.DiGammaDifference - sLogQ + np1 * sB / nu);
            hessian[0, 0] = -np1 * sAmB / s2;
            hessian[0, 1] = hessian[1, 0] = -2 * nu * np1 * sZdd / s2;
            hessian[1, 1] = (sw - np1 * sB - 2 * nu * np1 * sBd) / s2;
            hessian[0, 2] = hessian[2, 0] = sZdBd / s;
            hessian[1, 2] = hessian[2, 1] = sBBd / s;
            hessian[2, 2] = large ? 0.5 * (sw * df.TriGammaRemainder + sCurvatureTerm) : 0.5 * (sw * df.TriGammaDifference + sDd + sBb / nu);
            return sw * (df.LogConstant - Math.Log(s)) - 0.5 * np1 * sLogQ;
        }

        /// <summary>ψ'(x), x &gt; 0: the recurrence ψ'(x) = ψ'(x + 1) + 1/x² up to x ≥ 10, then the asymptotic series (MathNet 5 has no trigamma).</summary>
        private static double[] Start(SortedSample sorted, SampleAccumulator sample, double?[] fixedValues)
        {
            var theta = new double[3];
            double nu = fixedValues[2] ?? KurtosisStart((BufferedSample)sample);
            theta[2] = nu;
            // The model's own inverse tail (Newton in log t, bracketed): MathNet's InvCDF is a root
            // search that throws NonConvergenceException for small ν (0.007: the quartile is ~1e40),
            // which a profile walking DegreesOfFreedom down reaches.
            double quartile = StudentTModel.StandardInverseTail(0.25, nu);
            if (!(quartile > 0) || double.IsInfinity(quartile))
            {
                quartile = 1;
            }

            QuantileStart(sorted, theta, fixedValues, quartile);
            return theta;
        }

        private SortedSample Prepare(SampleAccumulator sample, double?[] fixedValues)
        {
            var sorted = new SortedSample((BufferedSample)sample);
            if (fixedValues[1] is null)
            {
                var (value, tied) = fixedValues[0] is double location ? (location, sorted.WeightAt(location)) : sorted.LargestTie();
                CheckTies(value, tied, sorted.TotalWeight, sorted.Count, fixedValues);
            }

            return sorted;
        }

        /// <summary>The Scale identification check given the most tied value (the fixed Location when fixed) and its weight.</summary>
        private void CheckTies(double value, double tied, double n, int count, double?[] fixedValues)
        {
            if (fixedValues[2] is double nu)
            {
                // With ν fixed, k tied values against n - k others: the log-likelihood behaves as
                // (ν(n - k) - k) log Scale as Scale → 0 (Cauchy: ν = 1, half the sample).
                CheckScaleIdentified(
                    value,
                    tied,
                    n,
                    count,
                    (t, total) => t >= nu * (total - t),
                    string.Format(CultureInfo.InvariantCulture, "with DegreesOfFreedom fixed at {0:R}, at least a share ν/(ν + 1) of the sample at one value makes the Student t likelihood largest as Scale → 0 there, so it has no maximum with Scale > 0.", nu));
            }
            else
            {
                CheckScaleIdentified(value, tied, n, count, (t, total) => false, string.Empty);
            }
        }

        private OptimizationResult FitWithCap(SampleAccumulator sample, double[] start, double?[] fixedValues, CancellationToken cancellation, Action<string>? trace)
        {
            var plain = new LogLikelihoodObjective(this, sample);
            var capped = new CappedObjective(plain, abortAtCap: true);
            start = (double[])start.Clone();
            start[2] = Math.Min(start[2], DegreesOfFreedomSwitch);
            try
            {
                return NewtonRaphson.Maximize(capped, Parameters, start, fixedValues, cancellation, trace);
            }
            catch (CapReachedException)
            {
                // Fall through: the likelihood wants ν beyond the switch point.
            }

            var atSwitch = (double[])capped.LastIterate!.Clone();
            atSwitch[2] = DegreesOfFreedomSwitch;
            var heldAtSwitch = (double?[])fixedValues.Clone();
            heldAtSwitch[2] = DegreesOfFreedomSwitch;
            trace?.Invoke("DegreesOfFreedom passed " + DegreesOfFreedomSwitch.ToString("G", CultureInfo.InvariantCulture) + "; fitting Location and Scale with it there.");
            var constrained = NewtonRaphson.Maximize(plain, Parameters, atSwitch, heldAtSwitch, cancellation, trace);
            int iterations = capped.Iterations + constrained.Iterations;
            if (Score(sample, constrained.Theta)[2] >= 0)
            {
                // Still increasing toward the Normal limit: Location and Scale at the cap, from there.
                trace?.Invoke("The likelihood still increases in DegreesOfFreedom; fitting Location and Scale at the cap " + DegreesOfFreedomCap.ToString("G", CultureInfo.InvariantCulture) + ", the Normal limit to rounding.");
                var atCap = (double[])constrained.Theta.Clone();
                atCap[2] = DegreesOfFreedomCap;
                var heldAtCap = (double?[])fixedValues.Clone();
                heldAtCap[2] = DegreesOfFreedomCap;
                var limit = NewtonRaphson.Maximize(plain, Parameters, atCap, heldAtCap, cancellation, trace);
                var best = limit.LogLikelihood >= constrained.LogLikelihood ? limit : constrained;
                return new OptimizationResult(best.Theta, best.LogLikelihood, iterations + limit.Iterations, best.Converged);
            }

            trace?.Invoke("The likelihood decreases in DegreesOfFreedom at the cap; continuing below it.");
            var below = NewtonRaphson.Maximize(new CappedObjective(plain, abortAtCap: false), Parameters, constrained.Theta, fixedValues, cancellation, trace);
            return new OptimizationResult(below.Theta, below.LogLikelihood, iterations + below.Iterations, below.Converged);
        }

        private static double KurtosisStart(BufferedSample sample)
        {
            double n = sample.TotalWeight, mean = 0;
            for (int i = 0; i < sample.Length; i++)
            {
                CancellationCheck.At(i, sample.Cancellation);
                mean += sample.WeightAt(i) * sample.ValueAt(i);
            }

            mean /= n;
            double m2 = 0, m4 = 0;
            for (int i = 0; i < sample.Length; i++)
            {
                CancellationCheck.At(i, sample.Cancellation);
                double d = sample.ValueAt(i) - mean, d2 = d * d;
                m2 += sample.WeightAt(i) * d2;
                m4 += sample.WeightAt(i) * d2 * d2;
            }

            double excess = n * m4 / (m2 * m2) - 3;
            if (double.IsNaN(excess) || double.IsInfinity(excess))
            {
                return 5;
            }

            return excess <= 6.0 / 46 ? 50 : Math.Min(50, 4 + 6 / excess);
        }

        /// <summary>Thrown by <see cref="CappedObjective"/> when Newton tries a point beyond the cap.</summary>
        private sealed class CapReachedException : Exception
        {
        }

        /// <summary>
        /// The log-likelihood, refusing ν above <see cref="DegreesOfFreedomSwitch"/>: by throwing (so the caller refits at the cap)
        /// or by returning -∞ (so the line search stays below it).
        /// </summary>
        private sealed class CappedObjective : ILogObjective
        {
            private readonly ILogObjective inner;
            private readonly bool abortAtCap;

            public CappedObjective(ILogObjective inner, bool abortAtCap)
            {
                this.inner = inner;
                this.abortAtCap = abortAtCap;
            }

            /// <summary>The last point whose gradient was asked for: Newton's current iterate.</summary>
            public double[]? LastIterate { get; private set; }

            /// <summary>Gradients asked for: Newton's iterations so far.</summary>
            public int Iterations { get; private set; }

            public double Value(double[] theta)
            {
                if (theta[2] > DegreesOfFreedomSwitch)
                {
                    if (abortAtCap)
                    {
                        throw new CapReachedException();
                    }

                    return double.NegativeInfinity;
                }

                return inner.Value(theta);
            }

            public double[] Gradient(double[] theta)
            {
                LastIterate = theta;
                Iterations++;
                return inner.Gradient(theta);
            }

            public double[,] Hessian(double[] theta) => inner.Hessian(theta);
        }
    }
}
