using System;
using System.Linq;
using System.Threading;
using PSEstimation.Distributions;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// The unweighted median and quantiles of a buffered sample come from a selection, not a sort:
    /// they must be the same doubles as the sorted order statistics (R's type 2 rule: the midpoint
    /// of the two neighbours where p·n is a whole number), for every shape of input.
    /// </summary>
    public class MedianSelectionTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(17)]
        [InlineData(1000)]
        [InlineData(1001)]
        [InlineData(100000)]
        [InlineData(200001)]
        public void Quantiles_equal_the_sorted_order_statistics(int n)
        {
            var r = new Random(n);
            var inputs = new[]
            {
                Enumerable.Range(0, n).Select(_ => r.NextDouble() * 100 - 50).ToArray(),
                Enumerable.Range(0, n).Select(_ => (double)r.Next(5)).ToArray(),
                Enumerable.Range(0, n).Select(i => (double)i).ToArray(),
                Enumerable.Range(0, n).Select(i => (double)(n - i)).ToArray(),
                Enumerable.Repeat(3.25, n).ToArray(),
                Enumerable.Range(0, n).Select(i => i % 2 == 0 ? (double)i : -i).ToArray(),

                // A period of 32 (a stride would line up with it), and magnitudes from 1e-300 to 1e300.
                Enumerable.Range(0, n).Select(i => (double)(i % 32) + (i / 32) * 1e-9).ToArray(),
                Enumerable.Range(0, n).Select(_ => (r.Next(2) == 0 ? -1 : 1) * Math.Pow(10, r.Next(-300, 301))).ToArray(),
            };
            foreach (var values in inputs)
            {
                var sample = new BufferedSample();
                sample.AddRange(values);
                foreach (double p in new[] { 0.5, 0.25, 0.75, 0.1, 0.0, 1.0, 1.0 / 3 })
                {
                    Assert.Equal(SortedQuantile(values, p), sample.WeightedQuantile(p));
                }

                Assert.Equal(sample.Length, n);
            }
        }

        [Fact]
        public void A_bulk_array_is_copied_and_never_written()
        {
            // A fit keeps its sample for intervals asked for later: the caller's array may change by then.
            var r = new Random(5);
            var values = Enumerable.Range(0, 100001).Select(_ => r.NextDouble()).ToArray();
            var copy = (double[])values.Clone();
            var sample = new BufferedSample();
            Assert.True(sample.TryAddRange(values, BulkSupport.Real));
            Assert.Equal(SortedQuantile(copy, 0.5), sample.Median());
            Assert.Equal(copy, values);
            Array.Clear(values, 0, values.Length);
            Assert.Equal(SortedQuantile(copy, 0.5), sample.Median());
            values = (double[])copy.Clone();
            sample.Add(2.0, 1.0);
            sample.Add(3.0, 0.5);
            Assert.Equal(100003, sample.Length);
            Assert.Equal(2.0, sample.ValueAt(100001));
            Assert.Equal(0.5, sample.WeightAt(100002));
            Assert.Equal(copy[7], sample.ValueAt(7));
        }

        [Fact]
        public void Selection_stops_on_a_cancelled_token()
        {
            var sample = new BufferedSample();
            sample.AddRange(Enumerable.Range(0, 300000).Select(i => (double)(i * 7919 % 300000)).ToArray());
            using var source = new CancellationTokenSource();
            source.Cancel();
            sample.Cancellation = source.Token;
            Assert.ThrowsAny<OperationCanceledException>(() => sample.Median());
        }

        /// <summary>The rule of BufferedSample.WeightedQuantile for unit weights, on a full sort (hand-written reference).</summary>
        private static double SortedQuantile(double[] values, double p)
        {
            var sorted = (double[])values.Clone();
            Array.Sort(sorted);
            int n = sorted.Length;
            double target = p * n;
            for (int k = 0; k < n; k++)
            {
                if (Math.Abs(k + 1 - target) <= 1e-12 * n && k + 1 < n)
                {
                    return 0.5 * sorted[k] + 0.5 * sorted[k + 1];
                }

                if (k + 1 > target)
                {
                    return sorted[k];
                }
            }

            return sorted[n - 1];
        }
    }
}
