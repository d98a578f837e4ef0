using System;

namespace PSEstimation.Plotting
{
    /// <summary>Data coordinates to a <see cref="TextCanvas"/>'s dots, with lines clipped to the canvas.</summary>
    internal sealed class CanvasMap
    {
        private readonly NiceScale x;
        private readonly NiceScale y;

        public CanvasMap(TextCanvas canvas, NiceScale x, NiceScale y)
        {
            Canvas = canvas;
            this.x = x;
            this.y = y;
        }

        public TextCanvas Canvas { get; }

        private double DotX(double value) => (value - x.Minimum) / (x.Maximum - x.Minimum) * (Canvas.DotsX - 1);

        private double DotY(double value) => (y.Maximum - value) / (y.Maximum - y.Minimum) * (Canvas.DotsY - 1);

        public double XOfColumnCentre(int column) => x.Minimum + ((column + 0.5) / Canvas.Columns * (x.Maximum - x.Minimum));

        /// <summary>How many rows (fractional) a bar of height <paramref name="value"/> fills.</summary>
        public double RowsAbove(double value) => (value - y.Minimum) / (y.Maximum - y.Minimum) * Canvas.Rows;

        public bool TryDot(double vx, double vy, out int dx, out int dy)
        {
            double fx = DotX(vx), fy = DotY(vy);
            dx = dy = 0;
            if (!(fx >= -0.5 && fx <= Canvas.DotsX - 0.5 && fy >= -0.5 && fy <= Canvas.DotsY - 0.5))
            {
                return false;
            }

            dx = (int)Math.Round(fx);
            dy = (int)Math.Round(fy);
            return true;
        }

        /// <summary>A straight line between two data points, clipped to the canvas (Liang–Barsky), dot by dot.</summary>
        public void Line(double x0, double y0, double x1, double y1, int colour, char glyph, int priority, bool dotted)
        {
            double ax = DotX(x0), ay = DotY(y0), bx = DotX(x1), by = DotY(y1);
            if (double.IsNaN(ax + ay + bx + by))
            {
                return;
            }

            // Infinite ends (a quantile of 1) become far-away finite ones before clipping.
            ax = Clamp(ax); ay = Clamp(ay); bx = Clamp(bx); by = Clamp(by);
            double t0 = 0, t1 = 1, dx = bx - ax, dy = by - ay;
            if (!Clip(-dx, ax + 0.5, ref t0, ref t1) || !Clip(dx, Canvas.DotsX - 0.5 - ax, ref t0, ref t1)
                || !Clip(-dy, ay + 0.5, ref t0, ref t1) || !Clip(dy, Canvas.DotsY - 0.5 - ay, ref t0, ref t1))
            {
                return;
            }

            double sx = ax + (t0 * dx), sy = ay + (t0 * dy), ex = ax + (t1 * dx), ey = ay + (t1 * dy);
            int steps = (int)Math.Ceiling(Math.Max(Math.Abs(ex - sx), Math.Abs(ey - sy)));
            for (int i = 0; i <= steps; i++)
            {
                if (dotted && i % 2 == 1)
                {
                    continue;
                }

                double t = steps == 0 ? 0 : (double)i / steps;
                Canvas.SetDot((int)Math.Round(sx + (t * (ex - sx))), (int)Math.Round(sy + (t * (ey - sy))), colour, glyph, priority);
            }
        }

        private static double Clamp(double v) => Math.Max(-1e6, Math.Min(1e6, v));

        private static bool Clip(double p, double q, ref double t0, ref double t1)
        {
            if (p == 0)
            {
                return q >= 0;
            }

            double r = q / p;
            if (p < 0)
            {
                if (r > t1)
                {
                    return false;
                }

                t0 = Math.Max(t0, r);
            }
            else
            {
                if (r < t0)
                {
                    return false;
                }

                t1 = Math.Min(t1, r);
            }

            return true;
        }
    }
}
