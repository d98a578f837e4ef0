using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Get-MLEstimate's weights, bulk array path and Categorical family, through the real engine.</summary>
    [Collection(ModuleCollection.Name)]
    public class GetMLEstimateInputTests
    {
        private const string Id = ",PSEstimation.Commands.GetMLEstimateCommand";
        private readonly ModuleFixture module;

        public GetMLEstimateInputTests(ModuleFixture module) => this.module = module;

        private MLEstimate Fit(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
        }

        [Fact]
        public void Weights_equal_the_expanded_sample()
        {
            // 1 ×3, 4 ×2 is the sample 1, 1, 1, 4, 4: mean 2.2, variance Σ(x - 2.2)²/5 = 2.16 (hand).
            var byArray = Fit("Get-MLEstimate Normal -InputObject 1, 4 -Weight 3, 2");
            var byProperty = Fit("@{ V = 1; N = 3 }, @{ V = 4; N = 2 } | Get-MLEstimate Normal -Property V -WeightProperty N");
            var expanded = Fit("1, 1, 1, 4, 4 | Get-MLEstimate Normal");
            foreach (var fit in new[] { byArray, byProperty })
            {
                Assert.Equal(5, fit.SampleSize);
                Tolerance.Relative(2.2, fit.Parameters[0].Value, 1e-14, "Mean");
                Tolerance.Relative(2.16, fit.Parameters[1].Value, 1e-14, "Variance");
                Tolerance.Relative(expanded.LogLikelihood, fit.LogLikelihood, 1e-14, "LogLikelihood");
                Tolerance.Relative(expanded.BIC, fit.BIC, 1e-14, "BIC");
                Tolerance.Relative(expanded.Parameters[1].StandardError!.Value, fit.Parameters[1].StandardError!.Value, 1e-14, "SE");
            }
        }

        [Fact]
        public void Bad_weights_are_reported()
        {
            var result = module.Run("@{ V = 1; N = 3 }, @{ V = 2; N = -1 }, @{ V = 4; N = 'x' }, @{ V = 5; N = 2 } | Get-MLEstimate Normal -Property V -WeightProperty N");
            Assert.Equal(new[] { "InvalidWeight" + Id, "InvalidWeight" + Id }, result.ErrorIds);
            var fit = Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
            Assert.Equal(5, fit.SampleSize);
            Assert.Equal(2, fit.SkippedCount);

            var mismatch = module.Run("Get-MLEstimate Normal -InputObject 1, 2, 3 -Weight 1, 2");
            Assert.Equal("InvalidWeight" + Id, mismatch.TerminatingError?.FullyQualifiedErrorId);
        }

        [Theory]
        [InlineData("[double[]]")]
        [InlineData("[int[]]")]
        [InlineData("[long[]]")]
        [InlineData("[float[]]")]
        [InlineData("[System.Collections.Generic.List[double]]")]
        [InlineData("[System.Collections.Generic.List[int]]")]
        public void Typed_arrays_take_the_bulk_path_with_the_same_result(string type)
        {
            // 0..199999 (200000 values, more than one 65536-value chunk): mean 99999.5 and
            // MLE variance (n² - 1)/12 = 3333333333.25 (hand: the discrete uniform's variance).
            var fit = Fit($"$a = {type}(0..199999); Get-MLEstimate Normal -InputObject $a");
            Assert.Equal(200000, fit.SampleSize);
            Tolerance.Relative(99999.5, fit.Parameters[0].Value, 1e-15, "Mean");
            Tolerance.Relative((200000.0 * 200000 - 1) / 12, fit.Parameters[1].Value, 1e-13, "Variance");
        }

        [Fact]
        public void A_bad_value_in_a_bulk_array_is_reported_with_its_index()
        {
            var result = module.Run("$a = [double[]](1..100000); $a[70000] = [double]::NaN; Get-MLEstimate Normal -InputObject $a");
            Assert.Equal(new[] { "NonFiniteValue" + Id }, result.ErrorIds);
            Assert.Contains("at index 70000 ", result.Errors[0].Exception.Message);
            var fit = Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
            Assert.Equal(99999, fit.SampleSize);
            Assert.Equal(1, fit.SkippedCount);
        }

        [Fact]
        public void Bulk_path_keeps_huge_offsets_exact()
        {
            // 1e9 + (0..99999)/1000: variance (n² - 1)/12 / 1e6 with n = 100000 (hand).
            var fit = Fit("$a = [double[]](0..99999 | ForEach-Object { 1e9 + $_ / 1000 }); Get-MLEstimate Normal -InputObject $a");
            Tolerance.Relative((1e10 - 1) / 12 / 1e6, fit.Parameters[1].Value, 1e-9, "Variance");
        }

        [Fact]
        public void Categorical_gives_relative_frequencies()
        {
            // Counts a: 3, b: 1, c: 2 of n = 6 (the string 'A' counts as 'a', as Group-Object groups it).
            var fit = Fit("'a', 'b', 'A', 'c', 'a', 'c' | Get-MLEstimate Categorical");
            Assert.Equal(new[] { "a", "b", "c" }, fit.Parameters.Select(p => p.Name));
            Tolerance.Relative(0.5, fit.Parameters[0].Value, 1e-15, "p(a)");
            Tolerance.Relative(1.0 / 6, fit.Parameters[1].Value, 1e-15, "p(b)");
            // log L = 3 log(1/2) + log(1/6) + 2 log(1/3); AIC with K - 1 = 2 parameters (hand).
            double logLik = 3 * System.Math.Log(0.5) + System.Math.Log(1.0 / 6) + 2 * System.Math.Log(1.0 / 3);
            Tolerance.Relative(logLik, fit.LogLikelihood, 1e-14, "LogLikelihood");
            Tolerance.Relative(4 - 2 * logLik, fit.AIC, 1e-14, "AIC");
            // SE of a binomial proportion, sqrt(p(1-p)/n).
            Tolerance.Relative(System.Math.Sqrt(0.25 / 6), fit.Parameters[0].StandardError!.Value, 1e-14, "SE(a)");
            Tolerance.Relative(-0.5 / 6 / 6, fit.Covariance[0, 1], 1e-14, "Cov(a, b)");
        }

        [Fact]
        public void Categorical_takes_any_scalar_and_weights()
        {
            var fit = Fit("1, 2, 1.0, $true, [System.DayOfWeek]::Monday | Get-MLEstimate Categorical");
            Assert.Equal(new[] { "1", "2", "True", "Monday" }, fit.Parameters.Select(p => p.Name));
            Tolerance.Relative(0.4, (double)fit.Estimate["1"]!, 1e-15, "p(1)");

            var weighted = Fit("@{ K = 'x'; N = 3 }, @{ K = 'y'; N = 1 } | Get-MLEstimate Categorical -Property K -WeightProperty N");
            Tolerance.Relative(0.75, (double)weighted.Estimate["x"]!, 1e-15, "p(x)");
            Assert.Equal(4, weighted.SampleSize);
        }
    }
}
