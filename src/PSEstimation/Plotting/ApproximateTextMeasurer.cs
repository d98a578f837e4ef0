using System.Collections.Generic;
using OxyPlot;

namespace PSEstimation.Plotting
{
    /// <summary>
    /// Text sizes for OxyPlot's layout without a font engine: OxyPlot.Core's SVG exporter needs a
    /// measurer, and the managed one must not depend on the machine's fonts (the same file on
    /// every machine). Widths are an average glyph of a sans-serif face, 0.7 em (generous, so that labels never overlap); this render
    /// context draws nothing.
    /// </summary>
    internal sealed class ApproximateTextMeasurer : RenderContextBase
    {
        public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
        {
            if (string.IsNullOrEmpty(text))
            {
                return OxySize.Empty;
            }

            string[] lines = text.Split('\n');
            int longest = 0;
            foreach (string line in lines)
            {
                longest = System.Math.Max(longest, line.Length);
            }

            return new OxySize(longest * fontSize * 0.7, lines.Length * fontSize * 1.2);
        }

        public override void DrawLine(IList<ScreenPoint> points, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[] dashArray, LineJoin lineJoin)
        {
        }

        public override void DrawPolygon(IList<ScreenPoint> points, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[] dashArray, LineJoin lineJoin)
        {
        }

        public override void DrawText(ScreenPoint p, string text, OxyColor fill, string fontFamily, double fontSize, double fontWeight, double rotation, HorizontalAlignment halign, VerticalAlignment valign, OxySize? maxSize)
        {
        }

        public override void SetToolTip(string text)
        {
        }

        public override void CleanUp()
        {
        }

        public override void DrawImage(OxyImage source, double srcX, double srcY, double srcWidth, double srcHeight, double destX, double destY, double destWidth, double destHeight, double opacity, bool interpolate)
        {
        }

        public override int ClipCount => 0;

        public override void PushClip(OxyRect clippingRectangle)
        {
        }

        public override void PopClip()
        {
        }
    }
}
