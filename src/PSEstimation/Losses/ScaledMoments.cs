using System;

namespace PSEstimation.Losses
{
    /// <summary>
    /// Weighted running moments of a stream of values: total weight, mean and sum of squared
    /// deviations by Welford's (West's weighted) update of the values shifted by the first one,
    /// plus the weighted sum of squares and the weighted sums of the positive and negative parts.
    /// The shift keeps the deviations exact for values with a huge common offset (1e9 + noise of
    /// 0.1): Σx² - n·x̄² would cancel outright, and Welford's update on the raw values still
    /// loses |mean|/σ · ε relative (1e-8 there); on x - x₁ it sees numbers of the size of σ.
    /// <para>
    /// Values are held as x · 2^-e. While every |x| lies in [2^-400, 2^400], e = 0 and the
    /// arithmetic is exactly that of the unscaled values. A larger or smaller maximum moves e to
    /// the maximum's exponent (rescaling what is held by a power of two, which is exact), so
    /// squares of residuals of 1e300 do not overflow and squares of 1e-300 do not underflow.
    /// </para>
    /// </summary>
    internal sealed class ScaledMoments
    {
        private const int SafeExponent = 400;

        private double maxAbs;
        private bool started;
        private double shift;
        private double mean;
        private double m2;
        private CompensatedSum sumOfSquares;
        private CompensatedSum positivePart;
        private CompensatedSum negativePart;

        /// <summary>Values are held as x · 2^-Exponent.</summary>
        public int Exponent { get; private set; }

        /// <summary>The sum of the weights.</summary>
        public double Weight { get; private set; }

        /// <summary>The largest |x| seen.</summary>
        public double MaxAbs => maxAbs;

        /// <summary>The weighted mean.</summary>
        public double Mean => PowerOfTwo.Scale(shift + mean, Exponent);

        /// <summary>Σ w (x - mean)², the weighted sum of squared deviations from the weighted mean.</summary>
        public ScaledNumber SumOfSquaredDeviations => new ScaledNumber(m2, 2 * Exponent);

        /// <summary>Σ w x².</summary>
        public ScaledNumber SumOfSquares => new ScaledNumber(sumOfSquares.Value, 2 * Exponent);

        /// <summary>Σ w |x|.</summary>
        public ScaledNumber SumOfAbsoluteValues => new ScaledNumber(positivePart.Value + negativePart.Value, Exponent);

        /// <summary>Σ w max(x, 0).</summary>
        public ScaledNumber SumOfPositiveParts => new ScaledNumber(positivePart.Value, Exponent);

        /// <summary>Σ w max(-x, 0).</summary>
        public ScaledNumber SumOfNegativeParts => new ScaledNumber(negativePart.Value, Exponent);

        /// <summary>Adds a finite value with a positive finite weight.</summary>
        public void Add(double x, double weight)
        {
            double abs = Math.Abs(x);
            if (abs > maxAbs)
            {
                maxAbs = abs;
                int target = TargetExponent(abs);
                if (target != Exponent)
                {
                    Rescale(target);
                }
            }

            double scaled = Exponent == 0 ? x : PowerOfTwo.Scale(x, -Exponent);
            if (!started)
            {
                started = true;
                shift = scaled;
            }

            // The shifted value: exact when x is near the first value (Sterbenz), and within 2·max|x|, so
            // it cannot overflow on the scaled values.
            double shifted = scaled - shift;
            Weight += weight;
            double delta = shifted - mean;
            mean += delta * (weight / Weight);
            m2 += weight * delta * (shifted - mean);

            double weighted = weight * scaled;
            sumOfSquares.Add(weighted * scaled);
            if (scaled >= 0)
            {
                positivePart.Add(weighted);
            }
            else
            {
                negativePart.Add(-weighted);
            }
        }

        /// <summary>
        /// 0 while the largest |x| is within [2^-400, 2^400] (squares and sums of a few billion
        /// of them stay representable); otherwise the largest |x|'s exponent. Non-decreasing in
        /// |x|, so the scale only ever moves up.
        /// </summary>
        private static int TargetExponent(double abs)
        {
            int exponent = PowerOfTwo.Exponent(abs);
            return exponent > SafeExponent || exponent < -SafeExponent ? exponent : 0;
        }

        private void Rescale(int target)
        {
            int by = Exponent - target;
            shift = PowerOfTwo.Scale(shift, by);
            mean = PowerOfTwo.Scale(mean, by);
            m2 = PowerOfTwo.Scale(m2, 2 * by);
            sumOfSquares.Scale(2 * by);
            positivePart.Scale(by);
            negativePart.Scale(by);
            Exponent = target;
        }
    }
}
