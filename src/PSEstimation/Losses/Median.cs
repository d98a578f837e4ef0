using System;

namespace PSEstimation.Losses
{
    /// <summary>The two medians scikit-learn's median_absolute_error uses.</summary>
    internal static class Median
    {
        /// <summary>
        /// numpy's np.median: the middle value, or the mean of the two middle values for an even
        /// count. Reorders <paramref name="values"/>[0..count).
        /// </summary>
        public static double Unweighted(double[] values, int count)
        {
            Array.Sort(values, 0, count);
            int middle = count / 2;
            if (count % 2 == 1)
            {
                return values[middle];
            }

            double low = values[middle - 1], high = values[middle];
            double mean = (low + high) / 2;
            return double.IsInfinity(mean) ? low / 2 + high / 2 : mean;
        }

        /// <summary>
        /// scikit-learn's _weighted_percentile(values, weights, 50) (sklearn/utils/stats.py): sort
        /// the values, accumulate their weights in that order, and return the first value whose
        /// cumulative weight reaches half the total, the lower weighted median. With equal weights
        /// and an even count this is the lower of the two middle values, not their mean.
        /// Reorders both arrays' first <paramref name="count"/> entries.
        /// </summary>
        public static double LowerWeighted(double[] values, double[] weights, int count)
        {
            Array.Sort(values, weights, 0, count);

            // numpy's cumsum adds in order, without compensation; so does this, and the total
            // is the last cumulative sum, as in scikit-learn.
            var cumulative = new double[count];
            double running = 0;
            for (int i = 0; i < count; i++)
            {
                running += weights[i];
                cumulative[i] = running;
            }

            double target = 0.5 * running;

            // np.searchsorted(cumulative, target), side 'left': the first index with cumulative ≥ target.
            int low = 0, high = count;
            while (low < high)
            {
                int mid = low + ((high - low) / 2);
                if (cumulative[mid] < target)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return values[Math.Min(low, count - 1)];
        }
    }
}
