using System;
using PSEstimation.Distributions;
using PSEstimation.Tests.Reference;
using Xunit;
using static PSEstimation.Tests.Numerics.DiscreteFamilyChecks;

namespace PSEstimation.Tests.Numerics
{
    public class PoissonFamilyTests
    {
        [Fact]
        public void Second_data_set_matches_scipy()
        {
            // Lambda = mean = 25/12; log-likelihood: scipy 1.10 stats.poisson.logpmf(data, 25/12).sum().
            // SE from the observed information Σx/λ² = n/λ at the MLE (hand): sqrt(λ/n).
            var data = new double[] { 2, 0, 3, 1, 4, 2, 2, 5, 1, 0, 3, 2 };
            var fit = Fit(new PoissonFamily(), data);
            Tolerance.Relative(25.0 / 12, fit.Parameters[0].Value, 1e-15, "Lambda");
            Tolerance.Relative(-20.97242385682087, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(Math.Sqrt(25.0 / 12 / 12), fit.Parameters[0].StandardError!.Value, 1e-12, "SE");
            Tolerance.Relative(2 + 2 * 20.97242385682087, fit.AIC, 1e-12, "AIC");
            Tolerance.Relative(Math.Log(12) + 2 * 20.97242385682087, fit.BIC, 1e-12, "BIC");
            Tolerance.Absolute(0, fit.Score[0], 1e-12, "Score");
            Tolerance.Relative(12 / (25.0 / 12), fit.FisherInformation[0, 0], 1e-14, "Fisher n/λ");
            Assert.Equal("Closed form", fit.Method);
        }

        [Fact]
        public void Small_poisson_nonopt_matches_nll_json()
        {
            // tests/reference/nll.json small_poisson_nonopt: NLL, gradient of the NLL, Fisher information.
            var c = ReferenceData.Case("nll", "small_poisson_nonopt");
            var family = new PoissonFamily();
            var sample = Sample(family, ReferenceData.Doubles(c.GetProperty("Data")));
            var theta = new[] { c.GetProperty("Parameter").GetProperty("Lambda").GetDouble() };
            Tolerance.Relative(c.GetProperty("LogLikelihood").GetDouble(), family.LogLikelihood(sample, theta), 1e-13, "LogLikelihood");
            Tolerance.Relative(c.GetProperty("Gradient")[0].GetDouble(), -family.Score(sample, theta)[0], 1e-13, "Gradient");
            Tolerance.Relative(c.GetProperty("FisherInformation")[0][0].GetDouble(), sample.TotalWeight * family.ExpectedInformation(theta)[0, 0], 1e-13, "Fisher");
            double perObservation = 0;
            foreach (double x in ReferenceData.Doubles(c.GetProperty("Data")))
            {
                perObservation += family.LogDensity(x, theta);
            }

            Tolerance.Relative(c.GetProperty("LogLikelihood").GetDouble(), perObservation, 1e-13, "Σ LogDensity");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
        {
            FiniteDifferences.AssertDerivatives(new PoissonFamily(), new double[] { 0, 1, 4, 2, 9 }, new[] { 1.7 });
            FiniteDifferences.AssertDerivatives(new PoissonFamily(), new double[] { 0, 250 }, new[] { 180.0 });
        }

        [Theory]
        [InlineData(0.3, 60)]
        [InlineData(4.2, 120)]
        [InlineData(37.0, 300)]
        public void Expected_information_is_the_pmf_expectation(double lambda, int maxK)
            => AssertInformationIsThePmfExpectation(new PoissonFamily(), new[] { lambda }, maxK);

        [Fact]
        public void All_zeros_give_lambda_zero_on_the_boundary()
        {
            // The likelihood e^(-nλ) is maximal at λ = 0 with log-likelihood 0 (hand derivation);
            // the information n/λ is infinite there, so there is no standard error.
            var fit = Fit(new PoissonFamily(), new double[] { 0, 0, 0, 0 });
            Assert.Equal(0.0, fit.Parameters[0].Value);
            Assert.Equal(0.0, fit.LogLikelihood);
            Assert.Equal(2.0, fit.AIC);
            Assert.Null(fit.Parameters[0].StandardError);
            Assert.Null(fit.Parameters[0].Lower);
            Assert.True(double.IsNaN(fit.Covariance[0, 0]));
            Assert.Contains("boundary", fit.Method);
            Assert.Equal(-4.0, fit.Score[0]);
        }

        [Fact]
        public void Single_value_is_its_own_estimate()
        {
            // scipy 1.10 stats.poisson.logpmf(4, 4) = -1.6328763858683835.
            var fit = Fit(new PoissonFamily(), new double[] { 4 });
            Assert.Equal(4.0, fit.Parameters[0].Value);
            Tolerance.Relative(-1.6328763858683835, fit.LogLikelihood, 1e-14, "LogLikelihood");
            Tolerance.Relative(2.0, fit.Parameters[0].StandardError!.Value, 1e-14, "SE = sqrt(λ/n) = 2");
        }

        [Fact]
        public void Huge_counts_keep_the_log_likelihood()
        {
            // Lambda = 1000000002; log-likelihood from mpmath 1.2.1 at 50 digits:
            // Σ x log λ - λ - loggamma(x + 1) = -45.122285904044844 (scipy 1.10 gives -45.12228775…, off by 4e-8:
            // its logpmf subtracts numbers near 2e10).
            var data = new double[] { 1e9, 1e9 + 3, 1e9 - 7, 1e9 + 12 };
            var family = new PoissonFamily();
            var fit = Fit(family, data);
            Assert.Equal(1000000002.0, fit.Parameters[0].Value);
            Tolerance.Relative(-45.122285904044844, fit.LogLikelihood, 1e-11, "LogLikelihood");
            double perObservation = 0;
            foreach (double x in data)
            {
                perObservation += family.LogDensity(x, new[] { 1000000002.0 });
            }

            Tolerance.Relative(-45.122285904044844, perObservation, 1e-11, "Σ LogDensity");
            Tolerance.Relative(Math.Sqrt(1000000002.0 / 4), fit.Parameters[0].StandardError!.Value, 1e-12, "SE");
        }

        [Fact]
        public void Counts_near_1e300()
        {
            // Lambda = 1.5e300; mpmath at 700 digits: log-likelihood -1.698990367953975e299; SE sqrt(λ/n).
            var fit = Fit(new PoissonFamily(), new double[] { 1e300, 2e300 });
            Tolerance.Relative(1.5e300, fit.Parameters[0].Value, 1e-15, "Lambda");
            Tolerance.Relative(-1.698990367953975e299, fit.LogLikelihood, 1e-13, "LogLikelihood");
            Tolerance.Relative(Math.Sqrt(0.75e300), fit.Parameters[0].StandardError!.Value, 1e-13, "SE");
            var e = Assert.Throws<EstimationException>(() => Fit(new PoissonFamily(), new double[] { 1e308, 1.5e308 }));
            Assert.Equal("SumOverflow", e.ErrorId);
        }

        [Fact]
        public void Weights_equal_repeated_rows()
        {
            var family = new PoissonFamily();
            var weighted = family.CreateAccumulator();
            weighted.Add(0, 2);
            weighted.Add(3, 3);
            weighted.Add(7, 1);
            var expanded = Sample(family, 0, 0, 3, 3, 3, 7);
            var theta = new[] { 2.5 };
            Tolerance.Relative(family.LogLikelihood(expanded, theta), family.LogLikelihood(weighted, theta), 1e-14, "LogLikelihood");
            Tolerance.Relative(family.Score(expanded, theta)[0], family.Score(weighted, theta)[0], 1e-14, "Score");
        }

        [Fact]
        public void Values_outside_the_support()
        {
            var family = new PoissonFamily();
            var free = new double?[1];
            Assert.False(family.CanFit(2.5, free));
            Assert.False(family.CanFit(-1, free));
            Assert.False(family.CanFit(double.NaN, free));
            Assert.True(family.CanFit(0, free));
            Assert.True(family.CanFit(1e15, free));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(2.5, new[] { 2.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(-1, new[] { 2.0 }));
            // λ = 0 (allowed when evaluating) puts all mass on 0.
            Assert.False(family.IsInSupport(3, new[] { 0.0 }));
            Assert.True(family.IsInSupport(0, new[] { 0.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogLikelihood(Sample(family, 0, 3), new[] { 0.0 }));
        }
    }
}
