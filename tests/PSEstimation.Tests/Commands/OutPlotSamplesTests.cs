using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Out-Plot -Kind Residuals of regression models, and several samples (-GroupBy, several -Property names, Compare-Distribution rows), through the real engine.</summary>
    [Collection(ModuleCollection.Name)]
    public class OutPlotSamplesTests
    {
        private const string Id = ",PSEstimation.Commands.OutPlotCommand";
        private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

        // A straight line with Normal noise at a seed, 60 rows in three groups; 'hi' is empty above 6 (right-censored in the interval form).
        private const string Rows = "$e = Get-RandomSample 60 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 } -SetSeed 11; "
            + "$rows = 0..59 | ForEach-Object { $y = 2 + 0.5 * ($_ / 6) + $e[$_]; [pscustomobject]@{ g = 'abc'[$_ % 3]; x = $_ / 6; y = $y; n = [int][Math]::Max(0, [Math]::Round($y)); lo = $y; hi = $(if ($y -gt 6) { $null } else { $y }) } }; ";

        private readonly ModuleFixture module;

        public OutPlotSamplesTests(ModuleFixture module) => this.module = module;

        private object[] Run(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return result.Objects.ToArray();
        }

        private static string TempSvg() => Path.Combine(Path.GetTempPath(), "outplot-" + Guid.NewGuid().ToString("N") + ".svg");

        private static string[] Kinds(string path) => XDocument.Load(path).Root!.Elements(Svg + "g").Select(g => g.Element(Svg + "title")!.Value).ToArray();

        [Theory]
        [InlineData(110, 16, false)]
        [InlineData(80, 30, true)]
        [InlineData(60, 20, true)]
        public void Residuals_are_the_default_for_a_regression_and_stay_within_Width_and_Height(int width, int height, bool ascii)
        {
            string script = Rows + $"$fit = $rows | Get-MLEstimate Normal -Response y -Predictor x; $rows | Out-Plot -Estimate $fit -Width {width} -Height {height}" + (ascii ? " -Ascii" : string.Empty);
            var lines = Run(script).Cast<string>().ToArray();
            Assert.Equal(lines, Run(script).Cast<string>().ToArray());
            Assert.InRange(lines.Length, 7, height);
            Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
            string all = string.Join("\n", lines);
            Assert.Contains("Residuals vs fitted", all);
            Assert.Contains("Q-Q of standardised residuals", all);
            if (ascii)
            {
                Assert.All(lines, l => Assert.True(l.All(c => c < 128), l));
            }
        }

        [Fact]
        public void Residuals_in_SVG_are_two_titled_panels_deterministic_and_valid_XML()
        {
            string a = TempSvg(), b = TempSvg();
            try
            {
                Run(Rows + "$fit = $rows | Get-MLEstimate Normal -Response y -Predictor x; $null = $rows | Out-Plot -Estimate $fit -Path $args[0]; $null = $rows | Out-Plot -Estimate $fit -Kind Residuals -Path $args[1]", a, b);
                Assert.Equal(new[] { "Residuals", "Residuals" }, Kinds(a));
                Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
                Assert.Contains("Residuals vs fitted", File.ReadAllText(a));
            }
            finally
            {
                File.Delete(a);
                File.Delete(b);
            }
        }

        [Fact]
        public void A_count_regression_has_no_QQ_panel_and_censored_rows_are_their_own_series()
        {
            string path = TempSvg();
            try
            {
                Run(Rows + "$fit = $rows | Get-MLEstimate Poisson -Response n -Predictor x; $null = $rows | Out-Plot -Estimate $fit -Path $args[0]", path);
                Assert.Equal(new[] { "Residuals" }, Kinds(path));

                var lines = Run(Rows + "$fit = $rows | Get-MLEstimate Normal -LowerProperty lo -UpperProperty hi -Predictor x; $rows | Out-Plot -Estimate $fit -Width 120 -Height 14 -Ascii").Cast<string>().ToArray();
                Assert.Contains("o exact", lines[0]);
                Assert.Contains("* censored", lines[0]);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Grouped_regressions_are_drawn_group_by_group_and_a_deserialized_model_works()
        {
            var lines = Run(Rows + "$fits = $rows | Get-MLEstimate Normal -Response y -Predictor x -GroupBy g; $rows | Out-Plot -Estimate $fits -GroupBy g -Width 120 -Height 50 -Ascii").Cast<string>().ToArray();
            string all = string.Join("\n", lines);
            foreach (string group in new[] { "'a'", "'b'", "'c'" })
            {
                Assert.Contains(group + ": Residuals vs fitted", all);
            }

            var copy = Run(Rows + "$fit = $rows | Get-MLEstimate Normal -Response y -Predictor x; $d = [Management.Automation.PSSerializer]::Deserialize([Management.Automation.PSSerializer]::Serialize($fit, 2)); ($rows | Out-Plot -Estimate $d -Width 120 -Height 16) -join \"`n\"; ($rows | Out-Plot -Estimate $fit -Width 120 -Height 16) -join \"`n\"");
            Assert.Equal(copy[1], copy[0]);
        }

        [Fact]
        public void Rows_without_a_predictor_are_skipped_with_their_id()
        {
            var result = module.Run(Rows + "$fit = $rows | Get-MLEstimate Normal -Response y -Predictor x; @($rows) + [pscustomobject]@{ y = 1 } | Out-Plot -Estimate $fit -Width 100 -Height 14");
            Assert.Null(result.TerminatingError);
            Assert.Equal("PropertyNotFound" + Id, Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.NotEmpty(result.Objects);
        }

        [Fact]
        public void GroupBy_draws_one_panel_set_per_group_against_its_own_fit()
        {
            const string Grouped = "$a = Get-RandomSample 200 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 1 } -SetSeed 1; $b = Get-RandomSample 200 -Distribution Gamma -Parameter @{ Shape = 5; Rate = 1 } -SetSeed 2; "
                + "$rows = @($a | ForEach-Object { [pscustomobject]@{ host = 'web01'; ms = $_ } }) + @($b | ForEach-Object { [pscustomobject]@{ host = 'web02'; ms = $_ } }); ";
            string path = TempSvg();
            try
            {
                Run(Grouped + "$null = $rows | Out-Plot -Distribution Gamma -Property ms -GroupBy host -Kind Histogram, QQ -Path $args[0]", path);
                Assert.Equal(new[] { "Histogram", "QQ", "Histogram", "QQ" }, Kinds(path));

                // Fits made per group are matched to their group by its Group value.
                var lines = Run(Grouped + "$fits = $rows | Get-MLEstimate Gamma -Property ms -GroupBy host; $rows | Out-Plot -Estimate $fits -GroupBy host -Kind CDF -Width 120 -Height 16").Cast<string>().ToArray();
                Assert.StartsWith("'web01': Empirical and fitted CDF", lines[0]);
                Assert.Contains("'web02': Empirical and fitted CDF", lines[0]);
                Assert.All(lines, l => Assert.True(l.Length <= 120, l));
                Assert.True(lines.Length <= 16);

                // The same fits drawn by -Distribution give the same picture.
                var same = Run(Grouped + "$rows | Out-Plot -Distribution Gamma -Property ms -GroupBy host -Kind CDF -Width 120 -Height 16").Cast<string>().ToArray();
                Assert.Equal(lines, same);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Compare_Distribution_rows_overlay_their_estimates()
        {
            string path = TempSvg();
            try
            {
                Run("$x = Get-RandomSample 300 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 1 } -SetSeed 4; $cmp = $x | Compare-Distribution -Distribution Gamma, LogNormal, Weibull; $null = $x | Out-Plot -Estimate $cmp -Kind Histogram -Path $args[0]", path);
                Assert.Equal(new[] { "Histogram" }, Kinds(path));
                string svg = File.ReadAllText(path);
                foreach (string name in new[] { "Gamma", "LogNormal", "Weibull" })
                {
                    Assert.Contains(">" + name + "<", svg);
                }
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Whole_weights_draw_the_histogram_and_CDF_of_the_sample_repeated_by_them()
        {
            // Frequency weights: a value with weight k is k observations, so the weighted picture is
            // the one of the sample with each value written out k times (Histogram, CDF; the fit too).
            const string Data = "$v = Get-RandomSample 40 -Distribution Poisson -Parameter @{ Lambda = 4 } -SetSeed 9; $w = Get-RandomSample 40 -Distribution Poisson -Parameter @{ Lambda = 2 } -SetSeed 10 | ForEach-Object { [double]$_ }; "
                + "$long = for ($i = 0; $i -lt 40; $i++) { for ($k = 0; $k -lt $w[$i]; $k++) { $v[$i] } }; ";
            var weighted = Run(Data + "$v | Out-Plot -Distribution Poisson -Weight $w -Kind Histogram, CDF -Width 100 -Height 12 -Ascii").Cast<string>().ToArray();
            var repeated = Run(Data + "$long | Out-Plot -Distribution Poisson -Kind Histogram, CDF -Width 100 -Height 12 -Ascii").Cast<string>().ToArray();
            Assert.Equal(repeated, weighted);

            var byProperty = Run(Data + "$rows = for ($i = 0; $i -lt 40; $i++) { [pscustomobject]@{ n = $v[$i]; w = $w[$i] } }; $rows | Out-Plot -Distribution Poisson -Property n -WeightProperty w -Kind Histogram, CDF -Width 100 -Height 12 -Ascii").Cast<string>().ToArray();
            Assert.Equal(repeated.Skip(1), byProperty.Skip(1));
            Assert.Contains("(proportion vs n)", byProperty[0]);

            var qq = Run(Data + "$v | Out-Plot -Distribution Poisson -Weight $w -Kind QQ -Width 60 -Height 10 -Ascii").Cast<string>().ToArray();
            Assert.Contains("data (weighted)", qq[0]);
            Assert.DoesNotContain("band", qq[0]);
        }

        [Fact]
        public void Fixed_holds_a_parameter_in_the_fit_as_Get_MLEstimate_does()
        {
            const string X = "$x = 1.2, 2.3, 0.4, 1.9, 2.8; ";
            var own = Run(X + "$x | Out-Plot -Distribution Normal -Fixed @{ Variance = 1 } -Kind CDF, PP -Width 100 -Height 12").Cast<string>().ToArray();
            var given = Run(X + "$x | Out-Plot -Estimate ($x | Get-MLEstimate Normal -Fixed @{ Variance = 1 }) -Kind CDF, PP -Width 100 -Height 12").Cast<string>().ToArray();
            var free = Run(X + "$x | Out-Plot -Distribution Normal -Kind CDF, PP -Width 100 -Height 12").Cast<string>().ToArray();
            Assert.Equal(given, own);
            Assert.NotEqual(free, own);
        }

        [Fact]
        public void Categorical_fits_are_bars_of_observed_proportions_with_the_fitted_probabilities()
        {
            const string Colours = "$c = 'red', 'green', 'red', 'blue', 'red', 'green', 'red', 'blue', 'blue', 'red', 'green', 'red'; ";
            var lines = Run(Colours + "$c | Out-Plot -Distribution Categorical -Width 60 -Height 12 -Ascii").Cast<string>().ToArray();
            Assert.StartsWith("Categories", lines[0]);
            Assert.Equal(new[] { "red", "green", "blue" }, lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(lines.Length <= 12);
            Assert.All(lines, l => Assert.True(l.Length <= 60, l));

            // A fit's probabilities against other data: categories it does not know come after its own.
            var other = Run(Colours + "$f = $c | Get-MLEstimate Categorical; 'x', 'y', 'red' | Out-Plot -Estimate $f -Width 60 -Height 10 -Ascii").Cast<string>().ToArray();
            Assert.Equal(new[] { "red", "green", "blue", "x", "y" }, other[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries));

            string path = TempSvg();
            try
            {
                Run(Colours + "$null = $c | Out-Plot -Distribution Categorical -Path $args[0]", path);
                Assert.Equal(new[] { "Histogram" }, Kinds(path));
                string svg = File.ReadAllText(path);
                Assert.Contains(">green<", svg);
            }
            finally
            {
                File.Delete(path);
            }

            // The bars' heights are the relative frequencies 6/12, 3/12, 3/12 (counted by hand).
            var panel = PSEstimation.Diagnostics.CategoricalPanels.Bars(new[] { ("red", 6.0), ("green", 3.0), ("blue", 3.0) }, Array.Empty<(string, PSEstimation.Models.CategoricalModel)>(), "colour");
            Assert.Equal(new[] { 0.5, 0.25, 0.25 }, panel.Series[0].Y);
        }

        [Theory]
        [InlineData("1, 2, 3 | Out-Plot -Distribution Normal -Kind Residuals", "ResidualsNeedRegressionEstimate")]
        [InlineData("$f = 1, 2, 4 | Get-MLEstimate Normal; 1, 2, 4 | Out-Plot -Estimate $f -Kind Residuals", "ResidualsNeedRegressionEstimate")]
        [InlineData(Rows + "$f = $rows | Get-MLEstimate Normal -Response y -Predictor x; $rows | Out-Plot -Estimate $f -Kind Histogram", "PlotKindNotForRegression")]
        [InlineData(Rows + "$f = $rows | Get-MLEstimate Normal -Response y -Predictor x; $rows | Out-Plot -Estimate $f, $f", "PlotSeveralSamples")]
        [InlineData(Rows + "$f = $rows | Get-MLEstimate Normal -Response y -Predictor x; [pscustomobject]@{ x = 1 } | Out-Plot -Estimate $f", "NoUsableInput")]
        [InlineData("1, 2 | Out-Plot -Distribution Normal -Weight 1, 2 -WeightProperty w", "InvalidWeight")]
        [InlineData("1, 2, 3 | Out-Plot -Distribution Normal -Weight 1, 2", "InvalidWeight")]
        [InlineData("1, 2, 3 | Out-Plot -Distribution Normal -Fixed @{ Rate = 1 }", "UnknownParameter")]
        public void Errors_have_stable_ids(string script, string id)
        {
            var result = module.Run(script);
            Assert.Equal(id + Id, result.TerminatingError?.FullyQualifiedErrorId);
        }
    }
}
