using System.Globalization;

namespace PSEstimation
{
    /// <summary>
    /// One (actual, predicted) pair with its residual and pointwise losses, as
    /// Measure-RegressionLoss -PerObservation streams them. The means of these columns (weighted
    /// by Weight) are the corresponding properties of PSEstimation.RegressionLoss.
    /// </summary>
    public sealed class RegressionResidual
    {
        internal RegressionResidual(long index, object? group, double actual, double predicted, double weight, double residual, double huberLoss, double logCoshLoss, double pinballLoss, double absolutePercentageError)
        {
            Index = index;
            Group = group;
            Actual = actual;
            Predicted = predicted;
            Weight = weight;
            Residual = residual;
            SquaredError = residual * residual;
            AbsoluteError = System.Math.Abs(residual);
            AbsolutePercentageError = absolutePercentageError;
            HuberLoss = huberLoss;
            LogCoshLoss = logCoshLoss;
            PinballLoss = pinballLoss;
        }

        /// <summary>The 0-based position of the pair in the input (skipped pairs keep their positions).</summary>
        public long Index { get; }

        /// <summary>With -GroupBy, the value of the grouping property; otherwise null.</summary>
        public object? Group { get; }

        /// <summary>The actual (observed) value.</summary>
        public double Actual { get; }

        /// <summary>The predicted value.</summary>
        public double Predicted { get; }

        /// <summary>The pair's weight (1 without -Weight or -WeightProperty).</summary>
        public double Weight { get; }

        /// <summary>Actual - Predicted.</summary>
        public double Residual { get; }

        /// <summary>Residual².</summary>
        public double SquaredError { get; }

        /// <summary>|Residual|.</summary>
        public double AbsoluteError { get; }

        /// <summary>|Residual| / max(|Actual|, 2.220446049250313e-16), a fraction, as scikit-learn.</summary>
        public double AbsolutePercentageError { get; }

        /// <summary>Huber loss at the command's -HuberDelta.</summary>
        public double HuberLoss { get; }

        /// <summary>log(cosh(Residual)).</summary>
        public double LogCoshLoss { get; }

        /// <summary>Pinball loss at the command's -Quantile.</summary>
        public double PinballLoss { get; }

        /// <summary>"[3] actual 3.8, predicted 3.7, residual 0.1".</summary>
        public override string ToString()
        {
            string text = string.Format(CultureInfo.InvariantCulture, "[{0}] actual {1:G10}, predicted {2:G10}, residual {3:G10}", Index, Actual, Predicted, Residual);
            return Group is null ? text : RegressionLoss.Format(Group) + " " + text;
        }
    }
}
