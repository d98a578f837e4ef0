using System;
using System.Linq;
using System.Management.Automation;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Reliability
{
    /// <summary>
    /// -ErrorAction, -ErrorVariable, $ErrorActionPreference, $Error, $? and try/catch behave as
    /// PowerShell users expect with the module's errors: a bad value is a non-terminating error
    /// (Stop makes it terminating, SilentlyContinue and Ignore hide it), a refusal is a
    /// terminating error that -ErrorAction does not hide but try/catch catches.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class ErrorHandlingTests
    {
        /// <summary>Each cmdlet with an input that has one bad value (index 1) among good ones.</summary>
        public static TheoryData<string, string> OneBadValue() => new TheoryData<string, string>
        {
            { "1.2, 'x', 0.8, 1.1 | Get-MLEstimate Normal", "GetMLEstimateCommand" },
            { "1.2, 'x', 0.8, 1.1 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 1; Variance = 1 }", "MeasureNegativeLogLikelihoodCommand" },
            { "Measure-RegressionLoss -Actual 1.2, 'x', 0.8, 1.1 -Predicted 1, 1, 1, 1", "MeasureRegressionLossCommand" },
        };

        private readonly ModuleFixture module;

        public ErrorHandlingTests(ModuleFixture module) => this.module = module;

        private PSObject Report(string script)
        {
            var result = module.Run(script);
            Assert.True(result.TerminatingError is null, result.TerminatingError?.ToString());
            return Assert.Single(result.Output);
        }

        private static object? Get(PSObject report, string name) => report.Properties[name].Value is PSObject wrapped ? wrapped.BaseObject : report.Properties[name].Value;

        [Theory]
        [MemberData(nameof(OneBadValue))]
        public void Default_Continue_writes_the_error_and_the_result(string pipeline, string command)
        {
            var result = module.Run(pipeline);
            Assert.Null(result.TerminatingError);
            Assert.Equal(new[] { "NotANumber,PSEstimation.Commands." + command }, result.ErrorIds);
            Assert.Equal(ErrorCategory.InvalidData, result.Errors[0].CategoryInfo.Category);
            Assert.Equal("x", result.Errors[0].TargetObject);
            Assert.Single(result.Objects);
        }

        [Theory]
        [MemberData(nameof(OneBadValue))]
        public void ErrorAction_Stop_makes_the_first_bad_value_terminating(string pipeline, string command)
        {
            var result = module.Run(pipeline + " -ErrorAction Stop");
            Assert.Equal("NotANumber,PSEstimation.Commands." + command, result.TerminatingError?.FullyQualifiedErrorId);
            Assert.Empty(result.Objects);
        }

        [Theory]
        [MemberData(nameof(OneBadValue))]
        public void ErrorActionPreference_Stop_makes_it_terminating_too(string pipeline, string command)
        {
            // In a child scope (& { }): the fixture's runspace is shared, and a preference set by a
            // dot-sourced script would stay for every later test.
            var report = Report($"& {{ $ErrorActionPreference = 'Stop'; try {{ {pipeline}; 'not reached' }} catch {{ [pscustomobject]@{{ Id = $_.FullyQualifiedErrorId; Type = $_.Exception.GetType().Name }} }} }}");
            Assert.Equal("NotANumber,PSEstimation.Commands." + command, Get(report, "Id"));
            Assert.Equal("ArgumentException", Get(report, "Type"));
        }

        [Theory]
        [MemberData(nameof(OneBadValue))]
        public void ErrorVariable_with_SilentlyContinue_collects_the_error_and_keeps_the_result(string pipeline, string command)
        {
            var report = Report($"$r = {pipeline} -ErrorVariable bad -ErrorAction SilentlyContinue; $ok = $?; "
                + "[pscustomobject]@{ Count = $bad.Count; Id = $bad[0].FullyQualifiedErrorId; Skipped = $r.SkippedCount; LastOk = $ok; InError = $global:Error[0].FullyQualifiedErrorId }");
            Assert.Equal(1, Get(report, "Count"));
            Assert.Equal("NotANumber,PSEstimation.Commands." + command, Get(report, "Id"));
            Assert.Equal(1L, System.Convert.ToInt64(Get(report, "Skipped")));
            Assert.Equal(false, Get(report, "LastOk")); // $? is False after a command that wrote an error
            Assert.Equal("NotANumber,PSEstimation.Commands." + command, Get(report, "InError"));
        }

        [Theory]
        [MemberData(nameof(OneBadValue))]
        public void ErrorVariable_plus_appends_and_Ignore_records_nothing(string pipeline, string command)
        {
            var report = Report($"$global:Error.Clear(); $r1 = {pipeline} -ErrorVariable bad -ErrorAction SilentlyContinue; $r2 = {pipeline} -ErrorVariable +bad -ErrorAction SilentlyContinue; "
                + $"$before = $global:Error.Count; $r3 = {pipeline} -ErrorAction Ignore; "
                + "[pscustomobject]@{ Appended = $bad.Count; Ignored = $global:Error.Count - $before; Result = $null -ne $r3 }");
            Assert.Equal(2, Get(report, "Appended"));
            Assert.Equal(0, Get(report, "Ignored"));
            Assert.Equal(true, Get(report, "Result"));
            _ = command;
        }

        [Fact]
        public void A_terminating_error_is_not_hidden_by_ErrorAction_but_is_caught()
        {
            var report = Report("try { @() | Get-MLEstimate Normal -ErrorAction SilentlyContinue; $reached = $true } catch { $id = $_.FullyQualifiedErrorId }; "
                + "[pscustomobject]@{ Id = $id; Reached = [bool]$reached }");
            Assert.Equal("NoUsableInput,PSEstimation.Commands.GetMLEstimateCommand", Get(report, "Id"));
            Assert.Equal(false, Get(report, "Reached"));
        }

        [Fact]
        public void A_script_goes_on_after_a_terminating_error_unless_told_to_stop()
        {
            // PowerShell's rule: a terminating error ends its statement, not the script, under the
            // default $ErrorActionPreference; under 'Stop' it ends the script. (Its own runspace:
            // the fixture wraps every script in try/catch, which would catch the error first.)
            using var runspace = module.OpenRunspace();

            using var goesOn = PowerShell.Create();
            goesOn.Runspace = runspace;
            var output = goesOn.AddScript("@() | Get-MLEstimate Normal; 'next statement'").Invoke();
            Assert.Equal(new object[] { "next statement" }, output.Select(o => o.BaseObject));
            Assert.Equal("NoUsableInput,PSEstimation.Commands.GetMLEstimateCommand", Assert.Single(goesOn.Streams.Error).FullyQualifiedErrorId);

            using var stops = PowerShell.Create();
            stops.Runspace = runspace;
            var thrown = Assert.ThrowsAny<RuntimeException>(() => stops.AddScript("$ErrorActionPreference = 'Stop'; @() | Get-MLEstimate Normal; 'next statement'").Invoke());
            Assert.Equal("NoUsableInput,PSEstimation.Commands.GetMLEstimateCommand", thrown.ErrorRecord.FullyQualifiedErrorId);
            Assert.IsType<ArgumentException>(thrown.InnerException);
        }

        [Fact]
        public void WarningAction_Stop_and_WarningVariable_work_on_the_module_warnings()
        {
            // A value outside the support at given parameters: NLL +Infinity, with a warning.
            var report = Report("$r = -1, 1 | Measure-NegativeLogLikelihood Exponential -Parameter @{ Rate = 1 } -WarningVariable w -WarningAction SilentlyContinue; "
                + "try { -1, 1 | Measure-NegativeLogLikelihood Exponential -Parameter @{ Rate = 1 } -WarningAction Stop; $stopped = $false } catch { $stopped = $true }; "
                + "[pscustomobject]@{ Warnings = $w.Count; Stopped = $stopped; Value = $r.Value }");
            Assert.Equal(1, Get(report, "Warnings"));
            Assert.Equal(true, Get(report, "Stopped"));
            Assert.Equal(double.PositiveInfinity, Get(report, "Value"));
        }

        [Fact]
        public void Errors_of_every_value_are_reported_in_input_order()
        {
            var result = module.Run("1, 'a', [double]::NaN, -1, 2, $true | Get-MLEstimate Exponential");
            Assert.Equal(
                new[] { "NotANumber", "NonFiniteValue", "ValueOutsideSupport", "NotANumber" }.Select(id => id + ",PSEstimation.Commands.GetMLEstimateCommand"),
                result.ErrorIds);
            Assert.Equal(new[] { "index 1", "index 2", "index 3", "index 5" }, result.Errors.Select(e => System.Text.RegularExpressions.Regex.Match(e.Exception.Message, "index \\d+").Value));
            var fit = Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
            Assert.Equal(4, fit.SkippedCount);
            Assert.Equal(2, fit.SampleSize);
        }
    }
}
