using System;
using System.Threading;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Order statistics without a full sort (Hoare's quickselect, FIND): expected time linear in
    /// the number of values, checking the cancellation every <see cref="CancellationCheck.Interval"/>
    /// values scanned. Pivots are medians of three; a range that has not shrunk to half within two
    /// rounds is sorted instead (<see cref="CancellableSort"/>), so adversarial input costs at most
    /// a sort. Ties stop both scans (Hoare's partition), so a constant sample splits evenly.
    /// </summary>
    internal static class CancellableSelect
    {
        /// <summary>
        /// Rearranges <paramref name="keys"/> (finite values) so that keys[k] is the value a sort
        /// would put there, every value before it is at most it and every value after it at least it.
        /// </summary>
#if NET8_0_OR_GREATER
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
#endif
        public static double Select(double[] keys, int k, CancellationToken cancellation)
        {
            int from = 0, to = keys.Length - 1, rounds = 0, lastSize = keys.Length;
            long scanned = 0;
            cancellation.ThrowIfCancellationRequested();
            while (to - from > 16)
            {
                if (++rounds > 2)
                {
                    if (to - from + 1 > lastSize / 2)
                    {
                        SortRange(keys, from, to, cancellation);
                        return keys[k];
                    }

                    rounds = 0;
                    lastSize = to - from + 1;
                }

                double pivot = MedianOfThree(keys[from], keys[from + (to - from) / 2], keys[to]);
                int i = from, j = to;
                while (i <= j)
                {
                    while (keys[i] < pivot)
                    {
                        i++;
                    }

                    while (keys[j] > pivot)
                    {
                        j--;
                    }

                    if (i <= j)
                    {
                        (keys[i], keys[j]) = (keys[j], keys[i]);
                        i++;
                        j--;
                    }
                }

                // from..j are <= pivot, i..to are >= pivot, and j < i; between them (at most one) equals it.
                scanned += to - from + 1;
                if (scanned >= CancellationCheck.Interval)
                {
                    cancellation.ThrowIfCancellationRequested();
                    scanned = 0;
                }

                if (k <= j)
                {
                    to = j;
                }
                else if (k >= i)
                {
                    from = i;
                }
                else
                {
                    return keys[k];
                }
            }

            SortRange(keys, from, to, cancellation);
            return keys[k];
        }

        /// <summary>The smallest of keys[from..] (a pass, with cancellation checks).</summary>
        public static double Minimum(double[] keys, int from, CancellationToken cancellation)
        {
            double min = double.PositiveInfinity;
            for (int i = from; i < keys.Length; i++)
            {
                CancellationCheck.At(i, cancellation);
                min = keys[i] < min ? keys[i] : min;
            }

            return min;
        }

        private static double MedianOfThree(double a, double b, double c)
            => a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));

        private static void SortRange(double[] keys, int from, int to, CancellationToken cancellation)
        {
            int length = to - from + 1;
            if (length <= CancellationCheck.Interval)
            {
                Array.Sort(keys, from, length);
                return;
            }

            var range = new double[length];
            Array.Copy(keys, from, range, 0, length);
            CancellableSort.Sort(range, cancellation);
            Array.Copy(range, 0, keys, from, length);
        }
    }
}
