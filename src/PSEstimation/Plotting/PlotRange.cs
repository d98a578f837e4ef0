using System;
using System.Linq;

namespace PSEstimation.Plotting
{
    /// <summary>The data ranges of a panel, shared by the text and SVG renderers so both show the same window.</summary>
    internal static class PlotRange
    {
        /// <summary>The smallest and largest finite x of every series (bars' right edges included).</summary>
        public static (double Low, double High) X(PlotPanel panel)
        {
            double low = double.PositiveInfinity, high = double.NegativeInfinity;
            foreach (var series in panel.Series)
            {
                Extend(series.X, ref low, ref high);
                Extend(series.XEnd, ref low, ref high);
            }

            return (low, high);
        }

        /// <summary>
        /// The y range: every series', from 0 when the panel says so. A curve that runs far above
        /// the bars (a density unbounded at the edge of its support) is cut at 1.5 times the
        /// other marks' height instead of squashing them flat.
        /// </summary>
        public static (double Low, double High) Y(PlotPanel panel)
        {
            double low = panel.YFromZero ? 0 : double.PositiveInfinity, high = panel.YFromZero ? 0 : double.NegativeInfinity;
            double marks = double.NegativeInfinity;
            foreach (var series in panel.Series)
            {
                Extend(series.Y, ref low, ref high);
                Extend(series.Upper, ref low, ref high);
                if (series.Style != SeriesStyle.Line)
                {
                    double l = double.PositiveInfinity;
                    Extend(series.Y, ref l, ref marks);
                }
            }

            if (panel.YFromZero && marks > 0 && high > 1.5 * marks)
            {
                high = 1.5 * marks;
            }

            if (panel.XCategories is not null)
            {
                // Bars of categories: room above the tallest so its marker is not cut by the frame.
                high += (high - low) * 0.08;
            }

            return (low, high);
        }

        private static void Extend(double[]? values, ref double low, ref double high)
        {
            if (values is null)
            {
                return;
            }

            foreach (double v in values.Where(v => !double.IsNaN(v) && !double.IsInfinity(v)))
            {
                low = Math.Min(low, v);
                high = Math.Max(high, v);
            }
        }
    }
}
