using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Numerics;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Get-MLEstimate Logistic, Cauchy and StudentT through the real engine.</summary>
    [Collection(ModuleCollection.Name)]
    public class LocationScaleFamiliesTests
    {
        private const string Id = ",PSEstimation.Commands.GetMLEstimateCommand";
        private readonly ModuleFixture module;

        public LocationScaleFamiliesTests(ModuleFixture module) => this.module = module;

        private MLEstimate Single(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            Assert.Empty(result.Warnings);
            return Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
        }

        [Fact]
        public void Logistic_from_the_pipeline()
        {
            // scipy 1.10 logistic.fit, polished (LogisticFamilyTests): Location 10.128591781876903,
            // Scale 1.974732333248057, SE 0.4365854246921996, log L -161.9254357110477.
            var fit = Single("$args[0] | Get-MLEstimate Logistic", LogisticFamilyTests.Data);
            Assert.Equal("Logistic", fit.Distribution);
            Tolerance.Relative(10.128591781876903, (double)fit.Estimate["location"]!, 1e-8, "Location");
            Tolerance.Relative(1.974732333248057, (double)fit.Estimate["Scale"]!, 1e-8, "Scale");
            Tolerance.Relative(0.4365854246921996, fit.Parameters[0].StandardError!.Value, 1e-6, "SE(Location)");
            Tolerance.Relative(-161.9254357110477, fit.LogLikelihood, 1e-10, "LogLikelihood");
            Assert.True(fit.Converged);
        }

        [Fact]
        public void Cauchy_with_fixed_scale_reports_the_global_maximum()
        {
            // Two clusters, Scale fixed at 0.1 (CauchyFamilyTests): scipy's cauchy.fit stops at the
            // local maximum 3.19; the global maximum (minimize from several starts, mpmath) is
            // Location 19.999669972082852, log L -59.931167126135826.
            var fit = Single(
                "Get-MLEstimate Cauchy -InputObject $args[0] -Fixed @{ Scale = 0.1 }",
                new[] { -4.1, -2.7, -1.2, 0.3, 1.9, 3.2, 4.6, 20.0, 20.003, 19.998, 20.006, 19.995 });
            Tolerance.Relative(19.999669972082852, fit.Parameters[0].Value, 1e-8, "Location");
            Assert.Equal(0.1, fit.Parameters[1].Value);
            Assert.True(fit.Parameters[1].Fixed);
            Tolerance.Relative(-59.931167126135826, fit.LogLikelihood, 1e-10, "LogLikelihood");
            Assert.Contains("several starts", fit.Method);
        }

        [Fact]
        public void StudentT_with_fixed_degrees_of_freedom()
        {
            // scipy 1.10 t.fit(x, fdf=4), polished (StudentTFamilyTests): Location 0.9686852961905766,
            // Scale 0.7848515848137941, SE 0.07505523487510356 and 0.06155030554630644, log L -216.7330376039132.
            var result = module.Run(
                "$f = $args[0] | Get-MLEstimate StudentT -Fixed @{ DegreesOfFreedom = 4 }; $f; $f.Estimate.DegreesOfFreedom; \"$f\"",
                StudentTFamilyTests.Data);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var fit = Assert.IsType<MLEstimate>(result.Objects[0]);
            Tolerance.Relative(0.9686852961905766, fit.Parameters[0].Value, 1e-8, "Location");
            Tolerance.Relative(0.7848515848137941, fit.Parameters[1].Value, 1e-8, "Scale");
            Tolerance.Relative(0.07505523487510356, fit.Parameters[0].StandardError!.Value, 1e-6, "SE(Location)");
            Tolerance.Relative(0.06155030554630644, fit.Parameters[1].StandardError!.Value, 1e-6, "SE(Scale)");
            Assert.Equal(0.0, fit.Parameters[2].StandardError);
            Tolerance.Relative(-216.7330376039132, fit.LogLikelihood, 1e-10, "LogLikelihood");
            Assert.Equal(4.0, (double)result.Objects[1]);
            Assert.StartsWith("StudentT: Location = ", (string)result.Objects[2]);
        }

        [Fact]
        public void StudentT_free_fit()
        {
            // scipy 1.10 t.fit, polished (StudentTFamilyTests): DegreesOfFreedom 3.5541123433040807.
            var fit = Single("$args[0] | Get-MLEstimate StudentT", StudentTFamilyTests.Data);
            Tolerance.Relative(3.5541123433040807, fit.Parameters[2].Value, 1e-8, "DegreesOfFreedom");
            Tolerance.Relative(-216.69330892391807, fit.LogLikelihood, 1e-10, "LogLikelihood");
            Assert.Equal(3, fit.FisherInformation.GetLength(0));
        }

        [Theory]
        [InlineData("5, 5, 5 | Get-MLEstimate Logistic", "ZeroVariance")]
        [InlineData("5 | Get-MLEstimate Cauchy", "ZeroVariance")]
        [InlineData("0, 0, 1, 2 | Get-MLEstimate Cauchy", "UnboundedLikelihood")]
        [InlineData("5, 5, 5 | Get-MLEstimate StudentT -Fixed @{ DegreesOfFreedom = 4 }", "ZeroVariance")]
        [InlineData("1, 2, 3 | Get-MLEstimate StudentT -Fixed @{ DegreesOfFreedom = 0 }", "InvalidParameterValue")]
        [InlineData("1, 2, 3 | Get-MLEstimate Logistic -Fixed @{ Scale = -1 }", "InvalidParameterValue")]
        public void Unusable_requests_are_terminating_errors(string script, string errorId)
        {
            var result = module.Run(script);
            Assert.NotNull(result.TerminatingError);
            Assert.Equal(errorId + Id, result.TerminatingError!.FullyQualifiedErrorId);
        }
    }
}
