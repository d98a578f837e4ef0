using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    public class WeibullFamilyTests
    {
        /// <summary>
        /// A second data set, made with numpy 1.24.2: rng = numpy.random.default_rng(20240611);
        /// after the Gamma and Beta draws of the other tests, w = numpy.round(rng.weibull(0.8, 40) * 5.0, 4).
        /// </summary>
        internal static readonly double[] Data =
        {
            2.6475, 0.6504, 4.336, 1.0896, 5.3906, 9.0644, 15.0006, 14.6258, 4.2239, 8.7017, 4.4349, 3.0225, 2.5574,
            0.0124, 4.3188, 5.3288, 2.5386, 1.5943, 3.9713, 11.2673, 0.5497, 0.2596, 7.0588, 3.377, 14.3768, 0.6481,
            1.3866, 18.6479, 10.7967, 0.8396, 0.9862, 3.5162, 8.589, 1.5547, 3.8313, 12.6866, 3.987, 0.7562, 3.7942, 11.6898,
        };

        internal static MLEstimate Fit(double[] data, double?[]? fixedValues = null)
            => CoreFit.Fit(new WeibullFamily(), data, fixedValues, checkSupport: true);

        [Fact]
        public void Fit_matches_scipy_on_a_second_data_set()
        {
            // scipy 1.10.1: c, loc, scale = scipy.stats.weibull_min.fit(w, floc=0), polished with
            // scipy.optimize.minimize (Nelder-Mead xatol 1e-13, then BFGS gtol 1e-12) on
            // -scipy.stats.weibull_min.logpdf(w, c, scale=s).sum(), then scipy.optimize.root (hybr,
            // tol 1e-15) on the score n/k + Σ log(x/s)(1 - (x/s)^k), (k/s) Σ ((x/s)^k - 1). mpmath
            // (40 digits) score there: (-2.8e-16, -4.8e-16). SE: inverse of minus the
            // Richardson-extrapolated central-difference Hessian of scipy's log-likelihood.
            var fit = Fit(Data);
            Tolerance.Relative(1.023799675419529, fit.Parameters[0].Value, 1e-9, "Shape");
            Tolerance.Relative(5.40178238659058, fit.Parameters[1].Value, 1e-9, "Scale");
            Tolerance.Relative(0.1297866041502501, fit.Parameters[0].StandardError!.Value, 1e-6, "SE(Shape)");
            Tolerance.Relative(0.8758896591688676, fit.Parameters[1].StandardError!.Value, 1e-6, "SE(Scale)");
            Tolerance.Relative(-107.08716767553187, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(2 * Math.Log(40) + 2 * 107.08716767553187, fit.BIC, 1e-12, "BIC");
            Assert.True(fit.Converged);
            Assert.InRange(fit.Iterations, 1, 30);
            Tolerance.Absolute(0, fit.Score[0], 1e-9, "Score[Shape]");
            Tolerance.Absolute(0, fit.Score[1], 1e-9, "Score[Scale]");
        }

        [Fact]
        public void Fixed_scale_fits_the_shape()
        {
            // scipy 1.10.1: scipy.stats.weibull_min.fit(w, floc=0, fscale=5.0), polished by
            // scipy.optimize.brentq on n/k + Σ log(x/5)(1 - (x/5)^k) (rtol 1e-15); mpmath residual
            // -5e-15. Log-likelihood scipy.stats.weibull_min.logpdf(w, k, scale=5).sum(); SE from its
            // central-difference second derivative.
            var fit = Fit(Data, new double?[] { null, 5.0 });
            Tolerance.Relative(1.0021964171907065, fit.Parameters[0].Value, 1e-10, "Shape");
            Tolerance.Relative(-107.19910300626337, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(0.11795156186450355, fit.Parameters[0].StandardError!.Value, 1e-6, "SE(Shape)");
        }

        [Fact]
        public void Fixed_shape_gives_the_closed_form_scale()
        {
            // Scale = (mean x^1.5)^(1/1.5) (hand derivation), numpy 1.24.2: 6.331255223810235
            // (scipy.stats.weibull_min.fit(w, f0=1.5, floc=0) stops at 6.3312529, 4e-7 short).
            // Log-likelihood scipy.stats.weibull_min.logpdf(w, 1.5, scale=6.331255223810235).sum();
            // SE from its central-difference second derivative.
            var fit = Fit(Data, new double?[] { 1.5, null });
            Tolerance.Relative(6.331255223810235, fit.Parameters[1].Value, 1e-13, "Scale");
            Tolerance.Relative(-112.5173067153549, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(0.6673728568430315, fit.Parameters[1].StandardError!.Value, 1e-6, "SE(Scale)");
            Assert.Equal("Closed form", fit.Method);
        }

        [Fact]
        public void Closed_form_scale_survives_huge_powers()
        {
            // Shape 50 on {1e150, 5e149}: Σ x^50 = 1e7500 overflows, but Scale = (mean x^k)^(1/k)
            // = 1e150 · ((1 + 2⁻⁵⁰)/2)^(1/50) (hand, dividing by the maximum first).
            var fit = Fit(new[] { 1e150, 5e149 }, new double?[] { 50.0, null });
            Tolerance.Relative(1e150 * Math.Pow((1 + Math.Pow(0.5, 50)) / 2, 1.0 / 50), fit.Parameters[1].Value, 1e-13, "Scale");
            Assert.True(double.IsFinite(fit.LogLikelihood));
            Assert.NotNull(fit.Parameters[1].StandardError);
        }

        [Theory]
        [InlineData(1e-300, 137.05307219739402)]
        [InlineData(2.5, -2.149572603070735)]
        [InlineData(40.0, -9.782195260852095)]
        public void Log_density_matches_scipy(double x, double expected)
        {
            // scipy 1.10.1: scipy.stats.weibull_min.logpdf(x, 0.8, scale=3.0).
            Tolerance.Relative(expected, new WeibullFamily().LogDensity(x, new[] { 0.8, 3.0 }), 1e-13, $"log f({x})");
        }

        [Fact]
        public void Support()
        {
            var family = new WeibullFamily();
            Assert.False(family.CanFit(0, new double?[2]));
            Assert.False(family.CanFit(-1, new double?[2]));
            Assert.True(family.CanFit(1e-300, new double?[2]));
            // f(0) = 1/λ for k = 1 (the exponential), 0 for k > 1 (hand).
            Tolerance.Relative(-Math.Log(2.0), family.LogDensity(0, new[] { 1.0, 2.0 }), 1e-15, "log f(0), k = 1");
            Assert.Equal(double.NegativeInfinity, family.LogDensity(0, new[] { 1.5, 2.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(-1, new[] { 0.5, 2.0 }));
            var hessian = new double[2, 2];
            family.AddHessian(0, 1, new[] { 0.5, 2.0 }, hessian);
            Assert.False(double.IsNaN(hessian[0, 0]) || double.IsNaN(hessian[0, 1]) || double.IsNaN(hessian[1, 1]));
        }

        [Theory]
        [InlineData(1.7, 2.3)]
        [InlineData(0.4, 0.05)]
        [InlineData(30.0, 5.0)]
        public void Analytic_derivatives_match_finite_differences(double shape, double scale)
            => FiniteDifferences.AssertDerivatives(new WeibullFamily(), new[] { 0.03, 1.1, 2.4, 4.9, 5.2 }, new[] { shape, scale });

        [Fact]
        public void Sample_level_sums_equal_the_per_observation_ones()
        {
            var family = new WeibullFamily();
            var sample = family.CreateAccumulator();
            sample.AddRange(Data);
            var theta = new[] { 1.3, 4.0 };
            double logLik = 0;
            var score = new double[2];
            var hessian = new double[2, 2];
            foreach (double x in Data)
            {
                logLik += family.LogDensity(x, theta);
                family.AddScore(x, 1, theta, score);
                family.AddHessian(x, 1, theta, hessian);
            }

            Tolerance.Relative(logLik, family.LogLikelihood(sample, theta), 1e-13, "log L");
            var sampleScore = family.Score(sample, theta);
            var sampleHessian = family.Hessian(sample, theta);
            for (int i = 0; i < 2; i++)
            {
                Tolerance.Relative(score[i], sampleScore[i], 1e-12, $"score[{i}]");
                for (int j = 0; j < 2; j++)
                {
                    Tolerance.Relative(hessian[i, j], sampleHessian[i, j], 1e-12, $"H[{i},{j}]");
                }
            }
        }

        [Fact]
        public void Expected_information_is_the_mean_negative_hessian()
        {
            // E[-∂² log f] by the midpoint rule over 200000 quantiles x = λ(-log(1 - u))^(1/k),
            // against the closed form; and I_kk·k² = π²/6 + (1 - γ)² = 1.8236806608528... (hand).
            var family = new WeibullFamily();
            var theta = new[] { 1.7, 2.3 };
            const int n = 200000;
            var hessian = new double[2, 2];
            for (int i = 0; i < n; i++)
            {
                double u = (i + 0.5) / n;
                family.AddHessian(theta[1] * Math.Pow(-Math.Log(1 - u), 1 / theta[0]), 1.0 / n, theta, hessian);
            }

            var info = family.ExpectedInformation(theta);
            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j < 2; j++)
                {
                    Tolerance.Relative(-hessian[i, j], info[i, j], 1e-3, $"I[{i},{j}]");
                }
            }

            double gamma = 0.5772156649015329;
            Tolerance.Relative(Math.PI * Math.PI / 6 + (1 - gamma) * (1 - gamma), info[0, 0] * 1.7 * 1.7, 1e-14, "I_kk k²");
        }

        [Fact]
        public void Values_1e_minus_300_and_1e300_fit()
        {
            // x = 1e∓300 (hand): with L = 300 log 10 the score equations reduce to t·tanh t = 1,
            // t = kL = 1.1996786402577338 (mpmath), and Scale^k = cosh t. mpmath 1.2.1 (40 digits)
            // on the profile equation: Shape 0.0017367127117371005, Scale 2.4831973232591312e148.
            var fit = Fit(new[] { 1e-300, 1e300 });
            Tolerance.Relative(1.1996786402577338 / (300 * Math.Log(10)), fit.Parameters[0].Value, 1e-9, "Shape (t/L)");
            Tolerance.Relative(0.0017367127117371005, fit.Parameters[0].Value, 1e-9, "Shape");
            Tolerance.Relative(2.4831973232591312e148, fit.Parameters[1].Value, 1e-9, "Scale");
            Assert.True(fit.Converged);

            // A value near 0 among ordinary ones: mpmath, same method.
            var tiny = Fit(new[] { 1e-300, 2, 3, 4 });
            Tolerance.Relative(0.0059128529007249548, tiny.Parameters[0].Value, 1e-9, "Shape (1e-300, 2, 3, 4)");
            Tolerance.Relative(5.4770130518541965e-21, tiny.Parameters[1].Value, 1e-9, "Scale (1e-300, 2, 3, 4)");
        }

        [Fact]
        public void Ties_and_close_values_fit()
        {
            // mpmath 1.2.1 (40-50 digits) on the profile equation 1/k + mean(log x) = Σ x^k log x / Σ x^k.
            var ties = Fit(new[] { 1.0, 1, 1, 2 });
            Tolerance.Relative(3.0122128835522008, ties.Parameters[0].Value, 1e-9, "Shape (ties)");
            Tolerance.Relative(1.401971382094802, ties.Parameters[1].Value, 1e-9, "Scale (ties)");
            var close = Fit(new[] { 102.3, 102.5, 103.1 });
            Tolerance.Relative(310.11778753297449932, close.Parameters[0].Value, 1e-9, "Shape (close)");
            Tolerance.Relative(102.81013883653705526, close.Parameters[1].Value, 1e-12, "Scale (close)");
            var offset = Fit(new[] { 1e9 + 2.3, 1e9 + 2.5, 1e9 + 3.1 });
            Tolerance.Relative(3018435791.0227051722, offset.Parameters[0].Value, 1e-9, "Shape (1e9 offset)");
            Tolerance.Relative(1000000002.8107193499, offset.Parameters[1].Value, 1e-14, "Scale (1e9 offset)");
        }

        [Theory]
        [InlineData(new[] { 5.0 })]
        [InlineData(new[] { 5.0, 5.0, 5.0 })]
        public void Constant_sample_is_a_clear_error(double[] data)
        {
            var e = Assert.Throws<EstimationException>(() => Fit(data));
            Assert.Equal("ZeroVariance", e.ErrorId);
            Assert.Contains("-Fixed", e.Message);
        }

        [Fact]
        public void Constant_sample_with_a_fixed_parameter()
        {
            // Scale fixed at 1, values 5: 1/k = r(e^{kr} - 1) with r = log 5, k = 0.50108549575338039 (mpmath).
            Tolerance.Relative(0.50108549575338039, Fit(new[] { 5.0, 5, 5 }, new double?[] { null, 1.0 }).Parameters[0].Value, 1e-10, "Shape");
            // Shape fixed: Scale = 5 (hand).
            Tolerance.Relative(5.0, Fit(new[] { 5.0, 5, 5 }, new double?[] { 2.0, null }).Parameters[1].Value, 1e-14, "Scale");
            // All values equal the fixed Scale: Shape → ∞.
            Assert.Equal("ZeroVariance", Assert.Throws<EstimationException>(() => Fit(new[] { 5.0, 5 }, new double?[] { null, 5.0 })).ErrorId);
        }

        [Fact]
        public void Values_too_close_for_double_precision_are_a_clear_error()
        {
            var e = Assert.Throws<EstimationException>(() => Fit(new[] { 1.0, 1 + 1e-15 }));
            Assert.Equal("InsufficientSpread", e.ErrorId);
        }

        [Theory]
        [InlineData(new[] { 1e300, 2e300, 4e300 })]
        [InlineData(new[] { 1e-300, 2e-300, 4e-300 })]
        [InlineData(new[] { 1e300, 1.7e308 })]
        public void Extreme_scales_are_a_clear_error_not_infinity(double[] data)
        {
            // n·k²/λ² for λ near 1e300 (1e-300) underflows (overflows) a double.
            var e = Assert.Throws<EstimationException>(() => Fit(data));
            Assert.Equal("InformationOutOfRange", e.ErrorId);
            Assert.Equal("InformationOutOfRange", Assert.Throws<EstimationException>(() => Fit(data, new double?[] { 2.0, null })).ErrorId);
        }

        [Fact]
        public void Weights_equal_repeated_rows()
        {
            var family = new WeibullFamily();
            var weighted = family.CreateAccumulator();
            weighted.Add(1.5, 3);
            weighted.Add(4.0, 2);
            var expanded = family.CreateAccumulator();
            expanded.AddRange(new[] { 1.5, 1.5, 1.5, 4.0, 4.0 });
            var estimator = new MaximumLikelihoodEstimator(family, 0.95);
            var a = estimator.Fit(weighted, new double?[2], CancellationToken.None);
            var b = estimator.Fit(expanded, new double?[2], CancellationToken.None);
            Tolerance.Relative(b.Parameters[0].Value, a.Parameters[0].Value, 1e-12, "Shape");
            Tolerance.Relative(b.LogLikelihood, a.LogLikelihood, 1e-12, "LogLikelihood");
        }
    }
}
