using System;
using System.Threading;
using PSEstimation.Distributions;

namespace PSEstimation.FitTests
{
    /// <summary>
    /// The maximum-likelihood point estimate alone (no covariance, no criteria): what a bootstrap
    /// needs of each simulated sample. Closed form where the family has one, else its numerical fit.
    /// </summary>
    internal static class Refit
    {
        /// <summary>The estimate, or null when the fit failed or did not converge.</summary>
        public static double[]? Estimate(DistributionFamily family, double[] values, double?[] fixedValues, CancellationToken cancellation)
        {
            var sample = family.CreateAccumulator();
            sample.Cancellation = cancellation;
            if (!family.TryAddRange(sample, values, fixedValues))
            {
                // A simulated value the fitter cannot take (a boundary value rounded onto the edge).
                return null;
            }

            try
            {
                var closed = family.ClosedForm(sample, fixedValues);
                if (closed is not null)
                {
                    return closed;
                }

                var result = family.MaximizeLikelihood(sample, fixedValues, cancellation, null);
                return result.Converged ? result.Theta : null;
            }
            catch (EstimationException)
            {
                return null;
            }
            catch (ArithmeticException)
            {
                return null;
            }
        }
    }
}
