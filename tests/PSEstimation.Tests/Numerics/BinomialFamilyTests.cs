using System;
using System.Collections.Generic;
using PSEstimation.Distributions;
using PSEstimation.Tests.Reference;
using Xunit;
using static PSEstimation.Tests.Numerics.DiscreteFamilyChecks;

namespace PSEstimation.Tests.Numerics
{
    public class BinomialFamilyTests
    {
        private static BinomialFamily Family(double trials)
            => (BinomialFamily)DistributionFamilies.Create(DistributionName.Binomial, new Dictionary<string, double> { ["Trials"] = trials });

        [Fact]
        public void Second_data_set_matches_scipy()
        {
            // Trials 7, P = Σx/(n·7) = 30/56; log-likelihood: scipy 1.10 stats.binom.logpmf(data, 7, 30/56).sum().
            // Observed information at the MLE n·Trials/(p(1-p)) (hand), so SE = sqrt(p(1-p)/(n·Trials)).
            var data = new double[] { 3, 5, 2, 7, 4, 0, 6, 3 };
            var fit = Fit(Family(7), data);
            double p = 30.0 / 56;
            Tolerance.Relative(p, fit.Parameters[0].Value, 1e-15, "P");
            Tolerance.Relative(-19.97226403377476, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(Math.Sqrt(p * (1 - p) / 56), fit.Parameters[0].StandardError!.Value, 1e-12, "SE");
            Tolerance.Relative(56 / (p * (1 - p)), fit.FisherInformation[0, 0], 1e-14, "Fisher");
            Assert.Equal(7.0, (double)fit.Estimate["Trials"]!);
            Assert.Equal(2 + 2 * 19.97226403377476, fit.AIC, 10);
        }

        [Fact]
        public void Log_density_matches_scipy_per_value()
        {
            // scipy 1.10 stats.binom.logpmf over the same data at P = 30/56 summed, value by value here
            // through the saddle-point form (R's dbinom_raw).
            var family = Family(7);
            double sum = 0;
            foreach (double x in new double[] { 3, 5, 2, 7, 4, 0, 6, 3 })
            {
                sum += family.LogDensity(x, new[] { 30.0 / 56 });
            }

            Tolerance.Relative(-19.97226403377476, sum, 1e-13, "Σ LogDensity");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
            => FiniteDifferences.AssertDerivatives(Family(12), new double[] { 0, 3, 12, 7 }, new[] { 0.41 });

        [Theory]
        [InlineData(1, 0.3)]
        [InlineData(7, 0.5357142857142857)]
        [InlineData(40, 0.02)]
        public void Expected_information_is_the_pmf_expectation(double trials, double p)
            => AssertInformationIsThePmfExpectation(Family(trials), new[] { p }, (int)trials);

        [Theory]
        [InlineData(0.0, 0.0)]
        [InlineData(5.0, 1.0)]
        public void Constant_sample_at_an_end_gives_p_on_the_boundary(double value, double p)
        {
            var fit = Fit(Family(5), new[] { value, value });
            Assert.Equal(p, fit.Parameters[0].Value);
            Assert.Equal(0.0, fit.LogLikelihood);
            Assert.Null(fit.Parameters[0].StandardError);
            Assert.True(double.IsNaN(fit.Covariance[0, 0]));
            Assert.Contains("boundary", fit.Method);
        }

        [Fact]
        public void Single_value()
        {
            // scipy 1.10 stats.binom.logpmf(3, 10, 0.3) = -1.321151277766889.
            var fit = Fit(Family(10), new double[] { 3 });
            Tolerance.Relative(0.3, fit.Parameters[0].Value, 1e-15, "P");
            Tolerance.Relative(-1.321151277766889, fit.LogLikelihood, 1e-13, "LogLikelihood");
        }

        [Fact]
        public void Huge_trials_keep_the_log_likelihood()
        {
            // Trials 1e9, P = 0.299999998; log-likelihood from mpmath 1.2.1 at 50 digits (exact binomial
            // coefficients): -31.500743046910443 (scipy 1.10 stats.binom.logpmf gives -31.5007425844…, off by 1.5e-8).
            var data = new double[] { 3e8, 3e8 + 5, 3e8 - 11 };
            var family = Family(1e9);
            var fit = Fit(family, data);
            Tolerance.Relative(0.299999998, fit.Parameters[0].Value, 1e-15, "P");
            // The streamed form log C + Σx log p + Σ(Trials - x) log(1 - p) adds terms near 1e9 to get -31.5,
            // so it keeps about 1e-9 relative (the accuracy target is 1e-8); the per-value saddle-point form keeps more.
            Tolerance.Relative(-31.500743046910443, fit.LogLikelihood, 1e-8, "LogLikelihood (streamed)");
            double perObservation = 0;
            foreach (double x in data)
            {
                perObservation += family.LogDensity(x, new[] { fit.Parameters[0].Value });
            }

            Tolerance.Relative(-31.500743046910443, perObservation, 1e-11, "Σ LogDensity");
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-3)]
        [InlineData(2.5)]
        [InlineData(1e17)]
        public void Trials_must_be_a_whole_number_of_at_least_one(double trials)
        {
            var e = Assert.Throws<EstimationException>(() => Family(trials));
            Assert.Equal("InvalidParameterValue", e.ErrorId);
            Assert.Contains("whole number", e.Message);
        }

        [Fact]
        public void Missing_trials_says_how_to_give_them()
        {
            var e = Assert.Throws<EstimationException>(() => DistributionFamilies.Create(DistributionName.Binomial, new Dictionary<string, double>()));
            Assert.Equal("MissingParameter", e.ErrorId);
            Assert.Contains("-Fixed @{ Trials = n }", e.Message);
        }

        [Fact]
        public void Trials_is_a_constant_of_the_estimate()
        {
            var family = Family(10);
            Assert.Equal(10.0, family.Constants["Trials"]);
            Assert.Equal(new[] { "P" }, new[] { family.Parameters[0].Name });
        }

        [Fact]
        public void Values_outside_the_support()
        {
            var family = Family(10);
            var free = new double?[1];
            Assert.True(family.CanFit(0, free) && family.CanFit(10, free));
            Assert.False(family.CanFit(11, free));
            Assert.False(family.CanFit(2.5, free));
            Assert.False(family.CanFit(-1, free));
            Assert.False(family.AcceptsBooleans);
            Assert.False(family.IsInSupport(3, new[] { 0.0 }));
            Assert.False(family.IsInSupport(3, new[] { 1.0 }));
            Assert.True(family.IsInSupport(10, new[] { 1.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(11, new[] { 0.5 }));
            Assert.Equal(0.0, family.LogDensity(10, new[] { 1.0 }));
        }
    }
}
