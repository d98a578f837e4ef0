using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace PSEstimation.Bench
{
    /// <summary>Timing by alternation: A B, B A, A B ..., the ratio taken pair by pair and the median quoted.</summary>
    public static class Measure
    {
        public static double Seconds(Action action)
        {
            var watch = Stopwatch.StartNew();
            action();
            return watch.Elapsed.TotalSeconds;
        }

        /// <summary>
        /// Median of A/B over <paramref name="pairs"/> alternated runs, after one warm-up of each. The
        /// order alternates too, so neither side always inherits the other's garbage.
        /// </summary>
        public static (double Ratio, double MedianA, double MedianB) Paired(Action a, Action b, int pairs)
            => Paired(() => Seconds(a), () => Seconds(b), pairs);

        /// <summary>The same, for sides that time themselves (a script that reads its own stopwatch), in seconds.</summary>
        public static (double Ratio, double MedianA, double MedianB) Paired(Func<double> a, Func<double> b, int pairs)
        {
            a();
            b();
            var ratios = new List<double>();
            var timesA = new List<double>();
            var timesB = new List<double>();
            for (int i = 0; i < pairs; i++)
            {
                double ta, tb;
                if (i % 2 == 0)
                {
                    ta = a();
                    tb = b();
                }
                else
                {
                    tb = b();
                    ta = a();
                }

                timesA.Add(ta);
                timesB.Add(tb);
                ratios.Add(ta / tb);
            }

            return (Median(ratios), Median(timesA), Median(timesB));
        }

        /// <summary>
        /// The median time of each side over <paramref name="rounds"/> rounds that run every side
        /// once, the order rotating from round to round, after one warm-up of each: for a figure
        /// that combines more than two timings taken at the same speed of the machine.
        /// </summary>
        public static double[] Interleaved(IReadOnlyList<Func<double>> sides, int rounds)
        {
            var times = sides.Select(_ => new List<double>()).ToArray();
            foreach (var side in sides)
            {
                side();
            }

            for (int round = 0; round < rounds; round++)
            {
                for (int k = 0; k < sides.Count; k++)
                {
                    int side = (round + k) % sides.Count;
                    times[side].Add(sides[side]());
                }
            }

            return times.Select(Median).ToArray();
        }

        public static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            int n = sorted.Length;
            return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        }
    }
}
