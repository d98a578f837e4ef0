using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    public class ExponentialFamilyTests
    {
        private static readonly double[] Small = { 0.5, 1.2, 0.3, 2.2, 0.9 };

        private static MLEstimate Fit(double[] data, double?[]? fixedValues = null)
            => CoreFit.Fit(new ExponentialFamily(), data, fixedValues);

        [Fact]
        public void Nll_reference_case_through_the_per_observation_functions()
        {
            // tests/reference/nll.json small_exponential_nonopt: Rate 1, NLL 5.1, gradient of the NLL 0.1, Fisher information 5.
            var testCase = ReferenceData.Case("nll", "small_exponential_nonopt");
            var data = ReferenceData.Doubles(testCase.GetProperty("Data"));
            var theta = new[] { ReferenceData.Numbers(testCase, "Parameter")["Rate"] };
            var family = new ExponentialFamily();
            double logLik = 0;
            var score = new double[1];
            foreach (double x in data)
            {
                logLik += family.LogDensity(x, theta);
                family.AddScore(x, 1.0, theta, score);
            }

            Tolerance.Relative(testCase.GetProperty("Value").GetDouble(), -logLik, 1e-14, "NLL");
            Tolerance.Relative(testCase.GetProperty("Gradient")[0].GetDouble(), -score[0], 1e-12, "gradient");
            double fisher = data.Length * family.ExpectedInformation(theta)[0, 0];
            Tolerance.Relative(testCase.GetProperty("FisherInformation")[0][0].GetDouble(), fisher, 1e-14, "Fisher");

            // The streaming sample-level functions agree with the sums.
            var sample = family.CreateAccumulator();
            sample.AddRange(data);
            Tolerance.Relative(logLik, family.LogLikelihood(sample, theta), 1e-14, "LogLikelihood (streamed)");
            Tolerance.Relative(score[0], family.Score(sample, theta)[0], 1e-12, "Score (streamed)");
        }

        [Fact]
        public void Closed_form_is_n_over_the_sum()
        {
            // Hand derivation: Rate = 5 / 5.1; log L = n log Rate - Rate Σx = 5 log(5/5.1) - 5;
            // observed information n / Rate², so SE = Rate / sqrt(n). scipy 1.10 expon.fit(data, floc=0)
            // gives scale 1.02 = 1/Rate.
            var fit = Fit(Small);
            double rate = 5 / 5.1;
            Tolerance.Relative(1 / 1.02, fit.Parameters[0].Value, 1e-14, "Rate");
            Tolerance.Relative(5 * Math.Log(rate) - 5, fit.LogLikelihood, 1e-14, "LogLikelihood");
            Tolerance.Relative(rate / Math.Sqrt(5), fit.Parameters[0].StandardError!.Value, 1e-12, "SE");
            Tolerance.Relative(5 / (rate * rate), fit.FisherInformation[0, 0], 1e-12, "FisherInformation");
            Tolerance.Absolute(0, fit.Score[0], 1e-12, "Score");
            Assert.Equal("Closed form", fit.Method);
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
        {
            FiniteDifferences.AssertDerivatives(new ExponentialFamily(), new[] { 0.0, 0.3, 2.5, 7.0 }, new[] { 0.8 });
            FiniteDifferences.AssertDerivatives(new ExponentialFamily(), new[] { 1e-3, 0.02 }, new[] { 45.0 });
        }

        [Fact]
        public void Expected_information_is_one_over_rate_squared()
        {
            // Hand: -E[∂²/∂λ² (log λ - λx)] = 1/λ², which is also the observed information per observation.
            var family = new ExponentialFamily();
            Assert.Equal(1 / 6.25, family.ExpectedInformation(new[] { 2.5 })[0, 0], 15);
            var hessian = new double[1, 1];
            family.AddHessian(3.7, 1.0, new[] { 2.5 }, hessian);
            Assert.Equal(-family.ExpectedInformation(new[] { 2.5 })[0, 0], hessian[0, 0], 15);
        }

        [Fact]
        public void Fixed_rate_is_returned_as_given()
        {
            var fit = Fit(Small, new double?[] { 2.0 });
            Assert.Equal(2.0, fit.Parameters[0].Value);
            Assert.True(fit.Parameters[0].Fixed);
            Assert.Equal(0.0, fit.Parameters[0].StandardError);
            // Hand: 5 log 2 - 2 · 5.1; no free parameter, so AIC = -2 log L.
            Tolerance.Relative(5 * Math.Log(2) - 10.2, fit.LogLikelihood, 1e-14, "LogLikelihood");
            Tolerance.Relative(-2 * fit.LogLikelihood, fit.AIC, 1e-14, "AIC");
        }

        [Fact]
        public void One_value_and_ties()
        {
            Tolerance.Relative(0.5, Fit(new[] { 2.0 }).Parameters[0].Value, 1e-15, "n = 1");
            // Hand: 4 / (1 + 1 + 1 + 3) = 2/3.
            Tolerance.Relative(2.0 / 3, Fit(new[] { 1.0, 1, 1, 3 }).Parameters[0].Value, 1e-15, "ties");
            // Zeros are in the support and count: 3 / (0 + 0 + 6) = 0.5.
            Tolerance.Relative(0.5, Fit(new[] { 0.0, 0, 6 }).Parameters[0].Value, 1e-15, "with zeros");
        }

        [Fact]
        public void All_zero_sample_is_a_clear_error()
        {
            var e = Assert.Throws<EstimationException>(() => Fit(new[] { 0.0, 0, 0 }));
            Assert.Equal("AllValuesZero", e.ErrorId);
            Assert.Contains("-Fixed", e.Message);
        }

        [Fact]
        public void Extreme_magnitudes()
        {
            // 1e-300: Rate 1e300 (hand), log L = n (log 1e300 - 1).
            var tiny = Fit(new[] { 1e-300, 1e-300 });
            Tolerance.Relative(1e300, tiny.Parameters[0].Value, 1e-14, "Rate (tiny)");
            Tolerance.Relative(2 * (300 * Math.Log(10) - 1), tiny.LogLikelihood, 1e-13, "LogLikelihood (tiny)");

            // 1e308 + 1.5e308 overflows a plain sum; the mean 1.25e308 does not: Rate = 1 / 1.25e308.
            var huge = Fit(new[] { 1e308, 1.5e308 });
            Tolerance.Relative(1 / 1.25e308, huge.Parameters[0].Value, 1e-13, "Rate (huge)");
            Assert.False(double.IsInfinity(huge.LogLikelihood) || double.IsNaN(huge.LogLikelihood));

            // 5e-324 alone: the rate 1/5e-324 is beyond the largest double.
            var e = Assert.Throws<EstimationException>(() => Fit(new[] { double.Epsilon }));
            Assert.Equal("RateOverflow", e.ErrorId);
        }

        [Fact]
        public void Support_is_checked()
        {
            var family = new ExponentialFamily();
            Assert.False(family.CanFit(-1, new double?[1]));
            Assert.False(family.CanFit(-double.Epsilon, new double?[1]));
            Assert.True(family.CanFit(0, new double?[1]));
            Assert.True(family.IsInSupport(0, new[] { 1.0 }));
            Assert.False(family.IsInSupport(-0.5, new[] { 1.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(-0.5, new[] { 1.0 }));
        }

        [Fact]
        public void Weights_equal_repeated_rows()
        {
            var family = new ExponentialFamily();
            var weighted = family.CreateAccumulator();
            weighted.Add(1.0, 3);
            weighted.Add(4.0, 2);
            var expanded = family.CreateAccumulator();
            expanded.AddRange(new[] { 1.0, 1, 1, 4, 4 });
            var estimator = new MaximumLikelihoodEstimator(family, 0.95);
            var a = estimator.Fit(weighted, new double?[1], CancellationToken.None);
            var b = estimator.Fit(expanded, new double?[1], CancellationToken.None);
            Tolerance.Relative(5.0 / 11, a.Parameters[0].Value, 1e-15, "Rate (weighted)");
            Tolerance.Relative(b.LogLikelihood, a.LogLikelihood, 1e-14, "LogLikelihood");
        }
    }
}
