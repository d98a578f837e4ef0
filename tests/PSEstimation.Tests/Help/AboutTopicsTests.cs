using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Help
{
    /// <summary>
    /// The guide (issue 9): every about_ topic in docs/ is built into en-US/about_*.help.txt of
    /// the module, and Get-Help prints it from the built module in a hosted runspace, with its
    /// TOPIC line, its short description, every section of the source and the formulas the
    /// derivations lead to. (The examples in the topics are run by DocExamplesTests.)
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class AboutTopicsTests
    {
        /// <summary>Each topic of the guide with phrases its derivations must reach.</summary>
        private static readonly Dictionary<string, string[]> KeyPhrases = new Dictionary<string, string[]>
        {
            ["about_PSEstimation"] = new[]
            {
                "Fit, score, compare",
                "Measure-NegativeLogLikelihood -Estimate",
                "NegativeBinomial Size, P",
                "Where to go next",
            },
            ["about_MaximumLikelihood"] = new[]
            {
                "s2_hat = S(x_bar) / n = sum (x_i - x_bar)^2 / n",
                "E[s2_hat] = (n - 1) / n * s2",
                "I_n(mu, s2) = diag(n / s2, n / (2 s2^2))",
                "theta_0 is an interior point of the parameter space",
                "The support, the set of x where f(x | theta) > 0, is the same for every theta",
                "The Fisher information i(theta_0) is finite and positive definite",
                "n (b - b_hat) converges to an Exponential distribution with mean b - a",
                "1 / (4 n f(m)^2) = b^2 / n",
            },
            ["about_NegativeLogLikelihood"] = new[]
            {
                "grad NLL(theta) = -U(theta)",
                "d NLL / d mu = n (mu - x_bar) / s2",
                "LR = 2 (NLL(restricted fit) - NLL(free fit))",
                "PER-OBSERVATION NLL AS AN ANOMALY SCORE",
                "-log f(x | mu, s2) = 1/2 log(2 pi s2) + z^2 / 2",
            },
            ["about_MaximumAPosteriori"] = new[]
            {
                "p(theta | x) = p(x | theta) p(theta) / p(x)",
                "mu_MAP = (s2 m0 + n v0 x_bar) / (s2 + n v0)",
                "1 / v_n = 1 / v0 + n / s2",
                "(m0 - mu)^2 < 2 v0 + s2 / n",
                "MAP VERSUS THE POSTERIOR MEAN",
                "DEPENDENCE ON THE PARAMETERIZATION",
            },
            ["about_RegressionLoss"] = new[]
            {
                "= n/2 (log(2 pi MSE) + 1)",
                "NLL(MAE) = n log(2 MAE) + n = n (log(2 MAE) + 1)",
                "Z(delta) = sqrt(2 pi) (2 Phi(delta) - 1) + 2 exp(-delta^2 / 2) / delta",
                "g(r) = tau (1 - tau) / s * exp(-rho_tau(r) / s)",
                "WHY LOG SPACE",
            },
        };

        private readonly ModuleFixture module;

        public AboutTopicsTests(ModuleFixture module) => this.module = module;

        public static IEnumerable<object[]> Topics() => KeyPhrases.Keys.Select(name => new object[] { name });

        [Fact]
        public void Every_topic_of_the_guide_has_a_source_in_docs()
        {
            var sources = AboutSources().Select(Path.GetFileNameWithoutExtension).ToList();
            foreach (string topic in KeyPhrases.Keys)
            {
                Assert.Contains(topic, sources);
            }
        }

        [Fact]
        public void Built_module_holds_a_help_file_for_every_about_source()
        {
            string enUs = Path.Combine(Path.GetDirectoryName(module.ManifestPath)!, "en-US");
            Assert.True(Directory.Exists(enUs), $"{enUs} does not exist; build the module first");
            var built = Directory.GetFiles(enUs, "about_*.help.txt").Select(Path.GetFileName).ToList();
            foreach (string source in AboutSources())
            {
                string expected = Path.GetFileNameWithoutExtension(source) + ".help.txt";
                Assert.True(built.Contains(expected), $"{expected} is missing from {enUs} (found: {string.Join(", ", built)})");
            }

            foreach (string topic in KeyPhrases.Keys)
            {
                Assert.Contains(topic + ".help.txt", built);
            }
        }

        [Theory]
        [MemberData(nameof(Topics))]
        public void Get_Help_prints_the_topic(string topic)
        {
            var result = module.Run("(Get-Help $args[0]) -join \"`n\"", topic);
            Assert.Null(result.TerminatingError);
            string text = (result.Objects.SingleOrDefault()?.ToString() ?? string.Empty).Replace("\r\n", "\n").TrimStart('\uFEFF');
            var lines = text.Split('\n').Select(l => l.TrimEnd()).SkipWhile(l => l.Length == 0).ToList();

            Assert.True(lines.Count > 20, $"Get-Help {topic} printed {lines.Count} lines:\n{text}");
            Assert.Equal("TOPIC", lines[0]);
            Assert.Equal(topic, lines[1].Trim());
            Assert.Contains("SHORT DESCRIPTION", lines);
            Assert.Contains("LONG DESCRIPTION", lines);

            // Every section of the source is a heading in capitals at column 0, in the source's order.
            string source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", topic + ".md"));
            var sections = Regex.Matches(source, @"^## (.+?)\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.ToUpperInvariant()).ToList();
            Assert.True(sections.Count >= 3, $"{topic}.md has too few sections");
            int last = -1;
            foreach (string section in sections)
            {
                int at = lines.IndexOf(section, last + 1);
                Assert.True(at > last, $"section '{section}' of {topic}.md is not printed (in order) by Get-Help");
                last = at;
            }

            // The short description of the source, as wrapped text, and the key formulas.
            string printed = Collapse(text);
            string shortDescription = Regex.Match(source, @"^## SHORT DESCRIPTION\s*\n(.+?)\n\s*\n", RegexOptions.Multiline | RegexOptions.Singleline).Groups[1].Value;
            Assert.False(string.IsNullOrWhiteSpace(shortDescription), $"{topic}.md has no short description");
            Assert.Contains(Collapse(shortDescription), printed);
            foreach (string phrase in KeyPhrases[topic])
            {
                Assert.True(printed.Contains(Collapse(phrase), StringComparison.Ordinal), $"Get-Help {topic} does not print \"{phrase}\"");
            }
        }

        [Fact]
        public void About_PSEstimation_points_to_every_other_topic()
        {
            var result = module.Run("(Get-Help about_PSEstimation) -join \"`n\"");
            string text = result.Objects.SingleOrDefault()?.ToString() ?? string.Empty;
            foreach (string topic in KeyPhrases.Keys.Where(t => t != "about_PSEstimation"))
            {
                Assert.Contains(topic, text);
            }
        }

        [Fact]
        public void Readme_links_every_topic()
        {
            string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
            foreach (string topic in KeyPhrases.Keys)
            {
                Assert.Contains($"(docs/{topic}.md)", readme);
            }
        }

        private static IEnumerable<string> AboutSources()
            => Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "about_*.md").OrderBy(p => p, StringComparer.Ordinal);

        private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();
    }
}
