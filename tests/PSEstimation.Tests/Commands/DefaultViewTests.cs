using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>
    /// The default views at 80 and at 120 columns: every line fits the width, nothing is cut
    /// with '…' or '...', and every number the view shows appears whole on one line (before,
    /// `SdLog = 0.645882` / `5996` was split across lines, Measure-NegativeLogLikelihood lost
    /// LogLikelihood and Gradient, and $fit.Parameters showed `…08983322541481`). Each case
    /// runs twice: once for its objects, from which the numbers the view shows are taken
    /// (rounded as the format file rounds them), and once through Out-Default at the width.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class DefaultViewTests
    {
        private readonly ModuleFixture module;

        public DefaultViewTests(ModuleFixture module) => this.module = module;

        public static IEnumerable<object[]> Cases()
        {
            string[] scripts =
            {
                // One, two and three parameters; Categorical with many categories.
                "0.5, 1.2, 0.3, 2.2, 0.9, 4.1 | Get-MLEstimate Exponential",
                "1.5, 2.7, 0.9, 3.3, 1.1, 2.0, 5.9, 0.7 | Get-MLEstimate LogNormal",
                "5.0898332254148, 4.1, 6.3, 5.5, 4.9 | Get-MLEstimate Normal",
                "1.2, -0.5, 3.3, 0.1, 2.2, -1.1, 0.8, 9.5 | Get-MLEstimate StudentT",
                "$rt = 0.41, 0.52, 0.38, 0.95, 0.61, 0.47, 1.30, 0.55; 'Normal', 'StudentT', 'Uniform', 'Gamma' | ForEach-Object { $rt | Get-MLEstimate $_ }",
                "'a', 'b', 'a', 'c', 'a', 'd', 'e', 'f', 'g', 'b' | Get-MLEstimate Categorical",
                "2, 3 | Get-MLEstimate Binomial -Fixed @{ Trials = 10 }",
                // Large and small magnitudes.
                "1e300, 2.5e300, 3.1e300, 0.7e300 | Get-MLEstimate Exponential",
                "1e-300, 2.5e-300, 3.1e-300, 0.7e-300 | Get-MLEstimate Exponential",
                "123456789.123, 123456790.5, 123456788.25, 123456791 | Get-MLEstimate Normal",
                "1e300, 2.5e300, 3.1e300, 0.7e300 | Get-MLEstimate LogNormal",
                // The parameter tables.
                "(5.0898332254148, 4.1, 6.3, 5.5, 4.9 | Get-MLEstimate Normal).Parameters",
                "(1.2, -0.5, 3.3, 0.1, 2.2, -1.1, 0.8, 9.5 | Get-MLEstimate StudentT).Parameters",
                "(123456789.123, 123456790.5, 123456788.25, 123456791 | Get-MLEstimate Normal).Parameters",
                "(1e-300, 2.5e-300, 3.1e-300, 0.7e-300 | Get-MLEstimate Exponential).Parameters",
                "(1e300, 2.5e300, 3.1e300, 0.7e300 | Get-MLEstimate Exponential).Parameters",
                // MAP fits and their parameters.
                "2.3, 2.5, 3.1, 3.8, 2.7 | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(2, 0.5)' }",
                "7 | Get-MAPEstimate Binomial -Fixed @{ Trials = 10 } -Prior @{ P = 'Beta(3, 3)' }",
                "0.5, 1.2, 0.3, 2.2, 0.9 | Get-MAPEstimate Exponential -Prior 'LogNormal(0, 1)'",
                "'a', 'b', 'a', 'c', 'a', 'd', 'e', 'f', 'g', 'b' | Get-MAPEstimate Categorical -Prior 'Dirichlet(1)'",
                "1e300, 2.5e300, 3.1e300, 0.7e300 | Get-MAPEstimate Exponential -Prior 'LogNormal(-690, 2)'",
                "(2.3, 2.5, 3.1, 3.8, 2.7 | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(2, 0.5)' }).Parameters",
                "(7 | Get-MAPEstimate Binomial -Fixed @{ Trials = 10 } -Prior @{ P = 'Beta(3, 3)' }).Parameters",
                "(1e300, 2.5e300, 3.1e300, 0.7e300 | Get-MAPEstimate Exponential -Prior 'LogNormal(-690, 2)').Parameters",
                // Negative log-likelihoods.
                "2.3, 2.5, 3.1, 3.8, 2.7 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 }",
                "1.2, -0.5, 3.3 | Measure-NegativeLogLikelihood StudentT -Parameter @{ Location = 0.858331755; Scale = 1.456595675; DegreesOfFreedom = 1.769665346 }",
                "1e300, 2.5e300 | Measure-NegativeLogLikelihood Exponential -Parameter @{ Rate = 1e-300 }",
                "123456789.123, 123456790.5 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 123456789.123; Variance = 1e-3 }",
                "4.1, 9, 123456789.123, 1e-300 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 4; Variance = 1 } -PerObservation",
                // Regression losses.
                "Measure-RegressionLoss -Actual 2.3, 2.5, 3.1, 3.8, 2.7 -Predicted 2.4, 2.6, 3.0, 3.7, 2.8",
                "Measure-RegressionLoss -Actual 123456789.123, 2e-300, 3 -Predicted 123456788, 1e-300, 2.9",
                "Measure-RegressionLoss -Actual 1e150, 2e150, 3e150 -Predicted 1.1e150, 2.2e150, 2.9e150",
                "Measure-RegressionLoss -Actual 2.3, 2.5, 123456789.123 -Predicted 2.4, 2.6, 123456788 -PerObservation",
                "Measure-RegressionLoss -Actual 1e300, 2e-300 -Predicted 1.1e300, 1e-300 -PerObservation",
                "$a = 2.3, 2.5, 3.1, 3.8, 2.7; $pa = 2.4, 2.6, 3.0, 3.7, 2.8; $pb = 2.0, 2.9, 3.3, 3.1, 2.7; "
                    + "0..4 | ForEach-Object { [pscustomobject]@{ Model = 'A'; Actual = $a[$_]; Predicted = $pa[$_] }; [pscustomobject]@{ Model = 'Baseline'; Actual = $a[$_]; Predicted = $pb[$_] } } | Measure-RegressionLoss -GroupBy Model",
                "$a = 2.3, 2.5, 3.1; $pa = 2.4, 2.6, 3.0; "
                    + "0..2 | ForEach-Object { [pscustomobject]@{ Model = 'A'; Actual = $a[$_] * 1e300; Predicted = $pa[$_] * 1e300 } } | Measure-RegressionLoss -GroupBy Model -PerObservation",
            };

            foreach (string script in scripts)
            {
                yield return new object[] { script, 80 };
                yield return new object[] { script, 120 };
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Every_number_is_shown_whole_within_the_width(string script, int width)
        {
            var objects = module.Run(script);
            Assert.Null(objects.TerminatingError);
            var shown = objects.Objects.SelectMany(ShownNumbers).ToList();
            Assert.NotEmpty(shown);

            string text = module.RunFormatted(script, width);
            RenderedView.AssertFits(text, width, shown);
        }

        /// <summary>
        /// With -GroupBy the rows of two groups are alike (here the same values in each), so the
        /// default view must say which group a row belongs to: a heading per group.
        /// </summary>
        [Theory]
        [InlineData("Compare-Distribution -Property V -GroupBy H -Distribution LogNormal, Gamma")]
        [InlineData("Test-GoodnessOfFit LogNormal -Property V -GroupBy H -Test KolmogorovSmirnov")]
        public void Grouped_comparisons_and_tests_are_headed_by_their_group(string command)
        {
            string script = "$rows = 1..40 | ForEach-Object { [pscustomobject]@{ H = 'h' + ($_ % 2); V = [math]::Exp(($_ % 7) / 3.0) } }; $rows | " + command + " -SetSeed 1";
            if (command.StartsWith("Compare", StringComparison.Ordinal))
            {
                script = script.Replace(" -SetSeed 1", string.Empty);
            }

            string text = module.RunFormatted(script, 80);
            Assert.Contains("Group: h0", text);
            Assert.Contains("Group: h1", text);
            Assert.True(text.IndexOf("Group: h1", StringComparison.Ordinal) < text.IndexOf("Group: h0", StringComparison.Ordinal), text);
            Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 80, line));
        }

        [Fact]
        public void The_checker_catches_a_split_a_cut_and_a_wide_line()
        {
            Assert.ThrowsAny<Exception>(() => RenderedView.AssertFits("SdLog = 0.645882\n5996\n", 80, new[] { "0.6458825996" }));
            Assert.ThrowsAny<Exception>(() => RenderedView.AssertFits("Mean …08983322541481\n", 80, new[] { "5.08983322541481" }));
            Assert.ThrowsAny<Exception>(() => RenderedView.AssertFits(new string('x', 81) + "\n", 80, Array.Empty<string>()));
            RenderedView.AssertFits("Mean = 5.08983 (fixed)\n", 80, new[] { "5.08983" });
        }

        [Fact]
        public void Categorical_shows_a_count_and_the_first_categories()
        {
            string text = module.RunFormatted("'a', 'b', 'a', 'c', 'a', 'd', 'e', 'f', 'g', 'b' | Get-MLEstimate Categorical", 80);
            Assert.Contains("a = 0.3", text);
            Assert.Contains("d = 0.1", text);
            Assert.DoesNotContain("e = ", text);
            Assert.Contains("(3 more of 7)", text);
        }

        /// <summary>The numbers the default view of <paramref name="o"/> shows, as the format file rounds them.</summary>
        private static IEnumerable<string> ShownNumbers(object o)
        {
            static string G(double x, string format = "G6") => x.ToString(format, CultureInfo.InvariantCulture);
            static IEnumerable<double> FirstOf(IEnumerable<double> values) { var all = values.ToList(); return all.Count > 5 ? all.Take(4) : all; }
            switch (o)
            {
                case MLEstimate m:
                    return new[] { G(m.LogLikelihood), G(m.AIC) }.Concat(FirstOf(m.Parameters.Select(p => p.Value)).Select(v => G(v)));
                case ParameterEstimate p:
                    return new double?[] { p.Value, p.StandardError, p.Lower, p.Upper }.Where(v => v.HasValue).Select(v => G(v!.Value));
                case MAPEstimate m:
                    var free = m.Parameters.Where(p => !p.Fixed).ToList();
                    var firstFree = free.Count > 5 ? free.Take(4) : free;
                    return new[] { G(m.LogPosterior, "G10") }
                        .Concat(firstFree.SelectMany(p => new double?[] { p.Value, p.MaximumLikelihood }).Where(v => v.HasValue).Select(v => G(v!.Value)));
                case MAPParameterEstimate p:
                    return new double?[] { p.Value, p.MaximumLikelihood, p.PosteriorStandardDeviation, p.Lower, p.Upper }.Where(v => v.HasValue).Select(v => G(v!.Value));
                case NegativeLogLikelihood n:
                    return new[] { G(n.Value, "G10"), G(n.LogLikelihood, "G10") }
                        .Concat(FirstOf(n.Parameters.Values.Cast<object>().Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture))).Select(v => G(v)))
                        .Concat(FirstOf(n.Gradient).Select(v => G(v)));
                case ObservationNegativeLogLikelihood obs:
                    return new[] { obs.Value.ToString(CultureInfo.InvariantCulture), G(obs.NegativeLogLikelihood, "G10") };
                case RegressionLoss l:
                    return new[] { l.MeanSquaredError, l.RootMeanSquaredError, l.MeanAbsoluteError, l.RSquared, l.GaussianNegativeLogLikelihood, l.LaplaceNegativeLogLikelihood }.Select(v => G(v));
                case RegressionResidual r:
                    return new[] { G(r.Actual, "G8"), G(r.Predicted, "G8"), G(r.Residual), G(r.SquaredError), G(r.AbsoluteError) };
                default:
                    throw new InvalidOperationException("No view check for " + o.GetType().FullName);
            }
        }
    }

    /// <summary>Checks on text rendered by Out-Default.</summary>
    public static class RenderedView
    {
        /// <summary>
        /// No line wider than <paramref name="width"/>, no ellipsis, and each of
        /// <paramref name="numbers"/> whole on some line: not preceded or followed by another
        /// character of a number, so a number wrapped onto two lines or cut at either end fails.
        /// </summary>
        public static void AssertFits(string text, int width, IEnumerable<string> numbers)
        {
            // Warnings are the host's text, which a console wraps itself; the views are the rest.
            var lines = text.Replace("\r\n", "\n").Split('\n').Where(l => !l.StartsWith("WARNING: ", StringComparison.Ordinal)).ToArray();
            text = string.Join("\n", lines);
            foreach (string line in lines)
            {
                Assert.True(line.Length <= width, $"a line of {line.Length} columns at width {width}:\n{line}\n--- in ---\n{text}");
            }

            Assert.True(!text.Contains('…') && !text.Contains("..."), "an ellipsis (something was cut):\n" + text);
            foreach (string number in numbers)
            {
                var whole = new Regex(@"(?<![0-9A-Za-z.+\-])" + Regex.Escape(number) + @"(?![0-9A-Za-z.])");
                Assert.True(lines.Any(l => whole.IsMatch(l)), $"{number} is not shown whole at width {width}:\n{text}");
            }
        }
    }
}
