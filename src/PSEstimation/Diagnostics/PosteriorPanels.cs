using System;
using System.Collections.Generic;
using System.Linq;
using PSEstimation.Distributions;
using PSEstimation.Models;
using PSEstimation.Plotting;

namespace PSEstimation.Diagnostics
{
    /// <summary>
    /// The Posterior panels of a MAP fit, one per estimated parameter: on a grid around the
    /// mode, the prior density, the likelihood of the data scaled to unit area, and their
    /// normalised product, each with the other parameters at their MAP values (the conditional
    /// posterior; for a one-parameter family the posterior itself). The legend's "likelihood" is
    /// the likelihood scaled to unit area. The likelihood is summed
    /// exactly over the distinct values, so its cost grows with their number times the grid.
    /// </summary>
    internal sealed class PosteriorPanels
    {
        private const int GridPoints = 121;

        private readonly PlotSample sample;
        private readonly DistributionModel model;
        private readonly double[] mode;

        public PosteriorPanels(PlotSample sample, DistributionModel model, double[] mode)
        {
            this.sample = sample;
            this.model = model;
            this.mode = mode;
        }

        /// <summary>
        /// The panel of parameter <paramref name="j"/>: <paramref name="spread"/> is its posterior
        /// standard deviation (the grid is the mode ± 4 of them, widened to the MLE
        /// <paramref name="mle"/> when given); <paramref name="logPrior"/> its log prior density
        /// with the others at the mode (null: flat).
        /// </summary>
        public PlotPanel Panel(int j, double spread, double? mle, Func<double, double>? logPrior)
        {
            var spec = model.Parameters[j];
            double centre = mode[j];
            if (!(spread > 0) || double.IsInfinity(spread))
            {
                spread = Math.Abs(centre) * 0.25 + 1e-3;
            }

            double low = centre - (4 * spread), high = centre + (4 * spread);
            if (mle is double m && !double.IsNaN(m) && !double.IsInfinity(m))
            {
                low = Math.Min(low, m - (2 * spread));
                high = Math.Max(high, m + (2 * spread));
            }

            if (spec.Domain == ParameterDomain.Positive)
            {
                low = Math.Max(low, Math.Min(centre, mle ?? centre) * 1e-3);
            }
            else if (spec.Domain == ParameterDomain.Probability)
            {
                low = Math.Max(low, 1e-9);
                high = Math.Min(high, 1 - 1e-9);
            }

            var grid = Enumerable.Range(0, GridPoints).Select(i => low + ((high - low) * i / (GridPoints - 1))).ToArray();
            var theta = (double[])mode.Clone();
            var logLikelihood = grid.Select(g =>
            {
                theta[j] = g;
                if (!spec.Accepts(g) || model.ParameterConstraintViolation(theta) is not null)
                {
                    return double.NegativeInfinity;
                }

                double sum = 0;
                for (int i = 0; i < sample.Distinct.Length; i++)
                {
                    sum += sample.Weights[i] * model.LogDensity(sample.Distinct[i], theta);
                }

                return double.IsNaN(sum) ? double.NegativeInfinity : sum;
            }).ToArray();
            var logPriorValues = grid.Select(g => logPrior is null ? 0 : logPrior(g)).ToArray();

            var panel = new PlotPanel(PlotKind.Posterior, spec.Name + " posterior", spec.Name + " (others at the MAP)", "density") { YFromZero = true };
            panel.Add(new PlotSeries(logPrior is null ? "flat prior" : "prior", SeriesStyle.Line, grid, Normalise(grid, logPriorValues)) { Colour = 4 });
            panel.Add(new PlotSeries("likelihood", SeriesStyle.Line, grid, Normalise(grid, logLikelihood)) { Colour = 2 });
            panel.Add(new PlotSeries("posterior", SeriesStyle.Line, grid, Normalise(grid, logPriorValues.Zip(logLikelihood, (a, b) => a + b).ToArray())) { Colour = 1 });
            return panel;
        }

        /// <summary>exp(log values) scaled to unit area on the grid (trapezoids), from the maximum so nothing overflows.</summary>
        private static double[] Normalise(double[] grid, double[] logValues)
        {
            double max = logValues.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NegativeInfinity).Max();
            if (double.IsNegativeInfinity(max) || double.IsNaN(max))
            {
                return grid.Select(_ => double.NaN).ToArray();
            }

            var values = logValues.Select(v => double.IsNaN(v) ? 0 : Math.Exp(v - max)).ToArray();
            double area = 0;
            for (int i = 0; i + 1 < grid.Length; i++)
            {
                area += (values[i] + values[i + 1]) / 2 * (grid[i + 1] - grid[i]);
            }

            return values.Select(v => v / area).ToArray();
        }
    }
}
