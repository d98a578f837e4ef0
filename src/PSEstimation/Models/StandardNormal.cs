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
        private const double SqrtPi = 1.7724538509055160272981674833411;
        private const double SqrtTwoPi = 2.5066282746310005024157652848110;

        /// <summary>1/√2 as the sum of two doubles (mpmath): the low part carries the digits the rounded constant drops.</summary>
        private const double InvSqrt2High = 0.7071067811865476;
        private const double InvSqrt2Low = -4.833646656726457e-17;

        /// <summary>
        /// Φ(z) = erfc(-z/√2)/2: no cancellation in the lower tail; 1 - tiny rounds to 1 in the upper.
        /// </summary>
        /// <remarks>
        /// Measured against mpmath on a grid of z in [-38, 38]: MathNet's Erfc forms e^{-t²} from
        /// a rounded t² and the argument t = -z/√2 is itself rounded (half an ulp, plus the
        /// rounded constant), each moving erfc by about 2t²·1.1e-16 relative: 2.4e-13 at z = -37.
        /// So below z = -3 Φ is φ(z)/h(-z) (<see cref="Hazard"/>'s continued fraction, φ from z² in
        /// double-double); between -3 and -1, t is -z·(1/√2) in double-double (Dekker's product)
        /// and erfc corrected to first order in the residual δ: erfc(t + δ) = erfc(t)·(1 - g δ),
        /// g = -d log erfc/dt = 2e^{-t²}/(√π erfc t).
        /// </remarks>
        public static double Cdf(double z)
        {
            if (z < -3)
            {
                // MathNet's erfc forms e^{-t²} from a rounded t², off by 2t²·1.1e-16 relative
                // (5.7e-14 at z = -32): the lower tail is φ(z)/h(-z) instead, φ from an exact z².
                Hazard(-z, out double hazard, out _);
                return HalfSquareExp(z) / (SqrtTwoPi * hazard);
            }

            double product = z * InvSqrt2High;
            double t = -product;
            double erfc = SpecialFunctions.Erfc(t);
            // Below |z| = 1 the shift is under 2e-16; beyond 40 erfc is 0 or 2 and δ no longer matters.
            if (!(Math.Abs(z) > 1 && Math.Abs(z) < 40) || erfc == 0)
            {
                return 0.5 * erfc;
            }

            double delta = -(ProductError(z, InvSqrt2High, product) + z * InvSqrt2Low);
            double g = 2 * Math.Exp(-t * t) / (SqrtPi * erfc);
            return 0.5 * erfc * (1 - g * delta);
        }

        /// <summary>
        /// log Φ(z): log of erfc down to z = -3; below, -z²/2 - log √(2π) - log h(-z) with the
        /// hazard's continued fraction (exact where Φ underflows); log1p(-Φ(-z)) in the upper tail.
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

            if (z >= -3)
            {
                return Math.Log(Cdf(z));
            }

            // log Φ(z) = -z²/2 - log √(2π) - log h(-z), z² in double-double, the hazard from its
            // continued fraction: no underflow however far out, and no rounded t² inside erfc.
            SquareSplit(z, out double high, out double low);
            Hazard(-z, out double hazard, out _);
            return -0.5 * high - HalfLogTwoPi - Math.Log(hazard) - 0.5 * low;
        }

        /// <summary>e^{-z²/2} with z² taken as high + low exactly: e^{-high/2}·(1 - low/2).</summary>
        internal static double HalfSquareExp(double z)
        {
            SquareSplit(z, out double high, out double low);
            return Math.Exp(-0.5 * high) * (1 - 0.5 * low);
        }

        /// <summary>z² = high + low, high the rounded square and low its exact residual (0 beyond 1e150, where it no longer matters).</summary>
        private static void SquareSplit(double z, out double high, out double low)
        {
            high = z * z;
            low = Math.Abs(z) < 1e150 ? ProductError(z, z, high) : 0;
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

        /// <summary>a·b - product exactly, for product = a·b rounded (Dekker's split, no fused multiply-add in netstandard2.0); |a|, |b| below 1e150.</summary>
        private static double ProductError(double a, double b, double product)
        {
            Split(a, out double aHigh, out double aLow);
            Split(b, out double bHigh, out double bLow);
            return ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow;
        }

        private static void Split(double a, out double high, out double low)
        {
            double c = 134217729.0 * a;
            high = c - (c - a);
            low = a - high;
        }
    }
}
