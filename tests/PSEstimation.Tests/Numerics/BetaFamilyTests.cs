using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    public class BetaFamilyTests
    {
        /// <summary>
        /// A second data set, made with numpy 1.24.2: rng = numpy.random.default_rng(20240611);
        /// after the Gamma draw of GammaFamilyTests, b = numpy.round(rng.beta(0.6, 0.9, 40), 4).
        /// </summary>
        internal static readonly double[] Data =
        {
            0.6667, 0.108, 0.5643, 0.0284, 0.5208, 0.4619, 0.8248, 0.2763, 0.8251, 0.5274, 0.015, 0.6305, 0.4476, 0.6623,
            0.0167, 0.2375, 0.245, 0.6625, 0.7225, 0.5814, 0.1091, 0.382, 0.2591, 0.1631, 0.0013, 0.0758, 0.9665, 0.3835,
            0.0633, 0.0001, 0.0521, 0.8991, 0.4463, 0.0613, 0.7085, 0.2706, 0.8321, 0.0639, 0.9464, 0.7298,
        };

        internal static MLEstimate Fit(double[] data, double?[]? fixedValues = null)
            => CoreFit.Fit(new BetaFamily(), data, fixedValues, checkSupport: true);

        [Fact]
        public void Fit_matches_scipy_on_a_second_data_set()
        {
            // scipy 1.10.1: a, b, loc, scale = scipy.stats.beta.fit(b, floc=0, fscale=1), polished
            // with scipy.optimize.minimize (Nelder-Mead xatol 1e-13, then BFGS gtol 1e-12) on
            // -scipy.stats.beta.logpdf(b, a, b).sum(), then scipy.optimize.root (hybr, tol 1e-15) on
            // the score Σ log x - n(digamma(a) - digamma(a+b)), Σ log1p(-x) - n(digamma(b) - digamma(a+b)).
            // mpmath (40 digits) score there: (-7.3e-15, -5.9e-16). SE: inverse of minus the
            // Richardson-extrapolated central-difference Hessian of scipy's log-likelihood.
            var fit = Fit(Data);
            Tolerance.Relative(0.5965401600441005, fit.Parameters[0].Value, 1e-9, "Alpha");
            Tolerance.Relative(0.9345805870383778, fit.Parameters[1].Value, 1e-9, "Beta");
            Tolerance.Relative(0.11625927370620084, fit.Parameters[0].StandardError!.Value, 1e-6, "SE(Alpha)");
            Tolerance.Relative(0.2027748401118246, fit.Parameters[1].StandardError!.Value, 1e-6, "SE(Beta)");
            Tolerance.Relative(5.528764435464096, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(4 - 2 * 5.528764435464096, fit.AIC, 1e-12, "AIC");
            Tolerance.Relative(2 * Math.Log(40) - 2 * 5.528764435464096, fit.BIC, 1e-12, "BIC");
            Assert.True(fit.Converged);
            Assert.InRange(fit.Iterations, 1, 30);
            Tolerance.Absolute(0, fit.Score[0], 1e-9, "Score[Alpha]");
            Tolerance.Absolute(0, fit.Score[1], 1e-9, "Score[Beta]");
        }

        [Fact]
        public void Fixed_alpha_fits_beta()
        {
            // scipy 1.10.1: scipy.stats.beta.fit(b, f0=0.5, floc=0, fscale=1), polished by
            // scipy.optimize.brentq on mean(log1p(-b)) - digamma(t) + digamma(0.5 + t) (rtol 1e-15);
            // mpmath residual -1.6e-17. Log-likelihood scipy.stats.beta.logpdf(b, 0.5, t).sum(); SE
            // from its central-difference second derivative.
            var fit = Fit(Data, new double?[] { 0.5, null });
            Tolerance.Relative(0.8363655849314778, fit.Parameters[1].Value, 1e-10, "Beta");
            Tolerance.Relative(5.137672330984671, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(0.15388164921958813, fit.Parameters[1].StandardError!.Value, 1e-6, "SE(Beta)");
            Assert.Equal(0.0, fit.Parameters[0].StandardError);
            Tolerance.Relative(2 - 2 * 5.137672330984671, fit.AIC, 1e-12, "AIC (one free parameter)");
        }

        [Theory]
        [InlineData(1e-300, 207.57251307961445)]
        [InlineData(0.3, 0.16603413554000557)]
        [InlineData(1 - 1e-16, -54.765346144365324)]
        public void Log_density_matches_scipy(double x, double expected)
        {
            // scipy 1.10.1: scipy.stats.beta.logpdf(x, 0.7, 2.5).
            Tolerance.Relative(expected, new BetaFamily().LogDensity(x, new[] { 0.7, 2.5 }), 1e-13, $"log f({x})");
        }

        [Fact]
        public void Support_is_the_open_interval()
        {
            var family = new BetaFamily();
            var free = new double?[2];
            Assert.False(family.CanFit(0.0, free));
            Assert.False(family.CanFit(1.0, free));
            Assert.False(family.CanFit(1.2, free));
            Assert.False(family.CanFit(-0.1, free));
            Assert.True(family.CanFit(1e-300, free));
            Assert.True(family.CanFit(1 - 1e-16, free));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(1.0, new[] { 2.0, 2.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(0.0, new[] { 2.0, 2.0 }));
        }

        [Theory]
        [InlineData(2.0, 5.0)]
        [InlineData(0.3, 0.8)]
        [InlineData(150.0, 40.0)]
        public void Analytic_derivatives_match_finite_differences(double alpha, double beta)
            => FiniteDifferences.AssertDerivatives(new BetaFamily(), new[] { 0.05, 0.3, 0.62, 0.97 }, new[] { alpha, beta });

        [Fact]
        public void Streamed_statistics_give_the_per_observation_sums()
        {
            var family = new BetaFamily();
            var sample = family.CreateAccumulator();
            sample.AddRange(Data);
            var theta = new[] { 0.8, 1.3 };
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
            var streamed = family.Score(sample, theta);
            var streamedHessian = family.Hessian(sample, theta);
            for (int i = 0; i < 2; i++)
            {
                Tolerance.Relative(score[i], streamed[i], 1e-12, $"score[{i}]");
                for (int j = 0; j < 2; j++)
                {
                    Tolerance.Relative(hessian[i, j], streamedHessian[i, j], 1e-13, $"H[{i},{j}]");
                    // Observed information = n × expected (the Hessian does not involve x).
                    Tolerance.Relative(-Data.Length * family.ExpectedInformation(theta)[i, j], streamedHessian[i, j], 1e-13, $"n·I[{i},{j}]");
                }
            }
        }

        [Fact]
        public void Log_of_one_minus_a_tiny_value_keeps_its_digits()
        {
            // mean(log(1 - x)) for x = 1e-12 is -1e-12 - 5e-25 (series); Math.Log(1 - 1e-12) is
            // -9.999778782803785e-13 (Python math.log gives the same), 2e-5 off.
            var s = (BetaFamily.Statistics)new BetaFamily().CreateAccumulator();
            s.Add(1e-12, 1);
            Tolerance.Relative(-1e-12 - 5e-25, s.MeanLogComplement, 1e-15, "mean log(1 - x)");
        }

        [Fact]
        public void Values_at_the_edges_of_the_support_fit()
        {
            // 1e-300 and 1 - 1e-16 with two interior values: mpmath 1.2.1 (40 digits) findroot of
            // the score equations (on log scales): Alpha 0.0046824832561358323, Beta 0.020054055366667383.
            var fit = Fit(new[] { 1e-300, 0.3, 0.5, 1 - 1e-16 });
            Tolerance.Relative(0.0046824832561358323, fit.Parameters[0].Value, 1e-9, "Alpha");
            Tolerance.Relative(0.020054055366667383, fit.Parameters[1].Value, 1e-9, "Beta");
            Assert.True(fit.Converged);
            Assert.True(double.IsFinite(fit.LogLikelihood));

            // The two edge values alone: the method of moments gives c = m(1 - m)/v - 1 = 2.2e-16
            // (Welford in double, as Python computes it), a start at 1.1e-16; the fit still ends
            // finite and converged.
            var edges = Fit(new[] { 1e-300, 1 - 1e-16 });
            Assert.True(edges.Converged);
            Assert.All(new[] { edges.Parameters[0].Value, edges.Parameters[1].Value, edges.LogLikelihood }, v => Assert.True(double.IsFinite(v) && v > 0));
        }

        [Fact]
        public void Ties_fit()
        {
            // mpmath 1.2.1 (40 digits), as above: Alpha 1.7317648528269512, Beta 3.3760105682959379.
            var fit = Fit(new[] { 0.2, 0.2, 0.2, 0.7 });
            Tolerance.Relative(1.7317648528269512, fit.Parameters[0].Value, 1e-9, "Alpha");
            Tolerance.Relative(3.3760105682959379, fit.Parameters[1].Value, 1e-9, "Beta");
        }

        [Theory]
        [InlineData(new[] { 0.5 })]
        [InlineData(new[] { 0.3, 0.3, 0.3 })]
        public void Constant_sample_is_a_clear_error(double[] data)
        {
            var e = Assert.Throws<EstimationException>(() => Fit(data));
            Assert.Equal("ZeroVariance", e.ErrorId);
        }

        [Fact]
        public void Constant_sample_with_a_fixed_parameter_has_an_estimate()
        {
            // Beta fixed at 2, values 0.5: log 0.5 = ψ(a) - ψ(a + 2), a = 2.4695771519262261 (mpmath 1.2.1 findroot).
            var fit = Fit(new[] { 0.5, 0.5 }, new double?[] { null, 2.0 });
            Tolerance.Relative(2.4695771519262261, fit.Parameters[0].Value, 1e-10, "Alpha");
        }

        [Theory]
        [InlineData(new[] { 1e-300, 2e-300, 3e-300 })]
        [InlineData(new[] { 0.5, 0.5 + 1e-6, 0.5 - 1e-6 })]
        public void Unresolvable_samples_are_a_clear_error(double[] data)
        {
            // All near 0 (Beta would be near 1e300) or nearly constant (Alpha + Beta near 4e11):
            // MathNet's log B(a, b) has no digits left there.
            var e = Assert.Throws<EstimationException>(() => Fit(data));
            Assert.Equal("InsufficientSpread", e.ErrorId);
            Assert.Throws<EstimationException>(() => Fit(new[] { 1e-300, 2e-300 }, new double?[] { 2.0, null }));
        }
    }
}
