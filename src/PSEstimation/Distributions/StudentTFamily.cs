using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using MathNet.Numerics;
using PSEstimation.Estimation;

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
    /// With D = ν + z², B = z²/D: ∂/∂Location = (ν+1) z/(sD), ∂/∂Scale = ((ν+1)B - 1)/s,
    /// ∂/∂ν = ½[ψ((ν+1)/2) - ψ(ν/2) - 1/ν - log(1 + z²/ν) + (ν+1)B/ν]; second derivatives
    /// ∂²/∂Location² = -(ν+1)(ν - z²)/(s²D²), ∂²/∂Location∂Scale = -2ν(ν+1)z/(s²D²),
    /// ∂²/∂Scale² = (1 - (ν+1)B - 2ν(ν+1)B/D)/s², ∂²/∂Location∂ν = z(z² - 1)/(sD²),
    /// ∂²/∂Scale∂ν = z²(z² - 1)/(sD²), ∂²/∂ν² = ½[½(ψ'((ν+1)/2) - ψ'(ν/2)) + (ν + z⁴)/(νD²)].
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
    /// The differences of lnΓ, ψ and ψ' at (ν+1)/2 and ν/2 cancel for large ν, so above ν = 20
    /// they come from their asymptotic series (Bernoulli-polynomial form of Stirling's series).
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

        private const double HalfLogTwoPi = 0.91893853320467274178032973640561763986139747363778;
        private const double LogPi = 1.1447298858494001741434273513530587116472948129153;

        /// <summary>Above this ν the ν-differences come from their asymptotic series.</summary>
        private const double SeriesThreshold = 20;

        /// <summary>
        /// c_k of lnΓ(x + ½) - lnΓ(x) = ½ log x + Σ c_k x^{-(k-1)}, k = 2, 4, …, 16, with
        /// c_k = (2^{1-k} - 2) B_k / (k(k-1)) (sympy, exact rationals).
        /// </summary>
        private static readonly double[] GammaRatioSeries =
        {
            -1.0 / 8, 1.0 / 192, -1.0 / 640, 17.0 / 14336, -31.0 / 18432, 691.0 / 180224, -5461.0 / 425984, 929569.0 / 15728640,
        };

        /// <summary>
        /// Coefficients of ν^{-4} … ν^{-14} in the large-ν expansion of the ν-ν Fisher information
        /// ¼[ψ'(ν/2) - ψ'((ν+1)/2)] - (ν+5)/(2ν(ν+1)(ν+3)) (sympy series; converges for ν &gt; 3).
        /// </summary>
        private static readonly double[] InformationSeries =
        {
            3.5, -13, 39.5, -119, 363.5, -1101, 3279.5, -9763, 29523.5, -89609, 265719.5,
        };

        private const string CollapseWhy = "with DegreesOfFreedom free the Student t likelihood is unbounded as DegreesOfFreedom and Scale go to 0 at any data point, and no interior maximum was found from the robust start.";

        public StudentTFamily()
            : base(DistributionName.StudentT,
                   new ParameterSpec("Location", ParameterDomain.Real),
                   new ParameterSpec("Scale", ParameterDomain.Positive),
                   new ParameterSpec("DegreesOfFreedom", ParameterDomain.Positive))
        {
        }

        public override string NumericalMethod
            => "Newton-Raphson on unconstrained scales (DegreesOfFreedom capped at " + DegreesOfFreedomCap.ToString("G", CultureInfo.InvariantCulture) + ")";

        public override double LogDensity(double x, double[] theta)
        {
            double s = theta[1], nu = theta[2];
            var df = new DegreesOfFreedomTerms(nu);
            Terms(x, theta[0], s, nu, out _, out _, out _, out double logQ);
            return df.LogConstant - Math.Log(s) - 0.5 * (nu + 1) * logQ;
        }

        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            double s = theta[1], nu = theta[2], np1 = nu + 1;
            var df = new DegreesOfFreedomTerms(nu);
            Terms(x, theta[0], s, nu, out _, out double b, out double zInvD, out double logQ);
            score[0] += weight * np1 * zInvD / s;
            score[1] += weight * (np1 * b - 1) / s;
            score[2] += weight * 0.5 * (df.DiGammaDifference - logQ + np1 * b / nu);
        }

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            double s = theta[1], nu = theta[2], np1 = nu + 1, s2 = s * s;
            var df = new DegreesOfFreedomTerms(nu);
            Terms(x, theta[0], s, nu, out double invD, out double b, out double zInvD, out _);
            double a = nu * invD;
            double locScale = -weight * 2 * nu * np1 * zInvD * invD / s2;
            double locDf = weight * zInvD * (b - invD) / s;
            double scaleDf = weight * b * (b - invD) / s;
            hessian[0, 0] -= weight * np1 * (a - b) * invD / s2;
            hessian[0, 1] += locScale;
            hessian[1, 0] += locScale;
            hessian[1, 1] += weight * (1 - np1 * b - 2 * nu * np1 * b * invD) / s2;
            hessian[0, 2] += locDf;
            hessian[2, 0] += locDf;
            hessian[1, 2] += scaleDf;
            hessian[2, 1] += scaleDf;
            hessian[2, 2] += weight * 0.5 * (df.TriGammaDifference + invD * invD + b * b / nu);
        }

        /// <summary>
        /// Per observation (Lange, Little and Taylor 1989): I_LL = (ν+1)/((ν+3)s²),
        /// I_SS = 2ν/((ν+3)s²), I_Sν = -2/((ν+1)(ν+3)s), I_νν = ¼[ψ'(ν/2) - ψ'((ν+1)/2)] - (ν+5)/(2ν(ν+1)(ν+3)),
        /// Location uncorrelated with the others.
        /// </summary>
        public override double[,] ExpectedInformation(double[] theta)
        {
            double s = theta[1], nu = theta[2];
            double scaleDf = -2 / ((nu + 1) * (nu + 3) * s);
            double dfDf;
            if (nu >= 1000)
            {
                double inv = 1 / nu, sum = 0;
                for (int j = InformationSeries.Length - 1; j >= 0; j--)
                {
                    sum = sum * inv + InformationSeries[j];
                }

                dfDf = sum * inv * inv * inv * inv;
            }
            else
            {
                dfDf = -0.5 * new DegreesOfFreedomTerms(nu).TriGammaDifference - (nu + 5) / (2 * nu * (nu + 1) * (nu + 3));
            }

            return new[,]
            {
                { (nu + 1) / ((nu + 3) * s * s), 0, 0 },
                { 0, 2 * nu / ((nu + 3) * s * s), scaleDf },
                { 0, scaleDf, dfDf },
            };
        }

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
            var df = new DegreesOfFreedomTerms(nu);
            double[] values = sample.Values;
            double[]? weights = sample.Weights;
            double sw = 0, sLogQ = 0, sZd = 0, sB = 0, sAmB = 0, sZdd = 0, sBd = 0, sZdBd = 0, sBBd = 0, sDd = 0, sBb = 0;
            for (int i = from; i < to; i++)
            {
                double w = weights is null ? 1.0 : weights[i];
                Terms(values[i], mu, s, nu, out double invD, out double b, out double zInvD, out double logQ);
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
            }

            double s2 = s * s;
            score[0] = np1 * sZd / s;
            score[1] = (np1 * sB - sw) / s;
            score[2] = 0.5 * (sw * df.DiGammaDifference - sLogQ + np1 * sB / nu);
            hessian[0, 0] = -np1 * sAmB / s2;
            hessian[0, 1] = hessian[1, 0] = -2 * nu * np1 * sZdd / s2;
            hessian[1, 1] = (sw - np1 * sB - 2 * nu * np1 * sBd) / s2;
            hessian[0, 2] = hessian[2, 0] = sZdBd / s;
            hessian[1, 2] = hessian[2, 1] = sBBd / s;
            hessian[2, 2] = 0.5 * (sw * df.TriGammaDifference + sDd + sBb / nu);
            return sw * (df.LogConstant - Math.Log(s)) - 0.5 * np1 * sLogQ;
        }

        /// <summary>ψ'(x), x &gt; 0: the recurrence ψ'(x) = ψ'(x + 1) + 1/x² up to x ≥ 10, then the asymptotic series (MathNet 5 has no trigamma).</summary>
        private static double[] Start(SortedSample sorted, SampleAccumulator sample, double?[] fixedValues)
        {
            var theta = new double[3];
            double nu = fixedValues[2] ?? KurtosisStart((BufferedSample)sample);
            theta[2] = nu;
            double quartile = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, nu, 0.75);
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

        /// <summary>
        /// For z = (x - Location) / Scale: 1/D, B = z²/D, z/D and log(1 + z²/ν) for D = ν + z², formed
        /// from 1/z when |z| is large so that nothing overflows (also when z itself does: x = 1e308, Scale 0.5).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Terms(double x, double location, double scale, double nu, out double invD, out double b, out double zInvD, out double logQ)
        {
            double z = (x - location) / scale;
            if (Math.Abs(z) <= 1e100)
            {
                double z2 = z * z;
                invD = 1 / (nu + z2);
                b = z2 * invD;
                zInvD = z * invD;
                logQ = SpecialMath.Log1p(z2 / nu);
            }
            else
            {
                double r = 1 / z, r2 = r * r, d = 1 + nu * r2;
                invD = r2 / d;
                b = 1 / d;
                zInvD = r / d;
                logQ = 2 * LogAbsStandardized(x, location, scale, z) - Math.Log(nu) + SpecialMath.Log1p(nu * r2);
            }
        }

        /// <summary>
        /// The parts of the log-density and its ν-derivatives that depend on ν alone:
        /// lnΓ((ν+1)/2) - lnΓ(ν/2) - ½ log(νπ), ψ((ν+1)/2) - ψ(ν/2) - 1/ν and ½[ψ'((ν+1)/2) - ψ'(ν/2)].
        /// </summary>
        private readonly struct DegreesOfFreedomTerms
        {
            public DegreesOfFreedomTerms(double nu)
            {
                double x = 0.5 * nu;
                if (nu > SeriesThreshold)
                {
                    // lnΓ(x+½) - lnΓ(x) - ½ log x = Σ c_k x^{1-k}; its derivatives give the ψ and ψ' differences.
                    double ix = 1 / x, ix2 = ix * ix, power = ix, gamma = 0, digamma = 0, trigamma = 0;
                    for (int j = 0; j < GammaRatioSeries.Length; j++)
                    {
                        int k = 2 * j + 2;
                        double c = GammaRatioSeries[j];
                        gamma += c * power;
                        digamma -= c * (k - 1) * power * ix;
                        trigamma += c * k * (k - 1) * power * ix2;
                        power *= ix2;
                    }

                    LogConstant = gamma - HalfLogTwoPi;
                    DiGammaDifference = digamma;
                    // ψ'(x+½) - ψ'(x) = -1/(2x²) + Σ c_k k(k-1) x^{-k-1}; halved.
                    TriGammaDifference = 0.5 * (trigamma - 0.5 * ix2);
                }
                else
                {
                    LogConstant = SpecialFunctions.GammaLn(x + 0.5) - SpecialFunctions.GammaLn(x) - 0.5 * (Math.Log(nu) + LogPi);
                    DiGammaDifference = SpecialFunctions.DiGamma(x + 0.5) - SpecialFunctions.DiGamma(x) - 1 / nu;
                    TriGammaDifference = 0.5 * (SpecialMath.Trigamma(x + 0.5) - SpecialMath.Trigamma(x));
                }
            }

            /// <summary>lnΓ((ν+1)/2) - lnΓ(ν/2) - ½ log(νπ).</summary>
            public double LogConstant { get; }

            /// <summary>ψ((ν+1)/2) - ψ(ν/2) - 1/ν.</summary>
            public double DiGammaDifference { get; }

            /// <summary>½[ψ'((ν+1)/2) - ψ'(ν/2)].</summary>
            public double TriGammaDifference { get; }
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
