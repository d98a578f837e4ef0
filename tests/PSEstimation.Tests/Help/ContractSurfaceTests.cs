using System;
using System.Linq;
using Xunit;

namespace PSEstimation.Tests.Help
{
    /// <summary>
    /// The public surface of shared/CONTRACT.md, name for name: the result types and every
    /// property the contract lists (copied here from the contract's "Result objects" section).
    /// </summary>
    public class ContractSurfaceTests
    {
        [Theory]
        [InlineData(typeof(MLEstimate), "Distribution SampleSize Parameters Estimate LogLikelihood NegativeLogLikelihood AIC BIC Score FisherInformation Covariance ConfidenceLevel Method Iterations Converged SkippedCount")]
        [InlineData(typeof(ParameterEstimate), "Name Value StandardError Lower Upper")]
        [InlineData(typeof(NegativeLogLikelihood), "Distribution SampleSize Parameters Value LogLikelihood Gradient FisherInformation SkippedCount")]
        [InlineData(typeof(ObservationNegativeLogLikelihood), "Index Value NegativeLogLikelihood")]
        [InlineData(typeof(MAPEstimate), "Distribution SampleSize Prior Parameters Estimate Posterior LogPosterior MLEstimate Method")]
        [InlineData(typeof(RegressionLoss), "SampleSize MeanSquaredError RootMeanSquaredError MeanAbsoluteError MedianAbsoluteError MaxError MeanAbsolutePercentageError RSquared ExplainedVariance HuberLoss HuberDelta LogCoshLoss PinballLoss Quantile GaussianVariance GaussianNegativeLogLikelihood GaussianLogLikelihood LaplaceScale LaplaceNegativeLogLikelihood LaplaceLogLikelihood MSE RMSE MAE R2 SkippedCount")]
        public void Result_type_has_every_contract_property(Type type, string properties)
        {
            Assert.Equal("PSEstimation", type.Namespace);
            Assert.True(type.IsPublic);
            var actual = type.GetProperties().Select(p => p.Name).ToHashSet();
            foreach (string name in properties.Split(' '))
            {
                Assert.True(actual.Contains(name), $"{type.FullName} lacks {name}");
            }
        }

        [Fact]
        public void Map_parameters_carry_the_posterior_summaries()
        {
            var parameterType = typeof(MAPEstimate).GetProperty("Parameters")!.PropertyType.GetElementType()!;
            var names = parameterType.GetProperties().Select(p => p.Name).ToHashSet();
            foreach (string name in new[] { "Name", "Value", "PosteriorMean", "PosteriorStandardDeviation", "Lower", "Upper" })
            {
                Assert.True(names.Contains(name), $"{parameterType.FullName} lacks {name}");
            }
        }

        [Fact]
        public void Matrices_are_two_dimensional_double_arrays()
        {
            Assert.Equal(typeof(double[,]), typeof(MLEstimate).GetProperty("FisherInformation")!.PropertyType);
            Assert.Equal(typeof(double[,]), typeof(MLEstimate).GetProperty("Covariance")!.PropertyType);
            Assert.Equal(typeof(double[,]), typeof(NegativeLogLikelihood).GetProperty("FisherInformation")!.PropertyType);
        }

        [Fact]
        public void Every_contract_distribution_is_a_name_of_the_enum()
        {
            string[] contract = { "Normal", "Gaussian", "LogNormal", "Exponential", "Gamma", "Weibull", "Beta", "Laplace", "Logistic", "Cauchy", "StudentT", "Uniform", "Pareto", "Rayleigh", "Poisson", "Bernoulli", "Binomial", "Geometric", "NegativeBinomial", "Categorical" };
            Assert.Equal(contract.OrderBy(n => n), Enum.GetNames(typeof(DistributionName)).OrderBy(n => n));
        }
    }
}
