using System;
using System.Collections.Generic;
using System.Globalization;
using PSEstimation.Distributions;

namespace PSEstimation.Losses
{
    /// <summary>
    /// Turns a <see cref="RegressionLossAccumulator"/> into a <see cref="RegressionLoss"/>, with
    /// scikit-learn's definitions (sklearn/metrics/_regression.py, 1.2) and sample weights.
    /// The likelihoods are computed from log(MSE) and log(MAE), never from a product of
    /// densities, so they stay finite for any n, for residuals of 1e300 (whose MSE overflows)
    /// and of 1e-300 (whose MSE underflows).
    /// Anything a user should know about the numbers (an actual value of 0 in the percentage
    /// error, perfect predictions, undefined R²) is added to <c>warnings</c>.
    /// </summary>
    internal static class RegressionLossCalculator
    {
        private const double LogTwoPi = 1.8378770664093454835606594728112;

        public static RegressionLoss Compute(RegressionLossAccumulator sample, ICollection<string> warnings)
        {
            double n = sample.TotalWeight;
            if (!(n > 0))
            {
                throw new EstimationException(
                    ErrorIds.NoUsableInput,
                    sample.PairCount == 0 ? "There are no pairs to measure." : "The weights of the pairs sum to 0: there is nothing to measure.");
            }

            var residuals = sample.Residuals;
            var actuals = sample.Actuals;

            ScaledNumber sumOfSquares = residuals.SumOfSquares;
            ScaledNumber meanSquare = sumOfSquares.Divide(n);
            ScaledNumber meanAbsolute = residuals.SumOfAbsoluteValues.Divide(n);
            double pinballSum = sample.Quantile * residuals.SumOfPositiveParts.Mantissa + (1 - sample.Quantile) * residuals.SumOfNegativeParts.Mantissa;

            var result = new RegressionLoss
            {
                SampleSize = n,
                PairCount = sample.PairCount,
                MeanSquaredError = meanSquare.ToDouble(),
                RootMeanSquaredError = meanSquare.Sqrt(),
                MeanAbsoluteError = meanAbsolute.ToDouble(),
                MedianAbsoluteError = sample.MedianAbsoluteResidual(),
                MaxError = sample.MaxAbsoluteResidual,
                MeanAbsolutePercentageError = sample.PercentageSum / n,
                HuberLoss = sample.HuberSum / n,
                HuberDelta = sample.HuberDelta,
                LogCoshLoss = sample.LogCoshSum / n,
                PinballLoss = new ScaledNumber(pinballSum / n, residuals.Exponent).ToDouble(),
                Quantile = sample.Quantile,
            };

            // R² and explained variance, with scikit-learn's force_finite=True: a zero numerator
            // gives 1, a zero denominator (constant actual values) with a non-zero numerator 0.
            ScaledNumber totalSumOfSquares = actuals.SumOfSquaredDeviations;
            if (sample.PairCount < 2)
            {
                result.RSquared = double.NaN;
                warnings.Add("R² is not defined for fewer than two pairs; RSquared is NaN, as scikit-learn's r2_score returns.");
            }
            else
            {
                result.RSquared = ForceFinite(sumOfSquares, totalSumOfSquares);
            }

            result.ExplainedVariance = ForceFinite(residuals.SumOfSquaredDeviations, totalSumOfSquares);
            if (totalSumOfSquares.IsZero && sample.PairCount >= 2)
            {
                warnings.Add(
                    "The actual values are all equal, so R² and explained variance are undefined (0/0 or x/0); "
                    + "they are reported as scikit-learn does: 1 for perfect predictions, otherwise 0.");
            }

            // The likelihood view: σ² = MSE and b = MAE are the maximum-likelihood noise scales
            // around the predictions, where the log-likelihoods are -n/2·(log(2π·MSE) + 1) and
            // -n·(log(2·MAE) + 1). Logs of the scaled sums keep them exact when MSE itself is
            // outside the range of a double.
            result.GaussianVariance = result.MeanSquaredError;
            result.LaplaceScale = result.MeanAbsoluteError;
            if (meanSquare.IsZero)
            {
                result.GaussianNegativeLogLikelihood = double.NegativeInfinity;
                result.LaplaceNegativeLogLikelihood = double.NegativeInfinity;
                warnings.Add(
                    "Every prediction equals its actual value: MSE and MAE are 0, so the maximum-likelihood noise variance and scale are 0 "
                    + "and the Gaussian and Laplace negative log-likelihoods are -Infinity (log-likelihoods +Infinity).");
            }
            else
            {
                double twoPiMse = 2 * Math.PI * result.MeanSquaredError;
                double logTwoPiMse = meanSquare.Exponent == 0 && IsNormal(twoPiMse) ? Math.Log(twoPiMse) : LogTwoPi + meanSquare.Log();
                result.GaussianNegativeLogLikelihood = 0.5 * n * (logTwoPiMse + 1);

                double twoMae = 2 * result.MeanAbsoluteError;
                double logTwoMae = meanAbsolute.Exponent == 0 && IsNormal(twoMae) ? Math.Log(twoMae) : PowerOfTwo.Ln2 + meanAbsolute.Log();
                result.LaplaceNegativeLogLikelihood = n * (logTwoMae + 1);
            }

            result.GaussianLogLikelihood = -result.GaussianNegativeLogLikelihood;
            result.LaplaceLogLikelihood = -result.LaplaceNegativeLogLikelihood;

            if (sample.ZeroActualCount > 0)
            {
                warnings.Add(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} actual value{1} 0: MeanAbsolutePercentageError divides by max(|actual|, 2.220446049250313e-16), as scikit-learn does, "
                    + "so it is {2:G6} and not a meaningful fraction.",
                    sample.ZeroActualCount,
                    sample.ZeroActualCount == 1 ? " is" : "s are",
                    result.MeanAbsolutePercentageError));
            }

            if (sample.TinyActualCount > 0)
            {
                // 1e-320 is not 0, but its percentage error divides by ε all the same.
                warnings.Add(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} actual value{1} smaller in magnitude than 2.220446049250313e-16: MeanAbsolutePercentageError divides by max(|actual|, 2.220446049250313e-16), as scikit-learn does, "
                    + "so it is {2:G6} and not a meaningful fraction.",
                    sample.TinyActualCount,
                    sample.TinyActualCount == 1 ? " is" : "s are",
                    result.MeanAbsolutePercentageError));
            }

            if (!meanSquare.IsZero && (result.MeanSquaredError == 0 || double.IsInfinity(result.MeanSquaredError)))
            {
                warnings.Add(string.Format(
                    CultureInfo.InvariantCulture,
                    "MeanSquaredError (RMSE² with RMSE = {0:G6}) is outside the range of a double and is reported as {1}; "
                    + "RootMeanSquaredError and the likelihoods are exact.",
                    result.RootMeanSquaredError,
                    result.MeanSquaredError == 0 ? "0" : "Infinity"));
            }

            var overflowed = new List<string>();
            AddIfInfinite(overflowed, nameof(RegressionLoss.MeanAbsoluteError), result.MeanAbsoluteError);
            AddIfInfinite(overflowed, nameof(RegressionLoss.MeanAbsolutePercentageError), result.MeanAbsolutePercentageError);
            AddIfInfinite(overflowed, nameof(RegressionLoss.HuberLoss), result.HuberLoss);
            AddIfInfinite(overflowed, nameof(RegressionLoss.LogCoshLoss), result.LogCoshLoss);
            AddIfInfinite(overflowed, nameof(RegressionLoss.PinballLoss), result.PinballLoss);
            AddIfInfinite(overflowed, nameof(RegressionLoss.RSquared), result.RSquared);
            AddIfInfinite(overflowed, nameof(RegressionLoss.ExplainedVariance), result.ExplainedVariance);
            if (overflowed.Count > 0)
            {
                warnings.Add(string.Join(", ", overflowed) + " exceed" + (overflowed.Count == 1 ? "s" : string.Empty) + " the range of a double and " + (overflowed.Count == 1 ? "is" : "are") + " reported as ±Infinity.");
            }

            return result;
        }

        private static double ForceFinite(ScaledNumber numerator, ScaledNumber denominator)
        {
            if (numerator.IsZero)
            {
                return 1.0;
            }

            if (denominator.IsZero)
            {
                return 0.0;
            }

            return 1 - numerator.Ratio(denominator);
        }

        private static bool IsNormal(double x) => x >= 2.2250738585072014e-308 && !double.IsInfinity(x);

        private static void AddIfInfinite(List<string> names, string name, double value)
        {
            if (double.IsInfinity(value))
            {
                names.Add(name);
            }
        }
    }
}
