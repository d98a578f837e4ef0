using System;
using MathNet.Numerics;

namespace PSEstimation.Models
{
    /// <summary>
    /// Φ, log Φ and Φ⁻¹ of the standard normal, accurate in both tails: every location-scale
    /// model built on the normal (Normal, LogNormal) and the delta-method intervals use them.
    /// </summary>
    internal static class StandardNormal
    {
        private const double Sqrt2 = 1.4142135623730950488016887242097;
        private const double HalfLogTwoPi = 0.91893853320467274178032973640562;

        /// <summary>Φ(z) = erfc(-z/√2)/2: no cancellation in the lower tail; 1 - tiny rounds to 1 in the upper.</summary>
        public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Sqrt2);

        /// <summary>
        /// log Φ(z): log of erfc where Φ(z) is a normal double, the asymptotic series of Mills'
        /// ratio below z = -37.5 (where Φ underflows), log1p(-Φ(-z)) in the upper tail.
        /// </summary>
        public static double LogCdf(double z)
        {
            if (double.IsNaN(z))
            {
                return double.NaN;
            }

            if (z > 0)
            {
                return LogSpace.Log1p(-Cdf(-z));
            }

            if (z > -37.5)
            {
                return Math.Log(Cdf(z));
            }

            if (double.IsNegativeInfinity(z))
            {
                return double.NegativeInfinity;
            }

            // Φ(z) = φ(z)/|z| · (1 - 1/z² + 3/z⁴ - 15/z⁶ + ...), z → -∞ (Abramowitz and Stegun 26.2.12).
            double w = 1 / (z * z);
            double series = 1 - w * (1 - 3 * w * (1 - 5 * w * (1 - 7 * w * (1 - 9 * w))));
            return -0.5 * z * z - HalfLogTwoPi - Math.Log(-z) + Math.Log(series);
        }

        /// <summary>Φ⁻¹(p) for p in [0, 1].</summary>
        public static double Quantile(double p)
        {
            if (p <= 0)
            {
                return p == 0 ? double.NegativeInfinity : double.NaN;
            }

            if (p >= 1)
            {
                return p == 1 ? double.PositiveInfinity : double.NaN;
            }

            // erfc⁻¹ of 2p keeps a tiny p's digits; for p > 1/2 the symmetric form uses 1 - p,
            // exact by Sterbenz's lemma.
            return p <= 0.5 ? -Sqrt2 * SpecialFunctions.ErfcInv(2 * p) : Sqrt2 * SpecialFunctions.ErfcInv(2 * (1 - p));
        }

        /// <summary>
        /// The hazard h(t) = φ(t)/Φ(-t) (the inverse Mills ratio) and its excess h(t) - t, both to
        /// full relative precision: d log Φ(-t)/dt = -h and d²/dt² = -h·(h - t), and at t = 1e4
        /// h - t ≈ 1e-4 would lose 8 digits as a difference. From t = 3 on, the continued fraction
        /// Φ(-t)/φ(t) = 1/(t + 1/(t + 2/(t + 3/(t + ...)))) gives h - t = 1/(t + 2/(t + ...))
        /// directly (60 terms: 1e-17 at t = 3, checked against mpmath); below, h is
        /// exp(log φ - log Φ(-t)) and h - t does not cancel (h - t &gt; 0.28).
        /// </summary>
        public static void Hazard(double t, out double hazard, out double excess)
        {
            if (t >= 3)
            {
                if (double.IsPositiveInfinity(t))
                {
                    hazard = double.PositiveInfinity;
                    excess = 0;
                    return;
                }

                double tail = t;
                for (int k = 60; k >= 2; k--)
                {
                    tail = t + k / tail;
                }

                excess = 1 / tail;
                hazard = t + excess;
                return;
            }

            hazard = Math.Exp(-0.5 * t * t - HalfLogTwoPi - LogCdf(-t));
            excess = hazard - t;
        }
    }
}
