using System;
using PSEstimation.Distributions;
using PSEstimation.Tests.Reference;
using Xunit;
using static PSEstimation.Tests.Numerics.DiscreteFamilyChecks;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// Geometric counts failures before the first success (support 0, 1, 2, ...). scipy's geom counts
    /// trials (support 1, 2, ...), so every scipy value below is stats.geom.logpmf(x + 1, p).
    /// </summary>
    public class GeometricFamilyTests
    {
        [Fact]
        public void Second_data_set_matches_scipy()
        {
            // P = 1/(1 + mean) = 1/3.2; log-likelihood: scipy 1.10 stats.geom.logpmf(data + 1, 0.3125).sum().
            // Observed information at the MLE n/p² + Σx/(1-p)² = n(1 + x̄)³/x̄ (hand).
            var data = new double[] { 0, 2, 1, 5, 0, 3, 1, 0, 8, 2 };
            var fit = Fit(new GeometricFamily(), data);
            Tolerance.Relative(0.3125, fit.Parameters[0].Value, 1e-15, "P");
            Tolerance.Relative(-19.874763985767846, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(Math.Sqrt(2.2 / (10 * Math.Pow(3.2, 3))), fit.Parameters[0].StandardError!.Value, 1e-12, "SE");
            Tolerance.Absolute(0, fit.Score[0], 1e-11, "Score");
            Tolerance.Relative(10 * Math.Pow(3.2, 3) / 2.2, fit.FisherInformation[0, 0], 1e-13, "Fisher n/(p²(1-p))");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
            => FiniteDifferences.AssertDerivatives(new GeometricFamily(), new double[] { 0, 3, 1, 12 }, new[] { 0.27 });

        [Theory]
        [InlineData(0.5, 200)]
        [InlineData(0.9, 60)]
        [InlineData(0.05, 2000)]
        public void Expected_information_is_the_pmf_expectation(double p, int maxK)
            => AssertInformationIsThePmfExpectation(new GeometricFamily(), new[] { p }, maxK);

        [Fact]
        public void All_zeros_give_p_one_on_the_boundary()
        {
            // The likelihood p^n is maximal at p = 1, log-likelihood 0 (hand; Σx log(1-p) = 0 · log 0 = 0).
            var fit = Fit(new GeometricFamily(), new double[] { 0, 0, 0 });
            Assert.Equal(1.0, fit.Parameters[0].Value);
            Assert.Equal(0.0, fit.LogLikelihood);
            Assert.Null(fit.Parameters[0].StandardError);
            Assert.True(double.IsNaN(fit.Covariance[0, 0]));
            Assert.Contains("boundary", fit.Method);
        }

        [Fact]
        public void Single_value()
        {
            // P = 1/4; scipy 1.10 stats.geom.logpmf(3 + 1, 0.25) = -2.249340578475233.
            var fit = Fit(new GeometricFamily(), new double[] { 3 });
            Assert.Equal(0.25, fit.Parameters[0].Value);
            Tolerance.Relative(-2.249340578475233, fit.LogLikelihood, 1e-14, "LogLikelihood");
        }

        [Fact]
        public void Huge_counts()
        {
            // P = 1/(1 + 2e9); log-likelihood from mpmath 1.2.1 at 50 digits: -67.24923905326906.
            var fit = Fit(new GeometricFamily(), new double[] { 1e9, 2e9, 3e9 });
            Tolerance.Relative(4.9999999975e-10, fit.Parameters[0].Value, 1e-15, "P");
            Tolerance.Relative(-67.24923905326906, fit.LogLikelihood, 1e-13, "LogLikelihood");
            Assert.NotNull(fit.Parameters[0].StandardError);
        }

        [Fact]
        public void Counts_near_1e300()
        {
            // P = 1/(1 + 2e300) = 5e-301; mpmath at 700 digits: log-likelihood -1384.9373501575474.
            // The observed information n/P² overflows, so no standard error (not a false 0).
            var fit = Fit(new GeometricFamily(), new double[] { 1e300, 3e300 });
            Tolerance.Relative(5e-301, fit.Parameters[0].Value, 1e-15, "P");
            Tolerance.Relative(-1384.9373501575474, fit.LogLikelihood, 1e-13, "LogLikelihood");
            Assert.Null(fit.Parameters[0].StandardError);
            Assert.Contains("overflows", fit.Method);
            var e = Assert.Throws<EstimationException>(() => Fit(new GeometricFamily(), new double[] { 1e308, 1.5e308 }));
            Assert.Equal("SumOverflow", e.ErrorId);
        }

        [Fact]
        public void Values_outside_the_support()
        {
            var family = new GeometricFamily();
            var free = new double?[1];
            Assert.False(family.CanFit(2.5, free));
            Assert.False(family.CanFit(-1, free));
            Assert.True(family.CanFit(0, free));
            // Under P = 1 only 0 is possible; under P = 0 nothing is.
            Assert.False(family.IsInSupport(1, new[] { 1.0 }));
            Assert.True(family.IsInSupport(0, new[] { 1.0 }));
            Assert.False(family.IsInSupport(0, new[] { 0.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(1, new[] { 1.0 }));
            Assert.Equal(0.0, family.LogDensity(0, new[] { 1.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogLikelihood(Sample(family, 0, 2), new[] { 1.0 }));
        }
    }
}
