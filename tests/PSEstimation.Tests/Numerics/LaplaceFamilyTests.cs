using System;
using System.Linq;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    public class LaplaceFamilyTests
    {
        private static readonly double[] Even = { 1.0, 2.0, 4.0, 10.0 };

        private static MLEstimate Fit(double[] data, double?[]? fixedValues = null)
            => CoreFit.Fit(new LaplaceFamily(), data, fixedValues);

        [Theory]
        [InlineData("seed_laplace_nonopt_1")]
        [InlineData("seed_laplace_nonopt_2")]
        public void Nll_reference_cases_through_the_per_observation_functions(string id)
        {
            // tests/reference/nll.json: NLL, gradient of the NLL (= -score) and Fisher information at non-optimal parameters.
            var testCase = ReferenceData.Case("nll", id);
            var data = ReferenceData.Doubles(testCase.GetProperty("Data"));
            var parameters = ReferenceData.Numbers(testCase, "Parameter");
            var theta = new[] { parameters["Location"], parameters["Scale"] };
            var family = new LaplaceFamily();
            double logLik = 0;
            var score = new double[2];
            foreach (double x in data)
            {
                logLik += family.LogDensity(x, theta);
                family.AddScore(x, 1.0, theta, score);
            }

            Tolerance.Relative(testCase.GetProperty("Value").GetDouble(), -logLik, 1e-14, id + " NLL");
            var gradient = testCase.GetProperty("Gradient");
            Tolerance.Relative(gradient[0].GetDouble(), -score[0], 1e-12, id + " gradient[Location]");
            Tolerance.Relative(gradient[1].GetDouble(), -score[1], 1e-12, id + " gradient[Scale]");
            var information = family.ExpectedInformation(theta);
            var fisher = testCase.GetProperty("FisherInformation");
            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j < 2; j++)
                {
                    Tolerance.Relative(fisher[i][j].GetDouble(), data.Length * information[i, j], 1e-12, $"{id} I[{i},{j}]", floor: 1);
                }
            }
        }

        [Fact]
        public void Even_sample_takes_the_midpoint_median()
        {
            // scipy 1.10.1: stats.laplace.fit([1, 2, 4, 10]) -> loc 3.0, scale 2.75;
            // sum(stats.laplace.logpdf(data, 3, 2.75)) = -10.8189923689537. (R: median(c(1, 2, 4, 10)) = 3.)
            var fit = Fit(Even);
            Assert.Equal(3.0, fit.Parameters[0].Value);
            Tolerance.Relative(2.75, fit.Parameters[1].Value, 1e-15, "Scale");
            Tolerance.Relative(-10.8189923689537, fit.LogLikelihood, 1e-13, "LogLikelihood");
            Assert.Equal(0.0, fit.Score[0]);
            Tolerance.Absolute(0, fit.Score[1], 1e-14, "Score[Scale]");
        }

        [Fact]
        public void Standard_errors_are_scale_over_root_n()
        {
            // tests/reference/README.md: the kink in Location leaves the median's asymptotic SE, Scale/sqrt(n), for both.
            var fit = Fit(Even);
            Tolerance.Relative(2.75 / 2, fit.Parameters[0].StandardError!.Value, 1e-15, "SE(Location)");
            Tolerance.Relative(2.75 / 2, fit.Parameters[1].StandardError!.Value, 1e-15, "SE(Scale)");
            Assert.Equal(0.0, fit.Covariance[0, 1]);
            Assert.Equal(0.0, fit.Covariance[1, 0]);
            Assert.StartsWith("Closed form; ", fit.Method);
            Assert.Contains("kink", fit.Method);
            Assert.Contains("Scale/sqrt(n)", fit.Method);
            // Expected information n/Scale² on the diagonal (as nll.json's Laplace cases).
            Tolerance.Relative(4 / (2.75 * 2.75), fit.FisherInformation[0, 0], 1e-15, "I[0,0]");
            Tolerance.Relative(4 / (2.75 * 2.75), fit.FisherInformation[1, 1], 1e-15, "I[1,1]");
        }

        [Fact]
        public void Ties_at_the_median()
        {
            // scipy 1.10.1: stats.laplace.fit([1, 2, 2, 2, 9]) -> loc 2.0, scale 1.6.
            var fit = Fit(new[] { 1.0, 2, 2, 2, 9 });
            Assert.Equal(2.0, fit.Parameters[0].Value);
            Tolerance.Relative(1.6, fit.Parameters[1].Value, 1e-15, "Scale");
            Assert.Equal(0.0, fit.Score[0]);
        }

        [Fact]
        public void Fixed_location_fits_the_mean_absolute_deviation_about_it()
        {
            // scipy 1.10.1: stats.laplace.fit([1, 2, 4, 10], floc=3.5) -> scale 2.75.
            // Location fixed: regular in Scale, observed information n/Scale² at the MLE (hand), SE = 2.75/2.
            var fit = Fit(Even, new double?[] { 3.5, null });
            Tolerance.Relative(2.75, fit.Parameters[1].Value, 1e-15, "Scale");
            Tolerance.Relative(2.75 / 2, fit.Parameters[1].StandardError!.Value, 1e-12, "SE(Scale)");
            Assert.Equal(0.0, fit.Parameters[0].StandardError);
            Assert.Equal("Closed form", fit.Method);
        }

        [Fact]
        public void Fixed_scale_still_takes_the_median()
        {
            var fit = Fit(Even, new double?[] { null, 1.0 });
            Assert.Equal(3.0, fit.Parameters[0].Value);
            Tolerance.Relative(0.5, fit.Parameters[0].StandardError!.Value, 1e-15, "SE(Location) = 1/sqrt(4)");
            Assert.Equal(0.0, fit.Parameters[1].StandardError);
            Assert.Equal(0.0, fit.Covariance[1, 1]);
            // Hand: log L = -4 ln 2 - Σ|x - 3| = -4 ln 2 - 11.
            Tolerance.Relative(-4 * Math.Log(2) - 11, fit.LogLikelihood, 1e-15, "LogLikelihood");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
        {
            // Away from the kink (no value within h of Location).
            FiniteDifferences.AssertDerivatives(new LaplaceFamily(), new[] { -1.2, 0.3, 2.5, 4.0 }, new[] { 0.7, 1.9 });
            FiniteDifferences.AssertDerivatives(new LaplaceFamily(), new[] { 120.0, 180.0, 95.0 }, new[] { 150.0, 0.4 });
        }

        [Theory]
        [InlineData("unweighted", 100003)]
        [InlineData("weighted", 1001)]
        [InlineData("near 1e308", 3)]
        public void Whole_sample_sums_equal_the_sums_of_the_terms(string kind, int n)
        {
            // The family's one-pass log-likelihood, score and Hessian (from Σ|x - Location| and
            // Σ sign) against the per-value terms that Analytic_derivatives_match_finite_differences checks.
            var family = new LaplaceFamily();
            var random = new Random(n);
            var sample = (BufferedSample)family.CreateAccumulator();
            double[] theta = kind == "near 1e308" ? new[] { 0.0, 1e308 } : new[] { 0.25, 1.5 };
            var values = kind == "near 1e308"
                ? new[] { 1e308, -1.5e308, 1.7e308 }
                : Enumerable.Range(0, n).Select(i => i % 10 == 0 ? 0.25 : Math.Round(random.NextDouble() * 8 - 4, 2)).ToArray();
            var weights = values.Select(_ => kind == "weighted" ? random.Next(0, 4) * 0.5 : 1.0).ToArray();
            if (kind == "unweighted")
            {
                Assert.True(sample.TryAddRange(values, BulkSupport.Real));
            }
            else
            {
                for (int i = 0; i < values.Length; i++)
                {
                    sample.Add(values[i], weights[i]);
                }
            }

            double logLik = 0;
            var score = new double[2];
            var hessian = new double[2, 2];
            for (int i = 0; i < values.Length; i++)
            {
                logLik += weights[i] * family.LogDensity(values[i], theta);
                family.AddScore(values[i], weights[i], theta, score);
                family.AddHessian(values[i], weights[i], theta, hessian);
            }

            Tolerance.Relative(logLik, family.LogLikelihood(sample, theta), 1e-12, $"{kind}: log-likelihood");
            var wholeScore = family.Score(sample, theta);
            var wholeHessian = family.Hessian(sample, theta);
            double size = values.Length / (theta[1] * theta[1]);
            for (int j = 0; j < 2; j++)
            {
                Tolerance.Relative(score[j], wholeScore[j], 1e-12, $"{kind}: score {j}", floor: values.Length / theta[1]);
                for (int k = 0; k < 2 && kind != "near 1e308"; k++)
                {
                    // (At Scale 1e308, Scale² overflows: the Hessian is not a double there.)
                    Tolerance.Relative(hessian[j, k], wholeHessian[j, k], 1e-12, $"{kind}: Hessian {j},{k}", floor: size);
                }
            }

            Assert.True(double.IsFinite(family.LogLikelihood(sample, theta)));
        }

        [Fact]
        public void Constant_samples_are_clear_errors()
        {
            var e = Assert.Throws<EstimationException>(() => Fit(new[] { 4.0, 4.0, 4.0 }));
            Assert.Equal("ZeroVariance", e.ErrorId);
            Assert.Contains("-Fixed", e.Message);
            Assert.Equal("ZeroVariance", Assert.Throws<EstimationException>(() => Fit(new[] { 4.0 })).ErrorId);
            Assert.Equal("ZeroVariance", Assert.Throws<EstimationException>(() => Fit(new[] { 4.0, 4.0 }, new double?[] { 4.0, null })).ErrorId);
            // One value with Location fixed elsewhere: Scale = |2 - 0| = 2 (hand).
            Tolerance.Relative(2, Fit(new[] { 2.0 }, new double?[] { 0, null }).Parameters[1].Value, 1e-15, "Scale (n = 1)");
        }

        [Fact]
        public void Deviation_below_the_smallest_double_is_reported()
        {
            // {0, 5e-324, 5e-324}: median 5e-324, mean absolute deviation 5e-324/3, which rounds to 0.
            var e = Assert.Throws<EstimationException>(() => Fit(new[] { 0, double.Epsilon, double.Epsilon }));
            Assert.Equal("ScaleUnderflow", e.ErrorId);
        }

        [Fact]
        public void Extreme_magnitudes()
        {
            // Hand: {1, 2, 4}·10^k: Location 2·10^k, Scale 10^k, log L = -3 ln 2 - 3 ln(10^k) - 3.
            foreach (double unit in new[] { 1e300, 1e-300 })
            {
                var fit = Fit(new[] { unit, 2 * unit, 4 * unit });
                Tolerance.Relative(2 * unit, fit.Parameters[0].Value, 1e-15, $"Location at {unit}");
                Tolerance.Relative(unit, fit.Parameters[1].Value, 1e-15, $"Scale at {unit}");
                Tolerance.Relative(-3 * Math.Log(2) - 3 * Math.Log(unit) - 3, fit.LogLikelihood, 1e-13, $"LogLikelihood at {unit}");
            }
        }

        [Fact]
        public void Every_real_value_is_in_the_support()
        {
            var family = new LaplaceFamily();
            Assert.True(family.CanFit(-1e300, new double?[2]));
            Assert.True(family.IsInSupport(-1e300, new[] { 0.0, 1.0 }));
        }

        [Fact]
        public void Weights_equal_repeated_rows()
        {
            var family = new LaplaceFamily();
            var weighted = family.CreateAccumulator();
            weighted.Add(1.0, 3);
            weighted.Add(4.0, 2);
            var expanded = family.CreateAccumulator();
            expanded.AddRange(new[] { 1.0, 1, 1, 4, 4 });
            var estimator = new MaximumLikelihoodEstimator(family, 0.95);
            var a = estimator.Fit(weighted, new double?[2], CancellationToken.None);
            var b = estimator.Fit(expanded, new double?[2], CancellationToken.None);
            // Hand: median 1, Scale = (2 · 3) / 5.
            Assert.Equal(1.0, a.Parameters[0].Value);
            Tolerance.Relative(1.2, a.Parameters[1].Value, 1e-15, "Scale");
            Tolerance.Relative(b.LogLikelihood, a.LogLikelihood, 1e-15, "LogLikelihood");
            Tolerance.Relative(b.Parameters[0].StandardError!.Value, a.Parameters[0].StandardError!.Value, 1e-15, "SE(Location)");
        }
    }
}
