using System;
using System.Collections.Generic;
using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Numerics;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Measure-RegressionLoss through the real engine: every binding form, groups, per-observation output, errors and views.</summary>
    [Collection(ModuleCollection.Name)]
    public class MeasureRegressionLossTests
    {
        private const string Id = ",PSEstimation.Commands.MeasureRegressionLossCommand";

        // The contract's seed pairs as PowerShell rows, in a variable every script can start with.
        private const string SeedRows =
            "$a = 2.3, 2.5, 3.1, 3.8, 2.7; $p = 2.4, 2.6, 3.0, 3.7, 2.8; "
            + "$rows = foreach ($i in 0..4) { [pscustomobject]@{ Actual = $a[$i]; Predicted = $p[$i] } }; ";

        private readonly ModuleFixture module;

        public MeasureRegressionLossTests(ModuleFixture module) => this.module = module;

        private RegressionLoss Single(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return Assert.IsType<RegressionLoss>(Assert.Single(result.Objects));
        }

        private static void AssertSeed(RegressionLoss loss)
        {
            // CONTRACT.md worked example: MSE 0.01, MAE 0.1, Gaussian likelihood at variance = MSE
            // 82.94956719377812, Laplace likelihood at scale = MAE 21.05608437214218; the rest of
            // tests/reference/loss.json case "seed" (scikit-learn 1.2.1).
            Tolerance.Relative(0.01, loss.MSE, 1e-13, "MSE");
            Tolerance.Relative(0.1, loss.MAE, 1e-13, "MAE");
            Tolerance.Relative(Math.Log(82.94956719377812), loss.GaussianLogLikelihood, 1e-12, "Gaussian log-likelihood");
            Tolerance.Relative(Math.Log(21.05608437214218), loss.LaplaceLogLikelihood, 1e-12, "Laplace log-likelihood");
            RegressionLossTests.AssertExpected(ReferenceData.Case("loss", "seed"), loss, "seed");
            Assert.Equal(5, loss.SampleSize);
            Assert.Equal(0, loss.SkippedCount);
            Assert.Null(loss.Group);
        }

        [Theory]
        [InlineData(SeedRows + "$rows | Measure-RegressionLoss")]
        [InlineData(SeedRows + "Measure-RegressionLoss -InputObject $rows")]
        [InlineData(SeedRows + ",$rows | Measure-RegressionLoss")]
        [InlineData("$a = 2.3, 2.5, 3.1, 3.8, 2.7; $p = 2.4, 2.6, 3.0, 3.7, 2.8; 0..4 | ForEach-Object { @{ actual = $a[$_]; PREDICTED = $p[$_] } } | Measure-RegressionLoss")]
        [InlineData("$a = 2.3, 2.5, 3.1, 3.8, 2.7; $p = 2.4, 2.6, 3.0, 3.7, 2.8; 0..4 | ForEach-Object { [pscustomobject]@{ y = $a[$_]; yhat = $p[$_] } } | Measure-RegressionLoss -ActualProperty y -PredictedProperty yhat")]
        [InlineData("$a = '2.3', '2.5', '3.1', '3.8', '2.7'; $p = '2.4', '2.6', '3.0', '3.7', '2.8'; 0..4 | ForEach-Object { [pscustomobject]@{ Actual = $a[$_]; Predicted = $p[$_] } } | Measure-RegressionLoss")]
        [InlineData("Measure-RegressionLoss 2.3, 2.5, 3.1, 3.8, 2.7 2.4, 2.6, 3.0, 3.7, 2.8")]
        [InlineData("Measure-RegressionLoss -Actual 2.3, 2.5, 3.1, 3.8, 2.7 -Predicted 2.4, 2.6, 3.0, 3.7, 2.8")]
        [InlineData("Measure-RegressionLoss -Predicted 2.4, 2.6, 3.0, 3.7, 2.8 -Actual 2.3, 2.5, 3.1, 3.8, 2.7")]
        [InlineData("Measure-RegressionLoss -YTrue 2.3, 2.5, 3.1, 3.8, 2.7 -YPred 2.4, 2.6, 3.0, 3.7, 2.8")]
        [InlineData("Measure-RegressionLoss -Observed 2.3, 2.5, 3.1, 3.8, 2.7 -Fitted 2.4, 2.6, 3.0, 3.7, 2.8")]
        [InlineData("Measure-RegressionLoss -Actual ([double[]](2.3, 2.5, 3.1, 3.8, 2.7)) -Forecast ([decimal[]](2.4, 2.6, 3.0, 3.7, 2.8))")]
        public void Seed_example_in_every_binding_form(string script) => AssertSeed(Single(script));

        [Fact]
        public void Arrays_from_the_host_bind_positionally()
        {
            var loss = Single("Measure-RegressionLoss $args[0] $args[1]", new[] { 2.3, 2.5, 3.1, 3.8, 2.7 }, new[] { 2.4, 2.6, 3.0, 3.7, 2.8 });
            AssertSeed(loss);
        }

        public static IEnumerable<object[]> ReferenceCases() => ReferenceData.Ids("loss");

        [Theory]
        [MemberData(nameof(ReferenceCases))]
        public void Reference_cases_through_the_cmdlet(string id)
        {
            // tests/reference/loss.json (scikit-learn 1.2.1 and R formulas), every Expected property,
            // and PinballLoss at each listed quantile through -Quantile.
            var testCase = ReferenceData.Case("loss", id);
            double[] actual = ReferenceData.Doubles(testCase.GetProperty("Actual"));
            double[] predicted = ReferenceData.Doubles(testCase.GetProperty("Predicted"));
            var loss = Single("Measure-RegressionLoss -Actual $args[0] -Predicted $args[1]", actual, predicted);
            RegressionLossTests.AssertExpected(testCase, loss, id);

            foreach (var entry in testCase.GetProperty("PinballLoss").EnumerateObject())
            {
                double quantile = double.Parse(entry.Name, System.Globalization.CultureInfo.InvariantCulture);
                var atQuantile = Single("$args[0] | Measure-RegressionLoss -Quantile $args[1]", ToRows(actual, predicted), quantile);
                Tolerance.Relative(entry.Value.GetDouble(), atQuantile.PinballLoss, 1e-12, $"{id} PinballLoss at {entry.Name}");
                Assert.Equal(quantile, atQuantile.Quantile);
            }
        }

        private static object[] ToRows(double[] actual, double[] predicted)
            => actual.Select((a, i) => (object)new System.Collections.Hashtable { ["Actual"] = a, ["Predicted"] = predicted[i] }).ToArray();

        [Theory]
        [InlineData(SeedRows + "$w = 1, 2, 0.5, 3, 1.5; Measure-RegressionLoss -Actual $a -Predicted $p -Weight $w")]
        [InlineData(SeedRows + "$w = 1, 2, 0.5, 3, 1.5; Measure-RegressionLoss $a $p -SampleWeight $w")]
        [InlineData(SeedRows + "$w = 1, 2, 0.5, 3, 1.5; 0..4 | ForEach-Object { [pscustomobject]@{ Actual = $a[$_]; Predicted = $p[$_]; W = $w[$_] } } | Measure-RegressionLoss -WeightProperty W")]
        [InlineData(SeedRows + "$w = '1', '2', '0.5', '3', '1.5'; 0..4 | ForEach-Object { @{ Actual = $a[$_]; Predicted = $p[$_]; W = $w[$_] } } | Measure-RegressionLoss -WeightProperty w")]
        public void Weights_match_scikit_learns_sample_weight(string script)
        {
            // loss.json "seed" with sample_weight = [1, 2, 0.5, 3, 1.5], scikit-learn 1.2.1:
            // mean_squared_error 0.009999999999999967, median_absolute_error 0.09999999999999964,
            // r2_score 0.9736733854380915, explained_variance_score 0.9740847387906212,
            // mean_absolute_percentage_error 0.034263777138029694; Gaussian NLL (mpmath)
            // W/2(log(2π MSE)+1) = -7.0691724783149964 with W = 8.
            var loss = Single(script);
            Assert.Equal(8, loss.SampleSize);
            Assert.Equal(5, loss.PairCount);
            Tolerance.Relative(0.009999999999999967, loss.MeanSquaredError, 1e-12, "mse");
            Tolerance.Relative(0.09999999999999964, loss.MedianAbsoluteError, 1e-12, "median_absolute_error");
            Tolerance.Relative(0.9736733854380915, loss.RSquared, 1e-12, "r2_score");
            Tolerance.Relative(0.9740847387906212, loss.ExplainedVariance, 1e-12, "explained_variance_score");
            Tolerance.Relative(0.034263777138029694, loss.MeanAbsolutePercentageError, 1e-12, "mape");
            Tolerance.Relative(-7.0691724783149964, loss.GaussianNegativeLogLikelihood, 1e-12, "Gaussian NLL");
        }

        [Fact]
        public void GroupBy_gives_one_result_per_model_in_order_of_appearance()
        {
            // Model A: the seed (loss.json "seed"). Model B predicts 2.0, 2.9, 3.3, 3.1, 2.7:
            // residuals 0.3, -0.4, -0.2, 0.7, 0, hand derivation: MSE = 0.78/5 = 0.156, MAE = 1.6/5 = 0.32.
            var result = module.Run(
                "$a = 2.3, 2.5, 3.1, 3.8, 2.7; $pa = 2.4, 2.6, 3.0, 3.7, 2.8; $pb = 2.0, 2.9, 3.3, 3.1, 2.7; "
                + "$rows = foreach ($i in 0..4) { [pscustomobject]@{ Model = 'B'; Actual = $a[$i]; Predicted = $pb[$i] }; [pscustomobject]@{ Model = 'a'; Actual = $a[$i]; Predicted = $pa[$i] } }; "
                + "$rows[1].Model = 'A'; $rows | Measure-RegressionLoss -GroupBy Model");
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var losses = result.Objects.Cast<RegressionLoss>().ToList();
            Assert.Equal(new object[] { "B", "A" }, losses.Select(l => l.Group));
            Tolerance.Relative(0.156, losses[0].MSE, 1e-13, "MSE of B");
            Tolerance.Relative(0.32, losses[0].MAE, 1e-13, "MAE of B");
            Tolerance.Relative(0.01, losses[1].MSE, 1e-13, "MSE of A ('A' and 'a' are one group)");
            Assert.Equal(5, losses[1].SampleSize);

            // Ranking by MSE is ranking by Gaussian likelihood: NLL = n/2(log(2π MSE) + 1) is increasing in MSE.
            Assert.True(losses[1].GaussianNegativeLogLikelihood < losses[0].GaussianNegativeLogLikelihood);
            Assert.Equal("PSEstimation.RegressionLoss#Grouped", result.Output[0].TypeNames[0]);
        }

        [Fact]
        public void GroupBy_with_a_missing_property_measures_those_objects_in_the_null_group()
        {
            var result = module.Run(
                "[pscustomobject]@{ M = 'x'; Actual = 1; Predicted = 2 }, [pscustomobject]@{ Actual = 3; Predicted = 3 }, [pscustomobject]@{ M = 'x'; Actual = 2; Predicted = 2 } | Measure-RegressionLoss -GroupBy M");
            var losses = result.Objects.Cast<RegressionLoss>().ToList();
            Assert.Equal(new object?[] { "x", null }, losses.Select(l => l.Group));
            Assert.Equal(2, losses[0].SampleSize);
            Assert.Contains(result.Warnings, w => w.Message.Contains("no property 'M'"));
        }

        [Fact]
        public void PerObservation_streams_one_object_per_pair()
        {
            // Each residual leaves the cmdlet before the next input arrives.
            var result = module.Run(
                "$log = [System.Collections.Generic.List[string]]::new(); "
                + "& { foreach ($i in 1..3) { $log.Add(\"in $i\"); [pscustomobject]@{ Actual = $i; Predicted = 2 * $i } } } | "
                + "Measure-RegressionLoss -PerObservation -HuberDelta 1.5 -Quantile 0.9 | ForEach-Object { $log.Add(\"out $($_.Index)\"); $_ }; $log");
            Assert.Null(result.TerminatingError);
            var objects = result.Objects;
            var residuals = objects.OfType<RegressionResidual>().ToList();
            Assert.Equal(new[] { "in 1", "out 0", "in 2", "out 1", "in 3", "out 2" }, objects.OfType<string>());
            Assert.Equal(new long[] { 0, 1, 2 }, residuals.Select(r => r.Index));

            // Pair 2 (actual 3, predicted 6), hand derivation: residual -3, squared 9, absolute 3,
            // APE 1, Huber δ=1.5: 1.5·(3 - 0.75) = 3.375, pinball α=0.9: (0.9 - 1)·(-3) = 0.3,
            // log cosh 3 = 3 - log 2 + log1p(e^-6), mpmath 2.3093285045777851.
            var third = residuals[2];
            Assert.Equal(3, third.Actual);
            Assert.Equal(6, third.Predicted);
            Assert.Equal(-3, third.Residual);
            Assert.Equal(9, third.SquaredError);
            Assert.Equal(3, third.AbsoluteError);
            Assert.Equal(1, third.AbsolutePercentageError);
            Assert.Equal(3.375, third.HuberLoss);
            Tolerance.Relative(0.3, third.PinballLoss, 1e-15, "pinball");
            Tolerance.Relative(2.3093285045777851, third.LogCoshLoss, 1e-14, "log cosh");
            Assert.Equal(1, third.Weight);
            Assert.Null(third.Group);
        }

        [Fact]
        public void PerObservation_with_arrays_groups_and_weights()
        {
            var arrays = module.Run("Measure-RegressionLoss -Actual 1, 2, 'x', 4 -Predicted 1.5, 2, 3, 3 -Weight 1, 2, 3, 0 -PerObservation -ErrorAction SilentlyContinue");
            var residuals = arrays.Objects.Cast<RegressionResidual>().ToList();
            Assert.Equal(new long[] { 0, 1, 3 }, residuals.Select(r => r.Index));
            Assert.Equal(new double[] { 1, 2, 0 }, residuals.Select(r => r.Weight));
            Assert.Equal(new double[] { -0.5, 0, 1 }, residuals.Select(r => r.Residual));

            var grouped = module.Run("@{ G = 'm1'; Actual = 1; Predicted = 2 }, @{ G = 'm2'; Actual = 1; Predicted = 3 } | Measure-RegressionLoss -GroupBy G -PerObservation");
            Assert.Equal(new object[] { "m1", "m2" }, grouped.Objects.Cast<RegressionResidual>().Select(r => r.Group));
            Assert.Equal("PSEstimation.RegressionResidual#Grouped", grouped.Output[0].TypeNames[0]);
        }

        [Fact]
        public void Result_properties_are_reachable_from_script()
        {
            var result = module.Run(
                "$r = Measure-RegressionLoss 2.3, 2.5, 3.1, 3.8, 2.7 2.4, 2.6, 3.0, 3.7, 2.8; "
                + "$r.MSE; $r.rmse; $r.R2; $r.GetType().FullName; \"$r\"; [math]::Exp($r.GaussianLogLikelihood)");
            Assert.Null(result.TerminatingError);
            var values = result.Output.Select(o => o.BaseObject).ToList();
            Tolerance.Relative(0.01, (double)values[0], 1e-13, "$r.MSE");
            Tolerance.Relative(0.1, (double)values[1], 1e-13, "$r.rmse");
            Tolerance.Relative(0.9644886363636365, (double)values[2], 1e-12, "$r.R2 (loss.json seed RSquared)");
            Assert.Equal("PSEstimation.RegressionLoss", values[3]);
            Assert.Equal("n = 5: MSE = 0.01, RMSE = 0.1, MAE = 0.1, R2 = 0.964489; Gaussian NLL = -4.41823, Laplace NLL = -3.04719", values[4]);
            Tolerance.Relative(82.94956719377812, (double)values[5], 1e-12, "Gaussian likelihood (CONTRACT.md)");
        }

        [Fact]
        public void Bad_values_are_reported_and_their_pairs_skipped_and_counted()
        {
            var result = module.Run(
                "@{ Actual = 2.3; Predicted = 2.4 }, @{ Actual = 'abc'; Predicted = 1 }, @{ Actual = 2.5; Predicted = 2.6 }, "
                + "@{ Actual = 1; Predicted = [double]::NaN }, @{ Actual = 3.1; Predicted = 3.0 }, 42, @{ Actual = $null; Predicted = 1 }, "
                + "@{ Actual = 3.8; Predicted = 3.7 }, @{ Predicted = 1 }, @{ Actual = 1.7e308; Predicted = -1.7e308 }, @{ Actual = 2.7; Predicted = 2.8 } | Measure-RegressionLoss");
            var loss = Assert.IsType<RegressionLoss>(Assert.Single(result.Objects));
            AssertSeedIgnoringSkips(loss);
            Assert.Equal(6, loss.SkippedCount);
            Assert.Equal(
                new[] { "NotANumber" + Id, "NonFiniteValue" + Id, "PropertyNotFound" + Id, "NotANumber" + Id, "PropertyNotFound" + Id, "NonFiniteValue" + Id },
                result.ErrorIds);
            Assert.Contains("'abc' (property 'Actual') at index 1", result.Errors[0].Exception.Message);
            Assert.Contains("'NaN' (property 'Predicted') at index 3", result.Errors[1].Exception.Message);
            Assert.Contains("index 5", result.Errors[2].Exception.Message);
            Assert.Contains("overflows", result.Errors[5].Exception.Message);
        }

        private static void AssertSeedIgnoringSkips(RegressionLoss loss)
        {
            Tolerance.Relative(0.01, loss.MSE, 1e-13, "MSE");
            Tolerance.Relative(Math.Log(82.94956719377812), loss.GaussianLogLikelihood, 1e-12, "Gaussian log-likelihood");
            Assert.Equal(5, loss.SampleSize);
        }

        [Fact]
        public void Bad_array_elements_and_weights_are_reported_and_skipped()
        {
            var result = module.Run(
                "Measure-RegressionLoss -Actual 2.3, 2.5, 9, 3.1, 3.8, 2.7, 7 -Predicted 2.4, 2.6, 'n/a', 3.0, 3.7, 2.8, 1 -Weight 1, 1, 1, 1, 1, 1, -2");
            var loss = Assert.IsType<RegressionLoss>(Assert.Single(result.Objects));
            AssertSeedIgnoringSkips(loss);
            Assert.Equal(2, loss.SkippedCount);
            Assert.Equal(new[] { "NotANumber" + Id, "InvalidWeight" + Id }, result.ErrorIds);
            Assert.Contains("'n/a' (-Predicted) at index 2", result.Errors[0].Exception.Message);
            Assert.Contains("-2 (-Weight) at index 6 is negative", result.Errors[1].Exception.Message);
        }

        [Fact]
        public void Unequal_lengths_are_a_terminating_error_naming_both_lengths()
        {
            var result = module.Run("Measure-RegressionLoss -Actual 1, 2, 3 -Predicted 1, 2");
            Assert.Equal("LengthMismatch" + Id, result.TerminatingError!.FullyQualifiedErrorId);
            Assert.Contains("-Actual has 3 values and -Predicted has 2", result.TerminatingError.Exception.Message);

            var weights = module.Run("Measure-RegressionLoss -Actual 1, 2, 3 -Predicted 1, 2, 4 -Weight 1, 1");
            Assert.Equal("LengthMismatch" + Id, weights.TerminatingError!.FullyQualifiedErrorId);
            Assert.Contains("-Weight has 2 values and -Actual and -Predicted have 3", weights.TerminatingError.Exception.Message);
        }

        [Theory]
        [InlineData("Measure-RegressionLoss -Actual 1, 2", "-Predicted is missing")]
        [InlineData("Measure-RegressionLoss -Predicted 1, 2", "-Actual is missing")]
        [InlineData("Measure-RegressionLoss -Weight 1, 2", "-Actual and -Predicted are missing")]
        public void Actual_without_Predicted_is_a_terminating_error(string script, string message)
        {
            // The pair is enforced by the cmdlet, not by Mandatory (which costs every piped object an allocation).
            var result = module.Run(script);
            Assert.Empty(result.Objects);
            Assert.Equal("MissingParameter" + Id, result.TerminatingError!.FullyQualifiedErrorId);
            Assert.StartsWith(message, result.TerminatingError.Exception.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Measure-RegressionLoss -Actual @() -Predicted @()", "NoUsableInput")]
        [InlineData("@() | Measure-RegressionLoss", "NoUsableInput")]
        [InlineData("1, 2, 3 | Measure-RegressionLoss -ErrorAction SilentlyContinue", "NoUsableInput")]
        [InlineData("Measure-RegressionLoss -Actual 'a', 'b' -Predicted 1, 2 -ErrorAction SilentlyContinue", "NoUsableInput")]
        [InlineData("Measure-RegressionLoss -Actual 'a' -Predicted 1 -PerObservation -ErrorAction SilentlyContinue", "NoUsableInput")]
        [InlineData("Measure-RegressionLoss -Actual 1, 2 -Predicted 1, 3 -Weight 0, 0", "NoUsableInput")]
        [InlineData("Measure-RegressionLoss -Actual 1, 2 -Predicted 1, 3 -HuberDelta 0", "InvalidParameterValue")]
        [InlineData("Measure-RegressionLoss -Actual 1, 2 -Predicted 1, 3 -HuberDelta -1", "InvalidParameterValue")]
        [InlineData("Measure-RegressionLoss -Actual 1, 2 -Predicted 1, 3 -HuberDelta ([double]::NaN)", "InvalidParameterValue")]
        [InlineData("Measure-RegressionLoss -Actual 1, 2 -Predicted 1, 3 -HuberDelta ([double]::PositiveInfinity)", "InvalidParameterValue")]
        [InlineData("Measure-RegressionLoss -Actual 1, 2 -Predicted 1, 3 -Quantile 0", "InvalidParameterValue")]
        [InlineData("Measure-RegressionLoss -Actual 1, 2 -Predicted 1, 3 -Quantile 1", "InvalidParameterValue")]
        [InlineData("Measure-RegressionLoss -Actual 1, 2 -Predicted 1, 3 -Alpha 1.5", "InvalidParameterValue")]
        [InlineData("Measure-RegressionLoss -Actual 1, 2 -Predicted 1, 3 -Quantile ([double]::NaN)", "InvalidParameterValue")]
        public void Unusable_requests_are_terminating_errors(string script, string errorId)
        {
            var result = module.Run(script);
            Assert.NotNull(result.TerminatingError);
            Assert.Equal(errorId + Id, result.TerminatingError!.FullyQualifiedErrorId);
        }

        [Fact]
        public void A_group_without_usable_pairs_is_a_non_terminating_error()
        {
            var result = module.Run("@{ G = 'ok'; Actual = 1; Predicted = 2 }, @{ G = 'bad'; Actual = 'x'; Predicted = 2 }, @{ G = 'ok'; Actual = 2; Predicted = 2 } | Measure-RegressionLoss -GroupBy G");
            Assert.Null(result.TerminatingError);
            Assert.Equal(new[] { "NotANumber" + Id, "NoUsableInput" + Id }, result.ErrorIds);
            var loss = Assert.IsType<RegressionLoss>(Assert.Single(result.Objects));
            Assert.Equal("ok", loss.Group);
        }

        [Fact]
        public void Warnings_explain_zero_actual_values_and_perfect_predictions()
        {
            var zero = module.Run("Measure-RegressionLoss -Actual 0, 1, 2 -Predicted 0.5, 1.5, 2");
            Assert.Contains(zero.Warnings, w => w.Message.Contains("2.220446049250313e-16"));
            // scikit-learn 1.2.1: mean_absolute_percentage_error([0, 1, 2], [0.5, 1.5, 2]) = 750599937895082.9
            Tolerance.Relative(750599937895082.9, Assert.IsType<RegressionLoss>(Assert.Single(zero.Objects)).MeanAbsolutePercentageError, 1e-12, "MAPE");

            var zeroPerObservation = module.Run("Measure-RegressionLoss -Actual 0, 0, 2 -Predicted 0.5, 1.5, 2 -PerObservation");
            Assert.Single(zeroPerObservation.Warnings);

            var perfect = module.Run("Measure-RegressionLoss -Actual 1, 2, 3 -Predicted 1, 2, 3");
            var loss = Assert.IsType<RegressionLoss>(Assert.Single(perfect.Objects));
            Assert.Equal(double.NegativeInfinity, loss.GaussianNegativeLogLikelihood);
            Assert.Contains(perfect.Warnings, w => w.Message.Contains("-Infinity"));
        }

        [Fact]
        public void Error_action_stop_turns_a_skipped_pair_into_a_terminating_error()
        {
            var result = module.Run("try { Measure-RegressionLoss -Actual 1, 'x', 3 -Predicted 1, 2, 4 -ErrorAction Stop; 'not reached' } catch { $_.FullyQualifiedErrorId }");
            Assert.Equal("NotANumber" + Id, Assert.Single(result.Objects));
        }

        [Fact]
        public void A_million_pairs_give_finite_likelihoods_through_the_cmdlet()
        {
            // r_i = ((i mod 7) - 3)/4, i < 10^6 (exact in binary). Exact rationals: MSE = 0.2500003125,
            // MAE = 0.42857175; mpmath: Gaussian NLL 725791.97764433680769, Laplace NLL 845850.07017246044585.
            const int n = 1_000_000;
            double[] actual = new double[n], predicted = new double[n];
            for (int i = 0; i < n; i++)
            {
                actual[i] = 0.5 * i;
                predicted[i] = actual[i] - (((i % 7) - 3) / 4.0);
            }

            var loss = Single("Measure-RegressionLoss -Actual $args[0] -Predicted $args[1]", actual, predicted);
            Assert.Equal(n, loss.SampleSize);
            Assert.True(double.IsFinite(loss.GaussianLogLikelihood) && double.IsFinite(loss.LaplaceLogLikelihood));
            Tolerance.Relative(0.2500003125, loss.MSE, 1e-15, "MSE");
            Tolerance.Relative(725791.97764433680769, loss.GaussianNegativeLogLikelihood, 1e-12, "Gaussian NLL");
            Tolerance.Relative(845850.07017246044585, loss.LaplaceNegativeLogLikelihood, 1e-12, "Laplace NLL");
        }

        [Fact]
        public void Default_view_is_a_compact_table()
        {
            string text = module.RunFormatted("Measure-RegressionLoss -Actual 2.3, 2.5, 3.1, 3.8, 2.7 -Predicted 2.4, 2.6, 3.0, 3.7, 2.8");
            var lines = Lines(text);
            Assert.Matches(@"^N\s+MSE\s+RMSE\s+MAE\s+R2\s+Gaussian NLL\s+Laplace NLL$", lines[0]);
            Assert.Matches(@"^5\s+0\.01\s+0\.1\s+0\.1\s+0\.964489\s+-4\.41823\s+-3\.04719$", lines[2]);
            Assert.True(text.IndexOf('\u001b') < 0, text.Replace("\u001b", "<ESC>"));
        }

        [Fact]
        public void Grouped_view_adds_the_group_column()
        {
            string text = module.RunFormatted(
                "$a = 2.3, 2.5, 3.1, 3.8, 2.7; $pa = 2.4, 2.6, 3.0, 3.7, 2.8; $pb = 2.0, 2.9, 3.3, 3.1, 2.7; "
                + "0..4 | ForEach-Object { [pscustomobject]@{ Model = 'A'; Actual = $a[$_]; Predicted = $pa[$_] }; [pscustomobject]@{ Model = 'B'; Actual = $a[$_]; Predicted = $pb[$_] } } | Measure-RegressionLoss -GroupBy Model");
            var lines = Lines(text);
            Assert.Matches(@"^Group\s+N\s+MSE\s+RMSE\s+MAE\s+R2\s+Gaussian NLL\s+Laplace NLL$", lines[0]);
            Assert.Matches(@"^A\s+5\s+0\.01\s+0\.1\s+0\.1\s+0\.964489\s+-4\.41823\s+-3\.04719$", lines[2]);
            Assert.Matches(@"^B\s+5\s+0\.156\s+", lines[3]);
        }

        [Fact]
        public void PerObservation_view_is_a_table_of_pointwise_losses()
        {
            string text = module.RunFormatted("Measure-RegressionLoss -Actual 2.3, 2.5 -Predicted 2.4, 2.6 -PerObservation");
            var lines = Lines(text);
            Assert.Matches(@"^Index\s+Actual\s+Predicted\s+Residual\s+SquaredError\s+AbsoluteError$", lines[0]);
            Assert.Matches(@"^\s+0\s+2\.3\s+2\.4\s+-0\.1\s+0\.01\s+0\.1$", lines[2]);
        }

        [Fact]
        public void Help_has_synopsis_parameters_and_examples()
        {
            var result = module.Run("$h = Get-Help Measure-RegressionLoss -Full; $h.Synopsis; @($h.Examples.Example).Count; ($h.Parameters.Parameter | ForEach-Object { $_.Name }) -join ','");
            Assert.Null(result.TerminatingError);
            var values = result.Output.Select(o => o.BaseObject).ToList();
            Assert.StartsWith("Measures", (string)values[0]);
            Assert.True((int)values[1] >= 3);
            foreach (string name in new[] { "Actual", "Predicted", "Weight", "InputObject", "ActualProperty", "PredictedProperty", "WeightProperty", "GroupBy", "HuberDelta", "Quantile", "PerObservation" })
            {
                Assert.Contains(name, ((string)values[2]).Split(','));
            }
        }

        private static List<string> Lines(string text)
            => text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
    }
}
