using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Both tails of the regularized incomplete beta function in log space, log I_x(a, b) and
    /// log(1 - I_x(a, b)) = log I_{1-x}(b, a), each computed directly (never as log(1 - I)) and
    /// finite where the tail itself underflows: the distribution functions of Beta, Binomial and
    /// NegativeBinomial.
    /// </summary>
    /// <remarks>
    /// I_x(a, b) = x^a (1-x)^b / (a B(a, b)) · K(x), with K the continued fraction of Numerical
    /// Recipes' betacf (modified Lentz), which converges fast for x &lt; (a + 1)/(a + b + 2); above
    /// that point the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) gives the upper tail by the same
    /// fraction, and the lower tail as log(1 - upper) where the upper tail is the smaller one
    /// (so no digits are lost either way). The prefactor is formed as the binomial mass
    /// C(a + b, a) x^a (1-x)^b · b/(a + b) in Loader's saddle-point form (R's dbinom_raw,
    /// <see cref="Counts.BinomialLogPmf"/>): log B(a, b) subtracted from a log x + b log(1 - x)
    /// would cancel for large shapes (a = 1e6 loses six digits). The fraction needs about
    /// √max(a, b) terms near the centre, so shapes beyond about 1e12 are slow there (capped).
    /// x and y = 1 - x are both passed so that a caller holding y exactly (Binomial's 1 - P, a
    /// Beta value near 1) keeps its digits.
    /// MathNet 5.0's BetaRegularized gives I directly and is accurate in the body but not where I
    /// is tiny or its complement is, and it has no log form: see BoundedDiscreteModelTests.
    /// </remarks>
    internal static class IncompleteBetaTails
    {
        private const double Epsilon = 1e-16;
        private const double Tiny = 1e-300;

        /// <summary>log I_x(a, b) and log(1 - I_x(a, b)) for 0 &lt;= x &lt;= 1, y = 1 - x, a, b &gt; 0.</summary>
        public static void Log(double x, double y, double a, double b, out double logLower, out double logUpper)
        {
            if (double.IsNaN(x) || double.IsNaN(y) || double.IsNaN(a) || double.IsNaN(b))
            {
                logLower = logUpper = double.NaN;
                return;
            }

            if (x <= 0)
            {
                logLower = double.NegativeInfinity;
                logUpper = 0;
                return;
            }

            if (y <= 0)
            {
                logLower = 0;
                logUpper = double.NegativeInfinity;
                return;
            }

            // The switch point (a + 1)/(a + b + 2), compared without forming a + b + 2 when it overflows.
            if (x * (a + b + 2) < a + 1)
            {
                logLower = LogSmallerTail(x, y, a, b);
                logUpper = LogSpace.Log1MinusExp(logLower);
            }
            else
            {
                logUpper = LogSmallerTail(y, x, b, a);
                logLower = LogSpace.Log1MinusExp(logUpper);
            }
        }

        /// <summary>log I_x(a, b).</summary>
        public static double LogLower(double x, double y, double a, double b)
        {
            Log(x, y, a, b, out double lower, out _);
            return lower;
        }

        /// <summary>log(1 - I_x(a, b)) = log I_{1-x}(b, a).</summary>
        public static double LogUpper(double x, double y, double a, double b)
        {
            Log(x, y, a, b, out _, out double upper);
            return upper;
        }

        /// <summary>log[x^a y^b / (a B(a, b))], the prefactor of the continued fraction; also x·f(x)/a for the Beta density f.</summary>
        public static double LogPrefactor(double x, double y, double a, double b)
            => Counts.BinomialLogPmf(a, a + b, x, y) + Math.Log(b / (a + b));

        /// <summary>log I_x(a, b) for x below the switch point (a + 1)/(a + b + 2).</summary>
        private static double LogSmallerTail(double x, double y, double a, double b)
        {
            double logPrefactor = LogPrefactor(x, y, a, b);
            return logPrefactor + Math.Log(ContinuedFraction(x, a, b));
        }

        /// <summary>Numerical Recipes' betacf by the modified Lentz method.</summary>
        private static double ContinuedFraction(double x, double a, double b)
        {
            double qab = a + b, qap = a + 1, qam = a - 1;
            double c = 1, d = 1 - qab * x / qap;
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            d = 1 / d;
            double h = d;
            int limit = (int)Math.Min(1e7, 1000 + 50 * Math.Sqrt(Math.Max(a, b)));
            for (int m = 1; m <= limit; m++)
            {
                int m2 = 2 * m;
                double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
                d = 1 + aa * d;
                if (Math.Abs(d) < Tiny)
                {
                    d = Tiny;
                }

                c = 1 + aa / c;
                if (Math.Abs(c) < Tiny)
                {
                    c = Tiny;
                }

                d = 1 / d;
                h *= d * c;
                aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
                d = 1 + aa * d;
                if (Math.Abs(d) < Tiny)
                {
                    d = Tiny;
                }

                c = 1 + aa / c;
                if (Math.Abs(c) < Tiny)
                {
                    c = Tiny;
                }

                d = 1 / d;
                double delta = d * c;
                h *= delta;
                if (Math.Abs(delta - 1) <= Epsilon)
                {
                    break;
                }
            }

            return h;
        }
    }
}
