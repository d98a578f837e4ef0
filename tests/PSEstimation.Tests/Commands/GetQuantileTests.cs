using System;
using System.Linq;
using System.Text.Json;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Get-Quantile through the real engine: reference quantiles, delta-method intervals, binding and errors.</summary>
    [Collection(ModuleCollection.Name)]
    public class GetQuantileTests
    {
        private const string Id = ",PSEstimation.Commands.GetQuantileCommand";
        private readonly ModuleFixture module;

        public GetQuantileTests(ModuleFixture module) => this.module = module;

        private Quantile[] Run(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return result.Objects.Cast<Quantile>().ToArray();
        }

        public static TheoryData<string> ParameterCases()
        {
            var data = new TheoryData<string>();
            foreach (var c in ReferenceData.Cases("quantile"))
            {
                data.Add(c.GetProperty("Id").GetString()!);
            }

            return data;
        }

        private static System.Collections.Hashtable Parameter(JsonElement c)
        {
            var table = new System.Collections.Hashtable();
            foreach (var p in c.GetProperty("Parameter").EnumerateObject())
            {
                table[p.Name] = p.Value.GetDouble();
            }

            return table;
        }

        /// <summary>tests/reference/quantile.json Cases: mpmath at 50 digits, checked against R's q-functions.</summary>
        [Theory]
        [MemberData(nameof(ParameterCases))]
        public void Quantiles_at_given_parameters_match_the_reference(string id)
        {
            var c = ReferenceData.Case("quantile", id);
            double tolerance = c.GetProperty("RelTol").GetDouble();
            string distribution = c.GetProperty("Distribution").GetString()!;
            var probabilities = c.GetProperty("Quantiles").EnumerateArray().Select(q => q.GetProperty("Probability").GetDouble()).ToArray();
            var lower = Run("Get-Quantile -Probability $args[0] -Distribution $args[1] -Parameter $args[2]", probabilities, distribution, Parameter(c));
            Assert.Equal(probabilities.Length, lower.Length);
            int i = 0;
            foreach (var q in c.GetProperty("Quantiles").EnumerateArray())
            {
                Tolerance.Relative(q.GetProperty("Value").GetDouble(), lower[i].Value, tolerance, $"{id} Quantile({probabilities[i]:R})", floor: 1e-300);
                Assert.Equal(probabilities[i], lower[i].Probability);
                Assert.Null(lower[i].StandardError);
                Assert.Null(lower[i].Lower);
                Assert.Null(lower[i].IntervalMethod);
                i++;
            }

            var exceedances = c.GetProperty("ExceedanceQuantiles").EnumerateArray().Select(q => q.GetProperty("ExceedanceProbability").GetDouble()).ToArray();
            var upper = Run("Get-Quantile -ExceedanceProbability $args[0] -Distribution $args[1] -Parameter $args[2]", exceedances, distribution, Parameter(c));
            i = 0;
            foreach (var q in c.GetProperty("ExceedanceQuantiles").EnumerateArray())
            {
                Tolerance.Relative(q.GetProperty("Value").GetDouble(), upper[i].Value, tolerance, $"{id} exceedance quantile({exceedances[i]:R})", floor: 1e-300);
                Assert.Equal(exceedances[i], upper[i].ExceedanceProbability);
                i++;
            }
        }

        /// <summary>
        /// tests/reference/quantile.json Fitted: the MLE of the data, delta-method standard errors
        /// (R numDeriv on the inverse observed information) and Wald intervals on the log scale.
        /// </summary>
        [Theory]
        [InlineData("fit_rivers__lognormal__level0.9")]
        [InlineData("fit_airquality_Ozone__gamma")]
        public void Intervals_from_a_fit_match_the_reference(string id)
        {
            var c = FittedCase(id);
            double level = c.GetProperty("ConfidenceLevel").GetDouble();
            var data = ReferenceData.Doubles(c.GetProperty("Data"));
            string distribution = c.GetProperty("Distribution").GetString()!;
            foreach (var q in c.GetProperty("Quantiles").EnumerateArray())
            {
                bool upper = q.TryGetProperty("ExceedanceProbability", out var e);
                double p = upper ? e.GetDouble() : q.GetProperty("Probability").GetDouble();
                string tail = upper ? "-ExceedanceProbability" : "-Probability";
                var r = Assert.Single(Run($"$args[0] | Get-MLEstimate $args[1] | Get-Quantile {tail} $args[2] -ConfidenceLevel $args[3]", data, distribution, p, level));
                Tolerance.Relative(q.GetProperty("Value").GetDouble(), r.Value, 1e-8, $"{id} quantile at {p:R}");
                Tolerance.Relative(q.GetProperty("StandardError").GetDouble(), r.StandardError!.Value, 1e-6, $"{id} SE at {p:R}");
                var wald = ReferenceData.Doubles(q.GetProperty("WaldLog"));
                Tolerance.Relative(wald[0], r.Lower!.Value, 1e-6, $"{id} Lower at {p:R}");
                Tolerance.Relative(wald[1], r.Upper!.Value, 1e-6, $"{id} Upper at {p:R}");
                Assert.Equal("Wald", r.IntervalMethod);
                Assert.Equal(level, r.ConfidenceLevel);
                Assert.Equal(distribution, r.Distribution);
            }
        }

        private static JsonElement FittedCase(string id)
        {
            using var document = JsonDocument.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Reference, "quantile.json")));
            return document.RootElement.GetProperty("Fitted").EnumerateArray().Single(f => f.GetProperty("Id").GetString() == id).Clone();
        }

        /// <summary>
        /// Normal, hand-derived: Q = μ + z·√v, Var(μ̂) = v/n, Var(v̂) = 2v²/n (inverse observed
        /// information at the MLE), so SE(Q)² = v/n·(1 + z²/2); a real-line quantile's interval is
        /// Q ± 1.96·SE. Data: the contract's example (mean 2.88, variance 0.2816).
        /// </summary>
        [Fact]
        public void A_Normal_quantile_has_the_hand_derived_standard_error()
        {
            var r = Assert.Single(Run("2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal | Get-Quantile 0.9"));
            const double z = 1.28155156554460046696510332944874281862; // mpmath: sqrt(2)·erfinv(0.8)
            double v = 0.2816, n = 5;
            Tolerance.Relative(2.88 + z * Math.Sqrt(v), r.Value, 1e-12, "Q(0.9)");
            double se = Math.Sqrt(v / n * (1 + z * z / 2));
            Tolerance.Relative(se, r.StandardError!.Value, 1e-9, "SE");
            const double z975 = 1.959963984540054; // R qnorm(0.975)
            Tolerance.Relative(r.Value - z975 * se, r.Lower!.Value, 1e-9, "Lower");
            Tolerance.Relative(r.Value + z975 * se, r.Upper!.Value, 1e-9, "Upper");
            Assert.Equal(0.9, r.Probability);
            Tolerance.Relative(0.1, r.ExceedanceProbability, 1e-15, "ExceedanceProbability");
        }

        [Fact]
        public void Every_fit_piped_in_gets_its_own_quantiles_and_a_deserialized_fit_works_too()
        {
            var both = Run("$a = 1, 2, 3 | Get-MLEstimate Normal; $b = 10, 20, 40 | Get-MLEstimate Normal; $a, $b | Get-Quantile 0.5, 0.99");
            Assert.Equal(4, both.Length);
            Tolerance.Relative(2, both[0].Value, 1e-15, "median of the first");
            Tolerance.Relative(70.0 / 3, both[2].Value, 1e-15, "median of the second");

            var live = Assert.Single(Run("2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal | Get-Quantile 0.99"));
            var travelled = Assert.Single(Run("$fit = 2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal; $x = [System.Management.Automation.PSSerializer]::Serialize($fit, 1); Get-Quantile 0.99 -Estimate ([System.Management.Automation.PSSerializer]::Deserialize($x))"));
            Assert.Equal(live.Value, travelled.Value);
            Assert.Equal(live.Lower, travelled.Lower);
            Assert.Equal(live.Upper, travelled.Upper);
        }

        [Fact]
        public void A_quantile_of_a_distribution_with_positive_support_keeps_a_positive_interval()
        {
            // Five values: the Wald interval of the Normal variance reaches below 0 (about_MaximumLikelihood),
            // but a LogNormal quantile's interval is formed on the log scale.
            var r = Assert.Single(Run("0.2, 3, 0.05, 9, 1.1 | Get-MLEstimate LogNormal | Get-Quantile 0.05"));
            Assert.True(r.Lower > 0 && r.Lower < r.Value && r.Value < r.Upper, $"{r.Lower} {r.Value} {r.Upper}");
        }

        [Fact]
        public void A_discrete_quantile_is_a_support_point_with_an_interval_of_support_points()
        {
            var r = Assert.Single(Run("2, 3, 0, 4, 1, 2, 5, 3, 2, 1 | Get-MLEstimate Poisson | Get-Quantile 0.9"));
            // R: qpois(0.9, 2.3) = 4.
            Assert.Equal(4, r.Value);
            Assert.Null(r.StandardError);
            Assert.True(r.Lower <= r.Value && r.Value <= r.Upper && r.Lower == Math.Floor(r.Lower!.Value) && r.Upper == Math.Floor(r.Upper!.Value), $"{r.Lower} {r.Value} {r.Upper}");
            Assert.True(r.Upper > r.Lower, "ten values leave the p90 uncertain");
        }

        [Fact]
        public void A_MAP_fit_gives_posterior_intervals()
        {
            var r = Assert.Single(Run("2.3, 2.5, 2.7, 2.9, 3.1 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' } | Get-Quantile 0.5"));
            // Posterior of the mean: Normal(2.5, 1/(1/0.5 + 5)) (the contract's worked example); the median is the mean.
            Tolerance.Relative(2.5, r.Value, 1e-12, "median");
            Tolerance.Relative(Math.Sqrt(1.0 / 7), r.StandardError!.Value, 1e-9, "posterior SD");
            Assert.Equal("PosteriorWald", r.IntervalMethod);
        }

        [Theory]
        [InlineData("Get-Quantile -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 }", "MissingParameter")]
        [InlineData("Get-Quantile 0.5 -ExceedanceProbability 0.1 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 }", "MissingParameter")]
        [InlineData("Get-Quantile 1.5 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 }", "InvalidProbability")]
        [InlineData("Get-Quantile ([double]::NaN) -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 }", "InvalidProbability")]
        [InlineData("Get-Quantile 0.5 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 } -ConfidenceLevel 1", "InvalidConfidenceLevel")]
        [InlineData("Get-Quantile 0.5 -Distribution Normal -Parameter @{ Mean = 0; Variance = -1 }", "InvalidParameterValue")]
        [InlineData("Get-Quantile 0.5 -Distribution Normal -Parameter @{ Mean = 0 }", "MissingParameter")]
        [InlineData("'a', 'b', 'a' | Get-MLEstimate Categorical | Get-Quantile 0.5", "NoQuantile")]
        [InlineData("1, 2, 3 | Get-MLEstimate Normal | Get-Quantile 0.5 -Distribution Gamma", "InvalidEstimate")]
        [InlineData("Get-Quantile 0.5 -Estimate @{ Mean = 1 }", "InvalidEstimate")]
        public void Bad_arguments_are_terminating_errors_with_stable_ids(string script, string id)
        {
            var result = module.Run(script);
            Assert.NotNull(result.TerminatingError);
            Assert.Equal(id + Id, result.TerminatingError!.FullyQualifiedErrorId);
        }

        [Fact]
        public void Probability_0_and_1_give_the_ends_of_the_support()
        {
            var r = Run("Get-Quantile 0, 1 -Distribution Exponential -Parameter @{ Rate = 2 }");
            Assert.Equal(0, r[0].Value);
            Assert.Equal(double.PositiveInfinity, r[1].Value);
        }
    }
}
