using System;
using MathNet.Numerics;
using PSEstimation.Models;

namespace PSEstimation.FitTests
{
    /// <summary>
    /// Pearson's chi-squared test of integer data against a discrete distribution. Cells: every
    /// integer from the smallest to the largest value observed, the first also holding the lower
    /// tail P(X &lt; min) and the last the upper tail P(X > max), so the cells cover the support;
    /// then, from the left, adjacent cells are merged until each expected count n·p is at least 5,
    /// and a last group still below 5 joins its left neighbour (the tails are what gets merged for
    /// a unimodal mass function). Degrees of freedom: cells - 1 - the number of estimated
    /// parameters; with none left there is a statistic but no p-value. The p-value is the
    /// chi-squared law's upper tail (asymptotic; with estimated parameters strictly valid for
    /// estimates from the grouped data, a close approximation for the MLE from the raw counts).
    /// </summary>
    internal static class ChiSquareTest
    {
        /// <summary>The smallest expected count a cell may have after merging.</summary>
        public const double MinimumExpected = 5;

        public static ChiSquareResult Compute(double[] sorted, DistributionModel model, double[] theta, int estimatedParameters)
        {
            int n = sorted.Length;
            double lo = sorted[0], hi = sorted[n - 1];
            double statistic = 0;
            int cells = 0;
            double groupExpected = 0, groupObserved = 0;
            double lastExpected = 0, lastObserved = 0;
            bool haveLast = false;
            int next = 0;
            for (double k = lo; k <= hi; k++)
            {
                double p = model.Density(k, theta);
                if (k == lo)
                {
                    p += model.Cdf(k - 1, theta);
                }

                if (k == hi)
                {
                    p += model.Survival(k, theta);
                }

                int observed = 0;
                while (next < n && sorted[next] == k)
                {
                    observed++;
                    next++;
                }

                groupExpected += n * p;
                groupObserved += observed;
                if (groupExpected >= MinimumExpected)
                {
                    if (haveLast)
                    {
                        statistic += Term(lastObserved, lastExpected);
                        cells++;
                    }

                    lastExpected = groupExpected;
                    lastObserved = groupObserved;
                    haveLast = true;
                    groupExpected = 0;
                    groupObserved = 0;
                }
            }

            if (groupExpected > 0 || groupObserved > 0)
            {
                // A final group below 5 joins its left neighbour (or stands alone if there is none).
                lastExpected += groupExpected;
                lastObserved += groupObserved;
                haveLast = true;
            }

            if (haveLast)
            {
                statistic += Term(lastObserved, lastExpected);
                cells++;
            }

            int df = cells - 1 - estimatedParameters;
            double? pValue = df >= 1 ? Math.Min(1, Math.Max(0, SpecialFunctions.GammaUpperRegularized(df / 2.0, statistic / 2))) : null;
            return new ChiSquareResult(statistic, df >= 1 ? df : (int?)null, pValue, cells);
        }

        private static double Term(double observed, double expected)
            => expected > 0 ? (observed - expected) * (observed - expected) / expected : (observed > 0 ? double.PositiveInfinity : 0);
    }

    /// <summary>The chi-squared statistic, its degrees of freedom and p-value (null when no degree of freedom is left), and the number of cells.</summary>
    internal sealed class ChiSquareResult
    {
        public ChiSquareResult(double statistic, int? degreesOfFreedom, double? pValue, int cells)
        {
            Statistic = statistic;
            DegreesOfFreedom = degreesOfFreedom;
            PValue = pValue;
            Cells = cells;
        }

        public double Statistic { get; }

        public int? DegreesOfFreedom { get; }

        public double? PValue { get; }

        public int Cells { get; }
    }
}
