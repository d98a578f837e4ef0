using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace PSEstimation.Plotting
{
    /// <summary>
    /// Draws panels as one standalone SVG document: each panel is an OxyPlot model exported by
    /// OxyPlot.Core's managed SvgExporter, placed in a grid as a nested svg inside a &lt;g&gt;
    /// whose &lt;title&gt; names the panel's kind (scripts and tests find panels by it). No
    /// script, no external references; the same input gives the same bytes.
    /// </summary>
    internal sealed class SvgPlotRenderer
    {
        public const int DefaultPanelWidth = 480;
        public const int DefaultPanelHeight = 360;

        // Colour-blind-safe (Okabe–Ito): the data, then the fits; neutral grey for bands and reference lines.
        private static readonly OxyColor[] Palette =
        {
            OxyColor.FromRgb(0x56, 0xB4, 0xE9), OxyColor.FromRgb(0xD5, 0x5E, 0x00), OxyColor.FromRgb(0x00, 0x9E, 0x73),
            OxyColor.FromRgb(0xCC, 0x79, 0xA7), OxyColor.FromRgb(0xE6, 0x9F, 0x00), OxyColor.FromRgb(0x00, 0x72, 0xB2),
        };

        private static readonly OxyColor NeutralColour = OxyColor.FromRgb(0x80, 0x80, 0x80);

        private static readonly OxyColor EmpiricalColour = OxyColor.FromRgb(0x22, 0x22, 0x22);

        /// <summary>The document for <paramref name="panels"/>, each <paramref name="panelWidth"/> × <paramref name="panelHeight"/> pixels, two columns when there are several.</summary>
        public string Render(IReadOnlyList<PlotPanel> panels, string title, int panelWidth, int panelHeight)
        {
            int columns = panels.Count > 1 ? 2 : 1;
            int rows = (panels.Count + columns - 1) / columns;
            int width = columns * panelWidth, height = rows * panelHeight;
            var svg = new StringBuilder();
            svg.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
            svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n"));
            svg.Append("<title>").Append(Escape(title)).Append("</title>\n");
            svg.Append(Invariant($"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n"));
            var measurer = new ApproximateTextMeasurer();
            for (int i = 0; i < panels.Count; i++)
            {
                int x = (i % columns) * panelWidth, y = (i / columns) * panelHeight;
                string inner = SvgExporter.ExportToString(Model(panels[i]), panelWidth, panelHeight, false, measurer, true);
                svg.Append(Invariant($"<g id=\"panel{i + 1}\" transform=\"translate({x},{y})\">\n"));
                svg.Append("<title>").Append(panels[i].Kind.ToString()).Append("</title>\n");
                // OxyPlot numbers its clip paths from 1 in every export: make the ids unique in the document.
                string body = StripDeclaration(inner).Trim().Replace("id=\"clipPath", Invariant($"id=\"panel{i + 1}clipPath")).Replace("url(#clipPath", Invariant($"url(#panel{i + 1}clipPath"));
                svg.Append(body).Append('\n');
                svg.Append("</g>\n");
            }

            svg.Append("</svg>\n");
            return svg.ToString();
        }

        private static PlotModel Model(PlotPanel panel)
        {
            var model = new PlotModel
            {
                Title = panel.Title,
                TitleFontSize = 14,
                DefaultFont = "sans-serif",
                Background = OxyColors.White,
                PlotAreaBorderColor = OxyColor.FromRgb(0x60, 0x60, 0x60),
            };
            var (yLow, yHigh) = PlotRange.Y(panel);
            var xs = panel.XScale(6);
            var ys = NiceScale.Cover(yLow, yHigh, 6);
            var xAxis = new LinearAxis { Position = AxisPosition.Bottom, Title = panel.XTitle, Minimum = xs.Minimum, Maximum = xs.Maximum, MajorStep = xs.Step, MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = OxyColor.FromRgb(0xDD, 0xDD, 0xDD) };
            if (panel.XCategories is not null)
            {
                xAxis.LabelFormatter = tick => panel.XLabel(xs, tick);
                xAxis.MinorStep = xs.Step;
            }

            model.Axes.Add(xAxis);
            model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = panel.YTitle, Minimum = ys.Minimum, Maximum = ys.Maximum, MajorStep = ys.Step, MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = OxyColor.FromRgb(0xDD, 0xDD, 0xDD) });
            var legend = new Legend { LegendPosition = LegendPosition.TopLeft, LegendPlacement = LegendPlacement.Inside, LegendBackground = OxyColor.FromArgb(200, 255, 255, 255), LegendBorder = OxyColor.FromRgb(0xBB, 0xBB, 0xBB), LegendFontSize = 11 };
            if (panel.XCategories is not null)
            {
                // Bars of categories fill the frame from the left: the legend goes below it.
                legend.LegendPosition = LegendPosition.BottomCenter;
                legend.LegendPlacement = LegendPlacement.Outside;
                legend.LegendOrientation = LegendOrientation.Horizontal;
            }

            model.Legends.Add(legend);

            foreach (var series in panel.Series.OrderBy(Order))
            {
                // The empirical CDF is drawn last, thin and dark, so the fitted curves never hide it.
                var colour = series.Colour < 0 ? NeutralColour : IsEmpiricalStep(series) ? EmpiricalColour : Palette[series.Colour % Palette.Length];
                Series drawn = series.Style switch
                {
                    SeriesStyle.Bars => Bars(series, colour),
                    SeriesStyle.Band => Band(series),
                    SeriesStyle.Points => Points(series, colour),
                    SeriesStyle.Step => Line(new LineSeries(), StepCorners(series), colour),
                    _ => Line(new LineSeries(), series, colour),
                };
                drawn.Title = series.Name.Length > 0 ? series.Name : null;
                model.Series.Add(drawn);
            }

            return model;
        }

        private static bool IsEmpiricalStep(PlotSeries series) => series.Style == SeriesStyle.Step && series.Colour == 0;

        private static int Order(PlotSeries series) => IsEmpiricalStep(series) ? 4 : series.Style switch
        {
            SeriesStyle.Band => 0,
            SeriesStyle.Bars => 1,
            SeriesStyle.Points => 3,
            _ => 2,
        };

        private static Series Bars(PlotSeries series, OxyColor colour)
        {
            var bars = new RectangleBarSeries { FillColor = OxyColor.FromAColor(170, colour), StrokeColor = OxyColors.White, StrokeThickness = 0.5 };
            for (int i = 0; i < series.X.Length; i++)
            {
                bars.Items.Add(new RectangleBarItem(series.X[i], 0, series.XEnd![i], series.Y[i]));
            }

            return bars;
        }

        private static Series Band(PlotSeries series)
        {
            var band = new AreaSeries { Fill = OxyColor.FromArgb(60, 0x80, 0x80, 0x80), Color = OxyColors.Transparent, Color2 = OxyColors.Transparent, StrokeThickness = 0 };
            for (int i = 0; i < series.X.Length; i++)
            {
                if (IsFinite(series.X[i]) && IsFinite(series.Y[i]) && IsFinite(series.Upper![i]))
                {
                    band.Points.Add(new DataPoint(series.X[i], series.Y[i]));
                    band.Points2.Add(new DataPoint(series.X[i], series.Upper[i]));
                }
            }

            return band;
        }

        private static Series Points(PlotSeries series, OxyColor colour)
        {
            var points = new ScatterSeries { MarkerType = MarkerType.Circle, MarkerSize = series.X.Length <= 80 ? 3.5 : 2.2, MarkerFill = colour, MarkerStroke = OxyColors.Undefined };
            for (int i = 0; i < series.X.Length; i++)
            {
                if (IsFinite(series.X[i]) && IsFinite(series.Y[i]))
                {
                    points.Points.Add(new ScatterPoint(series.X[i], series.Y[i]));
                }
            }

            return points;
        }

        private static Series Line(LineSeries line, PlotSeries series, OxyColor colour)
        {
            line.Color = colour;
            line.StrokeThickness = series.Colour < 0 ? 1 : IsEmpiricalStep(series) ? 1.3 : 2;
            if (series.Colour < 0)
            {
                line.LineStyle = LineStyle.Dash;
            }

            for (int i = 0; i < series.X.Length; i++)
            {
                // A gap (NaN) where the curve is undefined; an unbounded density is cut by the axis.
                line.Points.Add(IsFinite(series.X[i]) && IsFinite(series.Y[i]) ? new DataPoint(series.X[i], series.Y[i]) : DataPoint.Undefined);
            }

            return line;
        }

        /// <summary>
        /// A step function as the corners of one polyline (OxyPlot's StairStepSeries writes a
        /// polyline per step: thousands of elements for an empirical CDF).
        /// </summary>
        private static PlotSeries StepCorners(PlotSeries series)
        {
            int n = series.X.Length;
            var x = new double[Math.Max(0, (2 * n) - 1)];
            var y = new double[x.Length];
            for (int i = 0; i < n; i++)
            {
                x[2 * i] = series.X[i];
                y[2 * i] = series.Y[i];
                if (i + 1 < n)
                {
                    x[(2 * i) + 1] = series.X[i + 1];
                    y[(2 * i) + 1] = series.Y[i];
                }
            }

            return new PlotSeries(series.Name, SeriesStyle.Step, x, y) { Colour = series.Colour };
        }

        private static bool IsFinite(double v) => !double.IsNaN(v) && !double.IsInfinity(v);

        private static string StripDeclaration(string svg)
        {
            int start = svg.IndexOf("<svg", StringComparison.Ordinal);
            return start > 0 ? svg.Substring(start) : svg;
        }

        private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
