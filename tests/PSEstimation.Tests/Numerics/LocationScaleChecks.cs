using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MathNet.Numerics;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>Helpers shared by the Logistic, Cauchy and Student t family tests.</summary>
    internal static class LocationScaleChecks
    {
        public static MLEstimate Fit(DistributionFamily family, IEnumerable<double> data, double?[]? fixedValues = null)
            => CoreFit.Fit(family, data, fixedValues, checkSupport: true);

        /// <summary>
        /// Asserts a fit against a reference: estimates and log-likelihood (relative), standard
        /// errors of the free parameters (relative), and a score of ~0 for the free parameters.
        /// </summary>
        public static void AssertFit(
            MLEstimate fit,
            IReadOnlyDictionary<string, double> estimates,
            IReadOnlyDictionary<string, double> standardErrors,
            double logLikelihood,
            string what,
            double estimateTolerance = 1e-8,
            double seTolerance = 1e-6)
        {
            foreach (var entry in estimates)
            {
                Tolerance.Relative(entry.Value, fit.Parameters.Single(p => p.Name == entry.Key).Value, estimateTolerance, $"{what} {entry.Key}");
            }

            foreach (var entry in standardErrors)
            {
                var parameter = fit.Parameters.Single(p => p.Name == entry.Key);
                Assert.NotNull(parameter.StandardError);
                Tolerance.Relative(entry.Value, parameter.StandardError!.Value, seTolerance, $"{what} SE({entry.Key})");
            }

            Tolerance.Relative(logLikelihood, fit.LogLikelihood, 1e-10, what + " LogLikelihood");
            Assert.True(fit.Converged, what + " converged");
            for (int i = 0; i < fit.Parameters.Length; i++)
            {
                if (!fit.Parameters[i].Fixed)
                {
                    // Score relative to the curvature: |g| / sqrt(observed information) ≈ 0 at the optimum.
                    double se = fit.Parameters[i].StandardError ?? 1;
                    Tolerance.Absolute(0, fit.Score[i] * se, 1e-6, $"{what} score[{fit.Parameters[i].Name}]·SE");
                }
            }
        }

        /// <summary>
        /// -E[∂² log f] by quadrature: x = Location + Scale·tan(φ), φ ∈ (-π/2, π/2), so the heavy
        /// tails become a finite interval (MathNet's double-exponential rule, which copes with the
        /// endpoints). Also checks E[score] = 0 and ∫ f = 1 on the way.
        /// </summary>
        public static void AssertExpectedInformation(DistributionFamily family, double[] theta, double relative)
        {
            int p = theta.Length;
            double Density(double phi) => Math.Exp(family.LogDensity(theta[0] + theta[1] * Math.Tan(phi), theta)) * theta[1] / (Math.Cos(phi) * Math.Cos(phi));

            double Integral(Func<double, double> g)
                => Integrate.DoubleExponential(phi =>
                {
                    double weight = Density(phi);
                    return weight == 0 || double.IsNaN(weight) ? 0 : weight * g(theta[0] + theta[1] * Math.Tan(phi));
                }, -Math.PI / 2, Math.PI / 2, 1e-14);

            Tolerance.Relative(1, Integral(_ => 1), 1e-9, $"{family.Name} ∫f");
            var expected = family.ExpectedInformation(theta);
            for (int i = 0; i < p; i++)
            {
                int row = i;
                double meanScore = Integral(x =>
                {
                    var g = new double[p];
                    family.AddScore(x, 1.0, theta, g);
                    return g[row];
                });
                Tolerance.Absolute(0, meanScore * Math.Sqrt(1 / expected[i, i]), 1e-8, $"{family.Name} E[score {i}]");
                for (int j = 0; j < p; j++)
                {
                    int column = j;
                    double information = -Integral(x =>
                    {
                        var h = new double[p, p];
                        family.AddHessian(x, 1.0, theta, h);
                        return h[row, column];
                    });
                    double scale = Math.Sqrt(expected[i, i] * expected[j, j]);
                    Tolerance.Absolute(information, expected[i, j], relative * scale, $"{family.Name} I[{i},{j}] at ({string.Join(", ", theta)})");
                }
            }
        }
    }
}
