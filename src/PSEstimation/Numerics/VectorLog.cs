#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;

namespace PSEstimation.Numerics
{
    /// <summary>
    /// The natural log of a vector of doubles, of any width (<see cref="IDoubleLanes{T}"/>):
    /// fdlibm's e_log.c (Sun Microsystems, 1993; the algorithm of musl's and FreeBSD's log) lane
    /// by lane, error under 1 ulp. x = 2^k·m with m in [√2/2, √2), f = m - 1, s = f/(2 + f),
    /// log m = f - f²/2 + s·(f²/2 + R(s²)) with R the minimax polynomial of degree 14 in s, and
    /// k·ln 2 added in two parts. The polynomial's steps and the last two additions are
    /// multiply-adds (<see cref="IDoubleLanes{T}.MultiplyAdd"/>: fused, one rounding fewer each, on
    /// x64 with FMA3 or AVX-512; the bound holds either way). Only
    /// for positive normal finite lanes (<see cref="IDoubleLanes{T}.AllPositiveNormal"/>); the
    /// caller takes Math.Log for the others.
    /// </summary>
    internal static class VectorLog
    {
        private const double Ln2Hi = 6.93147180369123816490e-01; // ln 2, high 32 bits
        private const double Ln2Lo = 1.90821492927058770002e-10; // ln 2 - Ln2Hi
        private const double Lg1 = 6.666666666666735130e-01;
        private const double Lg2 = 3.999999999940941908e-01;
        private const double Lg3 = 2.857142874366239149e-01;
        private const double Lg4 = 2.222219843214978396e-01;
        private const double Lg5 = 1.818357216161805012e-01;
        private const double Lg6 = 1.531383769920937332e-01;
        private const double Lg7 = 1.479819860511658591e-01;

        /// <summary>log x per lane, for lanes that pass <see cref="IDoubleLanes{T}.AllPositiveNormal"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Log<T>(T x)
            where T : struct, IDoubleLanes<T>
        {
            var f = T.SplitExponent(x, out var k);
            return Core(f, k);
        }

        /// <summary>
        /// log(x / pivot) per lane, accurate for every ratio. q = x·(1/pivot) (two roundings, a
        /// multiplication being cheaper than a division) is reduced as for <see cref="Log"/>;
        /// where it falls in [√2/2, √2) (k = 0, so x is within a factor 2 of the pivot and
        /// x - pivot is exact) the reduced argument is (x - pivot)·(1/pivot) itself rather than
        /// q - 1, which would keep only the digits q was rounded to. Elsewhere |log q| > 0.34 and
        /// q's rounding costs at most 4 ulp. Only where q passes <see cref="IDoubleLanes{T}.AllPositiveNormal"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T LogRatio<T>(T x, T q, T pivot, T reciprocal)
            where T : struct, IDoubleLanes<T>
        {
            var f = T.SplitExponent(q, out var k);
            var zero = T.Create(0);
            return Core(T.SelectWhereEqual(k, zero, (x - pivot) * reciprocal, f), k);
        }

        /// <summary>log(2^k·(1 + f)) for f in [√2/2 - 1, √2 - 1).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static T Core<T>(T f, T k)
            where T : struct, IDoubleLanes<T>
        {
            var halfSquare = T.Create(0.5) * f * f;
            var s = f / (T.Create(2.0) + f);
            var z = s * s;
            var w = z * z;
            var t1 = w * T.MultiplyAdd(w, T.MultiplyAdd(w, T.Create(Lg6), T.Create(Lg4)), T.Create(Lg2));
            var t2 = z * T.MultiplyAdd(w, T.MultiplyAdd(w, T.MultiplyAdd(w, T.Create(Lg7), T.Create(Lg5)), T.Create(Lg3)), T.Create(Lg1));
            var r = t2 + t1;

            // fdlibm's order: s·(f²/2 + R) + k·Ln2Lo - f²/2 + f + k·Ln2Hi, the small terms first.
            var low = T.MultiplyAdd(s, halfSquare + r, k * T.Create(Ln2Lo));
            return T.MultiplyAdd(k, T.Create(Ln2Hi), low - halfSquare + f);
        }
    }
}
#endif
