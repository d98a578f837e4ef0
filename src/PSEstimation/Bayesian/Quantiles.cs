using System;
using MathNet.Numerics;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// Posterior quantiles: MathNet's inverse CDFs, polished by Newton steps on MathNet's CDF
    /// (the regularized incomplete beta and gamma functions). MathNet finds the Beta and Student t
    /// quantiles by a root search with an absolute tolerance, which leaves a tiny quantile
    /// (1e-6) with only nine or ten correct digits; a few Newton steps restore the CDF's
    /// accuracy. Upper quantiles are solved on the upper tail (1 - F), not as F = 1 - tail.
    /// </summary>
    internal static class Quantiles
    {
        /// <summary>The Beta(a, b) quantile with <paramref name="tail"/> below it (or above it when <paramref name="upper"/>).</summary>
        public static double Beta(double a, double b, double tail, bool upper = false)
        {
            if (upper)
            {
                return 1 - Beta(b, a, tail);
            }

            double start = MathNet.Numerics.Distributions.Beta.InvCDF(a, b, tail);
            return Polish(
                start,
                x => SpecialFunctions.BetaRegularized(a, b, x) - tail,
                x => Math.Exp(MathNet.Numerics.Distributions.Beta.PDFLn(a, b, x)),
                0,
                1);
        }

        /// <summary>The Gamma(shape, rate) quantile with <paramref name="tail"/> below it (or above it).</summary>
        public static double Gamma(double shape, double rate, double tail, bool upper = false)
        {
            double start = MathNet.Numerics.Distributions.Gamma.InvCDF(shape, rate, upper ? 1 - tail : tail);
            Func<double, double> density = x => Math.Exp(MathNet.Numerics.Distributions.Gamma.PDFLn(shape, rate, x));
            return upper
                ? Polish(start, x => SpecialFunctions.GammaUpperRegularized(shape, rate * x) - tail, x => -density(x), 0, double.PositiveInfinity)
                : Polish(start, x => SpecialFunctions.GammaLowerRegularized(shape, rate * x) - tail, density, 0, double.PositiveInfinity);
        }

        /// <summary>
        /// The InverseGamma(shape, scale) quantile with <paramref name="tail"/> below it (or above
        /// it): 1/X for X ~ Gamma(shape, rate = scale), whose opposite tail it is.
        /// </summary>
        public static double InverseGamma(double shape, double scale, double tail, bool upper = false)
            => 1 / Gamma(shape, scale, tail, !upper);

        /// <summary>The standard Student t quantile (ν degrees of freedom) with <paramref name="tail"/> above it.</summary>
        public static double StudentTUpper(double dof, double tail)
        {
            double start = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, dof, 1 - tail);

            // For t > 0, P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½).
            return Polish(
                start,
                t => 0.5 * SpecialFunctions.BetaRegularized(dof / 2, 0.5, dof / (dof + t * t)) - tail,
                t => -Math.Exp(MathNet.Numerics.Distributions.StudentT.PDFLn(0, 1, dof, t)),
                0,
                double.PositiveInfinity);
        }

        /// <summary>
        /// Newton's method on g(x) = 0 from <paramref name="x"/>, g' = <paramref name="slope"/>,
        /// kept inside (lo, hi); stops when a step no longer reduces |g| or is below rounding.
        /// </summary>
        private static double Polish(double x, Func<double, double> g, Func<double, double> slope, double lo, double hi)
        {
            if (double.IsNaN(x) || double.IsInfinity(x))
            {
                return x;
            }

            double residual = g(x);
            for (int i = 0; i < 8 && residual != 0; i++)
            {
                double d = slope(x);
                if (!(Math.Abs(d) > 0) || double.IsInfinity(d))
                {
                    break;
                }

                double next = x - residual / d;
                if (!(next > lo && next < hi))
                {
                    break;
                }

                double nextResidual = g(next);
                if (!(Math.Abs(nextResidual) < Math.Abs(residual)))
                {
                    break;
                }

                bool tiny = Math.Abs(next - x) <= 1e-16 * Math.Abs(x);
                x = next;
                residual = nextResidual;
                if (tiny)
                {
                    break;
                }
            }

            return x;
        }
    }
}
