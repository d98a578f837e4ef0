using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>What a first-time user ran into (a trial run of the module), kept fixed.</summary>
    [Collection(ModuleCollection.Name)]
    public class UsabilityTests
    {
        private readonly ModuleFixture module;

        public UsabilityTests(ModuleFixture module) => this.module = module;

        [Fact]
        public void Distribution_may_precede_Estimate_and_must_agree_with_it()
        {
            // CONTRACT.md: the NLL of the seed data at its MLE is 3.926523529277739.
            var same = module.Run("$f = 2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal; 2.3, 2.5, 3.1, 3.8, 2.7 | Measure-NegativeLogLikelihood Normal -Estimate $f");
            Assert.Empty(same.Errors);
            Tolerance.Relative(3.926523529277739, Assert.IsType<NegativeLogLikelihood>(Assert.Single(same.Objects)).Value, 1e-14, "NLL");

            var other = module.Run("$f = 2.3, 2.5 | Get-MLEstimate Normal; 2.3 | Measure-NegativeLogLikelihood Gamma -Estimate $f");
            Assert.Equal("InvalidEstimate,PSEstimation.Commands.MeasureNegativeLogLikelihoodCommand", other.TerminatingError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void A_null_keeps_its_place_so_Index_is_the_input_position()
        {
            var result = module.Run("$d = 1.0, $null, 'x', 2.0; $d | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1 } -PerObservation");
            Assert.Contains("at index 2", result.Errors.Single().Exception.Message);
            Assert.Equal(new long[] { 0, 3 }, result.Objects.Cast<ObservationNegativeLogLikelihood>().Select(o => o.Index));
        }

        [Fact]
        public void A_misspelt_GroupBy_property_stops_instead_of_pooling_every_group()
        {
            var result = module.Run("@{ Model = 'a'; Actual = 1; Predicted = 2 }, @{ Model = 'b'; Actual = 3; Predicted = 3 } | Measure-RegressionLoss -GroupBy Modle");
            Assert.Equal("PropertyNotFound,PSEstimation.Commands.MeasureRegressionLossCommand", result.TerminatingError?.FullyQualifiedErrorId);
            Assert.Contains("'Modle'", result.TerminatingError!.Exception.Message);
        }

        [Fact]
        public void Comparing_families_keeps_the_criteria_visible()
        {
            string text = module.RunFormatted("$rt = 0.41, 0.52, 0.38, 0.95, 0.61, 0.47, 1.30, 0.55; 'Normal', 'StudentT', 'Uniform' | ForEach-Object { $rt | Get-MLEstimate $_ }");
            var header = text.Split('\n').Select(l => l.TrimEnd()).First(l => l.StartsWith("Distribution"));
            Assert.Contains("LogLikelihood", header);
            Assert.Contains("AIC", header);
        }
    }
}
