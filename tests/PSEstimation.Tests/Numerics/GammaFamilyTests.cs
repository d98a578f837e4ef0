using System;
using System.Linq;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    public class GammaFamilyTests
    {
        /// <summary>
        /// A second data set, made with numpy 1.24.2:
        /// rng = numpy.random.default_rng(20240611); g = numpy.round(rng.gamma(0.7, 3.0, 40), 4)
        /// (the first of three draws from that generator; BetaFamilyTests and WeibullFamilyTests use the next two).
        /// </summary>
        internal static readonly double[] Data =
        {
            0.279, 0.4517, 3.5707, 1.268, 3.515, 3.6538, 4.6763, 0.2128, 2.0956, 7.1562, 0.6619, 0.4828, 0.0471, 0.5246,
            0.1946, 1.0867, 1.4586, 1.2371, 0.07, 1.3797, 0.5778, 2.0176, 5.4081, 1.1594, 0.0368, 2.2255, 1.0925, 3.1677,
            3.4889, 0.7693, 1.5089, 4.2831, 2.7118, 1.2406, 0.9746, 0.9263, 0.2684, 1.4512, 0.9767, 0.0148,
        };

        internal static MLEstimate Fit(double[] data, double?[]? fixedValues = null, Action<string>? trace = null)
            => CoreFit.Fit(new GammaFamily(), data, fixedValues, checkSupport: true, trace: trace);

        [Fact]
        public void Nll_reference_case_small_gamma_nonopt()
        {
            // tests/reference/nll.json, case small_gamma_nonopt (analytic, checked with R dgamma,
            // numDeriv and scipy): NLL 8.296349297242857, gradient of the NLL (-0.7669446921663403,
            // -0.40000000000000036), Fisher information [[3.8696044010893598, -6], [-6, 12]].
            var testCase = ReferenceData.Case("nll", "small_gamma_nonopt");
            var data = ReferenceData.Doubles(testCase.GetProperty("Data"));
            var p = ReferenceData.Numbers(testCase, "Parameter");
            var theta = new[] { p["Shape"], p["Rate"] };
            var gradient = ReferenceData.Doubles(testCase.GetProperty("Gradient"));
            var fisher = testCase.GetProperty("FisherInformation").EnumerateArray().Select(ReferenceData.Doubles).ToArray();
            var family = new GammaFamily();

            double nll = -data.Sum(x => family.LogDensity(x, theta));
            Tolerance.Relative(testCase.GetProperty("Value").GetDouble(), nll, 1e-13, "NLL");
            var score = new double[2];
            foreach (double x in data)
            {
                family.AddScore(x, 1.0, theta, score);
            }

            var info = family.ExpectedInformation(theta);
            for (int i = 0; i < 2; i++)
            {
                Tolerance.Relative(gradient[i], -score[i], 1e-13, $"gradient[{i}]");
                for (int j = 0; j < 2; j++)
                {
                    Tolerance.Relative(fisher[i][j], data.Length * info[i, j], 1e-13, $"I[{i},{j}]");
                }
            }

            // The streaming accumulator gives the same numbers from its sufficient statistics, and
            // the observed information equals the expected one (the Hessian does not involve x).
            var sample = family.CreateAccumulator();
            sample.AddRange(data);
            Tolerance.Relative(-testCase.GetProperty("Value").GetDouble(), family.LogLikelihood(sample, theta), 1e-13, "log L (streamed)");
            var streamedScore = family.Score(sample, theta);
            var hessian = family.Hessian(sample, theta);
            for (int i = 0; i < 2; i++)
            {
                Tolerance.Relative(gradient[i], -streamedScore[i], 1e-12, $"streamed gradient[{i}]");
                for (int j = 0; j < 2; j++)
                {
                    Tolerance.Relative(fisher[i][j], -hessian[i, j], 1e-13, $"-H[{i},{j}]");
                }
            }
        }

        [Theory]
        [InlineData(1e-300, 345.16197259646214)]
        [InlineData(2.5, -5.683936718581805)]
        [InlineData(40.0, -82.07023107970168)]
        public void Log_density_matches_scipy(double x, double expected)
        {
            // scipy 1.10.1: scipy.stats.gamma.logpdf(x, 0.5, scale=1/2.0).
            Tolerance.Relative(expected, new GammaFamily().LogDensity(x, new[] { 0.5, 2.0 }), 1e-13, $"log f({x})");
        }

        [Fact]
        public void Outside_the_support()
        {
            var family = new GammaFamily();
            Assert.False(family.CanFit(0, new double?[2]));
            Assert.False(family.CanFit(-1, new double?[2]));
            Assert.True(family.CanFit(5e-324, new double?[2]));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(0, new[] { 2.0, 1.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(-3, new[] { 2.0, 1.0 }));
        }

        [Theory]
        [InlineData(2.0, 1.0)]
        [InlineData(0.3, 4.5)]
        [InlineData(250.0, 0.02)]
        public void Analytic_derivatives_match_finite_differences(double shape, double rate)
            => FiniteDifferences.AssertDerivatives(new GammaFamily(), new[] { 0.2, 1.5, 3.0, 11.0 }, new[] { shape, rate });

        [Fact]
        public void Fit_matches_scipy_on_a_second_data_set()
        {
            // scipy 1.10.1: a, loc, scale = scipy.stats.gamma.fit(g, floc=0), polished with
            // scipy.optimize.minimize (Nelder-Mead xatol 1e-13, then BFGS gtol 1e-12) on
            // -scipy.stats.gamma.logpdf(g, a, scale=1/rate).sum(), then scipy.optimize.root (hybr,
            // tol 1e-15) on the score n(log rate - digamma(a)) + Σ log x, n a/rate - Σ x. The score
            // there, re-evaluated with mpmath at 40 digits: (-1.1e-15, -5.5e-15). Standard errors:
            // inverse of minus the Richardson-extrapolated central-difference Hessian of scipy's
            // log-likelihood; log-likelihood: scipy.stats.gamma.logpdf(...).sum().
            var fit = Fit(Data);
            Tolerance.Relative(0.9200066609847174, fit.Parameters[0].Value, 1e-9, "Shape");
            Tolerance.Relative(0.5386282414703961, fit.Parameters[1].Value, 1e-9, "Rate");
            Tolerance.Relative(0.17978762700919879, fit.Parameters[0].StandardError!.Value, 1e-6, "SE(Shape)");
            Tolerance.Relative(0.13770635077005225, fit.Parameters[1].StandardError!.Value, 1e-6, "SE(Rate)");
            Tolerance.Relative(-61.321080681327274, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(4 + 2 * 61.321080681327274, fit.AIC, 1e-12, "AIC");
            Assert.True(fit.Converged);
            Assert.InRange(fit.Iterations, 1, 20);
            Assert.Equal(40, fit.SampleSize);
            Tolerance.Absolute(0, fit.Score[0], 1e-9, "Score[Shape]");
            Tolerance.Absolute(0, fit.Score[1], 1e-9, "Score[Rate]");
            // Observed = expected information for the Gamma: the reported Fisher information
            // inverts to the reported covariance.
            double det = fit.FisherInformation[0, 0] * fit.FisherInformation[1, 1] - fit.FisherInformation[0, 1] * fit.FisherInformation[1, 0];
            Tolerance.Relative(fit.FisherInformation[1, 1] / det, fit.Covariance[0, 0], 1e-10, "Var(Shape)");
        }

        [Fact]
        public void Fixed_shape_gives_the_closed_form_rate()
        {
            // Rate = Shape / mean (hand derivation; scipy 1.10.1 scipy.stats.gamma.fit(g, f0=2,
            // floc=0) gives 1/scale = 1.170922482004385 as well). Log-likelihood
            // scipy.stats.gamma.logpdf(g, 2, scale=1/rate).sum() = -71.31111886753102; SE from
            // the central-difference second derivative of that log-likelihood: 0.13091311254229726.
            var fit = Fit(Data, new double?[] { 2.0, null });
            Tolerance.Relative(1.170922482004385, fit.Parameters[1].Value, 1e-13, "Rate");
            Tolerance.Relative(-71.31111886753102, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(0.13091311254229726, fit.Parameters[1].StandardError!.Value, 1e-6, "SE(Rate)");
            Assert.Equal(0.0, fit.Parameters[0].StandardError);
            Assert.True(fit.Parameters[0].Fixed);
            Assert.Equal("Closed form", fit.Method);
            Tolerance.Relative(2 + 2 * 71.31111886753102, fit.AIC, 1e-12, "AIC (one free parameter)");
        }

        [Fact]
        public void Fixed_rate_solves_digamma_of_shape()
        {
            // ψ(Shape) = log(Rate) + mean(log x): scipy 1.10.1 scipy.stats.gamma.fit(g, floc=0,
            // fscale=1.0), polished by scipy.optimize.brentq on digamma(a) - mean(log g) (rtol
            // 1e-15); mpmath residual 4e-17. Log-likelihood scipy.stats.gamma.logpdf(g, a).sum(),
            // SE from its central-difference second derivative.
            var fit = Fit(Data, new double?[] { null, 1.0 });
            Tolerance.Relative(1.3645566481155307, fit.Parameters[0].Value, 1e-12, "Shape");
            Tolerance.Relative(-65.08510763262582, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(0.15345835590188495, fit.Parameters[0].StandardError!.Value, 1e-6, "SE(Shape)");
            Assert.True(fit.Converged);
        }

        [Fact]
        public void Large_shape_on_two_values_reaches_the_optimum()
        {
            // mpmath 1.2.1 (40 digits): findroot of log a - digamma(a) = log(mean) - mean(log x);
            // Rate = a / mean. Shape ≈ 218, where the log-likelihood's rounding noise exceeds the
            // last Newton gains (see NewtonRaphsonOverflowTests).
            var fit = Fit(new[] { 90.3614880908324, 78.9126516600824 });
            Tolerance.Relative(218.2703710448490089, fit.Parameters[0].Value, 1e-9, "Shape");
            Tolerance.Relative(2.578898009655009015, fit.Parameters[1].Value, 1e-9, "Rate");
            Assert.True(fit.Converged);
        }

        [Fact]
        public void Ties_and_a_value_near_zero_fit()
        {
            // mpmath 1.2.1 (40 digits), as above.
            var ties = Fit(new[] { 1.0, 1, 1, 2 });
            Tolerance.Relative(10.19256168478911, ties.Parameters[0].Value, 1e-9, "Shape (ties)");
            Tolerance.Relative(8.1540493478312878, ties.Parameters[1].Value, 1e-9, "Rate (ties)");
            var tiny = Fit(new[] { 1e-300, 2, 3, 4 });
            Tolerance.Relative(0.0056395128874802444, tiny.Parameters[0].Value, 1e-9, "Shape (1e-300)");
            Tolerance.Relative(0.002506450172213442, tiny.Parameters[1].Value, 1e-9, "Rate (1e-300)");
            Assert.True(tiny.Converged);
            Assert.NotNull(tiny.Parameters[1].StandardError);
        }

        [Fact]
        public void Close_values_keep_their_digits()
        {
            // 1e4 + {2.3, 2.5, 3.1}: mpmath 1.2.1 (50 digits) gives Shape 865850801.91992513...,
            // Rate 86562.285456822218... log(mean) - mean(log x) is 5.8e-10 here; taking the
            // difference of the two logs directly would leave about three digits of it.
            var fit = Fit(new[] { 1e4 + 2.3, 1e4 + 2.5, 1e4 + 3.1 });
            Tolerance.Relative(865850801.91992513, fit.Parameters[0].Value, 1e-9, "Shape");
            Tolerance.Relative(86562.285456822218, fit.Parameters[1].Value, 1e-9, "Rate");
        }

        [Theory]
        [InlineData(new[] { 5.0 })]
        [InlineData(new[] { 5.0, 5.0, 5.0 })]
        [InlineData(new[] { 1e-300, 1e-300 })]
        public void Constant_sample_is_a_clear_error(double[] data)
        {
            var e = Assert.Throws<EstimationException>(() => Fit(data));
            Assert.Equal("ZeroVariance", e.ErrorId);
            Assert.Contains("-Fixed", e.Message);
        }

        [Fact]
        public void Constant_sample_with_a_fixed_parameter_has_an_estimate()
        {
            // Shape fixed: Rate = 2/5 (hand). Rate fixed at 1: ψ(a) = log 5, a = 5.4917033629801498...
            // (mpmath 1.2.1 findroot).
            Tolerance.Relative(0.4, Fit(new[] { 5.0, 5, 5 }, new double?[] { 2.0, null }).Parameters[1].Value, 1e-15, "Rate");
            Tolerance.Relative(5.4917033629801498, Fit(new[] { 5.0, 5, 5 }, new double?[] { null, 1.0 }).Parameters[0].Value, 1e-12, "Shape");
        }

        [Fact]
        public void Values_too_close_for_double_precision_are_a_clear_error()
        {
            // 1e9 + {2.3, 2.5, 3.1}: the shape would be near 1e19.
            var e = Assert.Throws<EstimationException>(() => Fit(new[] { 1e9 + 2.3, 1e9 + 2.5, 1e9 + 3.1 }));
            Assert.Equal("InsufficientSpread", e.ErrorId);
            Assert.Throws<EstimationException>(() => Fit(new[] { 1.0, 1 + 1e-15 }));
        }

        [Theory]
        [InlineData(new[] { 1e-300, 1e300 })]
        [InlineData(new[] { 1e300, 2, 3, 4 })]
        [InlineData(new[] { 1e300, 2e300, 4e300 })]
        [InlineData(new[] { 1e-300, 2e-300, 4e-300 })]
        public void Extreme_scales_are_a_clear_error_not_infinity(double[] data)
        {
            // The information on Rate, n·Shape/Rate², is beyond a double at these scales
            // (e.g. 2·0.00144/(2.9e-303)² for the first), so neither Newton nor the covariance can run.
            var e = Assert.Throws<EstimationException>(() => Fit(data));
            Assert.Equal("InformationOutOfRange", e.ErrorId);
            Assert.Contains("Divide the values by", e.Message);
        }

        [Fact]
        public void Rescaling_the_data_leaves_the_shape_and_scales_the_rate()
        {
            // The Gamma is a scale family (hand): x → c·x maps (Shape, Rate) to (Shape, Rate/c).
            // With c = 1e-150 the Rate is near 1e150 and its information near 1e-300, still a double.
            var unit = Fit(new[] { 1.0, 2, 4 });
            var tiny = Fit(new[] { 1e-150, 2e-150, 4e-150 });
            Tolerance.Relative(unit.Parameters[0].Value, tiny.Parameters[0].Value, 1e-12, "Shape");
            Tolerance.Relative(unit.Parameters[1].Value * 1e150, tiny.Parameters[1].Value, 1e-12, "Rate");
            Tolerance.Relative(unit.Parameters[1].StandardError!.Value * 1e150, tiny.Parameters[1].StandardError!.Value, 1e-9, "SE(Rate)");
        }

        [Fact]
        public void Weights_equal_repeated_rows_and_the_bulk_path_equals_single_adds()
        {
            var family = new GammaFamily();
            var weighted = family.CreateAccumulator();
            weighted.Add(1.5, 3);
            weighted.Add(4.0, 2);
            var single = family.CreateAccumulator();
            foreach (double x in new[] { 1.5, 1.5, 1.5, 4.0, 4.0 })
            {
                single.Add(x, 1);
            }

            var bulk = family.CreateAccumulator();
            bulk.AddRange(new[] { 1.5, 1.5, 1.5, 4.0, 4.0 });
            var theta = new[] { 1.7, 0.9 };
            foreach (var other in new[] { weighted, bulk })
            {
                Tolerance.Relative(family.LogLikelihood(single, theta), family.LogLikelihood(other, theta), 1e-14, "log L");
                Tolerance.Relative(family.Score(single, theta)[0], family.Score(other, theta)[0], 1e-13, "score");
            }
        }

        [Fact]
        public void Verbose_trace_has_a_line_per_iteration()
        {
            var lines = new System.Collections.Generic.List<string>();
            var fit = Fit(Data, trace: lines.Add);
            Assert.StartsWith("Starting values: ", lines[0]);
            Assert.Equal(fit.Iterations, lines.Count(l => l.StartsWith("Newton iteration", StringComparison.Ordinal)));
        }
    }
}
