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
    /// Censored responses in a regression through the real engine: the interval form
    /// (-LowerProperty/-UpperProperty with -Predictor) on survival::lung against survreg, the
    /// limits (-CensoredAbove/-CensoredBelow on -Response) against the interval form of the same
    /// data (the same likelihood), and the mistakes a user makes, by full error id.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class RegressionCensoringCommandTests
    {
        private const string Ml = ",PSEstimation.Commands.GetMLEstimateCommand";
        private readonly ModuleFixture module;

        public RegressionCensoringCommandTests(ModuleFixture module) => this.module = module;

        /// <summary>lung as Import-Csv would give it in the interval form: Lower = time, Upper = time when dead (status 2), empty when censored.</summary>
        private static List<PSObject> LungIntervalRows()
        {
            var rows = new List<PSObject>();
            foreach (var row in RegressionReference.Case("lung_weibull").GetProperty("Rows").EnumerateArray())
            {
                string time = Text(row.GetProperty("time"));
                var o = new PSObject();
                o.Properties.Add(new PSNoteProperty("Lower", time));
                o.Properties.Add(new PSNoteProperty("Upper", row.GetProperty("status").GetDouble() == 2 ? time : string.Empty));
                o.Properties.Add(new PSNoteProperty("age", Text(row.GetProperty("age"))));
                o.Properties.Add(new PSNoteProperty("sex", Text(row.GetProperty("sex"))));
                rows.Add(o);
            }

            return rows;
        }

        /// <summary>
        /// lung's times taken as exact, twice: as -Response rows, and in the interval form with the
        /// limit applied by hand (at or above <paramref name="above"/>: [above, ∞); at or below
        /// <paramref name="below"/>: (-∞, below]).
        /// </summary>
        private static (List<PSObject> Exact, List<PSObject> Interval) LungTimes(double? above, double? below)
        {
            var exact = new List<PSObject>();
            var interval = new List<PSObject>();
            foreach (var row in RegressionReference.Case("lung_weibull").GetProperty("Rows").EnumerateArray())
            {
                double t = row.GetProperty("time").GetDouble();
                var e = new PSObject();
                e.Properties.Add(new PSNoteProperty("time", t));
                e.Properties.Add(new PSNoteProperty("age", row.GetProperty("age").GetDouble()));
                e.Properties.Add(new PSNoteProperty("sex", row.GetProperty("sex").GetDouble()));
                exact.Add(e);
                object lower = t, upper = t;
                if (above is double a && t >= a)
                {
                    lower = a;
                    upper = string.Empty;
                }
                else if (below is double b && t <= b)
                {
                    lower = string.Empty;
                    upper = b;
                }

                var i = new PSObject();
                i.Properties.Add(new PSNoteProperty("lo", lower));
                i.Properties.Add(new PSNoteProperty("hi", upper));
                i.Properties.Add(new PSNoteProperty("age", row.GetProperty("age").GetDouble()));
                i.Properties.Add(new PSNoteProperty("sex", row.GetProperty("sex").GetDouble()));
                interval.Add(i);
            }

            return (exact, interval);
        }

        private static string Text(JsonElement e) => e.GetDouble().ToString("R", CultureInfo.InvariantCulture);

        [Fact]
        public void Lung_in_interval_form_matches_survreg()
        {
            // tests/reference/regression.json lung_weibull: survival::survreg(Surv(time, status) ~ age + sex,
            // dist = "weibull"), refined at 50 digits; Shape = 1/survreg's scale, SEs from the observed information.
            var c = RegressionReference.Case("lung_weibull");
            var result = module.Run("$args[0] | Get-MLEstimate Weibull -LowerProperty Lower -UpperProperty Upper -Predictor age, sex", LungIntervalRows());
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var fit = Assert.IsType<RegressionEstimate>(Assert.Single(result.Objects));
            var expected = c.GetProperty("Coefficients").EnumerateArray().ToArray();
            Assert.Equal(expected.Length, fit.Coefficients.Length);
            for (int j = 0; j < expected.Length; j++)
            {
                Assert.Equal(expected[j].GetProperty("Name").GetString(), fit.Coefficients[j].Name);
                RegressionReferenceTests.Close(expected[j].GetProperty("Value").GetDouble(), fit.Coefficients[j].Value, 1e-8, "lung " + fit.Coefficients[j].Name);
                RegressionReferenceTests.Close(expected[j].GetProperty("StandardError").GetDouble(), fit.Coefficients[j].StandardError!.Value, 1e-6, "lung SE " + fit.Coefficients[j].Name);
            }

            var shape = c.GetProperty("Parameters")[0];
            var fittedShape = Assert.Single(fit.Parameters);
            Assert.Equal("Shape", fittedShape.Name);
            RegressionReferenceTests.Close(shape.GetProperty("Value").GetDouble(), fittedShape.Value, 1e-8, "lung Shape");
            RegressionReferenceTests.Close(shape.GetProperty("StandardError").GetDouble(), fittedShape.StandardError!.Value, 1e-6, "lung SE Shape");
            RegressionReferenceTests.Close(c.GetProperty("LogLikelihood").GetDouble(), fit.LogLikelihood, 1e-8, "lung LogLikelihood");
            RegressionReferenceTests.Close(c.GetProperty("AIC").GetDouble(), fit.AIC, 1e-8, "lung AIC");
            Assert.Equal(c.GetProperty("CensoredCount").GetInt32(), fit.CensoredCount);
            Assert.Equal(c.GetProperty("SampleSize").GetInt32(), fit.SampleSize);
            Assert.Equal("[Lower, Upper]", fit.Response);
            Assert.True(fit.Converged);
        }

        [Theory]
        [InlineData("Weibull", "-CensoredAbove 500", 500.0, null)]
        [InlineData("LogNormal", "-CensoredBelow 100", null, 100.0)]
        [InlineData("Gamma", "-CensoredAbove 700 -CensoredBelow 60", 700.0, 60.0)]
        public void Limits_on_the_response_give_the_likelihood_of_the_same_bounds(string family, string limits, double? above, double? below)
        {
            // Same data, same likelihood: a response at or above -CensoredAbove is "at least the
            // limit", which the interval form writes as [limit, empty]; so every number must agree
            // to the fitter's convergence (not only to the reference tolerances).
            var (exact, interval) = LungTimes(above, below);
            var result = module.Run($"$args[0] | Get-MLEstimate {family} -Response time -Predictor age, sex {limits}; $args[1] | Get-MLEstimate {family} -LowerProperty lo -UpperProperty hi -Predictor age, sex", exact, interval);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            Assert.Equal(2, result.Objects.Count);
            var byLimits = Assert.IsType<RegressionEstimate>(result.Objects[0]);
            var byBounds = Assert.IsType<RegressionEstimate>(result.Objects[1]);
            int censored = exact.Count(o => (above is double a && (double)o.Properties["time"].Value >= a) || (below is double b && (double)o.Properties["time"].Value <= b));
            Assert.True(censored > 10, "the limits censor a good share of the rows");
            Assert.Equal(censored, byLimits.CensoredCount);
            Assert.Equal(censored, byBounds.CensoredCount);
            Assert.Equal(228, byLimits.SampleSize);
            Assert.True(byLimits.Converged && byBounds.Converged);
            Assert.Equal("time", byLimits.Response);
            RegressionReferenceTests.Close(byBounds.LogLikelihood, byLimits.LogLikelihood, 1e-10, family + " LogLikelihood");
            for (int j = 0; j < byBounds.Coefficients.Length; j++)
            {
                RegressionReferenceTests.Close(byBounds.Coefficients[j].Value, byLimits.Coefficients[j].Value, 1e-8, family + " " + byBounds.Coefficients[j].Name);
                RegressionReferenceTests.Close(byBounds.Coefficients[j].StandardError!.Value, byLimits.Coefficients[j].StandardError!.Value, 1e-6, family + " SE " + byBounds.Coefficients[j].Name);
            }
        }

        [Fact]
        public void Censoring_changes_the_fit()
        {
            // The limits are not ignored: lung's times as exact give a different fit than with the
            // times of 500 days or more known only to be at least 500.
            var (exact, _) = LungTimes(null, null);
            var result = module.Run("$args[0] | Get-MLEstimate Weibull -Response time -Predictor age, sex; $args[0] | Get-MLEstimate Weibull -Response time -Predictor age, sex -CensoredAbove 500", exact);
            Assert.Null(result.TerminatingError);
            var plain = (RegressionEstimate)result.Objects[0];
            var censored = (RegressionEstimate)result.Objects[1];
            Assert.Equal(0, plain.CensoredCount);
            Assert.True(censored.CensoredCount > 0);
            Assert.True(System.Math.Abs(censored.Coefficients[0].Value - plain.Coefficients[0].Value) > 1e-3, "censoring moves the intercept");
            Assert.NotEqual(plain.LogLikelihood, censored.LogLikelihood);
        }

        [Fact]
        public void Map_takes_censored_responses()
        {
            var result = module.Run("$args[0] | Get-MAPEstimate Weibull -LowerProperty Lower -UpperProperty Upper -Predictor age, sex -Prior @{ Coefficients = 'Normal(0, 10)' }", LungIntervalRows());
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var fit = Assert.IsType<RegressionEstimate>(Assert.Single(result.Objects));
            Assert.Equal(63, fit.CensoredCount);
            Assert.True(fit.Converged);
        }

        [Theory]
        [InlineData("Get-MLEstimate Weibull -Response time -Predictor age -LowerProperty time -UpperProperty time", "InvalidCensoring")]
        [InlineData("Get-MLEstimate Weibull -Predictor age", "MissingParameter")]
        [InlineData("Get-MLEstimate Weibull -NoIntercept", "MissingParameter")]
        [InlineData("Get-MLEstimate Weibull -Predictor age -LowerProperty time", "MissingParameter")]
        [InlineData("Get-MLEstimate Weibull -Response time -Predictor age -CensoredAbove -5", "CensoringOutsideSupport")]
        [InlineData("Get-MLEstimate Weibull -Response time -Predictor age -CensoredAbove 100 -CensoredBelow 200", "InvalidCensoring")]
        [InlineData("Get-MLEstimate Weibull -Response time -Predictor age -CensoredAbove ([double]::NaN)", "InvalidCensoring")]
        [InlineData("Get-MLEstimate Laplace -Response time -Predictor age -CensoredAbove 500", "CensoringNotSupported")]
        [InlineData("Get-MLEstimate Categorical -LowerProperty time -UpperProperty time -Predictor age", "RegressionNotSupported")]
        public void Mistakes_are_terminating_errors_with_stable_ids(string command, string id)
        {
            var (exact, _) = LungTimes(null, null);
            var result = module.Run("$args[0] | " + command, exact);
            Assert.NotNull(result.TerminatingError);
            Assert.Equal(id + Ml, result.TerminatingError!.FullyQualifiedErrorId);
            Assert.Empty(result.Objects);
        }

        [Fact]
        public void Every_response_censored_on_one_side_has_no_estimate()
        {
            var (exact, _) = LungTimes(null, null);
            var result = module.Run("$args[0] | Get-MLEstimate Weibull -Response time -Predictor age -CensoredAbove 5", exact);
            Assert.Equal("EveryObservationCensored" + Ml, (result.TerminatingError ?? Assert.Single(result.Errors)).FullyQualifiedErrorId);
            Assert.Empty(result.Objects);
        }

        [Fact]
        public void Unusable_bounds_are_reported_and_the_rows_skipped()
        {
            // Neither bound, reversed bounds, a bound that is not a number, an interval outside the
            // support: each row skipped with its own id; the rest (lung) fitted and counted.
            var rows = LungIntervalRows();
            var bad = new[] { (string.Empty, string.Empty), ("300", "200"), ("soon", "400"), ("-20", "-10") };
            foreach (var (lower, upper) in bad)
            {
                var o = new PSObject();
                o.Properties.Add(new PSNoteProperty("Lower", lower));
                o.Properties.Add(new PSNoteProperty("Upper", upper));
                o.Properties.Add(new PSNoteProperty("age", "60"));
                o.Properties.Add(new PSNoteProperty("sex", "1"));
                rows.Insert(0, o);
            }

            var result = module.Run("$args[0] | Get-MLEstimate Weibull -LowerProperty Lower -UpperProperty Upper -Predictor age, sex", rows);
            Assert.Null(result.TerminatingError);
            var ids = result.Errors.Select(e => e.FullyQualifiedErrorId).OrderBy(s => s).ToArray();
            Assert.Equal(new[] { "CensoringOutsideSupport" + Ml, "InvalidInterval" + Ml, "InvalidInterval" + Ml, "NotANumber" + Ml }, ids);
            var fit = Assert.IsType<RegressionEstimate>(Assert.Single(result.Objects));
            Assert.Equal(4, fit.SkippedCount);
            Assert.Equal(228, fit.SampleSize);
            Assert.Equal(63, fit.CensoredCount);
            // tests/reference/regression.json lung_weibull (survreg): the skipped rows leave the fit as it was.
            RegressionReferenceTests.Close(-1147.0544314319495, fit.LogLikelihood, 1e-8, "lung LogLikelihood");
        }

        [Fact]
        public void Bounds_without_predictors_stay_a_fit_of_one_quantity()
        {
            // Binding: -LowerProperty/-UpperProperty alone are the Distribution set (censored fit of
            // one quantity, an MLEstimate), with -Predictor the Regression set.
            var result = module.Run("$args[0] | Get-MLEstimate Weibull -LowerProperty Lower -UpperProperty Upper", LungIntervalRows());
            Assert.Null(result.TerminatingError);
            var fit = Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
            Assert.Equal(63, fit.CensoredCount);
        }

        [Fact]
        public void Discrete_response_censored_above_matches_its_interval_form()
        {
            // Poisson counts of at least 4 (-CensoredAbove 4) are P(Y >= 4); the interval form
            // [4, empty] is the same statement.
            var result = module.Run(@"
$rows = 1..40 | ForEach-Object { [pscustomobject]@{ y = ($_ * 7) % 9; x = $_ / 10 } }
$a = $rows | Get-MLEstimate Poisson -Response y -Predictor x -CensoredAbove 4
$b = $rows | ForEach-Object { [pscustomobject]@{ lo = [math]::Min($_.y, 4); hi = $(if ($_.y -ge 4) { '' } else { $_.y }); x = $_.x } } | Get-MLEstimate Poisson -LowerProperty lo -UpperProperty hi -Predictor x
$a; $b");
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var a = (RegressionEstimate)result.Objects[0];
            var b = (RegressionEstimate)result.Objects[1];
            Assert.True(a.CensoredCount > 5);
            Assert.Equal(b.CensoredCount, a.CensoredCount);
            RegressionReferenceTests.Close(b.LogLikelihood, a.LogLikelihood, 1e-10, "Poisson LogLikelihood");
            RegressionReferenceTests.Close(b.Coefficients[1].Value, a.Coefficients[1].Value, 1e-8, "Poisson x");
        }
    }
}
