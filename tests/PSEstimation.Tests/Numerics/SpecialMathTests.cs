using PSEstimation.Distributions;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    public class SpecialMathTests
    {
        [Theory]
        // mpmath 1.2.1, mp.dps = 40: mpmath.psi(1, x).
        [InlineData(1e-6, 1000000000001.6450222)]
        [InlineData(0.5, 4.9348022005446793094)]
        [InlineData(1.0, 1.6449340668482264365)]
        [InlineData(3.7, 0.31003785767003830216)]
        [InlineData(9.99, 0.10527695014824178439)]
        [InlineData(10.0, 0.10516633568168574612)]
        [InlineData(123.4, 0.0081366516108652633096)]
        [InlineData(1e8, 1.0000000050000000167e-8)]
        public void Trigamma_matches_mpmath(double x, double expected)
            => Tolerance.Relative(expected, SpecialMath.Trigamma(x), 1e-14, $"ψ'({x})");

        [Fact]
        public void Trigamma_outside_its_domain_is_NaN_not_a_number_that_looks_right()
        {
            Assert.True(double.IsNaN(SpecialMath.Trigamma(0)));
            Assert.True(double.IsNaN(SpecialMath.Trigamma(-1.5)));
            Assert.True(double.IsNaN(SpecialMath.Trigamma(double.NaN)));
        }

        [Fact]
        public void Log1p_keeps_the_digits_that_log_of_one_plus_x_loses()
        {
            // log(1 + x) = x - x²/2 + x³/3 - ... (hand series): to double precision -1e-17 and
            // -1e-10 - 5e-21; Math.Log(1 - 1e-17) is exactly 0.
            Assert.Equal(0.0, System.Math.Log(1 - 1e-17));
            Tolerance.Relative(-1e-17, SpecialMath.Log1p(-1e-17), 1e-15, "log1p(-1e-17)");
            Tolerance.Relative(-1e-10 - 5e-21, SpecialMath.Log1p(-1e-10), 1e-15, "log1p(-1e-10)");
            Tolerance.Relative(System.Math.Log(1.5), SpecialMath.Log1p(0.5), 1e-15, "log1p(0.5)");
            Assert.Equal(double.NegativeInfinity, SpecialMath.Log1p(-1));
            // 1 - (1 - 2⁻⁵³) = 2⁻⁵³ exactly: log(2⁻⁵³) = -53 log 2.
            Tolerance.Relative(-53 * System.Math.Log(2), SpecialMath.Log1p(-(1 - 1e-16)), 1e-15, "log1p(-(1 - 1e-16))");
        }

        [Fact]
        public void LogRatio_neither_overflows_nor_cancels()
        {
            // log(1e300 / 1e-300) = 600 log 10 (hand); the quotient itself overflows.
            Tolerance.Relative(600 * System.Math.Log(10), SpecialMath.LogRatio(1e300, 1e-300), 1e-14, "log(1e300/1e-300)");
            // log((1e9 + 1) / 1e9) = 1e-9 - 5e-19 + ... (series); log(x) - log(y) keeps only ~7 digits of it.
            Tolerance.Relative(1e-9 - 5e-19, SpecialMath.LogRatio(1e9 + 1, 1e9), 1e-12, "log((1e9 + 1)/1e9)");
            Assert.Equal(0.0, SpecialMath.LogRatio(3.5, 3.5));
        }
    }
}
