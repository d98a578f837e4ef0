using System.Collections.Generic;
using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Numerics;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Get-MLEstimate through the real engine: binding, pipelines, errors and formatting.</summary>
    [Collection(ModuleCollection.Name)]
    public class GetMLEstimateTests
    {
        private const string Id = ",PSEstimation.Commands.GetMLEstimateCommand";
        private readonly ModuleFixture module;

        public GetMLEstimateTests(ModuleFixture module) => this.module = module;

        private MLEstimate Single(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
        }

        [Theory]
        [InlineData("2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal")]
        [InlineData("Get-MLEstimate -Distribution Normal -InputObject 2.3, 2.5, 3.1, 3.8, 2.7")]
        [InlineData("Get-MLEstimate Normal 2.3, 2.5, 3.1, 3.8, 2.7")]
        [InlineData("'2.3', '2.5', '3.1', '3.8', '2.7' | Get-MLEstimate gaussian")]
        [InlineData("[pscustomobject]@{ T = 2.3 }, [pscustomobject]@{ T = 2.5 }, [pscustomobject]@{ T = 3.1 }, [pscustomobject]@{ T = 3.8 }, [pscustomobject]@{ T = 2.7 } | Get-MLEstimate Normal -Property T")]
        [InlineData("@{ T = 2.3 }, @{ T = 2.5 }, @{ T = 3.1 }, @{ T = 3.8 }, @{ T = 2.7 } | Get-MLEstimate Normal -Property T")]
        [InlineData("[int[]](23, 25, 31, 38, 27) | ForEach-Object { $_ / 10 } | Get-MLEstimate Normal")]
        [InlineData(",@(2.3, 2.5, 3.1, 3.8, 2.7) | Get-MLEstimate Normal")]
        public void Seed_example_in_every_binding_form(string script)
        {
            // CONTRACT.md worked example: Mean 2.88, LogLikelihood -3.926523529277739.
            var fit = Single(script);
            Tolerance.Relative(2.88, (double)fit.Estimate["Mean"]!, 1e-14, "Mean");
            Tolerance.Relative(-3.926523529277739, fit.LogLikelihood, 1e-14, "LogLikelihood");
            Assert.Equal(5, fit.SampleSize);
        }

        [Fact]
        public void Result_properties_are_reachable_from_script()
        {
            var result = module.Run(
                "$f = 2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal; " +
                "$f.Estimate.Mean; $f.Estimate.variance; $f.FisherInformation[1,1]; $f.Parameters[0].Name; $f.GetType().FullName; \"$f\"");
            Assert.Null(result.TerminatingError);
            var values = result.Output.Select(o => o.BaseObject).ToList();
            Assert.Equal(2.88, (double)values[0], 12);
            Assert.Equal(0.2816, (double)values[1], 12);
            Tolerance.Relative(31.52642368285125, (double)values[2], 1e-12, "I[1,1]");
            Assert.Equal("Mean", values[3]);
            Assert.Equal("PSEstimation.MLEstimate", values[4]);
            Assert.StartsWith("Normal: Mean = 2.88 (SE 0.2373), Variance = 0.2816 (SE 0.1781); n = 5", (string)values[5]);
        }

        [Fact]
        public void Several_properties_give_one_result_each()
        {
            var result = module.Run(
                "1..6 | ForEach-Object { [pscustomobject]@{ A = $_; B = 2 * $_ } } | Get-MLEstimate Normal -Property A, B");
            var fits = result.Objects.Cast<MLEstimate>().ToList();
            Assert.Equal(new[] { "A", "B" }, fits.Select(f => f.Property));
            // Mean of 1..6 is 3.5, MLE variance 35/12; B = 2A has mean 7, variance 35/3 (hand derivation).
            Tolerance.Relative(35.0 / 12, fits[0].Parameters[1].Value, 1e-14, "Var(A)");
            Tolerance.Relative(35.0 / 3, fits[1].Parameters[1].Value, 1e-14, "Var(B)");
        }

        [Fact]
        public void Bad_values_are_reported_skipped_and_counted()
        {
            var result = module.Run("2.3, 'abc', 2.5, [double]::NaN, 3.1, [double]::PositiveInfinity, 3.8, $null, 2.7, [datetime]'2020-01-01', @{a=1} | Get-MLEstimate Normal");
            var fit = Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
            Tolerance.Relative(2.88, fit.Parameters[0].Value, 1e-14, "Mean");
            Assert.Equal(5, fit.SampleSize);
            Assert.Equal(5, fit.SkippedCount);
            Assert.Equal(
                new[] { "NotANumber" + Id, "NonFiniteValue" + Id, "NonFiniteValue" + Id, "NotANumber" + Id, "NotANumber" + Id },
                result.ErrorIds);
            Assert.Contains("'abc' at index 1", result.Errors[0].Exception.Message);
        }

        [Fact]
        public void Error_variable_collects_silenced_errors()
        {
            var result = module.Run("$null = 1, 'x', 2 | Get-MLEstimate Normal -ErrorVariable bad -ErrorAction SilentlyContinue; $bad.Count; $bad[0].FullyQualifiedErrorId");
            Assert.Empty(result.Errors);
            Assert.Equal(new object[] { 1, "NotANumber" + Id }, result.Objects);
        }

        [Fact]
        public void Code_in_a_string_is_data_not_code()
        {
            var result = module.Run("'$(Remove-Item x)', '1; calc', 1, 2 | Get-MLEstimate Normal");
            Assert.Equal(new[] { "NotANumber" + Id, "NotANumber" + Id }, result.ErrorIds);
            Assert.Equal(2, Assert.IsType<MLEstimate>(Assert.Single(result.Objects)).SampleSize);
        }

        [Fact]
        public void Missing_property_is_a_non_terminating_error()
        {
            var result = module.Run("[pscustomobject]@{ A = 1 }, [pscustomobject]@{ B = 2 }, [pscustomobject]@{ A = 3 } | Get-MLEstimate Normal -Property A");
            Assert.Equal(new[] { "PropertyNotFound" + Id }, result.ErrorIds);
            Assert.Equal(2, Assert.IsType<MLEstimate>(Assert.Single(result.Objects)).SampleSize);
        }

        [Theory]
        [InlineData("@() | Get-MLEstimate Normal", "NoUsableInput")]
        [InlineData("'x', 'y' | Get-MLEstimate Normal -ErrorAction SilentlyContinue", "NoUsableInput")]
        [InlineData("5, 5, 5 | Get-MLEstimate Normal", "ZeroVariance")]
        [InlineData("5 | Get-MLEstimate Normal", "ZeroVariance")]
        [InlineData("1, 2 | Get-MLEstimate Normal -Fixed @{ Sigma = 1 }", "UnknownParameter")]
        [InlineData("1, 2 | Get-MLEstimate Normal -Fixed @{ Variance = -1 }", "InvalidParameterValue")]
        [InlineData("1, 2 | Get-MLEstimate Normal -Fixed @{ Variance = 'abc' }", "InvalidParameterValue")]
        [InlineData("1, 2 | Get-MLEstimate Normal -ConfidenceLevel 1", "InvalidConfidenceLevel")]
        [InlineData("1, 2 | Get-MLEstimate Normal -ConfidenceLevel 0", "InvalidConfidenceLevel")]
        [InlineData("1, 2 | Get-MLEstimate Normal -ConfidenceLevel ([double]::NaN)", "InvalidConfidenceLevel")]
        public void Unusable_requests_are_terminating_errors(string script, string errorId)
        {
            var result = module.Run(script);
            Assert.NotNull(result.TerminatingError);
            Assert.Equal(errorId + Id, result.TerminatingError!.FullyQualifiedErrorId);
        }

        [Fact]
        public void Unknown_distribution_is_rejected_by_binding()
        {
            var result = module.Run("1, 2 | Get-MLEstimate Gausian");
            Assert.NotNull(result.TerminatingError);
            Assert.StartsWith("CannotConvertArgumentNoMessage,", result.TerminatingError!.FullyQualifiedErrorId.Replace("ParameterArgumentTransformationError", "CannotConvertArgumentNoMessage"));
            Assert.Contains("Normal", result.TerminatingError.Exception.Message);
        }

        [Fact]
        public void Error_action_stop_turns_a_skipped_value_into_a_terminating_error()
        {
            var result = module.Run("try { 1, 'x', 2 | Get-MLEstimate Normal -ErrorAction Stop; 'not reached' } catch { $_.FullyQualifiedErrorId }");
            Assert.Equal("NotANumber" + Id, Assert.Single(result.Objects));
        }

        [Fact]
        public void Distribution_names_tab_complete()
        {
            var result = module.Run("(TabExpansion2 -inputScript 'Get-MLEstimate Log' -cursorColumn 18).CompletionMatches.CompletionText");
            Assert.Contains("LogNormal", result.Objects.Cast<string>());
            Assert.Contains("Logistic", result.Objects.Cast<string>());
        }

        [Fact]
        public void Default_view_is_a_readable_table()
        {
            string text = module.RunFormatted("2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal");
            var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            // LogLikelihood and AIC come before the estimates, so they stay visible however wide those get.
            Assert.Matches(@"^Distribution\s+Property\s+N\s+LogLikelihood\s+AIC Estimate$", lines[0]);
            // One parameter a line, rounded to 6 digits (CONTRACT.md: log-likelihood -3.926523529277739, AIC 11.853047).
            Assert.Matches(@"^Normal\s+5\s+-3\.92652 11\.853 Mean = 2\.88$", lines[2]);
            Assert.Matches(@"^\s+Variance = 0\.2816$", lines[3]);
            Assert.True(!text.Contains("\u001b"), text.Replace("\u001b", "<ESC>"));
        }

        public static IEnumerable<object[]> ReferenceCases() => MleReferenceTests.Cases();

        [Theory]
        [MemberData(nameof(ReferenceCases))]
        public void Reference_cases_through_the_cmdlet(string id)
        {
            // tests/reference/mle.json (R fitdistrplus/MASS, scipy; certified at 40 digits).
            var testCase = ReferenceData.Case("mle", id);
            var fixedTable = new System.Collections.Hashtable();
            foreach (var entry in ReferenceData.Numbers(testCase, "Fixed"))
            {
                fixedTable[entry.Key] = entry.Value;
            }

            var fit = Single(
                "Get-MLEstimate -Distribution $args[0] -InputObject $args[1] -Fixed $args[2]",
                testCase.GetProperty("Distribution").GetString(),
                ReferenceData.Doubles(testCase.GetProperty("Data")),
                fixedTable);
            MleReferenceFits.AssertMatches(testCase, fit);
        }
    }
}
