using System;
using System.Globalization;
using System.IO;
using System.Linq;
using PSEstimation.Models;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Models
{
    public class DeterministicMathTests
    {
        /// <summary>
        /// Rows of Models/Reference/deterministic-math-reference.txt: x, log and exp correctly rounded
        /// by mpmath, and log and exp from Sun's fdlibm C code compiled with gcc (see
        /// make_deterministic_math_reference.py beside it).
        /// </summary>
        private static (double X, double? LogExact, double? ExpExact, double LogFdlibm, double ExpFdlibm)[] Rows()
        {
            string path = Path.Combine(RepositoryPaths.Root, "tests", "PSEstimation.Tests", "Models", "Reference", "deterministic-math-reference.txt");
            static double Bits(string hex) => BitConverter.Int64BitsToDouble(unchecked((long)ulong.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            static double? Optional(string hex) => hex == "-" ? null : Bits(hex);
            return File.ReadAllLines(path)
                .Where(line => line.Length > 0 && line[0] != '#')
                .Select(line => line.Split(' '))
                .Select(f => (Bits(f[0]), Optional(f[1]), Optional(f[2]), Bits(f[3]), Bits(f[4])))
                .ToArray();
        }

        /// <summary>The distance in representable doubles between two finite doubles (0: same bits).</summary>
        internal static long UlpDistance(double a, double b)
        {
            static long Ordered(double x)
            {
                long bits = BitConverter.DoubleToInt64Bits(x);
                return bits < 0 ? long.MinValue - bits : bits;
            }

            return Math.Abs(Ordered(a) - Ordered(b));
        }

        private static bool SameBits(double a, double b)
            => (double.IsNaN(a) && double.IsNaN(b)) || BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

        [Fact]
        public void Log_and_Exp_are_bit_for_bit_the_fdlibm_C_code()
        {
            var rows = Rows();
            Assert.True(rows.Length > 2000);
            foreach (var row in rows)
            {
                Assert.True(SameBits(row.LogFdlibm, DeterministicMath.Log(row.X)), $"log({row.X:R}): fdlibm {row.LogFdlibm:R}, port {DeterministicMath.Log(row.X):R}");
                Assert.True(SameBits(row.ExpFdlibm, DeterministicMath.Exp(row.X)), $"exp({row.X:R}): fdlibm {row.ExpFdlibm:R}, port {DeterministicMath.Exp(row.X):R}");
            }
        }

        [Fact]
        public void Log_and_Exp_are_within_one_ulp_of_the_correctly_rounded_mpmath_values()
        {
            int checkedLog = 0, checkedExp = 0;
            foreach (var row in Rows())
            {
                if (row.LogExact is double log)
                {
                    Assert.True(UlpDistance(log, DeterministicMath.Log(row.X)) <= 1, $"log({row.X:R}) = {DeterministicMath.Log(row.X):R}, mpmath {log:R}");
                    checkedLog++;
                }

                if (row.ExpExact is double exp)
                {
                    Assert.True(UlpDistance(exp, DeterministicMath.Exp(row.X)) <= 1, $"exp({row.X:R}) = {DeterministicMath.Exp(row.X):R}, mpmath {exp:R}");
                    checkedExp++;
                }
            }

            Assert.True(checkedLog > 1000 && checkedExp > 1000);
        }

        [Theory]
        [InlineData(0.0, double.NegativeInfinity)]
        [InlineData(1.0, 0.0)]
        [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
        [InlineData(-1.0, double.NaN)]
        [InlineData(double.NegativeInfinity, double.NaN)]
        [InlineData(double.NaN, double.NaN)]
        [InlineData(double.Epsilon, -744.4400719213812)]        // mpmath log(2**-1074)
        [InlineData(double.MaxValue, 709.782712893384)]          // mpmath log(DBL_MAX)
        public void Log_special_values(double x, double expected)
            => Assert.True(SameBits(expected, DeterministicMath.Log(x)) || UlpDistance(expected, DeterministicMath.Log(x)) <= 1, $"{DeterministicMath.Log(x):R}");

        [Fact]
        public void Log_of_negative_zero_is_minus_infinity_and_exp_of_it_is_one()
        {
            Assert.Equal(double.NegativeInfinity, DeterministicMath.Log(-0.0));
            Assert.Equal(1.0, DeterministicMath.Exp(-0.0));
        }

        [Theory]
        [InlineData(0.0, 1.0)]
        [InlineData(double.NegativeInfinity, 0.0)]
        [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
        [InlineData(double.NaN, double.NaN)]
        [InlineData(710.0, double.PositiveInfinity)]
        [InlineData(-746.0, 0.0)]
        [InlineData(-745.0, 5e-324)]                             // exp(-745) = 4.94e-324 rounds to the smallest subnormal
        [InlineData(1.0, 2.718281828459045)]                     // e, correctly rounded
        [InlineData(-708.5, 2.006132305331306e-308)]             // mpmath exp(-708.5), just below the normal range
        public void Exp_special_values(double x, double expected)
            => Assert.True(SameBits(expected, DeterministicMath.Exp(x)) || UlpDistance(expected, DeterministicMath.Exp(x)) <= 1, $"{DeterministicMath.Exp(x):R}");

        /// <summary>
        /// Two million arguments over every binade (random bit patterns, exp's range, near 1),
        /// against System.Math on this machine: glibc's log and exp are also within 1 ulp, so two
        /// faithful results are at most 1 ulp apart. The mpmath test above is the reference; this
        /// one covers many more arguments.
        /// </summary>
        [Fact]
        public void Log_and_Exp_agree_with_System_Math_to_one_ulp_over_two_million_arguments()
        {
            var random = new RandomSource(7);
            for (int i = 0; i < 2_000_000; i++)
            {
                double x = (i % 4) switch
                {
                    0 => BitConverter.Int64BitsToDouble((long)random.NextUInt64()),
                    1 => -746 + 1456 * random.NextDouble(),
                    2 => 1 + (2 * random.NextDouble() - 1) * Math.Pow(2, -random.NextInt64(60)),
                    _ => random.NextDouble() * Math.Pow(2, -random.NextInt64(1074)),
                };
                if (double.IsNaN(x) || double.IsInfinity(x))
                {
                    continue;
                }

                if (x > 0)
                {
                    Assert.True(UlpDistance(Math.Log(x), DeterministicMath.Log(x)) <= 1, $"log({x:R})");
                }

                if (x < 709.78 && x > -745.13)
                {
                    Assert.True(UlpDistance(Math.Exp(x), DeterministicMath.Exp(x)) <= 1, $"exp({x:R})");
                }
            }
        }

        [Theory]
        [InlineData(1e-10, 9.999999999500001e-11)]               // mpmath log1p(1e-10)
        [InlineData(-1e-300, -1e-300)]
        [InlineData(-0.5, -0.6931471805599453)]                  // -log 2
        [InlineData(1e-5, 9.999950000333332e-06)]                // mpmath log1p(1e-5)
        [InlineData(-0.999999, -13.815510557935518)]             // mpmath log1p of the double nearest -0.999999
        public void Log1p_keeps_the_digits_of_tiny_arguments(double x, double expected)
            => Assert.True(Math.Abs(DeterministicMath.Log1p(x) - expected) <= 4e-16 * Math.Abs(expected), $"{DeterministicMath.Log1p(x):R}");
    }
}
