using System;
using System.Collections.Generic;
using System.Linq;
using PSEstimation.Diagnostics;
using PSEstimation.Distributions;
using PSEstimation.Input;
using PSEstimation.Models;
using PSEstimation.Plotting;
using PSEstimation.Regression;
using Xunit;

namespace PSEstimation.Tests.Diagnostics
{
    /// <summary>The Residuals kind's numbers: residuals of a hand-solved least-squares line, censored rows, levels, and the Q-Q positions against R's qnorm.</summary>
    public class ResidualPanelsTests
    {
        // x = 0, 1, 2, 3 and y = 1, 3, 2, 4 by hand: x̄ = 1.5, ȳ = 2.5, Sxy = 4, Sxx = 5, so the
        // least-squares line is y = 1.3 + 0.8 x, fitted 1.3, 2.1, 2.9, 3.7, residuals -0.3, 0.9, -0.9, 0.3.
        private static readonly double[] X = { 0, 1, 2, 3 };
        private static readonly double[] Y = { 1, 3, 2, 4 };

        private static RegressionPredictor Line() => new RegressionPredictor(
            DistributionName.Normal,
            new[] { DesignColumn.Intercept(), DesignColumn.Numeric("x") },
            new[] { 1.3, 0.8 },
            null,
            new Dictionary<string, double> { ["Variance"] = 0.45 });

        private static RegressionRows Rows(string[] predictors)
            => new RegressionRows(new InputSlot(0, new InputGroup(null, false), 0, null), predictors);

        [Fact]
        public void Residuals_are_response_minus_the_fitted_line_and_censored_rows_are_marked()
        {
            var rows = Rows(new[] { "x" });
            for (int i = 0; i < X.Length; i++)
            {
                rows.Columns[0].AddNumber(X[i], null);
                rows.Observations.Add(new Observation(Y[i], Y[i], 1, i));
            }

            // A fifth row at x = 4 known only to be at least 5 (fitted 4.5): drawn at its bound, residual 0.5.
            rows.Columns[0].AddNumber(4, null);
            rows.Observations.Add(new Observation(5, double.PositiveInfinity, 1, 4));

            var skipped = new List<string>();
            var points = RegressionResiduals.Of(Line(), rows, null, (id, message, target) => skipped.Add(id));
            Assert.Empty(skipped);
            Assert.Equal(new[] { 1.3, 2.1, 2.9, 3.7, 4.5 }, points.Select(p => Math.Round(p.Fitted, 12)));
            Assert.Equal(new[] { -0.3, 0.9, -0.9, 0.3, 0.5 }, points.Select(p => Math.Round(p.Residual, 12)));
            Assert.Equal(new[] { false, false, false, false, true }, points.Select(p => p.Censored));

            var panel = new ResidualPanels(points, "y").AgainstFitted();
            Assert.Equal(PlotKind.Residuals, panel.Kind);
            Assert.Equal(4, panel.Series.Single(s => s.Name == "exact").X.Length);
            Assert.Equal(new[] { 0.5 }, panel.Series.Single(s => s.Name == "censored").Y.Select(v => Math.Round(v, 12)));
            var zero = panel.Series.Single(s => s.Name.Length == 0);
            Assert.Equal(new[] { 0.0, 0.0 }, zero.Y);
        }

        [Fact]
        public void A_level_the_model_was_not_fitted_on_is_skipped_with_its_id()
        {
            // y = 2 + 3·[g = b]: rows g = a, b, c; c is not a level of the model.
            var predictor = new RegressionPredictor(DistributionName.Normal, new[] { DesignColumn.Intercept(), DesignColumn.Indicator("g", "b") }, new[] { 2.0, 3.0 }, null, new Dictionary<string, double> { ["Variance"] = 1 });
            var rows = Rows(new[] { "g" });
            string[] g = { "a", "b", "c" };
            double[] y = { 2.5, 4.0, 1.0 };
            for (int i = 0; i < g.Length; i++)
            {
                rows.Columns[0].AddText(g[i]);
                rows.Observations.Add(new Observation(y[i], y[i], 1, i));
            }

            var levels = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase) { ["g"] = new HashSet<string> { "a", "b" } };
            var skipped = new List<string>();
            var points = RegressionResiduals.Of(predictor, rows, levels, (id, message, target) => skipped.Add(id));
            Assert.Equal(new[] { ErrorIds.UnknownLevel }, skipped);
            Assert.Equal(new[] { 0.5, -1.0 }, points.Select(p => Math.Round(p.Residual, 12)));
        }

        [Fact]
        public void The_QQ_panel_puts_standardised_residuals_at_normal_quantiles()
        {
            var points = Y.Select((y, i) => new ResidualPoint(1.3 + (0.8 * X[i]), y - (1.3 + (0.8 * X[i])), false)).ToList();
            var model = DistributionFamilies.CreateModel(DistributionName.Normal, new Dictionary<string, double>());
            double sd = Math.Sqrt(0.45);
            var panel = new ResidualPanels(points, "y").QQ(new StandardisedNoise("Normal(0, 1)", model, new[] { 0.0, 1.0 }, sd, "sqrt(Variance)"))!;
            var data = panel.Series.Single(s => s.Name == "residual");

            // R: qnorm(c(0.125, 0.375, 0.625, 0.875)).
            double[] expected = { -1.1503493803760079, -0.31863936396437515, 0.31863936396437515, 1.1503493803760079 };
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(expected[i], data.X[i], 12);
            }

            Assert.Equal(new[] { -0.9, -0.3, 0.3, 0.9 }.Select(r => r / sd), data.Y, new Tolerance(1e-12));
        }

        private sealed class Tolerance : IEqualityComparer<double>
        {
            private readonly double eps;

            public Tolerance(double eps) => this.eps = eps;

            public bool Equals(double a, double b) => Math.Abs(a - b) <= eps;

            public int GetHashCode(double v) => 0;
        }
    }
}
