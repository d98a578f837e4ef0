using System;
using System.Collections.Generic;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>Fits a family with the numerical core, values added one by one as Get-MLEstimate adds them.</summary>
    public static class CoreFit
    {
        /// <param name="checkSupport">Assert that the family accepts every value for a fit (CanFit), as the cmdlet requires.</param>
        internal static MLEstimate Fit(
            DistributionFamily family,
            IEnumerable<double> data,
            double?[]? fixedValues = null,
            bool checkSupport = false,
            Action<string>? trace = null)
        {
            fixedValues ??= new double?[family.Parameters.Count];
            var sample = family.CreateAccumulator();
            foreach (double x in data)
            {
                if (checkSupport)
                {
                    Assert.True(family.CanFit(x, fixedValues), $"{family.Name} rejects {x}");
                }

                sample.Add(x, 1.0);
            }

            return new MaximumLikelihoodEstimator(family, 0.95) { Trace = trace }.Fit(sample, fixedValues, CancellationToken.None);
        }
    }
}
