using System;
using System.Linq;
using System.Text.Json;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Get-Probability through the real engine: reference probabilities in the far tails, survival intervals, Categorical, errors.</summary>
    [Collection(ModuleCollection.Name)]
    public class GetProbabilityTests
    {
        private const string Id = ",PSEstimation.Commands.GetProbabilityCommand";
        private readonly ModuleFixture module;

        public GetProbabilityTests(ModuleFixture module) => this.module = module;

        private Probability[] Run(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return result.Objects.Cast<Probability>().ToArray();
        }

        public static TheoryData<string> ParameterCases() => GetQuantileTests.ParameterCases();

        /// <summary>tests/reference/quantile.json Cases: mpmath at 50 digits, checked against R's d/p functions.</summary>
        [Theory]
        [MemberData(nameof(ParameterCases))]
        public void Probabilities_at_given_parameters_match_the_reference(string id)
        {
            var c = ReferenceData.Case("quantile", id);
            double tolerance = c.GetProperty("RelTol").GetDouble();
            var table = new System.Collections.Hashtable();
            foreach (var p in c.GetProperty("Parameter").EnumerateObject())
            {
                table[p.Name] = p.Value.GetDouble();
            }

            var points = c.GetProperty("Probabilities").EnumerateArray().ToArray();
            var values = points.Select(p => p.GetProperty("Value").GetDouble()).ToArray();
            var results = Run("Get-Probability -Value $args[0] -Distribution $args[1] -Parameter $args[2]", values, c.GetProperty("Distribution").GetString(), table);
            Assert.Equal(points.Length, results.Length);
            for (int i = 0; i < points.Length; i++)
            {
                var expected = points[i];
                var r = results[i];
                string at = $"{id} at {values[i]:R}";
                Log(expected, "LogDensity", r.LogDensity, tolerance, at);
                Log(expected, "LogSurvival", r.LogSurvival!.Value, tolerance, at);
                Near(expected, "Density", r.Density, tolerance, at);
                Near(expected, "Cumulative", r.Cumulative!.Value, tolerance, at);
                Near(expected, "Survival", r.Survival!.Value, tolerance, at);
                Assert.Null(r.SurvivalLower);
            }
        }

        private static void Log(JsonElement expected, string name, double actual, double tolerance, string at)
        {
            var e = expected.GetProperty(name);
            if (e.ValueKind == JsonValueKind.Null)
            {
                Assert.True(double.IsNegativeInfinity(actual), $"{at}: {name} {actual:R}, expected -Infinity");
                return;
            }

            Tolerance.Relative(e.GetDouble(), actual, tolerance, $"{at}: {name}", floor: 1e-3);
        }

        private static void Near(JsonElement expected, string name, double actual, double tolerance, string at)
        {
            double e = expected.GetProperty(name).GetDouble();
            if (e < 1e-300)
            {
                // Below the normal range only the log is exact (the file's Underflow flag).
                Assert.True(actual < 1e-299, $"{at}: {name} {actual:R}, expected {e:R}");
                return;
            }

            Tolerance.Relative(e, actual, tolerance, $"{at}: {name}");
        }

        [Fact]
        public void The_normal_survival_at_ten_sigma_is_not_zero()
        {
            var r = Assert.Single(Run("Get-Probability 10 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 }"));
            // mpmath 1.3 at 40 digits: ncdf(-10) and its log.
            Tolerance.Relative(7.619853024160526065973343251599e-24, r.Survival!.Value, 1e-12, "S(10)");
            Tolerance.Relative(-53.23128515051247057834702735413, r.LogSurvival!.Value, 1e-13, "log S(10)");
            Assert.Equal(1.0, r.Cumulative);

            var far = Assert.Single(Run("Get-Probability 40 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 }"));
            Assert.Equal(0.0, far.Survival);
            // mpmath: log(ncdf(-40)) = -804.6084420137538
            Tolerance.Relative(-804.60844201375382, far.LogSurvival!.Value, 1e-12, "log S(40), finite beyond the double range");
        }

        /// <summary>tests/reference/quantile.json Fitted: Survival, its delta-method SE and its interval on the logit scale.</summary>
        [Theory]
        [InlineData("fit_rivers__lognormal__level0.9")]
        [InlineData("fit_airquality_Ozone__gamma")]
        public void Survival_intervals_from_a_fit_match_the_reference(string id)
        {
            using var document = JsonDocument.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Reference, "quantile.json")));
            var c = document.RootElement.GetProperty("Fitted").EnumerateArray().Single(f => f.GetProperty("Id").GetString() == id);
            var data = ReferenceData.Doubles(c.GetProperty("Data"));
            double level = c.GetProperty("ConfidenceLevel").GetDouble();
            foreach (var s in c.GetProperty("Survival").EnumerateArray())
            {
                double x = s.GetProperty("Value").GetDouble();
                var r = Assert.Single(Run("$args[0] | Get-MLEstimate $args[1] | Get-Probability $args[2] -ConfidenceLevel $args[3]", data, c.GetProperty("Distribution").GetString(), x, level));
                Tolerance.Relative(s.GetProperty("Survival").GetDouble(), r.Survival!.Value, 1e-8, $"{id} S({x})");
                var logit = ReferenceData.Doubles(s.GetProperty("Intervals").GetProperty("logit"));
                Tolerance.Relative(logit[0], r.SurvivalLower!.Value, 1e-6, $"{id} SurvivalLower({x})");
                Tolerance.Relative(logit[1], r.SurvivalUpper!.Value, 1e-6, $"{id} SurvivalUpper({x})");
                Assert.Equal("Wald", r.IntervalMethod);
                Assert.Equal(level, r.ConfidenceLevel);
            }
        }

        [Fact]
        public void A_Categorical_fit_gives_the_probability_of_each_category()
        {
            var r = Run("'red', 'blue', 'red', 'RED', 'green' | Get-MLEstimate Categorical | Get-Probability 'red', 'Blue', 'purple'");
            Assert.Equal(3, r.Length);
            Tolerance.Relative(0.6, r[0].Density, 1e-15, "red");
            Tolerance.Relative(0.2, r[1].Density, 1e-15, "blue");
            Assert.Equal(0, r[2].Density);
            Assert.Equal(double.NegativeInfinity, r[2].LogDensity);
            Assert.Null(r[0].Cumulative);
        }

        [Fact]
        public void A_value_that_is_no_number_is_skipped_with_an_error_and_the_rest_answered()
        {
            var result = module.Run("Get-Probability 1, 'abc', ([double]::NaN), 2 -Distribution Exponential -Parameter @{ Rate = 1 }");
            Assert.Null(result.TerminatingError);
            Assert.Equal(new[] { "NotANumber" + Id, "NonFiniteValue" + Id }, result.ErrorIds);
            var r = result.Objects.Cast<Probability>().ToArray();
            Assert.Equal(2, r.Length);
            Tolerance.Relative(Math.Exp(-2), r[1].Survival!.Value, 1e-15, "S(2) = e^-2");
        }

        [Fact]
        public void Outside_the_support_the_density_is_zero_and_the_probabilities_are_the_limits()
        {
            var r = Assert.Single(Run("Get-Probability -1 -Distribution Exponential -Parameter @{ Rate = 1 }"));
            Assert.Equal(0, r.Density);
            Assert.Equal(double.NegativeInfinity, r.LogDensity);
            Assert.Equal(0, r.Cumulative);
            Assert.Equal(1, r.Survival);
        }
    }
}
