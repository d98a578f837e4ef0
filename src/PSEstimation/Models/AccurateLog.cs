using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>Logarithms of ratios to full precision for the distribution functions.</summary>
    internal static class AccurateLog
    {
        /// <summary>
        /// log(x / y) for x, y &gt; 0: log1p of the exact difference within a factor 1.5
        /// (<see cref="SpecialMath.LogRatio"/>), else log of the quotient while it is a normal
        /// double (one rounding, so the absolute error is an ulp of the result), else
        /// log x - log y. SpecialMath.LogRatio takes log x - log y at once, which at x = 3.4e-300,
        /// y = 1e-300 leaves log 3.4 with an absolute error of an ulp of 690 (6e-14 relative).
        /// </summary>
        public static double OfRatio(double x, double y)
        {
            double d = x - y;
            if (Math.Abs(d) <= 0.5 * y)
            {
                return SpecialMath.Log1p(d / y);
            }

            double ratio = x / y;
            return ratio >= 2.2250738585072014e-308 && ratio <= double.MaxValue ? Math.Log(ratio) : Math.Log(x) - Math.Log(y);
        }
    }
}
