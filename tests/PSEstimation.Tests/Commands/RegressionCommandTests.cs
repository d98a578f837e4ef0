using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Regression;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>
    /// Get-MLEstimate / Get-MAPEstimate with -Response and -Predictor, and Add-Prediction, through
    /// the real engine: the regression.json cases from rows of strings (as Import-Csv gives them),
    /// the problems a user meets (by full error id), grouping, weights, the default view.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class RegressionCommandTests
    {
        private const string Ml = ",PSEstimation.Commands.GetMLEstimateCommand";
        private readonly ModuleFixture module;

        public RegressionCommandTests(ModuleFixture module) => this.module = module;

        /// <summary>The case's rows as PSCustomObjects whose every value is a string (Import-Csv).</summary>
        internal static List<PSObject> CsvRows(JsonElement c)
        {
            var rows = new List<PSObject>();
            foreach (var row in c.GetProperty("Rows").EnumerateArray())
            {
                var o = new PSObject();
                foreach (var p in row.EnumerateObject())
                {
                    string text = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetDouble().ToString("R", CultureInfo.InvariantCulture);
                    o.Properties.Add(new PSNoteProperty(p.Name, text));
                }

                rows.Add(o);
            }

            return rows;
        }

        public static TheoryData<string> UncensoredCases()
        {
            var data = new TheoryData<string>();
            foreach (var c in RegressionReference.Cases.Where(c => !c.TryGetProperty("StatusProperty", out _)))
            {
                data.Add(c.GetProperty("Id").GetString()!);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(UncensoredCases))]
        public void Reference_case_from_rows_of_strings(string id)
        {
            // tests/reference/regression.json (R lm, rq, glm, glm.nb refined at 50 digits; ridge closed form).
            var c = RegressionReference.Case(id);
            string verb = c.GetProperty("Map").GetBoolean() ? "Get-MAPEstimate" : "Get-MLEstimate";
            string prior = c.GetProperty("Map").GetBoolean() ? $" -Prior @{{ Coefficients = '{c.GetProperty("Prior").GetProperty("Coefficients").GetString()}' }}" : string.Empty;
            string predictors = string.Join(", ", c.GetProperty("Predictor").EnumerateArray().Select(e => e.GetString()));
            var result = module.Run($"$args[0] | {verb} {c.GetProperty("Distribution").GetString()} -Response {c.GetProperty("Response").GetString()} -Predictor {predictors}{prior}", CsvRows(c));
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var fit = Assert.IsType<RegressionEstimate>(Assert.Single(result.Objects));
            var expected = c.GetProperty("Coefficients").EnumerateArray().ToArray();
            Assert.Equal(expected.Length, fit.Coefficients.Length);
            for (int j = 0; j < expected.Length; j++)
            {
                Assert.Equal(expected[j].GetProperty("Name").GetString(), fit.Coefficients[j].Name);
                RegressionReferenceTests.Close(expected[j].GetProperty("Value").GetDouble(), fit.Coefficients[j].Value, 1e-8, id + " " + fit.Coefficients[j].Name);
                RegressionReferenceTests.Close(expected[j].GetProperty("StandardError").GetDouble(), fit.Coefficients[j].StandardError!.Value, 1e-6, id + " SE " + fit.Coefficients[j].Name);
            }

            RegressionReferenceTests.Close(c.GetProperty("LogLikelihood").GetDouble(), fit.LogLikelihood, 1e-8, id + " LogLikelihood");
            Assert.Equal(c.GetProperty("Link").GetString(), fit.Link);
            Assert.True(fit.Converged);
        }

        [Fact]
        public void Add_prediction_streams_the_reference_predictions()
        {
            // regression.json stackloss_laplace Predictions (quantreg::rq fitted values; interval
            // from the expected-information covariance, identity link).
            var c = RegressionReference.Case("stackloss_laplace");
            var result = module.Run("$m = $args[0] | Get-MLEstimate Laplace -Response StackLoss -Predictor AirFlow, WaterTemp, AcidConc; $args[0] | Add-Prediction -Estimate $m -Interval", CsvRows(c));
            Assert.Null(result.TerminatingError);
            var expected = c.GetProperty("Predictions").EnumerateArray().ToArray();
            Assert.Equal(expected.Length, result.Output.Count);
            for (int i = 0; i < expected.Length; i++)
            {
                var o = result.Output[i];
                RegressionReferenceTests.Close(expected[i].GetProperty("Predicted").GetDouble(), (double)o.Properties["Predicted"].Value, 1e-8, "Predicted " + i);
                var interval = expected[i].GetProperty("Intervals").GetProperty("natural_scale").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                RegressionReferenceTests.Close(interval[0], (double)o.Properties["PredictedLower"].Value, 1e-6, "Lower " + i);
                RegressionReferenceTests.Close(interval[1], (double)o.Properties["PredictedUpper"].Value, 1e-6, "Upper " + i);
                Assert.Equal(c.GetProperty("Rows")[i].GetProperty("AirFlow").GetDouble().ToString(CultureInfo.InvariantCulture), o.Properties["AirFlow"].Value);
            }
        }

        [Fact]
        public void Predictions_pipe_into_Measure_RegressionLoss_and_the_variance_is_the_MSE()
        {
            var c = RegressionReference.Case("mtcars_ridge_estimated_variance");
            var result = module.Run("$m = $args[0] | Get-MLEstimate Normal -Response mpg -Predictor wt, hp; $l = $args[0] | Add-Prediction -Estimate $m | Measure-RegressionLoss -ActualProperty mpg -PredictedProperty Predicted; $l.MeanSquaredError; $m.Estimate.Variance", CsvRows(c));
            Assert.Null(result.TerminatingError);
            RegressionReferenceTests.Close((double)result.Objects[1], (double)result.Objects[0], 1e-12, "MSE = Variance");
        }

        [Fact]
        public void Collinear_predictors_are_named()
        {
            var result = module.Run("1..10 | ForEach-Object { [pscustomobject]@{ y = $_ * 1.5 + ($_ % 3); a = $_; b = 2 * $_ + 1 } } | Get-MLEstimate Normal -Response y -Predictor a, b");
            Assert.NotNull(result.TerminatingError);
            Assert.Equal("CollinearPredictors" + Ml, result.TerminatingError!.FullyQualifiedErrorId);
            Assert.Contains("'b' is a linear combination of 'Intercept', 'a'", result.TerminatingError.Exception.Message);
            Assert.Empty(result.Objects);
        }

        [Fact]
        public void Perfect_separation_warns_and_is_not_converged()
        {
            var result = module.Run("1..10 | ForEach-Object { [pscustomobject]@{ y = [int]($_ -gt 5); x = $_ } } | Get-MLEstimate Bernoulli -Response y -Predictor x");
            Assert.Null(result.TerminatingError);
            var fit = Assert.IsType<RegressionEstimate>(Assert.Single(result.Objects));
            Assert.False(fit.Converged);
            Assert.Contains(result.Warnings, w => w.Message.Contains("Perfect separation"));
        }

        [Fact]
        public void Response_outside_the_support_is_reported_and_skipped()
        {
            var result = module.Run("@([pscustomobject]@{ y = -1; x = 1 }) + (1..8 | ForEach-Object { [pscustomobject]@{ y = $_ % 4; x = $_ } }) | Get-MLEstimate Poisson -Response y -Predictor x");
            Assert.Null(result.TerminatingError);
            Assert.Equal("ValueOutsideSupport" + Ml, Assert.Single(result.Errors).FullyQualifiedErrorId);
            var fit = Assert.IsType<RegressionEstimate>(Assert.Single(result.Objects));
            Assert.Equal(1, fit.SkippedCount);
            Assert.Equal(8, fit.SampleSize);
        }

        [Fact]
        public void Missing_predictor_property_is_reported_and_skipped()
        {
            var result = module.Run("@([pscustomobject]@{ y = 1 }) + (1..6 | ForEach-Object { [pscustomobject]@{ y = $_ + ($_ % 2); x = $_ } }) | Get-MLEstimate Normal -Response y -Predictor x");
            Assert.Equal("PropertyNotFound" + Ml, Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Contains("'x'", result.Errors[0].Exception.Message);
            Assert.Equal(1, Assert.IsType<RegressionEstimate>(Assert.Single(result.Objects)).SkippedCount);
        }

        [Fact]
        public void Fewer_observations_than_coefficients_is_an_error()
        {
            var result = module.Run("[pscustomobject]@{ y = 1; x = 1 }, [pscustomobject]@{ y = 2; x = 3 } | Get-MLEstimate Normal -Response y -Predictor x");
            Assert.Equal("TooFewObservations" + Ml, result.TerminatingError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void An_exact_fit_is_an_error_not_a_runaway_search()
        {
            // Before: 200 Newton steps toward Variance 0 and a "did not converge" warning.
            var result = module.Run("1..12 | ForEach-Object { [pscustomobject]@{ y = 2 * $_ + @(0, 1, 3)[$_ % 3]; x = $_; g = @('a', 'b', 'c')[$_ % 3] } } | Get-MLEstimate Normal -Response y -Predictor x, g");
            Assert.Equal("PerfectFit" + Ml, result.TerminatingError?.FullyQualifiedErrorId);
            Assert.Empty(result.Warnings);
        }

        [Theory]
        [InlineData("Get-MLEstimate Uniform -Response y -Predictor x", "RegressionNotSupported")]
        [InlineData("Get-MLEstimate Normal -Response y -Predictor x -Fixed @{ Mean = 1 }", "LinkedParameterFixed")]
        [InlineData("Get-MLEstimate Normal -Response y -Predictor x -Property y", "InvalidParameterValue")]
        public void Unusable_requests_are_terminating_errors(string command, string id)
        {
            var result = module.Run("1..5 | ForEach-Object { [pscustomobject]@{ y = $_; x = $_ * $_ } } | " + command);
            Assert.Equal(id + Ml, result.TerminatingError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void GroupBy_fits_each_group_and_weights_count_rows()
        {
            // Weighted: the rows of group 'a' with weight 2 fit as if each appeared twice.
            var result = module.Run(
                "$rows = 1..12 | ForEach-Object { [pscustomobject]@{ g = @('a', 'b')[$_ % 2]; x = $_; y = 2 * $_ + ($_ % 3); w = 2 } }; " +
                "$rows | Get-MLEstimate Normal -Response y -Predictor x -GroupBy g; " +
                "$rows | Where-Object g -eq 'a' | Get-MLEstimate Normal -Response y -Predictor x -WeightProperty w; " +
                "($rows + $rows) | Where-Object g -eq 'a' | Get-MLEstimate Normal -Response y -Predictor x");
            Assert.Null(result.TerminatingError);
            var fits = result.Objects.Cast<RegressionEstimate>().ToList();
            Assert.Equal(4, fits.Count);
            Assert.Equal("b", fits[0].Group);
            Assert.Equal("a", fits[1].Group);
            Assert.Equal(12, fits[2].SampleSize);
            RegressionReferenceTests.Close(fits[3].Coefficients[1].Value, fits[2].Coefficients[1].Value, 1e-12, "weighted slope");
            RegressionReferenceTests.Close(fits[3].Coefficients[1].StandardError!.Value, fits[2].Coefficients[1].StandardError!.Value, 1e-10, "weighted SE");
            RegressionReferenceTests.Close(fits[1].Coefficients[1].Value, fits[2].Coefficients[1].Value, 1e-12, "group a");
        }

        [Fact]
        public void Lasso_zero_has_no_standard_error_and_a_note()
        {
            var c = RegressionReference.Case("stackloss_laplace");
            var result = module.Run("$args[0] | Get-MAPEstimate Normal -Response StackLoss -Predictor AirFlow, WaterTemp, AcidConc -Prior @{ Coefficients = 'Laplace(0, 0.02)' }", CsvRows(c));
            Assert.Null(result.TerminatingError);
            var fit = Assert.IsType<RegressionEstimate>(Assert.Single(result.Objects));
            var zero = fit.Coefficients.Where(k => k.Value == 0).ToList();
            Assert.NotEmpty(zero);
            Assert.All(zero, k => Assert.Null(k.StandardError));
            Assert.All(zero, k => Assert.Contains("kink", k.Note));
            Assert.NotNull(fit.LogPosterior);
            Assert.True(fit.Converged);
        }

        [Fact]
        public void Default_view_is_a_summary_in_80_columns()
        {
            string text = module.RunFormatted("1..30 | ForEach-Object { [pscustomobject]@{ low = [int](($_ * 7) % 10 -lt 4); lwt = [string](100 + $_); race = @('white', 'black', 'other')[$_ % 3] } } | Get-MLEstimate Bernoulli -Response low -Predictor lwt, race", 120);
            Assert.Contains("Bernoulli regression of low (link Logit), maximum likelihood", text);
            Assert.Contains("racewhite", text);
            Assert.Contains("Lower 95%", text);
            Assert.All(text.Replace("\r\n", "\n").Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, line));
        }
    }
}
