using System;
using System.Runtime.CompilerServices;
using MathNet.Numerics;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Student t(Location, Scale, DegreesOfFreedom), the location-scale t:
    /// log f = lnΓ((ν+1)/2) - lnΓ(ν/2) - ½ log(νπ) - log s - ((ν+1)/2) log(1 + z²/ν), z = (x - Location)/Scale.
    /// Every function holds from ν = 1e-3 to ν = 1e300 and converges to the Normal's as ν → ∞
    /// (a fit at the Normal limit reports ν = 1e20, <see cref="StudentTFamily.DegreesOfFreedomCap"/>).
    /// </summary>
    /// <remarks>
    /// <para>
    /// With D = ν + z², B = z²/D: ∂/∂Location = (ν+1) z/(sD), ∂/∂Scale = ((ν+1)B - 1)/s,
    /// ∂/∂ν = ½[ψ((ν+1)/2) - ψ(ν/2) - 1/ν - log(1 + z²/ν) + (ν+1)B/ν]; second derivatives
    /// ∂²/∂Location² = -(ν+1)(ν - z²)/(s²D²), ∂²/∂Location∂Scale = -2ν(ν+1)z/(s²D²),
    /// ∂²/∂Scale² = (1 - (ν+1)B - 2ν(ν+1)B/D)/s², ∂²/∂Location∂ν = z(z² - 1)/(sD²),
    /// ∂²/∂Scale∂ν = z²(z² - 1)/(sD²), ∂²/∂ν² = ½[½(ψ'((ν+1)/2) - ψ'(ν/2)) + (ν + z⁴)/(νD²)].
    /// The differences of lnΓ, ψ and ψ' at (ν+1)/2 and ν/2 cancel for large ν, so above ν = 20
    /// they come from their asymptotic series (Bernoulli-polynomial form of Stirling's series).
    /// </para>
    /// <para>
    /// The tail: with a = ν/2, w = t²/ν, x = 1/(1 + w), P(T &gt; t) = ½ I_x(a, ½) for t ≥ 0
    /// (<see cref="StandardLogTail"/>), computed in logs by one of three forms that never
    /// subtract from 1: the power series of I_x(a, ½) where x ≤ 0.71 (the far tail, any ν);
    /// for ν ≥ 40 elsewhere, the expansion of I_x(a, b) for large a in incomplete gamma
    /// functions (DiDonato and Morris 1992, ACM TOMS 708, BGRAT), whose leading term is the Normal
    /// tail at √(2(a - ¼) log(1 + w)), so it becomes the Normal's as ν → ∞ and costs a few terms
    /// at any ν; for ν &lt; 40 the continued fraction of <see cref="IncompleteBetaTails"/>.
    /// MathNet 5.0's StudentT.CumulativeDistribution forms 1 - ½I_x and cannot give a tail below
    /// 1e-16, and it is the incomplete beta at a = ν/2, whose continued fraction needs about √a
    /// terms (unusable at ν = 1e20): see StudentTModelTests for figures.
    /// </para>
    /// </remarks>
    internal sealed class StudentTModel : DistributionModel
    {
        private const double HalfLogTwoPi = 0.91893853320467274178032973640561763986139747363778;
        private const double LogPi = 1.1447298858494001741434273513530587116472948129153;
        private const double Ln2 = 0.69314718055994530941723212145817656807550013436026;

        /// <summary>Above this ν the ν-differences come from their asymptotic series.</summary>
        private const double SeriesThreshold = 20;

        /// <summary>From this ν on, the tail near the centre comes from the large-a expansion (TOMS 708 uses it for a &gt; 15).</summary>
        private const double LargeDegreesOfFreedom = 40;

        /// <summary>Where x = ν/(ν + t²) is at most this, the power series of I_x(ν/2, ½) (ratio x per term) is used.</summary>
        private const double PowerSeriesLimit = 0.71;

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

        public StudentTModel()
            : base(DistributionName.StudentT,
                   new ParameterSpec("Location", ParameterDomain.Real),
                   new ParameterSpec("Scale", ParameterDomain.Positive),
                   new ParameterSpec("DegreesOfFreedom", ParameterDomain.Positive))
        {
        }

        public override bool IsDiscrete => false;

        public override string SupportDescription => "any finite real number";

        public override bool IsInSupport(double x, double[] theta) => true;

        // ---- Density -------------------------------------------------------------------------

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
            Terms(x, theta[0], s, nu, out double invD, out double b, out double zInvD, out double logQ);
            score[0] += weight * np1 * zInvD / s;
            score[1] += weight * (np1 * b - 1) / s;
            score[2] += weight * 0.5 * (df.DiGammaDifference + (nu >= LargeScoreThreshold ? DegreesOfFreedomScoreTerm(nu, b, invD) : -logQ + np1 * b / nu));
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
            hessian[2, 2] += weight * 0.5 * (nu >= LargeScoreThreshold ? df.TriGammaRemainder + DegreesOfFreedomCurvatureTerm(nu, b, invD) : df.TriGammaDifference + invD * invD + b * b / nu);
        }

        /// <summary>
        /// From this ν on the ν-terms of score and Hessian are formed without cancellation (below it
        /// they are the fitter's long-standing forms, bit for bit). The fit decides the Normal limit
        /// by the sign of the score at 1e6, where the plain form keeps about 10 of its 16 digits.
        /// </summary>
        internal const double LargeScoreThreshold = 1e6;

        /// <summary>
        /// -log(1 + u) + (ν+1)B/ν with u = z²/ν, B = u/(1 + u), as u/(ν(1 + u)) - [log1p(u) - u/(1 + u)],
        /// the bracket from its series Σ_{k≥2} (-1)^k (k-1)/k u^k below u = 1e-3: at ν = 1e20 the two
        /// terms of the plain form are 1e-20 and cancel to 1e-40.
        /// </summary>
        internal static double DegreesOfFreedomScoreTerm(double nu, double b, double invD)
        {
            double u = b / (nu * invD);
            double gap;
            if (u < 1e-3)
            {
                gap = 0;
                double power = u;
                for (int k = 2; k <= 8; k++)
                {
                    // power = -(-u)^k, so -power = (-1)^k u^k.
                    power *= -u;
                    gap -= power * (k - 1) / k;
                }
            }
            else
            {
                gap = SpecialMath.Log1p(u) - b;
            }

            return b / nu - gap;
        }

        /// <summary>
        /// 1/D² - 1/ν² + B²/ν = -u(2 + u)/(ν²(1 + u)²) + B²/ν, with u = z²/ν: the observation's part of
        /// ∂²/∂ν² (times 2) once -1/ν², the leading term of ½[ψ'((ν+1)/2) - ψ'(ν/2)], has been taken
        /// into <see cref="DegreesOfFreedomTerms.TriGammaRemainder"/>.
        /// </summary>
        internal static double DegreesOfFreedomCurvatureTerm(double nu, double b, double invD)
        {
            double u = b / (nu * invD), ratio = 1 / (1 + u);
            return -u * (2 + u) * ratio * ratio / (nu * nu) + b * b / nu;
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

        // ---- Distribution functions ----------------------------------------------------------

        public override double LogCdf(double x, double[] theta)
        {
            double t = Standardized(x, theta, out double logAbsT);
            if (double.IsNaN(t))
            {
                return double.NaN;
            }

            return t <= 0 ? StandardLogTail(-t, logAbsT, theta[2]) : LogSpace.Log1MinusExp(StandardLogTail(t, logAbsT, theta[2]));
        }

        public override double LogSurvival(double x, double[] theta)
        {
            double t = Standardized(x, theta, out double logAbsT);
            if (double.IsNaN(t))
            {
                return double.NaN;
            }

            return t >= 0 ? StandardLogTail(t, logAbsT, theta[2]) : LogSpace.Log1MinusExp(StandardLogTail(-t, logAbsT, theta[2]));
        }

        /// <summary>F(x): the tail itself below the centre, 1 - (upper tail ≤ ½) above it.</summary>
        public override double Cdf(double x, double[] theta)
        {
            double t = Standardized(x, theta, out double logAbsT);
            if (double.IsNaN(t))
            {
                return double.NaN;
            }

            return t <= 0 ? Math.Exp(StandardLogTail(-t, logAbsT, theta[2])) : 1 - Math.Exp(StandardLogTail(t, logAbsT, theta[2]));
        }

        /// <summary>S(x), as <see cref="Cdf"/> with the tails exchanged.</summary>
        public override double Survival(double x, double[] theta)
        {
            double t = Standardized(x, theta, out double logAbsT);
            if (double.IsNaN(t))
            {
                return double.NaN;
            }

            return t >= 0 ? Math.Exp(StandardLogTail(t, logAbsT, theta[2])) : 1 - Math.Exp(StandardLogTail(-t, logAbsT, theta[2]));
        }

        /// <summary>
        /// Location and Scale analytically through t = (x - Location)/Scale (<see cref="LocationScaleModel.AddChainRule"/>,
        /// with L' = f₀/F₀ formed in logs); DegreesOfFreedom numerically: the derivative of the
        /// incomplete beta function in its shape has no practical closed form.
        /// </summary>
        public override void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
            => AddTailDerivatives(x, weight, theta, gradient, hessian, lower: true);

        /// <summary>As <see cref="AddLogCdfDerivatives"/>, for log S.</summary>
        public override void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
            => AddTailDerivatives(x, weight, theta, gradient, hessian, lower: false);

        // ---- Quantiles -----------------------------------------------------------------------

        public override double Quantile(double p, double[] theta)
        {
            if (!(p >= 0 && p <= 1))
            {
                return double.NaN;
            }

            // 1 - p is exact for p ≥ ½ (Sterbenz), so p = 1 - 1e-16 keeps what digits it has.
            double t = p <= 0.5 ? -StandardInverseTail(p, theta[2]) : StandardInverseTail(1 - p, theta[2]);
            return theta[0] + theta[1] * t;
        }

        public override double InverseSurvival(double q, double[] theta)
        {
            if (!(q >= 0 && q <= 1))
            {
                return double.NaN;
            }

            double t = q <= 0.5 ? StandardInverseTail(q, theta[2]) : -StandardInverseTail(1 - q, theta[2]);
            return theta[0] + theta[1] * t;
        }

        // ---- Sampling ------------------------------------------------------------------------

        /// <summary>
        /// Z / √(G/a) with Z standard normal and G ~ Gamma(a = ν/2): exactly t. Beyond a = 1e12 the
        /// Gamma is drawn as a(1 + Z'/√a), its Normal limit (the difference in T's distribution is
        /// of order 1/ν, below 1e-12), because Marsaglia and Tsang's acceptance test multiplies a
        /// rounding error by a there.
        /// </summary>
        public override double Sample(RandomSource random, double[] theta)
        {
            double nu = theta[2], a = 0.5 * nu;
            double z = Samplers.StandardNormal(random);
            double ratio = a > 1e12 ? 1 + Samplers.StandardNormal(random) / Math.Sqrt(a) : Samplers.Gamma(random, a) / a;
            return theta[0] + theta[1] * (z / Math.Sqrt(ratio));
        }

        // ---- The standard t ------------------------------------------------------------------

        /// <summary>
        /// log P(T &gt; t) for t ≥ 0 (t may be +Infinity when x - Location overflowed; <paramref name="logT"/>
        /// is log t, finite then).
        /// </summary>
        internal static double StandardLogTail(double t, double logT, double nu)
        {
            if (t == 0)
            {
                return -Ln2;
            }

            if (double.IsPositiveInfinity(logT))
            {
                return double.NegativeInfinity;
            }

            double a = 0.5 * nu;
            LogOnePlusRatio(t, logT, nu, out double l1, out double x, out double y);
            if (x <= PowerSeriesLimit)
            {
                return LogTailPowerSeries(a, nu, l1, x) - Ln2;
            }

            if (nu >= LargeDegreesOfFreedom)
            {
                return LogTailLargeShape(a, nu, l1) - Ln2;
            }

            return IncompleteBetaTails.LogLower(x, y, a, 0.5) - Ln2;
        }

        /// <summary>log P(0 &lt; T &lt; t) = log(½ I_y(½, ν/2)), y = t²/(ν + t²), for t ≥ 0 in the body (t² ≲ 3 + ν).</summary>
        internal static double StandardLogCentre(double t, double logT, double nu)
        {
            if (t == 0)
            {
                return double.NegativeInfinity;
            }

            LogOnePlusRatio(t, logT, nu, out _, out double x, out double y);
            return IncompleteBetaTails.LogUpper(x, y, 0.5 * nu, 0.5) - Ln2;
        }

        /// <summary>log f₀(t) of the standard t.</summary>
        internal static double StandardLogDensity(double t, double logT, double nu)
        {
            LogOnePlusRatio(Math.Abs(t), logT, nu, out double l1, out _, out _);
            return new DegreesOfFreedomTerms(nu).LogConstant - 0.5 * (nu + 1) * l1;
        }

        /// <summary>
        /// The t ≥ 0 with P(T &gt; t) = q, for q in [0, ½]: Newton in u = log t, on log S - log q,
        /// or, for q ≥ ¼, on log P(0 &lt; T &lt; t) - log(½ - q) (½ - q exact there), so that a t
        /// near 0 keeps its digits. Both functions are concave in u, so from the first iterate on
        /// Newton approaches the root from one side; a bracket guards the rest.
        /// </summary>
        internal static double StandardInverseTail(double q, double nu)
        {
            if (q <= 0)
            {
                return q == 0 ? double.PositiveInfinity : double.NaN;
            }

            if (q >= 0.5)
            {
                return q == 0.5 ? 0 : double.NaN;
            }

            var df = new DegreesOfFreedomTerms(nu);
            bool centre = q >= 0.25;
            double target = centre ? Math.Log(0.5 - q) : Math.Log(q);

            // Upper bound: S(t) ≤ c ν^{(ν-1)/2} t^{-ν}/… (the integrand without its 1 in 1 + u²/ν).
            double upper = (df.LogConstant + 0.5 * (nu - 1) * Math.Log(nu) - Math.Log(q)) / nu;
            double lower = double.NegativeInfinity;
            double u;
            if (centre)
            {
                // ½ - q ≤ f₀(0)·t (the density falls away from 0): a lower bound, where Newton on a concave function stays.
                u = target - df.LogConstant;
            }
            else
            {
                u = upper;
                if (nu >= LargeDegreesOfFreedom)
                {
                    // Cornish-Fisher from the Normal quantile (Abramowitz and Stegun 26.7.5), where it is below the bound.
                    double z = -StandardNormal.Quantile(q), z2 = z * z;
                    double guess = z + z * (z2 + 1) / (4 * nu) + z * ((5 * z2 + 16) * z2 + 3) / (96 * nu * nu);
                    if (guess > 0 && Math.Log(guess) < upper)
                    {
                        u = Math.Log(guess);
                    }
                }
            }

            for (int iteration = 0; iteration < 200; iteration++)
            {
                double t = Math.Exp(u);
                double value = centre ? StandardLogCentre(t, u, nu) : StandardLogTail(t, u, nu);
                double g = value - target;
                if (g == 0)
                {
                    break;
                }

                // g decreases in u for the tail and increases for the centre.
                bool below = centre ? g < 0 : g > 0;
                if (below)
                {
                    lower = Math.Max(lower, u);
                }
                else
                {
                    upper = Math.Min(upper, u);
                }

                double logDensity = StandardLogDensity(t, u, nu);
                double slope = Math.Exp(u + logDensity - value) * (centre ? 1 : -1);
                double next = u - g / slope;
                if (!(next > lower && next < upper))
                {
                    next = double.IsNegativeInfinity(lower) ? Math.Min(u, upper) - 1 : 0.5 * (lower + upper);
                }

                double step = next - u;
                u = next;
                if (Math.Abs(step) <= 2e-16 * Math.Max(1, Math.Abs(u)) || upper - lower <= 2e-16 * Math.Max(1, Math.Abs(u)))
                {
                    break;
                }
            }

            return Math.Exp(u);
        }

        /// <summary>
        /// log(1 + t²/ν) and x = 1/(1 + t²/ν), y = 1 - x, each without cancellation and without
        /// overflow (t = 1e300, ν = 1e-3; t = +Infinity with its finite log).
        /// </summary>
        private static void LogOnePlusRatio(double t, double logT, double nu, out double l1, out double x, out double y)
        {
            double r = t / Math.Sqrt(nu);
            if (r <= 1e150)
            {
                double w = r * r;
                l1 = SpecialMath.Log1p(w);
                x = 1 / (1 + w);
                y = w / (1 + w);
                return;
            }

            // w = t²/ν beyond 1e300: log w + log1p(1/w) with 1/w below 1e-300.
            double logR = double.IsInfinity(r) ? logT - 0.5 * Math.Log(nu) : Math.Log(r);
            l1 = 2 * logR;
            x = Math.Exp(-l1);
            y = 1;
        }

        /// <summary>
        /// log I_x(a, ½) = a log x - log a - log B(a, ½) + log Σ, Σ = Σ_n (½)_n/n! · a/(a + n) · xⁿ
        /// (Gauss's series of ₂F₁(a, ½; a + 1; x); positive terms, ratio below x).
        /// -log B(a, ½) = lnΓ(a + ½) - lnΓ(a) - ½ log π = LogConstant + ½ log ν.
        /// </summary>
        private static double LogTailPowerSeries(double a, double nu, double l1, double x)
        {
            double sum = 1, coefficient = 1, power = 1;
            for (int n = 1; n < 10000; n++)
            {
                coefficient *= (n - 0.5) / n;
                power *= x;
                double term = coefficient * power * (a / (a + n));
                sum += term;
                if (term <= 1e-17 * sum)
                {
                    break;
                }
            }

            return -a * l1 - Math.Log(a) + new DegreesOfFreedomTerms(nu).LogConstant + 0.5 * Math.Log(nu) + Math.Log(sum);
        }

        /// <summary>
        /// log I_x(a, ½) for a ≥ 20 and x ≥ 0.71 by TOMS 708's BGRAT (DiDonato and Morris 1992):
        /// with m = a - ¼ and z = m log(1 + w) = -m log x, I_x(a, b) = [Γ(a + b)/(Γ(a) m^b)] · (z^b e^{-z}/Γ(b)) · Σ d_n J_n,
        /// J₀ = Q(b, z)·Γ(b) e^z z^{-b}. At b = ½, Q(½, z) = 2Φ(-σ) with σ = √(2z), so the first term
        /// is the Normal tail at σ and the sum is 1 + O(1/m²) relative to it:
        /// log I = log 2 + [lnΓ(a + ½) - lnΓ(a) - ½ log a] - ½ log(1 - 1/(4a)) + log Φ(-σ) + log(Σ/J₀),
        /// with J₀ = 2/(σ h(σ)), h the Normal hazard.
        /// </summary>
        private static double LogTailLargeShape(double a, double nu, double l1)
        {
            const double b = 0.5, bm1 = -0.5;
            if (l1 == 0)
            {
                return 0;
            }

            double m = a - 0.25;
            double z = m * l1;
            double sigma = Math.Sqrt(2 * z);
            StandardNormal.Hazard(sigma, out double hazard, out _);
            double j = 2 / (sigma * hazard);
            double sum = j;
            double v = 0.25 / (m * m);
            double t2 = 0.25 * l1 * l1;
            double t = 1, cn = 1, n2 = 0;
            var c = new double[31];
            var d = new double[31];
            for (int n = 1; n <= 30; n++)
            {
                double bp2n = b + n2;
                j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v;
                n2 += 2;
                t *= t2;
                cn /= n2 * (n2 + 1);
                c[n] = cn;
                double s = 0;
                if (n > 1)
                {
                    double coefficient = b - n;
                    for (int i = 1; i < n; i++)
                    {
                        s += coefficient * c[i] * d[n - i];
                        coefficient += b;
                    }
                }

                d[n] = bm1 * cn + s / n;
                double dj = d[n] * j;
                sum += dj;
                if (Math.Abs(dj) <= 1e-17 * sum)
                {
                    break;
                }
            }

            double j0 = 2 / (sigma * hazard);
            return Ln2 + GammaHalfRatio(a) - 0.5 * SpecialMath.Log1p(-0.25 / a) + StandardNormal.LogCdf(-sigma) + Math.Log(sum / j0);
        }

        /// <summary>lnΓ(a + ½) - lnΓ(a) - ½ log a, from its asymptotic series for a &gt; 10.</summary>
        private static double GammaHalfRatio(double a)
        {
            if (a <= 10)
            {
                return SpecialFunctions.GammaLn(a + 0.5) - SpecialFunctions.GammaLn(a) - 0.5 * Math.Log(a);
            }

            double ix = 1 / a, ix2 = ix * ix, power = ix, sum = 0;
            for (int k = 0; k < GammaRatioSeries.Length; k++)
            {
                sum += GammaRatioSeries[k] * power;
                power *= ix2;
            }

            return sum;
        }

        /// <summary>
        /// The derivatives of ℓ = log F (lower) or log S at x: Location and Scale by the chain rule
        /// from L'(t) = ±f₀/(F₀ or S₀) and L'' = L'(ψ - L'), ψ = d log f₀/dt = -(ν+1)t/(ν + t²);
        /// ν by central differences with a Richardson step, also of the analytic (Location, Scale)
        /// gradient for the mixed terms.
        /// </summary>
        private void AddTailDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian, bool lower)
        {
            double s = theta[1], nu = theta[2];
            double t = LocationScaleModel.Standardized(x, theta[0], s);
            if (double.IsNaN(t))
            {
                for (int i = 0; i < 3; i++)
                {
                    gradient[i] = double.NaN;
                }

                return;
            }

            Slopes(t, x, theta, nu, lower, out double first, out double second);
            LocationScaleModel.AddChainRule(t, s, first, second, weight, gradient, hessian);

            Func<double, double> value = n => lower ? LogCdf(x, new[] { theta[0], s, n }) : LogSurvival(x, new[] { theta[0], s, n });
            double h = 1e-3 * nu;
            double f0 = value(nu);
            double Central(double step) => (value(nu + step) - value(nu - step)) / (2 * step);
            double Second(double step) => (value(nu + step) - 2 * f0 + value(nu - step)) / (step * step);
            gradient[2] += weight * (4 * Central(h / 2) - Central(h)) / 3;
            if (hessian is null)
            {
                return;
            }

            hessian[2, 2] += weight * (4 * Second(h / 2) - Second(h)) / 3;

            // ∂/∂ν of the analytic (Location, Scale) gradient.
            double[] GradientAt(double n)
            {
                var g = new double[3];
                Slopes(t, x, theta, n, lower, out double f1, out double f2);
                LocationScaleModel.AddChainRule(t, s, f1, f2, 1, g, null);
                return g;
            }

            double[] Mixed(double step)
            {
                var up = GradientAt(nu + step);
                var down = GradientAt(nu - step);
                return new[] { (up[0] - down[0]) / (2 * step), (up[1] - down[1]) / (2 * step) };
            }

            var half = Mixed(h / 2);
            var full = Mixed(h);
            for (int i = 0; i < 2; i++)
            {
                double mixed = weight * (4 * half[i] - full[i]) / 3;
                hessian[i, 2] += mixed;
                hessian[2, i] += mixed;
            }
        }

        /// <summary>L'(t) and L''(t) for L = log F₀ (lower) or log S₀ of the standard t with ν degrees of freedom.</summary>
        private static void Slopes(double t, double x, double[] theta, double nu, bool lower, out double first, out double second)
        {
            double logAbsT = LocationScaleModel.LogAbsStandardized(x, theta[0], theta[1], t);
            double logTail = lower
                ? (t <= 0 ? StandardLogTail(-t, logAbsT, nu) : LogSpace.Log1MinusExp(StandardLogTail(t, logAbsT, nu)))
                : (t >= 0 ? StandardLogTail(t, logAbsT, nu) : LogSpace.Log1MinusExp(StandardLogTail(-t, logAbsT, nu)));
            double hazard = Math.Exp(StandardLogDensity(t, logAbsT, nu) - logTail);
            first = lower ? hazard : -hazard;
            Terms(t, 0, 1, nu, out _, out _, out double zInvD, out _);
            double psi = -(nu + 1) * zInvD;
            second = first == 0 ? 0 : first * (psi - first);
        }

        /// <summary>t = (x - Location)/Scale and log|t|, finite also where t overflowed.</summary>
        private static double Standardized(double x, double[] theta, out double logAbsT)
        {
            double t = LocationScaleModel.Standardized(x, theta[0], theta[1]);
            logAbsT = double.IsNaN(t) ? double.NaN : LocationScaleModel.LogAbsStandardized(x, theta[0], theta[1], t);
            return t;
        }

        // ---- Shared with the fitter's fused pass ----------------------------------------------

        /// <summary>
        /// For z = (x - Location) / Scale: 1/D, B = z²/D, z/D and log(1 + z²/ν) for D = ν + z², formed
        /// from 1/z when |z| is large so that nothing overflows (also when z itself does: x = 1e308, Scale 0.5).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static void Terms(double x, double location, double scale, double nu, out double invD, out double b, out double zInvD, out double logQ)
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
                // Where z²/ν is itself moderate (ν beyond 1e197), log1p of it: the sum of logs below would cancel.
                double q = z / Math.Sqrt(nu);
                logQ = nu * r2 > 1e-3
                    ? SpecialMath.Log1p(q * q)
                    : 2 * LocationScaleModel.LogAbsStandardized(x, location, scale, z) - Math.Log(nu) + SpecialMath.Log1p(nu * r2);
            }
        }

        /// <summary>
        /// The parts of the log-density and its ν-derivatives that depend on ν alone:
        /// lnΓ((ν+1)/2) - lnΓ(ν/2) - ½ log(νπ), ψ((ν+1)/2) - ψ(ν/2) - 1/ν and ½[ψ'((ν+1)/2) - ψ'(ν/2)].
        /// </summary>
        internal readonly struct DegreesOfFreedomTerms
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
                    TriGammaRemainder = 0.5 * trigamma;
                }
                else
                {
                    LogConstant = SpecialFunctions.GammaLn(x + 0.5) - SpecialFunctions.GammaLn(x) - 0.5 * (Math.Log(nu) + LogPi);
                    DiGammaDifference = SpecialFunctions.DiGamma(x + 0.5) - SpecialFunctions.DiGamma(x) - 1 / nu;
                    TriGammaDifference = 0.5 * (SpecialMath.Trigamma(x + 0.5) - SpecialMath.Trigamma(x));
                    TriGammaRemainder = TriGammaDifference + 1 / (nu * nu);
                }
            }

            /// <summary>lnΓ((ν+1)/2) - lnΓ(ν/2) - ½ log(νπ).</summary>
            public double LogConstant { get; }

            /// <summary>ψ((ν+1)/2) - ψ(ν/2) - 1/ν.</summary>
            public double DiGammaDifference { get; }

            /// <summary>½[ψ'((ν+1)/2) - ψ'(ν/2)].</summary>
            public double TriGammaDifference { get; }

            /// <summary>½[ψ'((ν+1)/2) - ψ'(ν/2)] + 1/ν², formed without its leading -1/ν² above ν = 20.</summary>
            public double TriGammaRemainder { get; }
        }
    }
}
