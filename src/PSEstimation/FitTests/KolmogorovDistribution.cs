using System;

namespace PSEstimation.FitTests
{
    /// <summary>
    /// The null distribution of the one-sample Kolmogorov-Smirnov statistic D_n for a fully
    /// specified continuous distribution: exact by Marsaglia, Tsang and Wang (2003, "Evaluating
    /// Kolmogorov's distribution", J. Stat. Softw. 8(18)), the algorithm of R's ks.test(exact =
    /// TRUE); and Kolmogorov's limiting law of sqrt(n) D_n.
    /// </summary>
    internal static class KolmogorovDistribution
    {
        /// <summary>Largest sample size for which <see cref="UpperTail"/> uses the exact law.</summary>
        public const int ExactMaximumSampleSize = 1000;

        /// <summary>The exact law's matrix has order 2k - 1 with k = floor(n d) + 1; beyond this k the p-value is below 1e-8 and the limit law is used.</summary>
        private const int ExactMaximumK = 120;

        /// <summary>P(D_n >= d) and which law gave it.</summary>
        public static (double PValue, bool Exact) UpperTail(int n, double d)
        {
            if (n <= ExactMaximumSampleSize && (int)(n * d) + 1 <= ExactMaximumK)
            {
                return (Clamp(1 - ExactCdf(n, d)), true);
            }

            return (AsymptoticUpperTail(Math.Sqrt(n) * d), false);
        }

        /// <summary>P(D_n &lt; d), exact (Marsaglia-Tsang-Wang).</summary>
        public static double ExactCdf(int n, double d)
        {
            if (d <= 0)
            {
                return 0;
            }

            if (d >= 1)
            {
                return 1;
            }

            int k = (int)(n * d) + 1;
            int m = 2 * k - 1;
            double h = k - n * d;
            var H = new double[m * m];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    H[i * m + j] = i - j + 1 < 0 ? 0 : 1;
                }
            }

            for (int i = 0; i < m; i++)
            {
                H[i * m] -= Math.Pow(h, i + 1);
                H[(m - 1) * m + i] -= Math.Pow(h, m - i);
            }

            H[(m - 1) * m] += 2 * h - 1 > 0 ? Math.Pow(2 * h - 1, m) : 0;
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    if (i - j + 1 > 0)
                    {
                        for (int g = 1; g <= i - j + 1; g++)
                        {
                            H[i * m + j] /= g;
                        }
                    }
                }
            }

            var Q = Power(H, m, n, out int eQ);
            double s = Q[(k - 1) * m + k - 1];
            for (int i = 1; i <= n; i++)
            {
                s = s * i / n;
                if (s < 1e-140)
                {
                    s *= 1e140;
                    eQ -= 140;
                }
            }

            return s * Math.Pow(10.0, eQ);
        }

        /// <summary>P(K > x) for Kolmogorov's limiting law, K = lim sqrt(n) D_n.</summary>
        public static double AsymptoticUpperTail(double x)
        {
            if (x <= 0)
            {
                return 1;
            }

            if (x < 1)
            {
                // P(K <= x) = sqrt(2π)/x Σ_{k>=1} exp(-(2k-1)² π² / (8x²)): fast for small x.
                double sum = 0;
                for (int k = 1; k < 100; k++)
                {
                    double term = Math.Exp(-(2 * k - 1) * (2 * k - 1) * Math.PI * Math.PI / (8 * x * x));
                    sum += term;
                    if (term < 1e-17 * sum)
                    {
                        break;
                    }
                }

                return Clamp(1 - Math.Sqrt(2 * Math.PI) / x * sum);
            }

            double tail = 0;
            for (int k = 1; k < 100; k++)
            {
                double term = Math.Exp(-2.0 * k * k * x * x);
                tail += (k % 2 == 1 ? 2 : -2) * term;
                if (term < 1e-17 * tail)
                {
                    break;
                }
            }

            return Clamp(tail);
        }

        /// <summary>A^n with a decimal exponent kept aside (the scaling of Marsaglia et al.).</summary>
        private static double[] Power(double[] A, int m, int n, out int exponent)
        {
            if (n == 1)
            {
                exponent = 0;
                return (double[])A.Clone();
            }

            var half = Power(A, m, n / 2, out int eHalf);
            var B = Multiply(half, half, m);
            int eB = 2 * eHalf;
            double[] V;
            if (n % 2 == 0)
            {
                V = B;
                exponent = eB;
            }
            else
            {
                V = Multiply(A, B, m);
                exponent = eB;
            }

            if (V[(m / 2) * m + (m / 2)] > 1e140)
            {
                for (int i = 0; i < V.Length; i++)
                {
                    V[i] *= 1e-140;
                }

                exponent += 140;
            }

            return V;
        }

        private static double[] Multiply(double[] A, double[] B, int m)
        {
            var C = new double[m * m];
            for (int i = 0; i < m; i++)
            {
                for (int k = 0; k < m; k++)
                {
                    double a = A[i * m + k];
                    if (a == 0)
                    {
                        continue;
                    }

                    int rowB = k * m;
                    int rowC = i * m;
                    for (int j = 0; j < m; j++)
                    {
                        C[rowC + j] += a * B[rowB + j];
                    }
                }
            }

            return C;
        }

        private static double Clamp(double p) => p < 0 ? 0 : p > 1 ? 1 : p;
    }
}
