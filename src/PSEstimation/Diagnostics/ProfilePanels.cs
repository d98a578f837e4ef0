using System;
using System.Linq;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Plotting;

namespace PSEstimation.Diagnostics
{
    /// <summary>
    /// The Profile panels of a maximum-likelihood fit, one per free parameter: the profile
    /// log-likelihood ℓp(ψ) = max ℓ(θ) with that parameter held at ψ (a re-fit through
    /// <see cref="FitProblem"/>, as -IntervalMethod Profile does), on a grid that covers the
    /// profile interval with a margin, the cut line ℓ̂ - χ²₁(level)/2 and the interval's ends
    /// marked on it. Each grid point is a constrained re-fit, so the grid is kept small.
    /// </summary>
    internal sealed class ProfilePanels
    {
        private const int GridPoints = 61;

        /// <summary>How far beyond the interval the grid reaches, as a share of the interval's width on each side.</summary>
        private const double Margin = 0.35;

        private readonly FitProblem problem;
        private readonly double level;

        public ProfilePanels(FitProblem problem, double level)
        {
            this.problem = problem;
            this.level = level;
        }

        /// <summary>The panel of parameter <paramref name="j"/>; <paramref name="standardError"/> (may be NaN) sets the search's first step and the range when a side of the interval is open.</summary>
        public PlotPanel Panel(int j, double standardError, CancellationToken cancellation)
        {
            var spec = problem.Family.Parameters[j];
            double estimate = problem.Theta[j];
            var interval = ProfileLikelihood.Parameter(problem, j, level, standardError > 0 ? standardError : (double?)null, cancellation);
            double spread = standardError > 0 && !double.IsInfinity(standardError) ? standardError : Math.Abs(estimate) * 0.25 + 1e-3;
            double lower = Finite(interval.Lower) ?? estimate - (2 * spread);
            double upper = Finite(interval.Upper) ?? estimate + (2 * spread);
            double width = Math.Max(upper - lower, 1e-9 * Math.Max(1, Math.Abs(estimate)));
            double low = lower - (Margin * width), high = upper + (Margin * width);
            if (spec.Domain == ParameterDomain.Positive || spec.Domain == ParameterDomain.Probability)
            {
                low = Math.Max(low, Math.Min(lower, estimate) * 0.5);
            }

            if (spec.Domain == ParameterDomain.Probability)
            {
                low = Math.Max(low, 1e-9);
                high = Math.Min(high, 1 - 1e-9);
            }

            var grid = Enumerable.Range(0, GridPoints).Select(i => low + ((high - low) * i / (GridPoints - 1))).ToArray();
            var profile = grid.Select(g => Profile(j, g, cancellation)).ToArray();
            double cut = problem.LogLikelihood - (ProfileLikelihood.Critical(level) / 2);
            string percent = (level * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

            var panel = new PlotPanel(PlotKind.Profile, spec.Name + " profile", spec.Name, "profile log-likelihood");
            panel.Add(new PlotSeries("profile", SeriesStyle.Line, grid, profile) { Colour = 1 });
            panel.Add(new PlotSeries($"{percent}% cut", SeriesStyle.Line, new[] { low, high }, new[] { cut, cut }) { Colour = 2 });
            var ends = new[] { interval.Lower, interval.Upper }.Where(e => e is double v && !double.IsInfinity(v) && v > low && v < high).Select(e => e!.Value).ToArray();
            if (ends.Length > 0)
            {
                panel.Add(new PlotSeries("interval ends", SeriesStyle.Points, ends, ends.Select(_ => cut).ToArray()) { Colour = 3 });
            }

            panel.Add(new PlotSeries("estimate", SeriesStyle.Points, new[] { estimate }, new[] { problem.LogLikelihood }) { Colour = 0 });
            return panel;
        }

        /// <summary>ℓp at <paramref name="value"/>; NaN (a gap in the line) where the re-fit fails or the value is outside the space.</summary>
        private double Profile(int j, double value, CancellationToken cancellation)
        {
            if (!problem.Family.Parameters[j].Accepts(value))
            {
                return double.NaN;
            }

            try
            {
                var maximum = problem.Maximize(problem.Holding(j, value), cancellation);
                return double.IsInfinity(maximum.LogLikelihood) ? double.NaN : maximum.LogLikelihood;
            }
            catch (EstimationException)
            {
                return double.NaN;
            }
        }

        private static double? Finite(double? value) => value is double v && !double.IsInfinity(v) && !double.IsNaN(v) ? v : (double?)null;
    }
}
