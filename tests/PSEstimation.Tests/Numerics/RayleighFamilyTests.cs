using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    public class RayleighFamilyTests
    {
        private static readonly double[] Data = { 0.8, 1.5, 2.3, 0.4, 3.1, 1.9, 1.2 };

        private static MLEstimate Fit(double[] data, double?[]? fixedValues = null)
            => CoreFit.Fit(new RayleighFamily(), data, fixedValues);

        [Fact]
        public void Fit_matches_scipy()
        {
            // scipy 1.10.1: stats.rayleigh.fit(Data, floc=0) -> scale 1.2817398889233116 (scipy's
            // rayleigh(scale) is this family's Scale); sum(stats.rayleigh.logpdf(Data, scale=...)) = -8.420540701884883.
            var fit = Fit(Data);
            Tolerance.Relative(1.2817398889233116, fit.Parameters[0].Value, 1e-14, "Scale");
            Tolerance.Relative(-8.420540701884883, fit.LogLikelihood, 1e-13, "LogLikelihood");
            Tolerance.Absolute(0, fit.Score[0], 1e-12, "Score");
            Assert.Equal("Closed form", fit.Method);

            // Hand: the observed information at the MLE is 4n/Scale² (= the expected one), so SE = Scale / (2 sqrt(n)).
            double scale = fit.Parameters[0].Value;
            Tolerance.Relative(scale / (2 * Math.Sqrt(7)), fit.Parameters[0].StandardError!.Value, 1e-12, "SE");
            Tolerance.Relative(4 * 7 / (scale * scale), fit.FisherInformation[0, 0], 1e-14, "FisherInformation");
        }

        [Fact]
        public void Log_density_matches_scipy_off_the_optimum()
        {
            // scipy 1.10.1: sum(stats.rayleigh.logpdf(Data, scale=1.5)) = -8.73310512231306.
            var family = new RayleighFamily();
            double sum = 0;
            foreach (double x in Data)
            {
                sum += family.LogDensity(x, new[] { 1.5 });
            }

            Tolerance.Relative(-8.73310512231306, sum, 1e-13, "Σ log f");
            var sample = family.CreateAccumulator();
            sample.AddRange(Data);
            Tolerance.Relative(-8.73310512231306, family.LogLikelihood(sample, new[] { 1.5 }), 1e-13, "LogLikelihood (streamed)");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
        {
            FiniteDifferences.AssertDerivatives(new RayleighFamily(), Data, new[] { 1.7 });
            FiniteDifferences.AssertDerivatives(new RayleighFamily(), new[] { 0.01, 0.04, 0.12 }, new[] { 0.05 });
        }

        [Fact]
        public void Expected_information_is_four_over_scale_squared()
        {
            // Hand: -E[∂²/∂σ² log f] = -2/σ² + 3 E[x²]/σ⁴, and E[x²] = 2σ² for the Rayleigh: 4/σ².
            var family = new RayleighFamily();
            Tolerance.Relative(4 / 2.25, family.ExpectedInformation(new[] { 1.5 })[0, 0], 1e-15, "I");

            // The per-observation Hessian at x² = E[x²] = 2σ² is minus that value.
            var hessian = new double[1, 1];
            family.AddHessian(1.5 * Math.Sqrt(2), 1.0, new[] { 1.5 }, hessian);
            Tolerance.Relative(-4 / 2.25, hessian[0, 0], 1e-14, "H at E[x²]");
        }

        [Fact]
        public void Fixed_scale_is_returned_as_given()
        {
            var fit = Fit(Data, new double?[] { 1.5 });
            Assert.True(fit.Parameters[0].Fixed);
            Tolerance.Relative(-8.73310512231306, fit.LogLikelihood, 1e-13, "LogLikelihood (scipy 1.10.1 logpdf sum)");
        }

        [Fact]
        public void One_value_and_ties()
        {
            // Hand: n = 1, x = 2: Scale = sqrt(4 / 2) = sqrt(2).
            Tolerance.Relative(Math.Sqrt(2), Fit(new[] { 2.0 }).Parameters[0].Value, 1e-15, "n = 1");
            // Ties: {3, 3, 3}: Scale = sqrt(27 / 6) = 3 / sqrt(2).
            Tolerance.Relative(3 / Math.Sqrt(2), Fit(new[] { 3.0, 3, 3 }).Parameters[0].Value, 1e-15, "ties");
        }

        [Fact]
        public void Zeros_are_not_fitted_because_their_density_is_zero()
        {
            // The density x/σ² exp(-x²/2σ²) is 0 at x = 0 for every σ (scipy: rayleigh.logpdf(0) = -inf),
            // so a zero would make the log-likelihood -Infinity whatever the Scale: the fit refuses it,
            // as the contract's Weibull row says for its support ("x > 0 for the fit").
            var family = new RayleighFamily();
            Assert.False(family.CanFit(0, new double?[1]));
            Assert.True(family.CanFit(1e-300, new double?[1]));
            Assert.False(family.IsInSupport(0, new[] { 1.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(0, new[] { 1.0 }));
        }

        [Fact]
        public void Extreme_magnitudes_do_not_overflow_the_sum_of_squares()
        {
            // Hand: {1, 2, 3}·10^k: Scale = 10^k · sqrt(14 / 6); log L = Σ log x - 2n log Scale - n
            // (at the MLE Σx²/(2 Scale²) = n). x² overflows at 1e300 and underflows at 1e-300.
            foreach (double unit in new[] { 1e300, 1e-300, 1e-160 })
            {
                var data = new[] { unit, 2 * unit, 3 * unit };
                var fit = Fit(data);
                double scale = unit * Math.Sqrt(14.0 / 6);
                Tolerance.Relative(scale, fit.Parameters[0].Value, 1e-14, $"Scale at {unit}");
                double sumLog = Math.Log(unit) * 3 + Math.Log(6);
                Tolerance.Relative(sumLog - 6 * Math.Log(scale) - 3, fit.LogLikelihood, 1e-12, $"LogLikelihood at {unit}");
                Tolerance.Absolute(0, fit.Score[0] * scale, 1e-10, $"Score at {unit}");
            }

            // Mixed magnitudes: the small value's square is negligible, Scale = 1e300 / sqrt(4).
            var mixed = Fit(new[] { 1e-300, 1e300 });
            Tolerance.Relative(0.5e300, mixed.Parameters[0].Value, 1e-14, "Scale (mixed)");
        }

        [Fact]
        public void Negative_values_are_rejected()
        {
            var family = new RayleighFamily();
            Assert.False(family.CanFit(-1, new double?[1]));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(-1, new[] { 1.0 }));
        }

        [Fact]
        public void Weights_equal_repeated_rows()
        {
            var family = new RayleighFamily();
            var weighted = family.CreateAccumulator();
            weighted.Add(1.0, 3);
            weighted.Add(4.0, 2);
            var expanded = family.CreateAccumulator();
            expanded.AddRange(new[] { 1.0, 1, 1, 4, 4 });
            var estimator = new MaximumLikelihoodEstimator(family, 0.95);
            var a = estimator.Fit(weighted, new double?[1], CancellationToken.None);
            var b = estimator.Fit(expanded, new double?[1], CancellationToken.None);
            // Hand: Scale² = (3 + 32) / 10.
            Tolerance.Relative(Math.Sqrt(3.5), a.Parameters[0].Value, 1e-15, "Scale (weighted)");
            Tolerance.Relative(b.LogLikelihood, a.LogLikelihood, 1e-14, "LogLikelihood");
        }
    }
}
