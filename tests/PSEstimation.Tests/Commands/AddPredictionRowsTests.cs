using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PSEstimation.Input;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>
    /// How rows are read and written by Add-Prediction and a regression fit, now that a
    /// PSCustomObject row's own properties are read through its instance-member table
    /// (<see cref="InstanceProperties"/>): the same answers as the engine's full lookup, for
    /// every kind of row. The model throughout: OLS of y = 1, 3, 2, 4 on x = 0, 1, 2, 3, by hand
    /// Sxy = 4, Sxx = 5, slope 0.8, intercept 2.5 - 0.8 * 1.5 = 1.3.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class AddPredictionRowsTests
    {
        private const string Fit = "$m = $args[0] | Get-MLEstimate Normal -Response y -Predictor x; ";
        private readonly ModuleFixture module;

        public AddPredictionRowsTests(ModuleFixture module) => this.module = module;

        private static List<PSObject> Rows(string x = "x", string y = "y")
        {
            var rows = new List<PSObject>();
            foreach (var (xi, yi) in new[] { ("0", "1"), ("1", "3"), ("2", "2"), ("3", "4") })
            {
                var o = new PSObject();
                o.Properties.Add(new PSNoteProperty(x, xi));
                o.Properties.Add(new PSNoteProperty(y, yi));
                rows.Add(o);
            }

            return rows;
        }

        [Fact]
        public void The_instance_member_table_is_reached_on_this_engine()
        {
            // Without it every row takes the full lookup: same answers, the old cost.
            Assert.True(InstanceProperties.IsAvailable);
        }

        [Fact]
        public void The_table_answers_as_the_full_lookup_does()
        {
            var row = new PSObject();
            row.Properties.Add(new PSNoteProperty("x1", "2.5"));
            Assert.Same(row.Properties["x1"], InstanceProperties.Find(row, "X1"));
            Assert.Null(InstanceProperties.Find(row, "absent"));

            // Reserved names and rows that are not PSCustomObjects go to the full lookup.
            Assert.Null(InstanceProperties.Find(row, "psobject"));
            var wrapped = PSObject.AsPSObject("text");
            wrapped.Properties.Add(new PSNoteProperty("x1", 1));
            Assert.Null(InstanceProperties.Find(wrapped, "x1"));
        }

        [Fact]
        public void The_fit_and_the_predictions_match_the_hand_derivation()
        {
            var result = module.Run(Fit + "$args[0] | Add-Prediction -Estimate $m | ForEach-Object { $_.Predicted }", Rows());
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var expected = new[] { 1.3, 2.1, 2.9, 3.7 };
            var actual = result.Objects.Select(o => (double)o).ToArray();
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], actual[i], 12);
            }
        }

        [Fact]
        public void A_second_pass_overwrites_Predicted_and_adds_nothing()
        {
            // Second model on x = 0..3, y = 4, 2, 3, 1 (by hand Sxy = -4: slope -0.8, intercept
            // 2.5 + 0.8 * 1.5 = 3.7): its predictions 3.7, 2.9, 2.1, 1.3 replace the first's.
            var second = Rows();
            string[] ys = { "4", "2", "3", "1" };
            for (int i = 0; i < 4; i++)
            {
                second[i].Properties["y"].Value = ys[i];
            }

            var rows = Rows();
            var result = module.Run(Fit + "$m2 = $args[1] | Get-MLEstimate Normal -Response y -Predictor x; $null = $args[0] | Add-Prediction -Estimate $m; $args[0] | Add-Prediction -Estimate $m2 -Interval", rows, second);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            Assert.Equal(4, result.Output.Count);
            for (int i = 0; i < 4; i++)
            {
                var o = result.Output[i];
                Assert.Equal(3.7 - 0.8 * i, (double)o.Properties["Predicted"].Value, 12);
                Assert.Equal(new[] { "x", "y", "Predicted", "PredictedLower", "PredictedUpper" }, o.Properties.Select(p => p.Name).ToArray());
            }
        }

        [Fact]
        public void Names_match_properties_whatever_their_case()
        {
            var result = module.Run("$m = $args[0] | Get-MLEstimate Normal -Response Y -Predictor X; ($args[1] | Add-Prediction -Estimate $m).Predicted", Rows("x", "y"), Rows("X", "Y")[1]);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            Assert.Equal(2.1, (double)Assert.Single(result.Objects), 12);
        }

        [Fact]
        public void Hashtables_and_wrapped_objects_take_the_full_lookup_with_the_same_answer()
        {
            // A hashtable row (its key), and a string wrapped in a PSObject with a note property x
            // (an instance member of a non-PSCustomObject): both predicted at x = 10 as 1.3 + 8 = 9.3.
            var wrapped = PSObject.AsPSObject("row");
            wrapped.Properties.Add(new PSNoteProperty("x", 10));
            var result = module.Run(Fit + "(@{ x = '10' } | Add-Prediction -Estimate $m).Predicted; ($args[1] | Add-Prediction -Estimate $m).Predicted", Rows(), wrapped);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            Assert.Equal(new[] { 9.3, 9.3 }, result.Objects.Select(o => System.Math.Round((double)o, 12)).ToArray());
        }

        [Fact]
        public void A_row_without_the_predictor_is_an_error_and_is_not_passed_on()
        {
            var missing = new PSObject();
            missing.Properties.Add(new PSNoteProperty("z", "1"));
            var result = module.Run(Fit + "$args[1] | Add-Prediction -Estimate $m", Rows(), missing);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Objects);
            Assert.Equal("PropertyNotFound,PSEstimation.Commands.AddPredictionCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void A_fit_reads_rows_of_numbers_and_rows_of_strings_alike()
        {
            var numbers = Rows().Select(r =>
            {
                var o = new PSObject();
                foreach (var p in r.Properties)
                {
                    o.Properties.Add(new PSNoteProperty(p.Name, double.Parse((string)p.Value, CultureInfo.InvariantCulture)));
                }

                return o;
            }).ToList();
            var result = module.Run("($args[0] | Get-MLEstimate Normal -Response y -Predictor x).Coefficients.Value; ($args[1] | Get-MLEstimate Normal -Response y -Predictor x).Coefficients.Value", Rows(), numbers);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var values = result.Objects.Select(o => (double)o).ToArray();
            Assert.Equal(4, values.Length);
            Assert.Equal(1.3, values[0], 12);
            Assert.Equal(0.8, values[1], 12);
            Assert.Equal(values[0], values[2]);
            Assert.Equal(values[1], values[3]);
        }
    }
}
