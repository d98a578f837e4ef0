using System;
using System.Collections.Generic;
using MathNet.Numerics.Distributions;
using PSEstimation.Distributions;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// A fit's parameters with their standard errors and Wald intervals from a covariance, as every
    /// maximum-likelihood fit reports them (plain and censored samples alike).
    /// </summary>
    internal static class WaldEstimates
    {
        /// <summary>
        /// One estimate per parameter: a fixed one with standard error 0, a free one with
        /// estimate ± z·SE at <paramref name="confidenceLevel"/>, or without a standard error where
        /// the covariance has none (null, or a variance that is negative or infinite).
        /// </summary>
        public static ParameterEstimate[] Parameters(IReadOnlyList<ParameterSpec> specs, double[] theta, double?[] fixedValues, double[,]? covariance, double confidenceLevel)
        {
            double z = Normal.InvCDF(0, 1, 0.5 + confidenceLevel / 2);
            var result = new ParameterEstimate[theta.Length];
            for (int i = 0; i < theta.Length; i++)
            {
                string name = specs[i].Name;
                if (fixedValues[i] is not null)
                {
                    result[i] = new ParameterEstimate(name, theta[i], 0, theta[i], theta[i], isFixed: true);
                    continue;
                }

                double variance = covariance is null ? double.NaN : covariance[i, i];
                if (variance >= 0 && !double.IsInfinity(variance))
                {
                    double se = Math.Sqrt(variance);
                    result[i] = new ParameterEstimate(name, theta[i], se, theta[i] - z * se, theta[i] + z * se, isFixed: false);
                }
                else
                {
                    result[i] = new ParameterEstimate(name, theta[i], null, null, null, isFixed: false);
                }
            }

            return result;
        }

        /// <summary>The covariance reported where there is none: NaN between free parameters, 0 in a fixed one's row and column.</summary>
        public static double[,] UnavailableCovariance(int p, double?[] fixedValues)
        {
            var m = new double[p, p];
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j < p; j++)
                {
                    m[i, j] = fixedValues[i] is null && fixedValues[j] is null ? double.NaN : 0;
                }
            }

            return m;
        }
    }
}
