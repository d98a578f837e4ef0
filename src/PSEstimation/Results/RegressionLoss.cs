using System.Globalization;

namespace PSEstimation
{
    /// <summary>
    /// Regression losses of actual against predicted values, with the likelihood view of the two
    /// that are likelihoods: the mean squared error is the maximum-likelihood variance of Gaussian
    /// noise and the mean absolute error the maximum-likelihood scale of Laplace noise, and their
    /// negative log-likelihoods at those estimates are n/2·(log(2π·MSE) + 1) and n·(log(2·MAE) + 1).
    /// Measure-RegressionLoss returns it. Residuals are actual - predicted.
    /// </summary>
    public sealed class RegressionLoss
    {
        internal RegressionLoss()
        {
        }

        /// <summary>With -GroupBy, the value of the grouping property this result covers; otherwise null.</summary>
        public object? Group { get; internal set; }

        /// <summary>The number of pairs used: the sum of the weights with -Weight (the n of the likelihoods).</summary>
        public double SampleSize { get; internal set; }

        /// <summary>The number of pairs used, counted (pairs of weight 0 included) whatever their weights.</summary>
        public long PairCount { get; internal set; }

        /// <summary>How many pairs were skipped because a value could not be used (each reported as an error).</summary>
        public long SkippedCount { get; internal set; }

        /// <summary>Mean of the squared residuals (scikit-learn's mean_squared_error).</summary>
        public double MeanSquaredError { get; internal set; }

        /// <summary>Square root of the mean squared error (mean_squared_error with squared=False).</summary>
        public double RootMeanSquaredError { get; internal set; }

        /// <summary>Mean of the absolute residuals (mean_absolute_error).</summary>
        public double MeanAbsoluteError { get; internal set; }

        /// <summary>Median of the absolute residuals (median_absolute_error; with weights the lower weighted median, as scikit-learn).</summary>
        public double MedianAbsoluteError { get; internal set; }

        /// <summary>The largest absolute residual (max_error), over the pairs of positive weight.</summary>
        public double MaxError { get; internal set; }

        /// <summary>
        /// Mean of |residual| / max(|actual|, 2.220446049250313e-16), a fraction, not a percentage
        /// (mean_absolute_percentage_error). An actual value of 0 makes it huge.
        /// </summary>
        public double MeanAbsolutePercentageError { get; internal set; }

        /// <summary>Coefficient of determination, 1 - Σw·r² / Σw·(y - ȳ)² (r2_score).</summary>
        public double RSquared { get; internal set; }

        /// <summary>1 - Var(residual) / Var(actual), with weighted variances (explained_variance_score).</summary>
        public double ExplainedVariance { get; internal set; }

        /// <summary>Mean Huber loss: r²/2 for |r| ≤ HuberDelta, HuberDelta·(|r| - HuberDelta/2) beyond.</summary>
        public double HuberLoss { get; internal set; }

        /// <summary>The δ of HuberLoss (-HuberDelta, default 1).</summary>
        public double HuberDelta { get; internal set; }

        /// <summary>Mean of log(cosh(r)).</summary>
        public double LogCoshLoss { get; internal set; }

        /// <summary>Mean pinball (quantile) loss at Quantile (mean_pinball_loss with alpha = Quantile).</summary>
        public double PinballLoss { get; internal set; }

        /// <summary>The quantile level of PinballLoss (-Quantile, default 0.5, where PinballLoss = MAE / 2).</summary>
        public double Quantile { get; internal set; }

        /// <summary>The maximum-likelihood variance of Gaussian noise around the predictions: the mean squared error.</summary>
        public double GaussianVariance { get; internal set; }

        /// <summary>Negative log-likelihood of the residuals as Normal(0, GaussianVariance) noise: n/2·(log(2π·MSE) + 1).</summary>
        public double GaussianNegativeLogLikelihood { get; internal set; }

        /// <summary>Log-likelihood of the residuals as Normal(0, GaussianVariance) noise: -n/2·(log(2π·MSE) + 1).</summary>
        public double GaussianLogLikelihood { get; internal set; }

        /// <summary>The maximum-likelihood scale of Laplace noise around the predictions: the mean absolute error.</summary>
        public double LaplaceScale { get; internal set; }

        /// <summary>Negative log-likelihood of the residuals as Laplace(0, LaplaceScale) noise: n·(log(2·MAE) + 1).</summary>
        public double LaplaceNegativeLogLikelihood { get; internal set; }

        /// <summary>Log-likelihood of the residuals as Laplace(0, LaplaceScale) noise: -n·(log(2·MAE) + 1).</summary>
        public double LaplaceLogLikelihood { get; internal set; }

        /// <summary>Alias of MeanSquaredError.</summary>
        public double MSE => MeanSquaredError;

        /// <summary>Alias of RootMeanSquaredError.</summary>
        public double RMSE => RootMeanSquaredError;

        /// <summary>Alias of MeanAbsoluteError.</summary>
        public double MAE => MeanAbsoluteError;

        /// <summary>Alias of RSquared.</summary>
        public double R2 => RSquared;

        /// <summary>"n = 5: MSE = 0.01, RMSE = 0.1, MAE = 0.1, R2 = 0.964489; Gaussian NLL = -4.41823, Laplace NLL = -3.04719", prefixed by the group.</summary>
        public override string ToString()
        {
            string text = string.Format(
                CultureInfo.InvariantCulture,
                "n = {0:G6}: MSE = {1:G6}, RMSE = {2:G6}, MAE = {3:G6}, R2 = {4:G6}; Gaussian NLL = {5:G6}, Laplace NLL = {6:G6}",
                SampleSize,
                MeanSquaredError,
                RootMeanSquaredError,
                MeanAbsoluteError,
                RSquared,
                GaussianNegativeLogLikelihood,
                LaplaceNegativeLogLikelihood);
            return Group is null ? text : Format(Group) + ": " + text;
        }

        internal static string Format(object value)
            => System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
