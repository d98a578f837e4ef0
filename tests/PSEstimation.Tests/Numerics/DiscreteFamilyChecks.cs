using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>Shared steps of the discrete family tests: fitting through the core, and expectations over the pmf.</summary>
    internal static class DiscreteFamilyChecks
    {
        public static SampleAccumulator Sample(DistributionFamily family, params double[] data)
        {
            var sample = family.CreateAccumulator();
            foreach (double x in data)
            {
                Assert.True(family.CanFit(x, new double?[family.Parameters.Count]), $"{x} rejected by {family.Name}");
                sample.Add(x, 1.0);
            }

            return sample;
        }

        public static MLEstimate Fit(DistributionFamily family, double[] data, double?[]? fixedValues = null)
            => new MaximumLikelihoodEstimator(family, 0.95).Fit(Sample(family, data), fixedValues ?? new double?[family.Parameters.Count], CancellationToken.None);

        /// <summary>
        /// The expected information from its definition, summing over the support (0..maxK) with
        /// the pmf exp(log f): both E[-∂² log f] and E[(∂ log f)(∂ log f)ᵀ] must equal the
        /// family's ExpectedInformation; the pmf must sum to 1 over the range (the range covers the mass).
        /// </summary>
        public static void AssertInformationIsThePmfExpectation(DistributionFamily family, double[] theta, int maxK, double relative = 1e-10)
        {
            int p = theta.Length;
            var minusHessian = new double[p, p];
            var outer = new double[p, p];
            double mass = 0;
            for (int k = 0; k <= maxK; k++)
            {
                double pmf = Math.Exp(family.LogDensity(k, theta));
                if (pmf == 0)
                {
                    continue;
                }

                mass += pmf;
                var h = new double[p, p];
                var s = new double[p];
                family.AddHessian(k, 1.0, theta, h);
                family.AddScore(k, 1.0, theta, s);
                for (int i = 0; i < p; i++)
                {
                    for (int j = 0; j < p; j++)
                    {
                        minusHessian[i, j] -= pmf * h[i, j];
                        outer[i, j] += pmf * s[i] * s[j];
                    }
                }
            }

            Tolerance.Relative(1, mass, 1e-12, $"{family.Name} pmf mass over 0..{maxK}");
            var expected = family.ExpectedInformation(theta);
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j < p; j++)
                {
                    Tolerance.Relative(minusHessian[i, j], expected[i, j], relative, $"{family.Name} I[{i},{j}] vs E[-H]");
                    Tolerance.Relative(outer[i, j], expected[i, j], relative * 100, $"{family.Name} I[{i},{j}] vs E[s sᵀ]");
                }
            }
        }
    }
}
