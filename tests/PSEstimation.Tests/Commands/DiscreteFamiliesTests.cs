using System;
using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Get-MLEstimate with the discrete families through the real engine.</summary>
    [Collection(ModuleCollection.Name)]
    public class DiscreteFamiliesTests
    {
        private const string Id = ",PSEstimation.Commands.GetMLEstimateCommand";
        private readonly ModuleFixture module;

        public DiscreteFamiliesTests(ModuleFixture module) => this.module = module;

        private MLEstimate Single(string script)
        {
            var result = module.Run(script);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
        }

        [Theory]
        // scipy 1.10 logpmf sums at the closed-form estimates (see the Numerics tests of each family).
        [InlineData("2, 0, 3, 1, 4, 2, 2, 5, 1, 0, 3, 2 | Get-MLEstimate Poisson", "Lambda", 2.0833333333333335, -20.97242385682087)]
        [InlineData("1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1 | Get-MLEstimate Bernoulli", "P", 0.6363636363636364, -7.21029951291532)]
        [InlineData("3, 5, 2, 7, 4, 0, 6, 3 | Get-MLEstimate Binomial -Fixed @{ Trials = 7 }", "P", 0.5357142857142857, -19.97226403377476)]
        [InlineData("0, 2, 1, 5, 0, 3, 1, 0, 8, 2 | Get-MLEstimate Geometric", "P", 0.3125, -19.874763985767846)]
        // mpmath 1.2.1 root of the profile score (NegativeBinomialFamilyTests).
        [InlineData("0, 1, 1, 2, 5, 0, 3, 9, 1, 0, 4, 12, 2, 0, 1 | Get-MLEstimate NegativeBinomial", "Size", 0.8396951456949169, -32.48724014774803)]
        public void One_fit_per_family(string script, string parameter, double value, double logLikelihood)
        {
            var fit = Single(script);
            Tolerance.Relative(value, (double)fit.Estimate[parameter]!, 1e-9, parameter);
            Tolerance.Relative(logLikelihood, fit.LogLikelihood, 1e-12, "LogLikelihood");
        }

        [Fact]
        public void Booleans_count_as_ones_and_zeros_for_bernoulli()
        {
            var fit = Single("$true, $false, $true | Get-MLEstimate Bernoulli");
            Tolerance.Relative(2.0 / 3, fit.Parameters[0].Value, 1e-15, "P");
            Assert.Equal(3, fit.SampleSize);
        }

        [Fact]
        public void Booleans_are_not_numbers_elsewhere()
        {
            var result = module.Run("$true, 1, 2 | Get-MLEstimate Poisson");
            Assert.Equal(new[] { "NotANumber" + Id }, result.ErrorIds);
            Assert.Equal(2, Assert.IsType<MLEstimate>(Assert.Single(result.Objects)).SampleSize);
        }

        [Fact]
        public void Binomial_without_trials_is_a_terminating_error()
        {
            var result = module.Run("3, 4 | Get-MLEstimate Binomial");
            Assert.NotNull(result.TerminatingError);
            Assert.Equal("MissingParameter" + Id, result.TerminatingError!.FullyQualifiedErrorId);
            Assert.Contains("Trials", result.TerminatingError.Exception.Message);
        }

        [Fact]
        public void Binomial_with_fractional_trials_is_a_terminating_error()
        {
            var result = module.Run("3, 4 | Get-MLEstimate Binomial -Fixed @{ Trials = 7.5 }");
            Assert.NotNull(result.TerminatingError);
            Assert.Equal("InvalidParameterValue" + Id, result.TerminatingError!.FullyQualifiedErrorId);
        }

        [Fact]
        public void Binomial_estimate_carries_trials()
        {
            var result = module.Run("$fit = 3, 5, 2, 7 | Get-MLEstimate Binomial -Fixed @{ trials = 7 }; $fit.Estimate.Trials; $fit.Estimate.P");
            Assert.Null(result.TerminatingError);
            Assert.Equal(7.0, Convert.ToDouble(result.Objects[0]));
            Tolerance.Relative(17.0 / 28, Convert.ToDouble(result.Objects[1]), 1e-15, "P");
        }

        [Fact]
        public void Fraction_for_poisson_is_skipped_as_outside_the_support()
        {
            var result = module.Run("1, 2.5, 3 | Get-MLEstimate Poisson");
            Assert.Equal(new[] { "ValueOutsideSupport" + Id }, result.ErrorIds);
            Assert.Contains("'2.5' at index 1", result.Errors[0].Exception.Message);
            var fit = Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
            Assert.Equal(2.0, fit.Parameters[0].Value);
            Assert.Equal(1, fit.SkippedCount);
        }

        [Fact]
        public void Value_above_trials_is_skipped()
        {
            var result = module.Run("3, 11, 4 | Get-MLEstimate Binomial -Fixed @{ Trials = 10 }");
            Assert.Equal(new[] { "ValueOutsideSupport" + Id }, result.ErrorIds);
            Assert.Equal(2, Assert.IsType<MLEstimate>(Assert.Single(result.Objects)).SampleSize);
        }

        [Fact]
        public void Underdispersed_negative_binomial_suggests_poisson()
        {
            var result = module.Run("1, 2, 3 | Get-MLEstimate NegativeBinomial");
            Assert.NotNull(result.TerminatingError);
            Assert.Equal("NoFiniteEstimate" + Id, result.TerminatingError!.FullyQualifiedErrorId);
            Assert.Contains("Poisson", result.TerminatingError.Exception.Message);
        }

        [Fact]
        public void Boundary_estimate_has_no_standard_error()
        {
            var fit = Single("0, 0, 0 | Get-MLEstimate Geometric");
            Assert.Equal(1.0, fit.Parameters[0].Value);
            Assert.Null(fit.Parameters[0].StandardError);
            Assert.Equal(0.0, fit.LogLikelihood);
            Assert.Contains("boundary", fit.Method);
            Assert.True(fit.ToString().Length > 0);
        }
    }
}
