using System;

namespace PSEstimation.Losses
{
    /// <summary>
    /// Neumaier's compensated sum: the rounding error of each addition is carried in a second
    /// term, so the sum of a million terms is as exact as the sum of two. Once the running sum
    /// overflows it stays ±Infinity (no Infinity - Infinity in the compensation).
    /// </summary>
    internal struct CompensatedSum
    {
        private double sum;
        private double compensation;

        /// <summary>The sum of every term added.</summary>
        public double Value => double.IsInfinity(sum) ? sum : sum + compensation;

        public void Add(double term)
        {
            double total = sum + term;
            if (double.IsInfinity(total))
            {
                sum = total;
                return;
            }

            if (Math.Abs(sum) >= Math.Abs(term))
            {
                compensation += (sum - total) + term;
            }
            else
            {
                compensation += (term - total) + sum;
            }

            sum = total;
        }

        /// <summary>Multiplies the sum by a power of two (exact).</summary>
        public void Scale(int exponent)
        {
            sum = PowerOfTwo.Scale(sum, exponent);
            compensation = PowerOfTwo.Scale(compensation, exponent);
        }
    }
}
