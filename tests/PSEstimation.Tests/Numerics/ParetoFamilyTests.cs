using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// Reference values from scipy 1.10.1, whose stats.pareto(b, scale=s) is this family with
    /// Shape = b and Scale = s; fits with floc=0 (type I Pareto, no shift).
    /// </summary>
    public class ParetoFamilyTests
    {
        private static readonly double[] Data = { 1.2, 3.4, 1.7, 2.2, 8.9, 1.05, 4.4 };

        private static MLEstimate Fit(double[] data, double?[]? fixedValues = null)
            => CoreFit.Fit(new ParetoFamily(), data, fixedValues, checkSupport: true);

        [Fact]
        public void Fit_matches_scipy()
        {
            // scipy 1.10.1: stats.pareto.fit(Data, floc=0) -> b = 1.1475226547561392, scale = 1.05;
            // sum(stats.pareto.logpdf(Data, b, scale=1.05)) = -12.478390743422379.
            var fit = Fit(Data);
            Assert.Equal(1.05, fit.Parameters[0].Value);
            Tolerance.Relative(1.1475226547561392, fit.Parameters[1].Value, 1e-14, "Shape");
            Tolerance.Relative(-12.478390743422379, fit.LogLikelihood, 1e-13, "LogLikelihood");
            Assert.Equal("Closed form", fit.Method.Substring(0, "Closed form".Length));
        }

        [Fact]
        public void Scale_is_on_the_boundary_and_has_no_standard_error()
        {
            var fit = Fit(Data);
            double shape = fit.Parameters[1].Value;
            Assert.Null(fit.Parameters[0].StandardError);
            Assert.Null(fit.Parameters[0].Lower);
            Assert.Null(fit.Parameters[0].Upper);
            Assert.True(double.IsNaN(fit.Covariance[0, 0]));

            // Hand: with Scale known, the observed information of Shape is n/Shape², so SE = Shape/sqrt(n).
            Tolerance.Relative(shape / Math.Sqrt(7), fit.Parameters[1].StandardError!.Value, 1e-14, "SE(Shape)");
            Assert.Contains("boundary", fit.Method);
            Assert.Contains("Shape/sqrt(n)", fit.Method);
            Assert.Contains("Scale treated as known", fit.Method);

            // The score is the analytic gradient: n·Shape/Scale for Scale (not 0: boundary), 0 for Shape.
            Tolerance.Relative(7 * shape / 1.05, fit.Score[0], 1e-14, "Score[Scale]");
            Tolerance.Absolute(0, fit.Score[1], 1e-12, "Score[Shape]");
        }

        [Fact]
        public void Fixed_scale_gives_a_regular_fit_of_the_shape()
        {
            // scipy 1.10.1: stats.pareto.fit(Data, floc=0, fscale=1.0) -> b = 1.0866817158496618;
            // sum(logpdf(Data, b, scale=1)) = -12.859727292782132.
            var fit = Fit(Data, new double?[] { 1.0, null });
            Tolerance.Relative(1.0866817158496618, fit.Parameters[1].Value, 1e-14, "Shape");
            Tolerance.Relative(-12.859727292782132, fit.LogLikelihood, 1e-13, "LogLikelihood");
            Tolerance.Relative(fit.Parameters[1].Value / Math.Sqrt(7), fit.Parameters[1].StandardError!.Value, 1e-12, "SE(Shape)");
            Assert.Equal("Closed form", fit.Method);
        }

        [Fact]
        public void Fixed_shape_gives_the_minimum_as_scale()
        {
            // scipy 1.10.1: stats.pareto.fit(Data, 2.5, floc=0, f0=2.5) -> scale 1.05; sum(logpdf) = -15.277837039775738.
            var fit = Fit(Data, new double?[] { null, 2.5 });
            Assert.Equal(1.05, fit.Parameters[0].Value);
            Tolerance.Relative(-15.277837039775738, fit.LogLikelihood, 1e-13, "LogLikelihood");
            Assert.Null(fit.Parameters[0].StandardError);
            Assert.Equal(0.0, fit.Parameters[1].StandardError);
            Assert.Contains("boundary", fit.Method);
        }

        [Fact]
        public void Log_density_off_the_optimum_matches_scipy()
        {
            // scipy 1.10.1: sum(stats.pareto.logpdf(Data, 1.3, scale=1.0)) = -12.979195886578342.
            var family = new ParetoFamily();
            var theta = new[] { 1.0, 1.3 };
            double sum = 0;
            var score = new double[2];
            foreach (double x in Data)
            {
                sum += family.LogDensity(x, theta);
                family.AddScore(x, 1.0, theta, score);
            }

            Tolerance.Relative(-12.979195886578342, sum, 1e-13, "Σ log f");
            var sample = family.CreateAccumulator();
            sample.AddRange(Data);
            Tolerance.Relative(-12.979195886578342, family.LogLikelihood(sample, theta), 1e-13, "LogLikelihood (streamed)");
            Tolerance.Relative(score[0], family.Score(sample, theta)[0], 1e-13, "Score[Scale] (streamed)");
            Tolerance.Relative(score[1], family.Score(sample, theta)[1], 1e-13, "Score[Shape] (streamed)");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
        {
            FiniteDifferences.AssertDerivatives(new ParetoFamily(), new[] { 2.0, 3.5, 10.0 }, new[] { 1.5, 2.2 });
            FiniteDifferences.AssertDerivatives(new ParetoFamily(), new[] { 300.0, 1e3 }, new[] { 250.0, 0.4 });
        }

        [Fact]
        public void Expected_information_is_the_usual_pareto_matrix()
        {
            // Hand (the matrix of the Wikipedia Pareto article): -E[∂² log f] = [[α/σ², -1/σ], [-1/σ, 1/α²]].
            // The Hessian of log f does not depend on x, so it equals minus that at any x >= σ.
            // For Shape it is a regular information: log(x/σ) ~ Exponential(α), Var(1/α - log(x/σ)) = 1/α².
            var family = new ParetoFamily();
            var theta = new[] { 2.0, 3.0 };
            var info = family.ExpectedInformation(theta);
            Tolerance.Relative(0.75, info[0, 0], 1e-15, "I[Scale,Scale]");
            Tolerance.Relative(-0.5, info[0, 1], 1e-15, "I[Scale,Shape]");
            Tolerance.Relative(-0.5, info[1, 0], 1e-15, "I[Shape,Scale]");
            Tolerance.Relative(1.0 / 9, info[1, 1], 1e-15, "I[Shape,Shape]");
            var hessian = new double[2, 2];
            family.AddHessian(7.3, 1.0, theta, hessian);
            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j < 2; j++)
                {
                    Tolerance.Relative(-info[i, j], hessian[i, j], 1e-15, $"H[{i},{j}]");
                }
            }
        }

        [Fact]
        public void Constant_samples_are_clear_errors()
        {
            var e = Assert.Throws<EstimationException>(() => Fit(new[] { 2.0, 2.0, 2.0 }));
            Assert.Equal("ZeroVariance", e.ErrorId);
            Assert.Contains("infinite", e.Message);
            Assert.Equal("ZeroVariance", Assert.Throws<EstimationException>(() => Fit(new[] { 2.0 })).ErrorId);
            Assert.Equal("ZeroVariance", Assert.Throws<EstimationException>(() => Fit(new[] { 2.0, 2.0 }, new double?[] { 2.0, null })).ErrorId);

            // With Scale fixed below the values, one value identifies Shape: 1 / log(2 / 1) (hand).
            Tolerance.Relative(1 / Math.Log(2), Fit(new[] { 2.0 }, new double?[] { 1.0, null }).Parameters[1].Value, 1e-15, "Shape (n = 1)");
            // With Shape fixed, Scale is the value itself.
            Assert.Equal(2.0, Fit(new[] { 2.0 }, new double?[] { null, 3.0 }).Parameters[0].Value);
        }

        [Fact]
        public void Ties_are_fine()
        {
            // Hand: {1, 1, e, e}: Scale 1, Shape = 4 / (2 log e) = 2.
            var fit = Fit(new[] { 1.0, 1.0, Math.E, Math.E });
            Assert.Equal(1.0, fit.Parameters[0].Value);
            Tolerance.Relative(2, fit.Parameters[1].Value, 1e-15, "Shape");
        }

        [Theory]
        [InlineData(1.0, 2.0, 4.0)]
        [InlineData(4.0, 1.0, 2.0)]
        [InlineData(2.0, 4.0, 1.0)]
        public void Huge_offset_keeps_the_shape(double a, double b, double c)
        {
            // 1e9 + {1, 2, 4} in any order: mpmath at 50 digits evaluating n / Σ log(x / min) gives
            // 750000001.68749999942. Σ log x - n log min would keep about 6 of those digits.
            var fit = Fit(new[] { 1e9 + a, 1e9 + b, 1e9 + c });
            Assert.Equal(1e9 + 1, fit.Parameters[0].Value);
            Tolerance.Relative(750000001.68749999942, fit.Parameters[1].Value, 1e-13, "Shape");
        }

        [Fact]
        public void Extreme_magnitudes()
        {
            // Hand: {1e-300, 1e300}: Scale 1e-300, Shape = 2 / log(1e600) = 2 / (600 ln 10).
            var fit = Fit(new[] { 1e300, 1e-300 });
            Assert.Equal(1e-300, fit.Parameters[0].Value);
            Tolerance.Relative(2 / (600 * Math.Log(10)), fit.Parameters[1].Value, 1e-14, "Shape");
            Assert.False(double.IsInfinity(fit.LogLikelihood) || double.IsNaN(fit.LogLikelihood));
            Assert.False(double.IsInfinity(new ParetoFamily().LogDensity(1e300, new[] { 1e-300, 2.0 })));
        }

        [Fact]
        public void Support_is_checked_against_a_fixed_scale()
        {
            var family = new ParetoFamily();
            Assert.False(family.CanFit(0, new double?[2]));
            Assert.False(family.CanFit(-1, new double?[2]));
            Assert.True(family.CanFit(1e-300, new double?[2]));
            Assert.False(family.CanFit(1.2, new double?[] { 1.5, null }));
            Assert.True(family.CanFit(1.5, new double?[] { 1.5, null }));
            Assert.False(family.IsInSupport(1.2, new[] { 1.5, 2.0 }));
            Assert.True(family.IsInSupport(1.5, new[] { 1.5, 2.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(1.2, new[] { 1.5, 2.0 }));
        }

        [Fact]
        public void Weights_equal_repeated_rows()
        {
            var family = new ParetoFamily();
            var weighted = family.CreateAccumulator();
            weighted.Add(Math.E, 3);
            weighted.Add(1.0, 2);
            var expanded = family.CreateAccumulator();
            expanded.AddRange(new[] { Math.E, Math.E, Math.E, 1.0, 1.0 });
            var estimator = new MaximumLikelihoodEstimator(family, 0.95);
            var a = estimator.Fit(weighted, new double?[2], CancellationToken.None);
            var b = estimator.Fit(expanded, new double?[2], CancellationToken.None);
            // Hand: Scale 1, Shape = 5 / 3.
            Tolerance.Relative(5.0 / 3, a.Parameters[1].Value, 1e-15, "Shape");
            Tolerance.Relative(b.LogLikelihood, a.LogLikelihood, 1e-14, "LogLikelihood");
            Tolerance.Relative(b.Parameters[1].StandardError!.Value, a.Parameters[1].StandardError!.Value, 1e-14, "SE(Shape)");
        }
    }
}
