using System;
using System.Linq;
using PSEstimation.Bayesian;
using PSEstimation.Regression;
using Xunit;

namespace PSEstimation.Tests.Regression
{
    /// <summary>
    /// Ridge against its closed form, the lasso against its optimality (KKT) conditions computed
    /// here independently of the fitter, and LAD's exactness (a vertex no edge improves).
    /// </summary>
    public class PenalisedRegressionTests
    {
        private static (RegressionProblem Problem, double[] X, double[] Y) Stackloss(bool fixVariance)
        {
            var c = RegressionReference.Case("stackloss_laplace");
            var laplace = RegressionReference.Problem(c);
            var model = PSEstimation.Distributions.DistributionFamilies.CreateModel(PSEstimation.DistributionName.Normal, new System.Collections.Generic.Dictionary<string, double>());
            var fixedValues = new double?[] { null, fixVariance ? 4.0 : null };
            var problem = new RegressionProblem(model, LinkedParameter.For(PSEstimation.DistributionName.Normal)!, laplace.Design, laplace.Observations, fixedValues);
            return (problem, laplace.Design.Values, laplace.Observations.Select(o => o.Lower).ToArray());
        }

        [Fact]
        public void Ridge_is_the_closed_form()
        {
            // Known variance s2 = 4, prior variance t2 = 10 on the slopes: b = (X'X + (s2/t2) D)^-1 X'y.
            var (problem, x, y) = Stackloss(fixVariance: true);
            int n = y.Length, p = problem.CoefficientCount;
            var prior = new RegressionPrior();
            for (int j = 1; j < p; j++)
            {
                prior.Smooth[j] = new NormalPrior(0, 10);
            }

            var fit = new RegressionFitter().Fit(problem, prior);
            var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(p, p);
            var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(p);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < p; j++)
                {
                    b[j] += x[i * p + j] * y[i];
                    for (int k = 0; k < p; k++)
                    {
                        a[j, k] += x[i * p + j] * x[i * p + k];
                    }
                }
            }

            for (int j = 1; j < p; j++)
            {
                a[j, j] += 4.0 / 10;
            }

            var expected = a.Solve(b);
            var covariance = a.Inverse() * 4.0;
            for (int j = 0; j < p; j++)
            {
                RegressionReferenceTests.Close(expected[j], fit.V[j], 1e-10, "ridge coefficient " + j);
                RegressionReferenceTests.Close(Math.Sqrt(covariance[j, j]), Math.Sqrt(fit.Covariance[j, j]), 1e-8, "posterior sd " + j);
            }
        }

        [Theory]
        [InlineData(0.02, true)]
        [InlineData(0.5, true)]
        [InlineData(0.05, false)]
        public void Lasso_meets_its_KKT_conditions(double scale, bool fixVariance)
        {
            var (problem, x, y) = Stackloss(fixVariance);
            int n = y.Length, p = problem.CoefficientCount;
            var prior = new RegressionPrior { LaplaceLocation = 0, LaplaceScale = scale };
            prior.LaplaceIndices.AddRange(Enumerable.Range(1, p - 1));
            var fit = new RegressionFitter().Fit(problem, prior);
            Assert.True(fit.Converged);
            double s2 = fixVariance ? 4.0 : fit.V[p];

            // Gradient of the Gaussian log-likelihood in the coefficients: X'(y - Xb) / s2.
            var gradient = new double[p];
            double rss = 0;
            for (int i = 0; i < n; i++)
            {
                double r = y[i];
                for (int j = 0; j < p; j++)
                {
                    r -= x[i * p + j] * fit.V[j];
                }

                rss += r * r;
                for (int j = 0; j < p; j++)
                {
                    gradient[j] += x[i * p + j] * r / s2;
                }
            }

            double size = gradient.Select(Math.Abs).Max() + 1 / scale;
            Assert.True(Math.Abs(gradient[0]) < 1e-8 * size, "intercept is unpenalised: gradient 0");
            for (int j = 1; j < p; j++)
            {
                if (fit.V[j] == 0)
                {
                    Assert.True(Math.Abs(gradient[j]) <= 1 / scale * (1 + 1e-9), $"zero coefficient {j}: |g| {Math.Abs(gradient[j])} <= 1/b");
                    Assert.Contains(j, fit.AtKink);
                    Assert.True(double.IsNaN(fit.Covariance[j, j]));
                }
                else
                {
                    Assert.True(Math.Abs(gradient[j] - Math.Sign(fit.V[j]) / scale) < 1e-8 * size, $"coefficient {j}: g = sign(b)/scale");
                }
            }

            if (!fixVariance)
            {
                RegressionReferenceTests.Close(rss / n, s2, 1e-9, "variance = RSS/n at the mode (flat prior)");
            }

            if (scale == 0.02)
            {
                Assert.Contains(fit.V.Skip(1).Take(p - 1), v => v == 0);
            }
        }

        [Fact]
        public void Least_absolute_deviations_is_an_exact_vertex()
        {
            // quantreg::rq's fit has p residuals exactly 0 (to rounding), and no other coefficient
            // vector found by perturbing it does better.
            var c = RegressionReference.Case("stackloss_laplace");
            var problem = RegressionReference.Problem(c);
            var fit = new RegressionFitter().Fit(problem, null);
            int p = problem.CoefficientCount;
            double Objective(double[] beta) => problem.Observations.Sum(o => Math.Abs(o.Lower - problem.LinearPredictor(o.Row, beta)));
            int zeros = problem.Observations.Count(o => Math.Abs(o.Lower - problem.LinearPredictor(o.Row, fit.V)) < 1e-9);
            Assert.True(zeros >= p);
            double best = Objective(fit.V);
            var random = new Random(17);
            for (int trial = 0; trial < 2000; trial++)
            {
                var beta = fit.V.Take(p).Select(v => v + (random.NextDouble() - 0.5) * 1e-3 * (1 + Math.Abs(v))).ToArray();
                Assert.True(Objective(beta) >= best - 1e-12);
            }
        }
    }
}
