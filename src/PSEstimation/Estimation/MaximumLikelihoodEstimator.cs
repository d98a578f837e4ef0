using System;
using System.Collections.Specialized;
using System.Threading;
using MathNet.Numerics.Distributions;
using PSEstimation.Distributions;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// Turns a family and an accumulated sample into a complete <see cref="MLEstimate"/>:
    /// closed form where the family has one, Newton-Raphson otherwise; then score, expected
    /// and observed information, covariance, standard errors, Wald intervals and criteria.
    /// </summary>
    internal sealed class MaximumLikelihoodEstimator
    {
        public MaximumLikelihoodEstimator(DistributionFamily family, double confidenceLevel)
        {
            Family = family;
            ConfidenceLevel = confidenceLevel;
        }

        public DistributionFamily Family { get; }

        public double ConfidenceLevel { get; }

        /// <summary>Receives the optimiser's trace (the cmdlets pass WriteVerbose).</summary>
        public Action<string>? Trace { get; set; }

        /// <summary>Receives caveats about the result (the cmdlets pass WriteWarning).</summary>
        public Action<string>? Warn { get; set; }

        public MLEstimate Fit(SampleAccumulator sample, double?[] fixedValues, CancellationToken cancellation)
        {
            if (sample.TotalWeight <= 0)
            {
                throw new EstimationException(ErrorIds.NoUsableInput, $"No usable values to fit a {Family.Name} distribution to.");
            }

            sample.Cancellation = cancellation;
            string method;
            int iterations = 0;
            bool converged = true;
            double[] theta;
            double[]? closed = AllFixed(fixedValues) is double[] given ? given : Family.ClosedForm(sample, fixedValues);
            if (closed is not null)
            {
                theta = closed;
                method = "Closed form";
            }
            else
            {
                var result = Family.MaximizeLikelihood(sample, fixedValues, cancellation, Trace);
                theta = result.Theta;
                iterations = result.Iterations;
                converged = result.Converged;
                method = Family.NumericalMethod;
                if (!converged)
                {
                    Warn?.Invoke($"The {Family.Name} fit did not converge in {iterations} iterations; the best point found is reported (Converged = False).");
                }
            }

            double logLik = Family.LogLikelihood(sample, theta);
            if (double.IsNaN(logLik))
            {
                throw new EstimationException(
                    ErrorIds.UndefinedLogLikelihood,
                    $"The {Family.Name} log-likelihood at the estimate is undefined (NaN): the values are beyond what double precision can evaluate for this family. Rescale the data and fit again.");
            }

            if (double.IsInfinity(logLik))
            {
                // Counts near 1e308: the estimate is exact, its log-likelihood is not a double.
                Warn?.Invoke($"The log-likelihood of the {Family.Name} fit is beyond the range of a double, so LogLikelihood, AIC and BIC are reported as {(logLik > 0 ? "+" : "-")}Infinity; the estimates themselves are exact.");
            }

            double[] score = Family.Score(sample, theta);
            double[,] expected = Covariances.Scale(Family.ExpectedInformation(theta), sample.TotalWeight);

            double[,]? covariance;
            var nonRegular = Family.NonRegularCovariance(sample, theta, fixedValues);
            if (nonRegular is not null)
            {
                covariance = nonRegular.Covariance;
                method += "; " + nonRegular.Explanation;
            }
            else
            {
                var observed = Covariances.Negate(Family.Hessian(sample, theta));
                covariance = Covariances.InvertFree(observed, fixedValues);
                if (covariance is null)
                {
                    Warn?.Invoke(OutOfRange(observed, fixedValues)
                        ? $"The observed information of the {Family.Name} fit is outside the range of a double at this scale of the data, so no standard errors are reported; rescale the data (by a power of ten) to get them."
                        : $"The observed information of the {Family.Name} fit is not positive definite at the estimate (an optimum on the boundary, or too few distinct values); no standard errors are reported.");
                }
            }

            var parameters = WaldEstimates.Parameters(Family.Parameters, theta, fixedValues, covariance, ConfidenceLevel);
            var overflowed = new System.Collections.Generic.List<string>();
            for (int i = 0; i < theta.Length; i++)
            {
                if (fixedValues[i] is null && covariance is not null && double.IsPositiveInfinity(covariance[i, i]))
                {
                    overflowed.Add(Family.Parameters[i].Name);
                }
            }

            if (overflowed.Count > 0)
            {
                // Laplace with a value near 1e308: Scale²/n overflows, and a missing standard error would go unexplained.
                bool one = overflowed.Count == 1;
                Warn?.Invoke($"The variance{(one ? string.Empty : "s")} of {string.Join(" and ", overflowed)} {(one ? "is" : "are")} beyond the range of a double at this scale of the data, so no standard error is reported for {(one ? "it" : "them")}; rescale the data (by a power of ten) to get {(one ? "one" : "them")}.");
            }
            int freeCount = 0;
            foreach (var f in fixedValues)
            {
                freeCount += f is null ? 1 : 0;
            }

            return new MLEstimate(
                Family.Name.ToString(),
                sample.TotalWeight,
                parameters,
                EstimateDictionary(Family, theta),
                logLik,
                freeCount,
                score,
                expected,
                covariance ?? WaldEstimates.UnavailableCovariance(theta.Length, fixedValues),
                ConfidenceLevel,
                method,
                iterations,
                converged);
        }

        /// <summary>Name → value in parameter order, then the family's constants (Binomial's Trials).</summary>
        public static OrderedDictionary EstimateDictionary(DistributionFamily family, double[] theta)
        {
            var estimate = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < theta.Length; i++)
            {
                estimate.Add(family.Parameters[i].Name, theta[i]);
            }

            foreach (var constant in family.Constants)
            {
                estimate.Add(constant.Key, constant.Value);
            }

            return estimate;
        }

        /// <summary>
        /// Whether the observed information over the free parameters left the double range: a
        /// non-finite entry, or a diagonal entry that underflowed (Rayleigh at Scale 2.5e307: 4n/Scale²).
        /// </summary>
        private static bool OutOfRange(double[,] observed, double?[] fixedValues)
        {
            for (int i = 0; i < fixedValues.Length; i++)
            {
                for (int j = 0; j < fixedValues.Length; j++)
                {
                    if (fixedValues[i] is null && fixedValues[j] is null
                        && (double.IsNaN(observed[i, j]) || double.IsInfinity(observed[i, j]) || (i == j && Math.Abs(observed[i, j]) < 1e-300)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static double[]? AllFixed(double?[] fixedValues)
        {
            var theta = new double[fixedValues.Length];
            for (int i = 0; i < theta.Length; i++)
            {
                if (fixedValues[i] is not double value)
                {
                    return null;
                }

                theta[i] = value;
            }

            return theta;
        }
    }
}
