using System;

namespace PSEstimation.Models
{
    /// <summary>
    /// Quantiles of the count families (R's q*()): the smallest support point k with F(k) &gt;= p,
    /// resp. S(k) &lt;= q, found from an approximate inverse (Cornish-Fisher, a closed form) by
    /// galloping and bisection on the integers, so a poor start costs a few extra evaluations
    /// rather than a wrong answer, and the result never depends on the start.
    /// </summary>
    /// <remarks>
    /// The tests compare in log space against the side that keeps its digits: F(k) &gt;= p as
    /// log F(k) &gt;= log p for p &lt;= 1/2 and as log S(k) &lt;= log(1 - p) above (1 - p is exact there
    /// by Sterbenz's lemma). A relative fuzz of 64 ulps, as R's qpois/qbinom, keeps a k whose F is
    /// p itself from being passed over because F was rounded a few ulps down.
    /// </remarks>
    internal static class DiscreteQuantileSearch
    {
        private const double Fuzz = 64 * 2.220446049250313e-16;

        /// <summary>The smallest k in [min, max] with F(k) &gt;= p, 0 &lt; p &lt; 1.</summary>
        public static double Quantile(DistributionModel model, double[] theta, double p, double start, double min, double max)
        {
            Func<double, bool> holds = p <= 0.5
                ? (double k) => model.LogCdf(k, theta) >= Math.Log(p) - Fuzz
                : (double k) => model.LogSurvival(k, theta) <= Math.Log(1 - p) + Fuzz;
            return Smallest(holds, start, min, max);
        }

        /// <summary>The smallest k in [min, max] with S(k) &lt;= q, 0 &lt; q &lt; 1.</summary>
        public static double InverseSurvival(DistributionModel model, double[] theta, double q, double start, double min, double max)
        {
            Func<double, bool> holds = q <= 0.5
                ? (double k) => model.LogSurvival(k, theta) <= Math.Log(q) + Fuzz
                : (double k) => model.LogCdf(k, theta) >= Math.Log(1 - q) - Fuzz;
            return Smallest(holds, start, min, max);
        }

        /// <summary>
        /// A start from the mean, standard deviation and skewness by the Cornish-Fisher expansion
        /// at the standard normal quantile z: mean + sd (z + skew (z² - 1)/6).
        /// </summary>
        public static double CornishFisher(double z, double mean, double sd, double skewness)
        {
            if (double.IsInfinity(z))
            {
                z = Math.Sign(z) * 40;
            }

            double k = mean + sd * (z + skewness * (z * z - 1) / 6);
            return double.IsNaN(k) ? mean : k;
        }

        /// <summary>
        /// The smallest integer k in [min, max] where the monotone predicate holds (it is assumed to
        /// hold at max): gallop from the start in doubling steps to a bracket, then bisect.
        /// </summary>
        private static double Smallest(Func<double, bool> holds, double start, double min, double max)
        {
            double k = double.IsNaN(start) ? min : Math.Floor(Math.Min(Math.Max(start, min), max));
            double lo, hi;  // holds(hi), !holds(lo) (lo may be min - 1)
            if (holds(k))
            {
                hi = k;
                double step = 1;
                while (true)
                {
                    double candidate = hi - step;
                    if (candidate < min)
                    {
                        if (hi == min || holds(min))
                        {
                            return min;
                        }

                        lo = min;
                        break;
                    }

                    if (!holds(candidate))
                    {
                        lo = candidate;
                        break;
                    }

                    hi = candidate;
                    step *= 2;
                }
            }
            else
            {
                lo = k;
                double step = 1;
                while (true)
                {
                    double candidate = lo + step;
                    if (candidate >= max)
                    {
                        hi = max;
                        break;
                    }

                    if (holds(candidate))
                    {
                        hi = candidate;
                        break;
                    }

                    lo = candidate;
                    step *= 2;
                }
            }

            while (hi - lo > 1)
            {
                double mid = Math.Floor(lo + (hi - lo) / 2);
                if (holds(mid))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            return hi;
        }
    }
}
