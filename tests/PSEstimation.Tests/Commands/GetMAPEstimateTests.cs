using System.Collections;
using System.Collections.Generic;
using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Numerics;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Get-MAPEstimate through the real engine: binding forms, prior forms, errors by full id, the default view.</summary>
    [Collection(ModuleCollection.Name)]
    public class GetMAPEstimateTests
    {
        private const string Id = ",PSEstimation.Commands.GetMAPEstimateCommand";
        private readonly ModuleFixture module;

        public GetMAPEstimateTests(ModuleFixture module) => this.module = module;

        private MAPEstimate Single(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return Assert.IsType<MAPEstimate>(Assert.Single(result.Objects));
        }

        [Theory]
        [InlineData("2.3, 2.5, 2.7, 2.9, 3.1 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }")]
        [InlineData("Get-MAPEstimate -Distribution Normal -InputObject 2.3, 2.5, 2.7, 2.9, 3.1 -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }")]
        [InlineData("Get-MAPEstimate Normal 2.3, 2.5, 2.7, 2.9, 3.1 -Fixed @{ Variance = 1 } -Prior @{ mean = 'normal(2, 0.5)' }")]
        [InlineData("'2.3', '2.5', '2.7', '2.9', '3.1' | Get-MAPEstimate Gaussian -Fixed @{ Variance = 1 } -Prior 'Normal(2, 0.5)'")]
        [InlineData("2.3, 2.5, 2.7, 2.9, 3.1 | ForEach-Object { [pscustomobject]@{ T = $_ } } | Get-MAPEstimate Normal -Property T -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }")]
        [InlineData("@{ T = 2.3 }, @{ T = 2.5 }, @{ T = 2.7 }, @{ T = 2.9 }, @{ T = 3.1 } | Get-MAPEstimate Normal -Property T -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }")]
        [InlineData(",[double[]](2.3, 2.5, 2.7, 2.9, 3.1) | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior ([ordered]@{ Mean = 'Normal(2, 0.5)' })")]
        [InlineData("$p = @{ Mean = 'Normal(2, 0.5)' }; Get-MAPEstimate Normal -InputObject 2.3, 2.5, 2.7, 2.9, 3.1 -Fixed @{ Variance = 1 } -Prior $p")]
        [InlineData("Get-MAPEstimate Normal -InputObject 2.3, 2.7, 3.1 -Weight 1, 3, 1 -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }")]
        public void Seed_case_in_every_binding_form(string script)
        {
            // CONTRACT.md worked example: Mean 2.5; map.json seed_normal_known_variance for the rest.
            // (The weighted form is the sample 2.3, 2.7, 2.7, 2.7, 3.1: the same n and mean.)
            var fit = Single(script);
            Tolerance.Relative(2.5, (double)fit.Estimate["Mean"]!, 1e-14, "Mean");
            Tolerance.Relative(0.3779644730092272, fit.Parameters[0].PosteriorStandardDeviation!.Value, 1e-14, "sd");
            Tolerance.Relative(1.7592032454662532, fit.Parameters[0].Lower!.Value, 1e-9, "Lower");
            Tolerance.Relative(3.2407967545337466, fit.Parameters[0].Upper!.Value, 1e-9, "Upper");
            Assert.Equal(5, fit.SampleSize);
            Tolerance.Relative(2.7, fit.MLEstimate!.Parameters[0].Value, 1e-14, "MLE");
        }

        public static IEnumerable<object[]> ReferenceCases() => MapEstimateTests.ReferenceCases();

        [Theory]
        [MemberData(nameof(ReferenceCases))]
        public void Reference_cases_through_the_cmdlet(string id)
        {
            // tests/reference/map.json (hand-derived closed forms, checked with R and scipy).
            var testCase = ReferenceData.Case("map", id);
            var fixedTable = new Hashtable();
            foreach (var entry in ReferenceData.Numbers(testCase, "Fixed"))
            {
                fixedTable[entry.Key] = entry.Value;
            }

            var fit = Single(
                "Get-MAPEstimate -Distribution $args[0] -InputObject $args[1] -Fixed $args[2] -Prior $args[3]",
                testCase.GetProperty("Distribution").GetString(),
                ReferenceData.Doubles(testCase.GetProperty("Data")),
                fixedTable,
                MapEstimateTests.PriorOf(testCase));
            MapEstimateTests.AssertMatches(testCase, fit);
        }

        [Fact]
        public void Result_properties_are_reachable_from_script()
        {
            var result = module.Run(
                "$r = 7 | Get-MAPEstimate Binomial -Fixed @{ Trials = 10 } -Prior @{ P = 'Beta(0.5, 0.5)' }; " +
                "$r.Estimate.P; $r.Estimate.trials; $r.Posterior.Parameters.Alpha; \"$($r.Posterior)\"; $r.MLEstimate.Estimate.P; $r.Parameters[0].MaximumLikelihood; $r.GetType().FullName; \"$r\"");
            Assert.Null(result.TerminatingError);
            var values = result.Objects.ToList();
            // map.json binomial_7_of_10_jeffreys: mode 6.5/9, posterior Beta(7.5, 3.5); MLE 7/10 (hand).
            Tolerance.Relative(0.7222222222222222, (double)values[0], 1e-14, "P");
            Assert.Equal(10.0, values[1]);
            Assert.Equal(7.5, values[2]);
            Assert.Equal("Beta(7.5, 3.5)", values[3]);
            Assert.Equal(0.7, (double)values[4], 14);
            Assert.Equal(0.7, (double)values[5], 14);
            Assert.Equal("PSEstimation.MAPEstimate", values[6]);
            Assert.Equal("Binomial MAP: P = 0.7222222222 (MLE 0.7); n = 1; prior P ~ Beta(0.5, 0.5); posterior Beta(7.5, 3.5)", values[7]);
        }

        [Fact]
        public void Estimate_is_accepted_by_Measure_NegativeLogLikelihood()
        {
            // The NLL at the posterior mode is minus the MAP's LogLikelihood (the same function of the same data).
            var result = module.Run(
                "$r = 7, 4, 6 | Get-MAPEstimate Binomial -Fixed @{ Trials = 10 } -Prior 'Beta(2, 2)'; " +
                "(7, 4, 6 | Measure-NegativeLogLikelihood Binomial -Parameter $r.Estimate).Value; $r.LogLikelihood");
            Assert.Null(result.TerminatingError);
            Tolerance.Relative(-(double)result.Objects[1], (double)result.Objects[0], 1e-14, "NLL at the MAP");
        }

        [Fact]
        public void Categorical_takes_any_scalar_and_a_dirichlet_prior()
        {
            // a ×3, b ×2, c ×1 with Dirichlet(2): posterior Dirichlet(5, 4, 3), mode (4, 3, 2)/9 (hand derivation).
            var fit = Single("'a', 'b', 'A', 'c', 'a', 'b' | Get-MAPEstimate Categorical -Prior 'Dirichlet(2)'");
            Assert.Equal(new[] { "a", "b", "c" }, fit.Parameters.Select(p => p.Name));
            Tolerance.Relative(4.0 / 9, (double)fit.Estimate["A"]!, 1e-14, "a");
            Assert.Equal("Dirichlet(5, 4, 3)", fit.Posterior!.ToString());
        }

        [Fact]
        public void Several_properties_give_one_result_each()
        {
            // A = 1..6, B = 2A; Poisson with Gamma(1, 1): Gamma(1 + Σ, 1 + 6), mode Σ/7: 21/7 = 3 and 42/7 = 6 (hand).
            var result = module.Run("1..6 | ForEach-Object { [pscustomobject]@{ A = $_; B = 2 * $_ } } | Get-MAPEstimate Poisson -Property A, B -Prior 'Gamma(1, 1)'");
            var fits = result.Objects.Cast<MAPEstimate>().ToList();
            Assert.Equal(new[] { "A", "B" }, fits.Select(f => f.Property));
            Tolerance.Relative(3, fits[0].Parameters[0].Value, 1e-14, "A");
            Tolerance.Relative(6, fits[1].Parameters[0].Value, 1e-14, "B");
        }

        [Fact]
        public void Bad_values_are_reported_skipped_and_counted()
        {
            var result = module.Run("1, 'x', 0, -1, 2.5, 1 | Get-MAPEstimate Poisson -Prior @{ Lambda = 'Gamma(2, 1)' }");
            Assert.Equal(new[] { "NotANumber" + Id, "ValueOutsideSupport" + Id, "ValueOutsideSupport" + Id }, result.ErrorIds);
            var fit = Assert.IsType<MAPEstimate>(Assert.Single(result.Objects));
            Assert.Equal(3, fit.SampleSize);
            Assert.Equal(3, fit.SkippedCount);
            // 1, 0, 1 with Gamma(2, 1): Gamma(4, 4), mode 3/4 (hand derivation).
            Tolerance.Relative(0.75, fit.Parameters[0].Value, 1e-14, "Lambda");
        }

        [Fact]
        public void Missing_mle_is_a_warning_and_the_map_stands()
        {
            var result = module.Run("5, 5, 5 | Get-MAPEstimate Normal -Fixed @{ Mean = 5 } -Prior @{ Variance = 'InverseGamma(2, 1)' }");
            Assert.Null(result.TerminatingError);
            var fit = Assert.IsType<MAPEstimate>(Assert.Single(result.Objects));
            Assert.Null(fit.MLEstimate);
            Tolerance.Relative(1 / 4.5, fit.Parameters[1].Value, 1e-15, "InverseGamma(3.5, 1) mode (hand derivation)");
            Assert.Contains(result.Warnings, w => w.Message.Contains("MLEstimate is null"));
        }

        [Theory]
        [InlineData("1, 2 | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal 2, 1' }", "InvalidPrior")]
        [InlineData("1, 2 | Get-MAPEstimate Normal -Prior @{ Mean = 'Cauchy(0, 1)' }", "InvalidPrior")]
        [InlineData("1, 2 | Get-MAPEstimate Normal -Prior @{ Mean = 3 }", "InvalidPrior")]
        [InlineData("1, 2 | Get-MAPEstimate Normal -Prior 42", "InvalidPrior")]
        [InlineData("1, 2 | Get-MAPEstimate Normal -Prior @{ Mean = 'Gamma(2, 1)' }", "InvalidPrior")]
        [InlineData("1, 2 | Get-MAPEstimate Normal -Prior 'Normal(2, 1)'", "InvalidPrior")]
        [InlineData("1, 2 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Variance = 'InverseGamma(2, 1)' }", "InvalidPrior")]
        [InlineData("1, 2 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior 'NormalInverseGamma(0, 1, 2, 1)'", "InvalidPrior")]
        [InlineData("1, 2 | Get-MAPEstimate Poisson -Prior 'Dirichlet(1)'", "InvalidPrior")]
        [InlineData("'a' | Get-MAPEstimate Categorical -Prior @{ a = 'Beta(1, 1)' }", "InvalidPrior")]
        [InlineData("1, 2 | Get-MAPEstimate Normal -Prior @{ Sigma = 'Normal(0, 1)' }", "UnknownParameter")]
        [InlineData("1, 2 | Get-MAPEstimate Binomial -Fixed @{ Trials = 3 } -Prior @{ Trials = 'Beta(1, 1)' }", "UnknownParameter")]
        [InlineData("1, 2 | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(2, -0.5)' }", "InvalidParameterValue")]
        [InlineData("1, 2 | Get-MAPEstimate Bernoulli -Prior @{ P = 'Beta(0, 2)' }", "InvalidParameterValue")]
        [InlineData("1, 2 | Get-MAPEstimate Exponential -Prior @{ Rate = 'Uniform(-1, 1)' }", "InvalidParameterValue")]
        [InlineData("'a' | Get-MAPEstimate Categorical -Prior 'Dirichlet(-1)'", "InvalidParameterValue")]
        [InlineData("1, 2 | Get-MAPEstimate Laplace -Prior @{ Location = 'Normal(0, 1)' }", "NonSmoothParameter")]
        [InlineData("5, 5, 5 | Get-MAPEstimate Normal -Prior @{}", "NoPosteriorMode")]
        [InlineData("@() | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(0, 1)' }", "NoUsableInput")]
        [InlineData("-1, -2 | Get-MAPEstimate Poisson -Prior 'Gamma(1, 1)' -ErrorAction SilentlyContinue", "NoUsableInput")]
        [InlineData("1, 2 | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(0, 1)' } -ConfidenceLevel 1", "InvalidConfidenceLevel")]
        [InlineData("1, 2 | Get-MAPEstimate Normal -Fixed @{ Sigma = 1 } -Prior @{ Mean = 'Normal(0, 1)' }", "UnknownParameter")]
        [InlineData("1, 2 | Get-MAPEstimate Binomial -Prior @{ P = 'Beta(1, 1)' }", "MissingParameter")]
        public void Unusable_requests_are_terminating_errors(string script, string errorId)
        {
            var result = module.Run(script);
            Assert.NotNull(result.TerminatingError);
            Assert.Equal(errorId + Id, result.TerminatingError!.FullyQualifiedErrorId);
        }

        [Fact]
        public void Invalid_prior_message_shows_the_accepted_forms()
        {
            var result = module.Run("1, 2 | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal[2, 1]' }");
            string message = result.TerminatingError!.Exception.Message;
            Assert.Contains("'Normal[2, 1]'", message);
            Assert.Contains("Accepted forms", message);
            Assert.Contains("'Gamma(shape, rate)'", message);
            Assert.Contains("'NormalInverseGamma(mean0, lambda, shape, scale)'", message);
        }

        [Fact]
        public void Prior_is_mandatory()
        {
            var result = module.Run("1, 2 | Get-MAPEstimate Normal");
            Assert.NotNull(result.TerminatingError);
            Assert.Contains("Prior", result.TerminatingError!.Exception.Message);
        }

        [Fact]
        public void Error_action_stop_turns_a_skipped_value_into_a_terminating_error()
        {
            var result = module.Run("try { 1, 'x', 2 | Get-MAPEstimate Poisson -Prior 'Gamma(1, 1)' -ErrorAction Stop; 'not reached' } catch { $_.FullyQualifiedErrorId }");
            Assert.Equal("NotANumber" + Id, Assert.Single(result.Objects));
        }

        [Fact]
        public void Verbose_shows_the_newton_iterations_of_a_numerical_fit()
        {
            var result = module.Run("0.5, 1.2, 0.3, 2.2, 0.9 | Get-MAPEstimate Exponential -Prior 'LogNormal(0, 1)' -Verbose");
            Assert.Contains(result.Verbose, v => v.Message.StartsWith("Newton iteration"));
            var fit = Assert.IsType<MAPEstimate>(Assert.Single(result.Objects));
            // map_reference.py exponential_lognormal (scipy.optimize on the same log-posterior).
            Tolerance.Relative(0.8226039826869964, fit.Parameters[0].Value, 1e-6, "Rate");
            Assert.True(fit.Iterations > 0);
        }

        [Fact]
        public void Default_view_shows_the_map_beside_the_mle()
        {
            string text = module.RunFormatted("2.3, 2.5, 2.7, 2.9, 3.1 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }");
            var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            // A list: mode, MLE, prior and posterior do not fit one table row of 80 columns.
            Assert.Equal("Distribution : Normal", lines[0]);
            Assert.Contains("MAP (MLE)    : Mean = 2.5 (2.7)", lines);
            Assert.Contains("Prior        : Mean ~ Normal(2, 0.5)", lines);
            Assert.Contains("Posterior    : Normal(2.5, 0.142857)", lines);
            Assert.True(!text.Contains("\u001b"), text.Replace("\u001b", "<ESC>"));

            string numerical = module.RunFormatted("0.5, 1.2, 0.3, 2.2, 0.9 | Get-MAPEstimate Exponential -Prior 'LogNormal(0, 1)'");
            // MLE of the rate: n/Σx = 5/5.1 = 0.980392 (hand derivation); MAP from map_reference.py.
            Assert.Contains("MAP (MLE)    : Rate = 0.822604 (0.980392)", numerical);
            Assert.Contains("Prior        : Rate ~ LogNormal(0, 1)", numerical);
            Assert.Contains("Posterior    : Laplace approximation", numerical);
        }

        [Fact]
        public void Parameter_view_shows_posterior_summaries()
        {
            string text = module.RunFormatted("$r = 7 | Get-MAPEstimate Binomial -Fixed @{ Trials = 10 } -Prior @{ P = 'Beta(3, 3)' }; $r.Parameters");
            var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            Assert.Matches(@"^Name\s+Value\s+MLE\s+PosteriorSD\s+Lower\s+Upper$", lines[0]);
            // map.json binomial_7_of_10_beta33, rounded to the view's 6 digits.
            Assert.Matches(@"^P\s+0\.642857\s+0\.7\s+0\.117417\s+0\.383804\s+0\.836636$", lines[2]);
        }
    }
}
