using System;

namespace PSEstimation.Losses
{
    /// <summary>
    /// The loss of one (actual, predicted) pair, as functions of the residual r = actual - predicted
    /// (scikit-learn's y_true - y_pred). Each is finite for every finite residual.
    /// </summary>
    internal static class PointwiseLoss
    {
        /// <summary>
        /// The floor of the denominator of the absolute percentage error: numpy's
        /// np.finfo(np.float64).eps, as scikit-learn's mean_absolute_percentage_error uses.
        /// </summary>
        public const double PercentageErrorEpsilon = 2.220446049250313e-16;

        /// <summary>r = actual - predicted; ±Infinity when the difference of two finite values overflows.</summary>
        public static double Residual(double actual, double predicted) => actual - predicted;

        /// <summary>Huber's loss: r²/2 for |r| ≤ δ, δ(|r| - δ/2) beyond (the two agree at |r| = δ).</summary>
        public static double Huber(double residual, double delta)
        {
            double abs = Math.Abs(residual);
            return abs <= delta ? 0.5 * residual * residual : delta * (abs - 0.5 * delta);
        }

        /// <summary>
        /// log cosh r without overflow or cancellation: log1p(2 sinh²(r/2)) for |r| &lt; 1 (cosh r - 1
        /// = 2 sinh²(r/2) keeps full relative accuracy where log cosh r ≈ r²/2), and
        /// |r| + log1p(e^(-2|r|)) - log 2 beyond, where cosh would overflow for |r| &gt; 710.
        /// </summary>
        public static double LogCosh(double residual)
        {
            double abs = Math.Abs(residual);
            if (abs < 1)
            {
                double s = Math.Sinh(0.5 * abs);
                return Log1P(2 * s * s);
            }

            return abs + Log1P(Math.Exp(-2 * abs)) - PowerOfTwo.Ln2;
        }

        /// <summary>The pinball (quantile) loss at level α: α·r for r ≥ 0, (α - 1)·r for r &lt; 0, as scikit-learn's mean_pinball_loss.</summary>
        public static double Pinball(double residual, double quantile)
            => residual >= 0 ? quantile * residual : (quantile - 1) * residual;

        /// <summary>|r| / max(|actual|, ε) with ε = 2.220446049250313e-16, a fraction, as scikit-learn.</summary>
        public static double AbsolutePercentageError(double residual, double actual)
            => Math.Abs(residual) / Math.Max(Math.Abs(actual), PercentageErrorEpsilon);

        /// <summary>log(1 + x), accurate for small x (netstandard2.0 has no Math.Log1P; MathNet's is not exact near 0).</summary>
        internal static double Log1P(double x)
        {
            // The classic correction: u = 1 + x rounded; log(u) · x / (u - 1) restores the bits
            // of x that the rounding of u lost (Goldberg, "What every computer scientist should
            // know about floating-point arithmetic", theorem 4).
            double u = 1 + x;
            if (u == 1)
            {
                return x;
            }

            return Math.Log(u) * x / (u - 1);
        }
    }
}
