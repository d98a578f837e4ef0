using System;
using System.Linq;
using System.Threading;
using PSEstimation.Diagnostics;
using PSEstimation.Distributions;
using PSEstimation.Plotting;
using PSEstimation.Tests.Intervals;
using Xunit;

namespace PSEstimation.Tests.Diagnostics
{
    /// <summary>The Profile panel's numbers against the Normal profile likelihood in closed form.</summary>
    public class ProfilePanelsTests
    {
        private static readonly double[] Data = { 4.2, 5.1, 3.8, 6.0, 5.5, 4.9, 5.3, 4.4, 6.3, 4.7 };

        // qchisq(0.95, 1) in R.
        private const double ChiSquare95 = 3.841458820694124;

        [Fact]
        public void The_Normal_mean_profile_the_cut_line_and_the_interval_ends_are_the_closed_forms()
        {
            var (fit, problem) = IntervalProblems.Fit(DistributionName.Normal, Data);
            var panel = new ProfilePanels(problem, 0.95).Panel(0, fit.Parameters[0].StandardError!.Value, CancellationToken.None);
            Assert.Equal(PlotKind.Profile, panel.Kind);

            // Hand derivation: with the mean held at μ the variance's MLE is s²(μ) = mean((x - μ)²),
            // so ℓp(μ) = -n/2 (log(2π s²(μ)) + 1); ℓp(μ) = ℓ̂ - c/2 at (μ - x̄)² = σ̂² (exp(c/n) - 1).
            int n = Data.Length;
            double mean = Data.Average();
            double variance = Data.Sum(x => (x - mean) * (x - mean)) / n;
            double LogProfile(double mu) => -n / 2.0 * (Math.Log(2 * Math.PI * Data.Sum(x => (x - mu) * (x - mu)) / n) + 1);

            var profile = panel.Series.Single(s => s.Name == "profile");
            for (int i = 0; i < profile.X.Length; i += 10)
            {
                Assert.Equal(LogProfile(profile.X[i]), profile.Y[i], 8);
            }

            double cut = LogProfile(mean) - (ChiSquare95 / 2);
            var line = panel.Series.Single(s => s.Name == "95% cut");
            Assert.All(line.Y, y => Assert.Equal(cut, y, 8));

            double half = Math.Sqrt(variance * (Math.Exp(ChiSquare95 / n) - 1));
            var ends = panel.Series.Single(s => s.Name == "interval ends");
            Assert.Equal(mean - half, ends.X[0], 5);
            Assert.Equal(mean + half, ends.X[1], 5);

            // The grid covers the interval with room on both sides.
            Assert.True(profile.X[0] < mean - half && profile.X[^1] > mean + half);
        }

        [Fact]
        public void A_positive_parameter_stays_positive_on_the_grid()
        {
            var (fit, problem) = IntervalProblems.Fit(DistributionName.Exponential, new[] { 0.1, 0.3, 2.5 });
            var panel = new ProfilePanels(problem, 0.95).Panel(0, fit.Parameters[0].StandardError!.Value, CancellationToken.None);
            var profile = panel.Series.Single(s => s.Name == "profile");
            Assert.True(profile.X[0] > 0);
            Assert.All(profile.Y, y => Assert.False(double.IsNaN(y)));
        }
    }
}
