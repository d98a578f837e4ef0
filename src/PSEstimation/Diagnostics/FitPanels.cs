using System;
using System.Collections.Generic;
using System.Linq;
using PSEstimation.Plotting;

namespace PSEstimation.Diagnostics
{
    /// <summary>
    /// The panels that compare data with one or more fits (fitdistrplus's plot.fitdist and
    /// denscomp/qqcomp/ppcomp/cdfcomp): Histogram, QQ, PP and CDF, reduced to what is drawn
    /// (bins, at most <see cref="MaximumPoints"/> points per series), never one mark per value.
    /// </summary>
    internal sealed class FitPanels
    {
        /// <summary>Points of a Q-Q or P-P plot, and steps of an empirical CDF, at most.</summary>
        public const int MaximumPoints = 400;

        /// <summary>The pointwise band's level.</summary>
        public const double BandLevel = 0.95;

        private const string BandName = "95% band";

        private const int CurvePoints = 241;

        private readonly PlotSample sample;
        private readonly IReadOnlyList<PlottedFit> fits;
        private readonly string valueTitle;

        public FitPanels(PlotSample sample, IReadOnlyList<PlottedFit> fits, string valueTitle)
        {
            this.sample = sample;
            this.fits = fits;
            this.valueTitle = valueTitle;
        }

        private bool Discrete => fits.All(f => f.Model.IsDiscrete) && sample.IsIntegral;

        public PlotPanel Histogram()
        {
            if (Discrete && sample.Maximum - sample.Minimum <= 60)
            {
                var panel = new PlotPanel(PlotKind.Histogram, "Histogram", valueTitle, "proportion") { YFromZero = true, XIntegers = true };
                int count = (int)(sample.Maximum - sample.Minimum) + 1;
                var x = Enumerable.Range(0, count).Select(i => sample.Minimum + i).ToArray();
                var proportion = new double[count];
                for (int i = 0; i < sample.Distinct.Length; i++)
                {
                    proportion[(int)(sample.Distinct[i] - sample.Minimum)] = sample.Weights[i] / sample.TotalWeight;
                }

                panel.Add(new PlotSeries("data", SeriesStyle.Bars, x.Select(v => v - 0.4).ToArray(), proportion) { XEnd = x.Select(v => v + 0.4).ToArray(), Colour = 0 });
                for (int f = 0; f < fits.Count; f++)
                {
                    var fit = fits[f];
                    panel.Add(new PlotSeries(fit.Label, SeriesStyle.Points, x, x.Select(v => fit.Model.Density(v, fit.Theta)).ToArray()) { Colour = f + 1 });
                }

                return panel;
            }

            // Rice's rule (2·n^(1/3) bins), at most 40, on round bin edges.
            int target = Math.Max(5, Math.Min(40, (int)Math.Ceiling(2 * Math.Pow(sample.TotalWeight, 1.0 / 3))));
            var scale = NiceScale.Cover(sample.Minimum, sample.Maximum, target + 1);
            double width = scale.Step;
            int bins = Math.Max(1, (int)Math.Round((scale.Maximum - scale.Minimum) / width));
            var counts = new double[bins];
            for (int i = 0; i < sample.Distinct.Length; i++)
            {
                int bin = (int)Math.Floor((sample.Distinct[i] - scale.Minimum) / width);
                counts[Math.Max(0, Math.Min(bins - 1, bin))] += sample.Weights[i];
            }

            var left = Enumerable.Range(0, bins).Select(i => scale.Minimum + (i * width)).ToArray();
            var histogram = new PlotPanel(PlotKind.Histogram, "Histogram", valueTitle, "density") { YFromZero = true };
            histogram.Add(new PlotSeries("data", SeriesStyle.Bars, left, counts.Select(c => c / (sample.TotalWeight * width)).ToArray()) { XEnd = left.Select(l => l + width).ToArray(), Colour = 0 });
            var grid = Grid(scale.Minimum, scale.Maximum);
            for (int f = 0; f < fits.Count; f++)
            {
                var fit = fits[f];
                histogram.Add(new PlotSeries(fit.Label, SeriesStyle.Line, grid, grid.Select(v => fit.Model.Density(v, fit.Theta)).ToArray()) { Colour = f + 1 });
            }

            return histogram;
        }

        public PlotPanel QQ()
        {
            var (y, position, band) = Positions();
            bool one = fits.Count == 1;
            var panel = new PlotPanel(PlotKind.QQ, "Q-Q plot", one ? fits[0].Label + " quantile" : "fitted quantile", "data quantile");
            double low = sample.Minimum, high = sample.Maximum;
            for (int f = 0; f < fits.Count; f++)
            {
                var fit = fits[f];
                var x = position.Select(p => fit.Model.Quantile(p, fit.Theta)).ToArray();
                if (one && band is not null)
                {
                    panel.Add(new PlotSeries(BandName, SeriesStyle.Band, x, band.Select(b => fit.Model.Quantile(b.Lower, fit.Theta)).ToArray())
                    {
                        Upper = band.Select(b => fit.Model.Quantile(b.Upper, fit.Theta)).ToArray(),
                        Colour = -1,
                    });
                }

                panel.Add(new PlotSeries(one ? DataName : fit.Label, SeriesStyle.Points, x, y) { Colour = one ? 0 : f + 1 });
                foreach (double v in x.Where(IsFinite))
                {
                    low = Math.Min(low, v);
                    high = Math.Max(high, v);
                }
            }

            panel.Series.Insert(0, new PlotSeries(string.Empty, SeriesStyle.Line, new[] { low, high }, new[] { low, high }) { Colour = -1 });
            return panel;
        }

        public PlotPanel PP()
        {
            var (y, p, band) = Positions();
            bool one = fits.Count == 1;
            var panel = new PlotPanel(PlotKind.PP, "P-P plot", "empirical probability", one ? fits[0].Label + " probability" : "fitted probability") { YFromZero = true };
            panel.Add(new PlotSeries(string.Empty, SeriesStyle.Line, new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 }) { Colour = -1 });
            if (one && band is not null)
            {
                panel.Series.Insert(0, new PlotSeries(BandName, SeriesStyle.Band, p, band.Select(b => b.Lower).ToArray()) { Upper = band.Select(b => b.Upper).ToArray(), Colour = -1 });
            }

            for (int f = 0; f < fits.Count; f++)
            {
                var fit = fits[f];
                panel.Add(new PlotSeries(one ? DataName : fit.Label, SeriesStyle.Points, p, y.Select(v => fit.Model.Cdf(v, fit.Theta)).ToArray()) { Colour = one ? 0 : f + 1 });
            }

            return panel;
        }

        private string DataName => sample.IsWeighted ? "data (weighted)" : "data";

        /// <summary>
        /// The points of a Q-Q or P-P plot: sorted values and their plotting positions, at most
        /// <see cref="MaximumPoints"/>. Without weights the ranks' (i - 0.5)/n with the order
        /// statistics' band; with weights each distinct value at the middle of its step of the
        /// weighted empirical CDF, (W below it + w/2)/W, and no band (the order statistics of a
        /// weighted sample have no such law).
        /// </summary>
        private (double[] Values, double[] Positions, (double Lower, double Upper)[]? Band) Positions()
        {
            if (!sample.IsWeighted)
            {
                int n = sample.Count;
                var ranks = sample.Ranks(MaximumPoints);
                return (ranks.Select(r => sample.Sorted[r]).ToArray(), ranks.Select(r => (r + 0.5) / n).ToArray(), ranks.Select(r => OrderStatisticBand(r, n)).ToArray());
            }

            var values = new List<double>();
            var positions = new List<double>();
            double below = 0;
            for (int i = 0; i < sample.Distinct.Length; i++)
            {
                double w = sample.Weights[i];
                if (w > 0)
                {
                    values.Add(sample.Distinct[i]);
                    positions.Add((below + (w / 2)) / sample.TotalWeight);
                }

                below += w;
            }

            int m = Math.Min(values.Count, MaximumPoints);
            var picked = Enumerable.Range(0, m).Select(j => m == 1 ? 0 : (int)Math.Round((double)j * (values.Count - 1) / (m - 1))).ToArray();
            return (picked.Select(i => values[i]).ToArray(), picked.Select(i => positions[i]).ToArray(), null);
        }

        public PlotPanel Cdf()
        {
            int n = sample.Count;
            double margin = Math.Max(sample.Maximum - sample.Minimum, Math.Abs(sample.Maximum) * 0.1 + 1e-9) * 0.03;
            double low = sample.Minimum - margin, high = sample.Maximum + margin;
            if (sample.Minimum >= 0 && low < 0)
            {
                // Data on [0, ∞) (most positive families): the axis starts at 0, not at a negative round number.
                low = 0;
            }

            var panel = new PlotPanel(PlotKind.CDF, "Empirical and fitted CDF", valueTitle, "cumulative probability") { YFromZero = true };

            // The steps at (at most MaximumPoints) distinct values, spread by rank: exact for small samples.
            var cumulative = new double[sample.Distinct.Length];
            double running = 0;
            for (int i = 0; i < cumulative.Length; i++)
            {
                running += sample.Weights[i];
                cumulative[i] = running;
            }

            int m = Math.Min(cumulative.Length, MaximumPoints * 2);
            var stepX = new List<double> { low };
            var stepY = new List<double> { 0 };
            for (int j = 0; j < m; j++)
            {
                int i = m == 1 ? 0 : (int)Math.Round((double)j * (cumulative.Length - 1) / (m - 1));
                stepX.Add(sample.Distinct[i]);
                stepY.Add(cumulative[i] / sample.TotalWeight);
            }

            stepX.Add(high);
            stepY.Add(1);
            panel.Add(new PlotSeries("data", SeriesStyle.Step, stepX.ToArray(), stepY.ToArray()) { Colour = 0 });
            for (int f = 0; f < fits.Count; f++)
            {
                var fit = fits[f];
                if (fit.Model.IsDiscrete && high - low <= 2000)
                {
                    var k = Enumerable.Range(0, (int)(Math.Floor(high) - Math.Ceiling(low)) + 1).Select(i => Math.Ceiling(low) + i).ToList();
                    k.Insert(0, low);
                    k.Add(high);
                    panel.Add(new PlotSeries(fit.Label, SeriesStyle.Step, k.ToArray(), k.Select(v => fit.Model.Cdf(v, fit.Theta)).ToArray()) { Colour = f + 1 });
                }
                else
                {
                    var grid = Grid(low, high);
                    panel.Add(new PlotSeries(fit.Label, SeriesStyle.Line, grid, grid.Select(v => fit.Model.Cdf(v, fit.Theta)).ToArray()) { Colour = f + 1 });
                }
            }

            return panel;
        }

        /// <summary>
        /// The central <see cref="BandLevel"/> interval of the probability at 0-based rank
        /// <paramref name="r"/> of <paramref name="n"/>: U(r+1) ~ Beta(r + 1, n - r) under the fit.
        /// Exact quantiles while either shape is small; the normal approximation (good to the
        /// drawing's resolution) beyond 100, where the exact search costs more than the picture.
        /// </summary>
        internal static (double Lower, double Upper) OrderStatisticBand(int r, int n)
        {
            double a = r + 1, b = n - r, tail = (1 - BandLevel) / 2;
            if (Math.Min(a, b) < 100)
            {
                return (Bayesian.Quantiles.Beta(a, b, tail), Bayesian.Quantiles.Beta(a, b, tail, upper: true));
            }

            double mean = a / (a + b), sd = Math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
            double z = 1.959963984540054;
            return (Math.Max(0, mean - (z * sd)), Math.Min(1, mean + (z * sd)));
        }

        private static double[] Grid(double low, double high)
            => Enumerable.Range(0, CurvePoints).Select(i => low + ((high - low) * i / (CurvePoints - 1))).ToArray();

        private static bool IsFinite(double v) => !double.IsNaN(v) && !double.IsInfinity(v);
    }
}
