#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PSEstimation.Numerics
{
    /// <summary>
    /// The natural log of a vector of doubles: fdlibm's e_log.c (Sun Microsystems, 1993; the
    /// algorithm of musl's and FreeBSD's log) lane by lane, error under 1 ulp. x = 2^k·m with m
    /// in [√2/2, √2), f = m - 1, s = f/(2 + f), log m = f - f²/2 + s·(f²/2 + R(s²)) with R the
    /// minimax polynomial of degree 14 in s, and k·ln 2 added in two parts. Only for positive
    /// normal finite lanes (<see cref="InRange"/>); the caller takes Math.Log for the others.
    /// </summary>
    internal static class VectorLog
    {
        private const double SmallestNormal = 2.2250738585072014e-308;
        private const double Ln2Hi = 6.93147180369123816490e-01; // ln 2, high 32 bits
        private const double Ln2Lo = 1.90821492927058770002e-10; // ln 2 - Ln2Hi
        private const double Lg1 = 6.666666666666735130e-01;
        private const double Lg2 = 3.999999999940941908e-01;
        private const double Lg3 = 2.857142874366239149e-01;
        private const double Lg4 = 2.222219843214978396e-01;
        private const double Lg5 = 1.818357216161805012e-01;
        private const double Lg6 = 1.531383769920937332e-01;
        private const double Lg7 = 1.479819860511658591e-01;

        /// <summary>The bits of √2/2: adding 1.0's bits less these moves the exponent up once the mantissa reaches √2.</summary>
        private const ulong HalfSqrt2Bits = 0x3FE6A09E667F3BCD;

        private const ulong MantissaMask = 0x000FFFFFFFFFFFFF;

        /// <summary>2^52's bits: OR-ed with a small integer, a double that is 2^52 + that integer (exact).</summary>
        private const ulong TwoTo52Bits = 0x4330000000000000;

        /// <summary>Whether every lane is a positive normal finite double (NaN is not).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool InRange(Vector<double> x)
            => Vector.GreaterThanOrEqualAll(x, new Vector<double>(SmallestNormal)) && Vector.LessThanOrEqualAll(x, new Vector<double>(double.MaxValue));

        /// <summary>log x per lane, for lanes that pass <see cref="InRange"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Log(Vector<double> x)
        {
            var f = Reduce(x, out var k);
            return Core(f, k);
        }

        /// <summary>
        /// log(x / pivot) per lane, accurate for every ratio. q = x·(1/pivot) (two roundings, a
        /// multiplication being cheaper than a division) is reduced as for <see cref="Log"/>;
        /// where it falls in [√2/2, √2) (k = 0, so x is within a factor 2 of the pivot and
        /// x - pivot is exact) the reduced argument is (x - pivot)·(1/pivot) itself rather than
        /// q - 1, which would keep only the digits q was rounded to. Elsewhere |log q| > 0.34 and
        /// q's rounding costs at most 4 ulp. Only where q passes <see cref="InRange"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> LogRatio(Vector<double> x, Vector<double> q, Vector<double> pivot, Vector<double> reciprocal)
        {
            var f = Reduce(q, out var k);
            f = Vector.ConditionalSelect(Vector.Equals(k, Vector<double>.Zero), (x - pivot) * reciprocal, f);
            return Core(f, k);
        }

        /// <summary>x = 2^k·(1 + f) with 1 + f in [√2/2, √2): returns f, and k as a double.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> Reduce(Vector<double> x, out Vector<double> k)
        {
            var adjusted = Vector.AsVectorUInt64(x) + new Vector<ulong>(0x3FF0000000000000 - HalfSqrt2Bits);
            var exponent = Vector.ShiftRightLogical(adjusted, 52);
            k = Vector.AsVectorDouble(exponent | new Vector<ulong>(TwoTo52Bits)) - new Vector<double>(4503599627370496.0 + 1023.0);
            var m = Vector.AsVectorDouble((adjusted & new Vector<ulong>(MantissaMask)) + new Vector<ulong>(HalfSqrt2Bits));
            return m - Vector<double>.One;
        }

        /// <summary>log(2^k·(1 + f)) for f in [√2/2 - 1, √2 - 1).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> Core(Vector<double> f, Vector<double> k)
        {
            var halfSquare = new Vector<double>(0.5) * f * f;
            var s = f / (new Vector<double>(2.0) + f);
            var z = s * s;
            var w = z * z;
            var t1 = w * (new Vector<double>(Lg2) + w * (new Vector<double>(Lg4) + w * new Vector<double>(Lg6)));
            var t2 = z * (new Vector<double>(Lg1) + w * (new Vector<double>(Lg3) + w * (new Vector<double>(Lg5) + w * new Vector<double>(Lg7))));
            var r = t2 + t1;
            return s * (halfSquare + r) + k * new Vector<double>(Ln2Lo) - halfSquare + f + k * new Vector<double>(Ln2Hi);
        }
    }
}
#endif
