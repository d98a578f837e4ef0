using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>
    /// -IntervalMethod on regression models and the IntervalMethod property of every result with
    /// intervals, through the real engine. Expected profile bounds: tests/reference/regression_intervals.json
    /// (R 4.2.2, tools/make_regression_intervals_reference.R).
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class RegressionIntervalMethodTests
    {
        private const string Ml = ",PSEstimation.Commands.GetMLEstimateCommand";
        private const string Map = ",PSEstimation.Commands.GetMAPEstimateCommand";
        private const string Dobson = "$args[0] | Get-MLEstimate Poisson -Response counts -Predictor outcome, treatment";
        private readonly ModuleFixture module;

        public RegressionIntervalMethodTests(ModuleFixture module) => this.module = module;

        private static JsonElement Case(string id)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "regression_intervals.json")));
            return document.RootElement.GetProperty("Cases").EnumerateArray().First(c => c.GetProperty("Id").GetString() == id).Clone();
        }

        private T Single<T>(string script, params object?[] arguments)
        {
            var result = module.Run(script, arguments);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return result.Objects.OfType<T>().Single();
        }

        [Fact]
        public void Profile_intervals_of_a_Poisson_regression_match_R()
        {
            var c = Case("dobson_poisson");
            var fit = Single<RegressionEstimate>(Dobson + " -IntervalMethod Profile", RegressionCommandTests.CsvRows(c));
            Assert.Equal("Profile", fit.IntervalMethod);
            var expected = c.GetProperty("Coefficients").EnumerateArray().ToArray();
            for (int j = 0; j < expected.Length; j++)
            {
                Regression.RegressionReferenceTests.Close(expected[j].GetProperty("ProfileLower").GetDouble(), fit.Coefficients[j].Lower!.Value, 1e-6, fit.Coefficients[j].Name + " lower");
                Regression.RegressionReferenceTests.Close(expected[j].GetProperty("ProfileUpper").GetDouble(), fit.Coefficients[j].Upper!.Value, 1e-6, fit.Coefficients[j].Name + " upper");
            }

            Assert.Contains("Intervals: profile likelihood", fit.Summary());
        }

        [Fact]
        public void Bootstrap_of_a_logistic_regression_is_reproducible_for_a_seed()
        {
            var c = Case("mtcars_bernoulli");
            const string script = "$args[0] | Get-MLEstimate Bernoulli -Response am -Predictor wt -IntervalMethod Bootstrap -Simulations 199 -SetSeed 5";
            var first = Single<RegressionEstimate>(script, RegressionCommandTests.CsvRows(c));
            var second = Single<RegressionEstimate>(script, RegressionCommandTests.CsvRows(c));
            Assert.Equal("Bootstrap", first.IntervalMethod);
            Assert.Equal(199, first.Simulations);
            Assert.NotNull(first.BootstrapFailures);
            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(first.Coefficients[j].Lower, second.Coefficients[j].Lower);
                Assert.Equal(first.Coefficients[j].Upper, second.Coefficients[j].Upper);
                Assert.True(first.Coefficients[j].Lower < first.Coefficients[j].Value && first.Coefficients[j].Value < first.Coefficients[j].Upper);
            }
        }

        [Fact]
        public void Default_intervals_are_Wald_and_say_so()
        {
            var fit = Single<RegressionEstimate>(Dobson, RegressionCommandTests.CsvRows(Case("dobson_poisson")));
            Assert.Equal("Wald", fit.IntervalMethod);
            Assert.Null(fit.Simulations);
            Assert.DoesNotContain("Intervals:", fit.Summary());
        }

        [Fact]
        public void Bootstrap_of_bounds_is_refused()
        {
            var result = module.Run("@{ x = 1; L = 1; U = 2 }, @{ x = 2; L = 3; U = '' }, @{ x = 3; L = 2; U = 2 } | Get-MLEstimate Weibull -LowerProperty L -UpperProperty U -Predictor x -IntervalMethod Bootstrap");
            Assert.NotNull(result.TerminatingError);
            Assert.Equal("IntervalMethodNotApplicable" + Ml, result.TerminatingError!.FullyQualifiedErrorId);
        }

        [Theory]
        [InlineData("Bootstrap", "already posterior quantities")]
        [InlineData("Profile", "leaves the prior out")]
        public void Get_MAPEstimate_refuses_sampling_intervals(string method, string why)
        {
            foreach (string script in new[]
            {
                $"2.3, 2.5, 2.7 | Get-MAPEstimate Normal -Fixed @{{ Variance = 1 }} -Prior @{{ Mean = 'Normal(2, 0.5)' }} -IntervalMethod {method}",
                $"@{{ y = 1; x = 1 }}, @{{ y = 2; x = 2 }}, @{{ y = 2; x = 3 }} | Get-MAPEstimate Normal -Response y -Predictor x -Prior @{{ Coefficients = 'Normal(0, 10)' }} -IntervalMethod {method}",
            })
            {
                var result = module.Run(script);
                Assert.NotNull(result.TerminatingError);
                Assert.Equal("IntervalMethodNotApplicable" + Map, result.TerminatingError!.FullyQualifiedErrorId);
                Assert.Contains(why, result.TerminatingError.Exception.Message);
            }
        }

        [Fact]
        public void Posterior_results_name_their_intervals()
        {
            var conjugate = Single<MAPEstimate>("2.3, 2.5, 2.7, 2.9, 3.1 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }");
            Assert.Equal("Posterior", conjugate.IntervalMethod);
            var numerical = Single<MAPEstimate>("0.62, 1.41, 2.03, 0.27, 3.55 | Get-MAPEstimate Gamma -Prior @{ Shape = 'Gamma(2, 1)' }");
            Assert.Equal("PosteriorWald", numerical.IntervalMethod);
            var ridge = Single<RegressionEstimate>("@{ y = 1.1; x = 1 }, @{ y = 2.3; x = 2 }, @{ y = 2.8; x = 3 }, @{ y = 4.2; x = 4 } | Get-MAPEstimate Normal -Response y -Predictor x -Prior @{ Coefficients = 'Normal(0, 10)' }");
            Assert.Equal("PosteriorWald", ridge.IntervalMethod);
        }

        [Fact]
        public void A_StudentT_fit_with_tiny_fixed_degrees_of_freedom_gives_a_result_not_a_MathNet_exception()
        {
            // Before the fix StudentTFamily's start called MathNet's StudentT.InvCDF(0, 1, 0.007, 0.75),
            // whose root search throws NonConvergenceException (the quartile is about 1e40).
            // With Scale fixed at 1 and ν = 0.007, the log-likelihood in the Location is
            // -(ν + 1)/2 Σ log(1 + (x - μ)²/ν) + const: its maximum lies between the data's extremes.
            const string data = "$x = 0.3, -1.2, 2.5, 0.8, -0.4, 5.1, 0.1, -2.2, 1.4, 0.6; ";
            var fit = Single<MLEstimate>(data + "$x | Get-MLEstimate StudentT -Fixed @{ DegreesOfFreedom = 0.007; Scale = 1 }");
            Assert.True(fit.Converged);
            Assert.InRange(fit.Parameters[0].Value, -2.2, 5.1);
            Assert.True(Math.Abs(fit.Score[0]) < 1e-6, $"score {fit.Score[0]}");

            var located = module.Run(data + "$x | Get-MLEstimate StudentT -Fixed @{ DegreesOfFreedom = 0.007; Location = 0.05 }");
            if (located.TerminatingError is not null)
            {
                Assert.DoesNotContain("MathNet", located.TerminatingError.FullyQualifiedErrorId);
            }
            else
            {
                var f = located.Objects.OfType<MLEstimate>().Single();
                Assert.True(f.Parameters[1].Value > 0);
            }
        }
    }
}
