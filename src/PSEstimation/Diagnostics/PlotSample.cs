using System;
using System.Collections.Generic;
using System.Linq;

namespace PSEstimation.Diagnostics
{
    /// <summary>
    /// The data of a picture: sorted once, with its distinct values and their counts (the
    /// empirical CDF's steps, and the likelihood of repeated values evaluated once), and with
    /// frequency weights (-Weight) the weight of each distinct value. Sorting 10^6 values is the
    /// largest cost of a picture (about 0.1 s); everything drawn from it is a few hundred points.
    /// </summary>
    internal sealed class PlotSample
    {
        public PlotSample(double[] values, double[]? weights = null)
        {
            Sorted = values;
            double[]? sortedWeights = weights is null ? null : (double[])weights.Clone();
            if (sortedWeights is null)
            {
                Array.Sort(Sorted);
            }
            else
            {
                Array.Sort(Sorted, sortedWeights);
            }

            var distinct = new List<double>();
            var counts = new List<long>();
            var totals = new List<double>();
            for (int i = 0; i < Sorted.Length; i++)
            {
                double w = sortedWeights?[i] ?? 1;
                if (distinct.Count > 0 && Sorted[i] == distinct[distinct.Count - 1])
                {
                    counts[counts.Count - 1]++;
                    totals[totals.Count - 1] += w;
                }
                else
                {
                    distinct.Add(Sorted[i]);
                    counts.Add(1);
                    totals.Add(w);
                }
            }

            Distinct = distinct.ToArray();
            Counts = counts.ToArray();
            Weights = totals.ToArray();
            IsWeighted = sortedWeights is not null;
            TotalWeight = IsWeighted ? Weights.Sum() : Sorted.Length;
        }

        /// <summary>Whether frequency weights were given (every series then weighs each value by them).</summary>
        public bool IsWeighted { get; }

        /// <summary>The sum of the weights (the count without weights).</summary>
        public double TotalWeight { get; }

        /// <summary>The total weight of each distinct value (its count without weights).</summary>
        public double[] Weights { get; }

        /// <summary>The values in ascending order (the array given, sorted in place).</summary>
        public double[] Sorted { get; }

        public int Count => Sorted.Length;

        public double Minimum => Sorted[0];

        public double Maximum => Sorted[Sorted.Length - 1];

        /// <summary>The distinct values, ascending.</summary>
        public double[] Distinct { get; }

        /// <summary>How often each distinct value occurs.</summary>
        public long[] Counts { get; }

        /// <summary>Whether every value is an integer.</summary>
        public bool IsIntegral
        {
            get
            {
                foreach (double v in Distinct)
                {
                    if (v != Math.Floor(v))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>
        /// At most <paramref name="limit"/> 0-based ranks spread evenly from the smallest to the
        /// largest value (both always included): the points of a Q-Q or P-P plot of a large sample.
        /// </summary>
        public int[] Ranks(int limit)
        {
            int n = Sorted.Length;
            int m = Math.Min(n, limit);
            var ranks = new int[m];
            for (int j = 0; j < m; j++)
            {
                ranks[j] = m == 1 ? 0 : (int)Math.Round((double)j * (n - 1) / (m - 1));
            }

            return ranks;
        }
    }
}
