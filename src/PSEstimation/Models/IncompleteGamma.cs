using System;
using MathNet.Numerics;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 - P(a, x) in log
    /// space, each from the side where it does not cancel: the power series for P below
    /// x = a + 1, Legendre's continued fraction for Q above. MathNet's GammaLowerRegularized and
    /// GammaUpperRegularized are not used: they form the prefix x^a e^(-x) / Γ(a) as
    /// exp(a log x - x - log Γ(a)), a difference of terms of size a·log a that loses about
    /// a·log a ulps (1e-9 relative at a = 10⁶), and they return 0 where the result underflows,
    /// where the log CDF and log survival must stay finite.
    /// </summary>
    internal static class IncompleteGamma
    {
        private const double HalfLogTwoPi = 0.91893853320467274178032973640562;
        private const int MaxIterations = 100_000_000;

        /// <summary>
        /// log(x^a e^(-x) / Γ(a)) (a &gt; 0, x &gt; 0). For a &gt;= 10 in Temme's form
        /// -a·(d - log(1 + d)) + ½ log(a / 2π) - stirlerr(a), d = (x - a)/a, whose terms are
        /// small where the result is not tiny.
        /// </summary>
        public static double LogPrefix(double a, double x)
        {
            if (x == 0)
            {
                return double.NegativeInfinity;
            }

            if (double.IsPositiveInfinity(x))
            {
                return double.NegativeInfinity;
            }

            if (a < 10)
            {
                return a * Math.Log(x) - x - SpecialFunctions.GammaLn(a);
            }

            double d = (x - a) / a;
            double deviance = Math.Abs(d) < 0.5 ? DMinusLog1p(d) : d - (Math.Log(x) - Math.Log(a));
            return -a * deviance + 0.5 * Math.Log(a) - HalfLogTwoPi - StirlingError(a);
        }

        /// <summary>log P(a, x).</summary>
        public static double LogLower(double a, double x)
        {
            if (double.IsNaN(x) || double.IsNaN(a))
            {
                return double.NaN;
            }

            if (!(x > 0))
            {
                return double.NegativeInfinity;
            }

            if (double.IsPositiveInfinity(x))
            {
                return 0;
            }

            return UseContinuedFraction(a, x) ? AccurateExp.Log1MinusExp(LogUpperFraction(a, x)) : LogLowerSeries(a, x);
        }

        /// <summary>log Q(a, x).</summary>
        public static double LogUpper(double a, double x)
        {
            if (double.IsNaN(x) || double.IsNaN(a))
            {
                return double.NaN;
            }

            if (!(x > 0))
            {
                return 0;
            }

            if (double.IsPositiveInfinity(x))
            {
                return double.NegativeInfinity;
            }

            return UseContinuedFraction(a, x) ? LogUpperFraction(a, x) : AccurateExp.Log1MinusExp(LogLowerSeries(a, x));
        }

        /// <summary>
        /// The continued fraction for Q where it converges fast (x &gt;= a + 1), and for a &lt; 1 from
        /// x = 1 on, where P is near 1 and 1 - P would cancel.
        /// </summary>
        private static bool UseContinuedFraction(double a, double x) => x >= a + 1 || (a < 1 && x >= 1);

        /// <summary>P = x^a e^(-x) / Γ(a + 1) · Σₙ xⁿ / ((a + 1)…(a + n)): positive terms, no cancellation.</summary>
        private static double LogLowerSeries(double a, double x)
        {
            double sum = 1, term = 1;
            for (int n = 1; n < MaxIterations; n++)
            {
                term *= x / (a + n);
                sum += term;
                if (term < sum * 1e-17)
                {
                    break;
                }
            }

            return LogPrefix(a, x) - Math.Log(a) + Math.Log(sum);
        }

        /// <summary>Q = x^a e^(-x) / Γ(a) · 1/(x + 1 - a - 1·(1 - a)/(x + 3 - a - ...)), by the modified Lentz method.</summary>
        private static double LogUpperFraction(double a, double x)
        {
            const double tiny = 1e-300;
            double b = x + 1 - a;
            double c = 1 / tiny;
            double d = 1 / b;
            double h = d;
            for (int i = 1; i < MaxIterations; i++)
            {
                double an = -i * (i - a);
                b += 2;
                d = an * d + b;
                if (Math.Abs(d) < tiny)
                {
                    d = tiny;
                }

                c = b + an / c;
                if (Math.Abs(c) < tiny)
                {
                    c = tiny;
                }

                d = 1 / d;
                double delta = d * c;
                h *= delta;
                if (Math.Abs(delta - 1) < 1e-16)
                {
                    break;
                }
            }

            return LogPrefix(a, x) + Math.Log(h);
        }

        /// <summary>d - log(1 + d) for |d| &lt; 1/2: with t = d/(2 + d), t·d - 2(t³/3 + t⁵/5 + ...), all of one sign.</summary>
        private static double DMinusLog1p(double d)
        {
            double t = d / (2 + d), t2 = t * t;
            double power = t * t2, sum = 0;
            for (int k = 3; k < 200; k += 2)
            {
                double term = power / k;
                sum += term;
                if (Math.Abs(term) <= 1e-17 * Math.Abs(sum))
                {
                    break;
                }

                power *= t2;
            }

            return t * d - 2 * sum;
        }

        /// <summary>log Γ(a) - ((a - ½) log a - a + ½ log 2π) by its asymptotic series (a &gt;= 10: error below 1e-17).</summary>
        private static double StirlingError(double a)
        {
            double v = 1 / (a * a);
            return (1.0 / 12 - v * (1.0 / 360 - v * (1.0 / 1260 - v * (1.0 / 1680 - v * (1.0 / 1188 - v * (691.0 / 360360 - v / 156)))))) / a;
        }
    }
}
