using System;
using MathNet.Numerics;

namespace PSEstimation.FitTests
{
    /// <summary>
    /// The null distribution of the Anderson-Darling statistic for a fully specified continuous
    /// distribution: the limiting law by the series of Marsaglia and Marsaglia (2004, "Evaluating
    /// the Anderson-Darling distribution", J. Stat. Softw. 9(2), ADinf), and their finite-sample
    /// law ADinf(z) + errfix(n, ADinf(z)) (the procedure AD of the same paper), as R's
    /// goftest::pAD computes them.
    /// </summary>
    internal static class AndersonDarlingDistribution
    {
        /// <summary>P(A² >= z) at sample size n (finite-sample law), or for the limit when n is null.</summary>
        public static double UpperTail(double z, int? n)
        {
            if (z <= 0)
            {
                return 1;
            }

            if (double.IsPositiveInfinity(z))
            {
                return 0;
            }

            double p;
            if (n is int size)
            {
                // The finite-sample law corrects the paper's short approximation of the limit (as goftest does).
                p = ApproximateLimit(z);

                // Where the limit's upper tail is below 1e-3 errfix is not applied: its polynomial is
                // not 0 at x = 1 (it is -6e-4), so it would give a p-value of about 6e-4/n to any
                // statistic however large (goftest reports 0.00015 for a point 40 standard deviations
                // out at n = 4). Below 1e-3 the limit's own tail is reported.
                if (p <= 0.999)
                {
                    p += ErrorFix(size, p);
                }
            }
            else
            {
                // Beyond z = 10 the series loses its digits to cancellation; the short form's error there is below 8e-7 of an upper tail below 1e-5.
                p = z < 10 ? Limit(z) : ApproximateLimit(z);
            }

            if (double.IsNaN(p))
            {
                p = 1;
            }

            return Math.Min(1, Math.Max(0, 1 - p));
        }

        /// <summary>The limiting CDF (Marsaglia and Marsaglia's ADinf, the full series).</summary>
        public static double Limit(double z)
        {
            if (z < 0.01)
            {
                return 0;
            }

            double r = 1 / z;
            double ad = r * Term(z, 0);
            for (int j = 1; j < 100; j++)
            {
                r *= (0.5 - j) / j;
                double next = ad + (4 * j + 1) * r * Term(z, j);
                if (next == ad)
                {
                    return ad;
                }

                ad = next;
            }

            return ad;
        }

        /// <summary>Marsaglia and Marsaglia's short approximation of the limiting CDF (adinf; |error| &lt; 2e-6).</summary>
        public static double ApproximateLimit(double z)
        {
            if (z < 2)
            {
                return Math.Exp(-1.2337141 / z) / Math.Sqrt(z) * (2.00012 + (0.247105 - (0.0649821 - (0.0347962 - (0.011672 - 0.00168691 * z) * z) * z) * z) * z);
            }

            return Math.Exp(-Math.Exp(1.0776 - (2.30695 - (0.43424 - (0.082433 - (0.008056 - 0.0003146 * z) * z) * z) * z) * z));
        }

        private static double Term(double z, int j)
        {
            double t = (4 * j + 1) * (4 * j + 1) * 1.23370055013617 / z;
            if (t > 150)
            {
                return 0;
            }

            double a = 2.22144146907918 * Math.Exp(-t) / Math.Sqrt(t);
            double b = 3.93740248643060 * SpecialFunctions.Erfc(Math.Sqrt(t));
            double r = z * 0.125;
            double f = a + b * r;
            for (int i = 1; i < 200; i++)
            {
                double c = ((i - 0.5 - t) * b + t * a) / i;
                a = b;
                b = c;
                r *= z / (8 * i + 8);
                if (Math.Abs(r) < 1e-40 || Math.Abs(c) < 1e-40)
                {
                    return f;
                }

                double fnew = f + c * r;
                if (f == fnew)
                {
                    return f;
                }

                f = fnew;
            }

            return f;
        }

        /// <summary>Marsaglia and Marsaglia's correction of the limiting CDF value x for sample size n.</summary>
        public static double ErrorFix(int n, double x)
        {
            if (x > 0.8)
            {
                return (-130.2137 + (745.2337 - (1705.091 - (1950.646 - (1116.360 - 255.7844 * x) * x) * x) * x) * x) / n;
            }

            double c = 0.01265 + 0.1757 / n;
            if (x < c)
            {
                double t = x / c;
                t = Math.Sqrt(t) * (1 - t) * (49 * t - 102);
                return t * (0.0037 / ((double)n * n) + 0.00078 / n + 0.00006) / n;
            }

            x = (x - c) / (0.8 - c);
            x = -0.00022633 + (6.54034 - (14.6538 - (14.458 - (8.259 - 1.91864 * x) * x) * x) * x) * x;
            return x * (0.04213 / n + 0.01365 / ((double)n * n));
        }
    }
}
