using System;
using System.Runtime.CompilerServices;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Cauchy(Location, Scale): f(x) = 1 / (π s (1 + z²)) with z = (x - Location) / Scale,
    /// F₀(z) = 1/2 + atan(z)/π. In the tails F₀ is written as atan(1/|z|)/π, which keeps every
    /// digit of a probability like 1e-300 that 1/2 + atan(z)/π would cancel to 0.
    /// </summary>
    /// <remarks>
    /// With a = 1/(1 + z²), b = z²/(1 + z²) and c = z/(1 + z²): ∂/∂Location = 2c/s,
    /// ∂/∂Scale = (b - a)/s; ∂²/∂Location² = 2(b - a)a/s², ∂²/∂Location∂Scale = -4ca/s²,
    /// ∂²/∂Scale² = (a² - 4ab - b²)/s². For |z| &gt; 1 they are formed from 1/z, so a far outlier
    /// (z² beyond the double range) gives exact zeros, not NaN.
    /// </remarks>
    internal sealed class CauchyModel : LocationScaleModel
    {
        internal const double LogPi = 1.1447298858494001741434273513530587116472948129153;

        public CauchyModel()
            : base(DistributionName.Cauchy)
        {
        }

        public override double LogDensity(double x, double[] theta)
        {
            double s = theta[1];
            Terms(x, theta[0], s, out _, out _, out _, out double log1pz2);
            return -LogPi - Math.Log(s) - log1pz2;
        }

        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            double s = theta[1];
            Terms(x, theta[0], s, out double a, out double b, out double c, out _);
            score[0] += weight * 2 * c / s;
            score[1] += weight * (b - a) / s;
        }

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            double s = theta[1], s2 = s * s;
            Terms(x, theta[0], s, out double a, out double b, out double c, out _);
            double cross = -weight * 4 * c * a / s2;
            hessian[0, 0] += weight * 2 * (b - a) * a / s2;
            hessian[0, 1] += cross;
            hessian[1, 0] += cross;
            hessian[1, 1] += weight * (a * a - 4 * a * b - b * b) / s2;
        }

        /// <summary>Per observation diag(1/(2s²), 1/(2s²)): the Cauchy's known Fisher information.</summary>
        public override double[,] ExpectedInformation(double[] theta)
        {
            double i = 1 / (2 * theta[1] * theta[1]);
            return new[,] { { i, 0 }, { 0, i } };
        }

        /// <summary>
        /// log F(x) with log|z| taken from x itself in the lower tail: a z that overflowed
        /// (x = 1e10, Scale 1e-300) still has a finite log F = -log π - log|z|.
        /// </summary>
        public override double LogCdf(double x, double[] theta)
        {
            double z = Standardized(x, theta[0], theta[1]);
            return z < -1 ? LogTail(z, LogAbsStandardized(x, theta[0], theta[1], z)) : StandardLogCdf(z);
        }

        /// <summary>log S(x), as <see cref="LogCdf"/> with the tails exchanged.</summary>
        public override double LogSurvival(double x, double[] theta)
        {
            double z = Standardized(x, theta[0], theta[1]);
            return z > 1 ? LogTail(-z, LogAbsStandardized(x, theta[0], theta[1], z)) : StandardLogSurvival(z);
        }

        protected override double StandardLogCdf(double z)
        {
            if (double.IsNaN(z))
            {
                return double.NaN;
            }

            if (z < -1)
            {
                return LogTail(z, Math.Log(-z));
            }

            // F₀ ≥ 1/4 here; above 1, log1p of the small upper tail.
            return z <= 1 ? Math.Log(0.5 + Math.Atan(z) / Math.PI) : SpecialMath.Log1p(-Math.Atan(1 / z) / Math.PI);
        }

        protected override double StandardLogSurvival(double z) => StandardLogCdf(-z);

        protected override double StandardCdf(double z)
        {
            if (z < -1)
            {
                return Math.Atan(-1 / z) / Math.PI;
            }

            return z <= 1 ? 0.5 + Math.Atan(z) / Math.PI : 1 - Math.Atan(1 / z) / Math.PI;
        }

        protected override double StandardSurvival(double z) => StandardCdf(-z);

        /// <summary>
        /// tan(π(p - 1/2)) in the middle (p - 1/2 exact for p &gt;= 1/4); in the tails
        /// -1/tan(πp) and 1/tan(π(1 - p)), so p = 1e-300 gives -3.18e299 with its digits.
        /// </summary>
        protected override double StandardQuantile(double p)
        {
            if (!(p >= 0 && p <= 1))
            {
                return double.NaN;
            }

            if (p == 0)
            {
                return double.NegativeInfinity;
            }

            if (p == 1)
            {
                return double.PositiveInfinity;
            }

            if (p < 0.25)
            {
                return -1 / Math.Tan(Math.PI * p);
            }

            return p <= 0.75 ? Math.Tan(Math.PI * (p - 0.5)) : 1 / Math.Tan(Math.PI * (1 - p));
        }

        /// <summary>S₀⁻¹(q) = -F₀⁻¹(q) by symmetry, from q itself.</summary>
        protected override double StandardInverseSurvival(double q) => -StandardQuantile(q);

        /// <summary>
        /// L' = f₀/F₀ and L'' = L'(ψ - L') with ψ = d log f₀/dz = -2z/(1 + z²). Below z = -1,
        /// in w = -1/z: f₀/F₀ = w · (w/atan w)/(1 + w²) and ψ = 2w/(1 + w²), finite (and 0 at
        /// z = -∞) where z² overflows.
        /// </summary>
        protected override void StandardLogCdfSlopes(double z, out double first, out double second)
        {
            double psi;
            if (z < -1)
            {
                double w = -1 / z, w2 = w * w;
                double ratio = w < 1e-5 ? 1 + w2 / 3 : w / Math.Atan(w);
                first = w * ratio / (1 + w2);
                psi = 2 * w / (1 + w2);
            }
            else
            {
                double q = 1 + z * z;
                first = 1 / (Math.PI * q * StandardCdf(z));
                psi = -2 * z / q;
                if (double.IsInfinity(q))
                {
                    first = 0;
                    psi = 0;
                }
            }

            second = first * (psi - first);
        }

        /// <summary>log S₀(z) = log F₀(-z): the slopes at -z, the first with its sign changed.</summary>
        protected override void StandardLogSurvivalSlopes(double z, out double first, out double second)
        {
            StandardLogCdfSlopes(-z, out first, out second);
            first = -first;
        }

        /// <summary>
        /// u/v for (u, v) uniform in the unit disc: the tangent of a uniform angle, which is exactly
        /// Cauchy, with no trigonometric function (and v = 0 rejected).
        /// </summary>
        protected override double StandardSample(RandomSource random)
        {
            while (true)
            {
                double u = 2 * random.NextDouble() - 1;
                double v = 2 * random.NextDouble() - 1;
                double r = u * u + v * v;
                if (r < 1 && v != 0)
                {
                    return u / v;
                }
            }
        }

        /// <summary>
        /// For a = 1/(1 + z²), b = z²/(1 + z²), c = z/(1 + z²) and log(1 + z²), without overflow
        /// (also when z itself overflows: x = 1e308, Scale 0.4).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static void Terms(double x, double location, double scale, out double a, out double b, out double c, out double log1pz2)
        {
            double z = (x - location) / scale;
            if (Math.Abs(z) <= 1)
            {
                double z2 = z * z;
                a = 1 / (1 + z2);
                b = z2 * a;
                c = z * a;
                log1pz2 = SpecialMath.Log1p(z2);
            }
            else
            {
                double r = 1 / z, r2 = r * r, d = 1 + r2;
                a = r2 / d;
                b = 1 / d;
                c = r / d;
                log1pz2 = 2 * LogAbsStandardized(x, location, scale, z) + SpecialMath.Log1p(r2);
            }
        }

        /// <summary>
        /// log F₀(z) for z &lt; -1 given log|z|: log(atan(w)/π) with w = 1/|z|, and for w below
        /// 1e-5 -log|z| - log π + log1p(-w²/3 + w⁴/5) (atan w / w to 1e-30), which needs no w at
        /// all once z overflowed (w = 0).
        /// </summary>
        private static double LogTail(double z, double logAbsZ)
        {
            double w = -1 / z;
            if (w < 1e-5)
            {
                double w2 = w * w;
                return -logAbsZ - LogPi + SpecialMath.Log1p(w2 * (-1.0 / 3 + w2 / 5));
            }

            return Math.Log(Math.Atan(w)) - LogPi;
        }
    }
}
