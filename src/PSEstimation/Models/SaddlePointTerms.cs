using System;

namespace PSEstimation.Models
{
    /// <summary>
    /// The two terms of Loader's saddle-point form of binomial and Poisson probabilities ("Fast
    /// and accurate computation of binomial probabilities", 2000; R's stirlerr and bd0), shared by
    /// the likelihoods (Distributions/CountStatistics.cs) and the samplers (Samplers.cs): Stirling's
    /// error σ(n) and the series of the deviance term bd0(x, m) where x is near m. Both are
    /// arithmetic only (no log), so the samplers stay the same on every machine.
    /// </summary>
    internal static class SaddlePointTerms
    {
        // stirlerr(n) = log n! - [(n + 1/2) log n - n + log(2π)/2] for n = 0..15, mpmath at 200 bits
        // (0 at n = 0 by convention: only n >= 1 is used).
        private static readonly double[] StirlingErrorTable =
        {
            0.0,
            0.08106146679532726,
            0.0413406959554093,
            0.02767792568499834,
            0.020790672103765093,
            0.016644691189821193,
            0.013876128823070748,
            0.01189670994589177,
            0.010411265261972096,
            0.009255462182712733,
            0.00833056343336287,
            0.007573675487951841,
            0.00694284010720953,
            0.006408994188004207,
            0.0059513701127588475,
            0.005554733551962801,
        };

        /// <summary>
        /// The error of Stirling's formula for log n!, n a whole number >= 1 or any n > 15: a table to 15, then
        /// the asymptotic series 1/(12n) - 1/(360n³) + 1/(1260n⁵) - 1/(1680n⁷) + 1/(1188n⁹)
        /// (coefficients B₂ₖ/(2k(2k-1))), cut where the first omitted term is below 1e-17 relative
        /// (Loader, "Fast and accurate computation of binomial probabilities", 2000).
        /// </summary>
        public static double StirlingError(double n)
        {
            if (n <= 15)
            {
                return StirlingErrorTable[(int)n];
            }

            const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
            double nn = n * n;
            if (n > 500)
            {
                return (s0 - s1 / nn) / n;
            }

            if (n > 80)
            {
                return (s0 - (s1 - s2 / nn) / nn) / n;
            }

            if (n > 35)
            {
                return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
            }

            return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
        }

        /// <summary>
        /// bd0(x, m) = x log(x/m) + m - x where |x - m| &lt; 0.1 (x + m), by its series in
        /// v = (x - m)/(x + m), where the direct form cancels: (x - m)·v + 2x·Σ_{j>=1} v^(2j+1)/(2j+1);
        /// |v| &lt; 0.1, so each term is 100 times smaller (about 8 terms). False elsewhere, where the
        /// caller takes the direct form. x, m &gt; 0; formed from halves, so that x + m near 2e308 does
        /// not overflow (for x = m = 1e308 the sum was +Infinity and 2x·v = Infinity·0 = NaN).
        /// </summary>
        public static bool TryDevianceSeries(double x, double m, out double value)
        {
            double d = x - m, half = 0.5 * x + 0.5 * m;
            if (!(Math.Abs(d) < 0.2 * half))
            {
                value = 0;
                return false;
            }

            double v = 0.5 * d / half;
            double s = d * v;
            double term = 2 * (x * v);
            double v2 = v * v;
            for (int j = 1; j < 1000; j++)
            {
                term *= v2;
                double next = s + term / (2 * j + 1);
                if (next == s)
                {
                    break;
                }

                s = next;
            }

            value = s;
            return true;
        }
    }
}
