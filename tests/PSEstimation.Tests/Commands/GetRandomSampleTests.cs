using System;
using System.Linq;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Get-RandomSample through the real engine: counts, seeds, fits from the pipeline, Categorical, errors.</summary>
    [Collection(ModuleCollection.Name)]
    public class GetRandomSampleTests
    {
        private const string Id = ",PSEstimation.Commands.GetRandomSampleCommand";
        private readonly ModuleFixture module;

        public GetRandomSampleTests(ModuleFixture module) => this.module = module;

        private object[] Run(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return result.Objects.ToArray();
        }

        [Fact]
        public void A_seed_gives_the_same_numbers_and_another_seed_others()
        {
            var a = Run("Get-RandomSample 1000 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 3 } -SetSeed 7").Cast<double>().ToArray();
            var b = Run("Get-RandomSample -Count 1000 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 3 } -SetSeed 7").Cast<double>().ToArray();
            var c = Run("Get-RandomSample 1000 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 3 } -SetSeed 8").Cast<double>().ToArray();
            Assert.Equal(1000, a.Length);
            Assert.Equal(a, b);
            Assert.NotEqual(a, c);
            Assert.All(a, x => Assert.True(x > 0));
            var unseeded = Run("Get-RandomSample 5 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 3 }").Cast<double>().ToArray();
            var again = Run("Get-RandomSample 5 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 3 }").Cast<double>().ToArray();
            Assert.NotEqual(unseeded, again);
        }

        [Fact]
        public void Draws_from_a_fit_have_its_moments()
        {
            // Exponential with Rate 0.5 (the MLE of data with mean 2): 10^5 draws have mean 2 within
            // 5 standard errors (2/sqrt(10^5) = 0.0063).
            var x = Run("1, 3 | Get-MLEstimate Exponential | Get-RandomSample 100000 -SetSeed 11").Cast<double>().ToArray();
            Assert.Equal(100000, x.Length);
            Assert.InRange(x.Average(), 2 - 5 * 0.0063, 2 + 5 * 0.0063);
        }

        [Fact]
        public void Categorical_draws_are_its_categories_in_proportion()
        {
            var x = Run("'a', 'a', 'a', 'b' | Get-MLEstimate Categorical | Get-RandomSample 40000 -SetSeed 3").Cast<string>().ToArray();
            Assert.All(x, v => Assert.Contains(v, new[] { "a", "b" }));
            // P(a) = 0.75: the share of 40000 draws is within 5 SE (0.0022) of it.
            Assert.InRange(x.Count(v => v == "a") / 40000.0, 0.75 - 0.011, 0.75 + 0.011);
        }

        [Fact]
        public void Count_zero_draws_nothing_and_a_negative_count_is_an_error()
        {
            Assert.Empty(Run("Get-RandomSample 0 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 }"));
            var result = module.Run("Get-RandomSample -1 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 }");
            Assert.Equal("InvalidCount" + Id, result.TerminatingError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void Discrete_draws_are_whole_numbers_in_the_support()
        {
            var x = Run("Get-RandomSample 2000 -Distribution Binomial -Parameter @{ P = 0.3; Trials = 12 } -SetSeed 5").Cast<double>().ToArray();
            Assert.All(x, v => Assert.True(v >= 0 && v <= 12 && v == Math.Floor(v), v.ToString()));
        }
    }
}
