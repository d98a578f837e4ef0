using System;
using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>
    /// The shared input layer through the real engine: -GroupBy on the three fitting and scoring
    /// cmdlets, rows piped without -Property, a fit's Property reused by -Estimate, and the
    /// error model for many unusable values (capped errors, one summary warning).
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class InputLayerTests
    {
        private const string Ml = ",PSEstimation.Commands.GetMLEstimateCommand";
        private const string Nll = ",PSEstimation.Commands.MeasureNegativeLogLikelihoodCommand";

        // Host a: 1, 2, 3 (mean 2, MLE variance 2/3); host B: 10, 20 (mean 15, variance 25). Hand derivation.
        private const string Rows =
            "$rows = @([pscustomobject]@{ Host = 'a'; Latency = 1; Size = 5 }, [pscustomobject]@{ Host = 'B'; Latency = 10; Size = 7 }, "
            + "[pscustomobject]@{ Host = 'A'; Latency = 2; Size = 6 }, [pscustomobject]@{ Host = 'b'; Latency = 20; Size = 9 }, "
            + "[pscustomobject]@{ Host = 'a'; Latency = 3; Size = 10 }); ";

        private readonly ModuleFixture module;

        public InputLayerTests(ModuleFixture module) => this.module = module;

        [Fact]
        public void GroupBy_fits_each_group_in_order_of_first_appearance()
        {
            var result = module.Run(Rows + "$rows | Get-MLEstimate Normal -Property Latency -GroupBy Host");
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var fits = result.Objects.Cast<MLEstimate>().ToList();
            Assert.Equal(new object[] { "a", "B" }, fits.Select(f => f.Group));
            Assert.Equal(new[] { "Latency", "Latency" }, fits.Select(f => f.Property));
            Assert.Equal(new double[] { 3, 2 }, fits.Select(f => f.SampleSize));
            Tolerance.Relative(2, fits[0].Parameters[0].Value, 1e-15, "Mean of a ('a' and 'A' are one group, as Group-Object)");
            Tolerance.Relative(2.0 / 3, fits[0].Parameters[1].Value, 1e-14, "Variance of a");
            Tolerance.Relative(15, fits[1].Parameters[0].Value, 1e-15, "Mean of B");
            Tolerance.Relative(25, fits[1].Parameters[1].Value, 1e-14, "Variance of B");
            Assert.Equal("PSEstimation.MLEstimate#Grouped", result.Output[0].TypeNames[0]);
            Assert.Equal("PSEstimation.MLEstimate", result.Output[0].TypeNames[1]);
        }

        [Fact]
        public void GroupBy_with_several_properties_gives_one_result_per_group_and_property()
        {
            // Size of a: 5, 6, 10: mean 7; of B: 7, 9: mean 8 (hand).
            var fits = module.Run(Rows + "$rows | Get-MLEstimate Normal -Property Latency, Size -GroupBy Host").Objects.Cast<MLEstimate>().ToList();
            Assert.Equal(new[] { "a/Latency", "a/Size", "B/Latency", "B/Size" }, fits.Select(f => $"{f.Group}/{f.Property}"));
            Assert.Equal(new double[] { 2, 7, 15, 8 }, fits.Select(f => Math.Round(f.Parameters[0].Value, 12)));
        }

        [Fact]
        public void Without_GroupBy_results_have_no_group_and_the_plain_type_name()
        {
            var result = module.Run(Rows + "$rows | Get-MLEstimate Normal -Property Latency");
            var fit = Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
            Assert.Null(fit.Group);
            Assert.Equal("PSEstimation.MLEstimate", result.Output[0].TypeNames[0]);
        }

        [Theory]
        [InlineData("Get-MLEstimate Normal -Property Latency", "GetMLEstimateCommand")]
        [InlineData("Get-MAPEstimate Normal -Property Latency -Prior @{ Mean = 'Normal(0, 100)' }", "GetMAPEstimateCommand")]
        [InlineData("Measure-NegativeLogLikelihood Normal -Property Latency -Parameter @{ Mean = 0; Variance = 1 }", "MeasureNegativeLogLikelihoodCommand")]
        public void A_misspelt_GroupBy_is_the_same_terminating_error_as_Measure_RegressionLoss(string command, string type)
        {
            var result = module.Run(Rows + "$rows | " + command + " -GroupBy Hots");
            Assert.Equal("PropertyNotFound,PSEstimation.Commands." + type, result.TerminatingError?.FullyQualifiedErrorId);
            Assert.Contains("None of the 5 input objects has the -GroupBy property 'Hots'; check its spelling", result.TerminatingError!.Exception.Message);
            Assert.Empty(result.Objects);
        }

        [Fact]
        public void Objects_without_the_GroupBy_property_are_fitted_in_the_null_group_with_a_warning()
        {
            var result = module.Run(Rows + "$rows + [pscustomobject]@{ Latency = 4 } + [pscustomobject]@{ Latency = 6 } | Get-MLEstimate Normal -Property Latency -GroupBy Host");
            var fits = result.Objects.Cast<MLEstimate>().ToList();
            Assert.Equal(new object?[] { "a", "B", null }, fits.Select(f => f.Group));
            Tolerance.Relative(5, fits[2].Parameters[0].Value, 1e-15, "Mean of the $null group (4, 6)");
            Assert.Contains(result.Warnings, w => w.Message == "2 input objects have no property 'Host'; they are fitted in the group $null.");
        }

        [Fact]
        public void A_group_without_usable_values_is_a_non_terminating_error_and_the_others_are_fitted()
        {
            var result = module.Run(Rows + "$rows + [pscustomobject]@{ Host = 'c'; Latency = 'n/a' } | Get-MLEstimate Normal -Property Latency -GroupBy Host");
            Assert.Null(result.TerminatingError);
            Assert.Equal(new[] { "NotANumber" + Ml, "NoUsableInput" + Ml }, result.ErrorIds);
            Assert.StartsWith("Group 'c': No usable values (group 'c', property 'Latency')", result.Errors[1].Exception.Message);
            Assert.Equal(new object[] { "a", "B" }, result.Objects.Cast<MLEstimate>().Select(f => f.Group));

            var none = module.Run("[pscustomobject]@{ H = 'x'; V = 'n/a' } | Get-MLEstimate Normal -Property V -GroupBy H -ErrorAction SilentlyContinue");
            Assert.Equal("NoUsableInput" + Ml, none.TerminatingError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void GroupBy_on_Get_MAPEstimate()
        {
            // Known variance 1, prior Normal(2, 0.5) on the mean: posterior mean (2/0.5 + Σx)/(1/0.5 + n)
            // (hand). Group x: CONTRACT.md's example, 2.5. Group y: the single value 4, (4 + 4)/3 = 8/3.
            var result = module.Run(
                "$v = 2.3, 2.5, 2.7, 2.9, 3.1; $rows = @(foreach ($x in $v) { @{ G = 'x'; V = $x } }) + @{ G = 'y'; V = 4 }; "
                + "$rows | Get-MAPEstimate Normal -Property V -GroupBy G -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }");
            Assert.Null(result.TerminatingError);
            var fits = result.Objects.Cast<MAPEstimate>().ToList();
            Assert.Equal(new object[] { "x", "y" }, fits.Select(f => f.Group));
            Tolerance.Relative(2.5, fits[0].Parameters[0].Value, 1e-14, "posterior mean of x");
            Tolerance.Relative(8.0 / 3, fits[1].Parameters[0].Value, 1e-14, "posterior mean of y");
            Assert.Equal(new double[] { 5, 1 }, fits.Select(f => f.SampleSize));
            Assert.Equal("PSEstimation.MAPEstimate#Grouped", result.Output[0].TypeNames[0]);
        }

        [Fact]
        public void GroupBy_on_Measure_NegativeLogLikelihood()
        {
            // Standard normal: NLL of x is log(2π)/2 + x²/2, log(2π)/2 = 0.9189385332046727 (mpmath).
            // Group a: 0 → 0.9189385332046727; group b: 1, 2 → 2·0.9189385332046727 + 5/2 = 4.337877066409345.
            var result = module.Run("@{ G = 'a'; V = 0 }, @{ G = 'b'; V = 1 }, @{ G = 'b'; V = 2 } | Measure-NegativeLogLikelihood Normal -Property V -GroupBy G -Parameter @{ Mean = 0; Variance = 1 }");
            Assert.Null(result.TerminatingError);
            var r = result.Objects.Cast<NegativeLogLikelihood>().ToList();
            Assert.Equal(new object[] { "a", "b" }, r.Select(x => x.Group));
            Tolerance.Relative(0.9189385332046727, r[0].Value, 1e-15, "NLL of a");
            Tolerance.Relative(4.337877066409345, r[1].Value, 1e-15, "NLL of b");
            Assert.Equal("PSEstimation.NegativeLogLikelihood#Grouped", result.Output[0].TypeNames[0]);

            var categorical = module.Run("@{ G = 'a'; V = 'x' }, @{ G = 'b'; V = 'y' } | Measure-NegativeLogLikelihood Categorical -Property V -GroupBy G -Parameter @{ x = 0.25; y = 0.75 }");
            var c = categorical.Objects.Cast<NegativeLogLikelihood>().ToList();
            Assert.Equal(new object[] { "a", "b" }, c.Select(x => x.Group));
            Tolerance.Relative(Math.Log(4), c[0].Value, 1e-15, "-log 0.25");
            Tolerance.Relative(-Math.Log(0.75), c[1].Value, 1e-15, "-log 0.75");
        }

        [Fact]
        public void Rows_piped_without_Property_are_one_error_naming_their_properties()
        {
            // The case: 18 rows piped to Poisson without -Property printed "Value '' at index 0 is not a number" 18 times.
            var result = module.Run(
                "$rows = foreach ($i in 1..18) { [pscustomobject]@{ Host = \"h$($i % 3)\"; Count = 2; Latency = $i } }; "
                + "$rows | Get-MLEstimate Poisson -WeightProperty Count");
            var error = Assert.Single(result.Errors);
            Assert.Equal("NotANumber" + Ml, error.FullyQualifiedErrorId);
            string message = error.Exception.Message;
            Assert.StartsWith("Value '@{Host=h1; Count=2; Latency=1}' at index 0 is not a number; it was skipped.", message);
            Assert.Contains("properties Host, Count, Latency", message);
            Assert.Contains("-Property Latency", message);
            Assert.Equal("18 values skipped: 18 objects with properties but no -Property.", Assert.Single(result.Warnings).Message);
            Assert.Equal("NoUsableInput" + Ml, result.TerminatingError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void A_hashtable_among_numbers_gets_the_hint_too()
        {
            var result = module.Run("1, 2, @{ Latency = 3 }, 4 | Get-MLEstimate Normal");
            var error = Assert.Single(result.Errors);
            Assert.Equal("NotANumber" + Ml, error.FullyQualifiedErrorId);
            Assert.Contains("a hashtable with keys Latency: name the one that holds the values with -Property, e.g. -Property Latency", error.Exception.Message);
            Assert.Equal(3, Assert.IsType<MLEstimate>(Assert.Single(result.Objects)).SampleSize);
        }

        [Fact]
        public void Estimate_of_a_fit_by_property_reads_that_property_of_the_input_objects()
        {
            // CONTRACT.md: the NLL of 2.3, 2.5, 3.1, 3.8, 2.7 at its Normal MLE is 3.926523529277739.
            var result = module.Run(
                "$rows = 2.3, 2.5, 3.1, 3.8, 2.7 | ForEach-Object { [pscustomobject]@{ Host = 'a'; Latency = $_ } }; "
                + "$fit = $rows | Get-MLEstimate Normal -Property Latency; $rows | Measure-NegativeLogLikelihood -Estimate $fit");
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var nll = Assert.IsType<NegativeLogLikelihood>(Assert.Single(result.Objects));
            Tolerance.Relative(3.926523529277739, nll.Value, 1e-13, "NLL at the MLE");
            Assert.Equal("Latency", nll.Property);

            // Plain numbers are still read as they are.
            var numbers = module.Run("$rows = 2.3, 2.5 | ForEach-Object { [pscustomobject]@{ Latency = $_ } }; $fit = $rows | Get-MLEstimate Normal -Property Latency; 2.3, 2.5 | Measure-NegativeLogLikelihood -Estimate $fit");
            Assert.Equal(2, Assert.IsType<NegativeLogLikelihood>(Assert.Single(numbers.Objects)).SampleSize);
        }

        [Fact]
        public void Skipped_values_are_summed_up_in_one_warning_by_reason()
        {
            var result = module.Run("1, 'timeout', 2, 'n/a', ' timeout', 3, '', 'timeout', [double]::NaN, 'n/a', -1 | Get-MLEstimate Exponential");
            Assert.Null(result.TerminatingError);
            Assert.Equal(8, result.Errors.Count);
            Assert.Equal("8 values skipped: 3 'timeout', 2 'n/a', 1 empty, 1 'NaN', 1 outside the support.", Assert.Single(result.Warnings).Message);
            Assert.Equal(8, Assert.IsType<MLEstimate>(Assert.Single(result.Objects)).SkippedCount);
        }

        [Fact]
        public void Silenced_errors_still_leave_the_summary_warning()
        {
            var result = module.Run("1, 'x', 2, 'y' | Get-MLEstimate Normal -ErrorAction SilentlyContinue");
            Assert.Empty(result.Errors);
            Assert.Equal("2 values skipped: 1 'x', 1 'y'.", Assert.Single(result.Warnings).Message);

            // One reported value needs no sum: its error says it all.
            Assert.Empty(module.Run("1, 'x', 2 | Get-MLEstimate Normal -ErrorAction SilentlyContinue").Warnings);
        }

        [Fact]
        public void After_twenty_per_value_errors_the_rest_are_only_counted()
        {
            var result = module.Run("$v = @(1, 2, 3) + @('x') * 60; $v | Get-MLEstimate Normal -ErrorVariable bad -ErrorAction SilentlyContinue; $bad.Count");
            Assert.Null(result.TerminatingError);
            Assert.Equal(20, result.Objects.OfType<int>().Single());
            var warning = Assert.Single(result.Warnings).Message;
            Assert.Equal("60 values skipped: 60 'x'. Only the first 20 were reported as errors (-ErrorVariable holds them); the others are counted here.", warning);
            Assert.Equal(60, result.Objects.OfType<MLEstimate>().Single().SkippedCount);

            var shown = module.Run("$v = @(1, 2, 3) + @('x') * 25; $v | Get-MLEstimate Normal");
            Assert.Equal(20, shown.Errors.Count);
            Assert.Contains("This is the 20th unusable value: further ones are not reported one by one", shown.Errors[19].Exception.Message);
            Assert.DoesNotContain("20th", shown.Errors[18].Exception.Message);
        }

        [Fact]
        public void The_summary_counts_reasons_beyond_the_first_few_as_other()
        {
            var result = module.Run("1, 2, 'a', 'a', 'b', 'c', 'd', 'e', 'f', 'g' | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1 } -ErrorAction SilentlyContinue");
            Assert.Equal("8 values skipped: 2 'a', 1 'b', 1 'c', 1 'd', 1 'e', 2 other.", Assert.Single(result.Warnings).Message);
            Assert.Equal(8, Assert.IsType<NegativeLogLikelihood>(Assert.Single(result.Objects)).SkippedCount);
            Assert.Empty(module.Run("1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1 } -ErrorVariable e").Errors);
        }
    }
}
