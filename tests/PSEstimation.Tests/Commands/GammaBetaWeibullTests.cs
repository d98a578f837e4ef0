using System;
using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Numerics;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Get-MLEstimate Gamma, Beta and Weibull through the real engine.</summary>
    [Collection(ModuleCollection.Name)]
    public class GammaBetaWeibullTests
    {
        private const string Id = ",PSEstimation.Commands.GetMLEstimateCommand";
        private readonly ModuleFixture module;

        public GammaBetaWeibullTests(ModuleFixture module) => this.module = module;

        private MLEstimate Single(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
        }

        [Fact]
        public void Gamma_from_the_pipeline()
        {
            // scipy 1.10.1 reference of GammaFamilyTests.Fit_matches_scipy_on_a_second_data_set.
            var fit = Single("$args[0] | Get-MLEstimate Gamma", GammaFamilyTests.Data);
            Assert.Equal("Gamma", fit.Distribution);
            Tolerance.Relative(0.9200066609847174, (double)fit.Estimate["Shape"]!, 1e-9, "Shape");
            Tolerance.Relative(0.5386282414703961, (double)fit.Estimate["rate"]!, 1e-9, "Rate");
            Tolerance.Relative(-61.321080681327274, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Assert.True(fit.Converged);
        }

        [Fact]
        public void Gamma_with_fixed_shape()
        {
            // Rate = 2 / mean (hand; scipy 1.10.1 gamma.fit(g, f0=2, floc=0) agrees): 1.170922482004385.
            var fit = Single("Get-MLEstimate Gamma -InputObject $args[0] -Fixed @{ Shape = 2 }", GammaFamilyTests.Data);
            Assert.Equal(2.0, (double)fit.Estimate["Shape"]!);
            Tolerance.Relative(1.170922482004385, (double)fit.Estimate["Rate"]!, 1e-13, "Rate");
            Assert.True(fit.Parameters[0].Fixed);
            Assert.Equal(0.0, fit.Parameters[0].StandardError);
        }

        [Fact]
        public void Beta_positional()
        {
            // scipy 1.10.1 reference of BetaFamilyTests.Fit_matches_scipy_on_a_second_data_set.
            var fit = Single("Get-MLEstimate Beta $args[0]", BetaFamilyTests.Data);
            Tolerance.Relative(0.5965401600441005, fit.Parameters[0].Value, 1e-9, "Alpha");
            Tolerance.Relative(0.9345805870383778, fit.Parameters[1].Value, 1e-9, "Beta");
            Tolerance.Relative(0.11625927370620084, fit.Parameters[0].StandardError!.Value, 1e-6, "SE(Alpha)");
        }

        [Fact]
        public void Weibull_by_property()
        {
            // scipy 1.10.1 reference of WeibullFamilyTests.Fit_matches_scipy_on_a_second_data_set.
            var fit = Single("$args[0] | ForEach-Object { [pscustomobject]@{ Hours = $_ } } | Get-MLEstimate Weibull -Property Hours", WeibullFamilyTests.Data);
            Tolerance.Relative(1.023799675419529, (double)fit.Estimate["Shape"]!, 1e-9, "Shape");
            Tolerance.Relative(5.40178238659058, (double)fit.Estimate["Scale"]!, 1e-9, "Scale");
            Assert.Equal("Hours", fit.Property);
        }

        [Theory]
        [InlineData("Gamma")]
        [InlineData("Beta")]
        [InlineData("Weibull")]
        public void Verbose_stream_carries_the_optimiser_trace(string distribution)
        {
            var data = distribution == "Beta" ? BetaFamilyTests.Data : GammaFamilyTests.Data;
            var result = module.Run("$args[1] | Get-MLEstimate $args[0] -Verbose", distribution, data);
            Assert.Null(result.TerminatingError);
            var fit = Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
            var lines = result.Verbose.Select(v => v.Message).ToList();
            Assert.Contains(lines, l => l.StartsWith("Starting values: ", StringComparison.Ordinal));
            Assert.Equal(fit.Iterations, lines.Count(l => l.StartsWith("Newton iteration", StringComparison.Ordinal)));
            Assert.InRange(fit.Iterations, 1, 30);
        }

        [Fact]
        public void No_trace_without_verbose()
            => Assert.Empty(module.Run("$args[0] | Get-MLEstimate Gamma", GammaFamilyTests.Data).Verbose);

        [Fact]
        public void Beta_value_outside_the_support_is_reported_and_skipped()
        {
            var result = module.Run("0.2, 1.2, 0.4, 0.5, 1, 0 | Get-MLEstimate Beta -ErrorVariable err -ErrorAction SilentlyContinue; $err.Count; $err[0].FullyQualifiedErrorId; $err[0].Exception.Message");
            Assert.Null(result.TerminatingError);
            var fit = Assert.IsType<MLEstimate>(result.Objects[0]);
            Assert.Equal(3, fit.SampleSize);
            Assert.Equal(3, fit.SkippedCount);
            Assert.Equal(3, result.Objects[1]);
            Assert.Equal("ValueOutsideSupport" + Id, result.Objects[2]);
            Assert.Contains("'1.2' at index 1", (string)result.Objects[3]);
            Assert.Contains("0 < x < 1", (string)result.Objects[3]);
        }

        [Theory]
        [InlineData("0, 1, 2 | Get-MLEstimate Gamma")]
        [InlineData("-1, 1, 2 | Get-MLEstimate Weibull")]
        public void Gamma_and_Weibull_reject_values_that_are_not_positive(string script)
        {
            var result = module.Run(script);
            Assert.Equal(new[] { "ValueOutsideSupport" + Id }, result.ErrorIds);
            Assert.Equal(2, Assert.IsType<MLEstimate>(Assert.Single(result.Objects)).SampleSize);
        }

        [Theory]
        [InlineData("5, 5, 5 | Get-MLEstimate Gamma", "ZeroVariance")]
        [InlineData("5 | Get-MLEstimate Weibull", "ZeroVariance")]
        [InlineData("0.5, 0.5 | Get-MLEstimate Beta", "ZeroVariance")]
        [InlineData("1e300, 2e300, 4e300 | Get-MLEstimate Gamma", "InformationOutOfRange")]
        [InlineData("1e-300, 2e-300, 4e-300 | Get-MLEstimate Weibull", "InformationOutOfRange")]
        [InlineData("1, 2 | Get-MLEstimate Gamma -Fixed @{ Rate = 0 }", "InvalidParameterValue")]
        public void Unfittable_samples_are_terminating_errors(string script, string errorId)
        {
            var result = module.Run(script);
            Assert.NotNull(result.TerminatingError);
            Assert.Equal(errorId + Id, result.TerminatingError!.FullyQualifiedErrorId);
        }
    }
}
