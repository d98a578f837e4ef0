using System;
using PSEstimation.Distributions;
using PSEstimation.Tests.Reference;
using Xunit;
using static PSEstimation.Tests.Numerics.DiscreteFamilyChecks;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// NegativeBinomial(Size, P), failures before Size successes: scipy's nbinom(n = Size, p = P) and
    /// R's dnbinom(size, prob) in the same parameterization. MLEs below are roots of the profile score
    /// Σ ψ(x + r) - n ψ(r) + n log(r/(r + x̄)) found by mpmath 1.2.1 findroot at 40 digits, with
    /// standard errors from the inverse of the exact observed information there.
    /// </summary>
    public class NegativeBinomialFamilyTests
    {
        private static readonly double[] Overdispersed = { 0, 1, 1, 2, 5, 0, 3, 9, 1, 0, 4, 12, 2, 0, 1 };

        [Fact]
        public void Second_data_set_matches_mpmath_and_scipy()
        {
            // mpmath: Size 0.8396951456949169, P 0.23500936268027933, SE 0.43816683368496884, 0.11025022278971233;
            // log-likelihood -32.48724014774803 (scipy 1.10 stats.nbinom.logpmf(data, Size, P).sum() = -32.487240147748025).
            var fit = Fit(new NegativeBinomialFamily(), Overdispersed);
            Tolerance.Relative(0.8396951456949169, fit.Parameters[0].Value, 1e-9, "Size");
            Tolerance.Relative(0.23500936268027933, fit.Parameters[1].Value, 1e-9, "P");
            Tolerance.Relative(0.43816683368496884, fit.Parameters[0].StandardError!.Value, 1e-6, "SE(Size)");
            Tolerance.Relative(0.11025022278971233, fit.Parameters[1].StandardError!.Value, 1e-6, "SE(P)");
            Tolerance.Relative(-32.48724014774803, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(4 + 2 * 32.48724014774803, fit.AIC, 1e-12, "AIC");
            Assert.True(fit.Converged);
            Tolerance.Absolute(0, fit.Score[0], 1e-8, "Score[Size]");
            Tolerance.Absolute(0, fit.Score[1], 1e-8, "Score[P]");
        }

        [Fact]
        public void Log_likelihood_at_given_parameters_matches_scipy()
        {
            // scipy 1.10 stats.nbinom.logpmf(data, 2.5, 0.4).sum() = -35.34803184054572.
            var family = new NegativeBinomialFamily();
            var theta = new[] { 2.5, 0.4 };
            Tolerance.Relative(-35.34803184054572, family.LogLikelihood(Sample(family, Overdispersed), theta), 1e-13, "LogLikelihood");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
        {
            // Counts above 64 take the digamma/trigamma path, below it the exact finite sums.
            FiniteDifferences.AssertDerivatives(new NegativeBinomialFamily(), new double[] { 0, 3, 70, 150, 12 }, new[] { 2.5, 0.08 });
            FiniteDifferences.AssertDerivatives(new NegativeBinomialFamily(), new double[] { 0, 1, 2, 9 }, new[] { 0.3, 0.6 });
        }

        [Theory]
        [InlineData(5.459714069311262, 0.6378383699621131, 0.06832655144252431)]
        [InlineData(0.8396951456949169, 0.23500936268027933, 1.235622252467065)]
        [InlineData(2.5, 1e-5, 0.4903510894998385)]
        [InlineData(3.112002137944323, 1.9450013324321717e-09, 0.3783883946792353)]
        public void Size_information_matches_the_pmf_weighted_trigamma_series(double r, double p, double expected)
        {
            // scipy 1.10: Σ_k nbinom.pmf(k, r, p) · (polygamma(1, r) - polygamma(1, k + r)) over k < 2000, 5000
            // and 2e7 (pmf mass 1 to 4e-16); the last case (mean 1.6e9) from mpmath 1.2.1 quad of
            // ∫ t e^(-rt) (1 - G(e^(-t))) / (1 - e^(-t)) dt, which also gives 0.49035108949983924 for the third.
            // The third and fourth take the integral path (mean > 1e5), the first two the series.
            Tolerance.Relative(expected, NegativeBinomialFamily.SizeInformation(r, p), 1e-10, "I(Size, Size)");
        }

        [Theory]
        [InlineData(0.8396951456949169, 0.23500936268027933)]
        [InlineData(40, 0.2)]
        [InlineData(0.05, 0.01)]
        public void Series_and_integral_agree(double r, double p)
            => Tolerance.Relative(NegativeBinomialFamily.SizeInformationBySeries(r, p), NegativeBinomialFamily.SizeInformationByIntegral(r, p), 1e-11, "series vs integral");

        [Theory]
        [InlineData(5.459714069311262, 0.6378383699621131, 200)]
        [InlineData(0.7, 0.3, 400)]
        [InlineData(30, 0.9, 100)]
        public void Expected_information_is_the_pmf_expectation(double r, double p, int maxK)
            => AssertInformationIsThePmfExpectation(new NegativeBinomialFamily(), new[] { r, p }, maxK, 1e-9);

        [Theory]
        [InlineData(0.001, 1000001.6425331959)]
        [InlineData(0.1, 101.43329915079275)]
        [InlineData(1.0, 1.6449340668482266)]
        [InlineData(7.5, 0.1426158966967038)]
        [InlineData(12.25, 0.08505514298816322)]
        [InlineData(1e6, 1.0000005000001667e-06)]
        public void Trigamma_matches_scipy(double z, double expected)
            // scipy 1.10 special.polygamma(1, z) (mpmath psi(1, z) agrees).
            => Tolerance.Relative(expected, NegativeBinomialFamily.Trigamma(z), 1e-14, $"trigamma({z})");

        [Theory]
        [InlineData(new double[] { 1, 2, 3 })]
        [InlineData(new double[] { 4, 4, 4, 4 })]
        [InlineData(new double[] { 5 })]
        [InlineData(new double[] { 0, 1, 0, 1 })]
        public void Variance_not_above_the_mean_has_no_finite_size(double[] data)
        {
            // Var (divisor n) <= mean: the profile likelihood increases towards Size → ∞ (Poisson limit).
            var e = Assert.Throws<EstimationException>(() => Fit(new NegativeBinomialFamily(), data));
            Assert.Equal("NoFiniteEstimate", e.ErrorId);
            Assert.Contains("Poisson", e.Message);
            Assert.Contains("infinity", e.Message);
        }

        [Fact]
        public void All_zeros_cannot_identify_size()
        {
            var e = Assert.Throws<EstimationException>(() => Fit(new NegativeBinomialFamily(), new double[] { 0, 0, 0 }));
            Assert.Equal("NoFiniteEstimate", e.ErrorId);
            Assert.Contains("Poisson", e.Message);
        }

        [Fact]
        public void Near_poisson_data_give_a_large_finite_size()
        {
            // Mean 2.3125, variance 2.58984375: mpmath Size 18.46508028299583, P 0.8887021506593563,
            // log-likelihood -29.31281031538357.
            var data = new double[] { 0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 1, 2, 0, 3, 2, 6 };
            var fit = Fit(new NegativeBinomialFamily(), data);
            Tolerance.Relative(18.46508028299583, fit.Parameters[0].Value, 1e-8, "Size");
            Tolerance.Relative(0.8887021506593563, fit.Parameters[1].Value, 1e-9, "P");
            Tolerance.Relative(-29.31281031538357, fit.LogLikelihood, 1e-12, "LogLikelihood");
        }

        [Fact]
        public void Fixed_size_gives_p_in_closed_form()
        {
            // P = Size/(Size + mean) = 3/(3 + 41/15) (hand).
            var fit = Fit(new NegativeBinomialFamily(), Overdispersed, new double?[] { 3, null });
            Tolerance.Relative(3 / (3 + 41.0 / 15), fit.Parameters[1].Value, 1e-15, "P");
            Assert.Equal("Closed form", fit.Method);
            Assert.Equal(0.0, fit.Parameters[0].StandardError);
            Assert.NotNull(fit.Parameters[1].StandardError);
        }

        [Fact]
        public void Fixed_p_fits_size()
        {
            // mpmath findroot of Σ ψ(x + r) - n ψ(r) + n log 0.3: Size 1.0830440126401872, log-likelihood -32.63976570087917.
            var fit = Fit(new NegativeBinomialFamily(), Overdispersed, new double?[] { null, 0.3 });
            Tolerance.Relative(1.0830440126401872, fit.Parameters[0].Value, 1e-9, "Size");
            Tolerance.Relative(-32.63976570087917, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Assert.Equal(0.0, fit.Parameters[1].StandardError);
        }

        [Fact]
        public void Fixed_size_and_all_zeros_give_p_one_on_the_boundary()
        {
            var fit = Fit(new NegativeBinomialFamily(), new double[] { 0, 0 }, new double?[] { 2, null });
            Assert.Equal(1.0, fit.Parameters[1].Value);
            Assert.Equal(0.0, fit.LogLikelihood);
            Assert.Null(fit.Parameters[1].StandardError);
            Assert.Contains("boundary", fit.Method);
        }

        [Fact]
        public void Huge_counts()
        {
            // mpmath: Size 3.112002137944323, P 1.9450013324321717e-09, SE 1.8723201548662831, 1.269839919629729e-09,
            // log-likelihood -109.64294499203727.
            var fit = Fit(new NegativeBinomialFamily(), new double[] { 1e9, 2e9, 5e8, 3e9, 1.5e9 });
            Tolerance.Relative(3.112002137944323, fit.Parameters[0].Value, 1e-8, "Size");
            Tolerance.Relative(1.9450013324321717e-09, fit.Parameters[1].Value, 1e-8, "P");
            Tolerance.Relative(-109.64294499203727, fit.LogLikelihood, 1e-11, "LogLikelihood");
            Tolerance.Relative(1.8723201548662831, fit.Parameters[0].StandardError!.Value, 1e-6, "SE(Size)");
            Tolerance.Relative(1.269839919629729e-09, fit.Parameters[1].StandardError!.Value, 1e-6, "SE(P)");
            Tolerance.Relative(0.3783883946792353 * 5, fit.FisherInformation[0, 0], 1e-9, "n · I(Size, Size)");
        }

        [Fact]
        public void Counts_near_1e300()
        {
            // mpmath at 700 digits (bisection of the profile score): Size 0.8278607607845248,
            // P 6.057517761837985e-301, log-likelihood -2076.226049521092. The observed information
            // (n·Size/P² ≈ 1e600) overflows a double, so no standard error is reported rather than a false 0.
            var fit = Fit(new NegativeBinomialFamily(), new double[] { 1e300, 3e300, 1e299 });
            Tolerance.Relative(0.8278607607845248, fit.Parameters[0].Value, 1e-9, "Size");
            Tolerance.Relative(6.057517761837985e-301, fit.Parameters[1].Value, 1e-9, "P");
            Tolerance.Relative(-2076.226049521092, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Assert.Null(fit.Parameters[0].StandardError);
            Assert.Null(fit.Parameters[1].StandardError);
            Assert.Contains("overflows", fit.Method);
        }

        [Fact]
        public void Widely_spread_counts()
        {
            // 0, 0, 1, 5, 2e12: mpmath at 700 digits: Size 0.024761502333741463, P 6.190375583416411e-14,
            // log-likelihood -44.151891972265695.
            var fit = Fit(new NegativeBinomialFamily(), new double[] { 0, 0, 1, 5, 2e12 });
            Tolerance.Relative(0.024761502333741463, fit.Parameters[0].Value, 1e-9, "Size");
            Tolerance.Relative(6.190375583416411e-14, fit.Parameters[1].Value, 1e-9, "P");
            Tolerance.Relative(-44.151891972265695, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Assert.NotNull(fit.Parameters[0].StandardError);
        }

        [Fact]
        public void Sum_beyond_the_largest_double_is_a_clear_error()
        {
            var e = Assert.Throws<EstimationException>(() => Fit(new NegativeBinomialFamily(), new double[] { 1e308, 1.5e308 }));
            Assert.Equal("SumOverflow", e.ErrorId);
        }

        [Fact]
        public void Values_outside_the_support()
        {
            var family = new NegativeBinomialFamily();
            var free = new double?[2];
            Assert.False(family.CanFit(2.5, free));
            Assert.False(family.CanFit(-1, free));
            Assert.True(family.CanFit(0, free));
            Assert.False(family.IsInSupport(1, new[] { 2.0, 1.0 }));
            Assert.True(family.IsInSupport(0, new[] { 2.0, 1.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(2.5, new[] { 2.0, 0.5 }));
            Assert.Equal(0.0, family.LogDensity(0, new[] { 2.0, 1.0 }));
        }
    }
}
