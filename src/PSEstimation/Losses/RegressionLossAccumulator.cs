using System;

namespace PSEstimation.Losses
{
    /// <summary>
    /// Collects (actual, predicted, weight) pairs for one RegressionLoss. Everything but the
    /// median absolute error streams: the residuals' and the actual values' weighted moments
    /// (<see cref="ScaledMoments"/>), compensated sums of the Huber, log-cosh and percentage
    /// losses, the maximum error. The absolute residuals (and their weights when weighted) are
    /// the one buffer, for the median.
    /// </summary>
    internal sealed class RegressionLossAccumulator
    {
        private readonly ScaledMoments residuals = new ScaledMoments();
        private readonly ScaledMoments actuals = new ScaledMoments();
        private CompensatedSum huber;
        private CompensatedSum logCosh;
        private CompensatedSum percentage;
        private double[] absoluteResiduals = new double[16];
        private double[] weights;
        private int buffered;

        /// <param name="huberDelta">δ of the Huber loss, positive and finite.</param>
        /// <param name="quantile">α of the pinball loss, in (0, 1).</param>
        /// <param name="weighted">Whether weights are given (scikit-learn's sample_weight): then the
        /// median absolute error is the lower weighted median, as scikit-learn computes it.</param>
        public RegressionLossAccumulator(double huberDelta, double quantile, bool weighted)
        {
            if (!(huberDelta > 0) || double.IsInfinity(huberDelta))
            {
                throw new ArgumentOutOfRangeException(nameof(huberDelta), huberDelta, "The Huber δ must be positive and finite.");
            }

            if (!(quantile > 0 && quantile < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "The pinball quantile must lie strictly between 0 and 1.");
            }

            HuberDelta = huberDelta;
            Quantile = quantile;
            IsWeighted = weighted;
            weights = weighted ? new double[16] : new double[0];
        }

        public double HuberDelta { get; }

        public double Quantile { get; }

        public bool IsWeighted { get; }

        /// <summary>Pairs added, zero-weight pairs included (scikit-learn's n_samples).</summary>
        public long PairCount { get; private set; }

        /// <summary>The sum of the weights (the pair count when unweighted).</summary>
        public double TotalWeight => residuals.Weight;

        /// <summary>Pairs with weight 0 (they count in PairCount and nowhere else).</summary>
        public long ZeroWeightCount { get; private set; }

        /// <summary>Pairs with positive weight whose actual value is 0 (their percentage error divides by ε).</summary>
        public long ZeroActualCount { get; private set; }

        /// <summary>
        /// Pairs with positive weight whose actual value is not 0 but below ε = 2.2e-16 in magnitude
        /// (1e-320): their percentage error divides by ε too, not by the value.
        /// </summary>
        public long TinyActualCount { get; private set; }

        /// <summary>The residuals' moments: Σw, mean, Σw(r - r̄)², Σw r², Σw|r| and its parts.</summary>
        internal ScaledMoments Residuals => residuals;

        /// <summary>The actual values' moments: Σw, mean, Σw(y - ȳ)².</summary>
        internal ScaledMoments Actuals => actuals;

        internal double HuberSum => huber.Value;

        internal double LogCoshSum => logCosh.Value;

        internal double PercentageSum => percentage.Value;

        /// <summary>max |r| over the pairs of positive weight.</summary>
        internal double MaxAbsoluteResidual => residuals.MaxAbs;

        /// <summary>
        /// Adds a pair. Values must be finite, their difference too (see
        /// <see cref="PointwiseLoss.Residual"/>), and the weight finite and ≥ 0.
        /// </summary>
        public void Add(double actual, double predicted, double weight = 1.0)
        {
            PairCount++;
            if (weight == 0)
            {
                ZeroWeightCount++;
                return;
            }

            double residual = actual - predicted;
            residuals.Add(residual, weight);
            actuals.Add(actual, weight);

            double abs = Math.Abs(residual);
            huber.Add(weight * PointwiseLoss.Huber(residual, HuberDelta));
            logCosh.Add(weight * PointwiseLoss.LogCosh(residual));
            if (actual == 0)
            {
                ZeroActualCount++;
            }
            else if (Math.Abs(actual) < PointwiseLoss.PercentageErrorEpsilon)
            {
                TinyActualCount++;
            }

            percentage.Add(weight * PointwiseLoss.AbsolutePercentageError(residual, actual));

            if (buffered == absoluteResiduals.Length)
            {
                Array.Resize(ref absoluteResiduals, buffered * 2);
                if (IsWeighted)
                {
                    Array.Resize(ref weights, buffered * 2);
                }
            }

            absoluteResiduals[buffered] = abs;
            if (IsWeighted)
            {
                weights[buffered] = weight;
            }

            buffered++;
        }

        /// <summary>
        /// The median absolute error as scikit-learn's median_absolute_error: np.median of |r|
        /// unweighted, _weighted_percentile(|r|, w, 50) weighted. Zero-weight pairs are left out,
        /// which changes nothing: a zero weight never moves the cumulative weight to the target.
        /// Sorts the buffer in place (call once, at the end).
        /// </summary>
        internal double MedianAbsoluteResidual()
            => IsWeighted
                ? Median.LowerWeighted(absoluteResiduals, weights, buffered)
                : Median.Unweighted(absoluteResiduals, buffered);
    }
}
