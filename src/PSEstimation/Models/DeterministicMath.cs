/*
 * Log and Exp below are C# ports of fdlibm 5.3's e_log.c and e_exp.c, whose notices follow, as
 * their licence requires:
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * ====================================================
 * Copyright (C) 2004 by Sun Microsystems, Inc. All rights reserved.
 *
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */

using System;

namespace PSEstimation.Models
{
    /// <summary>
    /// log and exp written out in IEEE double arithmetic, for the samplers: System.Math calls the
    /// platform's C library (or the runtime's own code), whose last bit differs between Windows
    /// and Linux and between .NET Framework and .NET, and a seed must give the same numbers
    /// everywhere. +, -, ×, ÷ and sqrt are correctly rounded on every IEEE platform .NET runs on
    /// (SSE2 on x86/x64, no x87 extended precision since .NET Framework 4.6's RyuJIT; ARM64), and
    /// nothing here may be contracted into a fused multiply-add (the JIT never does that by
    /// itself), so these functions return the same bits everywhere.
    /// </summary>
    /// <remarks>
    /// The code follows Sun's fdlibm 5.3 (__ieee754_log in e_log.c, __ieee754_exp in e_exp.c) line
    /// by line, with the high and low 32-bit words of a double taken through
    /// <see cref="BitConverter.DoubleToInt64Bits"/>; fdlibm's error analysis bounds both below
    /// 1 ulp. The port is checked bit for bit against the C original compiled with gcc, and
    /// against correctly rounded mpmath values (tests/PSEstimation.Tests/Models/DeterministicMathTests.cs).
    /// </remarks>
    internal static class DeterministicMath
    {
        // e_log.c
        private const double Ln2Hi = 6.93147180369123816490e-01;  // 3fe62e42 fee00000
        private const double Ln2Lo = 1.90821492927058770002e-10;  // 3dea39ef 35793c76
        private const double Two54 = 1.80143985094819840000e+16;  // 43500000 00000000
        private const double Lg1 = 6.666666666666735130e-01;      // 3FE55555 55555593
        private const double Lg2 = 3.999999999940941908e-01;      // 3FD99999 9997FA04
        private const double Lg3 = 2.857142874366239149e-01;      // 3FD24924 94229359
        private const double Lg4 = 2.222219843214978396e-01;      // 3FCC71C5 1D8E78AF
        private const double Lg5 = 1.818357216161805012e-01;      // 3FC74664 96CB03DE
        private const double Lg6 = 1.531383769920937332e-01;      // 3FC39A09 D078C69F
        private const double Lg7 = 1.479819860511658591e-01;      // 3FC2F112 DF3E5244

        // e_exp.c
        private const double Huge = 1.0e+300;
        private const double TwoM1000 = 9.33263618503218878990e-302;     // 2**-1000 = 0x01700000, 0
        private const double OverflowThreshold = 7.09782712893383973096e+02;   // 0x40862E42, 0xFEFA39EF
        private const double UnderflowThreshold = -7.45133219101941108420e+02; // 0xc0874910, 0xD52D3051
        private const double InvLn2 = 1.44269504088896338700e+00;       // 0x3ff71547, 0x652b82fe
        private const double P1 = 1.66666666666666019037e-01;           // 0x3FC55555, 0x5555553E
        private const double P2 = -2.77777777770155933842e-03;          // 0xBF66C16C, 0x16BEBD93
        private const double P3 = 6.61375632143793436117e-05;           // 0x3F11566A, 0xAF25DE2C
        private const double P4 = -1.65339022054652515390e-06;          // 0xBEBBBD41, 0xC5D26BF1
        private const double P5 = 4.13813679705723846039e-08;           // 0x3E663769, 0x72BEA4D0

        /// <summary>Natural logarithm (fdlibm __ieee754_log): -Infinity at ±0, NaN below 0 and at NaN, +Infinity at +Infinity.</summary>
        public static double Log(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            int hx = (int)(bits >> 32);
            uint lx = unchecked((uint)bits);

            int k = 0;
            if (hx < 0x00100000)
            {
                // x < 2**-1022: zero, negative, or subnormal.
                if ((unchecked((uint)(hx & 0x7fffffff)) | lx) == 0)
                {
                    return double.NegativeInfinity;
                }

                if (hx < 0)
                {
                    return double.NaN;
                }

                k -= 54;
                x *= Two54; // subnormal: scale up
                hx = HighWord(x);
            }

            if (hx >= 0x7ff00000)
            {
                return x + x; // +Infinity or NaN
            }

            k += (hx >> 20) - 1023;
            hx &= 0x000fffff;
            int i = (hx + 0x95f64) & 0x100000;
            x = WithHighWord(x, hx | (i ^ 0x3ff00000)); // normalize x or x/2
            k += i >> 20;
            double f = x - 1.0;
            double dk;
            if ((0x000fffff & (2 + hx)) < 3)
            {
                // |f| < 2**-20
                if (f == 0.0)
                {
                    if (k == 0)
                    {
                        return 0.0;
                    }

                    dk = k;
                    return dk * Ln2Hi + dk * Ln2Lo;
                }

                double r0 = f * f * (0.5 - 0.33333333333333333 * f);
                if (k == 0)
                {
                    return f - r0;
                }

                dk = k;
                return dk * Ln2Hi - ((r0 - dk * Ln2Lo) - f);
            }

            double s = f / (2.0 + f);
            dk = k;
            double z = s * s;
            i = hx - 0x6147a;
            double w = z * z;
            int j = 0x6b851 - hx;
            double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
            double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
            i |= j;
            double r = t2 + t1;
            if (i > 0)
            {
                double hfsq = 0.5 * f * f;
                if (k == 0)
                {
                    return f - (hfsq - s * (hfsq + r));
                }

                return dk * Ln2Hi - ((hfsq - (s * (hfsq + r) + dk * Ln2Lo)) - f);
            }

            if (k == 0)
            {
                return f - s * (f - r);
            }

            return dk * Ln2Hi - ((s * (f - r) - dk * Ln2Lo) - f);
        }

        /// <summary>e^x (fdlibm __ieee754_exp): +Infinity above 709.78, 0 below -745.13, NaN at NaN.</summary>
        public static double Exp(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            uint hx = unchecked((uint)(bits >> 32));
            int xsb = (int)((hx >> 31) & 1); // sign bit of x
            hx &= 0x7fffffff;                // high word of |x|

            // Non-finite and out-of-range arguments.
            if (hx >= 0x40862E42)
            {
                if (hx >= 0x7ff00000)
                {
                    if (((hx & 0xfffff) | unchecked((uint)bits)) != 0)
                    {
                        return x + x; // NaN
                    }

                    return xsb == 0 ? x : 0.0; // exp(+-inf) = {inf, 0}
                }

                if (x > OverflowThreshold)
                {
                    return double.PositiveInfinity; // huge*huge
                }

                if (x < UnderflowThreshold)
                {
                    return 0.0; // twom1000*twom1000
                }
            }

            // Argument reduction: x = k·ln2 + r, |r| <= 0.5·ln2, r = hi - lo.
            double hi = 0, lo = 0;
            int k = 0;
            if (hx > 0x3fd62e42)
            {
                // |x| > 0.5 ln2
                if (hx < 0x3FF0A2B2)
                {
                    // and |x| < 1.5 ln2
                    hi = xsb == 0 ? x - Ln2Hi : x + Ln2Hi;
                    lo = xsb == 0 ? Ln2Lo : -Ln2Lo;
                    k = 1 - xsb - xsb;
                }
                else
                {
                    k = (int)(InvLn2 * x + (xsb == 0 ? 0.5 : -0.5)); // truncation, as C's (int)
                    double t0 = k;
                    hi = x - t0 * Ln2Hi; // t*ln2HI is exact here
                    lo = t0 * Ln2Lo;
                }

                x = hi - lo;
            }
            else if (hx < 0x3e300000)
            {
                // |x| < 2**-28
                if (Huge + x > 1.0)
                {
                    return 1.0 + x;
                }
            }
            else
            {
                k = 0;
            }

            // x is now in the primary range.
            double t = x * x;
            double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
            if (k == 0)
            {
                return 1.0 - ((x * c) / (c - 2.0) - x);
            }

            double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
            if (k >= -1021)
            {
                return AddToExponent(y, k);
            }

            return AddToExponent(y, k + 1000) * TwoM1000;
        }

        /// <summary>
        /// log(1 + x), accurate for tiny x where 1 + x rounds: log(u)·x/(u - 1) with u = 1 + x
        /// (Goldberg, "What every computer scientist should know about floating-point arithmetic",
        /// 1991, Theorem 4), a few ulps from the true value given a log within 1 ulp. For the
        /// samplers' log(1 - p) with p as small as 1e-300.
        /// </summary>
        public static double Log1p(double x)
        {
            double u = 1.0 + x;
            if (u == 1.0)
            {
                return x; // |x| < 2**-53: log(1 + x) = x to within x²/2
            }

            if (double.IsInfinity(u))
            {
                return Log(u);
            }

            return Log(u) * (x / (u - 1.0));
        }

        private static int HighWord(double x) => (int)(BitConverter.DoubleToInt64Bits(x) >> 32);

        private static double WithHighWord(double x, int high)
        {
            long low = BitConverter.DoubleToInt64Bits(x) & 0xffffffffL;
            return BitConverter.Int64BitsToDouble(((long)high << 32) | low);
        }

        // fdlibm's "__HI(y) += k << 20": adds k to the biased exponent of a positive normal y.
        private static double AddToExponent(double y, int k)
            => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(y) + ((long)k << 52));
    }
}
