using System.Collections.Generic;

namespace PSEstimation.Plotting
{
    /// <summary>
    /// One panel of a picture: its kind (named in the SVG group's title, which scripts rely on), a
    /// title, the axis titles and the series, all in data coordinates. The numbers are already
    /// reduced for drawing (bins, a few hundred points), never one element per input value.
    /// </summary>
    internal sealed class PlotPanel
    {
        public PlotPanel(PlotKind kind, string title, string xTitle, string yTitle)
        {
            Kind = kind;
            Title = title;
            XTitle = xTitle;
            YTitle = yTitle;
        }

        public PlotKind Kind { get; }

        /// <summary>The title; several samples (-GroupBy) prefix it with the sample's name.</summary>
        public string Title { get; set; }

        public string XTitle { get; }

        public string YTitle { get; }

        public List<PlotSeries> Series { get; } = new List<PlotSeries>();

        /// <summary>Whether the y axis starts at 0 (densities, probabilities, bars).</summary>
        public bool YFromZero { get; set; }

        /// <summary>Whether the x axis spans exactly the data with ticks at whole numbers (bars of counts).</summary>
        public bool XIntegers { get; set; }

        /// <summary>Names of the whole-number x positions 0, 1, ... (bars of categories): the x axis labels them instead of numbering them.</summary>
        public string[]? XCategories { get; set; }

        /// <summary>The label of the x tick at <paramref name="tick"/>: its category's name, or the number.</summary>
        public string XLabel(NiceScale scale, double tick)
        {
            if (XCategories is null)
            {
                return scale.Label(tick);
            }

            int i = (int)System.Math.Round(tick);
            return i >= 0 && i < XCategories.Length && System.Math.Abs(tick - i) < 1e-9 ? XCategories[i] : string.Empty;
        }

        /// <summary>The x scale for about <paramref name="tickCount"/> ticks.</summary>
        public NiceScale XScale(int tickCount)
        {
            var (low, high) = PlotRange.X(this);
            if (XCategories is not null)
            {
                // Every category gets its tick while there is room for about one per tick wanted.
                return XCategories.Length <= tickCount * 2 ? NiceScale.Integers(low, high, XCategories.Length) : NiceScale.Integers(low, high, tickCount);
            }

            return XIntegers ? NiceScale.Integers(low, high, tickCount) : NiceScale.Cover(low, high, tickCount);
        }

        public PlotPanel Add(PlotSeries series)
        {
            Series.Add(series);
            return this;
        }
    }
}
