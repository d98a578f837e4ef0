using System;
using PSEstimation.Models;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Models
{
    /// <summary>
    /// Edge cases and accuracy checks of the location-scale models that the shared conformance
    /// theory does not make: the Normal's far lower tail (where MathNet's Erfc alone loses digits),
    /// the hazard behind the censored derivatives, and the ends of the quantile functions.
    /// </summary>
    public class LocationScaleModelTests
    {
        private static readonly double[] StandardNormalTheta = { 0, 1 };

        [Theory]
        // mpmath 1.3 at 50 digits: ncdf(z), npdf(z). MathNet's Erfc(-z/√2)/2 and exp(log φ) were
        // off by up to 2.4e-13 and 9e-14 here (a rounded t² inside erfc, a rounded z/√2, a rounded z²).
        [InlineData(-36.9101, 1.59115515813851e-298, 5.877274188406417e-297)]
        [InlineData(-32.3775, 2.8461418334037336e-230, 9.223869522508964e-229)]
        [InlineData(-20.5, 1.0764673258790961e-93, 2.2119843802105703e-92)]
        [InlineData(-8.25, 7.919726314642477e-17, 6.627137455968751e-16)]
        [InlineData(-2.8464, 0.002210830722602747, 0.006943599262348132)]
        public void Normal_lower_tail_keeps_every_digit(double z, double cdf, double density)
        {
            var model = new NormalModel();
            Tolerance.Relative(cdf, model.Cdf(z, StandardNormalTheta), 2e-15, "Cdf");
            Tolerance.Relative(cdf, model.Survival(-z, StandardNormalTheta), 2e-15, "Survival");
            Tolerance.Relative(Math.Log(cdf), model.LogCdf(z, StandardNormalTheta), 2e-15, "LogCdf");
            Tolerance.Relative(density, model.Density(z, StandardNormalTheta), 2e-15, "Density");
        }

        [Theory]
        // mpmath: h = npdf(z)/ncdf(-z) and -h(h - z), the first two z-derivatives of -log S.
        [InlineData(30, 30.033259667433676, -0.9988962284881099)]
        [InlineData(1e4, 10000.000099999997, -0.9999999900000006)]
        [InlineData(-5, 1.4867199409049056e-06, -7.433601914860711e-06)]
        public void Normal_log_survival_derivatives_come_from_the_hazard(double z, double hazard, double curvature)
        {
            // At Mean 0, Variance 1: ∂ log S/∂Mean = h, ∂² log S/∂Mean² = -h(h - z); at 1e4 the
            // difference h - z = 1e-4 is 8 digits below h, which a quotient-then-subtract would lose.
            var gradient = new double[2];
            var hessian = new double[2, 2];
            new NormalModel().AddLogSurvivalDerivatives(z, 1.0, StandardNormalTheta, gradient, hessian);
            Tolerance.Relative(hazard, gradient[0], 1e-14, "d/dMean");
            Tolerance.Relative(curvature, hessian[0, 0], 1e-12, "d²/dMean²");

            // ∂/∂Variance = h z / 2 at Variance 1 (z = (x - Mean)/σ, dz/dv = -z/2).
            Tolerance.Relative(hazard * z / 2, gradient[1], 1e-14, "d/dVariance");
        }

        [Theory]
        [InlineData("Normal")]
        [InlineData("Laplace")]
        [InlineData("Logistic")]
        [InlineData("Cauchy")]
        public void Ends_and_NaN(string name)
        {
            var model = LocationScaleReferenceTests.ModelFor(name);
            var theta = new[] { 3.0, 2.0 };
            Assert.Equal(double.NegativeInfinity, model.Quantile(0, theta));
            Assert.Equal(double.PositiveInfinity, model.Quantile(1, theta));
            Assert.Equal(double.PositiveInfinity, model.InverseSurvival(0, theta));
            Assert.Equal(double.NegativeInfinity, model.InverseSurvival(1, theta));
            Assert.Equal(3.0, model.Quantile(0.5, theta));
            Assert.Equal(3.0, model.InverseSurvival(0.5, theta));
            Assert.True(double.IsNaN(model.Quantile(-0.1, theta)));
            Assert.True(double.IsNaN(model.Quantile(double.NaN, theta)));
            Assert.True(double.IsNaN(model.Cdf(double.NaN, theta)));
            Assert.True(double.IsNaN(model.LogCdf(double.NaN, theta)));
            Assert.True(double.IsNaN(model.LogSurvival(double.NaN, theta)));
            Assert.Equal(0.0, model.Cdf(double.NegativeInfinity, theta));
            Assert.Equal(1.0, model.Cdf(double.PositiveInfinity, theta));
            Assert.Equal(0.0, model.Survival(double.PositiveInfinity, theta));
            Assert.Equal(double.NegativeInfinity, model.LogCdf(double.NegativeInfinity, theta));
            Assert.Equal(double.NegativeInfinity, model.LogSurvival(double.PositiveInfinity, theta));
            Assert.Equal(0.0, model.LogCdf(double.PositiveInfinity, theta));
            Assert.Equal(0.5, model.Cdf(3.0, theta));
        }

        [Theory]
        [InlineData("Normal")]
        [InlineData("Laplace")]
        [InlineData("Logistic")]
        [InlineData("Cauchy")]
        public void Censored_derivatives_match_finite_differences(string name)
        {
            // Central differences of LogCdf / LogSurvival in (Location, second parameter) at
            // step 1e-5 (error about 1e-9 relative): the analytic forms against their own functions,
            // away from x = Location, where the Laplace second derivative jumps (0 to -2/Scale²).
            var model = LocationScaleReferenceTests.ModelFor(name);
            var theta = new[] { 1.5, 0.8 };
            foreach (double x in new[] { -6.0, -0.7, 1.4, 2.2, 9.0 })
            {
                foreach (bool survival in new[] { false, true })
                {
                    Func<double[], double> f = t => survival ? model.LogSurvival(x, t) : model.LogCdf(x, t);
                    var gradient = new double[2];
                    var hessian = new double[2, 2];
                    if (survival)
                    {
                        model.AddLogSurvivalDerivatives(x, 1.0, theta, gradient, hessian);
                    }
                    else
                    {
                        model.AddLogCdfDerivatives(x, 1.0, theta, gradient, hessian);
                    }

                    for (int i = 0; i < 2; i++)
                    {
                        double h = 1e-5;
                        double numeric = (f(Shift(theta, i, h)) - f(Shift(theta, i, -h))) / (2 * h);
                        Tolerance.Absolute(numeric, gradient[i], 1e-8 * Math.Max(1, Math.Abs(numeric)), $"{name} x={x} survival={survival} g[{i}]");
                        for (int j = 0; j < 2; j++)
                        {
                            var plus = new double[2];
                            var minus = new double[2];
                            var hp = new double[2, 2];
                            if (survival)
                            {
                                model.AddLogSurvivalDerivatives(x, 1.0, Shift(theta, j, h), plus, null);
                                model.AddLogSurvivalDerivatives(x, 1.0, Shift(theta, j, -h), minus, null);
                            }
                            else
                            {
                                model.AddLogCdfDerivatives(x, 1.0, Shift(theta, j, h), plus, null);
                                model.AddLogCdfDerivatives(x, 1.0, Shift(theta, j, -h), minus, null);
                            }

                            double second = (plus[i] - minus[i]) / (2 * h);
                            Tolerance.Absolute(second, hessian[i, j], 1e-6 * Math.Max(1, Math.Abs(second)), $"{name} x={x} survival={survival} H[{i},{j}]");
                        }
                    }
                }
            }
        }

        [Fact]
        public void Cauchy_log_tails_survive_an_overflowing_z()
        {
            // Scale 1e-300, x = 1e10: z = 1e310 overflows, yet log S = -log π - log(1e310)
            // = -714.9461087140036 (mpmath, tests/reference/models/Cauchy.json).
            var model = new CauchyModel();
            var theta = new[] { 0.0, 1e-300 };
            Tolerance.Relative(-714.9461087140036, model.LogSurvival(1e10, theta), 1e-14, "LogSurvival");
            Tolerance.Relative(-714.9461087140036, model.LogCdf(-1e10, theta), 1e-14, "LogCdf");
        }

        private static double[] Shift(double[] theta, int i, double h)
        {
            var t = (double[])theta.Clone();
            t[i] += h;
            return t;
        }
    }
}
