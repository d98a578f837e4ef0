using System;

namespace PSEstimation.Losses
{
    /// <summary>
    /// Exact scaling by powers of two (ldexp/ilogb, which netstandard2.0 lacks). Multiplying by
    /// 2^n changes only the exponent of a double, so a sum kept on a power-of-two scale is
    /// bit-for-bit the sum of the unscaled values wherever the unscaled sum is representable.
    /// </summary>
    internal static class PowerOfTwo
    {
        /// <summary>log 2.</summary>
        public const double Ln2 = 0.69314718055994530941723212145818;

        private static readonly double TwoTo1000 = Pow2(1000);
        private static readonly double TwoToMinus1000 = Pow2(-1000);
        private static readonly double TwoTo64 = Pow2(64);

        /// <summary>x · 2^n, overflowing to ±Infinity or underflowing to 0 only when the true value does.</summary>
        public static double Scale(double x, int n)
        {
            while (n > 1000)
            {
                x *= TwoTo1000;
                n -= 1000;
                if (x == 0 || double.IsInfinity(x) || double.IsNaN(x))
                {
                    return x;
                }
            }

            while (n < -1000)
            {
                x *= TwoToMinus1000;
                n += 1000;
                if (x == 0 || double.IsInfinity(x) || double.IsNaN(x))
                {
                    return x;
                }
            }

            return x * Pow2(n);
        }

        /// <summary>floor(log2 |x|) for a finite non-zero x (subnormals included).</summary>
        public static int Exponent(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            int biased = (int)((bits >> 52) & 0x7FF);
            if (biased == 0)
            {
                return Exponent(x * TwoTo64) - 64;
            }

            return biased - 1023;
        }

        /// <summary>2^n for -1022 ≤ n ≤ 1023.</summary>
        private static double Pow2(int n) => BitConverter.Int64BitsToDouble((long)(n + 1023) << 52);
    }
}
