using System;

namespace PSEstimation.Models
{
    /// <summary>Arithmetic on logarithms of probabilities, without forming a probability that would under- or overflow.</summary>
    internal static class LogSpace
    {
        /// <summary>log(1 - e^a) for a &lt;= 0, accurate at both ends (see <see cref="AccurateExp.Log1MinusExp"/>).</summary>
        public static double Log1MinusExp(double a) => AccurateExp.Log1MinusExp(a);

        /// <summary>log(e^a - e^b) for a &gt;= b, without cancellation.</summary>
        public static double LogDifference(double a, double b)
        {
            if (double.IsNegativeInfinity(b))
            {
                return a;
            }

            return a + Log1MinusExp(b - a);
        }

        /// <summary>log(e^a + e^b).</summary>
        public static double LogSum(double a, double b)
        {
            if (double.IsNegativeInfinity(a))
            {
                return b;
            }

            if (double.IsNegativeInfinity(b))
            {
                return a;
            }

            double max = Math.Max(a, b);
            return max + Log1p(Math.Exp(Math.Min(a, b) - max));
        }

        /// <summary>
        /// log P(lower &lt; X &lt;= upper) = log(F(upper) - F(lower)) from the side where it does not
        /// cancel: from the CDF when the interval lies in the lower half, from the survival
        /// function when it lies in the upper half (an interval 40 standard deviations out keeps
        /// its digits).
        /// </summary>
        public static double LogProbabilityBetween(DistributionModel model, double lower, double upper, double[] theta)
        {
            double logSurvivalLower = model.LogSurvival(lower, theta);
            if (logSurvivalLower < -0.6931471805599453)
            {
                return LogDifference(logSurvivalLower, model.LogSurvival(upper, theta));
            }

            return LogDifference(model.LogCdf(upper, theta), model.LogCdf(lower, theta));
        }

        /// <summary>log(1 + x), accurate for small x (netstandard2.0 has no Math.Log1p).</summary>
        public static double Log1p(double x) => PSEstimation.Distributions.SpecialMath.Log1p(x);

        /// <summary>e^x - 1, accurate for small x (MathNet's Expm1 is good to only about 6e-8 near -0.05).</summary>
        public static double Expm1(double x) => AccurateExp.Expm1(x);
    }
}
