using System;
using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>
    /// Get-MLEstimate through the real engine for the closed-form families (LogNormal,
    /// Exponential, Rayleigh, Pareto, Uniform, Laplace): one fit each, values outside the
    /// support, and samples that cannot be fitted.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class ClosedFormFamiliesTests
    {
        private const string Id = ",PSEstimation.Commands.GetMLEstimateCommand";
        private readonly ModuleFixture module;

        public ClosedFormFamiliesTests(ModuleFixture module) => this.module = module;

        private MLEstimate Single(string script)
        {
            var result = module.Run(script);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
        }

        // Expected values: scipy 1.10.1 fits (expon.fit / lognorm.fit / rayleigh.fit / pareto.fit with
        // floc=0, laplace.fit, uniform.fit) and the sums of their logpdf at the fit; Exponential and
        // Uniform log-likelihoods by hand: 5 log(5/5.1) - 5 and -4 log 3.
        [Theory]
        [InlineData("0.5, 1.2, 0.3, 2.2, 0.9 | Get-MLEstimate Exponential", "Rate", 0.9803921568627451, null, double.NaN, -5.099013136480898)]
        [InlineData("1.2, 3.4, 1.7, 2.2, 8.9, 1.05, 4.4 | Get-MLEstimate LogNormal", "MeanLog", 0.9202326545248931, "SdLog", 0.7053524466746317, -13.930794577002281)]
        [InlineData("Get-MLEstimate Rayleigh 0.8, 1.5, 2.3, 0.4, 3.1, 1.9, 1.2", "Scale", 1.2817398889233116, null, double.NaN, -8.420540701884883)]
        [InlineData("'1.2', '3.4', '1.7', '2.2', '8.9', '1.05', '4.4' | Get-MLEstimate pareto", "Scale", 1.05, "Shape", 1.1475226547561392, -12.478390743422379)]
        [InlineData("2, 5, 3, 4.5 | Get-MLEstimate Uniform", "Lower", 2.0, "Upper", 5.0, -4.394449154672439)]
        [InlineData("[pscustomobject]@{ V = 1 }, [pscustomobject]@{ V = 2 }, [pscustomobject]@{ V = 4 }, [pscustomobject]@{ V = 10 } | Get-MLEstimate Laplace -Property V", "Location", 3.0, "Scale", 2.75, -10.8189923689537)]
        public void One_fit_per_family(string script, string first, double firstValue, string? second, double secondValue, double logLikelihood)
        {
            var fit = Single(script);
            Tolerance.Relative(firstValue, (double)fit.Estimate[first]!, 1e-14, first);
            if (second is not null)
            {
                Tolerance.Relative(secondValue, (double)fit.Estimate[second]!, 1e-14, second);
            }

            Tolerance.Relative(logLikelihood, fit.LogLikelihood, 1e-13, "LogLikelihood");
            Assert.Equal(0, fit.SkippedCount);
            Assert.True(fit.Converged);
            Assert.StartsWith("Closed form", fit.Method);
        }

        [Fact]
        public void Non_regular_fits_show_no_standard_error_and_say_why()
        {
            var result = module.Run(
                "$u = 2, 5, 3, 4.5 | Get-MLEstimate Uniform; $p = 1.2, 3.4, 1.7, 2.2, 8.9, 1.05, 4.4 | Get-MLEstimate Pareto; " +
                "$null -eq $u.Parameters[0].StandardError; $null -eq $u.Parameters[1].Upper; $u.Method; \"$u\"; " +
                "$null -eq $p.Parameters[0].StandardError; $p.Parameters[1].StandardError; $p.Method");
            Assert.Null(result.TerminatingError);
            var values = result.Objects;
            Assert.Equal(true, values[0]);
            Assert.Equal(true, values[1]);
            Assert.Contains("boundary of the support", (string)values[2]);
            Assert.Equal("Uniform: Lower = 2, Upper = 5; n = 4; LogLikelihood = -4.394449155", (string)values[3]);
            Assert.Equal(true, values[4]);
            // Hand: SE(Shape) = Shape/sqrt(n), Shape from scipy 1.10.1 pareto.fit(floc=0).
            Tolerance.Relative(1.1475226547561392 / Math.Sqrt(7), (double)values[5], 1e-13, "SE(Shape)");
            Assert.Contains("Scale treated as known", (string)values[6]);
        }

        [Fact]
        public void Laplace_standard_errors_are_scale_over_root_n()
        {
            // tests/reference/README.md: Scale/sqrt(n) for both (1, 2, 4, 10: Scale 2.75, n = 4).
            var fit = Single("1, 2, 4, 10 | Get-MLEstimate Laplace");
            Tolerance.Relative(1.375, fit.Parameters[0].StandardError!.Value, 1e-15, "SE(Location)");
            Tolerance.Relative(1.375, fit.Parameters[1].StandardError!.Value, 1e-15, "SE(Scale)");
            Assert.Contains("kink", fit.Method);
        }

        [Fact]
        public void Fixed_parameters_are_honoured()
        {
            // scipy 1.10.1: pareto.fit(data, floc=0, fscale=1.0) -> b = 1.0866817158496618.
            var pareto = Single("1.2, 3.4, 1.7, 2.2, 8.9, 1.05, 4.4 | Get-MLEstimate Pareto -Fixed @{ scale = 1 }");
            Tolerance.Relative(1.0866817158496618, (double)pareto.Estimate["Shape"]!, 1e-14, "Shape");
            Assert.True(pareto.Parameters[0].Fixed);

            // scipy 1.10.1: laplace.fit([1, 2, 4, 10], floc=3.5) -> scale 2.75.
            var laplace = Single("1, 2, 4, 10 | Get-MLEstimate Laplace -Fixed @{ Location = 3.5 }");
            Tolerance.Relative(2.75, (double)laplace.Estimate["Scale"]!, 1e-15, "Scale");
        }

        [Theory]
        [InlineData("0.5, -1, 1.2 | Get-MLEstimate Exponential", "Rate", 2 / 1.7)]
        [InlineData("1.2, 0, 3.4 | Get-MLEstimate LogNormal", "MeanLog", 0.7030484942080352)]
        [InlineData("3, -1, 4 | Get-MLEstimate Rayleigh", "Scale", 2.5)]
        [InlineData("2, 0.5, 4 | Get-MLEstimate Pareto -Fixed @{ Scale = 1 }", "Shape", 0.9617966939259757)]
        [InlineData("2, 11, 4 | Get-MLEstimate Uniform -Fixed @{ Upper = 10 }", "Lower", 2.0)]
        public void Value_outside_the_support_is_skipped_and_counted(string script, string parameter, double expected)
        {
            // Hand, on the two values kept: Exponential 2/1.7; LogNormal (ln 1.2 + ln 3.4)/2;
            // Rayleigh sqrt(25/4) = 2.5; Pareto (Scale 1) 2/(ln 2 + ln 4) = 2/(3 ln 2); Uniform min 2.
            var result = module.Run(script);
            Assert.Null(result.TerminatingError);
            Assert.Equal(new[] { "ValueOutsideSupport" + Id }, result.ErrorIds);
            Assert.Contains("at index 1", result.Errors[0].Exception.Message);
            Assert.Contains("outside the support", result.Errors[0].Exception.Message);
            var fit = Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
            Assert.Equal(1, fit.SkippedCount);
            Assert.Equal(2, fit.SampleSize);
            Tolerance.Relative(expected, (double)fit.Estimate[parameter]!, 1e-14, parameter);
        }

        [Fact]
        public void Skipped_values_are_collected_by_error_variable()
        {
            var result = module.Run(
                "$f = -1, 2, -3, 4 | Get-MLEstimate Exponential -ErrorVariable bad -ErrorAction SilentlyContinue; " +
                "$bad.Count; $bad[0].FullyQualifiedErrorId; $f.SkippedCount");
            Assert.Empty(result.Errors);
            Assert.Equal(new object[] { 2, "ValueOutsideSupport" + Id, 2L }, result.Objects);
        }

        [Theory]
        [InlineData("0, 0 | Get-MLEstimate Exponential", "AllValuesZero")]
        [InlineData("0 | Get-MLEstimate Rayleigh -ErrorAction SilentlyContinue", "NoUsableInput")]
        [InlineData("7, 7, 7 | Get-MLEstimate LogNormal", "ZeroVariance")]
        [InlineData("5, 5 | Get-MLEstimate Pareto", "ZeroVariance")]
        [InlineData("3 | Get-MLEstimate Uniform", "ZeroVariance")]
        [InlineData("4, 4 | Get-MLEstimate Laplace", "ZeroVariance")]
        [InlineData("-1, -2 | Get-MLEstimate Exponential -ErrorAction SilentlyContinue", "NoUsableInput")]
        [InlineData("1, 2 | Get-MLEstimate Pareto -Fixed @{ Scale = 0 }", "InvalidParameterValue")]
        [InlineData("1, 2 | Get-MLEstimate LogNormal -Fixed @{ Sigma = 1 }", "UnknownParameter")]
        public void Unfittable_samples_are_terminating_errors(string script, string errorId)
        {
            var result = module.Run(script);
            Assert.NotNull(result.TerminatingError);
            Assert.Equal(errorId + Id, result.TerminatingError!.FullyQualifiedErrorId);
            Assert.Empty(result.Objects);
        }

        [Fact]
        public void Results_render_in_the_default_view()
        {
            string text = module.RunFormatted("2, 5, 3, 4.5 | Get-MLEstimate Uniform");
            var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            Assert.Matches(@"^Uniform\s+4\s+-4\.39445\s+12\.7889 Lower = 2$", lines[2]);
            Assert.Matches(@"^\s+Upper = 5$", lines[3]);
            Assert.DoesNotContain("NaN", text);
        }
    }
}
