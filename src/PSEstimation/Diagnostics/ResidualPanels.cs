using System;
using System.Collections.Generic;
using System.Linq;
using PSEstimation.Models;
using PSEstimation.Plotting;

namespace PSEstimation.Diagnostics
{
    /// <summary>
    /// The Residuals panels of a regression model (R's plot.lm, panels 1 and 2): the residuals
    /// (response - fitted) against the fitted values with the zero line, censored rows marked
    /// apart at their known bound; and, where the noise law is a location family
    /// (<see cref="StandardisedNoise"/>), a Q-Q plot of the exact rows' standardised residuals
    /// against that law with a pointwise 95% band. At most <see cref="MaximumPoints"/> rows are
    /// drawn (evenly spread in input order), never one mark per row of a large table.
    /// </summary>
    internal sealed class ResidualPanels
    {
        /// <summary>Rows drawn in the residuals-against-fitted panel, at most.</summary>
        public const int MaximumPoints = 2000;

        private readonly IReadOnlyList<ResidualPoint> points;
        private readonly string responseTitle;

        public ResidualPanels(IReadOnlyList<ResidualPoint> points, string responseTitle)
        {
            this.points = points;
            this.responseTitle = responseTitle;
        }

        /// <summary>Residuals against fitted values, the zero line, and censored rows as their own series.</summary>
        public PlotPanel AgainstFitted()
        {
            var panel = new PlotPanel(PlotKind.Residuals, "Residuals vs fitted", "fitted " + responseTitle, "residual");
            var drawn = Spread(points, MaximumPoints);
            double low = drawn.Min(p => p.Fitted), high = drawn.Max(p => p.Fitted);
            if (!(high > low))
            {
                double pad = Math.Max(Math.Abs(low) * 0.05, 1e-6);
                low -= pad;
                high += pad;
            }

            panel.Add(new PlotSeries(string.Empty, SeriesStyle.Line, new[] { low, high }, new[] { 0.0, 0.0 }) { Colour = -1 });
            var exact = drawn.Where(p => !p.Censored).ToList();
            var censored = drawn.Where(p => p.Censored).ToList();
            panel.Add(new PlotSeries(censored.Count == 0 ? "residual" : "exact", SeriesStyle.Points, exact.Select(p => p.Fitted).ToArray(), exact.Select(p => p.Residual).ToArray()) { Colour = 0 });
            if (censored.Count > 0)
            {
                panel.Add(new PlotSeries("censored", SeriesStyle.Points, censored.Select(p => p.Fitted).ToArray(), censored.Select(p => p.Residual).ToArray()) { Colour = 1 });
            }

            return panel;
        }

        /// <summary>
        /// The Q-Q panel of the exact rows' residuals divided by the noise scale against the
        /// standardised noise law; null when fewer than 3 exact rows remain.
        /// </summary>
        public PlotPanel? QQ(StandardisedNoise noise)
        {
            var standardised = points.Where(p => !p.Censored).Select(p => p.Residual / noise.Scale).Where(v => !double.IsNaN(v) && !double.IsInfinity(v)).ToArray();
            if (standardised.Length < 3)
            {
                return null;
            }

            var sample = new PlotSample(standardised);
            int n = sample.Count;
            var ranks = sample.Ranks(FitPanels.MaximumPoints);
            var x = ranks.Select(r => noise.Model.Quantile((r + 0.5) / n, noise.Theta)).ToArray();
            var y = ranks.Select(r => sample.Sorted[r]).ToArray();
            var band = ranks.Select(r => FitPanels.OrderStatisticBand(r, n)).ToArray();
            var panel = new PlotPanel(PlotKind.Residuals, "Q-Q of standardised residuals", noise.Label + " quantile", "residual / " + noise.ScaleName);
            double low = Math.Min(sample.Minimum, x.Where(IsFinite).DefaultIfEmpty(sample.Minimum).Min());
            double high = Math.Max(sample.Maximum, x.Where(IsFinite).DefaultIfEmpty(sample.Maximum).Max());
            panel.Add(new PlotSeries(string.Empty, SeriesStyle.Line, new[] { low, high }, new[] { low, high }) { Colour = -1 });
            panel.Add(new PlotSeries("95% band", SeriesStyle.Band, x, band.Select(b => noise.Model.Quantile(b.Lower, noise.Theta)).ToArray())
            {
                Upper = band.Select(b => noise.Model.Quantile(b.Upper, noise.Theta)).ToArray(),
                Colour = -1,
            });
            panel.Add(new PlotSeries("residual", SeriesStyle.Points, x, y) { Colour = 0 });
            return panel;
        }

        /// <summary>At most <paramref name="limit"/> items, evenly spread (first and last kept), in order.</summary>
        private static List<ResidualPoint> Spread(IReadOnlyList<ResidualPoint> all, int limit)
        {
            if (all.Count <= limit)
            {
                return all.ToList();
            }

            return Enumerable.Range(0, limit).Select(j => all[(int)Math.Round((double)j * (all.Count - 1) / (limit - 1))]).ToList();
        }

        private static bool IsFinite(double v) => !double.IsNaN(v) && !double.IsInfinity(v);
    }

    /// <summary>One row of a regression as drawn: its fitted value and residual; censored rows carry the residual of their known bound.</summary>
    internal readonly struct ResidualPoint
    {
        public ResidualPoint(double fitted, double residual, bool censored)
        {
            Fitted = fitted;
            Residual = residual;
            Censored = censored;
        }

        public double Fitted { get; }

        public double Residual { get; }

        public bool Censored { get; }
    }

    /// <summary>
    /// The law of (response - location) / scale under a regression whose linear predictor is the
    /// location (Normal, Laplace, Logistic, Cauchy, StudentT): the family at location 0 and scale
    /// 1 (StudentT keeps its degrees of freedom). A Normal model's standardised residuals are
    /// compared with N(0, 1), a Laplace model's with a Laplace: each with the law it assumes.
    /// </summary>
    internal sealed class StandardisedNoise
    {
        public StandardisedNoise(string label, DistributionModel model, double[] theta, double scale, string scaleName)
        {
            Label = label;
            Model = model;
            Theta = theta;
            Scale = scale;
            ScaleName = scaleName;
        }

        public string Label { get; }

        public DistributionModel Model { get; }

        public double[] Theta { get; }

        public double Scale { get; }

        public string ScaleName { get; }
    }
}
