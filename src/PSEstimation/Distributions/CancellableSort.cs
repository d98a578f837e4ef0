using System;
using System.Threading;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Sorts keys (with an item array permuted alike) so that a cancellation is noticed within
    /// about a millisecond: Array.Sort of 2·10^7 values runs 2 s without a way to stop it. The
    /// array is sorted in runs of <see cref="CancellationCheck.Interval"/> values by Array.Sort,
    /// then the runs are merged pairwise, checking the token between runs and every
    /// <see cref="CancellationCheck.Interval"/> merged values; it costs about what one Array.Sort does.
    /// </summary>
    internal static class CancellableSort
    {
        /// <summary>Sorts <paramref name="keys"/> ascending (finite values), permuting <paramref name="items"/> alike when given.</summary>
        public static void Sort<T>(double[] keys, T[]? items, CancellationToken cancellation)
        {
            int n = keys.Length, run = CancellationCheck.Interval;
            cancellation.ThrowIfCancellationRequested();
            if (n <= run)
            {
                SortRun(keys, items, 0, n);
                return;
            }

            for (int from = 0; from < n; from += run)
            {
                cancellation.ThrowIfCancellationRequested();
                SortRun(keys, items, from, Math.Min(run, n - from));
            }

            double[] source = keys, target = new double[n];
            T[]? sourceItems = items, targetItems = items is null ? null : new T[n];
            for (; run < n; run *= 2)
            {
                for (int from = 0; from < n; from += 2 * run)
                {
                    int middle = Math.Min(from + run, n), to = (int)Math.Min((long)from + 2 * run, n);
                    Merge(source, sourceItems, target, targetItems, from, middle, to, cancellation);
                }

                (source, target) = (target, source);
                (sourceItems, targetItems) = (targetItems, sourceItems);
            }

            if (!ReferenceEquals(source, keys))
            {
                Array.Copy(source, keys, n);
                if (items is not null)
                {
                    Array.Copy(sourceItems!, items, n);
                }
            }
        }

        /// <summary>Sorts <paramref name="keys"/> ascending (finite values).</summary>
        public static void Sort(double[] keys, CancellationToken cancellation) => Sort<byte>(keys, null, cancellation);

        private static void SortRun<T>(double[] keys, T[]? items, int from, int length)
        {
            if (items is null)
            {
                Array.Sort(keys, from, length);
            }
            else
            {
                Array.Sort(keys, items, from, length);
            }
        }

        private static void Merge<T>(double[] source, T[]? sourceItems, double[] target, T[]? targetItems, int from, int middle, int to, CancellationToken cancellation)
        {
            int i = from, j = middle;
            for (int k = from; k < to; k++)
            {
                CancellationCheck.At(k, cancellation);
                int take = j >= to || (i < middle && source[i] <= source[j]) ? i++ : j++;
                target[k] = source[take];
                if (targetItems is not null)
                {
                    targetItems[k] = sourceItems![take];
                }
            }
        }
    }
}
