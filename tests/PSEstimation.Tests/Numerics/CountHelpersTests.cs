using PSEstimation.Distributions;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>The numerical helpers under the count families, against Python's math and mpmath 1.2.1 at 40 digits.</summary>
    public class CountHelpersTests
    {
        [Theory]
        [InlineData(1e-3, 0.0010005001667083417)]
        [InlineData(0.05, 0.05127109637602404)]
        [InlineData(-0.3, -0.2591817793182821)]
        [InlineData(2.0, 6.38905609893065)]
        [InlineData(1e-10, 1.00000000005e-10)]
        public void Expm1_matches_python(double x, double expected)
            // Python 3.11 math.expm1.
            => Tolerance.Relative(expected, Counts.Expm1(x), 4e-16, $"expm1({x})");

        [Theory]
        [InlineData(1e9, 3e8, 610864291.5546459)]
        [InlineData(1e9, 17, 318.7904456419521)]
        [InlineData(500, 250, 343.23999487845015)]
        [InlineData(12, 5, 6.674561391814426)]
        [InlineData(1099511627776, 549755813891, 762123384771.7217)]
        public void Log_choose_matches_mpmath(double n, double k, double expected)
            // mpmath log(binomial(n, k)).
            => Tolerance.Relative(expected, Counts.LogChoose(n, k), 1e-14, $"log C({n}, {k})");

        [Theory]
        [InlineData(0.5, 0.15342640972002736)]
        [InlineData(3, 0.02767792568499834)]
        [InlineData(15.5, 0.005375599032926835)]
        [InlineData(40, 0.0020832899383024218)]
        [InlineData(1e6, 8.333333333333056e-08)]
        public void Stirling_error_matches_mpmath(double z, double expected)
            // mpmath loggamma(z + 1) - (z + 1/2) log z + z - log(2π)/2.
            => Tolerance.Relative(expected, Counts.Stirlerr(z), 1e-12, $"stirlerr({z})");

        [Theory]
        [InlineData(7, 7, 0)]
        [InlineData(1, 2, 0.3068528194400547)]
        public void Deviance_term_is_exact(double x, double m, double expected)
            // bd0(x, m) = x log(x/m) + m - x: 0 at x = m; 1 · log(1/2) + 1 = 0.30685281944005469 (hand).
            => Tolerance.Absolute(expected, Counts.Bd0(x, m), 1e-15, $"bd0({x}, {m})");

        [Fact]
        public void Deviance_term_near_the_mean_has_no_cancellation()
        {
            // x = 1e9 + 3, m = 1e9: mpmath 4.49999999550000000675e-9, where x log(x/m) + m - x in doubles
            // would subtract numbers near 3 with an error of 1e-7.
            Tolerance.Relative(4.4999999955000000068e-9, Counts.Bd0(1e9 + 3, 1e9), 1e-12, "bd0 near m");
        }
    }
}
