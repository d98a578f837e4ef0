using System;
using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Measure-NegativeLogLikelihood for Categorical: any scalar in, probabilities by category name.</summary>
    [Collection(ModuleCollection.Name)]
    public class CategoricalNegativeLogLikelihoodTests
    {
        private const string Id = ",PSEstimation.Commands.MeasureNegativeLogLikelihoodCommand";
        private readonly ModuleFixture module;

        public CategoricalNegativeLogLikelihoodTests(ModuleFixture module) => this.module = module;

        [Fact]
        public void At_the_fit_the_nll_is_minus_its_log_likelihood_and_the_gradient_zero()
        {
            // a ×3, b ×1, c ×2: NLL = -(3 log 1/2 + log 1/6 + 2 log 1/3) (hand).
            var result = module.Run("$d = 'a', 'b', 'a', 'c', 'a', 'c'; $fit = $d | Get-MLEstimate Categorical; $d | Measure-NegativeLogLikelihood -Estimate $fit");
            Assert.Null(result.TerminatingError);
            var nll = Assert.IsType<NegativeLogLikelihood>(Assert.Single(result.Objects));
            Tolerance.Relative(-(3 * Math.Log(0.5) + Math.Log(1.0 / 6) + 2 * Math.Log(1.0 / 3)), nll.Value, 1e-14, "NLL");
            Assert.All(nll.Gradient, g => Assert.True(Math.Abs(g) < 1e-12));
            Tolerance.Relative(6 / 0.5, nll.FisherInformation[0, 0], 1e-14, "I(a)");
        }

        [Fact]
        public void Piped_doubles_are_categories_when_the_estimate_is_Categorical()
        {
            // The doubles' fast path is decided at the first record, after -Estimate has said Categorical:
            // 1.5 ×3 and 2.5 ×1 at p = (3/4, 1/4): NLL = 3 log(4/3) + log 4 (hand).
            var result = module.Run("$d = 1.5, 2.5, 1.5, 1.5; $fit = $d | Get-MLEstimate Categorical; $d | Measure-NegativeLogLikelihood -Estimate $fit");
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var nll = Assert.IsType<NegativeLogLikelihood>(Assert.Single(result.Objects));
            Tolerance.Relative(3 * Math.Log(4.0 / 3) + Math.Log(4), nll.Value, 1e-14, "NLL");
        }

        [Fact]
        public void Gradient_is_projected_onto_the_simplex()
        {
            // a ×2, b ×1 at p = (0.5, 0.5): ∂NLL/∂p = (-4, -2); minus their mean -3 gives (-1, 1) (hand).
            var result = module.Run("'a', 'a', 'b' | Measure-NegativeLogLikelihood Categorical -Parameter @{ a = 0.5; b = 0.5 }");
            var nll = Assert.IsType<NegativeLogLikelihood>(Assert.Single(result.Objects));
            Assert.Equal(new[] { -1.0, 1.0 }, nll.Gradient);
            Tolerance.Relative(3 * Math.Log(2), nll.Value, 1e-14, "NLL");
        }

        [Fact]
        public void Unknown_category_has_zero_likelihood_with_a_warning()
        {
            var result = module.Run("'a', 'z', 'A' | Measure-NegativeLogLikelihood Categorical -Parameter @{ a = 0.25; b = 0.75 } -PerObservation");
            var rows = result.Objects.Cast<ObservationNegativeLogLikelihood>().ToList();
            Assert.Equal(new object?[] { "a", "z", "A" }, rows.Select(r => r.Category));
            Tolerance.Relative(Math.Log(4), rows[0].NegativeLogLikelihood, 1e-15, "NLL(a)");
            Assert.Equal(double.PositiveInfinity, rows[1].NegativeLogLikelihood);
            Tolerance.Relative(Math.Log(4), rows[2].NegativeLogLikelihood, 1e-15, "NLL(A): categories match case-insensitively, as Group-Object");
            Assert.Single(result.Warnings);
        }

        [Theory]
        [InlineData("'a' | Measure-NegativeLogLikelihood Categorical -Parameter @{ a = 0.5; b = 0.6 }", "InvalidParameterValue")]
        [InlineData("'a' | Measure-NegativeLogLikelihood Categorical -Parameter @{ a = -0.5; b = 1.5 }", "InvalidParameterValue")]
        [InlineData("'a' | Measure-NegativeLogLikelihood Categorical -Parameter @{}", "MissingParameter")]
        public void Invalid_probability_tables_are_terminating_errors(string script, string errorId)
            => Assert.Equal(errorId + Id, module.Run(script).TerminatingError?.FullyQualifiedErrorId);
    }
}
