using System;

namespace PSEstimation.Losses
{
    /// <summary>
    /// A non-negative number held as Mantissa · 2^Exponent, for sums of squares and their ratios
    /// that may lie beyond the range of a double (squares of residuals of 1e300 or 1e-300)
    /// while their logarithms, square roots and ratios do not.
    /// </summary>
    internal readonly struct ScaledNumber
    {
        public ScaledNumber(double mantissa, int exponent)
        {
            Mantissa = mantissa;
            Exponent = exponent;
        }

        public double Mantissa { get; }

        public int Exponent { get; }

        public bool IsZero => Mantissa == 0;

        /// <summary>The value as a double: Infinity or 0 when it lies outside the range of a double.</summary>
        public double ToDouble() => Exponent == 0 ? Mantissa : PowerOfTwo.Scale(Mantissa, Exponent);

        /// <summary>The natural logarithm, finite for any non-zero value.</summary>
        public double Log() => Exponent == 0 ? Math.Log(Mantissa) : Math.Log(Mantissa) + Exponent * PowerOfTwo.Ln2;

        /// <summary>The square root of a number whose exponent is even (a sum of squares).</summary>
        public double Sqrt() => PowerOfTwo.Scale(Math.Sqrt(Mantissa), Exponent / 2);

        /// <summary>This divided by a plain divisor (a total weight).</summary>
        public ScaledNumber Divide(double divisor) => new ScaledNumber(Mantissa / divisor, Exponent);

        /// <summary>The ratio of two scaled numbers as a double.</summary>
        public double Ratio(ScaledNumber denominator)
            => PowerOfTwo.Scale(Mantissa / denominator.Mantissa, Exponent - denominator.Exponent);
    }
}
