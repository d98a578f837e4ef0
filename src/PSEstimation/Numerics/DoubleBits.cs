#if NET8_0_OR_GREATER
namespace PSEstimation.Numerics
{
    /// <summary>Bit patterns of IEEE doubles that <see cref="IDoubleLanes{T}.SplitExponent"/> works with.</summary>
    internal static class DoubleBits
    {
        public const double SmallestNormal = 2.2250738585072014e-308;

        /// <summary>1.0's bits.</summary>
        public const ulong One = 0x3FF0000000000000;

        /// <summary>The bits of √2/2: adding 1.0's bits less these moves the exponent up once the mantissa reaches √2.</summary>
        public const ulong HalfSqrt2 = 0x3FE6A09E667F3BCD;

        public const ulong MantissaMask = 0x000FFFFFFFFFFFFF;

        /// <summary>2^52's bits: OR-ed with a small integer, a double that is 2^52 + that integer (exact).</summary>
        public const ulong TwoTo52 = 0x4330000000000000;

        /// <summary>2^52 + 1023: subtracted from that double, the unbiased exponent.</summary>
        public const double TwoTo52PlusBias = 4503599627370496.0 + 1023.0;
    }
}
#endif
