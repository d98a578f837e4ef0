using System;
using System.Globalization;
using PSEstimation.Models;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Laplace(Location, Scale): f(x) = exp(-|x - Location| / Scale) / (2 Scale), any real x.
    /// The MLE is Location = the sample median (the midpoint of the two middle values for an
    /// even n, as R's median) and Scale = the mean absolute deviation from it; with Location
    /// fixed, Scale is the mean absolute deviation from the fixed value, and with Scale fixed
    /// Location is still the median. The log-likelihood has a kink in Location, so no observed
    /// information exists for it: the standard errors reported are the asymptotic ones,
    /// Scale/sqrt(n) for both (the median's, and the observed information n/Scale² of Scale).
    /// Buffers the values (the median needs them all).
    /// </summary>
    internal sealed class LaplaceFamily : DistributionFamily
    {
        public LaplaceFamily()
            : base(new LaplaceModel())
        {
        }

        public override bool CanFit(double x, double?[] fixedValues) => true;

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => BulkSupport.Real;

        /// <summary>Location has a kink at every value; its MLE, the median, does not depend on Scale.</summary>
        public override bool IsSmoothIn(int parameterIndex) => parameterIndex != 0;

        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
        {
            var s = (BufferedSample)sample;

            // The median minimises Σ|x - m| whatever the scale, so Location needs no Scale.
            double location = fixedValues[0] ?? s.Median();
            if (fixedValues[1] is double fixedScale)
            {
                return new[] { location, fixedScale };
            }

            double scale = s.SumOfAbsoluteDeviations(location, out _) / s.TotalWeight;
            if (!(scale > 0))
            {
                s.Range(out double min, out double max);
                if (min < max)
                {
                    throw new EstimationException(
                        ErrorIds.ScaleUnderflow,
                        "The values differ, but their mean absolute deviation is below the smallest positive double (about 5e-324); rescale the data (e.g. multiply by 1e10) and fit again.");
                }

                string what = fixedValues[0] is null
                    ? $"All {s.Count} values are equal ({location.ToString("R", CultureInfo.InvariantCulture)})"
                    : $"All {s.Count} values equal the fixed Location {location.ToString("R", CultureInfo.InvariantCulture)}";
                throw new EstimationException(
                    ErrorIds.ZeroVariance,
                    what + ": the Scale estimate (the mean absolute deviation) would be 0, where the Laplace likelihood is unbounded. Fix it with -Fixed @{ Scale = ... } or supply values that differ.");
            }

            return new[] { location, scale };
        }

        // The log-likelihood, score and Hessian need only W = Σw, D = Σ w|x - Location| and
        // S = Σ w sign(x - Location), one pass; the per-value sums of the base class remain for
        // values so large that D overflows where the sum of the terms D/Scale would not.

        /// <inheritdoc/>
        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            double d = Deviations(sample, theta, out _);
            return double.IsInfinity(d)
                ? base.LogLikelihood(sample, theta)
                : -sample.TotalWeight * (LaplaceModel.Ln2 + Math.Log(theta[1])) - d / theta[1];
        }

        /// <inheritdoc/>
        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            double d = Deviations(sample, theta, out double signs), b = theta[1];
            return double.IsInfinity(d)
                ? base.Score(sample, theta)
                : new[] { signs / b, (d / b - sample.TotalWeight) / b };
        }

        /// <inheritdoc/>
        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            double d = Deviations(sample, theta, out double signs), b = theta[1];
            if (double.IsInfinity(d))
            {
                return base.Hessian(sample, theta);
            }

            double cross = -signs / (b * b);
            return new[,] { { 0, cross }, { cross, (sample.TotalWeight - 2 * d / b) / (b * b) } };
        }

        private static double Deviations(SampleAccumulator sample, double[] theta, out double signs)
            => ((BufferedSample)sample).SumOfAbsoluteDeviations(theta[0], out signs);

        /// <summary>
        /// With Location estimated: variance Scale²/n for each estimated parameter, covariance 0
        /// (the median's asymptotic variance 1/(4 n f(median)²) = Scale²/n, and Scale's observed
        /// information n/Scale²). With Location fixed the model is regular in Scale (null).
        /// </summary>
        public override NonRegularCovariance? NonRegularCovariance(SampleAccumulator sample, double[] theta, double?[] fixedValues)
        {
            if (fixedValues[0] is not null)
            {
                return null;
            }

            double variance = theta[1] * theta[1] / sample.TotalWeight;
            var covariance = new[,] { { variance, 0 }, { 0, fixedValues[1] is null ? variance : 0 } };
            return new NonRegularCovariance(
                covariance,
                "the log-likelihood has a kink at the median, so Location has no observed information: its standard error is the asymptotic one of the median, Scale/sqrt(n), which is also Scale's (observed information n/Scale²)");
        }
    }
}
