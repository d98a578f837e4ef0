using System;
using PSEstimation.Distributions;
using PSEstimation.Tests.Reference;
using Xunit;
using static PSEstimation.Tests.Numerics.DiscreteFamilyChecks;

namespace PSEstimation.Tests.Numerics
{
    public class BernoulliFamilyTests
    {
        [Fact]
        public void Second_data_set_matches_scipy()
        {
            // P = 7/11; log-likelihood: scipy 1.10 stats.bernoulli.logpmf(data, 7/11).sum().
            // Observed information at the MLE n/(p(1-p)) (hand), so SE = sqrt(p(1-p)/n).
            var data = new double[] { 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1 };
            var fit = Fit(new BernoulliFamily(), data);
            double p = 7.0 / 11;
            Tolerance.Relative(p, fit.Parameters[0].Value, 1e-15, "P");
            Tolerance.Relative(-7.21029951291532, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(Math.Sqrt(p * (1 - p) / 11), fit.Parameters[0].StandardError!.Value, 1e-12, "SE");
            Tolerance.Absolute(0, fit.Score[0], 1e-12, "Score");
            Tolerance.Relative(11 / (p * (1 - p)), fit.FisherInformation[0, 0], 1e-14, "Fisher");
        }

        [Fact]
        public void Small_bernoulli_nonopt_matches_nll_json()
        {
            // tests/reference/nll.json small_bernoulli_nonopt.
            var c = ReferenceData.Case("nll", "small_bernoulli_nonopt");
            var family = new BernoulliFamily();
            var data = ReferenceData.Doubles(c.GetProperty("Data"));
            var sample = Sample(family, data);
            var theta = new[] { c.GetProperty("Parameter").GetProperty("P").GetDouble() };
            Tolerance.Relative(c.GetProperty("LogLikelihood").GetDouble(), family.LogLikelihood(sample, theta), 1e-13, "LogLikelihood");
            Tolerance.Relative(c.GetProperty("Gradient")[0].GetDouble(), -family.Score(sample, theta)[0], 1e-12, "Gradient");
            Tolerance.Relative(c.GetProperty("FisherInformation")[0][0].GetDouble(), sample.TotalWeight * family.ExpectedInformation(theta)[0, 0], 1e-13, "Fisher");
            double perObservation = 0;
            foreach (double x in data)
            {
                perObservation += family.LogDensity(x, theta);
            }

            Tolerance.Relative(c.GetProperty("LogLikelihood").GetDouble(), perObservation, 1e-13, "Σ LogDensity");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
            => FiniteDifferences.AssertDerivatives(new BernoulliFamily(), new double[] { 1, 0, 0, 1, 1 }, new[] { 0.37 });

        [Theory]
        [InlineData(0.5)]
        [InlineData(0.013)]
        [InlineData(0.91)]
        public void Expected_information_is_the_pmf_expectation(double p)
            => AssertInformationIsThePmfExpectation(new BernoulliFamily(), new[] { p }, 1);

        [Theory]
        [InlineData(0.0, "every value is 0")]
        [InlineData(1.0, "every value is 1")]
        public void Constant_sample_gives_p_on_the_boundary(double value, string why)
        {
            // All zeros: the likelihood (1-p)^n is maximal at p = 0, log-likelihood 0 (hand; 0 · log 0 = 0).
            var fit = Fit(new BernoulliFamily(), new[] { value, value, value });
            Assert.Equal(value, fit.Parameters[0].Value);
            Assert.Equal(0.0, fit.LogLikelihood);
            Assert.Null(fit.Parameters[0].StandardError);
            Assert.True(double.IsNaN(fit.Covariance[0, 0]));
            Assert.Contains(why, fit.Method);
            Assert.Contains("boundary", fit.Method);
            Assert.Equal(value == 0 ? -3.0 : 3.0, fit.Score[0]);
        }

        [Fact]
        public void Single_value_is_on_the_boundary()
        {
            var fit = Fit(new BernoulliFamily(), new double[] { 1 });
            Assert.Equal(1.0, fit.Parameters[0].Value);
            Assert.Equal(0.0, fit.LogLikelihood);
            Assert.Null(fit.Parameters[0].StandardError);
        }

        [Fact]
        public void Huge_weighted_counts()
        {
            // 1e9 ones and 3e9 zeros: P = 0.25, log L = 1e9 log 0.25 + 3e9 log 0.75 (hand).
            var family = new BernoulliFamily();
            var sample = family.CreateAccumulator();
            sample.Add(1, 1e9);
            sample.Add(0, 3e9);
            var fit = new PSEstimation.Estimation.MaximumLikelihoodEstimator(family, 0.95).Fit(sample, new double?[1], System.Threading.CancellationToken.None);
            Assert.Equal(0.25, fit.Parameters[0].Value);
            Tolerance.Relative(1e9 * Math.Log(0.25) + 3e9 * Math.Log(0.75), fit.LogLikelihood, 1e-14, "LogLikelihood");
            Tolerance.Relative(Math.Sqrt(0.25 * 0.75 / 4e9), fit.Parameters[0].StandardError!.Value, 1e-12, "SE");
        }

        [Fact]
        public void Values_outside_the_support()
        {
            var family = new BernoulliFamily();
            var free = new double?[1];
            Assert.True(family.AcceptsBooleans);
            Assert.False(family.CanFit(2, free));
            Assert.False(family.CanFit(0.5, free));
            Assert.False(family.CanFit(-1, free));
            Assert.True(family.CanFit(0, free) && family.CanFit(1, free));
            // Under P = 0 a one has probability 0; under P = 1 a zero has.
            Assert.False(family.IsInSupport(1, new[] { 0.0 }));
            Assert.False(family.IsInSupport(0, new[] { 1.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(1, new[] { 0.0 }));
            Assert.Equal(0.0, family.LogDensity(0, new[] { 0.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogLikelihood(Sample(family, 0, 1), new[] { 1.0 }));
        }
    }
}
