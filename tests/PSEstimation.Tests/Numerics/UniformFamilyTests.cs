using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    public class UniformFamilyTests
    {
        private static readonly double[] Data = { 2.0, 5.0, 3.0, 4.5 };

        private static MLEstimate Fit(double[] data, double?[]? fixedValues = null)
            => CoreFit.Fit(new UniformFamily(), data, fixedValues, checkSupport: true);

        [Fact]
        public void Bounds_are_the_minimum_and_maximum()
        {
            // scipy 1.10.1: stats.uniform.fit(Data) -> loc 2.0, scale 3.0, i.e. Lower 2, Upper 5.
            // Hand: log L = -n log(Upper - Lower) = -4 log 3; score = (n, -n)/(Upper - Lower).
            var fit = Fit(Data);
            Assert.Equal(2.0, fit.Parameters[0].Value);
            Assert.Equal(5.0, fit.Parameters[1].Value);
            Tolerance.Relative(-4 * Math.Log(3), fit.LogLikelihood, 1e-15, "LogLikelihood");
            Tolerance.Relative(4.0 / 3, fit.Score[0], 1e-15, "Score[Lower]");
            Tolerance.Relative(-4.0 / 3, fit.Score[1], 1e-15, "Score[Upper]");
            Tolerance.Relative(4 - 2 * fit.LogLikelihood, fit.AIC, 1e-15, "AIC");
        }

        [Fact]
        public void Non_regular_fit_has_no_standard_errors()
        {
            // tests/reference/mle.json precip__uniform: StandardError null for both bounds.
            var fit = Fit(Data);
            foreach (var parameter in fit.Parameters)
            {
                Assert.Null(parameter.StandardError);
                Assert.Null(parameter.Lower);
                Assert.Null(parameter.Upper);
                Assert.False(parameter.Fixed);
            }

            foreach (double v in fit.Covariance)
            {
                Assert.True(double.IsNaN(v));
            }

            foreach (double v in fit.FisherInformation)
            {
                Assert.True(double.IsNaN(v));
            }

            Assert.StartsWith("Closed form; ", fit.Method);
            Assert.Contains("boundary of the support", fit.Method);
            Assert.Contains("no standard error or Wald interval", fit.Method);
        }

        [Fact]
        public void Fixed_lower_bound()
        {
            // Hand: Lower 0 fixed, Upper = max = 5, log L = -4 log 5.
            var fit = Fit(Data, new double?[] { 0, null });
            Assert.Equal(5.0, fit.Parameters[1].Value);
            Tolerance.Relative(-4 * Math.Log(5), fit.LogLikelihood, 1e-15, "LogLikelihood");
            Assert.Equal(0.0, fit.Parameters[0].StandardError);
            Assert.Null(fit.Parameters[1].StandardError);
            Assert.Equal(0.0, fit.Covariance[0, 0]);
            Assert.Equal(0.0, fit.Covariance[0, 1]);
            Assert.True(double.IsNaN(fit.Covariance[1, 1]));
            Assert.False(new UniformFamily().CanFit(-1, new double?[] { 0, null }));
            Assert.True(new UniformFamily().CanFit(0, new double?[] { 0, null }));
        }

        [Fact]
        public void Fixed_upper_bound()
        {
            var fit = Fit(Data, new double?[] { null, 10 });
            Assert.Equal(2.0, fit.Parameters[0].Value);
            Tolerance.Relative(-4 * Math.Log(8), fit.LogLikelihood, 1e-15, "LogLikelihood");
            Assert.False(new UniformFamily().CanFit(10.5, new double?[] { null, 10 }));
        }

        [Fact]
        public void Both_bounds_fixed()
        {
            var fit = Fit(Data, new double?[] { 0, 10 });
            Tolerance.Relative(-4 * Math.Log(10), fit.LogLikelihood, 1e-15, "LogLikelihood");
            Assert.Equal("Closed form", fit.Method);
            Assert.All(fit.Parameters, p => Assert.Equal(0.0, p.StandardError));

            // Bounds that leave no room accept nothing.
            var family = new UniformFamily();
            Assert.False(family.CanFit(3, new double?[] { 3, 3 }));
            Assert.False(family.CanFit(3, new double?[] { 4, 2 }));
        }

        [Fact]
        public void Constant_samples_are_clear_errors()
        {
            var e = Assert.Throws<EstimationException>(() => Fit(new[] { 3.0, 3.0 }));
            Assert.Equal("ZeroVariance", e.ErrorId);
            Assert.Contains("-Fixed", e.Message);
            Assert.Equal("ZeroVariance", Assert.Throws<EstimationException>(() => Fit(new[] { 3.0 })).ErrorId);
            Assert.Equal("ZeroVariance", Assert.Throws<EstimationException>(() => Fit(new[] { 3.0, 3.0 }, new double?[] { 3, null })).ErrorId);
            // One value with the other bound fixed is enough.
            Assert.Equal(3.0, Fit(new[] { 3.0 }, new double?[] { 1, null }).Parameters[1].Value);
        }

        [Fact]
        public void Ties_and_any_real_value()
        {
            var fit = Fit(new[] { -7.5, -7.5, 0, 1e-300, 2 });
            Assert.Equal(-7.5, fit.Parameters[0].Value);
            Assert.Equal(2.0, fit.Parameters[1].Value);
            Tolerance.Relative(-5 * Math.Log(9.5), fit.LogLikelihood, 1e-15, "LogLikelihood");
            Assert.True(new UniformFamily().CanFit(-1e300, new double?[2]));
        }

        [Fact]
        public void Width_beyond_the_largest_double_stays_finite()
        {
            // Hand: {-1e308, 1e308}: width 2e308 (not a double), log L = -2 (ln 2 + 308 ln 10).
            var fit = Fit(new[] { -1e308, 1e308 });
            Tolerance.Relative(-2 * (Math.Log(2) + 308 * Math.Log(10)), fit.LogLikelihood, 1e-14, "LogLikelihood");
            Tolerance.Relative(1e-308, fit.Score[0], 1e-14, "Score[Lower] = 2 / 2e308");

            // Values of 1e300 and 1e-300 together.
            var mixed = Fit(new[] { 1e-300, 1e300 });
            Tolerance.Relative(-2 * Math.Log(1e300), mixed.LogLikelihood, 1e-15, "LogLikelihood (mixed)");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
        {
            FiniteDifferences.AssertDerivatives(new UniformFamily(), new[] { 1.0, 2.0 }, new[] { 0.5, 3.0 });
            FiniteDifferences.AssertDerivatives(new UniformFamily(), new[] { -40.0, 70.0 }, new[] { -50.0, 100.0 });
        }

        [Fact]
        public void Outside_the_bounds_the_density_is_zero()
        {
            var family = new UniformFamily();
            var theta = new[] { 0.0, 1.0 };
            Assert.True(family.IsInSupport(0, theta));
            Assert.True(family.IsInSupport(1, theta));
            Assert.False(family.IsInSupport(1.5, theta));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(-0.1, theta));
            var sample = family.CreateAccumulator();
            sample.AddRange(new[] { 0.5, 1.5 });
            Assert.Equal(double.NegativeInfinity, family.LogLikelihood(sample, theta));
            Assert.True(double.IsNaN(family.Score(sample, theta)[0]));
        }

        [Fact]
        public void Weights_equal_repeated_rows()
        {
            var family = new UniformFamily();
            var weighted = family.CreateAccumulator();
            weighted.Add(1.0, 3);
            weighted.Add(4.0, 2);
            var expanded = family.CreateAccumulator();
            expanded.AddRange(new[] { 1.0, 1, 1, 4, 4 });
            var estimator = new MaximumLikelihoodEstimator(family, 0.95);
            var a = estimator.Fit(weighted, new double?[2], CancellationToken.None);
            var b = estimator.Fit(expanded, new double?[2], CancellationToken.None);
            Tolerance.Relative(-5 * Math.Log(3), a.LogLikelihood, 1e-15, "LogLikelihood (hand)");
            Tolerance.Relative(b.LogLikelihood, a.LogLikelihood, 1e-15, "LogLikelihood");
        }
    }
}
