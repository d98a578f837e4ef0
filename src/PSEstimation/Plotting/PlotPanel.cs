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

        /// <summary>The x scale for about <paramref name="tickCount"/> ticks.</summary>
        public NiceScale XScale(int tickCount)
        {
            var (low, high) = PlotRange.X(this);
            return XIntegers ? NiceScale.Integers(low, high, tickCount) : NiceScale.Cover(low, high, tickCount);
        }

        public PlotPanel Add(PlotSeries series)
        {
            Series.Add(series);
            return this;
        }
    }
}
