namespace PSEstimation.Plotting
{
    /// <summary>One thing drawn in a panel, in data coordinates, with the name its legend shows.</summary>
    internal sealed class PlotSeries
    {
        public PlotSeries(string name, SeriesStyle style, double[] x, double[] y)
        {
            Name = name;
            Style = style;
            X = x;
            Y = y;
        }

        public string Name { get; }

        public SeriesStyle Style { get; }

        public double[] X { get; }

        public double[] Y { get; }

        /// <summary>Bars: each bar's right edge (X is the left one).</summary>
        public double[]? XEnd { get; set; }

        /// <summary>Band: the upper edge (Y is the lower one).</summary>
        public double[]? Upper { get; set; }

        /// <summary>The colour slot (0 = the data, 1.. = the fits), the same in text and SVG.</summary>
        public int Colour { get; set; }
    }
}
