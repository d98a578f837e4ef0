using System;
using System.Collections;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using PSEstimation.Input;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;
using Xunit.Sdk;

namespace PSEstimation.Tests.Commands
{
    /// <summary>
    /// Results after a real CliXml round trip (PSSerializer, what Start-Job, remoting and
    /// Export-Clixml use) and in the shapes ConvertFrom-Json gives; -Estimate and -Parameter
    /// reading every form; the flat row for Export-Csv.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class RoundTripTests
    {
        private const string Seed = "2.3, 2.5, 3.1, 3.8, 2.7";
        private const string NllId = ",PSEstimation.Commands.MeasureNegativeLogLikelihoodCommand";
        private readonly ModuleFixture module;

        public RoundTripTests(ModuleFixture module) => this.module = module;

        public static TheoryData<string> EveryResult => new TheoryData<string>
        {
            Seed + " | Get-MLEstimate Normal",
            Seed + " | Get-MLEstimate Gamma",
            "3, 5, 2, 7, 4, 0, 6, 3 | Get-MLEstimate Binomial -Fixed @{ Trials = 7 }",
            "'a', 'b', 'a', 'c' | Get-MLEstimate Categorical",
            "0.1, 0.4, 0.9, 0.35 | Get-MLEstimate Uniform",
            "[pscustomobject]@{ T = 2.3 }, [pscustomobject]@{ T = 3.1 }, [pscustomobject]@{ T = 2.5 } | Get-MLEstimate Normal -Property T",
            "2.3, 2.5, 2.7, 2.9, 3.1 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }",
            "1, 0, 1, 1, 0, 1 | Get-MAPEstimate Bernoulli -Prior @{ P = 'Beta(2, 2)' }",
            Seed + " | Get-MAPEstimate Gamma -Prior @{ Shape = 'Gamma(2, 1)' }",
            Seed + " | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 }",
            "(" + Seed + " | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 } -PerObservation)[3]",
            "Measure-RegressionLoss -Actual 2.3, 2.5, 3.1, 3.8, 2.7 -Predicted 2.4, 2.6, 3.0, 3.7, 2.8",
            "(" + Seed + " | Test-GoodnessOfFit Normal -Parameter @{ Mean = 3; Variance = 0.5 })[0]",
            "(" + Seed + " | Test-GoodnessOfFit Normal -Test AndersonDarling -Simulations 19 -SetSeed 4)",
            "(" + Seed + " | Compare-Distribution -Distribution Normal, Gamma)[0]",
        };

        /// <summary>The live result, and what PSSerializer at <paramref name="depth"/> gives back in this (module-loaded) session.</summary>
        private (object Live, object Back) RoundTrip(string command, int depth)
        {
            var result = module.Run(
                "$r = " + command + "; $xml = [System.Management.Automation.PSSerializer]::Serialize($r, $args[0]); $r; [System.Management.Automation.PSSerializer]::Deserialize($xml)",
                depth);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            Assert.Equal(2, result.Objects.Count);
            return (result.Objects[0], result.Objects[1]);
        }

        /// <summary>The CliXml text of a result (the module's types decide the depth), to deserialize outside any runspace.</summary>
        private string Serialize(string command, int depth = 1)
        {
            var result = module.Run("[System.Management.Automation.PSSerializer]::Serialize((" + command + "), $args[0])", depth);
            Assert.Null(result.TerminatingError);
            return Assert.IsType<string>(Assert.Single(result.Objects));
        }

        [Theory]
        [MemberData(nameof(EveryResult))]
        public void Every_result_comes_back_as_its_live_type_with_every_property_intact_at_job_depth(string command)
        {
            // Depth 1 is what Start-Job and remoting use; before the types file, Parameters
            // arrived as strings and the matrices as flat lists.
            var (live, back) = RoundTrip(command, depth: 1);
            Assert.IsType(live.GetType(), back);
            AssertSame(live, back, live.GetType().Name);
        }

        [Fact]
        public void Export_Clixml_depth_gives_the_same()
        {
            var (live, back) = RoundTrip(Seed + " | Get-MLEstimate Normal", depth: 2);
            AssertSame(live, back, "MLEstimate");
        }

        [Fact]
        public void The_issue_case_indexes_the_matrix_after_the_round_trip()
        {
            // Issue 13: after Receive-Job, $r.FisherInformation[1,1] gave "-0.4589 -0.4589" and
            // $r.Parameters[0] a string. Contract seed numbers: FisherInformation diagonal
            // 17.75568182, 31.52642368; SE(Mean) = sqrt(0.2816 / 5) by hand (observed information n / Variance).
            var result = module.Run(
                "$fit = " + Seed + " | Get-MLEstimate Normal; $r = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($fit, 1)); "
                + "$r.FisherInformation[1,1]; $r.Parameters[0].StandardError; $r.Parameters[0].Lower; $r.Estimate.mean; $r.GetType().FullName");
            Assert.Null(result.TerminatingError);
            Tolerance.Relative(31.52642368285125, (double)result.Objects[0], 1e-12, "FisherInformation[1,1]");
            Tolerance.Relative(Math.Sqrt(0.2816 / 5), (double)result.Objects[1], 1e-12, "Parameters[0].StandardError");
            Tolerance.Relative(2.88 - (1.959963984540054 * Math.Sqrt(0.2816 / 5)), (double)result.Objects[2], 1e-12, "Parameters[0].Lower");
            Tolerance.Relative(2.88, (double)result.Objects[3], 1e-14, "Estimate.mean (case-insensitive)");
            Assert.Equal("PSEstimation.MLEstimate", result.Objects[4]);
        }

        [Fact]
        public void A_regression_model_arrives_at_job_depth_with_every_coefficient_number()
        {
            // Before its SerializationDepth, Coefficients arrived as strings at depth 1 (Start-Job,
            // remoting). Least squares by hand on (1, 1), (2, 3), (3, 2), (4, 5): slope 1.1, intercept 0.
            const string fit = "$rows = (1, 1), (2, 3), (3, 2), (4, 5) | ForEach-Object { [pscustomobject]@{ X = $_[0]; Y = $_[1] } }; $rows | Get-MLEstimate Normal -Response Y -Predictor X";
            var bag = PSObject.AsPSObject(PSSerializer.Deserialize(Serialize("$(" + fit + ")")));
            Assert.Contains("Deserialized.PSEstimation.RegressionEstimate", bag.TypeNames);
            var coefficients = ((IEnumerable)Unwrap(bag.Properties["Coefficients"].Value)!).Cast<object>().Select(PSObject.AsPSObject).ToList();
            Assert.Equal(new[] { "Intercept", "X" }, coefficients.Select(c => (string)c.Properties["Name"].Value));
            Tolerance.Relative(1.1, (double)coefficients[1].Properties["Value"].Value, 1e-12, "slope");
            Assert.IsType<double>(coefficients[1].Properties["StandardError"].Value);
            Assert.IsType<double>(coefficients[1].Properties["Lower"].Value);
            var flat = ((IEnumerable)Unwrap(bag.Properties["Covariance"].Value)!).Cast<object>().Select(Convert.ToDouble).ToArray();
            Assert.Equal(9, flat.Length);
        }

        [Theory]
        [InlineData("[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($m, 1))")]
        [InlineData("[pscustomobject]@{ Distribution = $m.Distribution; Predictor = $m.Predictor; Response = $m.Response; Coefficients = $m.Coefficients; Parameters = $m.Parameters; Covariance = @($m.Covariance) }")]
        public void Add_Prediction_gives_a_copied_model_the_same_intervals_as_the_live_one(string copy)
        {
            // A deserialized model's Covariance is a flat row-major list; Add-Prediction -Interval
            // refused it ("does not carry the Covariance") before it was reshaped.
            var result = module.Run(
                "$rows = (1, 1, 'a'), (2, 3, 'b'), (3, 2, 'a'), (4, 5, 'b'), (5, 4, 'a') | ForEach-Object { [pscustomobject]@{ X = $_[0]; Y = $_[1]; G = $_[2] } }; "
                + "$m = $rows | Get-MLEstimate Normal -Response Y -Predictor X, G; $c = " + copy + "; "
                + "$rows | Add-Prediction -Estimate $m -Interval | ForEach-Object { $_.PredictedLower }; $rows | Add-Prediction -Estimate $c -Interval | ForEach-Object { $_.PredictedLower }");
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            Assert.Equal(10, result.Objects.Count);
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal((double)result.Objects[i], (double)result.Objects[i + 5]);
            }
        }

        [Fact]
        public void Without_the_module_the_bag_holds_every_number_and_matrices_row_major()
        {
            // Deserialized outside any runspace, as in a session that has not imported the module:
            // no rehydration, but SerializationDepth kept every nested value as data.
            var bag = PSObject.AsPSObject(PSSerializer.Deserialize(Serialize(
                "2.3, 2.5, 2.7, 2.9, 3.1 | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(2, 0.5)'; Variance = 'InverseGamma(3, 2)' }")));
            Assert.Contains("Deserialized.PSEstimation.MAPEstimate", bag.TypeNames);
            var prior = ((IEnumerable)Unwrap(bag.Properties["Prior"].Value)!).Cast<object>().Select(PSObject.AsPSObject).ToList();
            Assert.Equal("Normal", prior[0].Properties["Name"].Value);
            var hyper = Assert.IsAssignableFrom<IDictionary>(Unwrap(prior[0].Properties["Parameters"].Value));
            Assert.Equal(0.5, Convert.ToDouble(hyper["Variance"]));
            var mle = PSObject.AsPSObject(bag.Properties["MLEstimate"].Value);
            var mleMean = PSObject.AsPSObject(((IEnumerable)Unwrap(mle.Properties["Parameters"].Value)!).Cast<object>().First());
            Assert.IsType<double>(mleMean.Properties["Lower"].Value);

            var fit = PSObject.AsPSObject(PSSerializer.Deserialize(Serialize(Seed + " | Get-MLEstimate Normal")));
            var flat = ((IEnumerable)Unwrap(fit.Properties["Covariance"].Value)!).Cast<object>().Select(Convert.ToDouble).ToArray();
            // Row-major: [0.2816 / 5, 0, 0, 2 * 0.2816² / 5] (inverse observed information, by hand).
            Assert.Equal(4, flat.Length);
            Tolerance.Relative(0.2816 / 5, flat[0], 1e-12, "Covariance[0,0]");
            Tolerance.Relative(2 * 0.2816 * 0.2816 / 5, flat[3], 1e-12, "Covariance[1,1]");
            Assert.Equal(0, flat[1]);
        }

        [Fact]
        public void Estimate_reads_a_property_bag_from_a_session_without_the_module()
        {
            var bag = PSSerializer.Deserialize(Serialize("3, 5, 2, 7, 4, 0, 6, 3 | Get-MLEstimate Binomial -Fixed @{ Trials = 7 }"));
            var reading = EstimateReader.Read(PSObject.AsPSObject(bag));
            Assert.Equal(DistributionName.Binomial, reading.Distribution);
            Assert.Equal(30.0 / 56, Convert.ToDouble(reading.Values["p"]), 15);
            Assert.Equal(7.0, Convert.ToDouble(reading.Values["Trials"]));
            Assert.Equal(new[] { "P" }, reading.ParameterNames);
            Assert.Equal(new[] { false }, reading.Fixed);
            // Var(P) = P(1 - P) / (n · Trials) at the MLE, by hand.
            Tolerance.Relative((30.0 / 56) * (26.0 / 56) / 56, reading.Covariance![0, 0], 1e-12, "Covariance");

            var result = module.Run("3, 5, 2, 7, 4, 0, 6, 3 | Measure-NegativeLogLikelihood -Estimate $args[0]", bag);
            Assert.Null(result.TerminatingError);
            // tests/reference (DiscreteFamiliesTests): log-likelihood -19.97226403377476 at the MLE.
            Tolerance.Relative(19.97226403377476, Assert.IsType<NegativeLogLikelihood>(Assert.Single(result.Objects)).Value, 1e-12, "NLL");
        }

        /// <summary>What ConvertTo-Json -Depth 5 | ConvertFrom-Json makes of the seed fit: PSCustomObjects, object[] lists, the matrices flat.</summary>
        private const string JsonShapedFit =
            "$j = [pscustomobject]@{ Distribution = 'Normal'; SampleSize = 5; "
            + "Parameters = @([pscustomobject]@{ Name = 'Mean'; Value = 2.88; StandardError = 0.2373; Lower = 2.415; Upper = 3.345; Fixed = $false }, [pscustomobject]@{ Name = 'Variance'; Value = 0.2816; StandardError = 0.178; Lower = -0.07; Upper = 0.63; Fixed = $false }); "
            + "Estimate = [pscustomobject]@{ Mean = 2.88; Variance = 0.2816 }; Covariance = [object[]](0.05632, 0.0, 0.0, 0.031719424); Property = $null }; ";

        [Fact]
        public void Estimate_takes_a_fit_from_ConvertFrom_Json()
        {
            // Issue 13: "-Estimate $j fails with ... has no Estimate table". Contract: NLL 3.926523529277739 at the MLE.
            var result = module.Run(JsonShapedFit + Seed + " | Measure-NegativeLogLikelihood -Estimate $j");
            Assert.Null(result.TerminatingError);
            Tolerance.Relative(3.926523529277739, Assert.IsType<NegativeLogLikelihood>(Assert.Single(result.Objects)).Value, 1e-12, "NLL");

            var json = module.Run(JsonShapedFit + "$j");
            var reading = EstimateReader.Read(json.Output[0]);
            Assert.Equal(new[] { "Mean", "Variance" }, reading.ParameterNames);
            Assert.Equal(new[] { false, false }, reading.Fixed);
            Assert.Equal(0.031719424, reading.Covariance![1, 1]);
            Assert.Equal(0.0, reading.Covariance[0, 1]);
        }

        [Fact]
        public void Parameter_takes_the_Estimate_table_from_ConvertFrom_Json()
        {
            // Issue 13: "-Parameter $j.Estimate fails to convert a PSCustomObject to IDictionary".
            var result = module.Run(JsonShapedFit + Seed + " | Measure-NegativeLogLikelihood Normal -Parameter $j.Estimate");
            Assert.Null(result.TerminatingError);
            Tolerance.Relative(3.926523529277739, Assert.IsType<NegativeLogLikelihood>(Assert.Single(result.Objects)).Value, 1e-12, "NLL");
        }

        [Theory]
        [InlineData("Get-MLEstimate Normal")]
        [InlineData("Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(2, 0.5)' }")]
        public void Fixed_takes_a_table_from_ConvertFrom_Json(string command)
        {
            // -Fixed bound only a hashtable, while -Parameter also took ConvertFrom-Json's object.
            // The object form fits exactly as the hashtable form; the MLE's Mean is the sample mean 2.88 (hand).
            var json = module.Run("$fixed = [pscustomobject]@{ variance = 1 }; " + Seed + " | " + command + " -Fixed $fixed");
            Assert.Null(json.TerminatingError);
            Assert.Empty(json.Errors);
            var table = module.Run(Seed + " | " + command + " -Fixed @{ Variance = 1 }");
            var fromJson = Assert.Single(json.Objects);
            var fromTable = Assert.Single(table.Objects);
            var fromJsonParameters = ValuesAndFlags(fromJson);
            Assert.Equal((1.0, true), fromJsonParameters[1]);
            Assert.Equal(ValuesAndFlags(fromTable), fromJsonParameters);
            if (fromJson is MLEstimate fit)
            {
                Tolerance.Relative(2.88, fit.Parameters[0].Value, 1e-14, "Mean");
            }
            else
            {
                // Hand: posterior precision 1/0.5 + 5/1 = 7, mean (2·2 + 5·2.88) / 7.
                Tolerance.Relative(18.4 / 7, Assert.IsType<MAPEstimate>(fromJson).Parameters[0].Value, 1e-14, "Mean");
            }
        }

        /// <summary>Each parameter's (Value, Fixed) of an MLEstimate or a MAPEstimate.</summary>
        private static (double Value, bool Fixed)[] ValuesAndFlags(object fit)
        {
            var parameters = (Array)fit.GetType().GetProperty("Parameters")!.GetValue(fit)!;
            return parameters.Cast<object>()
                .Select(p => ((double)p.GetType().GetProperty("Value")!.GetValue(p)!, (bool)p.GetType().GetProperty("Fixed")!.GetValue(p)!))
                .ToArray();
        }

        [Fact]
        public void A_json_object_with_an_unknown_name_is_still_checked()
        {
            var result = module.Run(Seed + " | Measure-NegativeLogLikelihood Normal -Parameter ([pscustomobject]@{ Mean = 2.88; Sigma = 1 })");
            Assert.Equal("UnknownParameter" + NllId, result.TerminatingError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void Estimate_without_a_table_names_the_forms_it_takes()
        {
            var result = module.Run(Seed + " | Measure-NegativeLogLikelihood -Estimate ([pscustomobject]@{ Distribution = 'Normal' })");
            Assert.Equal("InvalidEstimate" + NllId, result.TerminatingError?.FullyQualifiedErrorId);
            Assert.Contains("ConvertFrom-Json", result.TerminatingError!.Exception.Message);
        }

        [Fact]
        public void Estimate_reads_covariance_and_fixed_flags_from_a_live_fit()
        {
            var fit = Assert.IsType<MLEstimate>(Assert.Single(module.Run(Seed + " | Get-MLEstimate Normal -Fixed @{ Variance = 1 }").Objects));
            var reading = EstimateReader.Read(PSObject.AsPSObject(fit));
            Assert.Equal(new[] { false, true }, reading.Fixed);
            Tolerance.Relative(1.0 / 5, reading.Covariance![0, 0], 1e-12, "Var(Mean) = Variance / n");
            Assert.Equal(0, reading.Covariance[1, 1]);
        }

        [Fact]
        public void Matrices_read_as_nested_rows_or_a_square_flat_list()
        {
            var nested = MatrixShape.Read(new object[] { new object[] { 1.0, 2.0 }, new object[] { 3.0, 4L } })!;
            var flat = MatrixShape.Read(new ArrayList { 1.0, 2.0, 3.0, 4.0 })!;
            Assert.Equal(new double[,] { { 1, 2 }, { 3, 4 } }, nested);
            Assert.Equal(new double[,] { { 1, 2 }, { 3, 4 } }, flat);
            Assert.Equal(double.PositiveInfinity, MatrixShape.Read(new object[] { "Infinity" })![0, 0]);
            Assert.Throws<FormatException>(() => MatrixShape.Read(new object[] { 1.0, 2.0, 3.0 }));
            Assert.Throws<FormatException>(() => MatrixShape.Read(new ArrayList { 1.0, 2.0, 3.0, 4.0 }, side: 3));
        }

        [Fact]
        public void ToFlatObject_gives_one_row_of_plain_values_for_Export_Csv()
        {
            // Issue 13: Export-Csv wrote PSEstimation.ParameterEstimate[] and System.Double[,].
            var row = Assert.Single(module.Run("(" + Seed + " | Get-MLEstimate Normal).ToFlatObject()").Output);
            var names = row.Properties.Select(p => p.Name).ToList();
            Assert.Equal(
                new[] { "Distribution", "Property", "Group", "SampleSize", "SkippedCount", "Mean", "MeanStandardError", "MeanLower", "MeanUpper", "MeanFixed", "Variance", "VarianceStandardError", "VarianceLower", "VarianceUpper", "VarianceFixed" },
                names.Take(15));
            Assert.Contains("AIC", names);
            Assert.DoesNotContain("FisherInformation", names);
            Assert.All(row.Properties, p => Assert.True(p.Value is null || p.Value is string || p.Value.GetType().IsPrimitive, p.Name + " is a " + p.Value?.GetType()));
            Tolerance.Relative(2.88, (double)row.Properties["Mean"].Value, 1e-14, "Mean");
            Tolerance.Relative(Math.Sqrt(0.2816 / 5), (double)row.Properties["MeanStandardError"].Value, 1e-12, "MeanStandardError");

            var map = Assert.Single(module.Run("(2.3, 2.5, 2.7, 2.9, 3.1 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }).ToFlatObject()").Output);
            Assert.Equal("Mean ~ Normal(2, 0.5)", map.Properties["Prior"].Value);
            Assert.Equal(2.5, (double)map.Properties["Mean"].Value, 12);
            Assert.Equal(2.7, (double)map.Properties["MeanMaximumLikelihood"].Value!, 12);
        }

        private static object? Unwrap(object? value) => value is PSObject p ? p.BaseObject : value;

        /// <summary>Every public property equal, recursively; numbers bit for bit.</summary>
        private static void AssertSame(object? expected, object? actual, string path)
        {
            expected = Unwrap(expected);
            actual = Unwrap(actual);
            if (expected is null || actual is null)
            {
                if (!(expected is null && actual is null))
                {
                    throw new XunitException($"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
                }

                return;
            }

            switch (expected)
            {
                case double d:
                    if (!(actual is double a) || BitConverter.DoubleToInt64Bits(d) != BitConverter.DoubleToInt64Bits(a))
                    {
                        throw new XunitException($"{path}: expected {d:R}, got {actual}");
                    }

                    return;
                case double[,] m:
                    var back = actual as double[,] ?? throw new XunitException($"{path}: expected double[,], got {actual.GetType()}");
                    Assert.Equal(m.GetLength(0), back.GetLength(0));
                    Assert.Equal(m.GetLength(1), back.GetLength(1));
                    for (int i = 0; i < m.GetLength(0); i++)
                    {
                        for (int j = 0; j < m.GetLength(1); j++)
                        {
                            AssertSame(m[i, j], back[i, j], $"{path}[{i},{j}]");
                        }
                    }

                    return;
                case OrderedDictionary table:
                    var other = Assert.IsType<OrderedDictionary>(actual);
                    Assert.Equal(table.Keys.Cast<object>().Select(k => k.ToString()), other.Keys.Cast<object>().Select(k => k.ToString()));
                    foreach (DictionaryEntry entry in table)
                    {
                        AssertSame(entry.Value, other[entry.Key.ToString()!.ToUpperInvariant()], $"{path}[{entry.Key}] (looked up in upper case)");
                    }

                    return;
                case Array array:
                    var items = Assert.IsAssignableFrom<Array>(actual);
                    Assert.Equal(expected.GetType(), actual.GetType());
                    Assert.Equal(array.Length, items.Length);
                    for (int i = 0; i < array.Length; i++)
                    {
                        AssertSame(array.GetValue(i), items.GetValue(i), $"{path}[{i}]");
                    }

                    return;
            }

            if (expected.GetType().Namespace == "PSEstimation")
            {
                Assert.Equal(expected.GetType(), actual.GetType());
                foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    AssertSame(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
                }

                Assert.Equal(expected.ToString(), actual.ToString());
                return;
            }

            Assert.Equal(expected, actual);
        }
    }
}
