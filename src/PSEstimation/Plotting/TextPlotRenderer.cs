using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PSEstimation.Plotting
{
    /// <summary>
    /// Draws panels as lines of text: a title line with the legend, the plot area with the y
    /// axis's labels on the left, the x axis and its labels below; several panels side by side
    /// (two columns when there is room) and in rows. Every line is at most the given width, the
    /// whole at most the given height; colour (ANSI) only when asked for.
    /// </summary>
    internal sealed class TextPlotRenderer
    {
        /// <summary>The narrowest and lowest panel that still has a readable plot area.</summary>
        public const int MinimumPanelWidth = 30;
        public const int MinimumPanelHeight = 7;

        /// <summary>Default height of one row of panels, in lines.</summary>
        public const int DefaultRowHeight = 16;

        private static readonly string[] ColourCodes = { "\u001b[36m", "\u001b[31m", "\u001b[32m", "\u001b[33m", "\u001b[35m", "\u001b[34m" };
        private const string Neutral = "\u001b[90m";
        private const string AsciiGlyphs = "o*+x%@";

        public TextPlotRenderer(bool ascii, bool colour)
        {
            Ascii = ascii;
            Colour = colour;
        }

        public bool Ascii { get; }

        public bool Colour { get; }

        /// <summary>How many panel columns and rows a picture of <paramref name="count"/> panels gets at <paramref name="width"/>.</summary>
        public static (int Columns, int Rows) Grid(int count, int width)
        {
            int columns = count > 1 && width >= 90 ? 2 : 1;
            return (columns, (count + columns - 1) / columns);
        }

        /// <summary>The picture as lines, or an ArgumentException when <paramref name="width"/> and <paramref name="height"/> leave too little room.</summary>
        public IReadOnlyList<string> Render(IReadOnlyList<PlotPanel> panels, int width, int height)
        {
            var (columns, rows) = Grid(panels.Count, width);
            int panelWidth = (width - (2 * (columns - 1))) / columns;
            int panelHeight = (height - (rows - 1)) / rows;
            if (panelWidth < MinimumPanelWidth || panelHeight < MinimumPanelHeight)
            {
                throw new ArgumentException(
                    $"{panels.Count} panel(s) in {width} × {height} characters leave {panelWidth} × {panelHeight} per panel; each needs at least {MinimumPanelWidth} × {MinimumPanelHeight}. Give a larger -Width or -Height, or fewer -Kind.");
            }

            var lines = new List<string>();
            for (int r = 0; r < rows; r++)
            {
                if (r > 0)
                {
                    lines.Add(string.Empty);
                }

                var blocks = panels.Skip(r * columns).Take(columns).Select(p => RenderPanel(p, panelWidth, panelHeight)).ToList();
                for (int i = 0; i < panelHeight; i++)
                {
                    lines.Add(string.Join("  ", blocks.Select(b => b[i])).TrimEnd());
                }
            }

            return lines;
        }

        /// <summary>One panel, every line exactly <paramref name="width"/> visible characters.</summary>
        internal string[] RenderPanel(PlotPanel panel, int width, int height)
        {
            var (yLow, yHigh) = PlotRange.Y(panel);
            int plotRows = height - 3;
            var yScale = NiceScale.Cover(yLow, yHigh, Math.Max(2, Math.Min(6, (plotRows / 3) + 1)));
            var yTicks = yScale.Ticks;
            int labelWidth = yTicks.Max(t => yScale.Label(t).Length);
            int plotColumns = width - labelWidth - 2;
            var xScale = panel.XScale(Math.Max(2, Math.Min(8, plotColumns / 10)));

            var canvas = new TextCanvas(plotColumns, plotRows, Ascii);
            var map = new CanvasMap(canvas, xScale, yScale);
            foreach (var series in panel.Series.Where(s => s.Style == SeriesStyle.Band))
            {
                DrawBand(map, series);
            }

            foreach (var series in panel.Series.Where(s => s.Style == SeriesStyle.Bars))
            {
                DrawBars(map, series);
            }

            foreach (var series in panel.Series.Where(s => s.Style != SeriesStyle.Band && s.Style != SeriesStyle.Bars))
            {
                DrawMarks(map, series);
            }

            var lines = new string[height];
            lines[0] = Pad(TitleLine(panel, width), width);

            // The row of each y tick: ticks are exact multiples of the step, so rounding finds them.
            var labels = new string?[plotRows];
            foreach (double tick in yTicks)
            {
                int row = (int)Math.Round((yScale.Maximum - tick) / (yScale.Maximum - yScale.Minimum) * (plotRows - 1));
                labels[row] = yScale.Label(tick);
            }

            for (int r = 0; r < plotRows; r++)
            {
                string axis = labels[r] is null ? (Ascii ? "|" : "│") : (Ascii ? "+" : "┤");
                lines[1 + r] = (labels[r] ?? string.Empty).PadLeft(labelWidth) + " " + axis + canvas.Render(r, Colour ? CodeOf : null);
            }

            var axisLine = new StringBuilder(new string(' ', labelWidth + 1) + (Ascii ? "+" : "└") + new string(Ascii ? '-' : '─', plotColumns));
            var labelLine = new StringBuilder(new string(' ', width));
            int free = 0;
            foreach (double tick in xScale.Ticks)
            {
                int column = (int)Math.Round((tick - xScale.Minimum) / (xScale.Maximum - xScale.Minimum) * (plotColumns - 1));
                int at = labelWidth + 2 + column;
                axisLine[at] = Ascii ? '+' : '┬';
                string text = panel.XLabel(xScale, tick);
                int start = Math.Min(width - text.Length, Math.Max(free, at - (text.Length / 2)));
                if (start >= free && start + text.Length <= width)
                {
                    for (int i = 0; i < text.Length; i++)
                    {
                        labelLine[start + i] = text[i];
                    }

                    free = start + text.Length + 1;
                }
            }

            lines[height - 2] = Pad(axisLine.ToString(), width);
            lines[height - 1] = Pad(labelLine.ToString(), width);
            return lines;
        }

        private string TitleLine(PlotPanel panel, int width)
        {
            var text = new StringBuilder(panel.Title).Append(" (").Append(panel.YTitle).Append(" vs ").Append(panel.XTitle).Append(')');
            var legend = panel.Series.Where(s => s.Name.Length > 0).Select(s => LegendGlyph(s) + " " + s.Name).ToList();
            string plainLegend = string.Join("  ", legend);
            if (text.Length + 2 + plainLegend.Length > width)
            {
                text = new StringBuilder(panel.Title);
            }

            if (text.Length + 2 + plainLegend.Length <= width && legend.Count > 0)
            {
                text.Append("  ");
                var parts = panel.Series.Where(s => s.Name.Length > 0).Select(s => (Colour ? CodeOf(s.Colour) : string.Empty) + LegendGlyph(s) + (Colour ? TextCanvas.Reset : string.Empty) + " " + s.Name);
                string padding = new string(' ', width - text.Length - plainLegend.Length);
                return text.Append(string.Join("  ", parts)).Append(padding).ToString();
            }

            return text.Length > width ? text.ToString().Substring(0, width) : text.ToString();
        }

        private char LegendGlyph(PlotSeries series) => series.Style switch
        {
            SeriesStyle.Bars => Ascii ? '#' : '█',
            SeriesStyle.Band => Ascii ? '.' : '┄',
            SeriesStyle.Points => Ascii ? AsciiGlyph(series) : '•',
            _ => Ascii ? AsciiGlyph(series) : '─',
        };

        private static char AsciiGlyph(PlotSeries series) => series.Colour < 0 ? '.' : AsciiGlyphs[series.Colour % AsciiGlyphs.Length];

        private static string CodeOf(int colour) => colour < 0 ? Neutral : ColourCodes[colour % ColourCodes.Length];

        /// <summary>Pads plain text to <paramref name="width"/>; text with colour codes is already exact.</summary>
        private static string Pad(string text, int width) => text.IndexOf('\u001b') >= 0 ? text : text.Length >= width ? text.Substring(0, width) : text.PadRight(width);

        private void DrawBars(CanvasMap map, PlotSeries series)
        {
            var canvas = map.Canvas;
            for (int c = 0; c < canvas.Columns; c++)
            {
                double x = map.XOfColumnCentre(c);
                for (int i = 0; i < series.X.Length; i++)
                {
                    if (x >= series.X[i] && x < series.XEnd![i])
                    {
                        canvas.FillBar(c, map.RowsAbove(series.Y[i]), series.Colour);
                        break;
                    }
                }
            }
        }

        private void DrawMarks(CanvasMap map, PlotSeries series)
        {
            char g = AsciiGlyph(series);
            int priority = series.Colour < 0 ? 1 : 2 + series.Colour;
            switch (series.Style)
            {
                case SeriesStyle.Points:
                    for (int i = 0; i < series.X.Length; i++)
                    {
                        if (map.TryDot(series.X[i], series.Y[i], out int x, out int y))
                        {
                            map.Canvas.SetDot(x, y, series.Colour, g, priority + 10);
                        }
                    }

                    break;
                case SeriesStyle.Step:
                    for (int i = 0; i + 1 < series.X.Length; i++)
                    {
                        map.Line(series.X[i], series.Y[i], series.X[i + 1], series.Y[i], series.Colour, g, priority, dotted: false);
                        map.Line(series.X[i + 1], series.Y[i], series.X[i + 1], series.Y[i + 1], series.Colour, g, priority, dotted: false);
                    }

                    break;
                default:
                    for (int i = 0; i + 1 < series.X.Length; i++)
                    {
                        map.Line(series.X[i], series.Y[i], series.X[i + 1], series.Y[i + 1], series.Colour, g, priority, dotted: series.Colour < 0);
                    }

                    break;
            }
        }

        private void DrawBand(CanvasMap map, PlotSeries series)
        {
            for (int i = 0; i + 1 < series.X.Length; i++)
            {
                map.Line(series.X[i], series.Y[i], series.X[i + 1], series.Y[i + 1], -1, '.', 1, dotted: true);
                map.Line(series.X[i], series.Upper![i], series.X[i + 1], series.Upper[i + 1], -1, '.', 1, dotted: true);
            }
        }
    }
}
