using System;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Small numerical pieces that MathNet.Numerics 5.0 lacks or computes less accurately than
    /// the likelihoods need: the trigamma function, log(1 + x) for small x, and log(x / y)
    /// without overflow or cancellation.
    /// </summary>
    internal static class SpecialMath
    {
        private const double Zeta2 = 1.6449340668482264365;   // π²/6 = ψ'(1)
        private const double TwoZeta3 = 2.4041138063191885708; // 2ζ(3)

        /// <summary>
        /// ψ'(x), the derivative of the digamma function, for x > 0 (NaN otherwise). MathNet 5.0
        /// has no trigamma. Recurrence ψ'(x) = ψ'(x + 1) + 1/x² up to x ≥ 10, then the
        /// asymptotic series (Abramowitz and Stegun 6.4.12) to x⁻¹⁵: relative error near 1e-15.
        /// </summary>
        public static double Trigamma(double x)
        {
            if (!(x > 0))
            {
                return double.NaN;
            }

            if (double.IsPositiveInfinity(x))
            {
                return 0;
            }

            if (x < 1e-5)
            {
                // ψ'(x) = 1/x² + ζ(2) - 2ζ(3)x + O(x²) near 0.
                return 1 / (x * x) + Zeta2 - TwoZeta3 * x;
            }

            double result = 0;
            while (x < 10)
            {
                result += 1 / (x * x);
                x += 1;
            }

            double r = 1 / x, r2 = r * r;
            double series = r * (1 + r * (0.5 + r * (1.0 / 6 + r2 * (-1.0 / 30 + r2 * (1.0 / 42 + r2 * (-1.0 / 30 + r2 * (5.0 / 66 + r2 * (-691.0 / 2730 + r2 * 7.0 / 6))))))));
            return result + series;
        }

        /// <summary>
        /// log(1 + x) accurate for small |x| (Goldberg, "What every computer scientist should know
        /// about floating-point arithmetic", theorem 4): u = 1 + x rounded, then log(u)·x/(u - 1).
        /// </summary>
        public static double Log1p(double x)
        {
            double u = 1.0 + x;
            if (u == 1.0)
            {
                return x;
            }

            if (double.IsInfinity(u))
            {
                return Math.Log(x);
            }

            return Math.Log(u) * x / (u - 1.0);
        }

        /// <summary>
        /// Whether n times a per-observation information matrix is representable: every entry
        /// finite, and the diagonal entry of every free parameter a normal double (not
        /// underflowed), so the optimiser's curvature and the covariance can be formed.
        /// </summary>
        public static bool InformationInRange(double[,] information, double n, double?[] fixedValues, out int worst)
        {
            worst = -1;
            for (int i = 0; i < fixedValues.Length; i++)
            {
                for (int j = 0; j < fixedValues.Length; j++)
                {
                    double v = n * information[i, j];
                    bool bad = double.IsNaN(v) || double.IsInfinity(v) || (i == j && fixedValues[i] is null && !(Math.Abs(v) >= 1e-306));
                    if (bad)
                    {
                        worst = i == j || fixedValues[i] is not null ? j : i;
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>"1e+300": the power of ten nearest to a positive number, for messages that suggest a rescaling.</summary>
        public static string PowerOfTen(double value)
            => "1e" + Math.Round(Math.Log10(value)).ToString("+0;-0", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// log(x / y) for x, y > 0: through log1p of the exact difference when x is within a
        /// factor 1.5 of y (so a ratio near 1 keeps its digits), else log x - log y (so 1e300/1e-300
        /// does not overflow).
        /// </summary>
        public static double LogRatio(double x, double y)
        {
            double d = x - y;
            if (Math.Abs(d) <= 0.5 * y)
            {
                return Log1p(d / y);
            }

            return Math.Log(x) - Math.Log(y);
        }
    }
}
