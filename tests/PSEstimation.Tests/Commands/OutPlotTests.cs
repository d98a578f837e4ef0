using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Out-Plot through the real engine: text within its size, SVG panels by kind, determinism, large data, errors.</summary>
    [Collection(ModuleCollection.Name)]
    public class OutPlotTests
    {
        private const string Id = ",PSEstimation.Commands.OutPlotCommand";
        private const string GammaSample = "$x = Get-RandomSample 500 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 1 } -SetSeed 1; ";
        private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
        private readonly ModuleFixture module;

        public OutPlotTests(ModuleFixture module) => this.module = module;

        private object[] Run(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return result.Objects.ToArray();
        }

        private static string TempSvg() => Path.Combine(Path.GetTempPath(), "outplot-" + Guid.NewGuid().ToString("N") + ".svg");

        [Theory]
        [InlineData(80, 40, false)]
        [InlineData(120, 33, false)]
        [InlineData(100, 20, true)]
        [InlineData(60, 70, true)]
        [InlineData(200, 50, false)]
        public void Text_stays_within_Width_and_Height(int width, int height, bool ascii)
        {
            var lines = Run(GammaSample + $"$x | Out-Plot -Distribution Gamma -Width {width} -Height {height}" + (ascii ? " -Ascii" : string.Empty)).Cast<string>().ToArray();
            Assert.InRange(lines.Length, 2 * 7, height);
            Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
            Assert.All(lines, l => Assert.DoesNotContain('\u001b', l));
            if (ascii)
            {
                Assert.All(lines, l => Assert.True(l.All(c => c < 128), l));
            }
            else
            {
                Assert.Contains(lines, l => l.Any(c => c >= '\u2800' && c <= '\u28FF'));
            }
        }

        [Fact]
        public void Text_is_the_same_for_the_same_seed_and_names_every_panel()
        {
            string script = GammaSample + "$fit = $x | Get-MLEstimate Gamma; $x | Out-Plot -Estimate $fit -Width 120 -Height 40";
            var a = Run(script).Cast<string>().ToArray();
            var b = Run(script).Cast<string>().ToArray();
            Assert.Equal(a, b);
            string all = string.Join("\n", a);
            foreach (string title in new[] { "Histogram", "Q-Q plot", "P-P plot", "Empirical and fitted CDF", "Gamma", "95% band" })
            {
                Assert.Contains(title, all);
            }
        }

        [Fact]
        public void Axis_labels_are_round_numbers()
        {
            // Uniform(0, 1) data: the P-P and CDF axes run 0.0 .. 1.0 in steps of 0.2 (a hand-checked nice scale).
            var lines = Run("$u = Get-RandomSample 300 -Distribution Uniform -Parameter @{ Lower = 0; Upper = 1 } -SetSeed 2; $u | Out-Plot -Distribution Uniform -Kind PP -Width 60 -Height 16 -Ascii").Cast<string>().ToArray();
            string xLabels = lines[^1];
            Assert.Equal(new[] { "0.0", "0.2", "0.4", "0.6", "0.8", "1.0" }, xLabels.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        [Fact]
        public void Svg_is_valid_xml_with_one_titled_group_per_kind_and_is_deterministic()
        {
            string a = TempSvg(), b = TempSvg();
            try
            {
                var files = Run(GammaSample + "$fit = $x | Get-MLEstimate Gamma; $x | Out-Plot -Estimate $fit -Path $args[0]; $x | Out-Plot -Estimate $fit -Path $args[1]", a, b);
                Assert.Equal(2, files.Length);
                Assert.Equal(a, Assert.IsType<FileInfo>(files[0]).FullName);
                var doc = XDocument.Load(a);
                var kinds = doc.Root!.Elements(Svg + "g").Select(g => g.Element(Svg + "title")?.Value).ToArray();
                Assert.Equal(new[] { "Histogram", "QQ", "PP", "CDF" }, kinds);
                Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
                string text = File.ReadAllText(a);
                Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("href", text, StringComparison.OrdinalIgnoreCase);
                var ids = doc.Descendants().Select(e => (string?)e.Attribute("id")).Where(i => i is not null).ToList();
                Assert.Equal(ids.Count, ids.Distinct().Count());
            }
            finally
            {
                File.Delete(a);
                File.Delete(b);
            }
        }

        [Fact]
        public void Svg_path_is_relative_to_the_current_location()
        {
            string folder = Path.Combine(Path.GetTempPath(), "outplot-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var file = Assert.IsType<FileInfo>(Assert.Single(Run("$p = $ExecutionContext.SessionState.Path; $old = $p.CurrentLocation.Path; $null = $p.SetLocation($args[0]); try { 1.5, 2, 2.5, 3, 4 | Out-Plot -Distribution Normal -Kind CDF -Path fit.svg } finally { $null = $p.SetLocation($old) }", folder)));
                Assert.Equal(Path.Combine(folder, "fit.svg"), file.FullName);
                Assert.True(File.Exists(Path.Combine(folder, "fit.svg")));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void Several_fits_are_overlaid()
        {
            var lines = Run(GammaSample + "$g = $x | Get-MLEstimate Gamma; $l = $x | Get-MLEstimate LogNormal; $x | Out-Plot -Estimate $g, $l -Kind Histogram, QQ -Width 120 -Height 16").Cast<string>().ToArray();
            Assert.Contains("Gamma", lines[0]);
            Assert.Contains("LogNormal", lines[0]);
            Assert.DoesNotContain("95% band", lines[0]);
        }

        [Fact]
        public void Posterior_draws_one_panel_per_estimated_parameter()
        {
            string path = TempSvg();
            try
            {
                Run("$d = 1, 0, 0, 1, 0, 0, 0, 1, 0, 0; $m = $d | Get-MAPEstimate Bernoulli -Prior 'Beta(2, 8)'; $null = $d | Out-Plot -Estimate $m -Kind Posterior -Path $args[0]", path);
                var doc = XDocument.Load(path);
                Assert.Equal(new[] { "Posterior" }, doc.Root!.Elements(Svg + "g").Select(g => g.Element(Svg + "title")?.Value).ToArray());
                var text = Run("$d = 2.1, 1.9, 2.4, 2.0, 1.7, 2.2; $m = $d | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(0, 10)' }; $d | Out-Plot -Estimate $m -Kind Posterior -Width 120 -Height 16").Cast<string>().ToArray();
                string all = string.Join("\n", text);
                Assert.Contains("Mean posterior", all);
                Assert.Contains("Variance posterior", all);
                Assert.Contains("flat prior", all);
                Assert.Contains("likelihood", all);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Profile_draws_one_panel_per_free_parameter_in_text_and_SVG()
        {
            string path = TempSvg();
            try
            {
                Run(GammaSample + "$f = $x | Get-MLEstimate Gamma; $null = $x | Out-Plot -Estimate $f -Kind Profile -Path $args[0]", path);
                var doc = XDocument.Load(path);
                Assert.Equal(new[] { "Profile", "Profile" }, doc.Root!.Elements(Svg + "g").Select(g => g.Element(Svg + "title")?.Value).ToArray());

                // -Fixed leaves one free parameter, so one panel; -Distribution fits the data itself.
                Run(GammaSample + "$f = $x | Get-MLEstimate Gamma -Fixed @{ Shape = 2 }; $null = $x | Out-Plot -Estimate $f -Kind Profile -Path $args[0]", path);
                Assert.Equal(new[] { "Profile" }, XDocument.Load(path).Root!.Elements(Svg + "g").Select(g => g.Element(Svg + "title")?.Value).ToArray());

                string script = GammaSample + "$x | Out-Plot -Distribution Gamma -Kind Profile -Width 100 -Height 18";
                var lines = Run(script).Cast<string>().ToArray();
                Assert.Equal(lines, Run(script).Cast<string>().ToArray());
                Assert.InRange(lines.Length, 8, 18);
                Assert.All(lines, l => Assert.True(l.Length <= 100, $"{l.Length} > 100: {l}"));
                Assert.Contains("Shape profile", lines[0]);
                Assert.Contains("Rate profile", lines[0]);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Discrete_data_get_bars_per_value()
        {
            var lines = Run("$c = Get-RandomSample 300 -Distribution Poisson -Parameter @{ Lambda = 3 } -SetSeed 3; $c | Out-Plot -Distribution Poisson -Kind Histogram -Ascii -Width 64 -Height 14").Cast<string>().ToArray();
            Assert.StartsWith("Histogram", lines[0]);
            Assert.Contains("proportion", string.Join("\n", lines) + " proportion");
            Assert.Equal(new[] { "0", "2", "4", "6", "8" }, lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        [Fact]
        public void A_million_values_make_a_plot_of_bins_and_sampled_points()
        {
            // bench/ measures how long this takes; here what is drawn for 10^6 values.
            Run("[double[]]$global:plotBig = Get-RandomSample 1000000 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 } -SetSeed 5; $global:plotFit = Get-MLEstimate Normal -InputObject $global:plotBig");
            string path = TempSvg();
            try
            {
                var lines = Run("Out-Plot -InputObject $global:plotBig -Estimate $global:plotFit -Width 100").Cast<string>().ToArray();
                Assert.NotEmpty(lines);
                Assert.All(lines, line => Assert.True(line.Length <= 100, line));
                Run("$null = Out-Plot -InputObject $global:plotBig -Estimate $global:plotFit -Path $args[0]", path);
                Assert.True(new FileInfo(path).Length < 1_000_000, "the SVG holds bins and sampled points, not a mark per value");
            }
            finally
            {
                File.Delete(path);
                Run("$global:plotBig = $global:plotFit = $null");
            }
        }

        [Theory]
        [InlineData("@() | Out-Plot -Distribution Normal", "NoUsableInput")]
        [InlineData("'a', 'b' | Out-Plot -Distribution Normal", "NoUsableInput")]
        [InlineData("$f = 'a', 'b', 'a' | Get-MLEstimate Categorical; 'a', 'b' | Out-Plot -Estimate $f -Kind QQ", "PlotKindNotForCategorical")]
        [InlineData("1, 2, 3 | Out-Plot -Distribution Categorical -Kind CDF", "PlotKindNotForCategorical")]
        [InlineData("$f = 1, 2, 4 | Get-MLEstimate Normal; $d = [Management.Automation.PSSerializer]::Deserialize([Management.Automation.PSSerializer]::Serialize($f)); 1, 2, 4 | Out-Plot -Estimate $d -Kind Profile", "ProfileNeedsLiveFit")]
        [InlineData("$m = 1, 2, 4 | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(0, 10)' }; 1, 2, 4 | Out-Plot -Estimate $m -Kind Profile", "ProfileNeedsLiveFit")]
        [InlineData("$f = 1, 2, 3 | Get-MLEstimate Normal; 1, 2, 3 | Out-Plot -Estimate $f -Kind Posterior", "PosteriorNeedsMAPEstimate")]
        [InlineData("1, 2, 3 | Out-Plot -Distribution Normal -Width 20", "InvalidPlotSize")]
        [InlineData("1, 2, 3 | Out-Plot -Distribution Normal -Path ([IO.Path]::Combine([IO.Path]::GetTempPath(), 'no-such-folder-7f3a', 'x.svg'))", "PlotPathNotWritable")]
        [InlineData("1, 2, 3 | Out-Plot -Distribution Normal -Path x.png", "PlotPathNotWritable")]
        [InlineData("[pscustomobject]@{ g = 1; v = 1 }, [pscustomobject]@{ g = 2; v = 2 } | Out-Plot -Distribution Normal -Property v -GroupBy g", "NoUsableInput")]
        public void Errors_have_stable_ids(string script, string id)
        {
            var result = module.Run(script);
            Assert.Equal(id + Id, result.TerminatingError?.FullyQualifiedErrorId);
        }
    }
}
