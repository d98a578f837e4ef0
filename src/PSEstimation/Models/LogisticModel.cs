using System;
using System.Runtime.CompilerServices;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Logistic(Location, Scale): f(x) = e^{-z} / (s (1 + e^{-z})²) with z = (x - Location) / Scale,
    /// F₀(z) = 1/(1 + e^{-z}), S₀(z) = F₀(-z). Everything is formed from e^{-|z|} ≤ 1, so no
    /// term overflows for a far value and each tail is computed on its own side.
    /// </summary>
    /// <remarks>
    /// With t = tanh(z/2): ∂/∂Location = t/s, ∂/∂Scale = (z t - 1)/s; ∂²/∂Location² = -(1 - t²)/(2s²),
    /// ∂²/∂Location∂Scale = -(t + z(1 - t²)/2)/s², ∂²/∂Scale² = (1 - 2 z t - z²(1 - t²)/2)/s².
    /// The hazard of the standard logistic is F₀ itself, so the censored terms have exact slopes:
    /// d log F₀/dz = S₀, d log S₀/dz = -F₀, and both second slopes are -F₀ S₀.
    /// </remarks>
    internal sealed class LogisticModel : LocationScaleModel
    {
        public LogisticModel()
            : base(DistributionName.Logistic)
        {
        }

        public override double LogDensity(double x, double[] theta)
        {
            double s = theta[1], z = (x - theta[0]) / s;
            Terms(z, out double core, out _, out _);
            return core - Math.Log(s);
        }

        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            double s = theta[1], z = (x - theta[0]) / s;
            Terms(z, out _, out double t, out _);
            score[0] += weight * t / s;
            score[1] += weight * (z * t - 1) / s;
        }

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            double s = theta[1], z = (x - theta[0]) / s, s2 = s * s;
            Terms(z, out _, out double t, out double u);
            double cross = -weight * (t + 0.5 * z * u) / s2;
            hessian[0, 0] -= weight * 0.5 * u / s2;
            hessian[0, 1] += cross;
            hessian[1, 0] += cross;
            hessian[1, 1] += weight * (1 - 2 * z * t - 0.5 * z * z * u) / s2;
        }

        /// <summary>Per observation diag(1/(3s²), (π² + 3)/(9s²)): the logistic's known Fisher information.</summary>
        public override double[,] ExpectedInformation(double[] theta)
        {
            double s2 = theta[1] * theta[1];
            return new[,] { { 1 / (3 * s2), 0 }, { 0, (Math.PI * Math.PI + 3) / (9 * s2) } };
        }

        /// <summary>log F₀(z) = -log(1 + e^{-z}) = min(z, 0) - log1p(e^{-|z|}): exact (z itself) far below 0.</summary>
        protected override double StandardLogCdf(double z)
        {
            if (double.IsNaN(z))
            {
                return double.NaN;
            }

            return Math.Min(z, 0) - SpecialMath.Log1p(Math.Exp(-Math.Abs(z)));
        }

        protected override double StandardLogSurvival(double z) => StandardLogCdf(-z);

        /// <summary>1/(1 + e^{-z}) above 0, e^z/(1 + e^z) below: the small tail never is 1 minus something.</summary>
        protected override double StandardCdf(double z)
        {
            if (z >= 0)
            {
                return 1 / (1 + Math.Exp(-z));
            }

            double e = Math.Exp(z);
            return e / (1 + e);
        }

        protected override double StandardSurvival(double z) => StandardCdf(-z);

        /// <summary>
        /// logit p = log p - log1p(-p) in the lower quarter; in the middle, with δ = 2p - 1 (exact
        /// for p &gt;= 1/4), log1p(δ) - log1p(-δ), so a p near 1/2 keeps its relative digits; in the
        /// upper quarter -logit(1 - p) with 1 - p exact.
        /// </summary>
        protected override double StandardQuantile(double p)
        {
            if (!(p >= 0 && p <= 1))
            {
                return double.NaN;
            }

            if (p < 0.25)
            {
                return LowerLogit(p);
            }

            if (p > 0.75)
            {
                return -LowerLogit(1 - p);
            }

            double delta = 2 * p - 1;
            return SpecialMath.Log1p(delta) - SpecialMath.Log1p(-delta);
        }

        /// <summary>S₀⁻¹(q) = -F₀⁻¹(q) by symmetry, from q itself.</summary>
        protected override double StandardInverseSurvival(double q) => -StandardQuantile(q);

        protected override void StandardLogCdfSlopes(double z, out double first, out double second)
        {
            double cdf = StandardCdf(z), survival = StandardCdf(-z);
            first = survival;
            second = -cdf * survival;
        }

        protected override void StandardLogSurvivalSlopes(double z, out double first, out double second)
        {
            double cdf = StandardCdf(z), survival = StandardCdf(-z);
            first = -cdf;
            second = -cdf * survival;
        }

        /// <summary>
        /// Inversion on one half and a random sign: |Z| = log((1 - w)/w) with w = u/2 in (0, 1/2],
        /// so 1 - w is at least 1/2 (never 0: an open uniform that rounds up to 1 gives w = 1/2,
        /// Z = 0) and the tail is reached through log w, as fine as the uniform (to |Z| ≈ 38).
        /// </summary>
        protected override double StandardSample(RandomSource random)
        {
            double w = 0.5 * random.NextOpenDouble();
            double magnitude = DeterministicMath.Log(1 - w) - DeterministicMath.Log(w);
            return random.NextDouble() < 0.5 ? -magnitude : magnitude;
        }

        /// <summary>log p - log(1 - p) for p &lt;= 1/4, where the result is at least ln 3 in size and neither term cancels.</summary>
        private static double LowerLogit(double p) => Math.Log(p) - SpecialMath.Log1p(-p);

        /// <summary>
        /// log f + log s = -|z| - 2 log(1 + e^{-|z|}), t = tanh(z/2) and u = 1 - t² = 4e/(1 + e)²,
        /// all from e = exp(-|z|) ≤ 1.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static void Terms(double z, out double core, out double t, out double u)
        {
            double a = Math.Abs(z);
            double e = Math.Exp(-a);
            double d = 1 + e;
            core = -a - 2 * SpecialMath.Log1p(e);
            double magnitude = (1 - e) / d;
            t = z < 0 ? -magnitude : magnitude;
            u = 4 * e / (d * d);
        }
    }
}
