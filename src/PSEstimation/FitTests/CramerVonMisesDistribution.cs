using System;
using MathNet.Numerics;

namespace PSEstimation.FitTests
{
    /// <summary>
    /// The null distribution of the Cramer-von Mises statistic for a fully specified continuous
    /// distribution: the limiting law (Anderson and Darling 1952) as the series of Csörgő and
    /// Faraway (1996, "The exact and asymptotic distributions of Cramér-von Mises statistics",
    /// JRSS B 58, eq. 1.4), and their finite-sample law V_n(x) = V(x) + ψ1(x)/n (Theorem 1.1), as
    /// R's goftest::pCvM computes them (the same series, cut-offs and truncations).
    /// </summary>
    internal static class CramerVonMisesDistribution
    {
        /// <summary>P(W² >= x) at sample size n (finite-sample law), or for the limit when n is null.</summary>
        public static double UpperTail(double x, int? n)
        {
            double nn = n is int size ? Math.Min(100, size) : double.PositiveInfinity;
            if (x <= 1 / (12 * nn))
            {
                return 1;
            }

            if (x >= nn / 3)
            {
                return 0;
            }

            double p = Limit(x);
            if (n is int count)
            {
                p += Psi1(x) / count;
            }

            // goftest's rounding of the lower tail to 0 and 1 within 2e-10.
            if (p < 2e-10)
            {
                p = 0;
            }

            if (1 - p < 2e-10)
            {
                p = 1;
            }

            return Math.Min(1, Math.Max(0, 1 - p));
        }

        /// <summary>The limiting CDF V(x) (Csörgő-Faraway eq. 1.4).</summary>
        public static double Limit(double x)
        {
            double total = 0;
            for (int k = 0; k <= 200; k++)
            {
                double q = (4.0 * k + 1) * (4.0 * k + 1) / (16 * x);
                // (-1)^k C(-1/2, k) = Γ(k + 1/2) / (Γ(1/2) k!).
                double coefficient = Math.Exp(SpecialFunctions.GammaLn(k + 0.5) - SpecialFunctions.GammaLn(k + 1.0)) / Math.Sqrt(Math.PI);
                double z = coefficient * Math.Sqrt(4.0 * k + 1) * ScaledBesselK(q, 0.25) / Math.Sqrt(x);
                total += z;
                if (k > 10 && Math.Abs(z) < 1e-9)
                {
                    break;
                }
            }

            return total / Math.PI;
        }

        /// <summary>The first-order correction ψ1 (Csörgő-Faraway Theorem 1.1), as goftest's psi1.</summary>
        public static double Psi1(double x)
        {
            double total = 0;
            for (int k = 0; k <= 200; k++)
            {
                double z = -AkOnFk(k, x) / Math.PI;
                total += z;
                if (k > 20 && Math.Abs(z) < 1e-9)
                {
                    break;
                }
            }

            return total + Limit(x) / 12;
        }

        private static double AkOnFk(int k, double x)
        {
            double twoSqrtX = 2 * Math.Sqrt(x);
            double fk1 = (4.0 * k + 1) / twoSqrtX;
            double fk3 = (4.0 * k + 3) / twoSqrtX;
            double fk5 = (4.0 * k + 5) / twoSqrtX;
            double x34 = Math.Pow(x, 0.75);
            double x54 = Math.Pow(x, 1.25);
            double gf = Math.Exp(SpecialFunctions.GammaLn(k + 0.5) - SpecialFunctions.GammaLn(k + 1.0));
            return gf * (ED3(fk1) / (72 * x54) + (2.0 * k + 1) * (ED2(fk3) / (9 * x34) + (2.0 * k + 3) * ED3(fk5) / (12 * x54) + 7 * (ED2(fk1) + ED2(fk5)) / (144 * x34)));
        }

        // exp(-x²/4) D_2(x) and exp(-x²/4) D_3(x), with parabolic-cylinder functions by Bessel K.
        private static double ED2(double x)
        {
            double z = x * x / 4;
            return (ScaledBesselK(z, 0.25) + ScaledBesselK(z, 0.75)) * Math.Sqrt(x * x * x / (8 * Math.PI));
        }

        private static double ED3(double x)
        {
            double z = x * x / 4;
            return (2 * ScaledBesselK(z, 0.25) + 3 * ScaledBesselK(z, 0.75) - ScaledBesselK(z, 1.25)) * Math.Sqrt(x * x * x * x * x / (32 * Math.PI));
        }

        /// <summary>
        /// exp(-z) K_ν(z) for z > 0, by the trapezoidal rule on K_ν(z) = ∫_0^∞ exp(-z cosh t) cosh(νt) dt
        /// (the integrand is analytic and decays doubly exponentially, so a step of 1/16 is exact to
        /// rounding); the exp(-z) is folded into the integrand so no term overflows or underflows early.
        /// </summary>
        internal static double ScaledBesselK(double z, double nu)
        {
            const double h = 1.0 / 16;
            double sum = 0.5 * Math.Exp(-2 * z);
            for (int i = 1; i < 100000; i++)
            {
                double t = i * h;
                double exponent = -z * (Math.Cosh(t) + 1) + nu * t;
                double term = Math.Exp(exponent) * 0.5 * (1 + Math.Exp(-2 * nu * t));
                sum += term;
                if (exponent < -750 || (term < 1e-18 * sum && -z * Math.Cosh(t) < -40))
                {
                    break;
                }
            }

            return sum * h;
        }
    }
}
