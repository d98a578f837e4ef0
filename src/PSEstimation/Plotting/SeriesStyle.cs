namespace PSEstimation.Plotting
{
    /// <summary>How a <see cref="PlotSeries"/> is drawn.</summary>
    internal enum SeriesStyle
    {
        /// <summary>Rectangles from (X, 0) to (XEnd, Y): histogram bars.</summary>
        Bars,

        /// <summary>A polyline through (X, Y).</summary>
        Line,

        /// <summary>A step function: Y holds from X[i] to X[i + 1].</summary>
        Step,

        /// <summary>Markers at (X, Y).</summary>
        Points,

        /// <summary>A shaded band between (X, Y) and (X, Upper).</summary>
        Band,
    }
}
