using System;
using System.Threading;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
#endif

namespace PSEstimation.Distributions
{
    /// <summary>
    /// An order statistic of a large array without copying or reordering it, after Floyd and
    /// Rivest (Algorithm 489, SELECT, 1975): two values of a sample bracket the one sought, one
    /// pass counts the values below the bracket and copies those inside it (a few per cent of
    /// them), and a quickselect in that band finds the answer. The sample is stratified (one value
    /// from each of m equal stretches, at a fixed-seed random place), so sorted, reversed or
    /// periodic input brackets as well as shuffled input; m is about n^(2/3) and the bracket six
    /// standard deviations of the sample rank wide each side. Where the bracket misses (ties at its
    /// ends, or a one-in-10^8 draw) the whole array is copied and selected: never wrong, at worst
    /// the cost of <see cref="CancellableSelect"/> on a copy.
    /// </summary>
    internal static class BandSelect
    {
        /// <summary>Below this many values a copy and a quickselect cost less than sampling.</summary>
        public const int MinimumLength = 1 << 15;

        /// <summary>
        /// The k-th smallest of values[0 .. length) (finite values; k from 0), and in
        /// <paramref name="next"/> the (k+1)-th when <paramref name="withNext"/> (else NaN).
        /// </summary>
        public static double Select(double[] values, int length, int k, bool withNext, out double next, CancellationToken cancellation)
        {
            next = double.NaN;
            if (length >= MinimumLength && TryBand(values, length, k, withNext, ref next, cancellation, out double kth))
            {
                return kth;
            }

            var keys = new double[length];
            Array.Copy(values, keys, length);
            kth = CancellableSelect.Select(keys, k, cancellation);
            if (withNext && k + 1 < length)
            {
                next = CancellableSelect.Minimum(keys, k + 1, cancellation);
            }

            return kth;
        }

#if NET8_0_OR_GREATER
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
        private static bool TryBand(double[] values, int length, int k, bool withNext, ref double next, CancellationToken cancellation, out double kth)
        {
            kth = double.NaN;
            int m = (int)Math.Min(length / 4, Math.Pow(length, 2.0 / 3.0));
            var sample = new double[m];
            var positions = new StratifiedPositions(length, m);
            for (int j = 0; j < m; j++)
            {
                sample[j] = values[positions.Next()];
            }


            // The rank of the k-th value within the sample is about k·m/n, with a standard
            // deviation at most √m/2: six of them each side. The two order statistics of the
            // sample by selection too (a sort of 10^4 values costs more than the pass).
            double centre = (k + 0.5) * m / length;
            int spread = (int)Math.Ceiling(3 * Math.Sqrt(m)) + 1;
            int lowRank = (int)centre - spread, highRank = (int)centre + spread;
            double low = lowRank <= 0 ? double.NegativeInfinity : CancellableSelect.Select(sample, lowRank, cancellation);
            double high = highRank >= m - 1 ? double.PositiveInfinity : CancellableSelect.Select(sample, highRank, cancellation);

            int below = 0, inside = 0;
            var band = new double[(int)Math.Min(length, 2L * (highRank - lowRank + 1) * length / m + 64)];
            if (!Partition(values, length, low, high, ref band, ref below, ref inside, cancellation))
            {
                return false;
            }

            // The k-th (and the next, when asked) must lie in the band: below it are only
            // `below` values, and above it the rest.
            int last = withNext ? k + 1 : k;
            if (k < below || last >= below + inside)
            {
                return false;
            }

            Array.Resize(ref band, inside);
            kth = CancellableSelect.Select(band, k - below, cancellation);
            if (withNext)
            {
                next = CancellableSelect.Minimum(band, k - below + 1, cancellation);
            }

            return true;
        }

        /// <summary>
        /// Counts the values below <paramref name="low"/> and copies those in [low, high] into
        /// <paramref name="band"/> (grown as needed); false if the band would reach half the
        /// array (a bracket at a heavy tie), where the caller's full selection is cheaper.
        /// </summary>
#if NET8_0_OR_GREATER
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
        private static bool Partition(double[] values, int length, double low, double high, ref double[] band, ref int below, ref int inside, CancellationToken cancellation)
        {
            int i = 0;
            long belowCount = 0;
#if NET8_0_OR_GREATER
            if (Vector.IsHardwareAccelerated)
            {
                int width = Vector<double>.Count;
                var lo = new Vector<double>(low);
                var hi = new Vector<double>(high);
                var counts = Vector<long>.Zero;
                for (; i + width <= length; i += width)
                {
                    CancellationCheck.At(i, cancellation);
                    var x = new Vector<double>(values, i);

                    // A lane below the bracket is all ones (-1): subtracting counts it.
                    counts -= Vector.LessThan(x, lo);
                    if (!Vector.EqualsAll(Vector.GreaterThanOrEqual(x, lo) & Vector.LessThanOrEqual(x, hi), Vector<long>.Zero))
                    {
                        if (inside + width > band.Length && !Grow(ref band, length))
                        {
                            return false;
                        }

                        // Every lane is written, and the next write lands after it only if it is
                        // inside: no branch on a comparison that goes either way.
                        for (int j = i; j < i + width; j++)
                        {
                            double v = values[j];
                            band[inside] = v;
                            inside += (v >= low) & (v <= high) ? 1 : 0;
                        }
                    }
                }

                belowCount = Vector.Sum(counts);
            }
#endif
            for (; i < length; i++)
            {
                CancellationCheck.At(i, cancellation);
                double x = values[i];
                belowCount += x < low ? 1 : 0;
                if (x >= low && x <= high)
                {
                    if (inside == band.Length && !Grow(ref band, length))
                    {
                        return false;
                    }

                    band[inside++] = x;
                }
            }

            below = (int)belowCount;
            return true;
        }

        /// <summary>Doubles the band; false once it would pass half the array.</summary>
        private static bool Grow(ref double[] band, int length)
        {
            if (2 * band.Length > length)
            {
                return false;
            }

            Array.Resize(ref band, 2 * band.Length);
            return true;
        }
    }
}
